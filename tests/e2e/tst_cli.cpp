// End-to-end: the `vingt` command line (DECISIONS "The executable"): `serve` and its Listening line, a taken port,
// clean stops on SIGTERM/SIGINT with the data kept across a restart, `--database` refused for now, unknown options,
// `--threads`, `--setting`, and `api-key create` printing the token alone.

#include "support/e2e.h"
#include "support/httpclient.h"
#include "support/rawhttp.h"
#include "support/serverprocess.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <memory>
#include <signal.h>
#include <thread>
#include <vector>

using namespace vingt::test;
using namespace Qt::StringLiterals;

class TestCli : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> m_server;
    QTemporaryDir m_scratch; // data directories for commands that must not touch the real one

    [[nodiscard]] QString scratchDir(const QString &name) const { return m_scratch.filePath(name); }

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void serveListening();
    void apiKeyCreatePrintsOnlyTheToken();
    void portTaken();
    void stopKeepsData_data();
    void stopKeepsData();
    void stopDuringWritesLosesNothing();
    void killedServerLosesNothing();
    void databaseUrlRefused_data();
    void databaseUrlRefused();
    void unknownOptionOrCommand_data();
    void unknownOptionOrCommand();
    void threadsOption();
    void settingsOverride();
};

void TestCli::initTestCase()
{
    QVERIFY2(!ServerProcess::binaryPath().isEmpty(), "the vingt binary is unknown (VINGT_BINARY)");
    QVERIFY(m_scratch.isValid());
    ServerProcess::Options options;
    options.keyName = u"e2e-cli"_s;
    m_server = std::make_unique<ServerProcess>(options);
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
}

void TestCli::cleanupTestCase()
{
    if (m_server) {
        QCOMPARE(m_server->stop(), 0);
        QVERIFY2(m_server->sanitizerReport().isEmpty(), qPrintable(m_server->sanitizerReport()));
    }
}

void TestCli::serveListening()
{
    const QUrl url = m_server->baseUrl();
    QCOMPARE(url.scheme(), u"http"_s);
    QCOMPARE(url.host(), u"127.0.0.1"_s);
    QCOMPARE(url.path(), u"/"_s);
    QVERIFY(url.port() > 0 && url.port() < 65536);
    HttpClient http(url, m_server->token());
    const HttpResponse health = http.get(u"/healthz"_s);
    E2E_STATUS(health, 200);
    E2E_STATUS(http.get(u"/rest/people?limit=1"_s), 200);
}

void TestCli::apiKeyCreatePrintsOnlyTheToken()
{
    const CliResult result = m_server->runCliOnData({u"api-key"_s, u"create"_s, u"--name"_s, u"only-token"_s});
    QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
    QString out = result.outText();
    if (out.endsWith(u'\n')) {
        out.chop(1);
    }
    static const QRegularExpression jwt(u"^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$"_s);
    QVERIFY2(jwt.match(out).hasMatch(), qPrintable(u"stdout is not exactly one token: [%1]"_s.arg(out)));
    HttpClient http(m_server->baseUrl(), out);
    E2E_STATUS(http.get(u"/rest/people?limit=1"_s), 200);
}

void TestCli::portTaken()
{
    const QString port = QString::number(m_server->port());
    const CliResult second = ServerProcess::runCli(
        {u"serve"_s, u"--host"_s, u"127.0.0.1"_s, u"--port"_s, port, u"--data-dir"_s, scratchDir(u"second"_s)}, 30000);
    QVERIFY2(second.exitCode == 1, qPrintable(second.describe()));
    QVERIFY2(!second.out.contains("Listening on"), qPrintable(second.describe()));
    QVERIFY2(second.errText().contains(port), qPrintable(u"the message does not name the port: "_s + second.describe()));
    // the first server is unaffected
    HttpClient http(m_server->baseUrl(), m_server->token());
    E2E_STATUS(http.get(u"/healthz"_s), 200);
}

void TestCli::stopKeepsData_data()
{
    QTest::addColumn<int>("stopSignal");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
}

void TestCli::stopKeepsData()
{
    QFETCH(int, stopSignal);
    ServerProcess server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    HttpClient http(server.baseUrl(), server.token());
    const QString tag = uniqueTag();
    const HttpResponse one = http.post(u"/rest/people"_s, QJsonObject{{"city", tag}, {"jobTitle", "Survivor"}});
    E2E_STATUS(one, 201);
    QJsonArray batch;
    for (int i = 0; i < 60; ++i) {
        batch.append(QJsonObject{{"city", tag}});
    }
    E2E_STATUS(http.post(u"/rest/batch/people"_s, batch), 201);
    const QString id = one.value(u"data.createPerson.id"_s).toString();

    QCOMPARE(server.stopWith(stopSignal), 0);
    QVERIFY(!server.isRunning());

    // restart on the same data: the records and the token (instance secret) survive
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    http.setBaseUrl(server.baseUrl());
    const HttpResponse read = http.get(u"/rest/people/"_s + id);
    E2E_STATUS(read, 200);
    QCOMPARE(read.value(u"data.person.jobTitle"_s).toString(), u"Survivor"_s);
    const HttpResponse count = http.get(u"/rest/people?limit=1&filter="_s + pct(u"city[eq]:"_s + tag));
    E2E_STATUS(count, 200);
    QCOMPARE(count.value(u"totalCount"_s).toInt(), 61);
    QCOMPARE(server.stop(), 0);
    QVERIFY2(server.sanitizerReport().isEmpty(), qPrintable(server.sanitizerReport()));
}

void TestCli::stopDuringWritesLosesNothing()
{
    // SIGTERM while 8 writers keep sending batches: requests being handled finish, and every acknowledged record is
    // there after a restart; nothing that was not acknowledged appears either (no commit without an answer).
    ServerProcess server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    const QString tag = uniqueTag();
    const quint16 port = server.port();
    const QByteArray authorization = "Bearer " + server.token().toUtf8();
    constexpr int kWriters = 8;
    constexpr int kBatch = 10;
    std::atomic<int> acknowledged{0};
    std::atomic<int> finished{0};
    std::atomic<bool> bad{false};
    std::vector<QString> oddities(kWriters);
    std::vector<std::thread> threads;
    for (int w = 0; w < kWriters; ++w) {
        threads.emplace_back([&, w] {
            QJsonArray batch;
            for (int i = 0; i < kBatch; ++i) {
                batch.append(QJsonObject{{"city", tag}});
            }
            const QByteArray request = RawHttpConnection::buildRequest(
                "POST", "/rest/batch/people", {{"Authorization", authorization}, {"Content-Type", "application/json"}},
                toJson(batch));
            auto raw = std::make_unique<RawHttpConnection>(u"127.0.0.1"_s, port);
            for (int i = 0; i < 2000; ++i) {
                if ((!raw->isConnected() && !raw->connectToServer(5000)) || !raw->write(request, 10000)) {
                    break; // the server stopped accepting: not an error
                }
                const auto response = raw->readResponse(30000);
                if (!response) {
                    break; // closed without an answer: the request was not taken (checked through the count)
                }
                if (response->status == 201) {
                    acknowledged += kBatch;
                } else if (response->status != 503) {
                    oddities[size_t(w)] = response->describe();
                    bad = true;
                    break;
                }
                if (response->header("connection").toLower() == "close") {
                    raw = std::make_unique<RawHttpConnection>(u"127.0.0.1"_s, port);
                }
            }
            ++finished;
        });
    }
    QTRY_VERIFY_WITH_TIMEOUT(acknowledged.load() >= 200 || bad.load(), 120000);
    const int exitCode = server.stop();
    QTRY_COMPARE_WITH_TIMEOUT(finished.load(), kWriters, 120000);
    for (auto &thread : threads) {
        thread.join();
    }
    for (const QString &oddity : oddities) {
        QVERIFY2(oddity.isEmpty(), qPrintable(oddity));
    }
    QCOMPARE(exitCode, 0);

    QVERIFY2(server.start(), qPrintable(server.errorString()));
    HttpClient http(server.baseUrl(), server.token());
    const HttpResponse count = http.get(u"/rest/people?limit=1&filter="_s + pct(u"city[eq]:"_s + tag));
    E2E_STATUS(count, 200);
    QCOMPARE(count.value(u"totalCount"_s).toInt(), acknowledged.load());
    QCOMPARE(server.stop(), 0);
    QVERIFY2(server.sanitizerReport().isEmpty(), qPrintable(server.sanitizerReport()));
}

void TestCli::killedServerLosesNothing()
{
    // Committed means durable: a SIGKILL right after the answers loses none of them.
    ServerProcess server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    HttpClient http(server.baseUrl(), server.token());
    const QString tag = uniqueTag();
    QJsonArray batch;
    for (int i = 0; i < 60; ++i) {
        batch.append(QJsonObject{{"city", tag}});
    }
    E2E_STATUS(http.post(u"/rest/batch/people"_s, batch), 201);
    const HttpResponse one = http.post(u"/rest/people"_s, QJsonObject{{"city", tag}, {"jobTitle", "Last"}});
    E2E_STATUS(one, 201);
    QCOMPARE(server.stopWith(SIGKILL), -1);

    QVERIFY2(server.start(), qPrintable(server.errorString()));
    http.setBaseUrl(server.baseUrl());
    const HttpResponse count = http.get(u"/rest/people?limit=1&filter="_s + pct(u"city[eq]:"_s + tag));
    E2E_STATUS(count, 200);
    QCOMPARE(count.value(u"totalCount"_s).toInt(), 61);
    const HttpResponse last = http.get(u"/rest/people/"_s + one.value(u"data.createPerson.id"_s).toString());
    E2E_STATUS(last, 200);
    QCOMPARE(last.value(u"data.person.jobTitle"_s).toString(), u"Last"_s);
    QCOMPARE(server.stop(), 0);
    QVERIFY2(server.sanitizerReport().isEmpty(), qPrintable(server.sanitizerReport()));
}

void TestCli::databaseUrlRefused_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("url");
    const QString postgres = u"postgres://vingt@127.0.0.1:1/vingt"_s;
    const QString postgresql = u"postgresql://vingt@127.0.0.1:1/vingt"_s;
    QTest::newRow("serve postgres://") << QStringList{u"serve"_s, u"--port"_s, u"0"_s} << postgres;
    QTest::newRow("serve postgresql://") << QStringList{u"serve"_s, u"--port"_s, u"0"_s} << postgresql;
    QTest::newRow("api-key create") << QStringList{u"api-key"_s, u"create"_s, u"--name"_s, u"x"_s} << postgres;
}

void TestCli::databaseUrlRefused()
{
    if (ServerProcess::databaseUrl()) {
        QSKIP("this run uses PostgreSQL");
    }
    QFETCH(QStringList, args);
    QFETCH(QString, url);
    const CliResult result = ServerProcess::runCli(args + QStringList{u"--database"_s, url}, 30000);
    QVERIFY2(result.exitCode > 0, qPrintable(result.describe()));
    QVERIFY2(!result.out.contains("Listening on"), qPrintable(result.describe()));
    QVERIFY2(result.errText().contains(u"postgres"_s, Qt::CaseInsensitive),
             qPrintable(u"the message does not say PostgreSQL is the problem: "_s + result.describe()));
}

void TestCli::unknownOptionOrCommand_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("named");
    QTest::addColumn<bool>("usage"); // an unknown option or command prints the usage
    const QStringList dataDir{u"--data-dir"_s, scratchDir(u"unknown"_s)};
    QTest::newRow("serve --bogus") << (QStringList{u"serve"_s, u"--port"_s, u"0"_s, u"--bogus"_s} + dataDir)
                                   << u"bogus"_s << true;
    QTest::newRow("api-key create --bogus")
        << (QStringList{u"api-key"_s, u"create"_s, u"--name"_s, u"x"_s, u"--bogus"_s} + dataDir) << u"bogus"_s << true;
    QTest::newRow("unknown command") << (QStringList{u"frobnicate"_s} + dataDir) << u"frobnicate"_s << true;
    QTest::newRow("api-key without subcommand") << (QStringList{u"api-key"_s} + dataDir) << QString() << false;
    QTest::newRow("api-key create --expires-at not a date")
        << (QStringList{u"api-key"_s, u"create"_s, u"--name"_s, u"x"_s, u"--expires-at"_s, u"notadate"_s} + dataDir)
        << u"notadate"_s << false;
    QTest::newRow("serve --port not a number")
        << (QStringList{u"serve"_s, u"--port"_s, u"abc"_s} + dataDir) << u"abc"_s << false;
}

void TestCli::unknownOptionOrCommand()
{
    QFETCH(QStringList, args);
    QFETCH(QString, named);
    QFETCH(bool, usage);
    const CliResult result = ServerProcess::runCli(args, 30000);
    QVERIFY2(result.exitCode > 0, qPrintable(result.describe()));
    QVERIFY2(!result.out.contains("Listening on"), qPrintable(result.describe()));
    const QString output = result.outText() + result.errText();
    if (!named.isEmpty()) {
        QVERIFY2(output.contains(named),
                 qPrintable(u"the message does not name '%1': "_s.arg(named) + result.describe()));
    }
    if (usage) {
        QVERIFY2(output.contains(u"usage"_s, Qt::CaseInsensitive), qPrintable(u"no usage: "_s + result.describe()));
    } else {
        QVERIFY2(!result.err.trimmed().isEmpty(), qPrintable(u"no message: "_s + result.describe()));
    }
}

void TestCli::threadsOption()
{
    ServerProcess::Options options;
    options.threads = 1;
    ServerProcess server(options);
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    HttpClient http(server.baseUrl(), server.token());
    for (int i = 0; i < 3; ++i) {
        E2E_STATUS(http.post(u"/rest/people"_s, QJsonObject{{"city", uniqueTag()}}), 201);
    }
    QCOMPARE(server.stop(), 0);
    QVERIFY2(server.sanitizerReport().isEmpty(), qPrintable(server.sanitizerReport()));
}

void TestCli::settingsOverride()
{
    // §0.5: every message that quotes a limit quotes the configured value
    ServerProcess::Options options;
    options.settings << u"api.batchMaxRecords=5"_s << u"api.pageSizeMax=10"_s << u"api.pageSizeDefault=3"_s;
    ServerProcess server(options);
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    HttpClient http(server.baseUrl(), server.token());
    const QString tag = uniqueTag();
    const auto batchOf = [&tag](int n) {
        QJsonArray records;
        for (int i = 0; i < n; ++i) {
            records.append(QJsonObject{{"city", tag}});
        }
        return records;
    };
    E2E_BAD_REQUEST(http.post(u"/rest/batch/people"_s, batchOf(6)), "Maximum number of records to upsert is 5.");
    for (int i = 0; i < 3; ++i) {
        E2E_STATUS(http.post(u"/rest/batch/people"_s, batchOf(5)), 201);
    }
    const QString filter = u"filter="_s + pct(u"city[eq]:"_s + tag);
    const HttpResponse clamped = http.get(u"/rest/people?limit=20&"_s + filter);
    E2E_STATUS(clamped, 200);
    QCOMPARE(clamped.value(u"data.people"_s).toArray().size(), 10);
    QCOMPARE(clamped.header("x-vingt-limit-clamped"), QByteArray("10"));
    QCOMPARE(clamped.value(u"totalCount"_s).toInt(), 15);
    const HttpResponse byDefault = http.get(u"/rest/people?"_s + filter);
    E2E_STATUS(byDefault, 200);
    QCOMPARE(byDefault.value(u"data.people"_s).toArray().size(), 3);
    E2E_BAD_REQUEST(http.patch(u"/rest/people?"_s + filter, QJsonObject{{"jobTitle", "x"}}),
                    "Cannot update more than 5 records at once");
    E2E_BAD_REQUEST(http.del(u"/rest/people?"_s + filter), "Cannot destroy more than 5 records at once");
    QCOMPARE(server.stop(), 0);
    QVERIFY2(server.sanitizerReport().isEmpty(), qPrintable(server.sanitizerReport()));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
