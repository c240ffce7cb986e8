// End-to-end: rate limits (API-CONTRACT §7, 13.18). The server runs WITHOUT the lifted limits of the other suites:
// the long bucket holds 100 tokens refilled over a day, so the count is exact however slow the machine is (no sleeping,
// no timing assertions). Checked: the X-RateLimit-* headers on every API-key response, one token per core REST call
// and none for metadata routes, the 101st call → 429 with the contract body and Retry-After, buckets shared by the
// keys of a workspace and separate per workspace, health and unauthenticated requests never throttled, and the short
// bucket checked first (a second server with a small short bucket).

#include "support/e2e.h"
#include "support/httpclient.h"
#include "support/serverprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <memory>

using namespace vingt::test;
using namespace Qt::StringLiterals;

namespace {

constexpr int kLongLimit = 100;
constexpr qint64 kLongTtlMs = 86400000; // a day: 864 s per token
constexpr qint64 kSecondsPerToken = kLongTtlMs / kLongLimit / 1000;

qint64 headerNumber(const HttpResponse &response, const QByteArray &name, bool *ok)
{
    return response.header(name).toLongLong(ok);
}

} // namespace

class TestRateLimit : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> m_server;
    HttpClient m_http;

    /// Fails unless the response carries the three X-RateLimit headers with these values (`reset` at most).
    static QString headerProblem(const HttpResponse &response, qint64 remaining)
    {
        bool ok = false;
        if (headerNumber(response, "x-ratelimit-limit", &ok) != kLongLimit || !ok) {
            return u"X-RateLimit-Limit is not %1: %2"_s.arg(kLongLimit).arg(response.describe());
        }
        if (headerNumber(response, "x-ratelimit-remaining", &ok) != remaining || !ok) {
            return u"X-RateLimit-Remaining is not %1: %2"_s.arg(remaining).arg(response.describe());
        }
        const qint64 reset = headerNumber(response, "x-ratelimit-reset", &ok);
        const qint64 maxReset = (kLongLimit - remaining) * kSecondsPerToken;
        if (!ok || reset < 0 || reset > maxReset || (remaining < kLongLimit && reset == 0)) {
            return u"X-RateLimit-Reset is not in (0, %1]: %2"_s.arg(maxReset).arg(response.describe());
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void headersOnEveryApiKeyResponse();
    void theHundredAndFirstCallIsRefused();
    void bucketsArePerWorkspace();
    void neverThrottled();
    void shortBucketIsCheckedFirst();
    void largeBudgetCountsEveryCall();
};

void TestRateLimit::initTestCase()
{
    ServerProcess::Options options;
    options.keyName = u"e2e-ratelimit"_s;
    options.settings = {u"rateLimit.shortLimit=1000000"_s, u"rateLimit.longLimit=%1"_s.arg(kLongLimit),
                        u"rateLimit.longTtlMs=%1"_s.arg(kLongTtlMs)};
    m_server = std::make_unique<ServerProcess>(options);
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    m_http = HttpClient(m_server->baseUrl(), m_server->token());
}

void TestRateLimit::cleanupTestCase()
{
    if (m_server) {
        QCOMPARE(m_server->stop(), 0);
    }
}

void TestRateLimit::headersOnEveryApiKeyResponse()
{
    // the first core call takes one token
    const HttpResponse first = m_http.get(u"/rest/people?limit=1"_s);
    E2E_STATUS(first, 200);
    QString problem = headerProblem(first, kLongLimit - 1);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY(!first.hasHeader("retry-after"));

    // metadata routes report the buckets and take nothing
    const HttpResponse metadata = m_http.get(u"/rest/metadata/apiKeys"_s);
    E2E_STATUS(metadata, 200);
    problem = headerProblem(metadata, kLongLimit - 1);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    E2E_STATUS(m_http.get(u"/rest/metadata/roles"_s), 200);

    // errors after authentication carry them too, and a core call that fails still took its token
    const HttpResponse error = m_http.get(u"/rest/person"_s);
    E2E_STATUS(error, 400);
    problem = headerProblem(error, kLongLimit - 2);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    // a write is one call like any other
    const HttpResponse created = m_http.post(u"/rest/people"_s, QJsonObject{{"city", uniqueTag()}});
    E2E_STATUS(created, 201);
    problem = headerProblem(created, kLongLimit - 3);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestRateLimit::theHundredAndFirstCallIsRefused()
{
    // Three tokens are gone (previous test); spend the rest.
    for (int call = 4; call <= kLongLimit; ++call) {
        const HttpResponse response = m_http.get(u"/rest/companies?limit=1"_s);
        if (response.status != 200) {
            QFAIL(qPrintable(u"call %1 of %2 failed: %3"_s.arg(call).arg(kLongLimit).arg(response.describe())));
        }
        bool ok = false;
        QCOMPARE(headerNumber(response, "x-ratelimit-remaining", &ok), qint64(kLongLimit - call));
    }
    const QString message = u"Limit reached (%1 tokens per %2 ms)"_s.arg(kLongLimit).arg(kLongTtlMs);
    const HttpResponse refused = m_http.get(u"/rest/companies?limit=1"_s);
    E2E_ERROR(refused, 429, "HttpException", message);
    QCOMPARE(refused.object(),
             (QJsonObject{{"statusCode", 429}, {"error", "HttpException"}, {"messages", QJsonArray{message}}}));
    bool ok = false;
    const qint64 retryAfter = headerNumber(refused, "retry-after", &ok);
    QVERIFY2(ok && retryAfter >= 1 && retryAfter <= kSecondsPerToken, qPrintable(refused.describe()));
    const QString problem = headerProblem(refused, 0);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    // refused calls take nothing and do nothing
    const QString tag = uniqueTag();
    E2E_ERROR(m_http.post(u"/rest/people"_s, QJsonObject{{"city", tag}}), 429, "HttpException", message);
    E2E_ERROR(m_http.get(u"/rest/people/"_s + newUuid()), 429, "HttpException", message);
    // rate limiting comes before path parsing (DECISIONS "HTTP")
    E2E_ERROR(m_http.get(u"/rest/person"_s), 429, "HttpException", message);

    // every key of the workspace shares the buckets
    const auto other = m_server->createApiKey(u"second key"_s);
    QVERIFY2(other, qPrintable(m_server->errorString()));
    E2E_ERROR(m_http.withToken(*other).get(u"/rest/people?limit=1"_s), 429, "HttpException", message);
}

void TestRateLimit::bucketsArePerWorkspace()
{
    const CliResult workspace = m_server->runCliOnData({u"workspace"_s, u"create"_s, u"--name"_s, u"Other"_s});
    QVERIFY2(workspace.exitCode == 0, qPrintable(workspace.describe()));
    const QString workspaceId = workspace.outText().trimmed();
    const CliResult key = m_server->runCliOnData(
        {u"api-key"_s, u"create"_s, u"--name"_s, u"other workspace"_s, u"--workspace"_s, workspaceId});
    QVERIFY2(key.exitCode == 0, qPrintable(key.describe()));
    HttpClient other = m_http.withToken(key.outText().trimmed());
    const HttpResponse response = other.get(u"/rest/people?limit=1"_s);
    E2E_STATUS(response, 200);
    const QString problem = headerProblem(response, kLongLimit - 1);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    // the first workspace is still exhausted
    E2E_STATUS(m_http.get(u"/rest/people?limit=1"_s), 429);
}

void TestRateLimit::neverThrottled()
{
    // health is public and free; metadata routes take no token; unauthenticated requests fail authentication first
    for (int i = 0; i < 3; ++i) {
        const HttpResponse health = m_http.withoutToken().get(u"/healthz"_s);
        E2E_STATUS(health, 200);
        QVERIFY(!health.hasHeader("x-ratelimit-limit"));
        E2E_STATUS(m_http.get(u"/healthz/database"_s), 200);
    }
    const HttpResponse metadata = m_http.get(u"/rest/metadata/apiKeys"_s);
    E2E_STATUS(metadata, 200);
    const QString problem = headerProblem(metadata, 0);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const HttpResponse anonymous = m_http.withoutToken().get(u"/rest/people"_s);
    E2E_ERROR(anonymous, 403, "FORBIDDEN_EXCEPTION", "Missing authentication token");
    QVERIFY(!anonymous.hasHeader("x-ratelimit-limit"));
    E2E_ERROR(m_http.withToken(u"garbage"_s).get(u"/rest/people"_s), 401, "UNAUTHENTICATED", "No payload");
}

void TestRateLimit::shortBucketIsCheckedFirst()
{
    // Both buckets small: the short one (3) runs out first and is the one quoted.
    ServerProcess::Options options;
    options.keyName = u"e2e-ratelimit-short"_s;
    options.settings = {u"rateLimit.shortLimit=3"_s, u"rateLimit.shortTtlMs=%1"_s.arg(kLongTtlMs),
                        u"rateLimit.longLimit=5"_s, u"rateLimit.longTtlMs=%1"_s.arg(kLongTtlMs)};
    ServerProcess server(options);
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    HttpClient http(server.baseUrl(), server.token());
    for (int call = 1; call <= 3; ++call) {
        const HttpResponse response = http.get(u"/rest/people?limit=1"_s);
        E2E_STATUS(response, 200);
        QCOMPARE(response.header("x-ratelimit-limit"), QByteArray("5"));
        QCOMPARE(response.header("x-ratelimit-remaining"), QByteArray::number(5 - call));
    }
    const HttpResponse refused = http.get(u"/rest/people?limit=1"_s);
    E2E_ERROR(refused, 429, "HttpException", u"Limit reached (3 tokens per %1 ms)"_s.arg(kLongTtlMs));
    bool ok = false;
    const qint64 retryAfter = refused.header("retry-after").toLongLong(&ok);
    QVERIFY2(ok && retryAfter >= 1 && retryAfter <= kLongTtlMs / 3 / 1000 + 1, qPrintable(refused.describe()));
    // the refused call took nothing from the long bucket
    QCOMPARE(refused.header("x-ratelimit-remaining"), QByteArray("2"));
    QCOMPARE(server.stop(), 0);
}

void TestRateLimit::largeBudgetCountsEveryCall()
{
    // A budget large enough for leases on PostgreSQL (a busy server takes up to 1% of it per statement and hands the
    // tokens out itself): the headers still count every call, and the budget ends at exactly its size.
    constexpr int kBudget = 1000;
    ServerProcess::Options options;
    options.keyName = u"e2e-ratelimit-large"_s;
    options.settings = {u"rateLimit.shortLimit=1000000"_s, u"rateLimit.longLimit=%1"_s.arg(kBudget),
                        u"rateLimit.longTtlMs=%1"_s.arg(kLongTtlMs)};
    ServerProcess server(options);
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    HttpClient http(server.baseUrl(), server.token());
    for (int call = 1; call <= kBudget; ++call) {
        const HttpResponse response = http.get(u"/rest/people?limit=1"_s);
        QCOMPARE(response.status, 200);
        QCOMPARE(response.header("x-ratelimit-remaining"), QByteArray::number(kBudget - call));
    }
    E2E_ERROR(http.get(u"/rest/people?limit=1"_s), 429, "HttpException",
              u"Limit reached (%1 tokens per %2 ms)"_s.arg(kBudget).arg(kLongTtlMs));
    QCOMPARE(server.stop(), 0);
}

QTEST_GUILESS_MAIN(TestRateLimit)
#include "tst_ratelimit.moc"
