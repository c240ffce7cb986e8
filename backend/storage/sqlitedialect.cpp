#include "storage/sqldialect.h"

namespace vingt {

using namespace Qt::StringLiterals;

QString SqlDialect::quote(QStringView identifier) const
{
    QString out;
    out.reserve(identifier.size() + 2);
    out += u'"';
    for (const QChar c : identifier) {
        if (c == u'"')
            out += u'"';
        out += c;
    }
    out += u'"';
    return out;
}

QLatin1StringView SqliteDialect::name() const
{
    return "sqlite"_L1;
}

QString SqliteDialect::columnType(ValueKind kind) const
{
    switch (kind) {
    case ValueKind::Boolean:
    case ValueKind::Integer: return u"INTEGER"_s;
    case ValueKind::Float: return u"REAL"_s;
    default: return u"TEXT"_s;
    }
}

QString SqliteDialect::beginWrite() const
{
    return u"BEGIN IMMEDIATE"_s;
}

// vingt_fold() is registered on every connection (storage/database.cpp): Unicode case folding, so that
// 'ÉCOLE' ilike 'école' holds (SQLite's own LIKE folds ASCII only).
QString SqliteDialect::ilike(const QString &lhs, const QString &rhs) const
{
    return u"vingt_fold(%1) LIKE vingt_fold(%2) ESCAPE '\\'"_s.arg(lhs, rhs);
}

QString SqliteDialect::like(const QString &lhs, const QString &rhs) const
{
    return u"%1 LIKE %2 ESCAPE '\\'"_s.arg(lhs, rhs);
}

QString SqliteDialect::regex(const QString &lhs, const QString &rhs, bool caseInsensitive) const
{
    // QSQLITE_ENABLE_REGEXP registers regexp(pattern, value) backed by QRegularExpression.
    if (caseInsensitive)
        return u"%1 REGEXP ('(?i)' || %2)"_s.arg(lhs, rhs);
    return u"%1 REGEXP %2"_s.arg(lhs, rhs);
}

namespace {
QString placeholders(int count)
{
    QString out;
    for (int i = 0; i < count; ++i)
        out += i == 0 ? u"?"_s : u",?"_s;
    return out;
}
} // namespace

QString SqliteDialect::jsonArrayContainsAny(const QString &column, int count) const
{
    return u"EXISTS (SELECT 1 FROM json_each(%1) WHERE json_each.value IN (%2))"_s.arg(column, placeholders(count));
}

QString SqliteDialect::jsonArrayContainsExactly(const QString &column, int count) const
{
    return u"(json_array_length(%1) = %3 AND NOT EXISTS (SELECT 1 FROM json_each(%1) WHERE json_each.value NOT IN (%2))"
           " AND (SELECT COUNT(DISTINCT json_each.value) FROM json_each(%1)) = %3)"_s.arg(column, placeholders(count))
               .arg(count);
}

QString SqliteDialect::jsonArrayIsEmpty(const QString &column) const
{
    return u"(%1 IS NOT NULL AND json_array_length(%1) = 0)"_s.arg(column);
}

QString SqliteDialect::jsonArrayContainsIlike(const QString &column, const QString &rhs) const
{
    return u"EXISTS (SELECT 1 FROM json_each(%1) WHERE vingt_fold(json_each.value) LIKE vingt_fold(%2) ESCAPE '\\')"_s
        .arg(column, rhs);
}

QVariant SqliteDialect::toSql(ValueKind kind, const QVariant &value) const
{
    if (value.isNull())
        return value;
    if (kind == ValueKind::Boolean)
        return value.toBool() ? 1 : 0;
    return value;
}

QString SqliteDialect::dateBucket(const QString &expression, DateBucket bucket) const
{
    // Stored dates and date-times start with `YYYY-MM-DD` (UTC), so most buckets are prefixes.
    const QString day = u"substr(%1, 1, 10)"_s.arg(expression);
    const QString month = u"CAST(substr(%1, 6, 2) AS INTEGER)"_s.arg(expression);
    switch (bucket) {
    case DateBucket::Day: return day;
    case DateBucket::Week: return u"date(%1, 'weekday 0', '-6 days')"_s.arg(day);
    case DateBucket::Month: return u"substr(%1, 1, 7)"_s.arg(expression);
    case DateBucket::Quarter: return u"(substr(%1, 1, 4) || '-Q' || ((%2 + 2) / 3))"_s.arg(expression, month);
    case DateBucket::Year: return u"substr(%1, 1, 4)"_s.arg(expression);
    case DateBucket::DayOfWeek: return u"((CAST(strftime('%w', %1) AS INTEGER) + 6) % 7 + 1)"_s.arg(day);
    case DateBucket::MonthOfYear: return month;
    case DateBucket::QuarterOfYear: return u"((%1 + 2) / 3)"_s.arg(month);
    }
    return day;
}

QString SqliteDialect::nullSafeEquals(const QString &lhs, const QString &rhs) const
{
    return u"%1 IS %2"_s.arg(lhs, rhs);
}

QString SqliteDialect::epochMs() const
{
    return u"((julianday('now') - 2440587.5) * 86400000.0)"_s;
}

QString SqliteDialect::listIndexes() const
{
    return u"SELECT tbl_name, name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"_s;
}

QString SqliteDialect::dropTable(const QString &quotedTable) const
{
    return u"DROP TABLE %1"_s.arg(quotedTable);
}

// A DROP TABLE would otherwise run the ON DELETE actions of the rows pointing at it; the pragma is a no-op inside a
// transaction, so it is set around it. foreignKeyCheck() runs before the commit instead.
QString SqliteDialect::beforeSchemaChange() const
{
    return u"PRAGMA foreign_keys = OFF"_s;
}

QString SqliteDialect::afterSchemaChange() const
{
    return u"PRAGMA foreign_keys = ON"_s;
}

QString SqliteDialect::foreignKeyCheck() const
{
    return u"PRAGMA foreign_key_check"_s;
}

} // namespace vingt
