#include "storage/database.h"

#include "core/logging.h"

#include <QHash>
#include <QSqlDriver>
#include <QSqlError>
#include <QThread>

#include <sqlite3.h>

#include <unordered_map>

namespace vingt {

using namespace Qt::StringLiterals;

std::atomic<quint64> Database::s_nextInstanceId{1};

namespace {

// SQL function vingt_fold(text): Unicode case folding, so ilike matches 'ÉCOLE' with 'école' (DECISIONS "Storage").
void sqliteFold(sqlite3_context *context, int argc, sqlite3_value **argv)
{
    if (argc != 1 || sqlite3_value_type(argv[0]) == SQLITE_NULL) {
        sqlite3_result_null(context);
        return;
    }
    const auto *text = reinterpret_cast<const char *>(sqlite3_value_text(argv[0]));
    const int size = sqlite3_value_bytes(argv[0]);
    const QByteArray folded = QString::fromUtf8(text, size).toCaseFolded().toUtf8();
    sqlite3_result_text(context, folded.constData(), int(folded.size()), SQLITE_TRANSIENT);
}

bool registerSqliteFunctions(QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return false;
    sqlite3 *raw = *static_cast<sqlite3 *const *>(handle.data());
    return raw && sqlite3_create_function_v2(raw, "vingt_fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                                             &sqliteFold, nullptr, nullptr, nullptr) == SQLITE_OK;
}

} // namespace

/// One thread's connection to one Database, with its statement cache.
struct Database::ThreadConnection {
    QString name;
    QSqlDatabase db;
    QHash<QString, std::shared_ptr<CachedStatement>> statements;
    struct CachedCount {
        qint64 count = 0;
        quint64 generation = 0;
        qint64 dataVersion = 0;
    };
    QHash<QString, CachedCount> counts;
    int transactionDepth = 0;
    bool transactionFailed = false;

    ~ThreadConnection()
    {
        statements.clear();
        if (db.isValid())
            db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
    }
};

namespace {
// Per-thread registry: Database instance id → that thread's connection. Destroyed (connections closed) at thread exit.
using ConnectionMap = std::unordered_map<quint64, std::unique_ptr<void, void (*)(void *)>>;
thread_local ConnectionMap t_connections;
} // namespace

Database::Database(DatabaseConfig config, std::unique_ptr<SqlDialect> dialect)
    : m_config(std::move(config))
    , m_dialect(std::move(dialect))
    , m_instanceId(s_nextInstanceId.fetch_add(1))
{
}

Database::~Database()
{
    t_connections.erase(m_instanceId); // this thread's; other threads close theirs when they end
}

Database::ThreadConnection *Database::threadConnection()
{
    auto it = t_connections.find(m_instanceId);
    if (it != t_connections.end())
        return static_cast<ThreadConnection *>(it->second.get());

    auto *tc = new ThreadConnection;
    static std::atomic<quint64> nextConnection{1};
    tc->name = u"vingt-%1-%2"_s.arg(m_instanceId).arg(nextConnection.fetch_add(1));
    tc->db = QSqlDatabase::addDatabase(m_config.driver, tc->name);
    tc->db.setDatabaseName(m_config.path);
    if (m_config.driver == "QSQLITE"_L1)
        tc->db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1;QSQLITE_ENABLE_REGEXP"_s.arg(m_config.busyTimeoutMs));
    t_connections.emplace(m_instanceId, std::unique_ptr<void, void (*)(void *)>(
                                            tc, [](void *p) { delete static_cast<ThreadConnection *>(p); }));
    if (!tc->db.open()) {
        qCWarning(lcStorage).noquote() << "cannot open database" << m_config.path << tc->db.lastError().text();
        return tc;
    }
    if (m_config.driver == "QSQLITE"_L1) {
        QSqlQuery pragma(tc->db);
        for (const auto *statement : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON",
                                      "PRAGMA case_sensitive_like=ON", "PRAGMA temp_store=MEMORY",
                                      "PRAGMA journal_size_limit=67108864", "PRAGMA cache_size=-16384",
                                      "PRAGMA mmap_size=268435456"}) {
            if (!pragma.exec(QString::fromLatin1(statement)))
                qCWarning(lcStorage).noquote() << statement << "failed:" << pragma.lastError().text();
        }
        if (!registerSqliteFunctions(tc->db))
            qCWarning(lcStorage) << "could not register vingt_fold on" << m_config.path;
    }
    return tc;
}

Result<QSqlDatabase> Database::connection()
{
    ThreadConnection *tc = threadConnection();
    if (!tc->db.isOpen()) {
        // Try again on the next call: the database may come back (PostgreSQL restarts, a file becoming readable).
        const QString message = tc->db.lastError().text();
        t_connections.erase(m_instanceId);
        return Error::unavailable(u"The database is not available: %1"_s.arg(message.isEmpty() ? u"cannot open"_s
                                                                                                  : message));
    }
    return tc->db;
}

Error Database::mapError(const QSqlError &error, const QString &sql) const
{
    const QString text = error.databaseText();
    Error mapped = Error::internal(u"SQL error: %1 (%2) in: %3"_s.arg(text, error.nativeErrorCode(), sql.left(500)));
    if (text.contains("UNIQUE constraint failed"_L1))
        mapped.code = QLatin1StringView(dberror::kUnique);
    else if (text.contains("FOREIGN KEY constraint failed"_L1))
        mapped.code = QLatin1StringView(dberror::kForeignKey);
    else if (text.contains("NOT NULL constraint failed"_L1))
        mapped.code = QLatin1StringView(dberror::kNotNull);
    else if (text.contains("database is locked"_L1) || text.contains("database is busy"_L1))
        mapped.code = QLatin1StringView(dberror::kBusy);
    // Keep the constraint's column list (e.g. "person.emailsPrimaryEmail") for the service to name the field.
    if (!mapped.code.isEmpty()) {
        const qsizetype colon = text.indexOf(u':');
        mapped.message = colon >= 0 ? text.mid(colon + 1).trimmed() : QString();
    }
    return mapped;
}

namespace {
thread_local quint64 t_statements = 0;
} // namespace

quint64 Database::statementsOnThisThread()
{
    return t_statements;
}

Result<Rows> Database::exec(const QString &sql, const QVariantList &binds)
{
    ++t_statements;
    ThreadConnection *tc = threadConnection();
    if (!tc->db.isOpen()) {
        auto c = connection();
        if (!c)
            return c.error();
    }
    std::shared_ptr<CachedStatement> statement = tc->statements.value(sql);
    if (!statement || statement->busy) {
        auto query = std::make_unique<QSqlQuery>(tc->db);
        query->setForwardOnly(true);
        if (!query->prepare(sql))
            return mapError(query->lastError(), sql);
        if (statement) {
            // The cached statement is still being read (nested use of the same SQL): run a one-off copy.
            return execPrepared(std::move(query), sql, binds);
        }
        if (tc->statements.size() > 512) // bound the cache: generated SQL varies with filters
            tc->statements.clear();
        statement = std::make_shared<CachedStatement>(std::move(*query));
        tc->statements.insert(sql, statement);
    }
    QSqlQuery &query = statement->query;
    for (int i = 0; i < binds.size(); ++i)
        query.bindValue(i, binds.at(i));
    if (!query.exec()) {
        Error error = mapError(query.lastError(), sql);
        query.finish();
        return error;
    }
    return Rows(std::move(statement));
}

Result<Rows> Database::execPrepared(std::unique_ptr<QSqlQuery> query, const QString &sql, const QVariantList &binds)
{
    for (int i = 0; i < binds.size(); ++i)
        query->bindValue(i, binds.at(i));
    if (!query->exec())
        return mapError(query->lastError(), sql);
    return Rows(std::move(query));
}

Result<void> Database::execScript(const QString &script)
{
    auto conn = connection();
    if (!conn)
        return conn.error();
    QSqlQuery query(*conn);
    const QStringList statements = script.split(u";\n"_s, Qt::SkipEmptyParts);
    for (QString statement : statements) {
        // Drop comment lines, keep the rest.
        QStringList lines = statement.split(u'\n');
        lines.removeIf([](const QString &line) { return line.trimmed().startsWith("--"_L1); });
        statement = lines.join(u'\n').trimmed();
        if (statement.endsWith(u';'))
            statement.chop(1);
        if (statement.isEmpty())
            continue;
        if (!query.exec(statement))
            return mapError(query.lastError(), statement);
    }
    return {};
}

Result<void> Database::transaction(const std::function<Result<void>()> &body, bool write)
{
    ThreadConnection *tc = threadConnection();
    if (tc->transactionDepth > 0) {
        ++tc->transactionDepth;
        Result<void> result = body();
        --tc->transactionDepth;
        if (!result)
            tc->transactionFailed = true;
        return result;
    }
    auto conn = connection();
    if (!conn)
        return conn.error();
    tc = threadConnection();
    std::unique_lock<std::mutex> writeLock(m_writeMutex, std::defer_lock);
    if (write)
        writeLock.lock();
    // Bumped on both sides of the write, so a count read while it runs is never cached as current.
    struct GenerationBump {
        std::atomic<quint64> *generation;
        ~GenerationBump()
        {
            if (generation)
                generation->fetch_add(1);
        }
    } bump{write ? &m_writeGeneration : nullptr};
    if (write)
        m_writeGeneration.fetch_add(1);
    const QString begin = write ? m_dialect->beginWrite() : u"BEGIN"_s;
    {
        QSqlQuery q(tc->db);
        if (!q.exec(begin))
            return mapError(q.lastError(), begin);
    }
    tc->transactionDepth = 1;
    tc->transactionFailed = false;
    Result<void> result = body();
    tc->transactionDepth = 0;
    QSqlQuery q(tc->db);
    if (result && !tc->transactionFailed) {
        if (!q.exec(u"COMMIT"_s)) {
            const Error error = mapError(q.lastError(), u"COMMIT"_s);
            QSqlQuery(tc->db).exec(u"ROLLBACK"_s);
            return error;
        }
        // Readers on other threads can keep SQLite from ever restarting the WAL, which then grows without bound
        // (measured: 17 GB after a million inserts). Every few hundred commits, wait for the readers and restart it.
        if (write && m_config.driver == "QSQLITE"_L1 && (m_commits.fetch_add(1) + 1) % 500 == 0)
            QSqlQuery(tc->db).exec(u"PRAGMA wal_checkpoint(RESTART)"_s);
        return {};
    }
    if (!q.exec(u"ROLLBACK"_s))
        qCWarning(lcStorage).noquote() << "rollback failed:" << q.lastError().text();
    if (result)
        return Error::internal(u"an inner step of the transaction failed"_s);
    return result;
}

Result<qint64> Database::cachedCount(const QString &sql, const QVariantList &binds)
{
    ThreadConnection *tc = threadConnection();
    const bool sqlite = m_config.driver == "QSQLITE"_L1;
    if (!sqlite || tc->transactionDepth > 0) { // inside a transaction, own uncommitted writes count
        auto rows = exec(sql, binds);
        if (!rows)
            return rows.error();
        return rows->next() ? rows->value(0).toLongLong() : 0;
    }
    QString key = sql;
    for (const QVariant &bind : binds) {
        key += u'\x1f';
        key += bind.isNull() ? u"\x1e"_s : bind.toString();
    }
    const quint64 generation = m_writeGeneration.load();
    qint64 dataVersion = 0;
    {
        auto rows = exec(u"PRAGMA data_version"_s);
        if (!rows)
            return rows.error();
        dataVersion = rows->next() ? rows->value(0).toLongLong() : 0;
    }
    const auto it = tc->counts.constFind(key);
    if (it != tc->counts.cend() && it->generation == generation && it->dataVersion == dataVersion && !(generation & 1))
        return it->count;
    auto rows = exec(sql, binds);
    if (!rows)
        return rows.error();
    const qint64 count = rows->next() ? rows->value(0).toLongLong() : 0;
    if (tc->counts.size() > 256)
        tc->counts.clear();
    // An odd generation means a write was running while we counted: answer, but do not cache.
    if (!(generation & 1) && m_writeGeneration.load() == generation)
        tc->counts.insert(key, {count, generation, dataVersion});
    return count;
}

bool Database::inTransaction()
{
    return threadConnection()->transactionDepth > 0;
}

bool Database::ping()
{
    auto rows = exec(u"SELECT 1"_s);
    return rows && rows->next();
}

} // namespace vingt
