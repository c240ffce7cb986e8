#include "storage/database.h"

#include "core/logging.h"

#include <QHash>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlError>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>

#include <sqlite3.h>

#include <limits>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace vingt {

using namespace Qt::StringLiterals;

std::atomic<quint64> Database::s_nextInstanceId{1};

Result<DatabaseConfig> DatabaseConfig::fromUrl(const QString &url, const QString &schema)
{
    const QUrl parsed(url, QUrl::StrictMode);
    const QString scheme = parsed.scheme();
    if (!parsed.isValid() || (scheme != "postgres"_L1 && scheme != "postgresql"_L1)) {
        return Error::badRequest(
            u"'%1' is not a PostgreSQL URL: use postgresql://user:password@host:port/database"_s.arg(redactedUrl(url)));
    }
    DatabaseConfig config;
    config.driver = u"QPSQL"_s;
    config.host = parsed.host().isEmpty() ? u"localhost"_s : parsed.host();
    config.port = parsed.port(5432);
    config.user = parsed.userName(QUrl::FullyDecoded);
    config.password = parsed.password(QUrl::FullyDecoded);
    config.path = parsed.path(QUrl::FullyDecoded).mid(1);
    if (config.path.isEmpty())
        config.path = config.user.isEmpty() ? u"vingt"_s : config.user;
    if (config.user.isEmpty())
        config.user = qEnvironmentVariable("PGUSER", qEnvironmentVariable("USER", u"postgres"_s));
    if (config.password.isEmpty())
        config.password = qEnvironmentVariable("PGPASSWORD");
    QStringList options;
    for (const auto &[key, value] : QUrlQuery(parsed).queryItems(QUrl::FullyDecoded)) {
        if (key == "statement_timeout"_L1)
            config.statementTimeoutMs = value.toInt() > 0 ? value.toInt() : config.statementTimeoutMs;
        else if (key == "connect_timeout"_L1)
            config.connectTimeoutS = value.toInt() > 0 ? value.toInt() : config.connectTimeoutS;
        else
            options << key + u'=' + value;
    }
    config.connectOptions = options.join(u';');
    config.schema = schema;
    return config;
}

QString DatabaseConfig::redactedUrl(const QString &url)
{
    QUrl parsed(url);
    if (!parsed.password().isEmpty())
        parsed.setPassword(u"***"_s);
    return parsed.toString();
}

DatabaseConfig DatabaseConfig::withSchema(const QString &otherSchema) const
{
    DatabaseConfig copy = *this;
    copy.schema = otherSchema;
    return copy;
}

std::unique_ptr<SqlDialect> DatabaseConfig::makeDialect() const
{
    if (isPostgres())
        return std::make_unique<PostgresDialect>();
    return std::make_unique<SqliteDialect>();
}

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

sqlite3 *nativeHandle(const QSqlDatabase &db);

bool registerSqliteFunctions(QSqlDatabase &db)
{
    sqlite3 *raw = nativeHandle(db);
    return raw
           && sqlite3_create_function_v2(raw, "vingt_fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, &sqliteFold,
                                         nullptr, nullptr, nullptr)
                  == SQLITE_OK;
}

sqlite3 *nativeHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.data());
}

/// Binds like Qt's QSQLITE driver: null QVariants and null strings/byte arrays as NULL, bool and integers as
/// INTEGER, floating point as REAL, QByteArray as BLOB, everything else as its text.
int bindValue(sqlite3_stmt *statement, int index, const QVariant &value)
{
    if (value.isNull())
        return sqlite3_bind_null(statement, index);
    switch (value.metaType().id()) {
    case QMetaType::QString: {
        const QString text = value.toString();
        if (text.isNull())
            return sqlite3_bind_null(statement, index);
        return sqlite3_bind_text16(statement, index, text.utf16(), int(text.size() * sizeof(char16_t)),
                                   SQLITE_TRANSIENT);
    }
    case QMetaType::QByteArray: {
        const QByteArray bytes = value.toByteArray();
        if (bytes.isNull())
            return sqlite3_bind_null(statement, index);
        return sqlite3_bind_blob64(statement, index, bytes.constData(), sqlite3_uint64(bytes.size()), SQLITE_TRANSIENT);
    }
    case QMetaType::Bool: return sqlite3_bind_int(statement, index, value.toBool() ? 1 : 0);
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::LongLong:
    case QMetaType::Short:
    case QMetaType::UShort:
    case QMetaType::Char:
    case QMetaType::SChar:
    case QMetaType::UChar: return sqlite3_bind_int64(statement, index, value.toLongLong());
    case QMetaType::ULong:
    case QMetaType::ULongLong: {
        const qulonglong n = value.toULongLong();
        if (n > qulonglong(std::numeric_limits<qint64>::max()))
            return sqlite3_bind_double(statement, index, double(n));
        return sqlite3_bind_int64(statement, index, qint64(n));
    }
    case QMetaType::Double:
    case QMetaType::Float: return sqlite3_bind_double(statement, index, value.toDouble());
    default: {
        const QString text = value.toString();
        return sqlite3_bind_text16(statement, index, text.utf16(), int(text.size() * sizeof(char16_t)),
                                   SQLITE_TRANSIENT);
    }
    }
}

} // namespace

struct NativeStatement {
    sqlite3 *db = nullptr;
    sqlite3_stmt *statement = nullptr;
    bool busy = false;
    NativeStatement(sqlite3 *handle, sqlite3_stmt *prepared) : db(handle), statement(prepared) {}
    NativeStatement(const NativeStatement &) = delete;
    NativeStatement &operator=(const NativeStatement &) = delete;
    ~NativeStatement() { sqlite3_finalize(statement); }
};

Rows::Rows(std::shared_ptr<CachedStatement> cached) : m_cached(std::move(cached)), m_query(&m_cached->query)
{
    m_cached->busy = true;
}

Rows::Rows(std::unique_ptr<QSqlQuery> owned) : m_owned(std::move(owned)), m_query(m_owned.get()) {}

Rows::Rows(std::shared_ptr<NativeStatement> native, bool hasRow, int changes)
    : m_native(std::move(native))
    , m_pendingRow(hasRow)
    , m_changes(changes)
{
    m_native->busy = true;
}

Rows::Rows(Rows &&other) noexcept
    : m_cached(std::move(other.m_cached))
    , m_owned(std::move(other.m_owned))
    , m_query(std::exchange(other.m_query, nullptr))
    , m_native(std::move(other.m_native))
    , m_pendingRow(other.m_pendingRow)
    , m_started(other.m_started)
    , m_changes(other.m_changes)
{}

Rows::~Rows()
{
    if (m_query)
        m_query->finish();
    if (m_cached)
        m_cached->busy = false;
    if (m_native) {
        sqlite3_reset(m_native->statement); // ends the read: no snapshot kept open
        sqlite3_clear_bindings(m_native->statement);
        m_native->busy = false;
    }
}

bool Rows::next()
{
    if (!m_native)
        return m_query->next();
    if (!m_started) {
        m_started = true;
        return m_pendingRow;
    }
    if (!m_pendingRow)
        return false;
    const int rc = sqlite3_step(m_native->statement);
    if (rc == SQLITE_ROW)
        return true;
    m_pendingRow = false;
    if (rc != SQLITE_DONE)
        qCWarning(lcStorage).noquote() << "reading rows failed:" << sqlite3_errmsg(m_native->db);
    return false;
}

QVariant Rows::value(int column) const
{
    if (!m_native)
        return m_query->value(column);
    sqlite3_stmt *statement = m_native->statement;
    switch (sqlite3_column_type(statement, column)) {
    case SQLITE_INTEGER: return QVariant(qint64(sqlite3_column_int64(statement, column)));
    case SQLITE_FLOAT: return QVariant(sqlite3_column_double(statement, column));
    case SQLITE_TEXT: {
        const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(statement, column));
        return QVariant(QString::fromUtf8(text, sqlite3_column_bytes(statement, column)));
    }
    case SQLITE_BLOB: {
        const auto *data = static_cast<const char *>(sqlite3_column_blob(statement, column));
        return QVariant(QByteArray(data, sqlite3_column_bytes(statement, column)));
    }
    default: return QVariant();
    }
}

int Rows::rowsAffected() const
{
    return m_native ? m_changes : m_query->numRowsAffected();
}

/// One thread's connection to one Database, with its statement cache.
struct Database::ThreadConnection {
    QString name;
    QSqlDatabase db;
    QHash<QString, std::shared_ptr<CachedStatement>> statements;
    sqlite3 *native = nullptr; ///< the SQLite handle under `db` (null for other drivers)
    QHash<QString, std::shared_ptr<NativeStatement>> nativeStatements;
    struct CachedCount {
        qint64 count = 0;
        quint64 generation = 0;
        qint64 dataVersion = 0;
    };
    QHash<QString, CachedCount> counts;
    int transactionDepth = 0;
    bool transactionFailed = false;
    bool broken = false; ///< PostgreSQL: the server went away; reopened at the next use outside a transaction
    std::vector<std::function<void()>> afterCommit; ///< run once the outermost transaction has committed

    ~ThreadConnection();
};

namespace {

/// Names of connections whose thread or Database ended. Qt's connection registry is a global of QtSql that is
/// destroyed when the process exits, and a thread's thread_local destructors can run after QThread::wait() returned,
/// while the process exits: so a destructor never touches the registry (QSqlDatabase::removeDatabase) but queues the
/// name, and the next connection opened removes the queued ones. Allocated once, never destroyed (still reachable).
struct RetiredConnections {
    std::mutex mutex;
    QStringList names;
};

RetiredConnections &retiredConnections()
{
    static auto *retired = new RetiredConnections;
    return *retired;
}

void removeRetiredConnections()
{
    QStringList names;
    {
        std::lock_guard lock(retiredConnections().mutex);
        names.swap(retiredConnections().names);
    }
    for (const QString &name : names)
        QSqlDatabase::removeDatabase(name);
}

} // namespace

Database::ThreadConnection::~ThreadConnection()
{
    statements.clear();
    nativeStatements.clear(); // finalized before the connection closes
    if (db.isValid())
        db.close();
    db = QSqlDatabase();
    std::lock_guard lock(retiredConnections().mutex);
    retiredConnections().names << name;
}

namespace {
// Per-thread registry: Database instance id → that thread's connection. Destroyed (connections closed) at thread exit.
using ConnectionMap = std::unordered_map<quint64, std::unique_ptr<void, void (*)(void *)>>;
thread_local ConnectionMap t_connections;
} // namespace

Database::Database(DatabaseConfig config, std::unique_ptr<SqlDialect> dialect)
    : m_config(std::move(config))
    , m_dialect(std::move(dialect))
    , m_instanceId(s_nextInstanceId.fetch_add(1))
{}

Database::~Database()
{
    t_connections.erase(m_instanceId); // this thread's; other threads close theirs when they end
}

Database::ThreadConnection *Database::threadConnection()
{
    auto it = t_connections.find(m_instanceId);
    if (it != t_connections.end()) {
        auto *existing = static_cast<ThreadConnection *>(it->second.get());
        if (!existing->broken || existing->transactionDepth > 0)
            return existing;
        t_connections.erase(it); // the server went away: reconnect
    }

    removeRetiredConnections();
    auto *tc = new ThreadConnection;
    static std::atomic<quint64> nextConnection{1};
    tc->name = u"vingt-%1-%2"_s.arg(m_instanceId).arg(nextConnection.fetch_add(1));
    tc->db = QSqlDatabase::addDatabase(m_config.driver, tc->name);
    tc->db.setDatabaseName(m_config.path);
    if (m_config.driver == "QSQLITE"_L1)
        tc->db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1;QSQLITE_ENABLE_REGEXP"_s.arg(m_config.busyTimeoutMs));
    if (m_config.isPostgres()) {
        tc->db.setHostName(m_config.host);
        tc->db.setPort(m_config.port);
        tc->db.setUserName(m_config.user);
        tc->db.setPassword(m_config.password);
        QString options = u"connect_timeout=%1;application_name=vingt"_s.arg(m_config.connectTimeoutS);
        if (!m_config.connectOptions.isEmpty())
            options += u';' + m_config.connectOptions;
        tc->db.setConnectOptions(options);
    }
    t_connections.emplace(m_instanceId, std::unique_ptr<void, void (*)(void *)>(
                                            tc, [](void *p) { delete static_cast<ThreadConnection *>(p); }));
    if (!tc->db.open()) {
        // A database named in the URL that does not exist yet is created, as the SQLite file would be.
        if (m_config.isPostgres() && m_config.createMissingDatabase
            && tc->db.lastError().text().contains("does not exist"_L1) && createPostgresDatabase() && tc->db.open()) {
            if (!setUpPostgres(*tc))
                tc->db.close();
            return tc;
        }
        qCWarning(lcStorage).noquote() << "cannot open database" << m_config.path << tc->db.lastError().text();
        return tc;
    }
    if (m_config.isPostgres()) {
        if (!setUpPostgres(*tc))
            tc->db.close();
        return tc;
    }
    if (m_config.driver == "QSQLITE"_L1) {
        QSqlQuery pragma(tc->db);
        // Page cache 2 MiB per connection (SQLite's default size): reads go through the 256 MiB memory map, so a
        // larger cache bought nothing in bench/run.sh (GET one, lists, POST, group-by of 100,000 rows within noise of
        // 16 MiB), while each I/O thread's connection filled its 16 MiB over minutes: +33% heap in bench/soak.
        for (const auto *statement :
             {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON",
              "PRAGMA case_sensitive_like=ON", "PRAGMA temp_store=MEMORY", "PRAGMA journal_size_limit=67108864",
              "PRAGMA cache_size=-2048", "PRAGMA mmap_size=268435456"}) {
            if (!pragma.exec(QString::fromLatin1(statement)))
                qCWarning(lcStorage).noquote() << statement << "failed:" << pragma.lastError().text();
        }
        if (!registerSqliteFunctions(tc->db))
            qCWarning(lcStorage) << "could not register vingt_fold on" << m_config.path;
        tc->native = nativeHandle(tc->db);
    }
    return tc;
}

bool Database::setUpPostgres(ThreadConnection &tc)
{
    QSqlQuery query(tc.db);
    const QString schema = m_dialect->quote(m_config.schema);
    const QStringList statements{
        u"SET client_min_messages = warning"_s, // no NOTICE lines on stderr
        u"SET statement_timeout = %1"_s.arg(m_config.statementTimeoutMs),
        u"SET lock_timeout = %1"_s.arg(m_config.statementTimeoutMs),
        u"SET idle_in_transaction_session_timeout = %1"_s.arg(std::max(m_config.statementTimeoutMs * 2, 60000)),
    };
    for (const QString &statement : statements) {
        if (!query.exec(statement)) {
            qCWarning(lcStorage).noquote() << statement << "failed:" << query.lastError().text();
            return false;
        }
    }
    if (!m_config.schema.isEmpty()) {
        // Two servers starting at once may both create it: the loser's error is harmless.
        if (!query.exec(u"CREATE SCHEMA IF NOT EXISTS %1"_s.arg(schema)))
            qCInfo(lcStorage).noquote() << "CREATE SCHEMA" << schema << "failed:" << query.lastError().text();
        if (!query.exec(u"SET search_path TO %1"_s.arg(schema))) {
            qCWarning(lcStorage).noquote() << "cannot select schema" << schema << query.lastError().text();
            return false;
        }
    }
    return true;
}

bool Database::createPostgresDatabase()
{
    const QString name = u"vingt-create-%1"_s.arg(m_instanceId);
    bool created = false;
    {
        QSqlDatabase admin = QSqlDatabase::addDatabase(m_config.driver, name);
        admin.setHostName(m_config.host);
        admin.setPort(m_config.port);
        admin.setUserName(m_config.user);
        admin.setPassword(m_config.password);
        admin.setDatabaseName(u"postgres"_s);
        admin.setConnectOptions(u"connect_timeout=%1"_s.arg(m_config.connectTimeoutS));
        if (admin.open()) {
            QSqlQuery query(admin);
            // Another process may create it at the same moment: then it exists, which is all we need.
            created = query.exec(u"CREATE DATABASE %1 ENCODING 'UTF8' TEMPLATE template0"_s.arg(
                          m_dialect->quote(m_config.path)))
                      || query.lastError().text().contains("already exists"_L1);
            if (!created)
                qCWarning(lcStorage).noquote() << "cannot create database" << m_config.path << query.lastError().text();
        } else {
            qCWarning(lcStorage).noquote()
                << "cannot connect to create database" << m_config.path << admin.lastError().text();
        }
        admin.close();
    }
    QSqlDatabase::removeDatabase(name);
    return created;
}

Result<QSqlDatabase> Database::connection()
{
    ThreadConnection *tc = threadConnection();
    if (!tc->db.isOpen()) {
        // Try again on the next call: the database may come back (PostgreSQL restarts, a file becoming readable).
        const QString message = tc->db.lastError().text();
        // libpq's first line says why ("… failed: Connection refused"); the rest is hints and the Qt driver's name.
        const QString reason = tc->db.lastError().databaseText().section(u'\n', 0, 0).trimmed();
        t_connections.erase(m_instanceId);
        if (m_config.isPostgres()) {
            return Error::unavailable(u"The database is not available: PostgreSQL at %1:%2 (database '%3') cannot be "
                                      "reached: %4"_s.arg(m_config.host)
                                          .arg(m_config.port)
                                          .arg(m_config.path, reason.isEmpty() ? u"no answer"_s : reason));
        }
        return Error::unavailable(
            u"The database is not available: %1"_s.arg(message.isEmpty() ? u"cannot open"_s : message));
    }
    return tc->db;
}

Error Database::mapError(const QSqlError &error, const QString &sql) const
{
    if (m_config.isPostgres())
        return mapPostgresError(error.databaseText().isEmpty() ? error.text() : error.databaseText(),
                                error.nativeErrorCode(), sql);
    return mapError(error.databaseText(), error.nativeErrorCode(), sql);
}

// PostgreSQL reports a SQLSTATE (nativeErrorCode) and a message with DETAIL lines; the services expect the SQLite
// shape of constraint errors: a code and "table.column" in the message.
Error Database::mapPostgresError(const QString &text, const QString &sqlState, const QString &sql) const
{
    static const QRegularExpression keyColumns(uR"(Key \(([^)]*)\)=)"_s);
    static const QRegularExpression nullColumn(uR"re(null value in column "([^"]+)"(?: of relation "([^"]+)")?)re"_s);
    Error mapped = Error::internal(u"SQL error: %1 (%2) in: %3"_s.arg(text, sqlState, sql.left(500)));
    if (sqlState == "23505"_L1) {
        mapped.code = QLatin1StringView(dberror::kUnique);
        const auto match = keyColumns.match(text);
        QStringList columns;
        if (match.hasMatch()) {
            for (QString column : match.captured(1).split(u',')) {
                column = column.trimmed();
                if (column.startsWith(u'"') && column.endsWith(u'"'))
                    column = column.mid(1, column.size() - 2);
                columns << u"t."_s + column;
            }
        }
        mapped.message = columns.join(u", "_s);
    } else if (sqlState == "23503"_L1) {
        mapped.code = QLatin1StringView(dberror::kForeignKey);
        mapped.message = QString();
    } else if (sqlState == "23502"_L1) {
        mapped.code = QLatin1StringView(dberror::kNotNull);
        const auto match = nullColumn.match(text);
        mapped.message = match.hasMatch() ? match.captured(2) + u'.' + match.captured(1) : QString();
    } else if (sqlState == "40001"_L1 || sqlState == "40P01"_L1 || sqlState == "55P03"_L1) {
        mapped.code = QLatin1StringView(dberror::kBusy); // serialization failure, deadlock, lock timeout
        mapped.message = QString();
    } else if (sqlState == "57014"_L1) {
        return Error::unavailable(
            u"The database did not answer within %1 s; try again"_s.arg(m_config.statementTimeoutMs / 1000.0));
    } else if (sqlState.startsWith("08"_L1) || sqlState.startsWith("57P"_L1) || sqlState.isEmpty()) {
        // Connection exceptions and server shutdown (57P01..57P03), or no result at all: the connection is gone.
        const bool lost = sqlState.startsWith("08"_L1) || sqlState.startsWith("57P"_L1)
                          || text.contains("server closed the connection"_L1) || text.contains("no connection"_L1)
                          || text.contains("terminating connection"_L1) || text.contains("could not send"_L1)
                          || text.contains("could not receive"_L1) || text.contains("connection"_L1);
        if (lost) {
            if (auto it = t_connections.find(m_instanceId); it != t_connections.end())
                static_cast<ThreadConnection *>(it->second.get())->broken = true;
            qCWarning(lcStorage).noquote() << "lost the database connection:" << text.trimmed();
            return Error::unavailable(u"The database is not available (the connection to PostgreSQL was lost); "
                                      "try again shortly"_s);
        }
    }
    return mapped;
}

Error Database::mapError(const QString &text, const QString &nativeCode, const QString &sql) const
{
    Error mapped = Error::internal(u"SQL error: %1 (%2) in: %3"_s.arg(text, nativeCode, sql.left(500)));
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

/// QPSQL runs a prepared statement as `EXECUTE name (literal, …)`. A bool becomes the quoted literal '1' / '0',
/// which PostgreSQL reads as the parameter's type: BOOLEAN for record columns, INTEGER for the 0/1 flags of the system
/// tables (shared with SQLite's schema). Everything else binds as it is.
bool preparable(const QString &sql)
{
    const QStringView head = QStringView(sql).trimmed().left(7);
    for (const auto keyword : {"SELECT"_L1, "INSERT"_L1, "UPDATE"_L1, "DELETE"_L1, "WITH"_L1, "VALUES"_L1}) {
        if (head.startsWith(keyword, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

QVariant bindable(const QVariant &value)
{
    if (value.metaType().id() == QMetaType::Bool && !value.isNull())
        return QVariant(value.toBool() ? u"1"_s : u"0"_s);
    return value;
}
} // namespace

quint64 Database::statementsOnThisThread()
{
    return t_statements;
}

Database::UncountedStatements::UncountedStatements() : m_before(t_statements) {}

Database::UncountedStatements::~UncountedStatements()
{
    t_statements = m_before;
}

Result<Rows> Database::exec(const QString &sql, const QVariantList &binds)
{
    ++t_statements;
    ThreadConnection *tc = threadConnection();
    if (!tc->db.isOpen()) {
        auto c = connection();
        if (!c)
            return c.error();
        tc = threadConnection();
    }
    if (tc->native)
        return execNative(*tc, sql, binds);
    if (m_config.isPostgres() && binds.isEmpty() && !preparable(sql)) {
        // PostgreSQL prepares only SELECT / INSERT / UPDATE / DELETE / VALUES; DDL, BEGIN, COMMIT and SET run as they
        // are.
        auto query = std::make_unique<QSqlQuery>(tc->db);
        query->setForwardOnly(true);
        if (!query->exec(sql))
            return mapError(query->lastError(), sql);
        return Rows(std::move(query));
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
        query.bindValue(i, bindable(binds.at(i)));
    if (!query.exec()) {
        Error error = mapError(query.lastError(), sql);
        query.finish();
        return error;
    }
    return Rows(std::move(statement));
}

Result<Rows> Database::execNative(ThreadConnection &tc, const QString &sql, const QVariantList &binds)
{
    auto nativeError = [&](int rc) {
        return mapError(QString::fromUtf8(sqlite3_errmsg(tc.native)), QString::number(rc), sql);
    };
    std::shared_ptr<NativeStatement> statement = tc.nativeStatements.value(sql);
    if (!statement || statement->busy) {
        const bool oneOff = statement != nullptr; // the cached one is being read (nested use of the same SQL)
        sqlite3_stmt *prepared = nullptr;
        const int rc = sqlite3_prepare16_v3(tc.native, sql.utf16(), int(sql.size() * sizeof(char16_t)),
                                            oneOff ? 0 : SQLITE_PREPARE_PERSISTENT, &prepared, nullptr);
        if (rc != SQLITE_OK || !prepared) {
            sqlite3_finalize(prepared);
            return rc != SQLITE_OK ? nativeError(rc) : Error::internal(u"SQL error: empty statement: %1"_s.arg(sql));
        }
        statement = std::make_shared<NativeStatement>(tc.native, prepared);
        if (!oneOff) {
            if (tc.nativeStatements.size() > 512) // bound the cache: generated SQL varies with filters
                tc.nativeStatements.clear();
            tc.nativeStatements.insert(sql, statement);
        }
    }
    sqlite3_stmt *stmt = statement->statement;
    if (binds.size() > sqlite3_bind_parameter_count(stmt))
        return Error::internal(u"SQL error: %1 values bound to %2 parameters in: %3"_s.arg(binds.size())
                                   .arg(sqlite3_bind_parameter_count(stmt))
                                   .arg(sql.left(500)));
    for (int i = 0; i < binds.size(); ++i) {
        if (const int rc = bindValue(stmt, i + 1, binds.at(i)); rc != SQLITE_OK) {
            Error error = nativeError(rc);
            sqlite3_clear_bindings(stmt);
            return error;
        }
    }
    const int rc = sqlite3_step(stmt);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        Error error = nativeError(sqlite3_extended_errcode(tc.native));
        sqlite3_reset(stmt);
        sqlite3_clear_bindings(stmt);
        return error;
    }
    return Rows(std::move(statement), rc == SQLITE_ROW, rc == SQLITE_DONE ? sqlite3_changes(tc.native) : 0);
}

Result<Rows> Database::execPrepared(std::unique_ptr<QSqlQuery> query, const QString &sql, const QVariantList &binds)
{
    for (int i = 0; i < binds.size(); ++i)
        query->bindValue(i, bindable(binds.at(i)));
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
    static const QString commit = u"COMMIT"_s;
    static const QString rollback = u"ROLLBACK"_s;
    if (auto begun = exec(write ? m_dialect->beginWrite() : u"BEGIN"_s); !begun)
        return begun.error();
    tc->transactionDepth = 1;
    tc->transactionFailed = false;
    tc->afterCommit.clear();
    Result<void> result = body();
    tc->transactionDepth = 0;
    std::vector<std::function<void()>> afterCommit = std::exchange(tc->afterCommit, {});
    if (result && !tc->transactionFailed) {
        if (auto committed = exec(commit); !committed) {
            if (auto rolledBack = exec(rollback); !rolledBack)
                qCWarning(lcStorage).noquote() << "rollback failed:" << rolledBack.error().message;
            return committed.error();
        }
        // Readers on other threads can keep SQLite from ever restarting the WAL, which then grows without bound
        // (measured: 17 GB after a million inserts). Every few hundred commits, wait for the readers and restart it.
        if (write && m_config.driver == "QSQLITE"_L1 && (m_commits.fetch_add(1) + 1) % 500 == 0) {
            if (auto restarted = exec(u"PRAGMA wal_checkpoint(RESTART)"_s); !restarted)
                qCWarning(lcStorage).noquote() << "WAL restart failed:" << restarted.error().message;
        }
        // Outside the write lock: the callbacks may write themselves (webhook deliveries).
        if (writeLock.owns_lock())
            writeLock.unlock();
        for (const auto &callback : afterCommit)
            callback();
        return {};
    }
    if (auto rolledBack = exec(rollback); !rolledBack)
        qCWarning(lcStorage).noquote() << "rollback failed:" << rolledBack.error().message;
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

void Database::afterCommit(std::function<void()> callback)
{
    ThreadConnection *tc = threadConnection();
    if (tc->transactionDepth > 0)
        tc->afterCommit.push_back(std::move(callback));
    else
        callback();
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
