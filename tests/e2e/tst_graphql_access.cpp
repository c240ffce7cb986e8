// End-to-end: API keys and roles over GraphQL on POST /metadata (API-CONTRACT §5.1, 5.5, 6.1–6.4, 6.6, 7, 8): every
// query and mutation with its argument and input type names, the errors of §6.6 and §5.1, each permission kind (role
// flag, object override, field read, field update, settings flag) set through GraphQL and enforced on /graphql and
// /metadata, no privilege escalation, revocation and expiry on the very next request, regenerate, the token attacks
// as GraphQL sees them, the rate-limit headers on /metadata, and a configured batch cap on /graphql.

#include "support/e2e.h"
#include "support/httpclient.h"
#include "support/serverprocess.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <memory>

using namespace vingt::test;
using namespace Qt::StringLiterals;

namespace {

const QString kAdminRoleId = u"20202020-0001-0001-0001-000000000001"_s;
const QString kMemberRoleId = u"20202020-0002-0001-0001-000000000002"_s;
const QString kDenied = u"Entity performing the request does not have permission"_s;
const QString kFarFuture = u"2099-01-01T00:00:00.000Z"_s;

const QString kKeyFields = u"id name expiresAt revokedAt workspaceId createdAt updatedAt role{ id label }"_s;
const QString kRoleFields
    = u"id label description icon isEditable canUpdateAllSettings canAccessAllTools canReadAllObjectRecords "
      "canUpdateAllObjectRecords canSoftDeleteAllObjectRecords canDestroyAllObjectRecords canBeAssignedToUsers "
      "canBeAssignedToAgents canBeAssignedToApiKeys permissionFlags{ id roleId flag } objectPermissions{ id roleId "
      "objectMetadataId canReadObjectRecords canUpdateObjectRecords canSoftDeleteObjectRecords canDestroyObjectRecords "
      "} "
      "fieldPermissions{ id roleId objectMetadataId fieldMetadataId canReadFieldValue canUpdateFieldValue } "
      "workspaceMembers{ id name{ firstName lastName } userEmail } apiKeys{ id name expiresAt revokedAt } agents{ id }"_s;

QString jti(const QString &token)
{
    const QByteArray payload = token.toLatin1().split('.').value(1);
    return QJsonDocument::fromJson(QByteArray::fromBase64(payload, QByteArray::Base64UrlEncoding))
        .object()
        .value(u"jti"_s)
        .toString();
}

/// The permission error of §6.6, in GraphQL.
#define GQL_DENIED(response)                                                                                           \
    do {                                                                                                               \
        const auto &deniedResponse_ = (response);                                                                      \
        GQL_ERROR(deniedResponse_, "FORBIDDEN", kDenied);                                                              \
        QCOMPARE(deniedResponse_.value(u"errors.0.extensions.subCode"_s).toString(), u"PERMISSION_DENIED"_s);          \
        QCOMPARE(deniedResponse_.value(u"errors.0.extensions.userFriendlyMessage"_s).toString(),                       \
                 u"You do not have permission to perform this action."_s);                                             \
    } while (false)

} // namespace

class TestGraphqlAccess : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> m_server;
    HttpClient m_http;
    QHash<QString, QString> m_objectIds; ///< nameSingular → id
    QHash<QString, QString> m_fieldIds;  ///< "object.field" → id

    static HttpResponse meta(HttpClient &client, const QString &query, const QJsonObject &variables = {})
    {
        return client.post(u"/metadata"_s, QJsonObject{{"query", query}, {"variables", variables}});
    }
    HttpResponse meta(const QString &query, const QJsonObject &variables = {})
    {
        return meta(m_http, query, variables);
    }
    static HttpResponse core(HttpClient &client, const QString &query, const QJsonObject &variables = {})
    {
        return client.post(u"/graphql"_s, QJsonObject{{"query", query}, {"variables", variables}});
    }

    /// createApiKey over GraphQL with the Admin key; the response.
    HttpResponse createKey(HttpClient &client, const QString &roleId, const QString &expiresAt = kFarFuture)
    {
        return meta(
            client, u"mutation($input: CreateApiKeyInput!){ createApiKey(input: $input){ %1 } }"_s.arg(kKeyFields),
            {{"input", QJsonObject{{"name", u"gql-"_s + uniqueTag()}, {"expiresAt", expiresAt}, {"roleId", roleId}}}});
    }
    /// generateApiKeyToken; the token, or empty.
    QString tokenFor(const QString &keyId, const QString &expiresAt = kFarFuture)
    {
        const HttpResponse r = meta(u"mutation($id: UUID!, $exp: String!){ generateApiKeyToken(apiKeyId: $id, "
                                    "expiresAt: $exp){ token } }"_s,
                                    {{"id", keyId}, {"exp", expiresAt}});
        if (graphqlProblem(r).size())
            qWarning("%s", qPrintable(r.describe()));
        return r.value(u"data.generateApiKeyToken.token"_s).toString();
    }
    /// createOneRole over GraphQL with a fresh label; the role id.
    QString createRole(QJsonObject input)
    {
        input.insert(u"label"_s, input.value(u"label"_s).toString(u"GQL role"_s) + u' ' + uniqueTag());
        if (!input.contains(u"canBeAssignedToApiKeys"_s))
            input.insert(u"canBeAssignedToApiKeys"_s, true);
        const HttpResponse r = meta(u"mutation($in: CreateRoleInput!){ createOneRole(createRoleInput: $in){ id } }"_s,
                                    {{"in", input}});
        if (graphqlProblem(r).size())
            qWarning("%s", qPrintable(r.describe()));
        return r.value(u"data.createOneRole.id"_s).toString();
    }
    /// A client whose key has this role, made with createApiKey + generateApiKeyToken; its key id in `keyId`.
    HttpClient clientFor(const QString &roleId, QString *keyId = nullptr)
    {
        const HttpResponse created = createKey(m_http, roleId);
        const QString id = created.value(u"data.createApiKey.id"_s).toString();
        if (keyId)
            *keyId = id;
        return m_http.withToken(tokenFor(id));
    }
    HttpResponse upsertObjectPermissions(const QString &roleId, const QJsonArray &entries)
    {
        return meta(u"mutation($in: UpsertObjectPermissionsInput!){ upsertObjectPermissions("
                    "upsertObjectPermissionsInput: $in){ id roleId objectMetadataId canReadObjectRecords "
                    "canUpdateObjectRecords canSoftDeleteObjectRecords canDestroyObjectRecords } }"_s,
                    {{"in", QJsonObject{{"roleId", roleId}, {"objectPermissions", entries}}}});
    }
    HttpResponse upsertFieldPermissions(const QString &roleId, const QJsonArray &entries)
    {
        return meta(u"mutation($in: UpsertFieldPermissionsInput!){ upsertFieldPermissions("
                    "upsertFieldPermissionsInput: $in){ id roleId objectMetadataId fieldMetadataId canReadFieldValue "
                    "canUpdateFieldValue } }"_s,
                    {{"in", QJsonObject{{"roleId", roleId}, {"fieldPermissions", entries}}}});
    }
    HttpResponse upsertFlags(const QString &roleId, const QStringList &flags)
    {
        return meta(
            u"mutation($in: UpsertPermissionFlagsInput!){ upsertPermissionFlags(upsertPermissionFlagsInput: "
            "$in){ id roleId flag } }"_s,
            {{"in", QJsonObject{{"roleId", roleId}, {"permissionFlagKeys", QJsonArray::fromStringList(flags)}}}});
    }
    QString createPerson(const QString &city)
    {
        const HttpResponse r = core(m_http, u"mutation($c: String){ createPerson(data:{city: $c}){ id } }"_s,
                                    {{"c", city}});
        return r.value(u"data.createPerson.id"_s).toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<ServerProcess>();
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
        m_http = HttpClient(m_server->baseUrl(), m_server->token());
        const HttpResponse objects = m_http.get(u"/rest/metadata/objects"_s);
        for (const QJsonValue &object : objects.value(u"data.objects"_s).toArray()) {
            const QString name = object[u"nameSingular"_s].toString();
            m_objectIds.insert(name, object[u"id"_s].toString());
            for (const QJsonValue &field : object[u"fields"_s].toArray())
                m_fieldIds.insert(name + u'.' + field[u"name"_s].toString(), field[u"id"_s].toString());
        }
        QVERIFY2(m_objectIds.contains(u"person"_s) && m_fieldIds.contains(u"person.city"_s),
                 qPrintable(objects.describe()));
    }
    void cleanupTestCase()
    {
        if (m_server) {
            QCOMPARE(m_server->stop(), 0);
            QVERIFY2(m_server->sanitizerReport().isEmpty(), qPrintable(m_server->sanitizerReport()));
        }
    }

    void schemaNames_data()
    {
        // §5.1, 6.2, 6.4: the argument and input type names Twenty's clients declare their variables with.
        QTest::addColumn<QString>("root");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("signature");
        QTest::newRow("apiKeys") << u"Query"_s << u"apiKeys"_s << u"(): [ApiKey!]!"_s;
        QTest::newRow("apiKey") << u"Query"_s << u"apiKey"_s << u"(input: GetApiKeyInput!): ApiKey"_s;
        QTest::newRow("getRoles") << u"Query"_s << u"getRoles"_s << u"(): [Role!]!"_s;
        QTest::newRow("createApiKey") << u"Mutation"_s << u"createApiKey"_s
                                      << u"(input: CreateApiKeyInput!): ApiKey!"_s;
        QTest::newRow("updateApiKey") << u"Mutation"_s << u"updateApiKey"_s << u"(input: UpdateApiKeyInput!): ApiKey"_s;
        QTest::newRow("revokeApiKey") << u"Mutation"_s << u"revokeApiKey"_s << u"(input: RevokeApiKeyInput!): ApiKey"_s;
        QTest::newRow("generateApiKeyToken")
            << u"Mutation"_s << u"generateApiKeyToken"_s << u"(apiKeyId: UUID!, expiresAt: String!): ApiKeyToken"_s;
        QTest::newRow("assignRoleToApiKey")
            << u"Mutation"_s << u"assignRoleToApiKey"_s << u"(apiKeyId: UUID!, roleId: UUID!): Boolean!"_s;
        QTest::newRow("regenerateApiKey")
            << u"Mutation"_s << u"regenerateApiKey"_s << u"(input: RegenerateApiKeyInput!): ApiKeyToken!"_s;
        QTest::newRow("createOneRole") << u"Mutation"_s << u"createOneRole"_s
                                       << u"(createRoleInput: CreateRoleInput!): Role!"_s;
        QTest::newRow("updateOneRole") << u"Mutation"_s << u"updateOneRole"_s
                                       << u"(updateRoleInput: UpdateRoleInput!): Role!"_s;
        QTest::newRow("deleteOneRole") << u"Mutation"_s << u"deleteOneRole"_s << u"(roleId: UUID!): String!"_s;
        QTest::newRow("upsertObjectPermissions")
            << u"Mutation"_s << u"upsertObjectPermissions"_s
            << u"(upsertObjectPermissionsInput: UpsertObjectPermissionsInput!): [ObjectPermission!]!"_s;
        QTest::newRow("upsertFieldPermissions")
            << u"Mutation"_s << u"upsertFieldPermissions"_s
            << u"(upsertFieldPermissionsInput: UpsertFieldPermissionsInput!): [FieldPermission!]!"_s;
        QTest::newRow("updateWorkspaceMemberRole") << u"Mutation"_s << u"updateWorkspaceMemberRole"_s
                                                   << u"(workspaceMemberId: UUID!, roleId: UUID!): WorkspaceMember!"_s;
        QTest::newRow("upsertPermissionFlags")
            << u"Mutation"_s << u"upsertPermissionFlags"_s
            << u"(upsertPermissionFlagsInput: UpsertPermissionFlagsInput!): [PermissionFlag!]!"_s;
    }
    void schemaNames()
    {
        QFETCH(QString, root);
        QFETCH(QString, field);
        QFETCH(QString, signature);
        const QString typeRef = u"kind name ofType{ kind name ofType{ kind name ofType{ kind name } } }"_s;
        const HttpResponse r = meta(u"query($t: String!){ __type(name: $t){ fields{ name args{ name type{ %1 } } "
                                    "type{ %1 } } } }"_s.arg(typeRef),
                                    {{"t", root}});
        GQL_OK(r);
        auto print = [](auto &&self, const QJsonObject &type) -> QString {
            const QString kind = type.value(u"kind"_s).toString();
            if (kind == "NON_NULL"_L1)
                return self(self, type.value(u"ofType"_s).toObject()) + u'!';
            if (kind == "LIST"_L1)
                return u'[' + self(self, type.value(u"ofType"_s).toObject()) + u']';
            return type.value(u"name"_s).toString();
        };
        QString found;
        for (const QJsonValue &f : r.value(u"data.__type.fields"_s).toArray()) {
            if (f[u"name"_s].toString() != field)
                continue;
            QStringList args;
            for (const QJsonValue &arg : f[u"args"_s].toArray())
                args << arg[u"name"_s].toString() + u": "_s + print(print, arg[u"type"_s].toObject());
            found = u"(%1): %2"_s.arg(args.join(u", "_s), print(print, f[u"type"_s].toObject()));
        }
        QCOMPARE(found, signature);
    }

    void apiKeyLifecycle()
    {
        const HttpResponse created = createKey(m_http, kAdminRoleId, u"2090-05-06T07:08:09.000Z"_s);
        GQL_OK(created);
        const QJsonObject key = created.value(u"data.createApiKey"_s).toObject();
        const QString id = key.value(u"id"_s).toString();
        QCOMPARE(key.value(u"expiresAt"_s).toString(), u"2090-05-06T07:08:09.000Z"_s);
        QVERIFY(key.value(u"revokedAt"_s).isNull());
        QCOMPARE(at(key, u"role.id"_s).toString(), kAdminRoleId);
        QCOMPARE(at(key, u"role.label"_s).toString(), u"Admin"_s);
        QVERIFY(!key.contains(u"token"_s));

        // apiKeys lists it, apiKey finds it; the same entity as REST
        const HttpResponse list = meta(u"{ apiKeys{ %1 } }"_s.arg(kKeyFields));
        GQL_OK(list);
        QVERIFY2(column(list.value(u"data.apiKeys"_s).toArray(), u"id"_s).contains(id), qPrintable(list.describe()));
        const HttpResponse one = meta(u"query($in: GetApiKeyInput!){ apiKey(input: $in){ %1 } }"_s.arg(kKeyFields),
                                      {{"in", QJsonObject{{"id", id}}}});
        GQL_OK(one);
        QCOMPARE(one.value(u"data.apiKey"_s).toObject(), key);
        const HttpResponse rest = m_http.get(u"/rest/metadata/apiKeys/"_s + id);
        E2E_STATUS(rest, 200);
        QCOMPARE(rest.value(u"workspaceId"_s).toString(), key.value(u"workspaceId"_s).toString());
        QCOMPARE(rest.value(u"updatedAt"_s).toString(), key.value(u"updatedAt"_s).toString());
        // an unknown id is null (as in Twenty), not an error
        const HttpResponse unknown = meta(u"query($in: GetApiKeyInput!){ apiKey(input: $in){ id } }"_s,
                                          {{"in", QJsonObject{{"id", newUuid()}}}});
        GQL_OK(unknown);
        QVERIFY(unknown.value(u"data.apiKey"_s).isNull());

        // updateApiKey
        const HttpResponse renamed = meta(u"mutation($in: UpdateApiKeyInput!){ updateApiKey(input: $in){ id name } }"_s,
                                          {{"in", QJsonObject{{"id", id}, {"name", u"renamed"_s}}}});
        GQL_OK(renamed);
        QCOMPARE(renamed.value(u"data.updateApiKey.name"_s).toString(), u"renamed"_s);
        const HttpResponse badDate = meta(u"mutation($in: UpdateApiKeyInput!){ updateApiKey(input: $in){ id } }"_s,
                                          {{"in", QJsonObject{{"id", id}, {"expiresAt", u"tomorrow"_s}}}});
        GQL_ERROR(badDate, "BAD_USER_INPUT",
                  "Field 'expiresAt' on object 'apiKey' expects an ISO 8601 date-time, got 'tomorrow'");

        // generateApiKeyToken: the token works on every surface
        const HttpResponse generated = meta(u"mutation($id: UUID!){ generateApiKeyToken(apiKeyId: $id, expiresAt: "
                                            "\"2089-01-01T00:00:00.000Z\"){ token apiKey{ id name } } }"_s,
                                            {{"id", id}});
        GQL_OK(generated);
        const QString token = generated.value(u"data.generateApiKeyToken.token"_s).toString();
        QCOMPARE(jti(token), id);
        QCOMPARE(generated.value(u"data.generateApiKeyToken.apiKey.id"_s).toString(), id);
        HttpClient client = m_http.withToken(token);
        E2E_STATUS(client.get(u"/rest/people?limit=1"_s), 200);
        GQL_OK(core(client, u"{ people(first: 1){ totalCount } }"_s));
        GQL_OK(meta(client, u"{ apiKeys{ id } }"_s));

        // revokeApiKey: refused on the very next request, everywhere; the row stays
        const HttpResponse revoked = meta(
            u"mutation($in: RevokeApiKeyInput!){ revokeApiKey(input: $in){ id revokedAt } }"_s,
            {{"in", QJsonObject{{"id", id}}}});
        GQL_OK(revoked);
        QVERIFY(QDateTime::fromString(revoked.value(u"data.revokeApiKey.revokedAt"_s).toString(), Qt::ISODateWithMs)
                    .isValid());
        GQL_ERROR(core(client, u"{ people(first: 1){ totalCount } }"_s), "FORBIDDEN", "This API Key is revoked");
        GQL_ERROR(meta(client, u"{ apiKeys{ id } }"_s), "FORBIDDEN", "This API Key is revoked");
        E2E_ERROR(client.get(u"/rest/people?limit=1"_s), 403, "FORBIDDEN_EXCEPTION", "This API Key is revoked");
        const HttpResponse after = meta(u"{ apiKeys{ id } }"_s);
        GQL_OK(after);
        QVERIFY(!column(after.value(u"data.apiKeys"_s).toArray(), u"id"_s).contains(id));
        const HttpResponse stillThere = meta(u"query($in: GetApiKeyInput!){ apiKey(input: $in){ id revokedAt } }"_s,
                                             {{"in", QJsonObject{{"id", id}}}});
        QCOMPARE(stillThere.value(u"data.apiKey.revokedAt"_s).toString(),
                 revoked.value(u"data.revokeApiKey.revokedAt"_s).toString());

        // generateApiKeyToken on a revoked or unknown key (§5.1)
        const QString generate = u"mutation($id: UUID!){ generateApiKeyToken(apiKeyId: $id, expiresAt: "
                                 "\"2089-01-01T00:00:00.000Z\"){ token } }"_s;
        GQL_ERROR(meta(generate, {{"id", id}}), "FORBIDDEN", "This API Key is revoked");
        const HttpResponse missing = meta(generate, {{"id", newUuid()}});
        E2E_STATUS(missing, 200);
        QCOMPARE(missing.value(u"errors.0.extensions.code"_s).toString(), u"NOT_FOUND"_s);
        QCOMPARE(missing.value(u"errors.0.extensions.subCode"_s).toString(), u"API_KEY_NOT_FOUND"_s);
    }

    void createApiKeyNeedsAnAssignableRole()
    {
        // roleId is required by the input type: the validation error names it
        const HttpResponse noRole = meta(
            u"mutation{ createApiKey(input:{name: \"x\", expiresAt: \"%1\"}){ id } }"_s.arg(kFarFuture));
        E2E_STATUS(noRole, 200);
        QCOMPARE(noRole.value(u"errors.0.extensions.code"_s).toString(), u"GRAPHQL_VALIDATION_FAILED"_s);
        QVERIFY2(noRole.value(u"errors.0.message"_s).toString().contains(u"roleId"_s), qPrintable(noRole.describe()));
        // Member cannot be assigned to API keys (§6.1)
        GQL_ERROR(createKey(m_http, kMemberRoleId), "BAD_USER_INPUT", "Role 'Member' cannot be assigned to API keys");
        const QString notForKeys = createRole({{"label", u"Users only"_s}, {"canBeAssignedToApiKeys", false}});
        QVERIFY(!notForKeys.isEmpty());
        const HttpResponse refused = createKey(m_http, notForKeys);
        E2E_STATUS(refused, 200);
        QCOMPARE(refused.value(u"errors.0.extensions.code"_s).toString(), u"BAD_USER_INPUT"_s);
        const HttpResponse unknownRole = createKey(m_http, newUuid());
        E2E_STATUS(unknownRole, 200);
        QCOMPARE(unknownRole.value(u"errors.0.extensions.code"_s).toString(), u"NOT_FOUND"_s);
        // nothing was created by the refused calls
        const HttpResponse list = meta(u"{ apiKeys{ id role{ id } } }"_s);
        GQL_OK(list);
        QVERIFY(!column(list.value(u"data.apiKeys"_s).toArray(), u"role.id"_s).contains(notForKeys));
        QVERIFY(!column(list.value(u"data.apiKeys"_s).toArray(), u"role.id"_s).contains(kMemberRoleId));
    }

    void expiry()
    {
        const HttpResponse created = createKey(m_http, kAdminRoleId);
        const QString id = created.value(u"data.createApiKey.id"_s).toString();
        HttpClient client = m_http.withToken(tokenFor(id));
        GQL_OK(meta(client, u"{ apiKeys{ id } }"_s));
        // the row's expiresAt moved into the past: refused on the next request (§5.4 step 6)
        const QString past = QDateTime::currentDateTimeUtc().addSecs(-60).toString(Qt::ISODateWithMs);
        GQL_OK(meta(u"mutation($in: UpdateApiKeyInput!){ updateApiKey(input: $in){ id } }"_s,
                    {{"in", QJsonObject{{"id", id}, {"expiresAt", past}}}}));
        GQL_ERROR(meta(client, u"{ apiKeys{ id } }"_s), "FORBIDDEN", "This API Key is expired");
        GQL_ERROR(core(client, u"{ people(first: 1){ totalCount } }"_s), "FORBIDDEN", "This API Key is expired");
        E2E_ERROR(client.get(u"/rest/people?limit=1"_s), 403, "FORBIDDEN_EXCEPTION", "This API Key is expired");
        // and generateApiKeyToken refuses an expired key (§5.1)
        GQL_ERROR(meta(u"mutation($id: UUID!){ generateApiKeyToken(apiKeyId: $id, expiresAt: \"%1\"){ token } }"_s.arg(
                           kFarFuture),
                       {{"id", id}}),
                  "BAD_USER_INPUT", "This API Key has expired");
        // back in the future: accepted again
        GQL_OK(meta(u"mutation($in: UpdateApiKeyInput!){ updateApiKey(input: $in){ id } }"_s,
                    {{"in", QJsonObject{{"id", id}, {"expiresAt", kFarFuture}}}}));
        GQL_OK(meta(client, u"{ apiKeys{ id } }"_s));
        // a token whose own exp has passed: UNAUTHENTICATED (§5.4 step 4)
        HttpClient expired = m_http.withToken(tokenFor(id, past));
        GQL_ERROR(meta(expired, u"{ apiKeys{ id } }"_s), "UNAUTHENTICATED", "Token has expired.");
        GQL_ERROR(core(expired, u"{ people(first: 1){ totalCount } }"_s), "UNAUTHENTICATED", "Token has expired.");
    }

    void regenerate()
    {
        const QString roleId = createRole({{"canReadAllObjectRecords", true}});
        QString oldId;
        HttpClient oldClient = clientFor(roleId, &oldId);
        GQL_OK(core(oldClient, u"{ people(first: 1){ totalCount } }"_s));
        const HttpResponse before = meta(
            u"query($in: GetApiKeyInput!){ apiKey(input: $in){ name createdAt expiresAt } }"_s,
            {{"in", QJsonObject{{"id", oldId}}}});
        const QString query = u"mutation($in: RegenerateApiKeyInput!){ regenerateApiKey(input: $in){ token apiKey{ "
                              "%1 } } }"_s.arg(kKeyFields);
        const HttpResponse r = meta(query, {{"in", QJsonObject{{"id", oldId}}}});
        GQL_OK(r);
        const QJsonObject fresh = r.value(u"data.regenerateApiKey.apiKey"_s).toObject();
        const QString token = r.value(u"data.regenerateApiKey.token"_s).toString();
        QVERIFY(fresh.value(u"id"_s).toString() != oldId);
        QCOMPARE(jti(token), fresh.value(u"id"_s).toString());
        QCOMPARE(fresh.value(u"name"_s).toString(), before.value(u"data.apiKey.name"_s).toString());
        QCOMPARE(at(fresh, u"role.id"_s).toString(), roleId);
        // same lifetime, counted from now (§5.5)
        auto ms = [](const QJsonValue &v) {
            return QDateTime::fromString(v.toString(), Qt::ISODateWithMs).toMSecsSinceEpoch();
        };
        const qint64 lifetime = ms(before.value(u"data.apiKey.expiresAt"_s))
                                - ms(before.value(u"data.apiKey.createdAt"_s));
        QCOMPARE(ms(fresh.value(u"expiresAt"_s)) - ms(fresh.value(u"createdAt"_s)), lifetime);
        // the old token is refused on the very next request, the new one works with the same role
        GQL_ERROR(core(oldClient, u"{ people(first: 1){ totalCount } }"_s), "FORBIDDEN", "This API Key is revoked");
        HttpClient newClient = m_http.withToken(token);
        GQL_OK(core(newClient, u"{ people(first: 1){ totalCount } }"_s));
        GQL_DENIED(core(newClient, u"mutation{ createPerson(data:{city: \"x\"}){ id } }"_s));
        // regenerating a revoked or an unknown key
        GQL_ERROR(meta(query, {{"in", QJsonObject{{"id", oldId}}}}), "BAD_USER_INPUT", "This API Key is revoked");
        const HttpResponse unknown = meta(query, {{"in", QJsonObject{{"id", newUuid()}}}});
        E2E_STATUS(unknown, 200);
        QCOMPARE(unknown.value(u"errors.0.extensions.code"_s).toString(), u"NOT_FOUND"_s);
        QVERIFY(unknown.value(u"data"_s).isNull()); // regenerateApiKey is non-null
    }

    void assignRole()
    {
        QString keyId;
        HttpClient client = clientFor(kAdminRoleId, &keyId);
        GQL_OK(core(client, u"mutation{ createPerson(data:{city: \"assign\"}){ id } }"_s));
        const QString readOnly = createRole({{"canReadAllObjectRecords", true}});
        const QString assign = u"mutation($k: UUID!, $r: UUID!){ assignRoleToApiKey(apiKeyId: $k, roleId: $r) }"_s;
        const HttpResponse assigned = meta(assign, {{"k", keyId}, {"r", readOnly}});
        GQL_OK(assigned);
        QCOMPARE(assigned.value(u"data.assignRoleToApiKey"_s), QJsonValue(true));
        // the next request runs with the new role
        GQL_DENIED(core(client, u"mutation{ createPerson(data:{city: \"assign\"}){ id } }"_s));
        GQL_OK(core(client, u"{ people(first: 1){ totalCount } }"_s));
        const HttpResponse key = meta(u"query($in: GetApiKeyInput!){ apiKey(input: $in){ role{ id } } }"_s,
                                      {{"in", QJsonObject{{"id", keyId}}}});
        QCOMPARE(key.value(u"data.apiKey.role.id"_s).toString(), readOnly);
        // a role that cannot go to API keys; unknown key and role
        GQL_ERROR(meta(assign, {{"k", keyId}, {"r", kMemberRoleId}}), "BAD_USER_INPUT",
                  "Role 'Member' cannot be assigned to API keys");
        QCOMPARE(meta(assign, {{"k", newUuid()}, {"r", readOnly}}).value(u"errors.0.extensions.code"_s).toString(),
                 u"NOT_FOUND"_s);
        QCOMPARE(meta(assign, {{"k", keyId}, {"r", newUuid()}}).value(u"errors.0.extensions.code"_s).toString(),
                 u"NOT_FOUND"_s);
    }

    void roles()
    {
        const HttpResponse all = meta(u"{ getRoles{ %1 } }"_s.arg(kRoleFields));
        GQL_OK(all);
        QJsonObject admin, member;
        for (const QJsonValue &role : all.value(u"data.getRoles"_s).toArray()) {
            if (role[u"id"_s].toString() == kAdminRoleId)
                admin = role.toObject();
            if (role[u"id"_s].toString() == kMemberRoleId)
                member = role.toObject();
        }
        QCOMPARE(admin.value(u"label"_s).toString(), u"Admin"_s);
        QCOMPARE(admin.value(u"isEditable"_s).toBool(true), false);
        QCOMPARE(admin.value(u"canBeAssignedToApiKeys"_s).toBool(), true);
        QVERIFY(column(admin.value(u"apiKeys"_s).toArray(), u"id"_s).contains(jti(m_server->token())));
        QCOMPARE(member.value(u"label"_s).toString(), u"Member"_s);
        QCOMPARE(member.value(u"canBeAssignedToApiKeys"_s).toBool(true), false);
        // the seeded owner is an Admin (DECISIONS "Storage")
        QCOMPARE(column(admin.value(u"workspaceMembers"_s).toArray(), u"userEmail"_s),
                 QStringList{u"owner@localhost"_s});
        QCOMPARE(column(admin.value(u"workspaceMembers"_s).toArray(), u"name.firstName"_s), QStringList{u"Workspace"_s});
        // the same roles as REST, member for member
        const HttpResponse rest = m_http.get(u"/rest/metadata/roles"_s);
        E2E_STATUS(rest, 200);
        QCOMPARE(rest.value(u"data.roles"_s).toArray().size(), all.value(u"data.getRoles"_s).toArray().size());
        for (const QJsonValue &role : rest.value(u"data.roles"_s).toArray()) {
            QJsonObject expected = role.toObject();
            expected.remove(u"universalIdentifier"_s);
            if (role[u"id"_s].toString() == kMemberRoleId)
                QCOMPARE(member, expected);
            if (role[u"id"_s].toString() == kAdminRoleId)
                QCOMPARE(admin, expected);
        }

        // create → update → delete
        const QString label = u"Editors "_s + uniqueTag();
        const HttpResponse created = meta(
            u"mutation($in: CreateRoleInput!){ createOneRole(createRoleInput: $in){ %1 } }"_s.arg(kRoleFields),
            {{"in", QJsonObject{{"label", label},
                                {"description", u"can edit"_s},
                                {"icon", u"IconPencil"_s},
                                {"canReadAllObjectRecords", true},
                                {"canUpdateAllObjectRecords", true}}}});
        GQL_OK(created);
        const QString id = created.value(u"data.createOneRole.id"_s).toString();
        QCOMPARE(created.value(u"data.createOneRole.label"_s).toString(), label);
        QCOMPARE(created.value(u"data.createOneRole.isEditable"_s).toBool(), true);
        QCOMPARE(created.value(u"data.createOneRole.canUpdateAllObjectRecords"_s).toBool(), true);
        QCOMPARE(created.value(u"data.createOneRole.canDestroyAllObjectRecords"_s).toBool(true), false);
        GQL_ERROR(meta(u"mutation($in: CreateRoleInput!){ createOneRole(createRoleInput: $in){ id } }"_s,
                       {{"in", QJsonObject{{"label", label}}}}),
                  "BAD_USER_INPUT", "A role with this label already exists");
        GQL_ERROR(
            meta(u"mutation{ createOneRole(createRoleInput:{label: \"%1\", canUpdateAllObjectRecords: true}){ id } }"_s
                     .arg(uniqueTag())),
            "BAD_USER_INPUT", "Cannot give writing permission without reading permission");

        const QString update = u"mutation($in: UpdateRoleInput!){ updateOneRole(updateRoleInput: $in){ id label "
                               "canDestroyAllObjectRecords } }"_s;
        const HttpResponse updated = meta(
            update,
            {{"in",
              QJsonObject{{"id", id},
                          {"update", QJsonObject{{"label", label + u" 2"_s}, {"canDestroyAllObjectRecords", true}}}}}});
        GQL_OK(updated);
        QCOMPARE(updated.value(u"data.updateOneRole.label"_s).toString(), label + u" 2"_s);
        QCOMPARE(updated.value(u"data.updateOneRole.canDestroyAllObjectRecords"_s).toBool(), true);
        // Admin is not editable; the default role cannot be deleted; unknown roles are NOT_FOUND (§6.6)
        const HttpResponse adminEdit = meta(
            update, {{"in", QJsonObject{{"id", kAdminRoleId}, {"update", QJsonObject{{"label", u"Boss"_s}}}}}});
        E2E_STATUS(adminEdit, 200);
        QCOMPARE(adminEdit.value(u"errors.0.extensions.code"_s).toString(), u"FORBIDDEN"_s);
        const QString remove = u"mutation($id: UUID!){ deleteOneRole(roleId: $id) }"_s;
        const HttpResponse memberDelete = meta(remove, {{"id", kMemberRoleId}});
        QCOMPARE(memberDelete.value(u"errors.0.extensions.code"_s).toString(), u"FORBIDDEN"_s);
        const HttpResponse unknownDelete = meta(remove, {{"id", newUuid()}});
        QCOMPARE(unknownDelete.value(u"errors.0.extensions.code"_s).toString(), u"NOT_FOUND"_s);

        // deleting a role leaves its keys without one: refused at step 7 until a role is assigned (§5.5)
        QString keyId;
        HttpClient client = clientFor(id, &keyId);
        GQL_OK(core(client, u"{ people(first: 1){ totalCount } }"_s));
        const HttpResponse deleted = meta(remove, {{"id", id}});
        GQL_OK(deleted);
        QCOMPARE(deleted.value(u"data.deleteOneRole"_s).toString(), id);
        GQL_ERROR(core(client, u"{ people(first: 1){ totalCount } }"_s), "FORBIDDEN",
                  u"API key %1 has no role assigned"_s.arg(keyId));
        const HttpResponse key = meta(u"query($in: GetApiKeyInput!){ apiKey(input: $in){ id role{ id } } }"_s,
                                      {{"in", QJsonObject{{"id", keyId}}}});
        GQL_OK(key);
        QVERIFY(key.value(u"data.apiKey.role"_s).isNull());
        GQL_OK(meta(u"mutation($k: UUID!, $r: UUID!){ assignRoleToApiKey(apiKeyId: $k, roleId: $r) }"_s,
                    {{"k", keyId}, {"r", kAdminRoleId}}));
        GQL_OK(core(client, u"{ people(first: 1){ totalCount } }"_s));
    }

    void workspaceMemberRole()
    {
        // §6.4 updateWorkspaceMemberRole: a second member moves between roles; the last Admin cannot leave Admin.
        const HttpResponse created = m_http.post(
            u"/rest/workspaceMembers"_s,
            QJsonObject{{"name", QJsonObject{{"firstName", "Second"}, {"lastName", "Member"}}},
                        {"userEmail", u"second-%1@localhost"_s.arg(uniqueTag())}});
        E2E_STATUS(created, 201);
        const QString memberId = created.value(u"data.createWorkspaceMember.id"_s).toString();
        const QString mutation = u"mutation($m: UUID!, $r: UUID!){ updateWorkspaceMemberRole(workspaceMemberId: $m, "
                                 "roleId: $r){ id name{ firstName lastName } userEmail } }"_s;
        const HttpResponse toAdmin = meta(mutation, {{"m", memberId}, {"r", kAdminRoleId}});
        GQL_OK(toAdmin);
        QCOMPARE(toAdmin.value(u"data.updateWorkspaceMemberRole.id"_s).toString(), memberId);
        QCOMPARE(toAdmin.value(u"data.updateWorkspaceMemberRole.name.firstName"_s).toString(), u"Second"_s);
        auto membersOf = [this](const QString &roleId) {
            const HttpResponse roles = meta(u"{ getRoles{ id workspaceMembers{ id } } }"_s);
            for (const QJsonValue &role : roles.value(u"data.getRoles"_s).toArray()) {
                if (role[u"id"_s].toString() == roleId)
                    return column(role[u"workspaceMembers"_s].toArray(), u"id"_s);
            }
            return QStringList();
        };
        QVERIFY(membersOf(kAdminRoleId).contains(memberId));
        GQL_OK(meta(mutation, {{"m", memberId}, {"r", kMemberRoleId}}));
        QVERIFY(membersOf(kMemberRoleId).contains(memberId));
        const QStringList admins = membersOf(kAdminRoleId);
        QCOMPARE(admins.size(), 1);
        const HttpResponse lastAdmin = meta(mutation, {{"m", admins.first()}, {"r", kMemberRoleId}});
        E2E_STATUS(lastAdmin, 200);
        QCOMPARE(lastAdmin.value(u"errors.0.extensions.code"_s).toString(), u"FORBIDDEN"_s);
        QCOMPARE(membersOf(kAdminRoleId), admins);
        const HttpResponse unknown = meta(mutation, {{"m", newUuid()}, {"r", kMemberRoleId}});
        QCOMPARE(unknown.value(u"errors.0.extensions.code"_s).toString(), u"NOT_FOUND"_s);
        // the ROLES flag guards it
        HttpClient client = clientFor(createRole({{"canReadAllObjectRecords", true}}));
        GQL_DENIED(meta(client, mutation, {{"m", memberId}, {"r", kAdminRoleId}}));
    }

    void roleWideFlag()
    {
        const QString roleId = createRole({{"canReadAllObjectRecords", true}});
        HttpClient client = clientFor(roleId);
        GQL_OK(core(client, u"{ people(first: 1){ totalCount } }"_s));
        GQL_DENIED(core(client, u"mutation{ createPerson(data:{city: \"flag\"}){ id } }"_s));
        // the role-wide flag changes through updateOneRole; the next request obeys it
        GQL_OK(
            meta(u"mutation($in: UpdateRoleInput!){ updateOneRole(updateRoleInput: $in){ id } }"_s,
                 {{"in", QJsonObject{{"id", roleId}, {"update", QJsonObject{{"canUpdateAllObjectRecords", true}}}}}}));
        GQL_OK(core(client, u"mutation{ createPerson(data:{city: \"flag\"}){ id } }"_s));
        const QString personId = createPerson(u"flag"_s);
        GQL_DENIED(core(client, u"mutation($id: UUID!){ destroyPerson(id: $id){ id } }"_s, {{"id", personId}}));
    }

    void objectOverride()
    {
        const QString roleId = createRole({{"canReadAllObjectRecords", true}, {"canUpdateAllObjectRecords", true}});
        const HttpResponse upserted = upsertObjectPermissions(
            roleId, QJsonArray{QJsonObject{{"objectMetadataId", m_objectIds.value(u"company"_s)},
                                           {"canReadObjectRecords", false},
                                           {"canUpdateObjectRecords", false}},
                               QJsonObject{{"objectMetadataId", m_objectIds.value(u"opportunity"_s)},
                                           {"canUpdateObjectRecords", false}}});
        GQL_OK(upserted);
        const QJsonArray entries = upserted.value(u"data.upsertObjectPermissions"_s).toArray();
        QCOMPARE(entries.size(), 2);
        for (const QJsonValue &entry : entries) {
            QCOMPARE(entry[u"roleId"_s].toString(), roleId);
            if (entry[u"objectMetadataId"_s].toString() == m_objectIds.value(u"opportunity"_s)) {
                QVERIFY(entry[u"canReadObjectRecords"_s].isNull());
                QCOMPARE(entry[u"canUpdateObjectRecords"_s].toBool(true), false);
            }
        }
        HttpClient client = clientFor(roleId);
        GQL_DENIED(core(client, u"{ companies(first: 1){ totalCount } }"_s));
        GQL_OK(core(client, u"{ opportunities(first: 1){ totalCount } }"_s));
        GQL_DENIED(core(client, u"mutation{ createOpportunity(data:{name: \"x\"}){ id } }"_s));
        GQL_OK(core(client, u"mutation{ createPerson(data:{city: \"override\"}){ id } }"_s));
        // null resets to the role-wide value, the next request obeys it
        GQL_OK(upsertObjectPermissions(roleId,
                                       QJsonArray{QJsonObject{{"objectMetadataId", m_objectIds.value(u"opportunity"_s)},
                                                              {"canUpdateObjectRecords", QJsonValue()}}}));
        GQL_OK(core(client, u"mutation{ createOpportunity(data:{name: \"x\"}){ id } }"_s));
        // write without read, and system objects, are refused (§6.2)
        const HttpResponse writeOnly = upsertObjectPermissions(
            roleId, QJsonArray{QJsonObject{{"objectMetadataId", m_objectIds.value(u"company"_s)},
                                           {"canUpdateObjectRecords", true}}});
        E2E_STATUS(writeOnly, 200);
        QCOMPARE(writeOnly.value(u"errors.0.extensions.code"_s).toString(), u"BAD_USER_INPUT"_s);
        QCOMPARE(writeOnly.value(u"errors.0.extensions.subCode"_s).toString(), u"INVALID_ARG"_s);
    }

    void fieldRead()
    {
        const QString roleId = createRole({{"canReadAllObjectRecords", true}, {"canUpdateAllObjectRecords", true}});
        const HttpResponse upserted = upsertFieldPermissions(
            roleId, QJsonArray{QJsonObject{{"objectMetadataId", m_objectIds.value(u"person"_s)},
                                           {"fieldMetadataId", m_fieldIds.value(u"person.city"_s)},
                                           {"canReadFieldValue", false}}});
        GQL_OK(upserted);
        QCOMPARE(upserted.value(u"data.upsertFieldPermissions.0.canReadFieldValue"_s), QJsonValue(false));
        QVERIFY(upserted.value(u"data.upsertFieldPermissions.0.canUpdateFieldValue"_s).isNull());
        HttpClient client = clientFor(roleId);
        GQL_DENIED(core(client, u"{ people(first: 1){ edges{ node{ id city } } } }"_s));
        GQL_DENIED(core(client, u"{ people(filter:{city:{eq: \"x\"}}){ totalCount } }"_s));
        GQL_OK(core(client, u"{ people(first: 1){ edges{ node{ id jobTitle } } } }"_s));
        // REST leaves the field out
        const HttpResponse rest = client.get(u"/rest/people?limit=1"_s);
        E2E_STATUS(rest, 200);
        QVERIFY(!rest.value(u"data.people.0"_s).toObject().contains(u"city"_s));
        // true is not a restriction (§6.2)
        const HttpResponse widen = upsertFieldPermissions(
            roleId, QJsonArray{QJsonObject{{"objectMetadataId", m_objectIds.value(u"person"_s)},
                                           {"fieldMetadataId", m_fieldIds.value(u"person.city"_s)},
                                           {"canReadFieldValue", true}}});
        GQL_ERROR(widen, "BAD_USER_INPUT", "Field permission can only introduce a restriction");
        // reset: readable on the next request
        GQL_OK(upsertFieldPermissions(roleId,
                                      QJsonArray{QJsonObject{{"objectMetadataId", m_objectIds.value(u"person"_s)},
                                                             {"fieldMetadataId", m_fieldIds.value(u"person.city"_s)},
                                                             {"canReadFieldValue", QJsonValue()}}}));
        GQL_OK(core(client, u"{ people(first: 1){ edges{ node{ id city } } } }"_s));
    }

    void fieldUpdate()
    {
        const QString roleId = createRole({{"canReadAllObjectRecords", true}, {"canUpdateAllObjectRecords", true}});
        GQL_OK(upsertFieldPermissions(
            roleId, QJsonArray{QJsonObject{{"objectMetadataId", m_objectIds.value(u"person"_s)},
                                           {"fieldMetadataId", m_fieldIds.value(u"person.jobTitle"_s)},
                                           {"canUpdateFieldValue", false}}}));
        HttpClient client = clientFor(roleId);
        const QString personId = createPerson(u"update"_s);
        GQL_DENIED(core(client, u"mutation($id: UUID!){ updatePerson(id: $id, data:{jobTitle: \"boss\"}){ id } }"_s,
                        {{"id", personId}}));
        const HttpResponse allowed = core(
            client, u"mutation($id: UUID!){ updatePerson(id: $id, data:{city: \"ok\"}){ id city jobTitle } }"_s,
            {{"id", personId}});
        GQL_OK(allowed);
        QCOMPARE(allowed.value(u"data.updatePerson.city"_s).toString(), u"ok"_s);
    }

    void settingsFlags()
    {
        // a role with record rights but no settings flag: API keys and roles are out of reach
        const QString roleId = createRole({{"canReadAllObjectRecords", true}});
        HttpClient client = clientFor(roleId);
        GQL_DENIED(meta(client, u"{ apiKeys{ id } }"_s));
        GQL_DENIED(meta(client, u"{ getRoles{ id } }"_s));
        GQL_DENIED(meta(client, u"mutation($id: UUID!){ regenerateApiKey(input:{id: $id}){ token } }"_s,
                        {{"id", jti(m_server->token())}}));
        GQL_DENIED(meta(client, u"mutation{ createOneRole(createRoleInput:{label: \"nope\"}){ id } }"_s));
        // API_KEYS_AND_WEBHOOKS opens the keys, ROLES the roles, each on the next request
        const HttpResponse flags = upsertFlags(roleId, {u"API_KEYS_AND_WEBHOOKS"_s});
        GQL_OK(flags);
        QCOMPARE(column(flags.value(u"data.upsertPermissionFlags"_s).toArray(), u"flag"_s),
                 QStringList{u"API_KEYS_AND_WEBHOOKS"_s});
        GQL_OK(meta(client, u"{ apiKeys{ id } }"_s));
        GQL_DENIED(meta(client, u"{ getRoles{ id } }"_s));
        GQL_OK(upsertFlags(roleId, {u"API_KEYS_AND_WEBHOOKS"_s, u"ROLES"_s}));
        GQL_OK(meta(client, u"{ getRoles{ id } }"_s));
        // the flag set is replaced (§6.5)
        const HttpResponse replaced = upsertFlags(roleId, {u"ROLES"_s});
        QCOMPARE(column(replaced.value(u"data.upsertPermissionFlags"_s).toArray(), u"flag"_s), QStringList{u"ROLES"_s});
        GQL_DENIED(meta(client, u"{ apiKeys{ id } }"_s));
        // an unknown flag fails validation (an enum)
        const HttpResponse unknown = upsertFlags(roleId, {u"NOT_A_FLAG"_s});
        E2E_STATUS(unknown, 200);
        QVERIFY2(unknown.value(u"errors.0"_s).isObject(), qPrintable(unknown.describe()));
        // DATA_MODEL guards object mutations (§6.3)
        GQL_DENIED(meta(client, u"mutation{ createOneObject(input:{object:{nameSingular: \"gadget\", namePlural: "
                                "\"gadgets\", labelSingular: \"Gadget\", labelPlural: \"Gadgets\"}}){ id } }"_s));
    }

    void noPrivilegeEscalation()
    {
        // A key that manages keys and roles but may only read records.
        const QString roleId = createRole({{"canReadAllObjectRecords", true}});
        GQL_OK(upsertFlags(roleId, {u"API_KEYS_AND_WEBHOOKS"_s, u"ROLES"_s}));
        QString keyId;
        HttpClient client = clientFor(roleId, &keyId);
        // no key with a more powerful role, no such role for itself or for its key
        GQL_DENIED(createKey(client, kAdminRoleId));
        GQL_DENIED(meta(client, u"mutation($k: UUID!, $r: UUID!){ assignRoleToApiKey(apiKeyId: $k, roleId: $r) }"_s,
                        {{"k", keyId}, {"r", kAdminRoleId}}));
        GQL_DENIED(
            meta(client, u"mutation($in: UpdateRoleInput!){ updateOneRole(updateRoleInput: $in){ id } }"_s,
                 {{"in", QJsonObject{{"id", roleId}, {"update", QJsonObject{{"canUpdateAllObjectRecords", true}}}}}}));
        GQL_DENIED(meta(client,
                        u"mutation($in: UpsertPermissionFlagsInput!){ upsertPermissionFlags("
                        "upsertPermissionFlagsInput: $in){ id } }"_s,
                        {{"in", QJsonObject{{"roleId", roleId},
                                            {"permissionFlagKeys",
                                             QJsonArray{u"API_KEYS_AND_WEBHOOKS"_s, u"ROLES"_s, u"DATA_MODEL"_s}}}}}));
        GQL_DENIED(meta(client, u"mutation{ createOneRole(createRoleInput:{label: \"%1\", canReadAllObjectRecords: "
                                "true, canDestroyAllObjectRecords: true}){ id } }"_s.arg(uniqueTag())));
        GQL_DENIED(meta(
            client,
            u"mutation($id: UUID!){ generateApiKeyToken(apiKeyId: $id, expiresAt: \"%1\"){ token } }"_s.arg(kFarFuture),
            {{"id", jti(m_server->token())}}));
        GQL_DENIED(meta(client, u"mutation($id: UUID!){ regenerateApiKey(input:{id: $id}){ token } }"_s,
                        {{"id", jti(m_server->token())}}));
        // nothing changed
        const HttpResponse role = m_http.get(u"/rest/metadata/roles/"_s + roleId);
        QCOMPARE(role.value(u"data.role.canUpdateAllObjectRecords"_s).toBool(true), false);
        QCOMPARE(role.value(u"data.role.permissionFlags"_s).toArray().size(), 2);
        GQL_OK(core(m_http, u"{ people(first: 1){ totalCount } }"_s)); // the Admin key was not regenerated
        // a key with its own role, or a weaker one, is fine
        const HttpResponse own = createKey(client, roleId);
        GQL_OK(own);
        const QString weaker = createRole({{"canReadAllObjectRecords", true}});
        GQL_OK(createKey(client, weaker));
    }

    void tokenAttacks_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing") << u"missing"_s << u"UNAUTHENTICATED"_s << u"Missing authentication token"_s;
        QTest::newRow("garbage") << u"garbage"_s << u"UNAUTHENTICATED"_s << u"No payload"_s;
        QTest::newRow("truncated signature") << u"truncated"_s << u"UNAUTHENTICATED"_s << u"Token invalid."_s;
        QTest::newRow("alg none") << u"none"_s << u"UNAUTHENTICATED"_s << u"Token invalid."_s;
        QTest::newRow("payload changed") << u"tampered"_s << u"UNAUTHENTICATED"_s << u"Token invalid."_s;
        QTest::newRow("another workspace claimed") << u"workspace"_s << u"UNAUTHENTICATED"_s << u"Token invalid."_s;
    }
    void tokenAttacks()
    {
        QFETCH(QString, kind);
        QFETCH(QString, code);
        QFETCH(QString, message);
        const QList<QByteArray> parts = m_server->token().toLatin1().split('.');
        auto encode = [](const QJsonObject &o) {
            return QJsonDocument(o)
                .toJson(QJsonDocument::Compact)
                .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        };
        QJsonObject payload
            = QJsonDocument::fromJson(QByteArray::fromBase64(parts.value(1), QByteArray::Base64UrlEncoding)).object();
        QByteArray token;
        if (kind == "garbage"_L1)
            token = "garbage";
        else if (kind == "truncated"_L1)
            token = m_server->token().toLatin1().chopped(4);
        else if (kind == "none"_L1)
            token = encode({{"alg", "none"}, {"typ", "JWT"}}) + '.' + parts.value(1) + '.';
        else if (kind == "tampered"_L1) {
            payload.insert(u"jti"_s, newUuid());
            token = parts.value(0) + '.' + encode(payload) + '.' + parts.value(2);
        } else if (kind == "workspace"_L1) {
            payload.insert(u"workspaceId"_s, newUuid());
            payload.insert(u"sub"_s, payload.value(u"workspaceId"_s));
            token = parts.value(0) + '.' + encode(payload) + '.' + parts.value(2);
        }
        HttpClient client = token.isEmpty() ? m_http.withoutToken() : m_http.withToken(QString::fromLatin1(token));
        const HttpResponse r = meta(client, u"{ apiKeys{ id } }"_s);
        GQL_ERROR(r, code, message);
        QVERIFY(r.value(u"data"_s).isNull());
        QVERIFY(!r.hasHeader("x-ratelimit-limit")); // not an API-key response
    }

    void rateLimitHeadersOnMetadata()
    {
        // /metadata takes no token but reports the buckets (§7); the e2e server's limits are lifted to 1000000
        const HttpResponse r = meta(u"{ getRoles{ id } }"_s);
        GQL_OK(r);
        QCOMPARE(r.header("x-ratelimit-limit"), QByteArray("1000000"));
        QVERIFY(r.header("x-ratelimit-remaining").toLongLong() > 0);
        QVERIFY(r.hasHeader("x-ratelimit-reset"));
        const HttpResponse failed = meta(u"{ getRoles{ nope } }"_s);
        E2E_STATUS(failed, 200);
        QCOMPARE(failed.header("x-ratelimit-limit"), QByteArray("1000000"));
    }

    void configuredBatchCapInGraphql()
    {
        // §8 caps are configurable (api.batchMaxRecords) and checked before anything is written, in GraphQL too.
        ServerProcess::Options options;
        options.settings << u"api.batchMaxRecords=3"_s;
        ServerProcess server(options);
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        HttpClient http(server.baseUrl(), server.token());
        const QString tag = uniqueTag();
        QJsonArray four;
        for (int i = 0; i < 4; ++i)
            four.append(QJsonObject{{"city", tag}});
        GQL_ERROR(core(http, u"mutation($d: [PersonCreateInput!]!){ createPeople(data: $d){ id } }"_s, {{"d", four}}),
                  "BAD_USER_INPUT", "Maximum number of records to upsert is 3.");
        const QJsonArray three = QJsonArray{four[0], four[1], four[2]};
        GQL_OK(core(http, u"mutation($d: [PersonCreateInput!]!){ createPeople(data: $d){ id } }"_s, {{"d", three}}));
        GQL_OK(core(http, u"mutation($d: [PersonCreateInput!]!){ createPeople(data: $d){ id } }"_s,
                    {{"d", QJsonArray{four[0]}}}));
        const QJsonObject filter{{"f", QJsonObject{{"city", QJsonObject{{"eq", tag}}}}}};
        GQL_ERROR(core(http,
                       u"mutation($f: PersonFilterInput!){ updatePeople(filter: $f, data:{jobTitle: \"x\"}){ id } }"_s,
                       filter),
                  "BAD_USER_INPUT", "Cannot update more than 3 records at once");
        GQL_ERROR(core(http, u"mutation($f: PersonFilterInput!){ deletePeople(filter: $f){ id } }"_s, filter),
                  "BAD_USER_INPUT", "Cannot delete more than 3 records at once");
        GQL_ERROR(core(http, u"mutation($f: PersonFilterInput!){ destroyPeople(filter: $f){ id } }"_s, filter),
                  "BAD_USER_INPUT", "Cannot destroy more than 3 records at once");
        // nothing was written by the refused calls
        const HttpResponse count = core(
            http, u"query($f: PersonFilterInput){ people(filter: $f){ totalCount edges{ node{ jobTitle } } } }"_s,
            filter);
        GQL_OK(count);
        QCOMPARE(count.value(u"data.people.totalCount"_s).toInt(), 4);
        QVERIFY(!column(count.value(u"data.people.edges"_s).toArray(), u"node.jobTitle"_s).contains(u"x"_s));
        QCOMPARE(server.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestGraphqlAccess)
#include "tst_graphql_access.moc"
