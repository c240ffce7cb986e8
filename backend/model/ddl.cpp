#include "model/ddl.h"

#include "storage/sqldialect.h"

#include <QSet>

namespace vingt {

using namespace Qt::StringLiterals;

namespace {

/// A column's definition in parts, so that a dialect that alters columns in place can change one part.
struct ColumnDef {
    QString type;
    QString key;        ///< "PRIMARY KEY NOT NULL", "NOT NULL" or empty
    QString reference;  ///< "REFERENCES … ON DELETE …" or empty
    QString defaultSql; ///< "DEFAULT ''" or empty

    [[nodiscard]] QString text() const
    {
        QString out = type;
        for (const QString *part : {&key, &reference, &defaultSql}) {
            if (!part->isEmpty())
                out += u' ' + *part;
        }
        return out;
    }
};

/// The column's type and constraints (everything after its name). `model` resolves relation targets.
ColumnDef columnDef(const ObjectMetadata &object, const StorageColumn &column, const DataModel &model,
                    const SqlDialect &dialect)
{
    const FieldMetadata &field = object.fields[column.fieldIndex];
    ColumnDef def{dialect.columnType(column.kind), {}, {}, {}};
    if (column.name == "id"_L1) {
        def.key = u"PRIMARY KEY NOT NULL"_s;
    } else if (column.name == "createdAt"_L1 || column.name == "updatedAt"_L1) {
        def.key = u"NOT NULL"_s;
    } else if (field.isManyToOne()) {
        if (const ObjectMetadata *target = model.relationTarget(field)) {
            QString action = u"SET NULL"_s;
            switch (field.onDelete) {
            case OnDelete::Cascade: action = u"CASCADE"_s; break;
            case OnDelete::Restrict: action = u"RESTRICT"_s; break;
            case OnDelete::NoAction: action = u"NO ACTION"_s; break;
            case OnDelete::SetNull: break;
            }
            def.reference = u"REFERENCES %1(\"id\") ON DELETE %2"_s.arg(dialect.quote(target->tableName()), action);
        }
    } else if (column.kind == ValueKind::Text && column.subFieldIndex < 0) {
        def.defaultSql = u"DEFAULT ''"_s;
    }
    return def;
}

/// ALTER TABLE statements that turn column `name` of `table` (both quoted) from `from` into `to`, for a dialect
/// that alters columns in place. The primary key never changes (it is always `id`).
QStringList alterColumn(const QString &table, const QString &name, const ColumnDef &from, const ColumnDef &to)
{
    QStringList out;
    const QString alter = u"ALTER TABLE %1 ALTER COLUMN %2 "_s.arg(table, name);
    if (from.type != to.type)
        out << alter + u"TYPE %1 USING %2::%1"_s.arg(to.type, name);
    if (from.reference != to.reference) {
        if (!from.reference.isEmpty()) {
            // The constraint's name is PostgreSQL's choice (and stays when tables are renamed): find it by column.
            out << u"DO $$DECLARE r record; BEGIN FOR r IN SELECT conname FROM pg_constraint WHERE contype = 'f' "
                   "AND conrelid = '%1'::regclass AND conkey = ARRAY[(SELECT attnum FROM pg_attribute WHERE "
                   "attrelid = '%1'::regclass AND attname = '%3')] LOOP EXECUTE 'ALTER TABLE %1 DROP CONSTRAINT ' "
                   "|| quote_ident(r.conname); END LOOP; END$$"_s.arg(table, name, name.mid(1, name.size() - 2));
        }
        if (!to.reference.isEmpty())
            out << u"ALTER TABLE %1 ADD FOREIGN KEY (%2) %3"_s.arg(table, name, to.reference);
    }
    if (from.defaultSql != to.defaultSql)
        out << alter + (to.defaultSql.isEmpty() ? u"DROP DEFAULT"_s : u"SET "_s + to.defaultSql);
    if (from.key != to.key)
        out << alter + (to.key.isEmpty() ? u"DROP NOT NULL"_s : u"SET NOT NULL"_s);
    return out;
}

/// PostgreSQL checks that a referenced table exists, so a dialect that alters columns in place creates the tables
/// first and adds their foreign keys afterwards (Ddl::foreignKeys); SQLite declares them inline.
QString createTableStatement(const ObjectMetadata &object, const DataModel &model, const SqlDialect &dialect,
                             const QString &tableName)
{
    QStringList columnDefs;
    for (const StorageColumn &column : object.storageColumns(true)) {
        ColumnDef def = columnDef(object, column, model, dialect);
        if (dialect.altersColumnsInPlace())
            def.reference.clear();
        columnDefs << dialect.quote(column.name) + u' ' + def.text();
    }
    return u"CREATE TABLE %1 (%2)"_s.arg(dialect.quote(tableName), columnDefs.join(u", "_s));
}

/// Identifies a stored column across data models: its field's id and sub-field (or join column).
QString columnKey(const ObjectMetadata &object, const StorageColumn &column)
{
    return object.fields[column.fieldIndex].id + u'/' + QString::number(column.subFieldIndex);
}

} // namespace

QString Ddl::uniqueColumn(const ObjectMetadata &object, const FieldMetadata &field)
{
    Q_UNUSED(object);
    if (!field.isUnique)
        return {};
    const auto subs = compositeSubFields(field.type);
    return subs.empty() ? field.name : compositeColumnName(field.name, subs.front().name);
}

std::vector<std::pair<QString, QString>> Ddl::indexes(const ObjectMetadata &object, const SqlDialect &dialect)
{
    const QString table = dialect.quote(object.tableName());
    const std::vector<StorageColumn> columns = object.storageColumns(true);
    QSet<QString> columnNames;
    for (const StorageColumn &column : columns)
        columnNames.insert(column.name);
    std::vector<std::pair<QString, QString>> result;
    auto add = [&](const QString &name, const QString &sql) {
        for (const auto &existing : result) {
            if (existing.first == name)
                return;
        }
        result.emplace_back(name, sql);
    };

    // Sort and filter indexes cover live rows only and end with the id tie-breaker, so a page
    // (`WHERE "deletedAt" IS NULL … ORDER BY col, id LIMIT n`) reads n index entries instead of sorting the table.
    // A plain deletedAt index would be picked for `"deletedAt" IS NULL` (true for almost every row) and force a
    // full sort; the trash gets a partial index of deleted rows instead.
    const bool softDeletable = columnNames.contains(u"deletedAt"_s);
    auto addSortIndex = [&](const QString &columnName) {
        if (!columnNames.contains(columnName))
            return;
        const QString name = u"IDX_%1_%2"_s.arg(object.tableName(), columnName);
        if (softDeletable) {
            add(name, u"CREATE INDEX %1 ON %2 (%3, \"id\") WHERE \"deletedAt\" IS NULL"_s.arg(
                          dialect.quote(name), table, dialect.quote(columnName)));
        } else {
            add(name,
                u"CREATE INDEX %1 ON %2 (%3, \"id\")"_s.arg(dialect.quote(name), table, dialect.quote(columnName)));
        }
    };
    if (softDeletable) {
        const QString deleted = u"IDX_%1_deletedAt"_s.arg(object.tableName());
        add(deleted, u"CREATE INDEX %1 ON %2 (\"deletedAt\") WHERE \"deletedAt\" IS NOT NULL"_s.arg(
                         dialect.quote(deleted), table));
        // The live rows by id: the default page (ORDER BY id) and totalCount read this narrow index, not the table.
        const QString live = u"IDX_%1_live"_s.arg(object.tableName());
        add(live, u"CREATE INDEX %1 ON %2 (\"id\") WHERE \"deletedAt\" IS NULL"_s.arg(dialect.quote(live), table));
    }
    addSortIndex(u"createdAt"_s);
    addSortIndex(u"position"_s);
    if (const FieldMetadata *label = object.labelIdentifierField()) {
        if (compositeSubFields(label->type).empty() && label->type != FieldType::Relation)
            addSortIndex(label->name);
    }
    // Group-by (API-CONTRACT §1.10): a board groups by a SELECT field and sums currency amounts (`stage` with
    // `sumAmountAmountMicros`). One live index per SELECT column covering the object's amountMicros columns lets
    // SQLite read the groups in order from the index alone, without touching the (wide) table rows: on 100,000
    // opportunities the group-by drops from a 100,000-row table walk plus a temp B-tree to one index scan.
    if (softDeletable) {
        QStringList amounts;
        for (const StorageColumn &column : columns) {
            if (column.subFieldIndex == 0 && object.fields[column.fieldIndex].type == FieldType::Currency)
                amounts << dialect.quote(column.name);
        }
        for (const StorageColumn &column : columns) {
            if (column.kind != ValueKind::Select || column.subFieldIndex >= 0)
                continue;
            const QString name = u"IDX_%1_%2_group"_s.arg(object.tableName(), column.name);
            QStringList indexed{dialect.quote(column.name)};
            indexed << amounts;
            add(name, u"CREATE INDEX %1 ON %2 (%3) WHERE \"deletedAt\" IS NULL"_s.arg(dialect.quote(name), table,
                                                                                      indexed.join(u", "_s)));
        }
    }
    for (const StorageColumn &column : columns) {
        if (!object.fields[column.fieldIndex].isManyToOne())
            continue;
        const QString name = u"IDX_%1_%2"_s.arg(object.tableName(), column.name);
        add(name, u"CREATE INDEX %1 ON %2 (%3)"_s.arg(dialect.quote(name), table, dialect.quote(column.name)));
    }
    for (const FieldMetadata &field : object.fields) {
        const QString unique = uniqueColumn(object, field);
        if (unique.isEmpty() || !columnNames.contains(unique))
            continue;
        // Unique among live records with a value: soft-deleted rows and empty values never conflict.
        const QString name = u"UQ_%1_%2"_s.arg(object.tableName(), unique);
        add(name, u"CREATE UNIQUE INDEX %1 ON %2 (%3) WHERE \"deletedAt\" IS NULL AND %3 <> ''"_s.arg(
                      dialect.quote(name), table, dialect.quote(unique)));
    }
    return result;
}

QStringList Ddl::foreignKeys(const ObjectMetadata &object, const DataModel &model, const SqlDialect &dialect)
{
    QStringList statements;
    if (!dialect.altersColumnsInPlace())
        return statements;
    const QString table = dialect.quote(object.tableName());
    for (const StorageColumn &column : object.storageColumns(true)) {
        const ColumnDef def = columnDef(object, column, model, dialect);
        if (!def.reference.isEmpty()) {
            statements << u"ALTER TABLE %1 ADD FOREIGN KEY (%2) %3"_s.arg(table, dialect.quote(column.name),
                                                                          def.reference);
        }
    }
    return statements;
}

QStringList Ddl::createTable(const ObjectMetadata &object, const DataModel &model, const SqlDialect &dialect)
{
    QStringList statements{createTableStatement(object, model, dialect, object.tableName())};
    for (const auto &index : indexes(object, dialect))
        statements << index.second;
    return statements;
}

QStringList Ddl::migrate(const DataModel &before, const DataModel &after, const SqlDialect &dialect,
                         const IndexNames &existingIndexes)
{
    QStringList statements;
    for (const ObjectMetadata &old : before.objects()) {
        if (!after.objectById(old.id))
            statements << dialect.dropTable(dialect.quote(old.tableName()));
    }
    const bool inPlace = dialect.altersColumnsInPlace();
    QStringList newForeignKeys; // after every new table exists
    for (const ObjectMetadata &object : after.objects()) {
        const ObjectMetadata *old = before.objectById(object.id);
        if (!old) {
            statements << createTable(object, after, dialect);
            newForeignKeys << foreignKeys(object, after, dialect);
            continue;
        }
        struct Column {
            QString name;
            ColumnDef def;
        };
        // The old table's columns as they are now: relation targets renamed since were rewritten by the database, so
        // both sides are rendered against `after`.
        QHash<QString, Column> oldColumns;
        for (const StorageColumn &column : old->storageColumns(true))
            oldColumns.insert(columnKey(*old, column), {column.name, columnDef(*old, column, after, dialect)});
        bool rebuild = false;
        QSet<QString> kept;
        std::vector<std::pair<Column, Column>> renamed; // old, new
        std::vector<std::pair<Column, Column>> changed; // old, new (name as after any rename)
        std::vector<Column> added;
        QStringList copyTo;
        QStringList copyFrom;
        for (const StorageColumn &column : object.storageColumns(true)) {
            const QString key = columnKey(object, column);
            const Column current{column.name, columnDef(object, column, after, dialect)};
            const auto it = oldColumns.constFind(key);
            if (it == oldColumns.cend()) {
                added.push_back(current);
                continue;
            }
            kept.insert(key);
            copyTo << dialect.quote(current.name);
            copyFrom << dialect.quote(it->name);
            if (it->name != current.name)
                renamed.emplace_back(*it, current);
            if (it->def.text() != current.def.text()) {
                changed.emplace_back(*it, current);
                rebuild = true;
            }
        }
        std::vector<Column> dropped;
        for (auto it = oldColumns.cbegin(); it != oldColumns.cend(); ++it) {
            if (!kept.contains(it.key()))
                dropped.push_back(it.value());
        }
        if (!dropped.empty())
            rebuild = true;
        for (const Column &column : added) {
            // ADD COLUMN cannot add a primary key or a NOT NULL column without a default.
            if (column.def.text().contains(u"NOT NULL"_s))
                rebuild = true;
        }
        if (inPlace)
            rebuild = false; // ALTER TABLE does all of it
        else
            changed.clear();
        const QString oldTable = dialect.quote(old->tableName());
        const QString table = dialect.quote(object.tableName());
        if (rebuild) {
            const QString scratch = u"__vingt_rebuild_"_s + object.tableName();
            statements << createTableStatement(object, after, dialect, scratch);
            if (!copyTo.isEmpty()) {
                statements << u"INSERT INTO %1 (%2) SELECT %3 FROM %4"_s.arg(
                    dialect.quote(scratch), copyTo.join(u", "_s), copyFrom.join(u", "_s), oldTable);
            }
            statements << u"DROP TABLE %1"_s.arg(oldTable);
            statements << u"ALTER TABLE %1 RENAME TO %2"_s.arg(dialect.quote(scratch), table);
            for (const auto &index : indexes(object, dialect))
                statements << index.second;
            continue;
        }
        const bool tableRenamed = old->tableName() != object.tableName();
        const QStringList existing = existingIndexes.value(old->tableName());
        const auto wanted = indexes(object, dialect);
        // A changed column's indexes are recreated too (a partial index may compare it with '').
        const bool recreateIndexes = tableRenamed || !renamed.empty() || !changed.empty() || !dropped.empty();
        for (const QString &name : existing) {
            bool keep = !recreateIndexes;
            if (keep) {
                keep = std::any_of(wanted.begin(), wanted.end(), [&](const auto &w) { return w.first == name; });
            }
            if (!keep)
                statements << u"DROP INDEX %1"_s.arg(dialect.quote(name));
        }
        if (tableRenamed)
            statements << u"ALTER TABLE %1 RENAME TO %2"_s.arg(oldTable, table);
        for (const auto &[from, to] : renamed) {
            statements << u"ALTER TABLE %1 RENAME COLUMN %2 TO %3"_s.arg(table, dialect.quote(from.name),
                                                                         dialect.quote(to.name));
        }
        for (const Column &column : dropped)
            statements << u"ALTER TABLE %1 DROP COLUMN %2"_s.arg(table, dialect.quote(column.name));
        for (const auto &[from, to] : changed)
            statements << alterColumn(table, dialect.quote(to.name), from.def, to.def);
        for (const Column &column : added) {
            ColumnDef def = column.def;
            if (inPlace && !def.reference.isEmpty()) {
                // The referenced table may be created by this same change: the key comes after every table exists.
                newForeignKeys << u"ALTER TABLE %1 ADD FOREIGN KEY (%2) %3"_s.arg(table, dialect.quote(column.name),
                                                                                  def.reference);
                def.reference.clear();
            }
            statements << u"ALTER TABLE %1 ADD COLUMN %2 %3"_s.arg(table, dialect.quote(column.name), def.text());
        }
        for (const auto &index : wanted) {
            if (recreateIndexes || !existing.contains(index.first))
                statements << index.second;
        }
    }
    return statements + newForeignKeys;
}

} // namespace vingt
