// End-to-end: webhooks (API-CONTRACT §10, §6.3, §3.1 legacy headers; DECISIONS "Webhooks"), with a real HTTP
// receiver in this process: CRUD and validation, the body (exact keys and order) and the signature checked the way a
// receiver checks it, event filtering and wildcards, one delivery per record of a batch, retries of failed deliveries
// (500, redirect, slow, refused) with a shortened schedule and a log that tells the truth, pending deliveries kept
// across a restart and sent once more only, replay, the delivery log's paging, and the API_KEYS_AND_WEBHOOKS guard.

#include "support/e2e.h"
#include "support/httpclient.h"
#include "support/serverprocess.h"
#include "support/webhookreceiver.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTest>

#include <memory>

using namespace vingt::test;
using namespace Qt::StringLiterals;

namespace {

const QString kHooks = u"/rest/metadata/webhooks"_s;
const QRegularExpression kUuid(u"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"_s);

using Received = ReceivedRequest;
using Receiver = WebhookReceiver;

/// The top-level keys of a compact JSON object, in the order they appear.
QStringList topLevelKeys(const QByteArray &json)
{
    QStringList keys;
    int depth = 0;
    bool inString = false;
    bool expectKey = false;
    QByteArray current;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (inString) {
            if (c == '\\') {
                ++i;
                continue;
            }
            if (c == '"') {
                inString = false;
                if (expectKey && depth == 1)
                    keys << QString::fromUtf8(current);
                expectKey = false;
            } else {
                current += c;
            }
            continue;
        }
        switch (c) {
        case '"':
            inString = true;
            current.clear();
            break;
        case '{':
        case '[':
            ++depth;
            expectKey = c == '{' && depth == 1;
            break;
        case '}':
        case ']': --depth; break;
        case ',': expectKey = depth == 1; break;
        default: break;
        }
    }
    return keys;
}

} // namespace

class TestWebhooks : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> m_server;
    HttpClient m_http;
    Receiver m_receiver;
    QString m_workspaceId;

    /// A webhook posting to the receiver at a fresh path; returns {id, path}.
    std::pair<QString, QString> createHook(const QJsonArray &operations, const QString &secret = {},
                                           HttpClient *client = nullptr)
    {
        const QString path = u"/hook/"_s + uniqueTag();
        QJsonObject input{{"targetUrl", m_receiver.url(path)}, {"operations", operations}};
        if (!secret.isEmpty())
            input.insert(u"secret"_s, secret);
        const HttpResponse created = (client ? *client : m_http).post(kHooks, input);
        if (created.status != 201) {
            qWarning("%s", qPrintable(created.describe()));
            return {};
        }
        return {created.value(u"id"_s).toString(), path};
    }
    QString createPerson(const QString &city)
    {
        const HttpResponse created = m_http.post(u"/rest/people"_s, QJsonObject{{"city", city}});
        return created.value(u"data.createPerson.id"_s).toString();
    }
    QJsonArray deliveries(const QString &hookId, const QString &query = {})
    {
        return m_http.get(kHooks + u'/' + hookId + u"/deliveries"_s + query).value(u"data.webhookDeliveries"_s).toArray();
    }
    /// True once every delivery of the webhook has left PENDING (and there are `count` of them).
    bool settled(const QString &hookId, int count)
    {
        const QJsonArray list = deliveries(hookId);
        if (list.size() != count)
            return false;
        for (const QJsonValue &d : list) {
            if (d[u"status"_s].toString() == "PENDING"_L1)
                return false;
        }
        return true;
    }
    /// Event names the receiver got at `path`.
    QStringList eventsAt(const QString &path)
    {
        QStringList names;
        for (const Received &r : m_receiver.at(path))
            names << r.json().value(u"eventName"_s).toString();
        return names;
    }

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void crudAndEnvelopes();
    void legacyRoutes();
    void validation_data();
    void validation();
    void bodyAndSignature();
    void noSecretNoSignature();
    void eventFilteringAndWildcards();
    void batchesEmitOneEventPerRecord();
    void failedDeliveriesAreRetried_data();
    void failedDeliveriesAreRetried();
    void recoversOnRetry();
    void replay();
    void deliveryLogPaging();
    void guardFlag();
    void restartKeepsPendingDeliveries();
    void quitWithDeliveryInFlight();
    void testEvent();
};

void TestWebhooks::initTestCase()
{
    QVERIFY(m_receiver.listen());
    ServerProcess::Options options;
    options.keyName = u"e2e-webhooks"_s;
    // Short timeout and retry schedule (settings), so the retry tests take seconds, not minutes.
    options.settings << u"webhook.timeoutMs=1000"_s << u"webhook.retryDelay1Ms=200"_s << u"webhook.retryDelay2Ms=300"_s
                     << u"webhook.retryDelay3Ms=400"_s;
    m_server = std::make_unique<ServerProcess>(options);
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    m_http = HttpClient(m_server->baseUrl(), m_server->token());
    const QByteArray payload = m_server->token().toLatin1().split('.').value(1);
    m_workspaceId = QJsonDocument::fromJson(QByteArray::fromBase64(payload, QByteArray::Base64UrlEncoding))
                        .object()
                        .value(u"workspaceId"_s)
                        .toString();
    QVERIFY(!m_workspaceId.isEmpty());
}

void TestWebhooks::cleanupTestCase()
{
    if (m_server) {
        QCOMPARE(m_server->stop(), 0);
        QCOMPARE(m_server->sanitizerReport(), QString());
    }
}

void TestWebhooks::crudAndEnvelopes()
{
    const HttpResponse created = m_http.post(kHooks, QJsonObject{{"targetUrl", u"HTTPS://Example.com"_s}});
    E2E_STATUS(created, 201);
    const QJsonObject hook = created.object();
    // §10.1 entity: normalized URL, default operations, "" secret, bare body.
    QCOMPARE(keysOf(hook), (QStringList{u"createdAt"_s, u"deletedAt"_s, u"description"_s, u"id"_s, u"operations"_s,
                                        u"secret"_s, u"targetUrl"_s, u"updatedAt"_s, u"workspaceId"_s}));
    QVERIFY(kUuid.match(hook[u"id"_s].toString()).hasMatch());
    QCOMPARE(hook[u"targetUrl"_s].toString(), u"https://example.com/"_s);
    QCOMPARE(hook[u"operations"_s].toArray(), QJsonArray{u"*.*"_s});
    QCOMPARE(hook[u"secret"_s].toString(), QString());
    QVERIFY(hook[u"description"_s].isNull());
    QVERIFY(hook[u"deletedAt"_s].isNull());
    QCOMPARE(hook[u"workspaceId"_s].toString(), m_workspaceId);
    const QString id = hook[u"id"_s].toString();

    const HttpResponse list = m_http.get(kHooks);
    E2E_STATUS(list, 200);
    QVERIFY(list.json.isArray());
    QVERIFY(column(list.json.array(), u"id"_s).contains(id));
    QCOMPARE(m_http.get(kHooks + u'/' + id).object(), hook);

    const HttpResponse patched = m_http.patch(
        kHooks + u'/' + id,
        QJsonObject{{"description", "CRM sync"}, {"operations", QJsonArray{u"person.created"_s}}, {"secret", "abc"}});
    E2E_STATUS(patched, 200);
    QCOMPARE(patched.value(u"description"_s).toString(), u"CRM sync"_s);
    QCOMPARE(patched.value(u"operations"_s).toArray(), QJsonArray{u"person.created"_s});
    QCOMPARE(patched.value(u"secret"_s).toString(), u"abc"_s);
    QCOMPARE(patched.value(u"targetUrl"_s).toString(), u"https://example.com/"_s);
    const HttpResponse put = m_http.put(kHooks + u'/' + id, QJsonObject{{"targetUrl", "http://example.org/x"}});
    E2E_STATUS(put, 200);
    QCOMPARE(put.value(u"targetUrl"_s).toString(), u"http://example.org/x"_s);
    QCOMPARE(put.value(u"description"_s).toString(), u"CRM sync"_s);

    // DELETE is a soft delete answering `true`; the webhook is gone from the API.
    const HttpResponse deleted = m_http.del(kHooks + u'/' + id);
    E2E_STATUS(deleted, 200);
    QCOMPARE(deleted.body, QByteArray("true"));
    E2E_STATUS(m_http.get(kHooks + u'/' + id), 404);
    E2E_STATUS(m_http.patch(kHooks + u'/' + id, QJsonObject{{"description", "x"}}), 404);
    E2E_STATUS(m_http.del(kHooks + u'/' + id), 404);
    QVERIFY(!column(m_http.get(kHooks).json.array(), u"id"_s).contains(id));
    E2E_STATUS(m_http.get(kHooks + u'/' + newUuid()), 404);
    E2E_BAD_REQUEST(m_http.get(kHooks + u"/nope"_s), u"'nope' is not a valid UUID"_s);
    // Secrets are returned (§10.1); an explicit id is kept.
    const QString chosen = newUuid();
    const HttpResponse withId = m_http.post(
        kHooks, QJsonObject{{"id", chosen}, {"targetUrl", "http://127.0.0.1:9/h"}, {"secret", "s"}});
    E2E_STATUS(withId, 201);
    QCOMPARE(withId.value(u"id"_s).toString(), chosen);
    QCOMPARE(withId.value(u"secret"_s).toString(), u"s"_s);
    E2E_STATUS(m_http.del(kHooks + u'/' + chosen), 200);
}

void TestWebhooks::legacyRoutes()
{
    const HttpResponse created = m_http.post(u"/rest/webhooks"_s, QJsonObject{{"targetUrl", "http://localhost/h"}});
    E2E_STATUS(created, 201);
    QCOMPARE(created.header("deprecation"), QByteArray("@1786320000"));
    QCOMPARE(created.header("link"), QByteArray("</rest/metadata/webhooks>; rel=\"successor-version\""));
    const QString id = created.value(u"id"_s).toString();
    const HttpResponse list = m_http.get(u"/rest/webhooks"_s);
    E2E_STATUS(list, 200);
    QCOMPARE(list.header("link"), QByteArray("</rest/metadata/webhooks>; rel=\"successor-version\""));
    QVERIFY(column(list.json.array(), u"id"_s).contains(id));
    QVERIFY(!m_http.get(kHooks).hasHeader("deprecation"));
    const HttpResponse deleted = m_http.del(u"/rest/webhooks/"_s + id);
    E2E_STATUS(deleted, 200);
    QCOMPARE(deleted.body, QByteArray("true"));
    // the API key legacy routes keep their own successor
    QCOMPARE(m_http.get(u"/rest/apiKeys"_s).header("link"),
             QByteArray("</rest/metadata/apiKeys>; rel=\"successor-version\""));
    const HttpResponse wrong = m_http.send("PATCH", kHooks);
    E2E_STATUS(wrong, 405);
    QCOMPARE(wrong.header("allow"), QByteArray("GET, POST"));
}

void TestWebhooks::validation_data()
{
    QTest::addColumn<QJsonObject>("input");
    QTest::addColumn<QString>("message");
    const QString invalidUrl = u"Invalid target URL provided"_s;
    const QString ok = u"http://127.0.0.1:9/h"_s;
    QTest::newRow("ftp") << QJsonObject{{"targetUrl", "ftp://example.com/"}} << invalidUrl;
    QTest::newRow("relative") << QJsonObject{{"targetUrl", "/hook"}} << invalidUrl;
    QTest::newRow("words") << QJsonObject{{"targetUrl", "not a url"}} << invalidUrl;
    QTest::newRow("empty url") << QJsonObject{{"targetUrl", ""}} << invalidUrl;
    QTest::newRow("number url") << QJsonObject{{"targetUrl", 42}} << invalidUrl;
    QTest::newRow("missing url") << QJsonObject{{"operations", QJsonArray{u"*.*"_s}}}
                                 << u"Field 'targetUrl' on object 'webhook' is required"_s;
    const QString opMessage = u"Invalid operation '%1' in 'operations': expected '<object>.<action>' where <object> is "
                              "an object's nameSingular or '*' and <action> is one of created, updated, deleted, "
                              "destroyed, restored or '*'"_s;
    QTest::newRow("op without action") << QJsonObject{{"targetUrl", ok}, {"operations", QJsonArray{u"person"_s}}}
                                       << opMessage.arg(u"person"_s);
    QTest::newRow("op unknown action") << QJsonObject{{"targetUrl", ok},
                                                      {"operations",
                                                       QJsonArray{u"person.created"_s, u"person.exploded"_s}}}
                                       << opMessage.arg(u"person.exploded"_s);
    QTest::newRow("op three parts") << QJsonObject{{"targetUrl", ok}, {"operations", QJsonArray{u"a.created.b"_s}}}
                                    << opMessage.arg(u"a.created.b"_s);
    QTest::newRow("op number") << QJsonObject{{"targetUrl", ok}, {"operations", QJsonArray{7}}}
                               << opMessage.arg(u"7"_s);
    QTest::newRow("operations not array") << QJsonObject{{"targetUrl", ok}, {"operations", "*.*"}}
                                          << u"Field 'operations' on object 'webhook' expects an array of strings"_s;
    QTest::newRow("unknown field") << QJsonObject{{"targetUrl", ok}, {"events", QJsonArray{}}}
                                   << u"Field 'events' not found on object 'webhook'"_s;
    QTest::newRow("secret not string") << QJsonObject{{"targetUrl", ok}, {"secret", 5}}
                                       << u"Field 'secret' on object 'webhook' expects a string"_s;
    QTest::newRow("bad id") << QJsonObject{{"targetUrl", ok}, {"id", "x"}}
                            << u"Field 'id' on object 'webhook' expects a UUID, got 'x'"_s;
}

void TestWebhooks::validation()
{
    QFETCH(QJsonObject, input);
    QFETCH(QString, message);
    const int before = int(m_http.get(kHooks).json.array().size());
    E2E_BAD_REQUEST(m_http.post(kHooks, input), message);
    QCOMPARE(int(m_http.get(kHooks).json.array().size()), before); // nothing created
    // the same rules on update
    if (input.contains(u"targetUrl"_s) && input.size() > 1) {
        const HttpResponse created = m_http.post(kHooks, QJsonObject{{"targetUrl", "http://127.0.0.1:9/h"}});
        const QString id = created.value(u"id"_s).toString();
        input.remove(u"id"_s);
        input.remove(u"targetUrl"_s);
        if (!input.isEmpty())
            E2E_BAD_REQUEST(m_http.patch(kHooks + u'/' + id, input), message);
        E2E_STATUS(m_http.del(kHooks + u'/' + id), 200);
    }
}

void TestWebhooks::bodyAndSignature()
{
    const QByteArray secret = "whsec-" + uniqueTag().toLatin1();
    const auto [hookId, path] = createHook({u"person.created"_s, u"person.updated"_s}, QString::fromLatin1(secret));
    QVERIFY(!hookId.isEmpty());
    const QString personId = createPerson(u"Lyon"_s);
    QVERIFY(!personId.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver.at(path).size(), 1, 15000);
    const Received created = m_receiver.at(path).first();

    // Headers (§10.3, 10.4).
    QCOMPARE(created.header("content-type"), QByteArray("application/json"));
    QVERIFY(kUuid.match(created.deliveryId()).hasMatch());
    const QByteArray timestamp = created.header("x-twenty-webhook-timestamp");
    QVERIFY2(QRegularExpression(u"^[0-9]{13}$"_s).match(QString::fromLatin1(timestamp)).hasMatch(), timestamp);
    QVERIFY(QRegularExpression(u"^[0-9a-f]{32}$"_s)
                .match(QString::fromLatin1(created.header("x-twenty-webhook-nonce")))
                .hasMatch());
    // The receiver's check: hex(hmac_sha256(secret, ts + ":" + rawBody)) == signature.
    const QByteArray expected
        = QMessageAuthenticationCode::hash(timestamp + ":" + created.body, secret, QCryptographicHash::Sha256).toHex();
    QCOMPARE(created.header("x-twenty-webhook-signature"), expected);

    // Body: compact, keys in the contract's order, no userId/workspaceMemberId for an API key.
    QCOMPARE(topLevelKeys(created.body), (QStringList{u"targetUrl"_s, u"eventName"_s, u"objectMetadata"_s,
                                                      u"workspaceId"_s, u"webhookId"_s, u"eventDate"_s, u"record"_s}));
    QCOMPARE(QJsonDocument::fromJson(created.body).toJson(QJsonDocument::Compact).size(), created.body.size());
    const QJsonObject body = created.json();
    QCOMPARE(body[u"targetUrl"_s].toString(), m_receiver.url(path));
    QCOMPARE(body[u"eventName"_s].toString(), u"person.created"_s);
    QCOMPARE(topLevelKeys(QJsonDocument(body[u"objectMetadata"_s].toObject()).toJson(QJsonDocument::Compact)).size(), 2);
    QCOMPARE(body[u"objectMetadata"_s][u"nameSingular"_s].toString(), u"person"_s);
    QVERIFY(kUuid.match(body[u"objectMetadata"_s][u"id"_s].toString()).hasMatch());
    QCOMPARE(body[u"workspaceId"_s].toString(), m_workspaceId);
    QCOMPARE(body[u"webhookId"_s].toString(), hookId);
    QVERIFY(QDateTime::fromString(body[u"eventDate"_s].toString(), Qt::ISODateWithMs).isValid());
    // record: after the change, depth 0, all fields (composites as objects, relations as join columns only)
    const QJsonObject record = body[u"record"_s].toObject();
    QCOMPARE(record[u"id"_s].toString(), personId);
    QCOMPARE(record[u"city"_s].toString(), u"Lyon"_s);
    QVERIFY(record.contains(u"companyId"_s));
    QVERIFY(!record.contains(u"company"_s));
    QVERIFY(record[u"name"_s].isObject());
    QCOMPARE(record, m_http.get(u"/rest/people/"_s + personId).value(u"data.person"_s).toObject());

    // updated: updatedFields last, naming the changed field only
    E2E_STATUS(m_http.patch(u"/rest/people/"_s + personId, QJsonObject{{"city", "Nantes"}, {"jobTitle", ""}}), 200);
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver.at(path).size(), 2, 15000);
    const Received updated = m_receiver.at(path).at(1);
    QCOMPARE(topLevelKeys(updated.body).last(), u"updatedFields"_s);
    QCOMPARE(updated.json()[u"eventName"_s].toString(), u"person.updated"_s);
    QCOMPARE(updated.json()[u"updatedFields"_s].toArray(), QJsonArray{u"city"_s});
    QCOMPARE(updated.json()[u"record"_s][u"city"_s].toString(), u"Nantes"_s);
    QVERIFY(updated.deliveryId() != created.deliveryId());
    const QByteArray ts2 = updated.header("x-twenty-webhook-timestamp");
    QCOMPARE(updated.header("x-twenty-webhook-signature"),
             QMessageAuthenticationCode::hash(ts2 + ":" + updated.body, secret, QCryptographicHash::Sha256).toHex());
    // a wrong secret does not verify
    QVERIFY(QMessageAuthenticationCode::hash(ts2 + ":" + updated.body, "other", QCryptographicHash::Sha256).toHex()
            != updated.header("x-twenty-webhook-signature"));

    // The log tells the truth.
    QTRY_VERIFY_WITH_TIMEOUT(settled(hookId, 2), 15000);
    const QJsonArray log = deliveries(hookId);
    const QJsonObject last = log.at(0).toObject(); // newest first
    QCOMPARE(keysOf(last), (QStringList{u"attempts"_s, u"createdAt"_s, u"error"_s, u"eventName"_s, u"id"_s,
                                        u"lastAttemptAt"_s, u"latencyMs"_s, u"recordId"_s, u"replayOf"_s,
                                        u"responseCode"_s, u"status"_s, u"webhookId"_s}));
    QCOMPARE(last[u"id"_s].toString(), updated.deliveryId());
    QCOMPARE(last[u"eventName"_s].toString(), u"person.updated"_s);
    QCOMPARE(last[u"recordId"_s].toString(), personId);
    QCOMPARE(last[u"status"_s].toString(), u"SUCCEEDED"_s);
    QCOMPARE(last[u"attempts"_s].toInt(), 1);
    QCOMPARE(last[u"responseCode"_s].toInt(), 200);
    QVERIFY(last[u"latencyMs"_s].isDouble());
    QVERIFY(last[u"error"_s].isNull());
    QVERIFY(last[u"replayOf"_s].isNull());
    QCOMPARE(log.at(1)[u"id"_s].toString(), created.deliveryId());
    E2E_STATUS(m_http.del(kHooks + u'/' + hookId), 200);
}

void TestWebhooks::noSecretNoSignature()
{
    const auto [hookId, path] = createHook({u"company.created"_s});
    E2E_STATUS(m_http.post(u"/rest/companies"_s, QJsonObject{{"name", uniqueTag()}}), 201);
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver.at(path).size(), 1, 15000);
    const Received r = m_receiver.at(path).first();
    QVERIFY(kUuid.match(r.deliveryId()).hasMatch()); // the delivery id comes with or without a secret
    QVERIFY(!r.headers.contains("x-twenty-webhook-signature"));
    QVERIFY(!r.headers.contains("x-twenty-webhook-timestamp"));
    QVERIFY(!r.headers.contains("x-twenty-webhook-nonce"));
    E2E_STATUS(m_http.del(kHooks + u'/' + hookId), 200);
}

void TestWebhooks::eventFilteringAndWildcards()
{
    const auto [createdOnly, createdPath] = createHook({u"person.created"_s});
    const auto [anyDeleted, deletedPath] = createHook({u"*.deleted"_s, u"*.destroyed"_s});
    const auto [companyAll, companyPath] = createHook({u"company.*"_s});
    const auto [everything, everythingPath] = createHook({u"*.*"_s});
    const auto [removed, removedPath] = createHook({u"*.*"_s});
    E2E_STATUS(m_http.del(kHooks + u'/' + removed), 200); // deleted webhooks never fire

    const QString personId = createPerson(u"Brest"_s);
    E2E_STATUS(m_http.del(u"/rest/people/%1?soft_delete=true"_s.arg(personId)), 200);
    E2E_STATUS(m_http.patch(u"/rest/people/%1/restore"_s.arg(personId), QJsonObject{}), 200);
    E2E_STATUS(m_http.del(u"/rest/people/"_s + personId), 200);
    const HttpResponse company = m_http.post(u"/rest/companies"_s, QJsonObject{{"name", uniqueTag()}});
    E2E_STATUS(company, 201);
    E2E_STATUS(m_http.patch(u"/rest/companies/"_s + company.value(u"data.createCompany.id"_s).toString(),
                            QJsonObject{{"employees", 12}}),
               200);

    const QStringList all{u"person.created"_s,   u"person.deleted"_s,  u"person.restored"_s,
                          u"person.destroyed"_s, u"company.created"_s, u"company.updated"_s};
    QTRY_COMPARE_WITH_TIMEOUT(eventsAt(everythingPath).size(), all.size(), 15000);
    QTRY_COMPARE_WITH_TIMEOUT(eventsAt(companyPath).size(), 2, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(eventsAt(deletedPath).size(), 2, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(eventsAt(createdPath).size(), 1, 15000);
    QStringList got = eventsAt(everythingPath);
    got.sort(); // order between events is not guaranteed (§10.2)
    QStringList want = all;
    want.sort();
    QCOMPARE(got, want);
    QCOMPARE(eventsAt(createdPath), QStringList{u"person.created"_s});
    got = eventsAt(deletedPath);
    got.sort();
    QCOMPARE(got, (QStringList{u"person.deleted"_s, u"person.destroyed"_s}));
    got = eventsAt(companyPath);
    got.sort();
    QCOMPARE(got, (QStringList{u"company.created"_s, u"company.updated"_s}));
    // deleted: the record carries its deletedAt; destroyed: the last state
    for (const Received &r : m_receiver.at(deletedPath)) {
        const QJsonObject body = r.json();
        QCOMPARE(body[u"record"_s][u"id"_s].toString(), personId);
        if (body[u"eventName"_s].toString() == "person.deleted"_L1)
            QVERIFY(!body[u"record"_s][u"deletedAt"_s].toString().isEmpty());
        else
            QVERIFY(body[u"record"_s][u"deletedAt"_s].isNull());
    }
    QTest::qWait(300); // nothing more arrives, and nothing for the deleted webhook
    QCOMPARE(eventsAt(everythingPath).size(), all.size());
    QCOMPARE(m_receiver.at(removedPath).size(), 0);
    for (const QString &id : {createdOnly, anyDeleted, companyAll, everything})
        E2E_STATUS(m_http.del(kHooks + u'/' + id), 200);
}

void TestWebhooks::batchesEmitOneEventPerRecord()
{
    const auto [hookId, path] = createHook({u"person.*"_s});
    const QString tag = uniqueTag();
    const HttpResponse batch = m_http.post(
        u"/rest/batch/people"_s,
        QJsonArray{QJsonObject{{"city", tag}}, QJsonObject{{"city", tag}}, QJsonObject{{"city", tag}}});
    E2E_STATUS(batch, 201);
    QStringList ids = column(batch.value(u"data.createPeople"_s).toArray(), u"id"_s);
    QCOMPARE(ids.size(), 3);
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver.at(path).size(), 3, 15000);
    QStringList recordIds;
    QSet<QString> deliveryIds;
    for (const Received &r : m_receiver.at(path)) {
        QCOMPARE(r.json()[u"eventName"_s].toString(), u"person.created"_s);
        recordIds << r.json()[u"record"_s][u"id"_s].toString();
        deliveryIds.insert(r.deliveryId());
    }
    recordIds.sort();
    ids.sort();
    QCOMPARE(recordIds, ids);
    QCOMPARE(deliveryIds.size(), 3);

    // an update by filter: one `updated` per matched record
    E2E_STATUS(m_http.patch(u"/rest/people?filter="_s + pct(u"city[eq]:"_s + tag), QJsonObject{{"jobTitle", "Dev"}}),
               200);
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver.at(path).size(), 6, 15000);
    QStringList updatedIds;
    for (const Received &r : m_receiver.at(path).mid(3)) {
        QCOMPARE(r.json()[u"eventName"_s].toString(), u"person.updated"_s);
        QCOMPARE(r.json()[u"updatedFields"_s].toArray(), QJsonArray{u"jobTitle"_s});
        updatedIds << r.json()[u"record"_s][u"id"_s].toString();
    }
    updatedIds.sort();
    QCOMPARE(updatedIds, ids);
    // a failing batch (all or nothing) emits nothing
    E2E_STATUS(m_http.post(u"/rest/batch/people"_s, QJsonArray{QJsonObject{{"city", tag}}, QJsonObject{{"nope", 1}}}),
               400);
    QTest::qWait(300);
    QCOMPARE(m_receiver.at(path).size(), 6);
    QTRY_VERIFY_WITH_TIMEOUT(settled(hookId, 6), 15000);
    E2E_STATUS(m_http.del(kHooks + u'/' + hookId), 200);
}

void TestWebhooks::failedDeliveriesAreRetried_data()
{
    QTest::addColumn<int>("mode"); // Receiver::Mode, or -1 for a port that refuses connections
    QTest::addColumn<QVariant>("responseCode");
    QTest::addColumn<QString>("error");
    QTest::newRow("500") << int(Receiver::Mode::Error500) << QVariant(500) << u"HTTP 500"_s;
    QTest::newRow("redirect") << int(Receiver::Mode::Redirect) << QVariant(302)
                              << u"HTTP 302: redirects are not followed"_s;
    QTest::newRow("slow") << int(Receiver::Mode::Hang) << QVariant() << u"Timed out after 1000 ms"_s;
    QTest::newRow("refused") << -1 << QVariant() << u"Connection refused"_s;
}

void TestWebhooks::failedDeliveriesAreRetried()
{
    QFETCH(int, mode);
    QFETCH(QVariant, responseCode);
    QFETCH(QString, error);
    QString path = u"/hook/"_s + uniqueTag();
    QString url = m_receiver.url(path);
    if (mode < 0) {
        QTcpServer closed; // a port nobody listens on any more
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        url = u"http://127.0.0.1:%1/h"_s.arg(closed.serverPort());
        closed.close();
    } else {
        m_receiver.setMode(path, Receiver::Mode(mode));
    }
    const HttpResponse created = m_http.post(
        kHooks, QJsonObject{{"targetUrl", url}, {"operations", QJsonArray{u"company.created"_s}}, {"secret", "k"}});
    E2E_STATUS(created, 201);
    const QString hookId = created.value(u"id"_s).toString();
    E2E_STATUS(m_http.post(u"/rest/companies"_s, QJsonObject{{"name", uniqueTag()}}), 201);

    // 1 attempt + webhook.maxRetries (3) retries, then FAILED.
    QTRY_VERIFY_WITH_TIMEOUT(settled(hookId, 1), 30000);
    const QJsonObject d = deliveries(hookId).at(0).toObject();
    QCOMPARE(d[u"status"_s].toString(), u"FAILED"_s);
    QCOMPARE(d[u"attempts"_s].toInt(), 4);
    QCOMPARE(d[u"error"_s].toString(), error);
    if (responseCode.isValid()) {
        QCOMPARE(d[u"responseCode"_s].toInt(), responseCode.toInt());
        QVERIFY(d[u"latencyMs"_s].isDouble());
    } else {
        QVERIFY(d[u"responseCode"_s].isNull());
        QVERIFY(d[u"latencyMs"_s].isNull());
    }
    QVERIFY(!d[u"lastAttemptAt"_s].toString().isEmpty());
    if (mode >= 0) {
        // every attempt reached the receiver with the same delivery id and body, a fresh signature each time
        const QList<Received> got = m_receiver.at(path);
        QCOMPARE(got.size(), 4);
        QSet<QByteArray> nonces;
        for (const Received &r : got) {
            QCOMPARE(r.deliveryId(), d[u"id"_s].toString());
            QCOMPARE(r.body, got.first().body);
            nonces.insert(r.header("x-twenty-webhook-nonce"));
            QCOMPARE(r.header("x-twenty-webhook-signature"),
                     QMessageAuthenticationCode::hash(r.header("x-twenty-webhook-timestamp") + ":" + r.body, "k",
                                                      QCryptographicHash::Sha256)
                         .toHex());
        }
        QCOMPARE(nonces.size(), 4);
        QCOMPARE(m_receiver.at(u"/elsewhere"_s).size(), 0); // the redirect was not followed
    }
    // API requests were never blocked meanwhile: the server answers at once
    E2E_STATUS(m_http.get(u"/rest/companies?limit=1"_s), 200);
    E2E_STATUS(m_http.del(kHooks + u'/' + hookId), 200);
}

void TestWebhooks::recoversOnRetry()
{
    const auto [hookId, path] = createHook({u"person.created"_s});
    m_receiver.failFirst(path, 2);
    createPerson(u"Retry"_s);
    QTRY_VERIFY_WITH_TIMEOUT(settled(hookId, 1), 30000);
    const QJsonObject d = deliveries(hookId).at(0).toObject();
    QCOMPARE(d[u"status"_s].toString(), u"SUCCEEDED"_s);
    QCOMPARE(d[u"attempts"_s].toInt(), 3);
    QCOMPARE(d[u"responseCode"_s].toInt(), 200);
    QVERIFY(d[u"error"_s].isNull());
    QCOMPARE(m_receiver.at(path).size(), 3);
    for (const Received &r : m_receiver.at(path))
        QCOMPARE(r.deliveryId(), d[u"id"_s].toString());
    E2E_STATUS(m_http.del(kHooks + u'/' + hookId), 200);
}

void TestWebhooks::replay()
{
    const auto [hookId, path] = createHook({u"person.created"_s}, u"first"_s);
    const QString personId = createPerson(u"Replay"_s);
    QTRY_VERIFY_WITH_TIMEOUT(settled(hookId, 1), 15000);
    const QJsonObject original = deliveries(hookId).at(0).toObject();
    const Received first = m_receiver.at(path).first();

    // Replay to the webhook's current URL and secret, as a new delivery.
    const QString newPath = u"/hook/"_s + uniqueTag();
    E2E_STATUS(
        m_http.patch(kHooks + u'/' + hookId, QJsonObject{{"targetUrl", m_receiver.url(newPath)}, {"secret", "second"}}),
        200);
    const HttpResponse replayed = m_http.send(
        "POST", u"%1/%2/deliveries/%3/replay"_s.arg(kHooks, hookId, original[u"id"_s].toString()));
    E2E_STATUS(replayed, 201);
    const QJsonObject replay = replayed.value(u"data.replayWebhookDelivery"_s).toObject();
    QVERIFY(kUuid.match(replay[u"id"_s].toString()).hasMatch());
    QVERIFY(replay[u"id"_s] != original[u"id"_s]);
    QCOMPARE(replay[u"replayOf"_s].toString(), original[u"id"_s].toString());
    QCOMPARE(replay[u"eventName"_s].toString(), u"person.created"_s);
    QCOMPARE(replay[u"recordId"_s].toString(), personId);
    QCOMPARE(replay[u"webhookId"_s].toString(), hookId);
    QCOMPARE(replay[u"status"_s].toString(), u"PENDING"_s);
    QCOMPARE(replay[u"attempts"_s].toInt(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver.at(newPath).size(), 1, 15000);
    const Received again = m_receiver.at(newPath).first();
    QCOMPARE(again.body, first.body); // the stored body, byte for byte
    QCOMPARE(again.deliveryId(), replay[u"id"_s].toString());
    QCOMPARE(again.header("x-twenty-webhook-signature"),
             QMessageAuthenticationCode::hash(again.header("x-twenty-webhook-timestamp") + ":" + again.body, "second",
                                              QCryptographicHash::Sha256)
                 .toHex());
    QCOMPARE(m_receiver.at(path).size(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(settled(hookId, 2), 15000);
    QCOMPARE(deliveries(hookId).at(0)[u"replayOf"_s].toString(), original[u"id"_s].toString());

    // Unknown delivery, unknown or deleted webhook → 404; malformed ids → 400.
    E2E_STATUS(m_http.send("POST", u"%1/%2/deliveries/%3/replay"_s.arg(kHooks, hookId, newUuid())), 404);
    E2E_STATUS(
        m_http.send("POST", u"%1/%2/deliveries/%3/replay"_s.arg(kHooks, newUuid(), original[u"id"_s].toString())), 404);
    E2E_BAD_REQUEST(m_http.send("POST", u"%1/%2/deliveries/x/replay"_s.arg(kHooks, hookId)),
                    u"'x' is not a valid UUID"_s);
    E2E_STATUS(m_http.del(kHooks + u'/' + hookId), 200);
    E2E_STATUS(m_http.send("POST", u"%1/%2/deliveries/%3/replay"_s.arg(kHooks, hookId, original[u"id"_s].toString())),
               404);
    E2E_STATUS(m_http.get(u"%1/%2/deliveries"_s.arg(kHooks, hookId)), 404);
}

void TestWebhooks::deliveryLogPaging()
{
    const auto [hookId, path] = createHook({u"person.created"_s});
    const QString tag = uniqueTag();
    E2E_STATUS(m_http.post(u"/rest/batch/people"_s, QJsonArray{QJsonObject{{"city", tag}}, QJsonObject{{"city", tag}},
                                                               QJsonObject{{"city", tag}}}),
               201);
    QTRY_VERIFY_WITH_TIMEOUT(settled(hookId, 3), 15000);
    const QString base = u"%1/%2/deliveries"_s.arg(kHooks, hookId);
    const QStringList all = column(deliveries(hookId), u"id"_s);
    QCOMPARE(all.size(), 3);

    const HttpResponse first = m_http.get(base + u"?limit=2"_s);
    E2E_STATUS(first, 200);
    QCOMPARE(first.value(u"totalCount"_s).toInt(), 3);
    QCOMPARE(column(first.value(u"data.webhookDeliveries"_s).toArray(), u"id"_s), all.mid(0, 2));
    QCOMPARE(first.value(u"pageInfo.hasNextPage"_s).toBool(), true);
    QCOMPARE(first.value(u"pageInfo.hasPreviousPage"_s).toBool(), false);
    QCOMPARE(first.value(u"pageInfo.startCursor"_s).toString(), all[0]);
    QCOMPARE(first.value(u"pageInfo.endCursor"_s).toString(), all[1]);
    const HttpResponse second = m_http.get(base + u"?limit=2&starting_after="_s + all[1]);
    QCOMPARE(column(second.value(u"data.webhookDeliveries"_s).toArray(), u"id"_s), all.mid(2));
    QCOMPARE(second.value(u"pageInfo.hasNextPage"_s).toBool(), false);
    const HttpResponse back = m_http.get(base + u"?limit=1&ending_before="_s + all[2]);
    QCOMPARE(column(back.value(u"data.webhookDeliveries"_s).toArray(), u"id"_s), all.mid(1, 1));
    QCOMPARE(back.value(u"pageInfo.hasPreviousPage"_s).toBool(), true);
    const HttpResponse empty = m_http.get(base + u"?limit=0"_s);
    QCOMPARE(empty.value(u"data.webhookDeliveries"_s).toArray().size(), 0);
    QVERIFY(empty.value(u"pageInfo.startCursor"_s).isNull());
    QCOMPARE(empty.value(u"totalCount"_s).toInt(), 3);
    const HttpResponse clamped = m_http.get(base + u"?limit=5000"_s);
    E2E_STATUS(clamped, 200);
    QCOMPARE(clamped.header("x-vingt-limit-clamped"), QByteArray("1000"));

    E2E_BAD_REQUEST(m_http.get(base + u"?limit=abc"_s), u"limit 'abc' is invalid. Should be an integer"_s);
    E2E_BAD_REQUEST(m_http.get(base + u"?starting_after="_s + newUuid()), u"Invalid cursor"_s);
    E2E_BAD_REQUEST(m_http.get(base + u"?starting_after=%1&ending_before=%1"_s.arg(all[0])),
                    u"Only one of 'endingBefore' and 'startingAfter' may be provided"_s);
    E2E_BAD_REQUEST(m_http.get(base + u"?after=x"_s),
                    u"Unknown query parameter 'after'. Did you mean 'starting_after'?"_s);
    E2E_STATUS(m_http.del(kHooks + u'/' + hookId), 200);
}

void TestWebhooks::guardFlag()
{
    // A role with every record permission but no settings flag (§6.3 guard API_KEYS_AND_WEBHOOKS).
    const HttpResponse role = m_http.post(u"/rest/metadata/roles"_s, QJsonObject{{"label", u"NoHooks "_s + uniqueTag()},
                                                                                 {"canReadAllObjectRecords", true},
                                                                                 {"canUpdateAllObjectRecords", true},
                                                                                 {"canBeAssignedToApiKeys", true}});
    E2E_STATUS(role, 201);
    const QString roleId = role.value(u"data.createOneRole.id"_s).toString();
    const HttpResponse key = m_http.post(
        u"/rest/metadata/apiKeys"_s,
        QJsonObject{{"name", u"nohooks"_s}, {"expiresAt", u"2099-01-01T00:00:00.000Z"_s}, {"roleId", roleId}});
    E2E_STATUS(key, 201);
    const HttpResponse token = m_http.send(
        "POST", u"/rest/metadata/apiKeys/%1/regenerate"_s.arg(key.value(u"id"_s).toString()));
    E2E_STATUS(token, 201);
    HttpClient denied = m_http.withToken(token.value(u"data.regenerateApiKey.token"_s).toString());

    const auto [hookId, path] = createHook({u"person.created"_s});
    const QJsonObject forbidden{{"statusCode", 403},
                                {"error", "ForbiddenException"},
                                {"messages", QJsonArray{u"Entity performing the request does not have permission"_s}},
                                {"code", "FORBIDDEN"}};
    QCOMPARE(denied.get(kHooks).object(), forbidden);
    QCOMPARE(denied.get(u"/rest/webhooks"_s).object(), forbidden);
    QCOMPARE(denied.get(kHooks + u'/' + hookId).object(), forbidden);
    QCOMPARE(denied.post(kHooks, QJsonObject{{"targetUrl", "http://localhost/"}}).object(), forbidden);
    QCOMPARE(denied.patch(kHooks + u'/' + hookId, QJsonObject{{"secret", "x"}}).object(), forbidden);
    QCOMPARE(denied.del(kHooks + u'/' + hookId).object(), forbidden);
    QCOMPARE(denied.get(kHooks + u'/' + hookId + u"/deliveries"_s).object(), forbidden);
    QCOMPARE(denied.send("POST", u"%1/%2/deliveries/%3/replay"_s.arg(kHooks, hookId, newUuid())).object(), forbidden);
    QCOMPARE(denied.send("POST", u"%1/%2/test"_s.arg(kHooks, hookId)).object(), forbidden);
    E2E_STATUS(m_http.get(kHooks + u'/' + hookId), 200); // untouched

    // Its record changes still fire the workspace's webhooks (events do not depend on who listens).
    const HttpResponse person = denied.post(u"/rest/people"_s, QJsonObject{{"city", "Guarded"}});
    E2E_STATUS(person, 201);
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver.at(path).size(), 1, 15000);
    QCOMPARE(m_receiver.at(path).first().json()[u"record"_s][u"id"_s].toString(),
             person.value(u"data.createPerson.id"_s).toString());
    E2E_STATUS(m_http.del(kHooks + u'/' + hookId), 200);
}

void TestWebhooks::restartKeepsPendingDeliveries()
{
    // Its own server: a first retry after 3 s, so that failed deliveries are still pending when it stops.
    ServerProcess::Options options;
    options.keyName = u"e2e-webhooks-restart"_s;
    options.settings << u"webhook.timeoutMs=1000"_s << u"webhook.retryDelay1Ms=3000"_s;
    ServerProcess server(options);
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    HttpClient http(server.baseUrl(), server.token());
    const QString path = u"/hook/"_s + uniqueTag();
    m_receiver.setMode(path, Receiver::Mode::Error500);
    const HttpResponse hook = http.post(
        kHooks, QJsonObject{{"targetUrl", m_receiver.url(path)}, {"operations", QJsonArray{u"person.created"_s}}});
    E2E_STATUS(hook, 201);
    const QString hookId = hook.value(u"id"_s).toString();
    const QString tag = uniqueTag();
    E2E_STATUS(http.post(u"/rest/batch/people"_s, QJsonArray{QJsonObject{{"city", tag}}, QJsonObject{{"city", tag}},
                                                             QJsonObject{{"city", tag}}}),
               201);
    // First attempts fail; the deliveries wait for their retry.
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver.at(path).size(), 3, 15000);
    const QJsonArray before
        = http.get(u"%1/%2/deliveries"_s.arg(kHooks, hookId)).value(u"data.webhookDeliveries"_s).toArray();
    QCOMPARE(before.size(), 3);
    for (const QJsonValue &d : before) {
        QCOMPARE(d[u"status"_s].toString(), u"PENDING"_s);
        QCOMPARE(d[u"attempts"_s].toInt(), 1);
        QCOMPARE(d[u"responseCode"_s].toInt(), 500);
    }
    QCOMPARE(server.stop(), 0);
    QCOMPARE(m_receiver.at(path).size(), 3); // nothing sent while it stopped

    // Receiver fixed, server back: every pending delivery is sent once more, with its delivery id.
    m_receiver.setMode(path, Receiver::Mode::Ok);
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    http.setBaseUrl(server.baseUrl());
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver.at(path).size(), 6, 20000);
    QHash<QString, int> perDelivery;
    for (const Received &r : m_receiver.at(path))
        ++perDelivery[r.deliveryId()];
    QCOMPARE(perDelivery.size(), 3);
    for (auto it = perDelivery.cbegin(); it != perDelivery.cend(); ++it)
        QCOMPARE(it.value(), 2);
    const auto allSentTwice = [&] {
        const QJsonArray list
            = http.get(u"%1/%2/deliveries"_s.arg(kHooks, hookId)).value(u"data.webhookDeliveries"_s).toArray();
        for (const QJsonValue &d : list) {
            if (d[u"status"_s].toString() != "SUCCEEDED"_L1 || d[u"attempts"_s].toInt() != 2)
                return false;
        }
        return list.size() == 3;
    };
    QTRY_VERIFY_WITH_TIMEOUT(allSentTwice(), 15000);
    QTest::qWait(500);
    QCOMPARE(m_receiver.at(path).size(), 6); // and not again
    QCOMPARE(server.stop(), 0);
    QCOMPARE(server.sanitizerReport(), QString());
}

void TestWebhooks::quitWithDeliveryInFlight()
{
    // The app quits while an attempt waits on a slow receiver: the quit waits for the attempt (bounded by the
    // timeout), the log records it, and after a restart the delivery is sent again under its delivery id, once.
    ServerProcess::Options options;
    options.keyName = u"e2e-webhooks-inflight"_s;
    options.settings << u"webhook.timeoutMs=1000"_s << u"webhook.retryDelay1Ms=3000"_s;
    ServerProcess server(options);
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    HttpClient http(server.baseUrl(), server.token());
    const QString path = u"/hook/"_s + uniqueTag();
    m_receiver.setMode(path, Receiver::Mode::Hang);
    const HttpResponse hook = http.post(
        kHooks, QJsonObject{{"targetUrl", m_receiver.url(path)}, {"operations", QJsonArray{u"person.created"_s}}});
    E2E_STATUS(hook, 201);
    const QString hookId = hook.value(u"id"_s).toString();
    E2E_STATUS(http.post(u"/rest/people"_s, QJsonObject{{"city", uniqueTag()}}), 201);
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver.at(path).size(), 1, 15000);
    QCOMPARE(server.stop(), 0); // while the attempt is in flight

    m_receiver.setMode(path, Receiver::Mode::Ok);
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    http.setBaseUrl(server.baseUrl());
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver.at(path).size(), 2, 20000);
    const QList<Received> got = m_receiver.at(path);
    QCOMPARE(got.at(1).deliveryId(), got.at(0).deliveryId());
    QCOMPARE(got.at(1).body, got.at(0).body);
    const auto succeeded = [&] {
        const QJsonArray list
            = http.get(u"%1/%2/deliveries"_s.arg(kHooks, hookId)).value(u"data.webhookDeliveries"_s).toArray();
        return list.size() == 1 && list.at(0)[u"status"_s].toString() == "SUCCEEDED"_L1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(succeeded(), 15000);
    const QJsonObject d
        = http.get(u"%1/%2/deliveries"_s.arg(kHooks, hookId)).value(u"data.webhookDeliveries.0"_s).toObject();
    QCOMPARE(d[u"attempts"_s].toInt(), 2); // the interrupted attempt counts
    QCOMPARE(d[u"responseCode"_s].toInt(), 200);
    QTest::qWait(700);
    QCOMPARE(m_receiver.at(path).size(), 2);
    QCOMPARE(server.stop(), 0);
    QCOMPARE(server.sanitizerReport(), QString());
}

void TestWebhooks::testEvent()
{
    // Vingt extension: POST /webhooks/{id}/test queues a sample `<object>.created` event, signed like any delivery,
    // logged without a recordId.
    const auto [hookId, path] = createHook({u"company.updated"_s}, u"test-secret"_s);
    const HttpResponse queued = m_http.send("POST", u"%1/%2/test"_s.arg(kHooks, hookId));
    E2E_STATUS(queued, 201);
    const QJsonObject d = queued.value(u"data.testWebhookDelivery"_s).toObject();
    QVERIFY(kUuid.match(d[u"id"_s].toString()).hasMatch());
    QCOMPARE(d[u"eventName"_s].toString(), u"company.created"_s);
    QVERIFY(d[u"recordId"_s].isNull());
    QCOMPARE(d[u"status"_s].toString(), u"PENDING"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver.at(path).size(), 1, 15000);
    const Received got = m_receiver.at(path).first();
    QCOMPARE(got.deliveryId(), d[u"id"_s].toString());
    QVERIFY(got.signedWith("test-secret"));
    QCOMPARE(topLevelKeys(got.body), (QStringList{u"targetUrl"_s, u"eventName"_s, u"objectMetadata"_s, u"workspaceId"_s,
                                                  u"webhookId"_s, u"eventDate"_s, u"record"_s}));
    QCOMPARE(got.json()[u"eventName"_s].toString(), u"company.created"_s);
    QCOMPARE(got.json()[u"objectMetadata"_s][u"nameSingular"_s].toString(), u"company"_s);
    QVERIFY(kUuid.match(got.json()[u"record"_s][u"id"_s].toString()).hasMatch());
    QTRY_VERIFY_WITH_TIMEOUT(settled(hookId, 1), 15000);
    QCOMPARE(deliveries(hookId).at(0)[u"status"_s].toString(), u"SUCCEEDED"_s);

    // Wildcards only: a person event. Unknown or deleted webhook → 404.
    const auto [anyId, anyPath] = createHook({u"*.*"_s});
    E2E_STATUS(m_http.send("POST", u"%1/%2/test"_s.arg(kHooks, anyId)), 201);
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver.at(anyPath).size(), 1, 15000);
    QCOMPARE(m_receiver.at(anyPath).first().json()[u"eventName"_s].toString(), u"person.created"_s);
    E2E_STATUS(m_http.send("POST", u"%1/%2/test"_s.arg(kHooks, newUuid())), 404);
    E2E_STATUS(m_http.get(u"%1/%2/test"_s.arg(kHooks, hookId)), 405);
    E2E_STATUS(m_http.del(kHooks + u'/' + hookId), 200);
    E2E_STATUS(m_http.del(kHooks + u'/' + anyId), 200);
    E2E_STATUS(m_http.send("POST", u"%1/%2/test"_s.arg(kHooks, hookId)), 404);
}

QTEST_GUILESS_MAIN(TestWebhooks)
#include "tst_webhooks.moc"
