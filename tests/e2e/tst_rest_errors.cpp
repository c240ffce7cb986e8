// End-to-end: bad input and HTTP behaviour on the Core REST surface (API-CONTRACT §0.2, 0.3, 1.2, 11, 13;
// DECISIONS "HTTP"): path errors, unknown routes, wrong methods, malformed JSON and HTTP, content types, oversized
// bodies and heads, SQL-looking text, concurrency, health routes, HEAD, OPTIONS, keep-alive, Expect: 100-continue.

#include "support/e2e.h"
#include "support/httpclient.h"
#include "support/rawhttp.h"
#include "support/serverprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

using namespace vingt::test;
using namespace Qt::StringLiterals;

namespace {

const QString kQueryPathExamples
    = u"invalid. Valid examples: /rest/companies/id or /rest/companies or /rest/batch/companies"_s;
constexpr qint64 kOverLimit = 10 * 1024 * 1024 + 1;

} // namespace

#define COUNT_IS(plural, filter, expected)                                                                             \
    do {                                                                                                               \
        const HttpResponse counted_ = m_http.get(u"/rest/"_s + (plural) + u"?limit=1&filter="_s + pct(filter));        \
        E2E_STATUS(counted_, 200);                                                                                     \
        QCOMPARE(counted_.value(u"totalCount"_s).toInt(-1), (expected));                                               \
    } while (false)

/// Fails unless a raw response is a contract error body with this status and `error` name.
#define RAW_ERROR(raw, expectedStatus, expectedError)                                                                  \
    do {                                                                                                               \
        QVERIFY2((raw).status == (expectedStatus),                                                                     \
                 qPrintable(u"expected HTTP %1, got: %2"_s.arg(expectedStatus).arg((raw).describe())));                \
        const QJsonObject rawBody_ = (raw).json.object();                                                              \
        QVERIFY2(rawBody_.value(u"statusCode"_s).toInt() == (expectedStatus), qPrintable((raw).describe()));           \
        QVERIFY2(rawBody_.value(u"error"_s).toString() == QString(expectedError), qPrintable((raw).describe()));       \
        QVERIFY2(!rawBody_.value(u"messages"_s).toArray().isEmpty(), qPrintable((raw).describe()));                    \
    } while (false)

class TestRestErrors : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> m_server;
    HttpClient m_http;

    [[nodiscard]] std::unique_ptr<RawHttpConnection> connection()
    {
        auto raw = std::make_unique<RawHttpConnection>(u"127.0.0.1"_s, m_server->port());
        if (!raw->connectToServer()) {
            qWarning("%s", qPrintable(raw->errorString()));
        }
        return raw;
    }
    [[nodiscard]] QByteArray bearer() const { return "Bearer " + m_server->token().toUtf8(); }
    /// Checks the server still answers on a new connection.
    [[nodiscard]] bool serverAnswers() { return m_http.withoutToken().get(u"/healthz"_s).status == 200; }

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void pathErrors_data();
    void pathErrors();
    void emptySegmentsDropped();
    void unknownRoutes_data();
    void unknownRoutes();
    void methodNotAllowed_data();
    void methodNotAllowed();
    void malformedJson_data();
    void malformedJson();
    void contentType_data();
    void contentType();
    void noContentTypeMeansJson();
    void declaredBodyTooLarge_data();
    void declaredBodyTooLarge();
    void expectContinueTooLarge();
    void streamedBodyTooLarge();
    void headTooLarge_data();
    void headTooLarge();
    void sqlLookingTextStoredVerbatim();
    void veryLongStrings();
    void databaseRulesAreNamed400s_data();
    void databaseRulesAreNamed400s();
    void concurrentWriters();
    void concurrentUpsertsOfOneEmail();
    void concurrentUpdatesOfOneRecord();
    void healthRoutes();
    void healthIndicatorUnknown();
    void headHasNoBody_data();
    void headHasNoBody();
    void optionsPreflight();
    void corsHeaderOnResponses();
    void keepAlive();
    void malformedHttp_data();
    void malformedHttp();
    void expectContinue();
};

void TestRestErrors::initTestCase()
{
    ServerProcess::Options options;
    options.keyName = u"e2e-errors"_s;
    m_server = std::make_unique<ServerProcess>(options);
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    m_http = HttpClient(m_server->baseUrl(), m_server->token());
}

void TestRestErrors::cleanupTestCase()
{
    if (m_server) {
        QVERIFY2(serverAnswers(), "the server stopped answering");
        QCOMPARE(m_server->stop(), 0);
        QVERIFY2(m_server->sanitizerReport().isEmpty(), qPrintable(m_server->sanitizerReport()));
    }
}

// ---------------------------------------------------------------------------------------------------------------

void TestRestErrors::pathErrors_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");
    const QString id = newUuid();
    const auto queryPath = [](const QString &path) { return u"Query path '%1' %2"_s.arg(path, kQueryPathExamples); };

    QTest::newRow("no segment: /rest") << QByteArray("GET") << u"/rest"_s << QByteArray() << queryPath(u"/rest"_s);
    QTest::newRow("no segment: /rest/") << QByteArray("GET") << u"/rest/"_s << QByteArray() << queryPath(u"/rest/"_s);
    QTest::newRow("three segments") << QByteArray("GET") << u"/rest/people/%1/extra"_s.arg(id) << QByteArray()
                                    << queryPath(u"/rest/people/%1/extra"_s.arg(id));
    QTest::newRow("four segments") << QByteArray("GET") << u"/rest/a/b/c/d"_s << QByteArray()
                                   << queryPath(u"/rest/a/b/c/d"_s);
    QTest::newRow("restore with a fourth segment") << QByteArray("PATCH") << u"/rest/people/%1/restore/x"_s.arg(id)
                                                   << QByteArray() << queryPath(u"/rest/people/%1/restore/x"_s.arg(id));
    QTest::newRow("singular name") << QByteArray("GET") << u"/rest/person"_s << QByteArray()
                                   << u"object 'person' not found. Did you mean 'people'?"_s;
    QTest::newRow("singular name with id") << QByteArray("GET") << u"/rest/company/%1"_s.arg(id) << QByteArray()
                                           << u"object 'company' not found. Did you mean 'companies'?"_s;
    QTest::newRow("singular name in batch")
        << QByteArray("POST") << u"/rest/batch/opportunity"_s << QByteArray(R"([{"name":"x"}])")
        << u"object 'opportunity' not found. Did you mean 'opportunities'?"_s;
    QTest::newRow("names are case-sensitive")
        << QByteArray("GET") << u"/rest/People"_s << QByteArray() << u"object 'People' not found. eg: companies"_s;
    QTest::newRow("unknown object") << QByteArray("GET") << u"/rest/foo"_s << QByteArray()
                                    << u"object 'foo' not found. eg: companies"_s;
    QTest::newRow("object out of scope") << QByteArray("GET") << u"/rest/favorites"_s << QByteArray()
                                         << u"object 'favorites' not found. eg: companies"_s;
    QTest::newRow("unknown object, POST") << QByteArray("POST") << u"/rest/widgets"_s << QByteArray(R"({"a":1})")
                                          << u"object 'widgets' not found. eg: companies"_s;
    QTest::newRow("malformed uuid") << QByteArray("GET") << u"/rest/people/malformed-uuid"_s << QByteArray()
                                    << u"'malformed-uuid' is not a valid UUID"_s;
    QTest::newRow("malformed uuid, PATCH") << QByteArray("PATCH") << u"/rest/people/123"_s
                                           << QByteArray(R"({"city":"x"})") << u"'123' is not a valid UUID"_s;
    QTest::newRow("malformed uuid, DELETE")
        << QByteArray("DELETE") << u"/rest/companies/xyz"_s << QByteArray() << u"'xyz' is not a valid UUID"_s;
    QTest::newRow("malformed uuid, restore") << QByteArray("PATCH") << u"/rest/people/not-a-uuid/restore"_s
                                             << QByteArray() << u"'not-a-uuid' is not a valid UUID"_s;
    QTest::newRow("malformed uuid, older restore") << QByteArray("PATCH") << u"/rest/restore/people/not-a-uuid"_s
                                                   << QByteArray() << u"'not-a-uuid' is not a valid UUID"_s;
    QTest::newRow("uuid one digit short") << QByteArray("GET") << u"/rest/people/%1"_s.arg(id.left(35)) << QByteArray()
                                          << u"'%1' is not a valid UUID"_s.arg(id.left(35));
}

void TestRestErrors::pathErrors()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, target);
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    const HttpResponse response = m_http.send(method, target, body);
    E2E_BAD_REQUEST(response, message);
    QVERIFY2(response.header("content-type").startsWith("application/json"), qPrintable(response.describe()));
}

void TestRestErrors::emptySegmentsDropped()
{
    // §1.2 step 1: empty segments are dropped
    const HttpResponse response = m_http.get(u"/rest//people/?limit=1"_s);
    E2E_STATUS(response, 200);
    QVERIFY(response.value(u"data.people"_s).isArray());
}

void TestRestErrors::unknownRoutes_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::newRow("GET /x") << QByteArray("GET") << u"/x"_s;
    QTest::newRow("GET /") << QByteArray("GET") << u"/"_s;
    QTest::newRow("POST /foo/bar") << QByteArray("POST") << u"/foo/bar"_s;
    QTest::newRow("DELETE /restful") << QByteArray("DELETE") << u"/restful"_s;
    QTest::newRow("GET /healthzz") << QByteArray("GET") << u"/healthzz"_s;
    QTest::newRow("GET /api/people") << QByteArray("GET") << u"/api/people"_s;
}

void TestRestErrors::unknownRoutes()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    const QJsonObject expected{{"statusCode", 404},
                               {"error", "NotFoundException"},
                               {"messages", QJsonArray{u"Cannot %1 %2"_s.arg(QString::fromLatin1(method), path)}}};
    // with a token and without one: the route check comes before authentication
    const HttpResponse withToken = m_http.send(method, path);
    E2E_STATUS(withToken, 404);
    QCOMPARE(withToken.object(), expected);
    const HttpResponse anonymous = m_http.withoutToken().send(method, path);
    E2E_STATUS(anonymous, 404);
    QCOMPARE(anonymous.object(), expected);
}

void TestRestErrors::methodNotAllowed_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QByteArray>("allowed"); // a method the Allow header must list
    const QString id = newUuid();
    QTest::newRow("GET /rest/batch/people") << QByteArray("GET") << u"/rest/batch/people"_s << QByteArray("POST");
    QTest::newRow("DELETE /rest/batch/people") << QByteArray("DELETE") << u"/rest/batch/people"_s << QByteArray("POST");
    QTest::newRow("POST /rest/people/{id}") << QByteArray("POST") << u"/rest/people/"_s + id << QByteArray("GET");
    QTest::newRow("GET /rest/people/{id}/restore")
        << QByteArray("GET") << u"/rest/people/%1/restore"_s.arg(id) << QByteArray("PATCH");
}

void TestRestErrors::methodNotAllowed()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, target);
    QFETCH(QByteArray, allowed);
    const HttpResponse response = m_http.send(method, target);
    E2E_STATUS(response, 405);
    const QString problem = envelopeProblem(response, 405);
    QVERIFY2(problem.isEmpty(), qPrintable(problem + u": "_s + response.describe()));
    QCOMPARE(response.error(), u"MethodNotAllowedException"_s);
    QVERIFY2(response.header("allow").contains(allowed),
             qPrintable(u"Allow header [%1] does not list %2"_s.arg(QString::fromLatin1(response.header("allow")),
                                                                    QString::fromLatin1(allowed))));
}

void TestRestErrors::malformedJson_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QByteArray>("body"); // TAG is replaced by a fresh tag
    QTest::newRow("truncated") << u"/rest/people"_s << QByteArray(R"({"city":"TAG")");
    QTest::newRow("trailing garbage") << u"/rest/people"_s << QByteArray(R"({"city":"TAG"} x)");
    QTest::newRow("two documents") << u"/rest/people"_s << QByteArray(R"({"city":"TAG"}{"city":"TAG"})");
    QTest::newRow("single quotes") << u"/rest/people"_s << QByteArray(R"({'city':'TAG'})");
    QTest::newRow("trailing comma") << u"/rest/people"_s << QByteArray(R"({"city":"TAG",})");
    QTest::newRow("unquoted key") << u"/rest/people"_s << QByteArray(R"({city:"TAG"})");
    QTest::newRow("invalid UTF-8") << u"/rest/people"_s << QByteArray("{\"city\":\"TAG\xff\xfe\"}");
    QTest::newRow("batch truncated") << u"/rest/batch/people"_s << QByteArray(R"([{"city":"TAG"},)");
    QTest::newRow("update truncated") << u"/rest/people?filter=city%5Beq%5D%3ATAG"_s << QByteArray(R"({"city":)");
}

void TestRestErrors::malformedJson()
{
    QFETCH(QString, target);
    QFETCH(QByteArray, body);
    const QString tag = uniqueTag();
    body.replace("TAG", tag.toUtf8());
    target.replace(u"TAG"_s, tag);
    const HttpResponse response = m_http.send(target.contains(u"filter"_s) ? "PATCH" : "POST", target, body);
    E2E_STATUS(response, 400);
    const QString problem = envelopeProblem(response, 400);
    QVERIFY2(problem.isEmpty(), qPrintable(problem + u": "_s + response.describe()));
    QCOMPARE(response.error(), u"BadRequestException"_s);
    const QString leak = leakProblem(response.messages().join(u' '), m_server->dataDir());
    QVERIFY2(leak.isEmpty(), qPrintable(leak));
    COUNT_IS(u"people"_s, u"city[eq]:"_s + tag, 0);
}

void TestRestErrors::contentType_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<int>("status");
    QTest::newRow("text/plain") << QByteArray("text/plain") << 400;
    QTest::newRow("text/plain;charset=UTF-8") << QByteArray("text/plain;charset=UTF-8") << 400;
    QTest::newRow("form-urlencoded") << QByteArray("application/x-www-form-urlencoded") << 400;
    QTest::newRow("multipart") << QByteArray("multipart/form-data; boundary=x") << 400;
    QTest::newRow("application/json") << QByteArray("application/json") << 201;
    QTest::newRow("with charset") << QByteArray("application/json; charset=utf-8") << 201;
    QTest::newRow("+json suffix") << QByteArray("application/vnd.api+json") << 201;
    QTest::newRow("upper case") << QByteArray("Application/JSON") << 201;
}

void TestRestErrors::contentType()
{
    QFETCH(QByteArray, contentType);
    QFETCH(int, status);
    const QString tag = uniqueTag();
    const HttpResponse response = m_http.send("POST", u"/rest/people"_s, toJson(QJsonObject{{"city", tag}}),
                                              {{"Content-Type", contentType}});
    E2E_STATUS(response, status);
    if (status == 400) {
        QCOMPARE(response.error(), u"BadRequestException"_s);
        const QString message = response.messages().value(0);
        const QString mediaType = QString::fromLatin1(contentType.split(';').first());
        QVERIFY2(message.contains(mediaType), qPrintable(u"the message does not name %1: %2"_s.arg(mediaType, message)));
        QVERIFY2(message.contains(u"send Content-Type: application/json"_s), qPrintable(message));
        COUNT_IS(u"people"_s, u"city[eq]:"_s + tag, 0);
    } else {
        COUNT_IS(u"people"_s, u"city[eq]:"_s + tag, 1);
    }
}

void TestRestErrors::noContentTypeMeansJson()
{
    const QString tag = uniqueTag();
    auto raw = connection();
    const auto response = raw->exchange(RawHttpConnection::buildRequest(
        "POST", "/rest/people", {{"Authorization", bearer()}}, toJson(QJsonObject{{"city", tag}})));
    QVERIFY2(response, qPrintable(raw->errorString()));
    QVERIFY2(response->status == 201, qPrintable(response->describe()));
    COUNT_IS(u"people"_s, u"city[eq]:"_s + tag, 1);
}

void TestRestErrors::declaredBodyTooLarge_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<bool>("withToken");
    QTest::newRow("create, with a token") << QByteArray("/rest/people") << true;
    QTest::newRow("batch, with a token") << QByteArray("/rest/batch/people") << true;
    QTest::newRow("create, no token (413 comes first)") << QByteArray("/rest/people") << false;
}

void TestRestErrors::declaredBodyTooLarge()
{
    QFETCH(QByteArray, target);
    QFETCH(bool, withToken);
    // Only the head is sent: the server must answer from the declared length, without waiting for the body.
    Headers headers{{"Content-Type", "application/json"}, {"Content-Length", QByteArray::number(kOverLimit)}};
    if (withToken) {
        headers.append({"Authorization", bearer()});
    }
    auto raw = connection();
    QVERIFY(raw->write(RawHttpConnection::buildRequest("POST", target, headers)));
    const auto response = raw->readResponse(30000);
    QVERIFY2(response, qPrintable(raw->errorString()));
    RAW_ERROR(*response, 413, "PayloadTooLargeException");
    QVERIFY(serverAnswers());
}

void TestRestErrors::expectContinueTooLarge()
{
    auto raw = connection();
    QVERIFY(raw->write(RawHttpConnection::buildRequest("POST", "/rest/people",
                                                       {{"Authorization", bearer()},
                                                        {"Content-Type", "application/json"},
                                                        {"Expect", "100-continue"},
                                                        {"Content-Length", QByteArray::number(kOverLimit)}})));
    const auto response = raw->readResponse(30000, false, true);
    QVERIFY2(response, qPrintable(raw->errorString()));
    QVERIFY2(response->status != 100, "the server invited an over-limit body with 100 Continue");
    RAW_ERROR(*response, 413, "PayloadTooLargeException");
}

void TestRestErrors::streamedBodyTooLarge()
{
    // A client that sends the whole body anyway (chunked, so no length is declared) still gets the 413.
    auto raw = connection();
    QVERIFY(raw->write(RawHttpConnection::buildRequest(
        "POST", "/rest/batch/people",
        {{"Authorization", bearer()}, {"Content-Type", "application/json"}, {"Transfer-Encoding", "chunked"}})));
    const QByteArray piece(64 * 1024, ' ');
    const QByteArray chunk = QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n";
    qint64 sent = 0;
    bool broken = false;
    while (sent <= kOverLimit + 1024 * 1024 && !broken) {
        broken = !raw->write(chunk, 5000);
        sent += piece.size();
    }
    const auto response = raw->readResponse(30000);
    QVERIFY2(response, qPrintable(u"no 413 after %1 bytes: %2"_s.arg(sent).arg(raw->errorString())));
    RAW_ERROR(*response, 413, "PayloadTooLargeException");
    QVERIFY(serverAnswers());
}

void TestRestErrors::headTooLarge_data()
{
    QTest::addColumn<QByteArray>("request");
    const QByteArray longValue(20 * 1024, 'a');
    QTest::newRow("20 KiB URL") << RawHttpConnection::buildRequest("GET",
                                                                   "/rest/people?filter=city%5Beq%5D%3A" + longValue);
    QTest::newRow("20 KiB header") << RawHttpConnection::buildRequest("GET", "/healthz", {{"X-Big", longValue}});
}

void TestRestErrors::headTooLarge()
{
    QFETCH(QByteArray, request);
    auto raw = connection();
    QVERIFY(raw->write(request));
    const auto response = raw->readResponse(30000);
    QVERIFY2(response, qPrintable(raw->errorString()));
    RAW_ERROR(*response, 431, "RequestHeaderFieldsTooLargeException");
    QVERIFY(serverAnswers());
}

void TestRestErrors::sqlLookingTextStoredVerbatim()
{
    const QString tag = uniqueTag();
    const QString city = u"'; DROP TABLE person; --"_s;
    const QString job = u"Robert'); DROP TABLE people;-- %1"_s.arg(tag);
    const QString first = u"\" OR \"1\"=\"1"_s;
    const QString last = u"\\'; SELECT * FROM apiKey; --"_s;
    const QJsonObject body{
        {"city", city}, {"jobTitle", job}, {"name", QJsonObject{{"firstName", first}, {"lastName", last}}}};
    const HttpResponse created = m_http.post(u"/rest/people"_s, body);
    E2E_STATUS(created, 201);
    const QString id = created.value(u"data.createPerson.id"_s).toString();
    const HttpResponse read = m_http.get(u"/rest/people/"_s + id);
    E2E_STATUS(read, 200);
    QCOMPARE(read.value(u"data.person.city"_s).toString(), city);
    QCOMPARE(read.value(u"data.person.jobTitle"_s).toString(), job);
    QCOMPARE(read.value(u"data.person.name.firstName"_s).toString(), first);
    QCOMPARE(read.value(u"data.person.name.lastName"_s).toString(), last);

    // filter values are bound, never spliced
    const HttpResponse byCity = m_http.get(u"/rest/people?"_s
                                           + query({{u"filter"_s, u"city[eq]:\"%1\",id[eq]:%2"_s.arg(city, id)}}));
    E2E_STATUS(byCity, 200);
    QCOMPARE(byCity.value(u"totalCount"_s).toInt(), 1);
    const HttpResponse injected = m_http.get(u"/rest/people?"_s
                                             + query({{u"filter"_s, u"city[eq]:\"x' OR '1'='1\""_s}}));
    E2E_STATUS(injected, 200);
    QCOMPARE(injected.value(u"totalCount"_s).toInt(), 0);

    // names go through metadata, never into SQL
    E2E_BAD_REQUEST(m_http.post(u"/rest/people"_s, QJsonObject{{"city; DROP TABLE person; --", 1}}),
                    "Field 'city; DROP TABLE person; --' not found on object 'person'");
    const HttpResponse badOrder = m_http.get(u"/rest/people?"_s + query({{u"order_by"_s, u"city;DROP TABLE person"_s}}));
    E2E_STATUS(badOrder, 400);
    const HttpResponse badField = m_http.get(u"/rest/people?"_s + query({{u"filter"_s, u"\"city\"--[eq]:1"_s}}));
    E2E_STATUS(badField, 400);

    // everything still there
    E2E_STATUS(m_http.get(u"/rest/people/"_s + id), 200);
    const HttpResponse list = m_http.get(u"/rest/people?limit=1"_s);
    E2E_STATUS(list, 200);
    QVERIFY(list.value(u"totalCount"_s).toInt() >= 1);
}

void TestRestErrors::veryLongStrings()
{
    const QString tag = uniqueTag();
    const QString longAscii = tag + QString(1024 * 1024, u'x');
    const QString longUnicode = tag + QString(50 * 1024, QChar(0x00e9)) + u"🚀"_s;
    const HttpResponse created = m_http.post(u"/rest/people"_s,
                                             QJsonObject{{"city", longUnicode}, {"jobTitle", longAscii}});
    E2E_STATUS(created, 201);
    const QString id = created.value(u"data.createPerson.id"_s).toString();
    const HttpResponse read = m_http.get(u"/rest/people/"_s + id);
    E2E_STATUS(read, 200);
    QCOMPARE(read.value(u"data.person.jobTitle"_s).toString().size(), longAscii.size());
    QVERIFY(read.value(u"data.person.jobTitle"_s).toString() == longAscii);
    QVERIFY(read.value(u"data.person.city"_s).toString() == longUnicode);

    // a long filter value (within the 16 KiB head limit)
    const HttpResponse filtered = m_http.get(
        u"/rest/people?"_s + query({{u"filter"_s, u"jobTitle[startsWith]:%1"_s.arg(longAscii.left(8000))}}));
    E2E_STATUS(filtered, 200);
    QCOMPARE(filtered.value(u"totalCount"_s).toInt(), 1);
}

void TestRestErrors::databaseRulesAreNamed400s_data()
{
    QTest::addColumn<QString>("plural");
    QTest::addColumn<QJsonObject>("existing");  // created first (TAG replaced)
    QTest::addColumn<QJsonObject>("offending"); // must fail with a 400
    QTest::newRow("unique primary email")
        << u"people"_s << QJsonObject{{"emails", QJsonObject{{"primaryEmail", "dup-TAG@example.com"}}}}
        << QJsonObject{{"emails", QJsonObject{{"primaryEmail", "dup-TAG@example.com"}}}};
    QTest::newRow("unique domain")
        << u"companies"_s << QJsonObject{{"domainName", QJsonObject{{"primaryLinkUrl", "https://dup-TAG.com"}}}}
        << QJsonObject{{"domainName", QJsonObject{{"primaryLinkUrl", "https://dup-TAG.com"}}}};
    QTest::newRow("dangling join column") << u"people"_s << QJsonObject{{"city", "TAG"}}
                                          << QJsonObject{{"companyId", "0a0b0c0d-0000-4000-8000-000000000000"}};
}

void TestRestErrors::databaseRulesAreNamed400s()
{
    QFETCH(QString, plural);
    QFETCH(QJsonObject, existing);
    QFETCH(QJsonObject, offending);
    const QString tag = uniqueTag();
    const auto retag = [&tag](const QJsonObject &object) {
        QByteArray text = QJsonDocument(object).toJson(QJsonDocument::Compact);
        text.replace("TAG", tag.toUtf8());
        return QJsonDocument::fromJson(text).object();
    };
    E2E_STATUS(m_http.post(u"/rest/"_s + plural, retag(existing)), 201);
    const HttpResponse response = m_http.post(u"/rest/"_s + plural, retag(offending));
    E2E_STATUS(response, 400);
    const QString problem = envelopeProblem(response, 400);
    QVERIFY2(problem.isEmpty(), qPrintable(problem + u": "_s + response.describe()));
    QCOMPARE(response.error(), u"BadRequestException"_s);
    const QString leak = leakProblem(response.messages().join(u' '), m_server->dataDir());
    QVERIFY2(leak.isEmpty(), qPrintable(leak));
}

void TestRestErrors::concurrentWriters()
{
    // 40 writers, each on its own connection and thread: 5 single creates and one batch of 5.
    constexpr int kWriters = 40;
    constexpr int kSingles = 5;
    constexpr int kBatch = 5;
    const QString tag = uniqueTag();
    const quint16 port = m_server->port();
    const QByteArray authorization = bearer();
    struct Outcome {
        int created = 0;
        QStringList failures;
    };
    std::vector<Outcome> outcomes(kWriters);
    std::atomic<int> finished{0};
    std::vector<std::thread> threads;
    for (int w = 0; w < kWriters; ++w) {
        threads.emplace_back([&, w] {
            Outcome &outcome = outcomes[size_t(w)];
            RawHttpConnection raw(u"127.0.0.1"_s, port);
            if (!raw.connectToServer()) {
                outcome.failures << raw.errorString();
                ++finished;
                return;
            }
            const Headers headers{{"Authorization", authorization}, {"Content-Type", "application/json"}};
            for (int i = 0; i < kSingles; ++i) {
                const QJsonObject body{{"city", tag}, {"jobTitle", u"w%1-%2"_s.arg(w).arg(i)}};
                const auto response = raw.exchange(
                    RawHttpConnection::buildRequest("POST", "/rest/people", headers, toJson(body)));
                if (!response) {
                    outcome.failures << u"writer %1 create %2: %3"_s.arg(w).arg(i).arg(raw.errorString());
                    continue;
                }
                if (response->status == 201) {
                    ++outcome.created;
                } else {
                    outcome.failures << u"writer %1 create %2: %3"_s.arg(w).arg(i).arg(response->describe());
                }
            }
            QJsonArray batch;
            for (int i = 0; i < kBatch; ++i) {
                batch.append(QJsonObject{{"city", tag}, {"jobTitle", u"w%1-b%2"_s.arg(w).arg(i)}});
            }
            const auto response = raw.exchange(
                RawHttpConnection::buildRequest("POST", "/rest/batch/people", headers, toJson(batch)));
            if (response && response->status == 201) {
                outcome.created += kBatch;
            } else {
                outcome.failures << u"writer %1 batch: %2"_s.arg(w).arg(response ? response->describe()
                                                                                 : raw.errorString());
            }
            ++finished;
        });
    }
    // Wait with the event loop running, so the server's stdout pipe keeps draining.
    QTRY_COMPARE_WITH_TIMEOUT(finished.load(), kWriters, 240000);
    for (auto &thread : threads) {
        thread.join();
    }
    int created = 0;
    QStringList failures;
    for (const Outcome &outcome : outcomes) {
        created += outcome.created;
        failures += outcome.failures;
    }
    QVERIFY2(failures.isEmpty(),
             qPrintable(u"%1 failed writes, first ones:\n"_s.arg(failures.size()) + failures.mid(0, 5).join(u'\n')));
    QCOMPARE(created, kWriters * (kSingles + kBatch));
    COUNT_IS(u"people"_s, u"city[eq]:"_s + tag, kWriters * (kSingles + kBatch));
    // every job title exactly once: nothing lost, nothing doubled
    COUNT_IS(u"people"_s, u"city[eq]:%1,jobTitle[eq]:w17-3"_s.arg(tag), 1);
    COUNT_IS(u"people"_s, u"city[eq]:%1,jobTitle[eq]:w39-b4"_s.arg(tag), 1);
    QVERIFY(serverAnswers());
}

void TestRestErrors::concurrentUpsertsOfOneEmail()
{
    constexpr int kWriters = 40;
    const QString tag = uniqueTag();
    const QString email = u"race-%1@example.com"_s.arg(tag);
    const quint16 port = m_server->port();
    const QByteArray authorization = bearer();
    std::vector<QString> results(kWriters);
    std::atomic<int> finished{0};
    std::vector<std::thread> threads;
    for (int w = 0; w < kWriters; ++w) {
        threads.emplace_back([&, w] {
            RawHttpConnection raw(u"127.0.0.1"_s, port);
            const QJsonObject body{
                {"city", tag}, {"jobTitle", u"w%1"_s.arg(w)}, {"emails", QJsonObject{{"primaryEmail", email}}}};
            const auto response = raw.connectToServer() ? raw.exchange(RawHttpConnection::buildRequest(
                                      "POST", "/rest/people?upsert=true",
                                      {{"Authorization", authorization}, {"Content-Type", "application/json"}},
                                      toJson(body)))
                                                        : std::nullopt;
            if (!response) {
                results[size_t(w)] = u"no response: "_s + raw.errorString();
            } else if (response->status == 201) {
                results[size_t(w)] = QString();
            } else if (response->status == 400
                       && response->json.object().value(u"error"_s).toString() == u"BadRequestException"_s) {
                results[size_t(w)] = QString(); // a contract error (unique conflict) is acceptable
            } else {
                results[size_t(w)] = response->describe();
            }
            ++finished;
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(finished.load(), kWriters, 240000);
    for (auto &thread : threads) {
        thread.join();
    }
    QStringList failures;
    for (const QString &result : results) {
        if (!result.isEmpty()) {
            failures << result;
        }
    }
    QVERIFY2(failures.isEmpty(), qPrintable(failures.mid(0, 5).join(u'\n')));
    COUNT_IS(u"people"_s, u"city[eq]:"_s + tag, 1);
}

void TestRestErrors::concurrentUpdatesOfOneRecord()
{
    constexpr int kWriters = 40;
    const QString tag = uniqueTag();
    const HttpResponse created = m_http.post(u"/rest/people"_s, QJsonObject{{"city", tag}});
    E2E_STATUS(created, 201);
    const QByteArray path = "/rest/people/" + created.value(u"data.createPerson.id"_s).toString().toUtf8();
    const quint16 port = m_server->port();
    const QByteArray authorization = bearer();
    std::vector<QString> results(kWriters);
    std::atomic<int> finished{0};
    std::vector<std::thread> threads;
    for (int w = 0; w < kWriters; ++w) {
        threads.emplace_back([&, w] {
            RawHttpConnection raw(u"127.0.0.1"_s, port);
            const auto response = raw.connectToServer() ? raw.exchange(RawHttpConnection::buildRequest(
                                      "PATCH", path,
                                      {{"Authorization", authorization}, {"Content-Type", "application/json"}},
                                      toJson(QJsonObject{{"jobTitle", u"w%1"_s.arg(w)}})))
                                                        : std::nullopt;
            results[size_t(w)] = !response                 ? raw.errorString()
                                 : response->status == 200 ? QString()
                                                           : response->describe();
            ++finished;
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(finished.load(), kWriters, 240000);
    for (auto &thread : threads) {
        thread.join();
    }
    QStringList failures;
    for (const QString &result : results) {
        if (!result.isEmpty()) {
            failures << result;
        }
    }
    QVERIFY2(failures.isEmpty(), qPrintable(failures.mid(0, 5).join(u'\n')));
    const HttpResponse read = m_http.get(QString::fromUtf8(path));
    E2E_STATUS(read, 200);
    QVERIFY2(read.value(u"data.person.jobTitle"_s).toString().startsWith(u'w'), qPrintable(read.describe()));
    QCOMPARE(read.value(u"data.person.city"_s).toString(), tag);
}

void TestRestErrors::healthRoutes()
{
    const HttpClient anonymous = m_http.withoutToken();
    HttpClient client = anonymous;
    const HttpResponse health = client.get(u"/healthz"_s);
    E2E_STATUS(health, 200);
    QCOMPARE(
        health.object(),
        (QJsonObject{{"status", "ok"}, {"info", QJsonObject{}}, {"error", QJsonObject{}}, {"details", QJsonObject{}}}));
    QVERIFY2(health.header("content-type").startsWith("application/json"), qPrintable(health.describe()));

    const HttpResponse database = client.get(u"/healthz/database"_s);
    E2E_STATUS(database, 200);
    const QJsonObject up{{"database", QJsonObject{{"status", "up"}}}};
    QCOMPARE(database.object(),
             (QJsonObject{{"status", "ok"}, {"info", up}, {"error", QJsonObject{}}, {"details", up}}));

    // with a token too (and a bad token does not matter on a public route)
    E2E_STATUS(m_http.get(u"/healthz"_s), 200);
    E2E_STATUS(client.get(u"/healthz"_s, {{"Authorization", "Bearer garbage"}}), 200);
}

void TestRestErrors::healthIndicatorUnknown()
{
    E2E_BAD_REQUEST(m_http.withoutToken().get(u"/healthz/foo"_s), "Invalid indicatorId: foo");
    E2E_BAD_REQUEST(m_http.withoutToken().get(u"/healthz/redis"_s), "Invalid indicatorId: redis");
}

void TestRestErrors::headHasNoBody_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<bool>("withToken");
    QTest::newRow("/healthz") << QByteArray("/healthz") << false;
    QTest::newRow("/rest/people") << QByteArray("/rest/people?limit=1") << true;
}

void TestRestErrors::headHasNoBody()
{
    QFETCH(QByteArray, path);
    QFETCH(bool, withToken);
    Headers headers;
    if (withToken) {
        headers.append({"Authorization", bearer()});
    }
    auto raw = connection();
    const auto head = raw->exchange(RawHttpConnection::buildRequest("HEAD", path, headers));
    QVERIFY2(head, qPrintable(raw->errorString()));
    QCOMPARE(head->status, 200);
    QVERIFY(head->body.isEmpty());
    // The next response on the same connection parses cleanly: no body bytes followed the HEAD answer.
    const auto get = raw->exchange(RawHttpConnection::buildRequest("GET", path, headers));
    QVERIFY2(get, qPrintable(raw->errorString()));
    QVERIFY2(get->status == 200, qPrintable(get->describe()));
    QVERIFY2(get->json.isObject(), qPrintable(get->describe()));
    if (head->hasHeader("content-length")) {
        QCOMPARE(head->header("content-length"), get->header("content-length"));
    }
}

void TestRestErrors::optionsPreflight()
{
    // A browser preflight carries no token; it must not be refused for that.
    const HttpResponse response = m_http.withoutToken().send(
        "OPTIONS", u"/rest/people"_s, {},
        {{"Origin", "http://example.com"},
         {"Access-Control-Request-Method", "POST"},
         {"Access-Control-Request-Headers", "authorization,content-type"}});
    QVERIFY2(response.status == 200 || response.status == 204, qPrintable(response.describe()));
    QCOMPARE(response.header("access-control-allow-origin"), QByteArray("*"));
    QVERIFY2(response.header("access-control-allow-methods").contains("POST"), qPrintable(response.describe()));
    QVERIFY2(response.header("access-control-allow-headers").toLower().contains("authorization"),
             qPrintable(QString::fromLatin1(response.header("access-control-allow-headers"))));
}

void TestRestErrors::corsHeaderOnResponses()
{
    const Headers origin{{"Origin", "http://example.com"}};
    const HttpResponse ok = m_http.get(u"/rest/people?limit=1"_s, origin);
    E2E_STATUS(ok, 200);
    QCOMPARE(ok.header("access-control-allow-origin"), QByteArray("*"));
    // errors too: a browser must be able to read them
    const HttpResponse forbidden = m_http.withoutToken().get(u"/rest/people"_s, origin);
    E2E_STATUS(forbidden, 403);
    QCOMPARE(forbidden.header("access-control-allow-origin"), QByteArray("*"));
}

void TestRestErrors::keepAlive()
{
    auto raw = connection();
    for (int i = 0; i < 3; ++i) {
        const auto response = raw->exchange(
            RawHttpConnection::buildRequest("GET", "/rest/people?limit=1", {{"Authorization", bearer()}}));
        QVERIFY2(response, qPrintable(u"request %1: %2"_s.arg(i).arg(raw->errorString())));
        QVERIFY2(response->status == 200, qPrintable(response->describe()));
    }
    // an error answer keeps the connection too
    const auto notFound = raw->exchange(
        RawHttpConnection::buildRequest("GET", "/rest/people/" + newUuid().toUtf8(), {{"Authorization", bearer()}}));
    QVERIFY2(notFound && notFound->status == 404, qPrintable(raw->errorString()));
    const auto after = raw->exchange(RawHttpConnection::buildRequest("GET", "/healthz"));
    QVERIFY2(after && after->status == 200, qPrintable(raw->errorString()));
}

void TestRestErrors::malformedHttp_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::newRow("not HTTP") << QByteArray("HELLO THERE\r\n\r\n");
    QTest::newRow("header without colon") << QByteArray("GET /healthz HTTP/1.1\r\nHost: x\r\nNoColonHere\r\n\r\n");
    QTest::newRow("non-numeric Content-Length")
        << QByteArray("POST /rest/people HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n{}");
    QTest::newRow("negative Content-Length")
        << QByteArray("POST /rest/people HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n{}");
    QTest::newRow("two different Content-Length")
        << QByteArray("POST /rest/people HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}");
    QTest::newRow("bad chunk size") << QByteArray(
        "POST /rest/people HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n");
}

void TestRestErrors::malformedHttp()
{
    QFETCH(QByteArray, request);
    auto raw = connection();
    QVERIFY(raw->write(request));
    const auto response = raw->readResponse(30000);
    QVERIFY2(response, qPrintable(raw->errorString()));
    RAW_ERROR(*response, 400, "BadRequestException");
    QVERIFY2(raw->waitForServerClose(30000), qPrintable(raw->errorString()));
    QVERIFY(serverAnswers());
}

void TestRestErrors::expectContinue()
{
    const QString tag = uniqueTag();
    const QByteArray body = toJson(QJsonObject{{"city", tag}});
    auto raw = connection();
    QVERIFY(raw->write(RawHttpConnection::buildRequest("POST", "/rest/people",
                                                       {{"Authorization", bearer()},
                                                        {"Content-Type", "application/json"},
                                                        {"Expect", "100-continue"},
                                                        {"Content-Length", QByteArray::number(body.size())}})));
    const auto interim = raw->readResponse(30000, false, true);
    QVERIFY2(interim, qPrintable(raw->errorString()));
    QCOMPARE(interim->status, 100);
    QVERIFY(raw->write(body));
    const auto response = raw->readResponse(30000);
    QVERIFY2(response, qPrintable(raw->errorString()));
    QVERIFY2(response->status == 201, qPrintable(response->describe()));
    COUNT_IS(u"people"_s, u"city[eq]:"_s + tag, 1);
}

QTEST_GUILESS_MAIN(TestRestErrors)
#include "tst_rest_errors.moc"
