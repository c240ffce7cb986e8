// End-to-end: resource limits (issue 10, "Resource limits"). Every bound on untrusted input answers a clear error that
// names the limit: request body (413) and head (431) sizes, JSON nesting, filter nesting (REST and GraphQL), GraphQL
// depth, root fields and selected fields (aliases count as fields), document nesting and token count. And slow-loris
// clients: connections that send a byte at a time are dropped by the read timeout (`http.readTimeoutMs`, short here)
// while the server, on a single I/O thread, keeps answering normal requests.

#include "support/e2e.h"
#include "support/httpclient.h"
#include "support/rawhttp.h"
#include "support/serverprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <memory>
#include <tuple>
#include <vector>

using namespace vingt::test;
using namespace Qt::StringLiterals;

namespace {

constexpr int kReadTimeoutMs = 1000;
constexpr int kMaxFilterNesting = 16; // query/filterbinder.h
constexpr int kMaxJsonNesting = 1024; // core/json.h

/// A REST filter with `levels` nested and/or groups of two operands: or(a,and(b,or(c,...))).
QString restNestedFilter(int levels)
{
    QString filter = u"name[eq]:\"leaf\""_s;
    for (int i = 0; i < levels; ++i) {
        filter = u"%1(name[eq]:\"v%2\",%3)"_s.arg(i % 2 ? u"and"_s : u"or"_s).arg(i).arg(filter);
    }
    return filter;
}

/// The GraphQL filter input with `levels` nested and/or groups: {or:[{name:{eq:"v0"}},{and:[...]}]}; every other
/// level is a `not`, the deepest SQL each level can make.
QJsonObject graphqlNestedFilter(int levels)
{
    QJsonObject filter{{u"name"_s, QJsonObject{{u"eq"_s, u"leaf"_s}}}};
    for (int i = 0; i < levels; ++i) {
        if (i % 3 == 2) {
            filter = QJsonObject{{u"not"_s, filter}};
        } else {
            const QJsonObject other{{u"name"_s, QJsonObject{{u"eq"_s, u"v%1"_s.arg(i)}}}};
            filter = QJsonObject{{i % 2 ? u"and"_s : u"or"_s, QJsonArray{other, filter}}};
        }
    }
    return filter;
}

QByteArray nestedArrays(int levels)
{
    return QByteArray(levels, '[') + QByteArray(levels, ']');
}

} // namespace

class TestLimits : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> m_server;
    HttpClient m_http;

    std::unique_ptr<RawHttpConnection> connection() const
    {
        auto raw = std::make_unique<RawHttpConnection>(u"127.0.0.1"_s, m_server->port());
        return raw->connectToServer() ? std::move(raw) : nullptr;
    }
    QByteArray bearer() const { return "Bearer " + m_server->token().toUtf8(); }
    /// The `errors[0].message` and `extensions.code` of a GraphQL answer (HTTP 200 for every GraphQL error).
    static QPair<QString, QString> graphqlError(const HttpResponse &response)
    {
        return {response.value(u"errors.0.message"_s).toString(),
                response.value(u"errors.0.extensions.code"_s).toString()};
    }
    HttpResponse graphql(const QString &query, const QJsonObject &variables = {})
    {
        return m_http.post(u"/graphql"_s, QJsonObject{{u"query"_s, query}, {u"variables"_s, variables}});
    }

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void bodyTooLarge();
    void headTooLarge();
    void jsonNesting();
    void restFilterNesting();
    void graphqlFilterNesting();
    void graphqlDepth();
    void graphqlAliases();
    void graphqlDocumentSize();
    void slowClientsAreDropped();
};

void TestLimits::initTestCase()
{
    ServerProcess::Options options;
    options.keyName = u"e2e-limits"_s;
    options.settings << u"http.readTimeoutMs=%1"_s.arg(kReadTimeoutMs);
    options.threads = 1; // one I/O thread: a slow client holding it would stall every other request
    m_server = std::make_unique<ServerProcess>(options);
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    m_http = HttpClient(m_server->baseUrl(), m_server->token());
}

void TestLimits::cleanupTestCase()
{
    if (m_server) {
        QCOMPARE(m_server->sanitizerReport(), QString());
        QCOMPARE(m_server->stop(), 0);
    }
}

void TestLimits::bodyTooLarge()
{
    // The declared length alone is enough: the server answers without reading the body.
    auto raw = connection();
    QVERIFY(raw);
    QVERIFY(raw->write(RawHttpConnection::buildRequest("POST", "/rest/batch/companies",
                                                       {{"Authorization", bearer()},
                                                        {"Content-Type", "application/json"},
                                                        {"Content-Length", QByteArray::number(10 * 1024 * 1024 + 1)}})));
    const auto response = raw->readResponse();
    QVERIFY2(response, qPrintable(raw->errorString()));
    QCOMPARE(response->status, 413);
    QCOMPARE(response->json.object().value(u"error"_s).toString(), u"PayloadTooLargeException"_s);
    QCOMPARE(response->json.object().value(u"messages"_s).toArray(),
             QJsonArray{u"Request body is larger than the 10 MiB limit"_s});
}

void TestLimits::headTooLarge()
{
    // A filter is bounded by the head limit: 16 KiB for the request line and headers together.
    QString filter = u"name[in]:["_s;
    for (int i = 0; i < 2000; ++i)
        filter += u"\"company %1\","_s.arg(i);
    filter += u"\"last\"]"_s;
    const HttpResponse response = m_http.get(u"/rest/companies?filter="_s + pct(filter));
    E2E_ERROR(response, 431, "RequestHeaderFieldsTooLargeException",
              "Request header fields are larger than the 16 KiB limit: shorten the URL (a long filter, for example) "
              "or the headers");
}

void TestLimits::jsonNesting()
{
    // kMaxJsonNesting levels parse (the value is then refused for its type), one more does not.
    const QByteArray deepest = "{\"name\":" + nestedArrays(kMaxJsonNesting - 1) + "}";
    E2E_BAD_REQUEST(m_http.send("POST", u"/rest/companies"_s, deepest),
                    "Field 'name' on object 'company' expects a string");
    const QByteArray tooDeep = "{\"name\":" + nestedArrays(kMaxJsonNesting) + "}";
    E2E_BAD_REQUEST(m_http.send("POST", u"/rest/companies"_s, tooDeep),
                    "Invalid JSON body: arrays and objects nest more than 1024 levels deep at offset 1032. Flatten the "
                    "document");

    // The same parser reads GraphQL request bodies (variables included): a 400, as for any body that is not JSON.
    const QByteArray graphqlBody = "{\"query\":\"{ __typename }\",\"variables\":{\"v\":" + nestedArrays(kMaxJsonNesting)
                                   + "}}";
    const HttpResponse response = m_http.send("POST", u"/graphql"_s, graphqlBody);
    E2E_STATUS(response, 400);
    QVERIFY2(response.messages().value(0).contains(u"nest more than 1024 levels deep"_s),
             qPrintable(response.describe()));
}

void TestLimits::restFilterNesting()
{
    // or(...) at the top is one level already (a bare list would be an implicit and(...), one level too).
    const HttpResponse deepest = m_http.get(u"/rest/companies?filter="_s + pct(restNestedFilter(kMaxFilterNesting)));
    E2E_STATUS(deepest, 200);
    QCOMPARE(deepest.value(u"totalCount"_s).toInt(-1), 0);
    // Group-by and update-many bind the same filter.
    const HttpResponse groupBy = m_http.get(u"/rest/companies/groupBy?group_by="_s + pct(u"[{\"name\":true}]"_s)
                                            + u"&filter="_s + pct(restNestedFilter(kMaxFilterNesting)));
    E2E_STATUS(groupBy, 200);

    const QString message = u"Filter is nested too deeply: at most 16 levels of and/or/not are allowed. Flatten groups "
                            "of the same kind (and(a,and(b,c)) is and(a,b,c)) or split the request"_s;
    E2E_BAD_REQUEST(m_http.get(u"/rest/companies?filter="_s + pct(restNestedFilter(kMaxFilterNesting + 1))), message);
    E2E_BAD_REQUEST(m_http.patch(u"/rest/companies?filter="_s + pct(restNestedFilter(kMaxFilterNesting + 1)),
                                 QJsonObject{{u"employees"_s, 1}}),
                    message);
    // Deeper still (what used to reach SQLite and overflow its parser, a 500).
    E2E_BAD_REQUEST(m_http.get(u"/rest/companies?filter="_s + pct(restNestedFilter(200))), message);
}

void TestLimits::graphqlFilterNesting()
{
    const QString query = u"query ($f: CompanyFilterInput) { companies(filter: $f) { totalCount } }"_s;
    const HttpResponse deepest = graphql(query, {{u"f"_s, graphqlNestedFilter(kMaxFilterNesting)}});
    E2E_STATUS(deepest, 200);
    QVERIFY2(!deepest.object().contains(u"errors"_s), qPrintable(deepest.describe()));
    QCOMPARE(deepest.value(u"data.companies.totalCount"_s).toInt(-1), 0);

    for (const int levels : {kMaxFilterNesting + 2, 300}) {
        const HttpResponse tooDeep = graphql(query, {{u"f"_s, graphqlNestedFilter(levels)}});
        E2E_STATUS(tooDeep, 200);
        const auto [message, code] = graphqlError(tooDeep);
        QVERIFY2(message.startsWith(u"Filter is nested too deeply: at most 16 levels of and/or/not are allowed."_s),
                 qPrintable(tooDeep.describe()));
        QCOMPARE(code, u"BAD_USER_INPUT"_s);
    }
}

void TestLimits::graphqlDepth()
{
    // Selection depth 30 is the maximum (graphql/validation/querylimits.h), fragments expanded.
    QString deep = u"__typename"_s;
    for (int i = 0; i < 30; ++i)
        deep = u"__schema { queryType { fields { type { %1 } } } }"_s.arg(deep);
    const HttpResponse response = graphql(u"{ %1 }"_s.arg(deep));
    E2E_STATUS(response, 200);
    const auto [message, code] = graphqlError(response);
    QVERIFY2(message.startsWith(u"Query is too deep: depth "_s) && message.endsWith(u" exceeds the maximum of 30."_s),
             qPrintable(response.describe()));
    QCOMPARE(code, u"BAD_USER_INPUT"_s);

    // Nesting in the document itself (values, selection sets) stops the parser at 200 levels.
    QString value = u"1"_s;
    for (int i = 0; i < 250; ++i)
        value = u"[%1]"_s.arg(value);
    const HttpResponse nested = graphql(u"{ companies(filter: {name: {in: %1}}) { totalCount } }"_s.arg(value));
    E2E_STATUS(nested, 200);
    const auto [nestedMessage, nestedCode] = graphqlError(nested);
    QCOMPARE(nestedMessage, u"Syntax Error: Document is nested too deeply (more than 200 levels)."_s);
    QCOMPARE(nestedCode, u"GRAPHQL_PARSE_FAILED"_s);
}

void TestLimits::graphqlAliases()
{
    // Aliases are fields: 21 aliased root fields exceed the 20 root fields of a document...
    QString roots;
    for (int i = 0; i < 21; ++i)
        roots += u" a%1: __typename"_s.arg(i);
    HttpResponse response = graphql(u"{%1 }"_s.arg(roots));
    E2E_STATUS(response, 200);
    auto [message, code] = graphqlError(response);
    QCOMPARE(message, u"Query has too many root fields: 21 exceeds the maximum of 20."_s);
    QCOMPARE(code, u"BAD_USER_INPUT"_s);

    // ... and 2001 aliases under one root field exceed the 2000 selected fields.
    QString many;
    for (int i = 0; i < 2000; ++i)
        many += u" f%1: totalCount"_s.arg(i);
    response = graphql(u"{ companies {%1 } }"_s.arg(many));
    E2E_STATUS(response, 200);
    std::tie(message, code) = graphqlError(response);
    QCOMPARE(message, u"Query selects too many fields: 2001 exceeds the maximum of 2000."_s);
    QCOMPARE(code, u"BAD_USER_INPUT"_s);
}

void TestLimits::graphqlDocumentSize()
{
    // A document of more than 100,000 tokens is not parsed to the end (the body limit bounds its bytes).
    QString values;
    values.reserve(300000);
    for (int i = 0; i < 100001; ++i)
        values += u"1 "_s;
    const HttpResponse response = graphql(u"{ companies(filter: {name: {in: [%1]}}) { totalCount } }"_s.arg(values));
    E2E_STATUS(response, 200);
    const auto [message, code] = graphqlError(response);
    QCOMPARE(message, u"Syntax Error: Document contains more than 100000 tokens. Parsing aborted."_s);
    QCOMPARE(code, u"GRAPHQL_PARSE_FAILED"_s);
}

void TestLimits::slowClientsAreDropped()
{
    // Slow-loris: each connection starts a request and then sends one more byte per round, so it would take minutes
    // to finish. Some stall in the head, some in a declared body. The server runs one I/O thread and a short read
    // timeout: it must drop every slow connection and answer the normal requests made meanwhile.
    constexpr int kSlowHeads = 6;
    constexpr int kSlowBodies = 3;
    std::vector<std::unique_ptr<RawHttpConnection>> slow;
    for (int i = 0; i < kSlowHeads + kSlowBodies; ++i) {
        auto raw = connection();
        QVERIFY(raw);
        const QByteArray start = i < kSlowHeads ? QByteArray("GET /rest/companies HTTP/1.1\r\nHost: x\r\nX-Slow: ")
                                                : RawHttpConnection::buildRequest("POST", "/rest/companies",
                                                                                  {{"Authorization", bearer()},
                                                                                   {"Content-Type", "application/json"},
                                                                                   {"Content-Length", "100000"}});
        QVERIFY(raw->write(start));
        slow.push_back(std::move(raw));
    }

    int answered = 0;
    int open = int(slow.size());
    // At most 40 rounds of 250 ms: the 1 s read timeout drops them long before (no timing is asserted).
    for (int round = 0; round < 40 && open > 0; ++round) {
        open = 0;
        for (auto &raw : slow) {
            if (raw->isConnected() && raw->write("a", 1000))
                ++open;
        }
        const HttpResponse normal = m_http.get(u"/rest/companies?limit=1"_s);
        E2E_STATUS(normal, 200);
        ++answered;
        QTest::qWait(250);
    }
    for (std::size_t i = 0; i < slow.size(); ++i) {
        QVERIFY2(slow[i]->waitForServerClose(30000),
                 qPrintable(u"slow connection %1: %2"_s.arg(i).arg(slow[i]->errorString())));
    }
    QVERIFY(answered > 0);
    // The server is still fine afterwards, for new connections too.
    auto fresh = connection();
    QVERIFY(fresh);
    const auto health = fresh->exchange(RawHttpConnection::buildRequest("GET", "/healthz"));
    QVERIFY2(health && health->status == 200, qPrintable(fresh->errorString()));
}

QTEST_GUILESS_MAIN(TestLimits)
#include "tst_limits.moc"
