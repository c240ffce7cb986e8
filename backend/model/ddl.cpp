#include "model/ddl.h"

#include "storage/sqldialect.h"

#include <QSet>

namespace vingt {

using namespace Qt::StringLiterals;

namespace {

/// The column's type and constraints (everything after its name). `model` resolves relation targets.
QString columnConstraints(const ObjectMetadata &object, const StorageColumn &column, const DataModel &model,
                          const SqlDialect &dialect)
{
    const FieldMetadata &field = object.fields[column.fieldIndex];
    QString def = dialect.columnType(column.kind);
    if (column.name == "id"_L1) {
        def += u" PRIMARY KEY NOT NULL"_s;
    } else if (column.name == "createdAt"_L1 || column.name == "updatedAt"_L1) {
        def += u" NOT NULL"_s;
    } else if (field.isManyToOne()) {
        if (const ObjectMetadata *target = model.relationTarget(field)) {
            QString action = u"SET NULL"_s;
            switch (field.onDelete) {
            case OnDelete::Cascade: action = u"CASCADE"_s; break;
            case OnDelete::Restrict: action = u"RESTRICT"_s; break;
            case OnDelete::NoAction: action = u"NO ACTION"_s; break;
            case OnDelete::SetNull: break;
            }
            def += u" REFERENCES %1(\"id\") ON DELETE %2"_s.arg(dialect.quote(target->tableName()), action);
        }
    } else if (column.kind == ValueKind::Text && column.subFieldIndex < 0) {
        def += u" DEFAULT ''"_s;
    }
    return def;
}

QString createTableStatement(const ObjectMetadata &object, const DataModel &model, const SqlDialect &dialect,
                             const QString &tableName)
{
    QStringList columnDefs;
    for (const StorageColumn &column : object.storageColumns(true))
        columnDefs << dialect.quote(column.name) + u' ' + columnConstraints(object, column, model, dialect);
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
            statements << u"DROP TABLE %1"_s.arg(dialect.quote(old.tableName()));
    }
    for (const ObjectMetadata &object : after.objects()) {
        const ObjectMetadata *old = before.objectById(object.id);
        if (!old) {
            statements << createTable(object, after, dialect);
            continue;
        }
        struct Column {
            QString name;
            QString constraints;
        };
        // The old table's columns as they are now: relation targets renamed since were rewritten by SQLite, so
        // both sides are rendered against `after`.
        QHash<QString, Column> oldColumns;
        for (const StorageColumn &column : old->storageColumns(true))
            oldColumns.insert(columnKey(*old, column), {column.name, columnConstraints(*old, column, after, dialect)});
        bool rebuild = false;
        QSet<QString> kept;
        std::vector<std::pair<Column, Column>> renamed; // old, new
        std::vector<Column> added;
        QStringList copyTo;
        QStringList copyFrom;
        for (const StorageColumn &column : object.storageColumns(true)) {
            const QString key = columnKey(object, column);
            const Column current{column.name, columnConstraints(object, column, after, dialect)};
            const auto it = oldColumns.constFind(key);
            if (it == oldColumns.cend()) {
                added.push_back(current);
                continue;
            }
            kept.insert(key);
            copyTo << dialect.quote(current.name);
            copyFrom << dialect.quote(it->name);
            if (it->constraints != current.constraints)
                rebuild = true;
            else if (it->name != current.name)
                renamed.emplace_back(*it, current);
        }
        if (kept.size() != oldColumns.size())
            rebuild = true; // a column is dropped
        for (const Column &column : added) {
            // ADD COLUMN cannot add a primary key or a NOT NULL column without a default.
            if (column.constraints.contains(u"NOT NULL"_s))
                rebuild = true;
        }
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
        const bool recreateIndexes = tableRenamed || !renamed.empty();
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
        for (const Column &column : added) {
            statements << u"ALTER TABLE %1 ADD COLUMN %2 %3"_s.arg(table, dialect.quote(column.name),
                                                                   column.constraints);
        }
        for (const auto &index : wanted) {
            if (recreateIndexes || !existing.contains(index.first))
                statements << index.second;
        }
    }
    return statements;
}

} // namespace vingt
