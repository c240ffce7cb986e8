// PostgreSQL restarts under load (issue 8, "Bad input and faults"): a server on a cluster of its own keeps four batch
// creates in flight while the cluster is stopped (fast shutdown) and started again. During the outage every request
// ends with a response, a 503 saying the database is not available (none hangs, none is a 500); afterwards the same
// server process, not restarted, answers 200 again; and every batch is all-or-nothing: the tagged records come in whole
// batches, at least those of every 201. Runs in the PostgreSQL run only (tst_pgrestart_pg); the SQLite run skips it.
#include "support/e2e.h"
#include "support/httpclient.h"
#include "support/serverprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <memory>

using namespace vingt::test;
using namespace Qt::StringLiterals;

namespace {

constexpr int kBatch = 10;
constexpr int kInFlight = 4;
constexpr int kRequestTimeoutMs = 40000; ///< longer than the server's statement (30 s) and connect (5 s) timeouts

QString throwawayScript()
{
    return QStringLiteral(VINGT_E2E_SOURCE_DIR "/../support/pg_throwaway.sh");
}

/// Runs `pg_throwaway.sh args`; its stdout, or nullopt (with the reason in `error`).
std::optional<QString> runThrowaway(const QStringList &args, QString &error)
{
    QProcess process;
    process.start(u"bash"_s, QStringList{throwawayScript()} + args);
    if (!process.waitForFinished(90000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        error = u"pg_throwaway.sh %1 failed: %2"_s.arg(args.join(u' '),
                                                       QString::fromUtf8(process.readAllStandardError()));
        return std::nullopt;
    }
    return QString::fromUtf8(process.readAllStandardOutput());
}

} // namespace

/// Keeps kInFlight batch creates running against one server and tallies how they end.
class Load : public QObject
{
public:
    Load(QUrl baseUrl, QByteArray token, QString city)
        : m_baseUrl(std::move(baseUrl))
        , m_token(std::move(token))
        , m_city(std::move(city))
    {}

    void start()
    {
        for (int i = 0; i < kInFlight; ++i)
            send();
    }
    void stop() { m_stopping = true; }
    [[nodiscard]] bool idle() const { return m_running == 0; }

    int created = 0;      ///< 201s
    int unavailable = 0;  ///< 503s with the expected message
    QStringList problems; ///< anything else: other statuses, transport errors, timeouts, bad 503 bodies

private:
    void send()
    {
        QJsonArray batch;
        for (int i = 0; i < kBatch; ++i)
            batch.append(QJsonObject{{u"city"_s, m_city}, {u"jobTitle"_s, u"n%1"_s.arg(i)}});
        QNetworkRequest request(m_baseUrl.resolved(QUrl(u"/rest/batch/people"_s)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        request.setRawHeader("Authorization", "Bearer " + m_token);
        request.setTransferTimeout(kRequestTimeoutMs);
        QNetworkReply *reply = m_manager.post(request, QJsonDocument(batch).toJson(QJsonDocument::Compact));
        ++m_running;
        connect(reply, &QNetworkReply::finished, this, [this, reply] {
            --m_running;
            reply->deleteLater();
            tally(reply);
            if (!m_stopping)
                send();
        });
    }

    void tally(QNetworkReply *reply)
    {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        if (status == 201) {
            ++created;
            return;
        }
        const QJsonObject error = QJsonDocument::fromJson(body).object();
        const QString message = error.value(u"messages"_s).toArray().at(0).toString();
        if (status == 503 && error.value(u"statusCode"_s).toInt() == 503
            && message.startsWith(u"The database is not available"_s) && leakProblem(message).isEmpty()) {
            ++unavailable;
            return;
        }
        problems << u"HTTP %1 (%2): %3"_s.arg(status).arg(reply->errorString(), QString::fromUtf8(body.left(300)));
    }

    QNetworkAccessManager m_manager;
    QUrl m_baseUrl;
    QByteArray m_token;
    QString m_city;
    int m_running = 0;
    bool m_stopping = false;
};

class TestPgRestart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (!ServerProcess::freshDatabaseUrl())
            QSKIP("PostgreSQL outages: the _pg run only");
        // A cluster of its own, so that stopping it disturbs no other test.
        QString error;
        const auto started = runThrowaway({}, error);
        QVERIFY2(started, qPrintable(error));
        static const QRegularExpression pattern(u"PGPORT=(\\d+) PGDIR=(\\S+)"_s);
        const auto match = pattern.match(*started);
        QVERIFY2(match.hasMatch(), qPrintable(*started));
        m_pgDir = match.captured(2);
        ServerProcess::Options options;
        options.keyName = u"e2e-pgrestart"_s;
        options.databaseUrl = u"postgresql://postgres@127.0.0.1:%1/vingt_restart"_s.arg(match.captured(1));
        m_server = std::make_unique<ServerProcess>(options);
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
        m_http = HttpClient(m_server->baseUrl(), m_server->token());
    }

    void cleanupTestCase()
    {
        if (m_server)
            m_server->stop();
        if (!m_pgDir.isEmpty()) {
            QString error;
            if (!runThrowaway({u"stop"_s, m_pgDir}, error))
                qWarning("%s", qPrintable(error));
        }
    }

    void serverRecoversWithoutRestart()
    {
        const QString city = uniqueTag();
        const qint64 pid = m_server->pid();
        Load load(m_server->baseUrl(), m_server->token().toLatin1(), city);
        load.start();
        QTRY_VERIFY2_WITH_TIMEOUT(load.created >= 8, qPrintable(status(load)), 30000); // under way

        // The outage: a fast shutdown disconnects the server in the middle of its batches.
        QString error;
        QVERIFY2(runThrowaway({u"pause"_s, m_pgDir}, error), qPrintable(error));
        const int createdBefore = load.created;
        QTRY_VERIFY2_WITH_TIMEOUT(load.unavailable >= 8, qPrintable(status(load)), 30000);
        const HttpResponse during = m_http.get(u"/rest/people?limit=1"_s);
        E2E_ERROR_CONTAINS(during, 503, "The database is not available");
        E2E_STATUS(m_http.get(u"/healthz/database"_s), 503);

        QVERIFY2(runThrowaway({u"resume"_s, m_pgDir}, error), qPrintable(error));
        // The same process answers again: no restart of its own.
        QTRY_COMPARE_WITH_TIMEOUT(m_http.get(u"/rest/people?limit=1"_s).status, 200, 20000);
        E2E_STATUS(m_http.get(u"/healthz/database"_s), 200);
        QTRY_VERIFY2_WITH_TIMEOUT(load.created >= createdBefore + 8, qPrintable(status(load)), 30000);
        load.stop();
        QTRY_VERIFY_WITH_TIMEOUT(load.idle(), kRequestTimeoutMs + 5000);
        QCOMPARE(m_server->pid(), pid);
        QVERIFY(m_server->isRunning());
        QVERIFY2(load.problems.isEmpty(), qPrintable(load.problems.join(u"\n"_s)));

        // All-or-nothing: whole batches only; each 201 is there, and a 503 may have come after its commit.
        const HttpResponse counted = m_http.get(u"/rest/people?limit=1&filter=city[eq]:"_s + city);
        E2E_STATUS(counted, 200);
        const int total = counted.value(u"totalCount"_s).toInt();
        QVERIFY2(total % kBatch == 0, qPrintable(u"%1 records: a batch was half written"_s.arg(total)));
        QVERIFY2(total >= load.created * kBatch && total <= (load.created + load.unavailable) * kBatch,
                 qPrintable(u"%1 records for %2 created and %3 refused batches"_s.arg(total)
                                .arg(load.created)
                                .arg(load.unavailable)));
        qInfo("load: %d batches created, %d refused with 503, %d records", load.created, load.unavailable, total);
        // Writes work again on every worker thread's (new) connection.
        for (int i = 0; i < 8; ++i)
            E2E_STATUS(m_http.post(u"/rest/people"_s, QJsonObject{{u"city"_s, city}}), 201);
    }

private:
    /// The load's tallies and the end of the server's log, for failure messages.
    QString status(const Load &load) const
    {
        return u"%1 created, %2 refused with 503, problems: %3; server log: %4"_s.arg(load.created)
            .arg(load.unavailable)
            .arg(load.problems.join(u" / "_s), QString::fromUtf8(m_server->serverStderr().right(3000)));
    }

    QString m_pgDir;
    std::unique_ptr<ServerProcess> m_server;
    HttpClient m_http;
};

QTEST_GUILESS_MAIN(TestPgRestart)
#include "tst_pgrestart.moc"
