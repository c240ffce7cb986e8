// End-to-end: API keys over REST (API-CONTRACT §5.1, 5.2, 5.5, 6.5, 13.15; DECISIONS "GraphQL and API details"):
// every route of /rest/metadata/apiKeys and its legacy aliases with their envelopes and deprecation headers, the
// entity shape, DELETE revoking, regenerate (one transaction, same lifetime, old key refused on the next request),
// revocation and expiry taking effect on the very next request, the required role, the guard flag, and no privilege
// escalation through key creation, role assignment or regeneration.

#include "support/e2e.h"
#include "support/httpclient.h"
#include "support/serverprocess.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

#include <memory>

using namespace vingt::test;
using namespace Qt::StringLiterals;

namespace {

const QString kAdminRoleId = u"20202020-0001-0001-0001-000000000001"_s;
const QString kMemberRoleId = u"20202020-0002-0001-0001-000000000002"_s;
const QString kKeys = u"/rest/metadata/apiKeys"_s;

const QRegularExpression kUuid(u"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"_s);

QJsonObject jwtPayload(const QString &token)
{
    const QByteArray payload = token.toLatin1().split('.').value(1);
    return QJsonDocument::fromJson(QByteArray::fromBase64(payload, QByteArray::Base64UrlEncoding)).object();
}

QString inDays(int days)
{
    return QDateTime::currentDateTimeUtc().addDays(days).toString(Qt::ISODateWithMs);
}

qint64 msOf(const QJsonValue &iso)
{
    return QDateTime::fromString(iso.toString(), Qt::ISODateWithMs).toMSecsSinceEpoch();
}

} // namespace

class TestApiKeys : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> m_server;
    HttpClient m_http;
    QString m_workspaceId;

    /// POST /rest/metadata/apiKeys; the created entity.
    QJsonObject createKey(const QString &name, const QString &roleId, const QString &expiresAt = inDays(30))
    {
        const HttpResponse created = m_http.post(
            kKeys, QJsonObject{{"name", name}, {"expiresAt", expiresAt}, {"roleId", roleId}});
        if (created.status != 201) {
            qWarning("%s", qPrintable(created.describe()));
            return {};
        }
        return created.object();
    }
    /// A role over REST; its id.
    QString createRole(const QJsonObject &input)
    {
        const HttpResponse created = m_http.post(u"/rest/metadata/roles"_s, input);
        if (created.status != 201) {
            qWarning("%s", qPrintable(created.describe()));
            return {};
        }
        return created.value(u"data.createOneRole.id"_s).toString();
    }
    /// A key with this role and its token, through REST only (create, then regenerate for the token).
    QString tokenFor(const QString &roleId, const HttpClient &as = {})
    {
        HttpClient client = as.baseUrl().isEmpty() ? m_http : as;
        const HttpResponse created = client.post(
            kKeys, QJsonObject{{"name", u"k-"_s + uniqueTag()}, {"expiresAt", inDays(30)}, {"roleId", roleId}});
        if (created.status != 201) {
            qWarning("%s", qPrintable(created.describe()));
            return {};
        }
        const HttpResponse regenerated = client.send("POST", kKeys + u'/' + created.value(u"id"_s).toString()
                                                                 + u"/regenerate"_s);
        return regenerated.value(u"data.regenerateApiKey.token"_s).toString();
    }

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void listIsABareArrayOfActiveKeys();
    void createGetUpdateDelete();
    void putIsAnAliasOfPatch();
    void unknownAndMalformedIds();
    void createValidation_data();
    void createValidation();
    void updateValidation();
    void unknownQueryParameter();
    void wrongMethod();
    void regenerate();
    void regenerateRefusesRevokedAndUnknown();
    void revocationTakesEffectOnTheNextRequest();
    void expiryTakesEffectOnTheNextRequest();
    void legacyRoutes();
    void assignRole();
    void deletedRoleLeavesKeysWithoutRole();
    void guardFlag();
    void noPrivilegeEscalation();
};

void TestApiKeys::initTestCase()
{
    ServerProcess::Options options;
    options.keyName = u"e2e-apikeys"_s;
    m_server = std::make_unique<ServerProcess>(options);
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    m_http = HttpClient(m_server->baseUrl(), m_server->token());
    m_workspaceId = jwtPayload(m_server->token()).value(u"workspaceId"_s).toString();
    QVERIFY(!m_workspaceId.isEmpty());
}

void TestApiKeys::cleanupTestCase()
{
    if (m_server) {
        QCOMPARE(m_server->stop(), 0);
    }
}

void TestApiKeys::listIsABareArrayOfActiveKeys()
{
    const HttpResponse list = m_http.get(kKeys);
    E2E_STATUS(list, 200);
    QVERIFY2(list.json.isArray(), qPrintable(list.describe()));
    const QString ownId = jwtPayload(m_server->token()).value(u"jti"_s).toString();
    QJsonObject own;
    for (const QJsonValue &key : list.json.array()) {
        QVERIFY(key.toObject().value(u"revokedAt"_s).isNull());
        if (key.toObject().value(u"id"_s).toString() == ownId) {
            own = key.toObject();
        }
    }
    QVERIFY2(!own.isEmpty(), qPrintable(list.describe()));
    // §5.1: exactly the entity's fields, never a token
    QCOMPARE(keysOf(own), (QStringList{u"createdAt"_s, u"expiresAt"_s, u"id"_s, u"name"_s, u"revokedAt"_s, u"roleId"_s,
                                       u"updatedAt"_s, u"workspaceId"_s}));
    QCOMPARE(own.value(u"name"_s).toString(), m_server->keyName());
    QCOMPARE(own.value(u"roleId"_s).toString(), kAdminRoleId);
    QCOMPARE(own.value(u"workspaceId"_s).toString(), m_workspaceId);
    QVERIFY(!list.body.contains(m_server->token().toLatin1()));
}

void TestApiKeys::createGetUpdateDelete()
{
    const QString name = u"crud "_s + uniqueTag();
    const HttpResponse created = m_http.post(
        kKeys, QJsonObject{{"name", name}, {"expiresAt", u"2031-02-03T04:05:06.789Z"_s}, {"roleId", kAdminRoleId}});
    E2E_STATUS(created, 201);
    const QJsonObject key = created.object();
    QVERIFY2(kUuid.match(key.value(u"id"_s).toString()).hasMatch(), qPrintable(created.describe()));
    QCOMPARE(key.value(u"name"_s).toString(), name);
    QCOMPARE(key.value(u"expiresAt"_s).toString(), u"2031-02-03T04:05:06.789Z"_s);
    QVERIFY(key.value(u"revokedAt"_s).isNull());
    QCOMPARE(key.value(u"roleId"_s).toString(), kAdminRoleId);
    QCOMPARE(key.value(u"workspaceId"_s).toString(), m_workspaceId);
    QVERIFY(!key.contains(u"token"_s));
    const QString id = key.value(u"id"_s).toString();

    const HttpResponse one = m_http.get(kKeys + u'/' + id);
    E2E_STATUS(one, 200);
    QCOMPARE(one.object(), key);

    const HttpResponse renamed = m_http.patch(kKeys + u'/' + id, QJsonObject{{"name", name + u" renamed"_s}});
    E2E_STATUS(renamed, 200);
    QCOMPARE(renamed.value(u"name"_s).toString(), name + u" renamed"_s);
    QCOMPARE(renamed.value(u"expiresAt"_s).toString(), u"2031-02-03T04:05:06.789Z"_s);
    QVERIFY(msOf(renamed.value(u"updatedAt"_s)) >= msOf(key.value(u"updatedAt"_s)));

    // DELETE revokes and keeps the row (§5.2)
    const HttpResponse deleted = m_http.del(kKeys + u'/' + id);
    E2E_STATUS(deleted, 200);
    QCOMPARE(deleted.value(u"id"_s).toString(), id);
    QVERIFY2(deleted.value(u"revokedAt"_s).isString(), qPrintable(deleted.describe()));
    const HttpResponse list = m_http.get(kKeys);
    QVERIFY(!column(list.json.array(), u"id"_s).contains(id));
    const HttpResponse revoked = m_http.get(kKeys + u'/' + id);
    E2E_STATUS(revoked, 200);
    QCOMPARE(revoked.value(u"revokedAt"_s), deleted.value(u"revokedAt"_s));
    // DELETE again: still the same revoked entity
    E2E_STATUS(m_http.del(kKeys + u'/' + id), 200);

    // revokedAt can be given at creation
    const HttpResponse preRevoked = m_http.post(kKeys, QJsonObject{{"name", name + u" pre"_s},
                                                                   {"expiresAt", inDays(10)},
                                                                   {"roleId", kAdminRoleId},
                                                                   {"revokedAt", inDays(-1)}});
    E2E_STATUS(preRevoked, 201);
    QVERIFY(preRevoked.value(u"revokedAt"_s).isString());
}

void TestApiKeys::putIsAnAliasOfPatch()
{
    const QJsonObject key = createKey(u"put "_s + uniqueTag(), kAdminRoleId);
    QVERIFY(!key.isEmpty());
    const HttpResponse put = m_http.put(kKeys + u'/' + key.value(u"id"_s).toString(),
                                        QJsonObject{{"expiresAt", u"2032-01-01T00:00:00Z"_s}});
    E2E_STATUS(put, 200);
    QCOMPARE(put.value(u"expiresAt"_s).toString(), u"2032-01-01T00:00:00.000Z"_s);
}

void TestApiKeys::unknownAndMalformedIds()
{
    const QString unknown = newUuid();
    for (const QByteArray method : {"GET", "PATCH", "DELETE"}) {
        const HttpResponse response = m_http.send(method, kKeys + u'/' + unknown, method == "PATCH" ? "{}" : "");
        E2E_ERROR_CONTAINS(response, 404, unknown);
    }
    E2E_ERROR_CONTAINS(m_http.send("POST", kKeys + u'/' + unknown + u"/regenerate"_s), 404, unknown);
    E2E_BAD_REQUEST(m_http.get(kKeys + u"/not-a-uuid"_s), u"'not-a-uuid' is not a valid UUID"_s);
}

void TestApiKeys::createValidation_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("fragment");
    const QString expires = u"2030-01-01T00:00:00.000Z"_s;
    QTest::newRow("role required") << QJsonObject{{"name", "x"}, {"expiresAt", expires}} << 400 << u"'roleId'"_s;
    QTest::newRow("role null") << QJsonObject{{"name", "x"}, {"expiresAt", expires}, {"roleId", QJsonValue()}} << 400
                               << u"'roleId'"_s;
    QTest::newRow("role not a uuid") << QJsonObject{{"name", "x"}, {"expiresAt", expires}, {"roleId", "admin"}} << 400
                                     << u"'roleId'"_s;
    QTest::newRow("unknown role") << QJsonObject{{"name", "x"}, {"expiresAt", expires}, {"roleId", newUuid()}} << 404
                                  << u"Role"_s;
    QTest::newRow("role not assignable to keys")
        << QJsonObject{{"name", "x"}, {"expiresAt", expires}, {"roleId", kMemberRoleId}} << 400
        << u"cannot be assigned to API keys"_s;
    QTest::newRow("name required") << QJsonObject{{"expiresAt", expires}, {"roleId", kAdminRoleId}} << 400
                                   << u"'name'"_s;
    QTest::newRow("empty name") << QJsonObject{{"name", "  "}, {"expiresAt", expires}, {"roleId", kAdminRoleId}} << 400
                                << u"'name'"_s;
    QTest::newRow("expiresAt required") << QJsonObject{{"name", "x"}, {"roleId", kAdminRoleId}} << 400
                                        << u"'expiresAt'"_s;
    QTest::newRow("expiresAt not a date")
        << QJsonObject{{"name", "x"}, {"expiresAt", "tomorrow"}, {"roleId", kAdminRoleId}} << 400 << u"'expiresAt'"_s;
    QTest::newRow("unknown field (§0.4)")
        << QJsonObject{{"name", "x"}, {"expiresAt", expires}, {"roleId", kAdminRoleId}, {"scope", "all"}} << 400
        << u"Field 'scope' not found on object 'apiKey'"_s;
}

void TestApiKeys::createValidation()
{
    QFETCH(QJsonObject, body);
    QFETCH(int, status);
    QFETCH(QString, fragment);
    const int before = int(m_http.get(kKeys).json.array().size());
    E2E_ERROR_CONTAINS(m_http.post(kKeys, body), status, fragment);
    QCOMPARE(int(m_http.get(kKeys).json.array().size()), before);
}

void TestApiKeys::updateValidation()
{
    const QJsonObject key = createKey(u"upd "_s + uniqueTag(), kAdminRoleId);
    const QString target = kKeys + u'/' + key.value(u"id"_s).toString();
    E2E_BAD_REQUEST(m_http.patch(target, QJsonObject{{"color", "red"}}),
                    u"Field 'color' not found on object 'apiKey'"_s);
    E2E_ERROR_CONTAINS(m_http.patch(target, QJsonObject{{"roleId", kAdminRoleId}}), 400, u"assignRoleToApiKey"_s);
    E2E_ERROR_CONTAINS(m_http.patch(target, QJsonObject{{"expiresAt", 12}}), 400, u"'expiresAt'"_s);
    E2E_ERROR_CONTAINS(m_http.patch(target, QJsonObject{{"id", newUuid()}}), 400, u"'id'"_s);
    E2E_BAD_REQUEST(m_http.send("PATCH", target, "[1]"), u"Body must be a JSON object"_s);
    // revokedAt: null un-revokes (updateApiKey accepts it)
    E2E_STATUS(m_http.del(target), 200);
    const HttpResponse restored = m_http.patch(target, QJsonObject{{"revokedAt", QJsonValue()}});
    E2E_STATUS(restored, 200);
    QVERIFY(restored.value(u"revokedAt"_s).isNull());
}

void TestApiKeys::unknownQueryParameter()
{
    E2E_BAD_REQUEST(m_http.get(kKeys + u"?limit=1"_s), u"Unknown query parameter 'limit'"_s);
}

void TestApiKeys::wrongMethod()
{
    const HttpResponse response = m_http.send("PATCH", kKeys, "{}");
    E2E_STATUS(response, 405);
    QVERIFY2(response.header("allow").contains("GET"), qPrintable(response.describe()));
    QVERIFY(response.header("allow").contains("POST"));
    const HttpResponse regenerate = m_http.get(kKeys + u'/' + newUuid() + u"/regenerate"_s);
    E2E_STATUS(regenerate, 405);
    QCOMPARE(regenerate.header("allow"), QByteArray("POST"));
    // revoke is a legacy-only route
    E2E_STATUS(m_http.send("POST", kKeys + u'/' + newUuid() + u"/revoke"_s), 404);
}

void TestApiKeys::regenerate()
{
    // A key with a token (CLI), created 30 days before its expiry.
    const QString name = u"regen "_s + uniqueTag();
    const auto oldToken = m_server->createApiKey(name, inDays(30));
    QVERIFY2(oldToken, qPrintable(m_server->errorString()));
    const QString oldId = jwtPayload(*oldToken).value(u"jti"_s).toString();
    HttpClient oldClient = m_http.withToken(*oldToken);
    E2E_STATUS(oldClient.get(u"/rest/people?limit=1"_s), 200);
    const HttpResponse before = m_http.get(kKeys + u'/' + oldId);
    E2E_STATUS(before, 200);
    const qint64 lifetime = msOf(before.value(u"expiresAt"_s)) - msOf(before.value(u"createdAt"_s));

    const HttpResponse regenerated = m_http.send("POST", kKeys + u'/' + oldId + u"/regenerate"_s);
    E2E_STATUS(regenerated, 201);
    QCOMPARE(keysOf(regenerated.object()), QStringList{u"data"_s});
    QCOMPARE(keysOf(regenerated.value(u"data"_s).toObject()), QStringList{u"regenerateApiKey"_s});
    QCOMPARE(keysOf(regenerated.value(u"data.regenerateApiKey"_s).toObject()), (QStringList{u"apiKey"_s, u"token"_s}));
    const QJsonObject fresh = regenerated.value(u"data.regenerateApiKey.apiKey"_s).toObject();
    const QString newToken = regenerated.value(u"data.regenerateApiKey.token"_s).toString();
    QVERIFY(fresh.value(u"id"_s).toString() != oldId);
    QCOMPARE(fresh.value(u"name"_s).toString(), name);
    QCOMPARE(fresh.value(u"roleId"_s).toString(), kAdminRoleId);
    QVERIFY(fresh.value(u"revokedAt"_s).isNull());
    // §5.5: expiresAt = now + (old expiresAt − old createdAt)
    QCOMPARE(msOf(fresh.value(u"expiresAt"_s)) - msOf(fresh.value(u"createdAt"_s)), lifetime);
    // the token belongs to the new key and expires with it
    QCOMPARE(jwtPayload(newToken).value(u"jti"_s).toString(), fresh.value(u"id"_s).toString());
    QCOMPARE(jwtPayload(newToken).value(u"exp"_s).toInteger(), msOf(fresh.value(u"expiresAt"_s)) / 1000);

    // the old key is revoked: its token fails on the very next request; the new one works
    E2E_ERROR(oldClient.get(u"/rest/people?limit=1"_s), 403, "FORBIDDEN_EXCEPTION", "This API Key is revoked");
    E2E_STATUS(m_http.withToken(newToken).get(u"/rest/people?limit=1"_s), 200);
    const HttpResponse old = m_http.get(kKeys + u'/' + oldId);
    QVERIFY(old.value(u"revokedAt"_s).isString());
    // the new key is listed, the old one not
    const QStringList ids = column(m_http.get(kKeys).json.array(), u"id"_s);
    QVERIFY(ids.contains(fresh.value(u"id"_s).toString()));
    QVERIFY(!ids.contains(oldId));
    // the token is never shown again
    QVERIFY(!m_http.get(kKeys + u'/' + fresh.value(u"id"_s).toString()).body.contains(newToken.toLatin1()));
}

void TestApiKeys::regenerateRefusesRevokedAndUnknown()
{
    const QJsonObject key = createKey(u"regen2 "_s + uniqueTag(), kAdminRoleId);
    const QString id = key.value(u"id"_s).toString();
    E2E_STATUS(m_http.send("POST", kKeys + u'/' + id + u"/regenerate"_s), 201);
    E2E_BAD_REQUEST(m_http.send("POST", kKeys + u'/' + id + u"/regenerate"_s), u"This API Key is revoked"_s);
    E2E_STATUS(m_http.send("POST", kKeys + u'/' + newUuid() + u"/regenerate"_s), 404);
}

void TestApiKeys::revocationTakesEffectOnTheNextRequest()
{
    const auto token = m_server->createApiKey(u"revoke "_s + uniqueTag());
    QVERIFY2(token, qPrintable(m_server->errorString()));
    HttpClient client = m_http.withToken(*token);
    E2E_STATUS(client.get(u"/rest/people?limit=1"_s), 200);
    const QString id = jwtPayload(*token).value(u"jti"_s).toString();
    E2E_STATUS(m_http.del(kKeys + u'/' + id), 200);
    E2E_ERROR(client.get(u"/rest/people?limit=1"_s), 403, "FORBIDDEN_EXCEPTION", "This API Key is revoked");
    E2E_ERROR(client.get(kKeys), 403, "FORBIDDEN_EXCEPTION", "This API Key is revoked");
    // un-revoking brings it back at once
    E2E_STATUS(m_http.patch(kKeys + u'/' + id, QJsonObject{{"revokedAt", QJsonValue()}}), 200);
    E2E_STATUS(client.get(u"/rest/people?limit=1"_s), 200);
    // a key revoking itself: the answer still comes, the next request fails
    E2E_STATUS(client.del(kKeys + u'/' + id), 200);
    E2E_ERROR(client.get(u"/rest/people?limit=1"_s), 403, "FORBIDDEN_EXCEPTION", "This API Key is revoked");
}

void TestApiKeys::expiryTakesEffectOnTheNextRequest()
{
    // The token's exp is 100 years ahead; the row's expiresAt decides (§5.4 step 6).
    const auto token = m_server->createApiKey(u"expire "_s + uniqueTag());
    QVERIFY2(token, qPrintable(m_server->errorString()));
    HttpClient client = m_http.withToken(*token);
    E2E_STATUS(client.get(u"/rest/people?limit=1"_s), 200);
    const QString id = jwtPayload(*token).value(u"jti"_s).toString();
    E2E_STATUS(m_http.patch(kKeys + u'/' + id, QJsonObject{{"expiresAt", inDays(-1)}}), 200);
    E2E_ERROR(client.get(u"/rest/people?limit=1"_s), 403, "FORBIDDEN_EXCEPTION", "This API Key is expired");
    E2E_STATUS(m_http.patch(kKeys + u'/' + id, QJsonObject{{"expiresAt", inDays(1)}}), 200);
    E2E_STATUS(client.get(u"/rest/people?limit=1"_s), 200);
    // an expired key can be regenerated: the new one gets the old lifetime from now
    E2E_STATUS(m_http.patch(kKeys + u'/' + id, QJsonObject{{"expiresAt", inDays(-1)}}), 200);
    const HttpResponse regenerated = m_http.send("POST", kKeys + u'/' + id + u"/regenerate"_s);
    E2E_STATUS(regenerated, 201);
    const HttpResponse fresh = m_http.withToken(regenerated.value(u"data.regenerateApiKey.token"_s).toString())
                                   .get(u"/rest/people?limit=1"_s);
    // old expiresAt was before old createdAt: the new key is born expired, like its parent (its token's exp too)
    E2E_ERROR(fresh, 401, "UNAUTHENTICATED", "Token has expired.");
}

void TestApiKeys::legacyRoutes()
{
    const QString legacy = u"/rest/apiKeys"_s;
    auto checkHeaders = [](const HttpResponse &response) {
        QCOMPARE(response.header("deprecation"), QByteArray("@1786320000"));
        QCOMPARE(response.header("link"), QByteArray("</rest/metadata/apiKeys>; rel=\"successor-version\""));
    };
    const HttpResponse list = m_http.get(legacy);
    E2E_STATUS(list, 200);
    QVERIFY(list.json.isArray());
    checkHeaders(list);
    QVERIFY(!m_http.get(kKeys).hasHeader("deprecation"));

    const HttpResponse created = m_http.post(
        legacy, QJsonObject{{"name", u"legacy "_s + uniqueTag()}, {"expiresAt", inDays(5)}, {"roleId", kAdminRoleId}});
    E2E_STATUS(created, 201);
    checkHeaders(created);
    const QString id = created.value(u"id"_s).toString();
    const HttpResponse one = m_http.get(legacy + u'/' + id);
    E2E_STATUS(one, 200);
    checkHeaders(one);
    const HttpResponse patched = m_http.patch(legacy + u'/' + id, QJsonObject{{"name", "legacy renamed"}});
    E2E_STATUS(patched, 200);
    QCOMPARE(patched.value(u"name"_s).toString(), u"legacy renamed"_s);

    const HttpResponse revoked = m_http.send("POST", legacy + u'/' + id + u"/revoke"_s);
    E2E_STATUS(revoked, 200);
    checkHeaders(revoked);
    QCOMPARE(revoked.value(u"id"_s).toString(), id);
    QVERIFY(revoked.value(u"revokedAt"_s).isString());

    // errors carry the headers too
    const HttpResponse missing = m_http.get(legacy + u'/' + newUuid());
    E2E_STATUS(missing, 404);
    checkHeaders(missing);
    const HttpResponse wrongMethod = m_http.get(legacy + u'/' + id + u"/revoke"_s);
    E2E_STATUS(wrongMethod, 405);
    QCOMPARE(wrongMethod.header("allow"), QByteArray("POST"));
}

void TestApiKeys::assignRole()
{
    const QJsonObject key = createKey(u"assign "_s + uniqueTag(), kAdminRoleId);
    const QString id = key.value(u"id"_s).toString();
    const QString roleId = createRole(
        QJsonObject{{"label", u"Assignable "_s + uniqueTag()}, {"canReadAllObjectRecords", true}});
    QVERIFY(!roleId.isEmpty());
    const HttpResponse assigned = m_http.post(kKeys + u'/' + id + u"/role"_s, QJsonObject{{"roleId", roleId}});
    E2E_STATUS(assigned, 200);
    QCOMPARE(assigned.object(), (QJsonObject{{"data", QJsonObject{{"assignRoleToApiKey", true}}}}));
    QCOMPARE(m_http.get(kKeys + u'/' + id).value(u"roleId"_s).toString(), roleId);

    E2E_ERROR_CONTAINS(m_http.post(kKeys + u'/' + id + u"/role"_s, QJsonObject{{"roleId", kMemberRoleId}}), 400,
                       u"cannot be assigned to API keys"_s);
    E2E_STATUS(m_http.post(kKeys + u'/' + id + u"/role"_s, QJsonObject{{"roleId", newUuid()}}), 404);
    E2E_STATUS(m_http.post(kKeys + u'/' + newUuid() + u"/role"_s, QJsonObject{{"roleId", roleId}}), 404);
    E2E_ERROR_CONTAINS(m_http.post(kKeys + u'/' + id + u"/role"_s, QJsonObject{}), 400, u"'roleId'"_s);
    E2E_ERROR_CONTAINS(m_http.post(kKeys + u'/' + id + u"/role"_s, QJsonObject{{"roleId", roleId}, {"x", 1}}), 400,
                       u"'x'"_s);
    QCOMPARE(m_http.get(kKeys + u'/' + id).value(u"roleId"_s).toString(), roleId);
}

void TestApiKeys::deletedRoleLeavesKeysWithoutRole()
{
    const QString roleId = createRole(
        QJsonObject{{"label", u"Doomed "_s + uniqueTag()}, {"canReadAllObjectRecords", true}});
    QVERIFY(!roleId.isEmpty());
    const QString token = tokenFor(roleId);
    QVERIFY(!token.isEmpty());
    HttpClient client = m_http.withToken(token);
    E2E_STATUS(client.get(u"/rest/people?limit=1"_s), 200);
    const QString keyId = jwtPayload(token).value(u"jti"_s).toString();

    const HttpResponse deleted = m_http.del(u"/rest/metadata/roles/"_s + roleId);
    E2E_STATUS(deleted, 200);
    QCOMPARE(deleted.value(u"data.deleteOneRole"_s).toString(), roleId);
    // §5.4 step 7 on the next request (§5.5: until a new role is assigned)
    E2E_ERROR(client.get(u"/rest/people?limit=1"_s), 403, "FORBIDDEN_EXCEPTION",
              u"API key %1 has no role assigned"_s.arg(keyId));
    QVERIFY(m_http.get(kKeys + u'/' + keyId).value(u"roleId"_s).isNull());
    // regenerating a key without a role is refused
    E2E_ERROR_CONTAINS(m_http.send("POST", kKeys + u'/' + keyId + u"/regenerate"_s), 400, u"no role assigned"_s);
    E2E_STATUS(m_http.post(kKeys + u'/' + keyId + u"/role"_s, QJsonObject{{"roleId", kAdminRoleId}}), 200);
    E2E_STATUS(client.get(u"/rest/people?limit=1"_s), 200);
}

void TestApiKeys::guardFlag()
{
    // Every API key route needs API_KEYS_AND_WEBHOOKS (§5, 6.3): a role with all record permissions is not enough.
    const QString roleId = createRole(QJsonObject{{"label", u"Records only "_s + uniqueTag()},
                                                  {"canReadAllObjectRecords", true},
                                                  {"canUpdateAllObjectRecords", true},
                                                  {"canAccessAllTools", true}});
    const QString token = tokenFor(roleId);
    QVERIFY(!token.isEmpty());
    HttpClient client = m_http.withToken(token);
    E2E_STATUS(client.get(u"/rest/people?limit=1"_s), 200);
    const QString ownId = jwtPayload(token).value(u"jti"_s).toString();
    const QString forbidden = u"Entity performing the request does not have permission"_s;
    const HttpResponse list = client.get(kKeys);
    E2E_ERROR(list, 403, "ForbiddenException", forbidden);
    QCOMPARE(list.value(u"code"_s).toString(), u"FORBIDDEN"_s);
    E2E_ERROR(client.get(kKeys + u'/' + ownId), 403, "ForbiddenException", forbidden);
    E2E_ERROR(client.post(kKeys, QJsonObject{{"name", "x"}, {"expiresAt", inDays(1)}, {"roleId", roleId}}), 403,
              "ForbiddenException", forbidden);
    E2E_ERROR(client.del(kKeys + u'/' + ownId), 403, "ForbiddenException", forbidden);
    E2E_ERROR(client.send("POST", kKeys + u'/' + ownId + u"/regenerate"_s), 403, "ForbiddenException", forbidden);
    E2E_ERROR(client.get(u"/rest/apiKeys"_s), 403, "ForbiddenException", forbidden);
    // nothing happened
    E2E_STATUS(client.get(u"/rest/people?limit=1"_s), 200);

    // Granting the flag works on the next request.
    E2E_STATUS(m_http.put(u"/rest/metadata/roles/%1/permissionFlags"_s.arg(roleId),
                          QJsonObject{{"permissionFlagKeys", QJsonArray{u"API_KEYS_AND_WEBHOOKS"_s}}}),
               200);
    E2E_STATUS(client.get(kKeys), 200);
}

void TestApiKeys::noPrivilegeEscalation()
{
    // A key manager: the flag, read everything, nothing else.
    const QString managerRole = createRole(
        QJsonObject{{"label", u"Key manager "_s + uniqueTag()}, {"canReadAllObjectRecords", true}});
    QVERIFY(!managerRole.isEmpty());
    E2E_STATUS(m_http.put(u"/rest/metadata/roles/%1/permissionFlags"_s.arg(managerRole),
                          QJsonObject{{"permissionFlagKeys", QJsonArray{u"API_KEYS_AND_WEBHOOKS"_s}}}),
               200);
    // A weaker role (reads only) and a stronger one (also writes).
    const QString weaker = createRole(
        QJsonObject{{"label", u"Weaker "_s + uniqueTag()}, {"canReadAllObjectRecords", true}});
    const QString stronger = createRole(QJsonObject{{"label", u"Stronger "_s + uniqueTag()},
                                                    {"canReadAllObjectRecords", true},
                                                    {"canUpdateAllObjectRecords", true}});
    const QString token = tokenFor(managerRole);
    QVERIFY(!token.isEmpty());
    HttpClient manager = m_http.withToken(token);
    const QString forbidden = u"Entity performing the request does not have permission"_s;
    const int keysBefore = int(m_http.get(kKeys).json.array().size());

    // creating keys: own role and weaker roles only
    E2E_STATUS(manager.post(kKeys, QJsonObject{{"name", "same"}, {"expiresAt", inDays(1)}, {"roleId", managerRole}}),
               201);
    E2E_STATUS(manager.post(kKeys, QJsonObject{{"name", "weaker"}, {"expiresAt", inDays(1)}, {"roleId", weaker}}), 201);
    E2E_ERROR(manager.post(kKeys, QJsonObject{{"name", "admin"}, {"expiresAt", inDays(1)}, {"roleId", kAdminRoleId}}),
              403, "ForbiddenException", forbidden);
    E2E_ERROR(manager.post(kKeys, QJsonObject{{"name", "strong"}, {"expiresAt", inDays(1)}, {"roleId", stronger}}), 403,
              "ForbiddenException", forbidden);
    QCOMPARE(int(m_http.get(kKeys).json.array().size()), keysBefore + 2);

    // assigning roles: same rule, own key included
    const QString ownId = jwtPayload(token).value(u"jti"_s).toString();
    E2E_ERROR(manager.post(kKeys + u'/' + ownId + u"/role"_s, QJsonObject{{"roleId", kAdminRoleId}}), 403,
              "ForbiddenException", forbidden);
    E2E_ERROR(manager.post(kKeys + u'/' + ownId + u"/role"_s, QJsonObject{{"roleId", stronger}}), 403,
              "ForbiddenException", forbidden);
    QCOMPARE(m_http.get(kKeys + u'/' + ownId).value(u"roleId"_s).toString(), managerRole);

    // regenerating a more powerful key would hand out its token
    const QJsonObject adminKey = createKey(u"admin target "_s + uniqueTag(), kAdminRoleId);
    E2E_ERROR(manager.send("POST", kKeys + u'/' + adminKey.value(u"id"_s).toString() + u"/regenerate"_s), 403,
              "ForbiddenException", forbidden);
    QVERIFY(m_http.get(kKeys + u'/' + adminKey.value(u"id"_s).toString()).value(u"revokedAt"_s).isNull());

    // a key it may manage can be regenerated, and the token acts with that key's role
    const HttpResponse weakKey = manager.post(
        kKeys, QJsonObject{{"name", "weak2"}, {"expiresAt", inDays(1)}, {"roleId", weaker}});
    const HttpResponse regenerated = manager.send("POST",
                                                  kKeys + u'/' + weakKey.value(u"id"_s).toString() + u"/regenerate"_s);
    E2E_STATUS(regenerated, 201);
    HttpClient weak = m_http.withToken(regenerated.value(u"data.regenerateApiKey.token"_s).toString());
    E2E_STATUS(weak.get(u"/rest/people?limit=1"_s), 200);
    E2E_ERROR(weak.post(u"/rest/people"_s, QJsonObject{{"city", uniqueTag()}}), 403, "ForbiddenException", forbidden);
    E2E_ERROR(weak.get(kKeys), 403, "ForbiddenException", forbidden);

    // the Admin role covers every role: an Admin key may assign anything assignable
    E2E_STATUS(m_http.post(kKeys + u'/' + ownId + u"/role"_s, QJsonObject{{"roleId", stronger}}), 200);
}

QTEST_GUILESS_MAIN(TestApiKeys)
#include "tst_apikeys.moc"
