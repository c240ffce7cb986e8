#pragma once

#include "model/fieldtype.h"

#include <QLatin1StringView>
#include <QString>
#include <QVariant>

namespace vingt {

/// @brief Buckets of a date or date-time column for group-by (API-CONTRACT §1.10). Each gives a sortable value:
/// Day `2025-01-31`, Week the Monday of its ISO week `2025-01-27`, Month `2025-01`, Quarter `2025-Q1`, Year `2025`,
/// DayOfWeek 1 (Monday) .. 7 (Sunday), MonthOfYear 1..12, QuarterOfYear 1..4 (integers, named by the caller).
enum class DateBucket { Day, Week, Month, Quarter, Year, DayOfWeek, MonthOfYear, QuarterOfYear };

/// @brief Every SQL difference between SQLite and PostgreSQL lives behind this interface (DESIGN "storage").
/// Callers build SQL from these pieces; values are always bound with `?` placeholders.
class SqlDialect
{
public:
    virtual ~SqlDialect() = default;

    [[nodiscard]] virtual QLatin1StringView name() const = 0;
    /// Quotes an identifier ("name", embedded quotes doubled). Identifiers come only from validated metadata.
    [[nodiscard]] QString quote(QStringView identifier) const;
    /// Column type of a stored value kind.
    [[nodiscard]] virtual QString columnType(ValueKind kind) const = 0;
    /// Statement that starts a write transaction (SQLite: BEGIN IMMEDIATE, so writers queue instead of deadlocking).
    [[nodiscard]] virtual QString beginWrite() const = 0;
    /// Case-insensitive LIKE with Unicode case folding: `lhs` is SQL, `rhs` SQL (usually `?`).
    [[nodiscard]] virtual QString ilike(const QString &lhs, const QString &rhs) const = 0;
    /// Case-sensitive LIKE (SQLite connections run with case_sensitive_like = ON).
    [[nodiscard]] virtual QString like(const QString &lhs, const QString &rhs) const = 0;
    /// Regular-expression match.
    [[nodiscard]] virtual QString regex(const QString &lhs, const QString &rhs, bool caseInsensitive) const = 0;
    /// True when the JSON array in `column` contains any of `count` bound values.
    [[nodiscard]] virtual QString jsonArrayContainsAny(const QString &column, int count) const = 0;
    /// True when the JSON array in `column` has exactly the `count` bound values (as a set).
    [[nodiscard]] virtual QString jsonArrayContainsExactly(const QString &column, int count) const = 0;
    /// True when `column` holds an empty JSON array.
    [[nodiscard]] virtual QString jsonArrayIsEmpty(const QString &column) const = 0;
    /// True when any string element of the JSON array in `column` matches `rhs` case-insensitively (LIKE pattern).
    [[nodiscard]] virtual QString jsonArrayContainsIlike(const QString &column, const QString &rhs) const = 0;
    /// Converts a value of `kind` to what the driver should bind (e.g. bool → 0/1 on SQLite).
    [[nodiscard]] virtual QVariant toSql(ValueKind kind, const QVariant &value) const = 0;
    /// The bucket of a stored date (`YYYY-MM-DD`) or date-time (`YYYY-MM-DDTHH:MM:SS.sssZ`, UTC) expression.
    [[nodiscard]] virtual QString dateBucket(const QString &expression, DateBucket bucket) const = 0;
    /// Equality that holds for two NULLs (SQLite `a IS b`, PostgreSQL `a IS NOT DISTINCT FROM b`).
    [[nodiscard]] virtual QString nullSafeEquals(const QString &lhs, const QString &rhs) const = 0;
    /// The database server's wall clock in milliseconds since the epoch, as a DOUBLE PRECISION expression: one clock
    /// for every server on a shared database (storage/ratelimitstore).
    [[nodiscard]] virtual QString epochMs() const = 0;
    /// Upsert is not needed by callers yet; the records service matches first, then inserts or updates.

    // Schema changes (model/ddl, services/metadataservice).
    /// True when ALTER TABLE can drop a column and change its type and constraints in place (PostgreSQL); false
    /// when such changes need the documented table rebuild (SQLite).
    [[nodiscard]] virtual bool altersColumnsInPlace() const = 0;
    /// A query answering (table name, index name) for every index created by Vingt in the current schema.
    [[nodiscard]] virtual QString listIndexes() const = 0;
    /// DROP TABLE for an object whose table goes away (PostgreSQL drops the foreign keys pointing at it too: the
    /// relation fields that used them are removed in the same change).
    [[nodiscard]] virtual QString dropTable(const QString &quotedTable) const = 0;
    /// Statements run outside the transaction around a schema change (SQLite: foreign keys off, then on again).
    [[nodiscard]] virtual QString beforeSchemaChange() const = 0;
    [[nodiscard]] virtual QString afterSchemaChange() const = 0;
    /// A query listing the tables with dangling references after a schema change, or empty when the database checks
    /// foreign keys on every statement (PostgreSQL).
    [[nodiscard]] virtual QString foreignKeyCheck() const = 0;
    /// A statement run first in a migration's transaction that keeps concurrent migrators (several servers starting
    /// on one database) out until it commits, or empty (SQLite: BEGIN IMMEDIATE already does).
    [[nodiscard]] virtual QString migrationLock() const = 0;
};

/// @brief SQLite 3.40 through QSQLITE: TEXT/INTEGER/REAL storage, json1, a registered case-folding function.
class SqliteDialect final : public SqlDialect
{
public:
    [[nodiscard]] QLatin1StringView name() const override;
    [[nodiscard]] QString columnType(ValueKind kind) const override;
    [[nodiscard]] QString beginWrite() const override;
    [[nodiscard]] QString ilike(const QString &lhs, const QString &rhs) const override;
    [[nodiscard]] QString like(const QString &lhs, const QString &rhs) const override;
    [[nodiscard]] QString regex(const QString &lhs, const QString &rhs, bool caseInsensitive) const override;
    [[nodiscard]] QString jsonArrayContainsAny(const QString &column, int count) const override;
    [[nodiscard]] QString jsonArrayContainsExactly(const QString &column, int count) const override;
    [[nodiscard]] QString jsonArrayIsEmpty(const QString &column) const override;
    [[nodiscard]] QString jsonArrayContainsIlike(const QString &column, const QString &rhs) const override;
    [[nodiscard]] QVariant toSql(ValueKind kind, const QVariant &value) const override;
    [[nodiscard]] QString dateBucket(const QString &expression, DateBucket bucket) const override;
    [[nodiscard]] QString nullSafeEquals(const QString &lhs, const QString &rhs) const override;
    [[nodiscard]] QString epochMs() const override;
    [[nodiscard]] bool altersColumnsInPlace() const override { return false; }
    [[nodiscard]] QString listIndexes() const override;
    [[nodiscard]] QString dropTable(const QString &quotedTable) const override;
    [[nodiscard]] QString beforeSchemaChange() const override;
    [[nodiscard]] QString afterSchemaChange() const override;
    [[nodiscard]] QString foreignKeyCheck() const override;
    [[nodiscard]] QString migrationLock() const override { return {}; }
};

/// @brief PostgreSQL 15 through QPSQL: TEXT (UUIDs, ISO dates and date-times, JSON as text cast to jsonb where it is
/// queried), BOOLEAN, DOUBLE PRECISION, BIGINT; ILIKE after lower() (Unicode-aware with a UTF-8 database); ALTER TABLE
/// for every schema change. Each workspace lives in its own schema (search_path set per connection).
class PostgresDialect final : public SqlDialect
{
public:
    [[nodiscard]] QLatin1StringView name() const override;
    [[nodiscard]] QString columnType(ValueKind kind) const override;
    [[nodiscard]] QString beginWrite() const override;
    [[nodiscard]] QString ilike(const QString &lhs, const QString &rhs) const override;
    [[nodiscard]] QString like(const QString &lhs, const QString &rhs) const override;
    [[nodiscard]] QString regex(const QString &lhs, const QString &rhs, bool caseInsensitive) const override;
    [[nodiscard]] QString jsonArrayContainsAny(const QString &column, int count) const override;
    [[nodiscard]] QString jsonArrayContainsExactly(const QString &column, int count) const override;
    [[nodiscard]] QString jsonArrayIsEmpty(const QString &column) const override;
    [[nodiscard]] QString jsonArrayContainsIlike(const QString &column, const QString &rhs) const override;
    [[nodiscard]] QVariant toSql(ValueKind kind, const QVariant &value) const override;
    [[nodiscard]] QString dateBucket(const QString &expression, DateBucket bucket) const override;
    [[nodiscard]] QString nullSafeEquals(const QString &lhs, const QString &rhs) const override;
    [[nodiscard]] QString epochMs() const override;
    [[nodiscard]] bool altersColumnsInPlace() const override { return true; }
    [[nodiscard]] QString listIndexes() const override;
    [[nodiscard]] QString dropTable(const QString &quotedTable) const override;
    [[nodiscard]] QString beforeSchemaChange() const override { return {}; }
    [[nodiscard]] QString afterSchemaChange() const override { return {}; }
    [[nodiscard]] QString foreignKeyCheck() const override { return {}; }
    [[nodiscard]] QString migrationLock() const override;
};

} // namespace vingt
