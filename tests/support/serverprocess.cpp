#include "support/serverprocess.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QUuid>
#include <QtDebug>

#include <signal.h>
#include <sys/prctl.h>
#include <sys/types.h>

namespace vingt::test {

namespace {

const QString kStderrLog = QStringLiteral("server-stderr.log");

QString clip(const QByteArray &bytes, int max = 4000)
{
    QString text = QString::fromUtf8(bytes).trimmed();
    if (text.size() > max) {
        text = QStringLiteral("...") + text.right(max);
    }
    return text;
}

/// The sanitizer finding (AddressSanitizer, LeakSanitizer, UBSan "runtime error:") in a process's stderr, with some
/// context; empty when there is none.
QString findSanitizerReport(const QByteArray &stderrBytes)
{
    const QString log = QString::fromUtf8(stderrBytes);
    static const QRegularExpression finding(
        QStringLiteral("(ERROR: (AddressSanitizer|LeakSanitizer|ThreadSanitizer)|runtime error:)"));
    const auto match = finding.match(log);
    if (!match.hasMatch()) {
        return {};
    }
    return log.mid(qMax(0, int(match.capturedStart()) - 200), 8000);
}

/// A sanitizer report in a vingt process ends the test with that report: a finding is a bug whatever the test
/// asserts about exit codes (the sanitized test build, README "Hardening").
void failOnSanitizerReport(const QByteArray &stderrBytes, const QString &command)
{
    const QString report = findSanitizerReport(stderrBytes);
    if (!report.isEmpty()) {
        qFatal("sanitizer report from `%s`:\n%s", qPrintable(command), qPrintable(report));
    }
}

bool looksLikeJwt(const QString &token)
{
    static const QRegularExpression jwt(QStringLiteral("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$"));
    return jwt.match(token).hasMatch();
}

} // namespace

QString CliResult::describe() const
{
    if (!error.isEmpty()) {
        return QStringLiteral("could not run: %1").arg(error);
    }
    return QStringLiteral("%1; stdout: [%2]; stderr: [%3]")
        .arg(crashed ? QStringLiteral("crashed") : QStringLiteral("exit code %1").arg(exitCode), clip(out), clip(err));
}

ServerProcess::ServerProcess() : ServerProcess(Options{}) {}

ServerProcess::ServerProcess(Options options) : m_options(std::move(options))
{
    m_databaseUrl = m_options.databaseUrl.isEmpty() ? freshDatabaseUrl().value_or(QString()) : m_options.databaseUrl;
}

ServerProcess::~ServerProcess()
{
    if (isRunning()) {
        const int code = stop();
        if (code != 0) {
            qCritical("vingt serve did not exit cleanly (exit code %d); its stderr:\n%s", code,
                      qPrintable(clip(serverStderr())));
        }
    }
}

QString ServerProcess::binaryPath()
{
    const QByteArray fromEnv = qgetenv("VINGT_BINARY");
    if (!fromEnv.isEmpty()) {
        return QString::fromLocal8Bit(fromEnv);
    }
#ifdef VINGT_BINARY
    return QStringLiteral(VINGT_BINARY);
#else
    return {};
#endif
}

std::optional<QString> ServerProcess::databaseUrl()
{
    // A fixed database (VINGT_DATABASE_URL), or the base URL of a test cluster (VINGT_TEST_DATABASE_URL, or the file
    // VINGT_TEST_DATABASE_URL_FILE names: the ctest fixture writes it once the cluster runs).
    QByteArray url = qgetenv("VINGT_DATABASE_URL");
    if (url.isEmpty()) {
        url = qgetenv("VINGT_TEST_DATABASE_URL");
    }
    if (url.isEmpty()) {
        const QByteArray file = qgetenv("VINGT_TEST_DATABASE_URL_FILE");
        if (!file.isEmpty()) {
            QFile f(QString::fromLocal8Bit(file));
            if (f.open(QIODevice::ReadOnly)) {
                url = f.readAll().trimmed();
            }
        }
    }
    if (url.isEmpty()) {
        return std::nullopt;
    }
    return QString::fromUtf8(url);
}

std::optional<QString> ServerProcess::freshDatabaseUrl()
{
    if (!qEnvironmentVariableIsEmpty("VINGT_DATABASE_URL")) {
        return databaseUrl();
    }
    const auto base = databaseUrl();
    if (!base) {
        return std::nullopt;
    }
    // Vingt creates a database named in the URL that does not exist yet.
    const QString name = QStringLiteral("vingt_e2e_%1").arg(QUuid::createUuid().toString(QUuid::Id128).left(16));
    QString url = *base;
    while (url.endsWith(u'/')) {
        url.chop(1);
    }
    return url + u'/' + name;
}

QStringList ServerProcess::storageArgs() const
{
    if (!m_databaseUrl.isEmpty()) {
        return {QStringLiteral("--database"), m_databaseUrl};
    }
    return {QStringLiteral("--data-dir"), m_dataDir.path()};
}

CliResult ServerProcess::runCli(const QStringList &args, int timeoutMs)
{
    CliResult result;
    const QString binary = binaryPath();
    if (binary.isEmpty()) {
        result.error = QStringLiteral("the vingt binary is unknown (VINGT_BINARY not defined)");
        return result;
    }
    QProcess process;
    process.setProgram(binary);
    process.setArguments(args);
    process.start();
    if (!process.waitForStarted(timeoutMs)) {
        result.error = QStringLiteral("%1: %2").arg(binary, process.errorString());
        return result;
    }
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        result.error = QStringLiteral("`vingt %1` did not finish within %2 ms").arg(args.join(u' ')).arg(timeoutMs);
    }
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    failOnSanitizerReport(result.err, QStringLiteral("vingt %1").arg(args.join(u' ')));
    result.crashed = result.error.isEmpty() && process.exitStatus() == QProcess::CrashExit;
    result.exitCode = process.exitStatus() == QProcess::NormalExit && result.error.isEmpty() ? process.exitCode() : -1;
    return result;
}

CliResult ServerProcess::runCliOnData(const QStringList &args, int timeoutMs) const
{
    return runCli(args + storageArgs(), timeoutMs);
}

std::optional<QString> ServerProcess::createApiKey(const QString &name, const QString &expiresAt)
{
    QStringList args{QStringLiteral("api-key"), QStringLiteral("create"), QStringLiteral("--name"), name};
    if (!expiresAt.isEmpty()) {
        args << QStringLiteral("--expires-at") << expiresAt;
    }
    const CliResult result = runCliOnData(args);
    const QString token = result.outText().trimmed();
    if (result.exitCode != 0 || !looksLikeJwt(token)) {
        m_error = QStringLiteral("`vingt %1` failed or printed no token: %2")
                      .arg((args + storageArgs()).join(u' '), result.describe());
        return std::nullopt;
    }
    return token;
}

bool ServerProcess::start()
{
    m_error.clear();
    if (isRunning()) {
        m_error = QStringLiteral("the server is already running");
        return false;
    }
    if (!m_dataDir.isValid() || !m_logDir.isValid()) {
        m_error = QStringLiteral("cannot create a temporary directory");
        return false;
    }
    if (binaryPath().isEmpty()) {
        m_error = QStringLiteral("the vingt binary is unknown (VINGT_BINARY not defined)");
        return false;
    }
    if (m_options.createKey && m_token.isEmpty()) {
        const auto token = createApiKey(m_options.keyName);
        if (!token) {
            return false;
        }
        m_token = *token;
    }

    QStringList args{QStringLiteral("serve"), QStringLiteral("--host"), QStringLiteral("127.0.0.1"),
                     QStringLiteral("--port"), QStringLiteral("0")};
    args += storageArgs();
    if (m_options.threads > 0) {
        args << QStringLiteral("--threads") << QString::number(m_options.threads);
    }
    for (const QString &setting : std::as_const(m_options.settings)) {
        args << QStringLiteral("--setting") << setting;
    }
    args += m_options.extraServeArgs;

    m_process = std::make_unique<QProcess>();
    m_process->setProgram(binaryPath());
    m_process->setArguments(args);
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    // stderr goes to a file: a chatty server can never block on a full pipe, and a failure can quote it.
    m_process->setStandardErrorFile(m_logDir.filePath(kStderrLog), QIODevice::Append);
    // A test that aborts (QFATAL, a crash) runs no destructor: the server must not outlive it.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    ++m_starts;
    m_process->start();
    if (!m_process->waitForStarted(m_options.startTimeoutMs)) {
        m_error = QStringLiteral("cannot start %1: %2").arg(binaryPath(), m_process->errorString());
        m_process.reset();
        return false;
    }
    if (!waitForListening()) {
        if (m_process->state() != QProcess::NotRunning) {
            m_process->kill();
            m_process->waitForFinished();
        }
        m_process.reset();
        return false;
    }
    return true;
}

bool ServerProcess::waitForListening()
{
    static const QRegularExpression listening(QStringLiteral("^Listening on (http://[^ ]+/)$"));
    const QString command = QStringLiteral("vingt %1").arg(m_process->arguments().join(u' '));
    QDeadlineTimer deadline(m_options.startTimeoutMs);
    QByteArray seen;
    while (true) {
        while (m_process->canReadLine()) {
            const QByteArray line = m_process->readLine();
            seen += line;
            const auto match = listening.match(QString::fromUtf8(line).trimmed());
            if (match.hasMatch()) {
                m_baseUrl = QUrl(match.captured(1));
                m_port = quint16(m_baseUrl.port());
                if (!m_baseUrl.isValid() || m_baseUrl.port() <= 0) {
                    m_error = QStringLiteral("`%1` printed an invalid URL: %2").arg(command, match.captured(1));
                    return false;
                }
                return true;
            }
            if (seen.size() == line.size()) {
                m_error = QStringLiteral("the first stdout line of `%1` is not `Listening on http://HOST:PORT/`: "
                                         "[%2]; stderr: [%3]")
                              .arg(command, clip(line), clip(serverStderr()));
                return false;
            }
        }
        if (m_process->state() == QProcess::NotRunning) {
            m_error = QStringLiteral("`%1` exited (code %2) before listening; stdout: [%3]; stderr: [%4]")
                          .arg(command)
                          .arg(m_process->exitCode())
                          .arg(clip(seen + m_process->readAllStandardOutput()), clip(serverStderr()));
            return false;
        }
        if (deadline.hasExpired()) {
            m_error = QStringLiteral("`%1` printed no `Listening on` line within %2 ms; stdout: [%3]; stderr: [%4]")
                          .arg(command)
                          .arg(m_options.startTimeoutMs)
                          .arg(clip(seen), clip(serverStderr()));
            return false;
        }
        m_process->waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
    }
}

bool ServerProcess::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

qint64 ServerProcess::pid() const
{
    return m_process ? m_process->processId() : 0;
}

int ServerProcess::stop()
{
    return stopWith(SIGTERM);
}

int ServerProcess::stopWith(int signal)
{
    if (!m_process) {
        return 0;
    }
    if (m_process->state() != QProcess::NotRunning) {
        ::kill(pid_t(m_process->processId()), signal);
        if (!m_process->waitForFinished(30000)) {
            qCritical("vingt serve did not stop within 30 s of signal %d; killing it", signal);
            m_process->kill();
            m_process->waitForFinished();
            m_process.reset();
            return -1;
        }
    }
    const int code = m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
    failOnSanitizerReport(serverStderr(), QStringLiteral("vingt %1").arg(m_process->arguments().join(u' ')));
    m_process.reset();
    return code;
}

QString ServerProcess::sanitizerReport() const
{
    return findSanitizerReport(serverStderr());
}

QByteArray ServerProcess::serverStderr() const
{
    QFile file(m_logDir.filePath(kStderrLog));
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return file.readAll();
}

} // namespace vingt::test
