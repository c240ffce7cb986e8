#include "storage/sqldialect.h"

namespace vingt {

using namespace Qt::StringLiterals;

namespace {
QString placeholders(int count)
{
    QString out;
    for (int i = 0; i < count; ++i)
        out += i == 0 ? u"?"_s : u",?"_s;
    return out;
}

/// The elements of the JSON array stored (as text) in `column`, as a derived table `e(v)` of text values.
QString jsonElements(const QString &column)
{
    return u"jsonb_array_elements_text(CASE WHEN jsonb_typeof(%1::jsonb) = 'array' THEN %1::jsonb ELSE '[]'::jsonb "
           "END) AS e(v)"_s.arg(column);
}
} // namespace

QLatin1StringView PostgresDialect::name() const
{
    return "postgres"_L1;
}

// Dates and date-times stay ISO text as on SQLite (DECISIONS "Storage": `YYYY-MM-DDTHH:MM:SS.sssZ` sorts
// correctly), so every layer above reads and writes the same values on both stores; JSON stays text and is cast to
// jsonb where it is queried.
QString PostgresDialect::columnType(ValueKind kind) const
{
    switch (kind) {
    case ValueKind::Boolean: return u"BOOLEAN"_s;
    case ValueKind::Integer: return u"BIGINT"_s;
    case ValueKind::Float: return u"DOUBLE PRECISION"_s;
    default: return u"TEXT"_s;
    }
}

QString PostgresDialect::beginWrite() const
{
    return u"BEGIN"_s;
}

// ILIKE folds case with the database's LC_CTYPE (Unicode-aware for a UTF-8 database): 'ÉCOLE' ilike 'école'.
QString PostgresDialect::ilike(const QString &lhs, const QString &rhs) const
{
    return u"%1 ILIKE %2 ESCAPE '\\'"_s.arg(lhs, rhs);
}

QString PostgresDialect::like(const QString &lhs, const QString &rhs) const
{
    return u"%1 LIKE %2 ESCAPE '\\'"_s.arg(lhs, rhs);
}

QString PostgresDialect::regex(const QString &lhs, const QString &rhs, bool caseInsensitive) const
{
    return u"%1 %2 %3"_s.arg(lhs, caseInsensitive ? u"~*"_s : u"~"_s, rhs);
}

QString PostgresDialect::jsonArrayContainsAny(const QString &column, int count) const
{
    return u"EXISTS (SELECT 1 FROM %1 WHERE e.v IN (%2))"_s.arg(jsonElements(column), placeholders(count));
}

QString PostgresDialect::jsonArrayContainsExactly(const QString &column, int count) const
{
    return u"(jsonb_typeof(%1::jsonb) = 'array' AND jsonb_array_length(%1::jsonb) = %4 AND NOT EXISTS (SELECT 1 "
           "FROM %2 WHERE e.v NOT IN (%3)) AND (SELECT COUNT(DISTINCT e.v) FROM %2) = %4)"_s
               .arg(column, jsonElements(column), placeholders(count))
               .arg(count);
}

QString PostgresDialect::jsonArrayIsEmpty(const QString &column) const
{
    return u"(%1 IS NOT NULL AND %1::jsonb = '[]'::jsonb)"_s.arg(column);
}

QString PostgresDialect::jsonArrayContainsIlike(const QString &column, const QString &rhs) const
{
    return u"EXISTS (SELECT 1 FROM %1 WHERE e.v ILIKE %2 ESCAPE '\\')"_s.arg(jsonElements(column), rhs);
}

QVariant PostgresDialect::toSql(ValueKind kind, const QVariant &value) const
{
    if (value.isNull())
        return value;
    if (kind == ValueKind::Boolean)
        return value.toBool();
    return value;
}

QString PostgresDialect::dateBucket(const QString &expression, DateBucket bucket) const
{
    // The same text buckets as on SQLite: stored dates and date-times start with `YYYY-MM-DD` (UTC).
    const QString day = u"substr(%1, 1, 10)"_s.arg(expression);
    const QString month = u"CAST(substr(%1, 6, 2) AS INTEGER)"_s.arg(expression);
    switch (bucket) {
    case DateBucket::Day: return day;
    case DateBucket::Week: return u"to_char(date_trunc('week', CAST(%1 AS DATE)), 'YYYY-MM-DD')"_s.arg(day);
    case DateBucket::Month: return u"substr(%1, 1, 7)"_s.arg(expression);
    case DateBucket::Quarter: return u"(substr(%1, 1, 4) || '-Q' || ((%2 + 2) / 3))"_s.arg(expression, month);
    case DateBucket::Year: return u"substr(%1, 1, 4)"_s.arg(expression);
    case DateBucket::DayOfWeek: return u"CAST(EXTRACT(ISODOW FROM CAST(%1 AS DATE)) AS INTEGER)"_s.arg(day);
    case DateBucket::MonthOfYear: return month;
    case DateBucket::QuarterOfYear: return u"((%1 + 2) / 3)"_s.arg(month);
    }
    return day;
}

QString PostgresDialect::nullSafeEquals(const QString &lhs, const QString &rhs) const
{
    return u"%1 IS NOT DISTINCT FROM %2"_s.arg(lhs, rhs);
}

QString PostgresDialect::epochMs() const
{
    // clock_timestamp(), not now(): now() is the transaction's start, and a long transaction would stop the clock.
    return u"CAST(extract(epoch FROM clock_timestamp()) * 1000 AS DOUBLE PRECISION)"_s;
}

// Indexes that back a constraint (primary keys, UNIQUE in the system tables) are not Vingt's to drop.
QString PostgresDialect::listIndexes() const
{
    return u"SELECT t.relname, i.relname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid "
           "JOIN pg_class t ON t.oid = x.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace "
           "WHERE n.nspname = current_schema() AND NOT EXISTS "
           "(SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)"_s;
}

QString PostgresDialect::dropTable(const QString &quotedTable) const
{
    return u"DROP TABLE %1 CASCADE"_s.arg(quotedTable);
}

// Transaction-scoped: released by the migration's COMMIT or ROLLBACK. One lock per schema.
QString PostgresDialect::migrationLock() const
{
    return u"SELECT pg_advisory_xact_lock(hashtext(current_schema()))"_s;
}

} // namespace vingt
