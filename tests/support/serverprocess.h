#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>
#include <optional>

namespace vingt::test {

/// @brief What a finished `vingt` command gave back.
struct CliResult {
    int exitCode = -1;    ///< -1 when the process crashed, was killed or did not finish in time
    QByteArray out;       ///< stdout
    QByteArray err;       ///< stderr
    QString error;        ///< why the process could not be run, if it could not
    bool crashed = false; ///< killed by a signal (a crash)

    [[nodiscard]] QString outText() const { return QString::fromUtf8(out); }
    [[nodiscard]] QString errText() const { return QString::fromUtf8(err); }
    /// One line for a failure message: exit code, stdout and stderr.
    [[nodiscard]] QString describe() const;
};

/// @brief Runs the real `vingt` binary for end-to-end tests: a fresh data directory, an API key, `vingt serve`
/// on 127.0.0.1 port 0, stopped with SIGTERM.
///
/// The binary comes from the VINGT_BINARY compile definition (tests/e2e/CMakeLists.txt) or, when set, the
/// VINGT_BINARY environment variable. When the VINGT_DATABASE_URL environment variable is set, every command gets
/// `--database <url>` instead of `--data-dir` (the PostgreSQL run of the suite); with VINGT_TEST_DATABASE_URL(_FILE),
/// each ServerProcess gets a fresh database on that cluster. Not thread-safe: use it from the
/// test's main thread.
class ServerProcess
{
public:
    struct Options {
        QString keyName = QStringLiteral("e2e");
        QStringList settings = {QStringLiteral("rateLimit.shortLimit=1000000"),
                                QStringLiteral("rateLimit.longLimit=1000000")}; ///< `--setting` values
        QStringList extraServeArgs;                                             ///< appended to `vingt serve ...`
        int threads = 0;                                                        ///< `--threads N` when > 0
        bool createKey = true; ///< run `vingt api-key create` before the first start
        int startTimeoutMs = 30000;
        /// PostgreSQL: this database instead of a fresh one (several servers on one database).
        QString databaseUrl = {};
    };

    ServerProcess();
    explicit ServerProcess(Options options);
    ~ServerProcess(); ///< stops a running server (SIGTERM), warns when it did not exit 0

    ServerProcess(const ServerProcess &) = delete;
    ServerProcess &operator=(const ServerProcess &) = delete;

    /// Creates the key (first time only) and starts the server; false with errorString() on failure.
    [[nodiscard]] bool start();
    /// SIGTERM, then waits (30 s) for the exit. Returns the exit code; -1 if it crashed, died by a signal or hung
    /// (then it is killed). Returns 0 when it is not running.
    int stop();
    /// Sends `signal` (SIGTERM, SIGINT) and waits like stop().
    int stopWith(int signal);
    [[nodiscard]] bool isRunning() const;

    [[nodiscard]] QString errorString() const { return m_error; }
    [[nodiscard]] QUrl baseUrl() const { return m_baseUrl; }
    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] QString token() const { return m_token; }
    [[nodiscard]] QString keyName() const { return m_options.keyName; }
    [[nodiscard]] QString dataDir() const { return m_dataDir.path(); }
    /// Everything the server wrote to stderr so far.
    [[nodiscard]] QByteArray serverStderr() const;
    /// The sanitizer findings (AddressSanitizer, LeakSanitizer, UBSan "runtime error:") in the server's stderr, if
    /// any. stop() and runCli() end the test (qFatal) when a vingt process reported one.
    [[nodiscard]] QString sanitizerReport() const;
    [[nodiscard]] qint64 pid() const;

    /// `--data-dir DIR`, or `--database URL` in the PostgreSQL run.
    [[nodiscard]] QStringList storageArgs() const;
    /// Set in the PostgreSQL run: VINGT_DATABASE_URL (one database for every server), else the test cluster's base URL
    /// (VINGT_TEST_DATABASE_URL, or the file VINGT_TEST_DATABASE_URL_FILE names).
    [[nodiscard]] static std::optional<QString> databaseUrl();
    /// A new database's URL on the test cluster (VINGT_DATABASE_URL itself when that is set); nullopt on SQLite.
    [[nodiscard]] static std::optional<QString> freshDatabaseUrl();
    /// This server's `--database` URL, empty on SQLite.
    [[nodiscard]] QString databaseUrlOfThis() const { return m_databaseUrl; }
    [[nodiscard]] static QString binaryPath();

    /// Runs `vingt <args>` to completion (60 s at most), with exactly these arguments.
    [[nodiscard]] static CliResult runCli(const QStringList &args, int timeoutMs = 60000);
    /// Runs `vingt <args> <storageArgs()>`: a command on this server's data.
    [[nodiscard]] CliResult runCliOnData(const QStringList &args, int timeoutMs = 60000) const;
    /// `vingt api-key create --name NAME [--expires-at ISO]` on this server's data; the token, or nullopt with
    /// errorString() set.
    [[nodiscard]] std::optional<QString> createApiKey(const QString &name, const QString &expiresAt = {});

private:
    [[nodiscard]] bool waitForListening();

    Options m_options;
    QTemporaryDir m_dataDir;
    QTemporaryDir m_logDir;
    std::unique_ptr<QProcess> m_process;
    QString m_databaseUrl;
    QString m_error;
    QString m_token;
    QUrl m_baseUrl;
    quint16 m_port = 0;
    int m_starts = 0;
};

} // namespace vingt::test
