#pragma once

#include "core/result.h"
#include "storage/sqldialect.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <utility>

namespace vingt {

/// @brief Where a database lives: a SQLite file, or one schema of a PostgreSQL database.
struct DatabaseConfig {
    QString driver = QStringLiteral("QSQLITE");
    QString path; ///< SQLite file; PostgreSQL: the database name
    int busyTimeoutMs = 5000;
    // PostgreSQL (QPSQL) only.
    QString host{};
    int port = 5432;
    QString user{};
    QString password{};
    QString connectOptions{};       ///< extra libpq keywords, "key=value;key=value" (from the URL's query)
    QString schema{};               ///< created when missing; the connection's search_path
    int statementTimeoutMs = 30000; ///< every statement; a longer one fails with 503
    int connectTimeoutS = 5;
    bool createMissingDatabase = true; ///< a PostgreSQL database named in the URL is created when missing

    [[nodiscard]] bool isPostgres() const { return driver == QLatin1StringView("QPSQL"); }
    /// Parses `postgres://user:pass@host:port/db?key=value` (or `postgresql://`) into a QPSQL config for `schema`.
    [[nodiscard]] static Result<DatabaseConfig> fromUrl(const QString &url, const QString &schema);
    /// The URL without its password, for logs and messages.
    [[nodiscard]] static QString redactedUrl(const QString &url);
    /// The same database, another schema.
    [[nodiscard]] DatabaseConfig withSchema(const QString &otherSchema) const;
    /// A new dialect object for this config's driver.
    [[nodiscard]] std::unique_ptr<SqlDialect> makeDialect() const;
};

/// A prepared statement cached per connection; `busy` while a Rows object reads it.
struct CachedStatement {
    QSqlQuery query;
    bool busy = false;
    explicit CachedStatement(QSqlQuery q) : query(std::move(q)) {}
};

/// A SQLite statement prepared on the connection's native handle (database.cpp). Qt's driver rebuilds a
/// QSqlRecord of every column on each exec() of a prepared query (measured: ~240k instructions for one
/// 30-column row); the native path binds, steps and reads columns directly.
struct NativeStatement;

/// @brief Rows of one executed statement. Finishes the statement when destroyed, so that a cached SELECT never
/// keeps a read snapshot open (SQLite WAL) after its rows were consumed. The statement has already run its first
/// step when Rows is returned: writes are done and errors reported by exec().
class Rows
{
public:
    /// Borrows a cached Qt statement (kept alive and marked busy until these rows are gone).
    explicit Rows(std::shared_ptr<CachedStatement> cached);
    /// Owns a one-off Qt statement.
    explicit Rows(std::unique_ptr<QSqlQuery> owned);
    /// Borrows (cached) or owns (one-off) a native SQLite statement; `hasRow`: its first step produced a row.
    Rows(std::shared_ptr<NativeStatement> native, bool hasRow, int changes);
    Rows(Rows &&other) noexcept;
    Rows &operator=(Rows &&) = delete;
    Rows(const Rows &) = delete;
    ~Rows();

    [[nodiscard]] bool next();
    [[nodiscard]] QVariant value(int column) const;
    [[nodiscard]] int rowsAffected() const;

private:
    std::shared_ptr<CachedStatement> m_cached;
    std::unique_ptr<QSqlQuery> m_owned;
    QSqlQuery *m_query = nullptr;
    std::shared_ptr<NativeStatement> m_native;
    bool m_pendingRow = false; ///< native: the first step produced a row not yet returned by next()
    bool m_started = false;    ///< native: next() was called at least once
    int m_changes = 0;
};

/// @brief One logical database with one connection per thread, opened lazily, and a prepared-statement cache per
/// connection. Thread rule: every method may be called from any thread; each thread works on its own connection.
/// A thread's connection closes when the thread ends (or with the Database, for the thread that destroys it).
class Database
{
public:
    Database(DatabaseConfig config, std::unique_ptr<SqlDialect> dialect);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    [[nodiscard]] const SqlDialect &dialect() const { return *m_dialect; }
    [[nodiscard]] const DatabaseConfig &config() const { return m_config; }

    /// This thread's open connection.
    [[nodiscard]] Result<QSqlDatabase> connection();
    /// Prepares (cached per connection) and executes one statement with bound values.
    [[nodiscard]] Result<Rows> exec(const QString &sql, const QVariantList &binds = {});
    /// Executes statements separated by ';' lines, unprepared (migrations, DDL scripts).
    [[nodiscard]] Result<void> execScript(const QString &script);
    /// Runs `body` in a transaction (BEGIN IMMEDIATE for writes on SQLite); commits on success, rolls back on error.
    /// Nested calls join the outer transaction.
    [[nodiscard]] Result<void> transaction(const std::function<Result<void>()> &body, bool write = true);
    /// Runs a `SELECT COUNT(*) …` statement, answering from a per-connection cache while nothing was written since
    /// the cached answer: no write transaction committed by this process (a generation counter) and no commit by any
    /// other connection or process (SQLite's `PRAGMA data_version`). List endpoints count on every request.
    [[nodiscard]] Result<qint64> cachedCount(const QString &sql, const QVariantList &binds);
    /// Runs `callback` once this thread's outermost transaction has committed (outside the write lock), or now when
    /// no transaction is open; dropped when the transaction rolls back.
    void afterCommit(std::function<void()> callback);
    /// True while this thread is inside transaction().
    [[nodiscard]] bool inTransaction();
    /// Quick liveness probe (SELECT 1).
    [[nodiscard]] bool ping();
    /// Statements executed by exec() on the calling thread, over every Database (a monotonic counter). The GraphQL
    /// endpoint reports the difference over one request to show that nested loads are batched.
    [[nodiscard]] static quint64 statementsOnThisThread();
    /// @brief While it lives, statements on this thread are not counted by statementsOnThisThread(): for periodic
    /// bookkeeping that a request may or may not happen to run (the data-model version check on PostgreSQL).
    class UncountedStatements
    {
    public:
        UncountedStatements();
        ~UncountedStatements();
        UncountedStatements(const UncountedStatements &) = delete;
        UncountedStatements &operator=(const UncountedStatements &) = delete;

    private:
        quint64 m_before;
    };

private:
    struct ThreadConnection;
    ThreadConnection *threadConnection();
    [[nodiscard]] Result<Rows> execPrepared(std::unique_ptr<QSqlQuery> query, const QString &sql,
                                            const QVariantList &binds);
    [[nodiscard]] Result<Rows> execNative(ThreadConnection &tc, const QString &sql, const QVariantList &binds);
    Error mapError(const QSqlError &error, const QString &sql) const;
    Error mapError(const QString &text, const QString &nativeCode, const QString &sql) const;
    Error mapPostgresError(const QString &text, const QString &sqlState, const QString &sql) const;
    /// PostgreSQL: creates the schema when missing, selects it, sets the statement timeout.
    [[nodiscard]] bool setUpPostgres(ThreadConnection &tc);
    /// PostgreSQL: creates the configured database (through the `postgres` maintenance database).
    [[nodiscard]] bool createPostgresDatabase();

    DatabaseConfig m_config;
    std::unique_ptr<SqlDialect> m_dialect;
    /// Write transactions of this process queue here instead of in SQLite's busy handler, which sleeps in
    /// steps of up to 100 ms (measured: writers on 4 threads spent most of their time asleep).
    std::mutex m_writeMutex;
    std::atomic<quint64> m_commits{0};
    std::atomic<quint64> m_writeGeneration{0}; ///< bumped before every write transaction begins and after it ends
    const quint64 m_instanceId;
    static std::atomic<quint64> s_nextInstanceId;
};

/// Error codes set on Error::code by Database for constraint failures; services turn them into named 400s.
namespace dberror {
inline constexpr auto kUnique = "UNIQUE_VIOLATION";
inline constexpr auto kForeignKey = "FOREIGN_KEY_VIOLATION";
inline constexpr auto kNotNull = "NOT_NULL_VIOLATION";
inline constexpr auto kBusy = "DATABASE_BUSY";
} // namespace dberror

} // namespace vingt
