#include "model/ddl.h"

#include "storage/sqldialect.h"

namespace vingt {

using namespace Qt::StringLiterals;

QString Ddl::uniqueColumn(const ObjectMetadata &object, const FieldMetadata &field)
{
    Q_UNUSED(object);
    if (!field.isUnique)
        return {};
    const auto subs = compositeSubFields(field.type);
    return subs.empty() ? field.name : compositeColumnName(field.name, subs.front().name);
}

QStringList Ddl::createTable(const ObjectMetadata &object, const DataModel &model, const SqlDialect &dialect)
{
    const QString table = dialect.quote(object.tableName());
    QStringList columnDefs;
    QStringList indexes;
    for (const StorageColumn &column : object.columns) {
        const FieldMetadata &field = object.fields[column.fieldIndex];
        QString def = dialect.quote(column.name) + u' ' + dialect.columnType(column.kind);
        if (column.name == "id"_L1) {
            def += u" PRIMARY KEY NOT NULL"_s;
        } else if (column.name == "createdAt"_L1 || column.name == "updatedAt"_L1) {
            def += u" NOT NULL"_s;
        } else if (field.isManyToOne()) {
            const ObjectMetadata *target = model.relationTarget(field);
            if (target) {
                QString action = u"SET NULL"_s;
                switch (field.onDelete) {
                case OnDelete::Cascade: action = u"CASCADE"_s; break;
                case OnDelete::Restrict: action = u"RESTRICT"_s; break;
                case OnDelete::NoAction: action = u"NO ACTION"_s; break;
                case OnDelete::SetNull: break;
                }
                def += u" REFERENCES %1(\"id\") ON DELETE %2"_s.arg(dialect.quote(target->tableName()), action);
            }
            indexes << u"CREATE INDEX %1 ON %2 (%3)"_s.arg(
                dialect.quote(u"IDX_%1_%2"_s.arg(object.tableName(), column.name)), table, dialect.quote(column.name));
        } else if (column.kind == ValueKind::Text && column.subFieldIndex < 0) {
            def += u" DEFAULT ''"_s;
        }
        columnDefs << def;
    }
    QStringList statements;
    statements << u"CREATE TABLE %1 (%2)"_s.arg(table, columnDefs.join(u", "_s));

    // Sort and filter indexes cover live rows only and end with the id tie-breaker, so a page
    // (`WHERE "deletedAt" IS NULL … ORDER BY col, id LIMIT n`) reads n index entries instead of sorting the table.
    // A plain deletedAt index would be picked for `"deletedAt" IS NULL` (true for almost every row) and force a
    // full sort; the trash gets a partial index of deleted rows instead.
    const bool softDeletable = object.column(u"deletedAt"_s) != nullptr;
    auto addIndex = [&](const QString &columnName) {
        if (!object.column(columnName))
            return;
        const QString name = dialect.quote(u"IDX_%1_%2"_s.arg(object.tableName(), columnName));
        if (softDeletable) {
            statements << u"CREATE INDEX %1 ON %2 (%3, \"id\") WHERE \"deletedAt\" IS NULL"_s.arg(
                name, table, dialect.quote(columnName));
        } else {
            statements << u"CREATE INDEX %1 ON %2 (%3, \"id\")"_s.arg(name, table, dialect.quote(columnName));
        }
    };
    if (softDeletable) {
        statements << u"CREATE INDEX %1 ON %2 (\"deletedAt\") WHERE \"deletedAt\" IS NOT NULL"_s.arg(
            dialect.quote(u"IDX_%1_deletedAt"_s.arg(object.tableName())), table);
        // The live rows by id: the default page (ORDER BY id) and totalCount read this narrow index, not the table.
        statements << u"CREATE INDEX %1 ON %2 (\"id\") WHERE \"deletedAt\" IS NULL"_s.arg(
            dialect.quote(u"IDX_%1_live"_s.arg(object.tableName())), table);
    }
    addIndex(u"createdAt"_s);
    addIndex(u"position"_s);
    if (const FieldMetadata *label = object.labelIdentifierField()) {
        if (compositeSubFields(label->type).empty())
            addIndex(label->name);
    }
    statements << indexes;
    for (const FieldMetadata &field : object.fields) {
        const QString unique = uniqueColumn(object, field);
        if (unique.isEmpty() || !object.column(unique))
            continue;
        // Unique among live records with a value: soft-deleted rows and empty values never conflict.
        statements << u"CREATE UNIQUE INDEX %1 ON %2 (%3) WHERE \"deletedAt\" IS NULL AND %3 <> ''"_s.arg(
            dialect.quote(u"UQ_%1_%2"_s.arg(object.tableName(), unique)), table, dialect.quote(unique));
    }
    return statements;
}

} // namespace vingt
