// End-to-end: webhooks over GraphQL on POST /metadata (API-CONTRACT §10.1): `webhooks`, `webhook(id)`,
// `createWebhook`, `updateWebhook`, `deleteWebhook` with Twenty's input shapes; the same rows as the REST routes;
// invalid URLs and operations; the API_KEYS_AND_WEBHOOKS guard; and a GraphQL-created webhook receiving a signed
// delivery on a real local receiver.

#include "support/e2e.h"
#include "support/httpclient.h"
#include "support/serverprocess.h"
#include "support/webhookreceiver.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <memory>

using namespace vingt::test;
using namespace Qt::StringLiterals;

namespace {

const QString kFields = u"id targetUrl operations description secret workspaceId createdAt updatedAt deletedAt"_s;

} // namespace

class TestGraphqlWebhooks : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> m_server;
    HttpClient m_http;
    WebhookReceiver m_receiver;

    HttpResponse meta(const QString &query, const QJsonObject &variables = {}, HttpClient *client = nullptr)
    {
        return (client ? *client : m_http).post(u"/metadata"_s, QJsonObject{{"query", query}, {"variables", variables}});
    }
    HttpResponse create(const QJsonObject &input, HttpClient *client = nullptr)
    {
        return meta(u"mutation($input:CreateWebhookInput!){ createWebhook(input:$input){ %1 } }"_s.arg(kFields),
                    {{"input", input}}, client);
    }
    HttpResponse update(const QString &id, const QJsonObject &changes, HttpClient *client = nullptr)
    {
        return meta(u"mutation($input:UpdateWebhookInput!){ updateWebhook(input:$input){ %1 } }"_s.arg(kFields),
                    {{"input", QJsonObject{{"id", id}, {"update", changes}}}}, client);
    }
    HttpResponse remove(const QString &id, HttpClient *client = nullptr)
    {
        return meta(u"mutation($id:UUID!){ deleteWebhook(id:$id){ %1 } }"_s.arg(kFields), {{"id", id}}, client);
    }
    HttpResponse get(const QString &id, HttpClient *client = nullptr)
    {
        return meta(u"query($id:UUID!){ webhook(id:$id){ %1 } }"_s.arg(kFields), {{"id", id}}, client);
    }
    QStringList listedIds(HttpClient *client = nullptr)
    {
        return column(meta(u"{ webhooks { id } }"_s, {}, client).value(u"data.webhooks"_s).toArray(), u"id"_s);
    }
    /// The first error's message and extensions code.
    static QPair<QString, QString> firstError(const HttpResponse &response)
    {
        return {response.value(u"errors.0.message"_s).toString(),
                response.value(u"errors.0.extensions.code"_s).toString()};
    }

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void schemaShapes();
    void crud();
    void invalidInput_data();
    void invalidInput();
    void permissionDenied();
    void graphqlCreatedWebhookDelivers();
};

void TestGraphqlWebhooks::initTestCase()
{
    QVERIFY(m_receiver.listen());
    ServerProcess::Options options;
    options.keyName = u"e2e-graphql-webhooks"_s;
    m_server = std::make_unique<ServerProcess>(options);
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    m_http = HttpClient(m_server->baseUrl(), m_server->token());
}

void TestGraphqlWebhooks::cleanupTestCase()
{
    if (m_server) {
        QCOMPARE(m_server->stop(), 0);
        QCOMPARE(m_server->sanitizerReport(), QString());
    }
}

void TestGraphqlWebhooks::schemaShapes()
{
    // The root fields and input types Twenty's client SDK sends (§10.1).
    const HttpResponse r = meta(
        u"{ q: __type(name:\"Query\"){ fields{ name args{ name type{ kind name ofType{ name } } } type{ kind name "
        "ofType{ kind name ofType{ kind name ofType{ name } } } } } } m: __type(name:\"Mutation\"){ fields{ name args{ "
        "name type{ "
        "kind ofType{ name } } } type{ kind ofType{ name } } } } c: __type(name:\"CreateWebhookInput\"){ "
        "inputFields{ name type{ kind name ofType{ name } } } } u: __type(name:\"UpdateWebhookInput\"){ inputFields{ "
        "name type{ kind ofType{ name } } } } }"_s);
    E2E_STATUS(r, 200);
    auto field = [&r](const QString &root, const QString &name) {
        for (const QJsonValue &f : r.value(u"data.%1.fields"_s.arg(root)).toArray()) {
            if (f[u"name"_s].toString() == name)
                return f.toObject();
        }
        return QJsonObject();
    };
    QCOMPARE(at(field(u"q"_s, u"webhooks"_s), u"type.ofType.ofType.ofType.name"_s).toString(), u"Webhook"_s);
    QCOMPARE(at(field(u"q"_s, u"webhook"_s), u"type.name"_s).toString(), u"Webhook"_s);
    QCOMPARE(at(field(u"q"_s, u"webhook"_s)[u"args"_s].toArray().at(0).toObject(), u"type.ofType.name"_s).toString(),
             u"UUID"_s);
    QCOMPARE(
        at(field(u"m"_s, u"createWebhook"_s)[u"args"_s].toArray().at(0).toObject(), u"type.ofType.name"_s).toString(),
        u"CreateWebhookInput"_s);
    QCOMPARE(
        at(field(u"m"_s, u"updateWebhook"_s)[u"args"_s].toArray().at(0).toObject(), u"type.ofType.name"_s).toString(),
        u"UpdateWebhookInput"_s);
    QCOMPARE(at(field(u"m"_s, u"deleteWebhook"_s)[u"args"_s].toArray().at(0).toObject(), u"name"_s).toString(), u"id"_s);
    QCOMPARE(at(field(u"m"_s, u"deleteWebhook"_s), u"type.ofType.name"_s).toString(), u"Webhook"_s);
    QCOMPARE(column(r.value(u"data.c.inputFields"_s).toArray(), u"name"_s),
             (QStringList{u"id"_s, u"targetUrl"_s, u"operations"_s, u"description"_s, u"secret"_s}));
    QCOMPARE(column(r.value(u"data.u.inputFields"_s).toArray(), u"name"_s), (QStringList{u"id"_s, u"update"_s}));
}

void TestGraphqlWebhooks::crud()
{
    const QString id = newUuid();
    const HttpResponse created = create({{"id", id},
                                         {"targetUrl", u"HTTPS://Example.com/Hook"_s},
                                         {"operations", QJsonArray{u"person.created"_s, u"*.deleted"_s}},
                                         {"description", u"CRM sync"_s},
                                         {"secret", u"s3cret"_s}});
    E2E_STATUS(created, 200);
    QVERIFY2(!created.object().contains(u"errors"_s), qPrintable(created.describe()));
    const QJsonObject hook = created.value(u"data.createWebhook"_s).toObject();
    QCOMPARE(hook[u"id"_s].toString(), id);
    QCOMPARE(hook[u"targetUrl"_s].toString(), u"https://example.com/Hook"_s); // normalized by URL parsing
    QCOMPARE(hook[u"operations"_s].toArray(), (QJsonArray{u"person.created"_s, u"*.deleted"_s}));
    QCOMPARE(hook[u"description"_s].toString(), u"CRM sync"_s);
    QCOMPARE(hook[u"secret"_s].toString(), u"s3cret"_s);
    QVERIFY(hook[u"deletedAt"_s].isNull());
    QVERIFY(!hook[u"createdAt"_s].toString().isEmpty());

    // The same row as the REST route sees it.
    const HttpResponse rest = m_http.get(u"/rest/metadata/webhooks/"_s + id);
    E2E_STATUS(rest, 200);
    QCOMPARE(rest.object(), hook);

    QVERIFY(listedIds().contains(id));
    QCOMPARE(get(id).value(u"data.webhook"_s).toObject(), hook);

    // Update: only the given members change; `operations` is required on create, the secret defaults to "".
    const HttpResponse updated = update(
        id, {{"targetUrl", u"http://localhost:9/x"_s}, {"operations", QJsonArray{u"company.*"_s}}});
    QVERIFY2(!updated.object().contains(u"errors"_s), qPrintable(updated.describe()));
    QCOMPARE(updated.value(u"data.updateWebhook.targetUrl"_s).toString(), u"http://localhost:9/x"_s);
    QCOMPARE(updated.value(u"data.updateWebhook.operations"_s).toArray(), QJsonArray{u"company.*"_s});
    QCOMPARE(updated.value(u"data.updateWebhook.description"_s).toString(), u"CRM sync"_s);
    QCOMPARE(updated.value(u"data.updateWebhook.secret"_s).toString(), u"s3cret"_s);
    const HttpResponse cleared = update(id, {{"description", QJsonValue()}});
    QVERIFY(cleared.value(u"data.updateWebhook.description"_s).isNull());

    const HttpResponse plain = create({{"targetUrl", u"http://127.0.0.1:1/p"_s}, {"operations", QJsonArray{}}});
    QCOMPARE(plain.value(u"data.createWebhook.secret"_s).toString(), QString());
    const QString plainId = plain.value(u"data.createWebhook.id"_s).toString();
    QVERIFY(!plainId.isEmpty());

    // Delete: soft, returns the deleted webhook; then gone from list and get.
    const HttpResponse deleted = remove(id);
    QVERIFY2(!deleted.object().contains(u"errors"_s), qPrintable(deleted.describe()));
    QCOMPARE(deleted.value(u"data.deleteWebhook.id"_s).toString(), id);
    QVERIFY(!deleted.value(u"data.deleteWebhook.deletedAt"_s).toString().isEmpty());
    QVERIFY(!listedIds().contains(id));
    const HttpResponse missing = get(id);
    QCOMPARE(firstError(missing).second, u"NOT_FOUND"_s);
    QVERIFY(missing.value(u"data.webhook"_s).isNull());
    QCOMPARE(firstError(remove(id)).second, u"NOT_FOUND"_s);
    QCOMPARE(firstError(update(id, {{"secret", u"x"_s}})).second, u"NOT_FOUND"_s);
    E2E_STATUS(m_http.get(u"/rest/metadata/webhooks/"_s + id), 404);
    QVERIFY(remove(plainId).value(u"data.deleteWebhook.id"_s).isString());
}

void TestGraphqlWebhooks::invalidInput_data()
{
    QTest::addColumn<QJsonObject>("input");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("userFriendlyMessage");
    const QString invalidUrl = u"Invalid target URL provided"_s;
    const QString friendly = u"Please provide a valid HTTP or HTTPS URL."_s;
    const QJsonArray all{u"*.*"_s};
    QTest::newRow("ftp") << QJsonObject{{"targetUrl", "ftp://example.com/"}, {"operations", all}} << invalidUrl
                         << friendly;
    QTest::newRow("no host") << QJsonObject{{"targetUrl", "https://"}, {"operations", all}} << invalidUrl << friendly;
    QTest::newRow("not a url") << QJsonObject{{"targetUrl", "hello world"}, {"operations", all}} << invalidUrl
                               << friendly;
    const QString badOperation = u"Invalid operation '%1' in 'operations': expected '<object>.<action>' where <object> "
                                 "is an object's nameSingular or '*' and <action> is one of created, updated, deleted, "
                                 "destroyed, restored or '*'"_s;
    QTest::newRow("bad action") << QJsonObject{{"targetUrl", "https://a.example/"},
                                               {"operations", QJsonArray{u"person.created"_s, u"person.exploded"_s}}}
                                << badOperation.arg(u"person.exploded"_s) << QString();
    QTest::newRow("no dot") << QJsonObject{{"targetUrl", "https://a.example/"}, {"operations", QJsonArray{u"person"_s}}}
                            << badOperation.arg(u"person"_s) << QString();
}

void TestGraphqlWebhooks::invalidInput()
{
    QFETCH(QJsonObject, input);
    QFETCH(QString, message);
    QFETCH(QString, userFriendlyMessage);
    const QStringList before = listedIds();
    const HttpResponse created = create(input);
    E2E_STATUS(created, 200);
    QCOMPARE(firstError(created), (QPair<QString, QString>{message, u"BAD_USER_INPUT"_s}));
    QCOMPARE(created.value(u"errors.0.extensions.userFriendlyMessage"_s).toString(), userFriendlyMessage);
    QVERIFY(created.value(u"data"_s).isNull());
    QCOMPARE(listedIds(), before); // nothing created

    // The same checks on update.
    const HttpResponse ok = create({{"targetUrl", u"https://ok.example/"_s}, {"operations", QJsonArray{u"*.*"_s}}});
    const QString id = ok.value(u"data.createWebhook.id"_s).toString();
    QVERIFY(!id.isEmpty());
    QJsonObject changes = input;
    changes.remove(input.value(u"targetUrl"_s).toString().startsWith(u"https://a.example"_s) ? u"targetUrl"_s
                                                                                             : u"operations"_s);
    QCOMPARE(firstError(update(id, changes)), (QPair<QString, QString>{message, u"BAD_USER_INPUT"_s}));
    QCOMPARE(get(id).value(u"data.webhook.targetUrl"_s).toString(), u"https://ok.example/"_s);
    QVERIFY(remove(id).value(u"data.deleteWebhook.id"_s).isString());
}

void TestGraphqlWebhooks::permissionDenied()
{
    // A key whose role lacks API_KEYS_AND_WEBHOOKS (§6.3): every webhook operation is FORBIDDEN, nothing changes.
    QString roleId;
    HttpClient denied = clientWithNewRole(m_http, roleId);
    const HttpResponse ok = create({{"targetUrl", u"https://guarded.example/"_s}, {"operations", QJsonArray{}}});
    const QString id = ok.value(u"data.createWebhook.id"_s).toString();
    QVERIFY(!id.isEmpty());
    const QList<HttpResponse> attempts{
        meta(u"{ webhooks { id } }"_s, {}, &denied),
        get(id, &denied),
        create({{"targetUrl", u"https://x.example/"_s}, {"operations", QJsonArray{}}}, &denied),
        update(id, {{"secret", u"stolen"_s}}, &denied),
        remove(id, &denied),
    };
    for (const HttpResponse &r : attempts) {
        E2E_STATUS(r, 200);
        QCOMPARE(firstError(r), (QPair<QString, QString>{u"Entity performing the request does not have permission"_s,
                                                         u"FORBIDDEN"_s}));
        QCOMPARE(r.value(u"errors.0.extensions.subCode"_s).toString(), u"PERMISSION_DENIED"_s);
    }
    const QJsonObject after = get(id).value(u"data.webhook"_s).toObject();
    QCOMPARE(after[u"secret"_s].toString(), QString());
    QVERIFY(after[u"deletedAt"_s].isNull());
    QCOMPARE(listedIds().count(id), 1);
    QVERIFY(remove(id).value(u"data.deleteWebhook.id"_s).isString());
}

void TestGraphqlWebhooks::graphqlCreatedWebhookDelivers()
{
    const QString path = u"/graphql-hook/"_s + uniqueTag();
    const HttpResponse created = create({{"targetUrl", m_receiver.url(path)},
                                         {"operations", QJsonArray{u"company.created"_s}},
                                         {"secret", u"gql-secret"_s}});
    const QString id = created.value(u"data.createWebhook.id"_s).toString();
    QVERIFY2(!id.isEmpty(), qPrintable(created.describe()));
    const QString name = uniqueTag();
    const HttpResponse company = m_http.post(
        u"/graphql"_s, QJsonObject{{"query", u"mutation($d:CompanyCreateInput!){ createCompany("
                                             "data:$d){ id } }"_s},
                                   {"variables", QJsonObject{{"d", QJsonObject{{"name", name}}}}}});
    const QString companyId = company.value(u"data.createCompany.id"_s).toString();
    QVERIFY2(!companyId.isEmpty(), qPrintable(company.describe()));
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver.at(path).size(), 1, 15000);
    const ReceivedRequest got = m_receiver.at(path).first();
    QVERIFY2(got.signedWith("gql-secret"), got.body.constData());
    QVERIFY(!got.signedWith("another"));
    QCOMPARE(got.json()[u"webhookId"_s].toString(), id);
    QCOMPARE(got.json()[u"eventName"_s].toString(), u"company.created"_s);
    QCOMPARE(got.json()[u"record"_s][u"id"_s].toString(), companyId);
    QVERIFY(!got.deliveryId().isEmpty());

    // After a GraphQL update the next delivery goes to the new secret; after deletion nothing is sent.
    QVERIFY(update(id, {{"secret", u"rotated"_s}}).value(u"data.updateWebhook.id"_s).isString());
    E2E_STATUS(m_http.post(u"/rest/companies"_s, QJsonObject{{"name", uniqueTag()}}), 201);
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver.at(path).size(), 2, 15000);
    QVERIFY(m_receiver.at(path).at(1).signedWith("rotated"));
    QVERIFY(remove(id).value(u"data.deleteWebhook.id"_s).isString());
    E2E_STATUS(m_http.post(u"/rest/companies"_s, QJsonObject{{"name", uniqueTag()}}), 201);
    QTest::qWait(1000);
    QCOMPARE(m_receiver.at(path).size(), 2);
}

QTEST_GUILESS_MAIN(TestGraphqlWebhooks)
#include "tst_graphql_webhooks.moc"
