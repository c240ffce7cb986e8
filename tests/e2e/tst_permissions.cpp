// End-to-end: roles and permissions (API-CONTRACT §6, 13.14): the roles REST extension and its envelopes, each
// permission kind — role-wide flag, per-object override, field read, field update, settings flag — with the exact
// 403 body, unreadable fields absent from records and refused in `fields`, `filter` and `order_by`, depth-1
// records obeying their own object's permissions, the validation and errors of §6.6, changes taking effect on the
// next request, and no privilege escalation through role edits. Restricted roles and their keys are made over REST
// with the Admin key.

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
const QString kRoles = u"/rest/metadata/roles"_s;
const QString kDenied = u"Entity performing the request does not have permission"_s;

QJsonObject jwtPayload(const QString &token)
{
    const QByteArray payload = token.toLatin1().split('.').value(1);
    return QJsonDocument::fromJson(QByteArray::fromBase64(payload, QByteArray::Base64UrlEncoding)).object();
}

} // namespace

/// The exact permission error of §6.6.
#define E2E_DENIED(response)                                                                                           \
    do {                                                                                                               \
        const auto &deniedResponse_ = (response);                                                                      \
        E2E_ERROR(deniedResponse_, 403, "ForbiddenException", kDenied);                                                \
        QCOMPARE(deniedResponse_.object(), (QJsonObject{{"statusCode", 403},                                           \
                                                        {"error", "ForbiddenException"},                               \
                                                        {"messages", QJsonArray{kDenied}},                             \
                                                        {"code", "FORBIDDEN"}}));                                      \
    } while (false)

class TestPermissions : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> m_server;
    HttpClient m_http;
    QHash<QString, QString> m_objectIds; ///< nameSingular → id
    QHash<QString, QString> m_fieldIds;  ///< "object.field" → id
    QString m_tag;
    QString m_companyId;
    QString m_personId;

    /// Metadata ids, read through the Metadata REST API (§3.1).
    bool loadMetadataIds(QString *error)
    {
        const HttpResponse objects = m_http.get(u"/rest/metadata/objects"_s);
        for (const QJsonValue &object : objects.value(u"data.objects"_s).toArray()) {
            const QString name = object[u"nameSingular"_s].toString();
            m_objectIds.insert(name, object[u"id"_s].toString());
            for (const QJsonValue &field : object[u"fields"_s].toArray())
                m_fieldIds.insert(name + u'.' + field[u"name"_s].toString(), field[u"id"_s].toString());
        }
        if (m_objectIds.isEmpty())
            *error = u"no metadata: "_s + objects.describe();
        return !m_objectIds.isEmpty();
    }

    /// POST /rest/metadata/roles with a fresh label; the role id.
    QString createRole(QJsonObject input)
    {
        input.insert(u"label"_s, input.value(u"label"_s).toString(u"Role"_s) + u' ' + uniqueTag());
        const HttpResponse created = m_http.post(kRoles, input);
        if (created.status != 201) {
            qWarning("%s", qPrintable(created.describe()));
            return {};
        }
        return created.value(u"data.createOneRole.id"_s).toString();
    }
    HttpResponse putObjectPermissions(const QString &roleId, const QJsonArray &entries)
    {
        return m_http.put(u"%1/%2/objectPermissions"_s.arg(kRoles, roleId), QJsonObject{{"objectPermissions", entries}});
    }
    HttpResponse putFieldPermissions(const QString &roleId, const QJsonArray &entries)
    {
        return m_http.put(u"%1/%2/fieldPermissions"_s.arg(kRoles, roleId), QJsonObject{{"fieldPermissions", entries}});
    }
    /// A client whose key has this role, made over REST with the Admin key (create, then regenerate for a token).
    HttpClient clientFor(const QString &roleId)
    {
        const HttpResponse created = m_http.post(u"/rest/metadata/apiKeys"_s,
                                                 QJsonObject{{"name", u"perm-"_s + uniqueTag()},
                                                             {"expiresAt", u"2099-01-01T00:00:00.000Z"_s},
                                                             {"roleId", roleId}});
        const HttpResponse regenerated = m_http.send(
            "POST", u"/rest/metadata/apiKeys/%1/regenerate"_s.arg(created.value(u"id"_s).toString()));
        if (regenerated.status != 201) {
            qWarning("%s / %s", qPrintable(created.describe()), qPrintable(regenerated.describe()));
        }
        return m_http.withToken(regenerated.value(u"data.regenerateApiKey.token"_s).toString());
    }

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void rolesEnvelopes();
    void roleWideFlags();
    void readOnlyRoleRefusesEveryWrite();
    void objectOverride();
    void fieldRead();
    void fieldUpdate();
    void settingsFlags();
    void adminIsNotEditable();
    void defaultRoleCannotBeDeleted();
    void roleValidation_data();
    void roleValidation();
    void permissionValidation_data();
    void permissionValidation();
    void rolePathAndBody();
    void noEscalationThroughRoles();
};

void TestPermissions::initTestCase()
{
    if (ServerProcess::databaseUrl()) {
        QSKIP("metadata ids are read from the workspace file until the Metadata REST API is served");
    }
    ServerProcess::Options options;
    options.keyName = u"e2e-permissions"_s;
    m_server = std::make_unique<ServerProcess>(options);
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    m_http = HttpClient(m_server->baseUrl(), m_server->token());
    QString error;
    QVERIFY2(loadMetadataIds(&error), qPrintable(error));

    m_tag = uniqueTag();
    const HttpResponse company = m_http.post(u"/rest/companies"_s, QJsonObject{{"name", m_tag + u" Corp"_s}});
    E2E_STATUS(company, 201);
    m_companyId = company.value(u"data.createCompany.id"_s).toString();
    const HttpResponse person = m_http.post(
        u"/rest/people"_s, QJsonObject{{"city", m_tag}, {"jobTitle", u"Engineer"_s}, {"companyId", m_companyId}});
    E2E_STATUS(person, 201);
    m_personId = person.value(u"data.createPerson.id"_s).toString();
}

void TestPermissions::cleanupTestCase()
{
    if (m_server) {
        QCOMPARE(m_server->stop(), 0);
    }
}

void TestPermissions::rolesEnvelopes()
{
    const HttpResponse list = m_http.get(kRoles);
    E2E_STATUS(list, 200);
    const QJsonArray roles = list.value(u"data.roles"_s).toArray();
    QStringList labels = column(roles, u"label"_s);
    QVERIFY2(labels.contains(u"Admin"_s) && labels.contains(u"Member"_s), qPrintable(list.describe()));
    QJsonObject admin;
    for (const QJsonValue &role : roles) {
        if (role.toObject().value(u"id"_s).toString() == kAdminRoleId) {
            admin = role.toObject();
        }
    }
    // §6.1 Admin
    QCOMPARE(admin.value(u"isEditable"_s).toBool(true), false);
    for (const char *flag :
         {"canUpdateAllSettings", "canAccessAllTools", "canReadAllObjectRecords", "canUpdateAllObjectRecords",
          "canSoftDeleteAllObjectRecords", "canDestroyAllObjectRecords", "canBeAssignedToApiKeys"}) {
        QVERIFY2(admin.value(QLatin1StringView(flag)).toBool(), flag);
    }
    QCOMPARE(admin.value(u"canBeAssignedToAgents"_s).toBool(true), false);
    QCOMPARE(admin.value(u"icon"_s).toString(), u"IconUserCog"_s);
    for (const char *member :
         {"permissionFlags", "objectPermissions", "fieldPermissions", "workspaceMembers", "apiKeys", "agents"}) {
        QVERIFY2(admin.value(QLatin1StringView(member)).isArray(), member);
    }
    // the owner is Admin; the CLI key of this test holds Admin
    QCOMPARE(column(admin.value(u"workspaceMembers"_s).toArray(), u"userEmail"_s), QStringList{u"owner@localhost"_s});
    const QString ownKey = jwtPayload(m_server->token()).value(u"jti"_s).toString();
    QVERIFY(column(admin.value(u"apiKeys"_s).toArray(), u"id"_s).contains(ownKey));
    QCOMPARE(keysOf(admin.value(u"apiKeys"_s).toArray().first().toObject()),
             (QStringList{u"expiresAt"_s, u"id"_s, u"name"_s, u"revokedAt"_s}));

    const HttpResponse member = m_http.get(kRoles + u'/' + kMemberRoleId);
    E2E_STATUS(member, 200);
    QCOMPARE(member.value(u"data.role.label"_s).toString(), u"Member"_s);
    QCOMPARE(member.value(u"data.role.canUpdateAllSettings"_s).toBool(true), false);
    QCOMPARE(member.value(u"data.role.canAccessAllTools"_s).toBool(), true);
    QCOMPARE(member.value(u"data.role.canBeAssignedToApiKeys"_s).toBool(true), false);
    E2E_STATUS(m_http.get(kRoles + u'/' + newUuid()), 404);
    E2E_BAD_REQUEST(m_http.get(kRoles + u"/nope"_s), u"'nope' is not a valid UUID"_s);

    // create → update → delete
    const QString label = u"Envelope "_s + uniqueTag();
    const HttpResponse created = m_http.post(
        kRoles,
        QJsonObject{{"label", label}, {"description", "d"}, {"icon", "IconEye"}, {"canReadAllObjectRecords", true}});
    E2E_STATUS(created, 201);
    const QJsonObject role = created.value(u"data.createOneRole"_s).toObject();
    QCOMPARE(role.value(u"label"_s).toString(), label);
    QCOMPARE(role.value(u"isEditable"_s).toBool(), true);
    QCOMPARE(role.value(u"canReadAllObjectRecords"_s).toBool(), true);
    QCOMPARE(role.value(u"canUpdateAllObjectRecords"_s).toBool(true), false);
    QCOMPARE(role.value(u"canBeAssignedToApiKeys"_s).toBool(), true);
    const QString id = role.value(u"id"_s).toString();
    const HttpResponse updated = m_http.patch(kRoles + u'/' + id,
                                              QJsonObject{{"description", "new"}, {"canUpdateAllObjectRecords", true}});
    E2E_STATUS(updated, 200);
    QCOMPARE(updated.value(u"data.updateOneRole.description"_s).toString(), u"new"_s);
    QCOMPARE(updated.value(u"data.updateOneRole.canUpdateAllObjectRecords"_s).toBool(), true);
    QCOMPARE(updated.value(u"data.updateOneRole.label"_s).toString(), label);
    const HttpResponse flags = m_http.put(u"%1/%2/permissionFlags"_s.arg(kRoles, id),
                                          QJsonObject{{"permissionFlagKeys", QJsonArray{u"ROLES"_s, u"EXPORT_CSV"_s}}});
    E2E_STATUS(flags, 200);
    QCOMPARE(column(flags.value(u"data.upsertPermissionFlags"_s).toArray(), u"flag"_s),
             (QStringList{u"EXPORT_CSV"_s, u"ROLES"_s}));
    const HttpResponse replaced = m_http.put(u"%1/%2/permissionFlags"_s.arg(kRoles, id),
                                             QJsonObject{{"permissionFlagKeys", QJsonArray{u"ROLES"_s}}});
    QCOMPARE(column(replaced.value(u"data.upsertPermissionFlags"_s).toArray(), u"flag"_s), QStringList{u"ROLES"_s});
    const HttpResponse deleted = m_http.del(kRoles + u'/' + id);
    E2E_STATUS(deleted, 200);
    QCOMPARE(deleted.object(), (QJsonObject{{"data", QJsonObject{{"deleteOneRole", id}}}}));
    E2E_STATUS(m_http.get(kRoles + u'/' + id), 404);
}

void TestPermissions::roleWideFlags()
{
    // Everything but destroy.
    const QString roleId = createRole(QJsonObject{{"canReadAllObjectRecords", true},
                                                  {"canUpdateAllObjectRecords", true},
                                                  {"canSoftDeleteAllObjectRecords", true}});
    QVERIFY(!roleId.isEmpty());
    HttpClient client = clientFor(roleId);
    E2E_STATUS(client.get(u"/rest/people/"_s + m_personId), 200);
    const HttpResponse created = client.post(u"/rest/people"_s, QJsonObject{{"city", m_tag + u"-wide"_s}});
    E2E_STATUS(created, 201);
    const QString id = created.value(u"data.createPerson.id"_s).toString();
    E2E_STATUS(client.patch(u"/rest/people/"_s + id, QJsonObject{{"jobTitle", "x"}}), 200);
    E2E_STATUS(client.del(u"/rest/people/%1?soft_delete=true"_s.arg(id)), 200);
    E2E_STATUS(client.send("PATCH", u"/rest/people/%1/restore"_s.arg(id)), 200);
    E2E_DENIED(client.del(u"/rest/people/"_s + id));
    E2E_DENIED(client.del(u"/rest/people?"_s + query({{u"filter"_s, u"id[eq]:"_s + id}})));
    E2E_STATUS(m_http.get(u"/rest/people/"_s + id), 200); // not destroyed
    // the flag applies to every object
    E2E_DENIED(client.del(u"/rest/companies/"_s + m_companyId));
}

void TestPermissions::readOnlyRoleRefusesEveryWrite()
{
    const QString roleId = createRole(QJsonObject{{"canReadAllObjectRecords", true}});
    HttpClient client = clientFor(roleId);
    E2E_STATUS(client.get(u"/rest/people?limit=1"_s), 200);
    E2E_STATUS(client.get(u"/rest/people/%1?depth=1"_s.arg(m_personId)), 200);
    const QString tag = uniqueTag();
    E2E_DENIED(client.post(u"/rest/people"_s, QJsonObject{{"city", tag}}));
    E2E_DENIED(client.post(u"/rest/batch/people"_s, QJsonArray{QJsonObject{{"city", tag}}}));
    E2E_DENIED(client.post(u"/rest/people?upsert=true"_s, QJsonObject{{"city", tag}}));
    E2E_DENIED(client.patch(u"/rest/people/"_s + m_personId, QJsonObject{{"city", tag}}));
    E2E_DENIED(client.patch(u"/rest/people?"_s + query({{u"filter"_s, u"id[eq]:"_s + m_personId}}),
                            QJsonObject{{"city", tag}}));
    E2E_DENIED(client.del(u"/rest/people/%1?soft_delete=true"_s.arg(m_personId)));
    E2E_DENIED(client.send("PATCH", u"/rest/people/%1/restore"_s.arg(m_personId)));
    E2E_DENIED(client.send("PATCH", u"/rest/restore/people?"_s + query({{u"filter"_s, u"id[eq]:"_s + m_personId}})));
    // nothing changed
    const HttpResponse person = m_http.get(u"/rest/people/"_s + m_personId);
    QCOMPARE(person.value(u"data.person.city"_s).toString(), m_tag);
    QCOMPARE(
        m_http.get(u"/rest/people?"_s + query({{u"filter"_s, u"city[eq]:"_s + tag}})).value(u"totalCount"_s).toInt(-1),
        0);
    // a role without read: even GET is refused
    const QString blind = createRole(QJsonObject{{"canAccessAllTools", true}});
    E2E_DENIED(clientFor(blind).get(u"/rest/people"_s));
}

void TestPermissions::objectOverride()
{
    const QString roleId = createRole(QJsonObject{{"canReadAllObjectRecords", true},
                                                  {"canUpdateAllObjectRecords", true},
                                                  {"canSoftDeleteAllObjectRecords", true},
                                                  {"canDestroyAllObjectRecords", true}});
    const HttpResponse upserted = putObjectPermissions(
        roleId, QJsonArray{QJsonObject{{"objectMetadataId", m_objectIds.value(u"company"_s)},
                                       {"canReadObjectRecords", false},
                                       {"canUpdateObjectRecords", false},
                                       {"canSoftDeleteObjectRecords", false},
                                       {"canDestroyObjectRecords", false}},
                           QJsonObject{{"objectMetadataId", m_objectIds.value(u"opportunity"_s)},
                                       {"canUpdateObjectRecords", false}}});
    E2E_STATUS(upserted, 200);
    const QJsonArray entries = upserted.value(u"data.upsertObjectPermissions"_s).toArray();
    QCOMPARE(entries.size(), 2);
    for (const QJsonValue &entry : entries) {
        QCOMPARE(entry.toObject().value(u"roleId"_s).toString(), roleId);
        if (entry.toObject().value(u"objectMetadataId"_s).toString() == m_objectIds.value(u"opportunity"_s)) {
            QVERIFY(entry.toObject().value(u"canReadObjectRecords"_s).isNull()); // inherits
            QCOMPARE(entry.toObject().value(u"canUpdateObjectRecords"_s).toBool(true), false);
        }
    }
    HttpClient client = clientFor(roleId);
    // company: nothing
    E2E_DENIED(client.get(u"/rest/companies"_s));
    E2E_DENIED(client.get(u"/rest/companies/"_s + m_companyId));
    E2E_DENIED(client.post(u"/rest/companies"_s, QJsonObject{{"name", "x"}}));
    // opportunity: read, not update
    E2E_STATUS(client.get(u"/rest/opportunities"_s), 200);
    E2E_DENIED(client.post(u"/rest/opportunities"_s, QJsonObject{{"name", "x"}}));
    // people are untouched; their company (unreadable) is left out at depth 1, the join column stays
    const HttpResponse person = client.get(u"/rest/people/%1?depth=1"_s.arg(m_personId));
    E2E_STATUS(person, 200);
    QCOMPARE(person.value(u"data.person.companyId"_s).toString(), m_companyId);
    QVERIFY2(!person.value(u"data.person"_s).toObject().contains(u"company"_s), qPrintable(person.describe()));
    QVERIFY(m_http.get(u"/rest/people/%1?depth=1"_s.arg(m_personId)).value(u"data.person.company"_s).isObject());

    // an override upsert leaves the others unchanged; null resets to the role-wide value
    E2E_STATUS(
        putObjectPermissions(roleId, QJsonArray{QJsonObject{{"objectMetadataId", m_objectIds.value(u"opportunity"_s)},
                                                            {"canUpdateObjectRecords", QJsonValue()}}}),
        200);
    E2E_STATUS(client.post(u"/rest/opportunities"_s, QJsonObject{{"name", "x"}}), 201); // next request
    E2E_DENIED(client.get(u"/rest/companies"_s));
}

void TestPermissions::fieldRead()
{
    const QString roleId = createRole(
        QJsonObject{{"canReadAllObjectRecords", true}, {"canUpdateAllObjectRecords", true}});
    const HttpResponse upserted = putFieldPermissions(
        roleId, QJsonArray{QJsonObject{{"objectMetadataId", m_objectIds.value(u"person"_s)},
                                       {"fieldMetadataId", m_fieldIds.value(u"person.city"_s)},
                                       {"canReadFieldValue", false}}});
    E2E_STATUS(upserted, 200);
    const QJsonArray entries = upserted.value(u"data.upsertFieldPermissions"_s).toArray();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().toObject().value(u"canReadFieldValue"_s).toBool(true), false);
    QVERIFY(entries.first().toObject().value(u"canUpdateFieldValue"_s).isNull());
    HttpClient client = clientFor(roleId);

    // absent from records, never null (§6.2)
    const HttpResponse one = client.get(u"/rest/people/"_s + m_personId);
    E2E_STATUS(one, 200);
    const QJsonObject person = one.value(u"data.person"_s).toObject();
    QVERIFY2(!person.contains(u"city"_s), qPrintable(one.describe()));
    QCOMPARE(person.value(u"jobTitle"_s).toString(), u"Engineer"_s);
    QVERIFY(person.contains(u"name"_s));
    const HttpResponse list = client.get(u"/rest/people?limit=60"_s);
    E2E_STATUS(list, 200);
    for (const QJsonValue &record : list.value(u"data.people"_s).toArray()) {
        QVERIFY(!record.toObject().contains(u"city"_s));
    }
    const HttpResponse omit = client.get(u"/rest/people/%1?omit_null_values=true"_s.arg(m_personId));
    QVERIFY(!omit.value(u"data.person"_s).toObject().contains(u"city"_s));
    // depth 1 from the other side: the nested people lack it too
    const HttpResponse company = client.get(u"/rest/companies/%1?depth=1"_s.arg(m_companyId));
    E2E_STATUS(company, 200);
    const QJsonArray people = company.value(u"data.company.people"_s).toArray();
    QCOMPARE(people.size(), 1);
    QVERIFY(!people.first().toObject().contains(u"city"_s));
    QCOMPARE(people.first().toObject().value(u"jobTitle"_s).toString(), u"Engineer"_s);

    // naming it is refused
    E2E_DENIED(client.get(u"/rest/people/%1?fields=id,city"_s.arg(m_personId)));
    E2E_DENIED(client.get(u"/rest/people?"_s + query({{u"filter"_s, u"city[eq]:"_s + m_tag}})));
    E2E_DENIED(client.get(u"/rest/people?"_s + query({{u"filter"_s, u"or(jobTitle[eq]:x,not(city[is]:NULL))"_s}})));
    E2E_DENIED(client.get(u"/rest/people?order_by=city"_s));
    E2E_DENIED(client.get(u"/rest/people?order_by=jobTitle,city[DescNullsLast]"_s));
    E2E_DENIED(client.patch(u"/rest/people?"_s + query({{u"filter"_s, u"city[eq]:"_s + m_tag}}),
                            QJsonObject{{"jobTitle", "y"}}));
    // other fields work
    E2E_STATUS(client.get(u"/rest/people/%1?fields=id,jobTitle"_s.arg(m_personId)), 200);
    E2E_STATUS(client.get(u"/rest/people?order_by=jobTitle&"_s + query({{u"filter"_s, u"jobTitle[eq]:Engineer"_s}})),
               200);
    // an unreadable field cannot be written either
    E2E_DENIED(client.patch(u"/rest/people/"_s + m_personId, QJsonObject{{"city", "elsewhere"}}));
    QCOMPARE(m_http.get(u"/rest/people/"_s + m_personId).value(u"data.person.city"_s).toString(), m_tag);
    // the Admin key still sees it
    QCOMPARE(m_http.get(u"/rest/people/"_s + m_personId).value(u"data.person.city"_s).toString(), m_tag);

    // reset: readable again on the next request
    E2E_STATUS(
        putFieldPermissions(roleId, QJsonArray{QJsonObject{{"objectMetadataId", m_objectIds.value(u"person"_s)},
                                                           {"fieldMetadataId", m_fieldIds.value(u"person.city"_s)},
                                                           {"canReadFieldValue", QJsonValue()}}}),
        200);
    QCOMPARE(client.get(u"/rest/people/"_s + m_personId).value(u"data.person.city"_s).toString(), m_tag);
    QCOMPARE(m_http.get(u"%1/%2"_s.arg(kRoles, roleId)).value(u"data.role.fieldPermissions"_s).toArray().size(), 0);
}

void TestPermissions::fieldUpdate()
{
    const QString roleId = createRole(
        QJsonObject{{"canReadAllObjectRecords", true}, {"canUpdateAllObjectRecords", true}});
    E2E_STATUS(
        putFieldPermissions(roleId, QJsonArray{QJsonObject{{"objectMetadataId", m_objectIds.value(u"person"_s)},
                                                           {"fieldMetadataId", m_fieldIds.value(u"person.jobTitle"_s)},
                                                           {"canUpdateFieldValue", false}}}),
        200);
    HttpClient client = clientFor(roleId);
    const HttpResponse one = client.get(u"/rest/people/"_s + m_personId);
    QCOMPARE(one.value(u"data.person.jobTitle"_s).toString(), u"Engineer"_s); // still readable
    E2E_DENIED(client.patch(u"/rest/people/"_s + m_personId, QJsonObject{{"jobTitle", "Boss"}}));
    E2E_DENIED(client.post(u"/rest/people"_s, QJsonObject{{"jobTitle", "Boss"}}));
    E2E_DENIED(client.post(u"/rest/batch/people"_s,
                           QJsonArray{QJsonObject{{"city", uniqueTag()}}, QJsonObject{{"jobTitle", "Boss"}}}));
    QCOMPARE(m_http.get(u"/rest/people/"_s + m_personId).value(u"data.person.jobTitle"_s).toString(), u"Engineer"_s);
    // other fields can be written
    const QString city = uniqueTag();
    const HttpResponse updated = client.patch(u"/rest/people/"_s + m_personId, QJsonObject{{"city", m_tag}});
    E2E_STATUS(updated, 200);
    QCOMPARE(updated.value(u"data.updatePerson.jobTitle"_s).toString(), u"Engineer"_s);
    const HttpResponse created = client.post(u"/rest/people"_s, QJsonObject{{"city", city}});
    E2E_STATUS(created, 201);
    // the non-updatable field took its default
    QCOMPARE(created.value(u"data.createPerson.jobTitle"_s).toString(), QString());
}

void TestPermissions::settingsFlags()
{
    // A role with every record permission but no settings flag.
    const QString roleId = createRole(QJsonObject{{"canReadAllObjectRecords", true},
                                                  {"canUpdateAllObjectRecords", true},
                                                  {"canSoftDeleteAllObjectRecords", true},
                                                  {"canDestroyAllObjectRecords", true},
                                                  {"canAccessAllTools", true}});
    HttpClient client = clientFor(roleId);
    E2E_STATUS(client.get(u"/rest/people?limit=1"_s), 200);
    E2E_DENIED(client.get(kRoles));
    E2E_DENIED(client.get(kRoles + u'/' + roleId));
    E2E_DENIED(client.post(kRoles, QJsonObject{{"label", uniqueTag()}}));
    E2E_DENIED(client.get(u"/rest/metadata/apiKeys"_s));

    // ROLES alone: roles yes, API keys no (next request after the change)
    E2E_STATUS(m_http.put(u"%1/%2/permissionFlags"_s.arg(kRoles, roleId),
                          QJsonObject{{"permissionFlagKeys", QJsonArray{u"ROLES"_s}}}),
               200);
    E2E_STATUS(client.get(kRoles), 200);
    E2E_DENIED(client.get(u"/rest/metadata/apiKeys"_s));

    // canUpdateAllSettings grants every settings flag
    E2E_STATUS(
        m_http.put(u"%1/%2/permissionFlags"_s.arg(kRoles, roleId), QJsonObject{{"permissionFlagKeys", QJsonArray{}}}),
        200);
    E2E_DENIED(client.get(kRoles));
    E2E_STATUS(m_http.patch(kRoles + u'/' + roleId, QJsonObject{{"canUpdateAllSettings", true}}), 200);
    E2E_STATUS(client.get(kRoles), 200);
    E2E_STATUS(client.get(u"/rest/metadata/apiKeys"_s), 200);
}

void TestPermissions::adminIsNotEditable()
{
    const QJsonObject denied{{"statusCode", 403},
                             {"error", "ForbiddenException"},
                             {"messages", QJsonArray{u"Role is not editable"_s}},
                             {"code", "FORBIDDEN"}};
    QCOMPARE(m_http.patch(kRoles + u'/' + kAdminRoleId, QJsonObject{{"label", "Boss"}}).object(), denied);
    QCOMPARE(m_http.del(kRoles + u'/' + kAdminRoleId).object(), denied);
    QCOMPARE(m_http
                 .put(u"%1/%2/permissionFlags"_s.arg(kRoles, kAdminRoleId),
                      QJsonObject{{"permissionFlagKeys", QJsonArray{}}})
                 .object(),
             denied);
    QCOMPARE(
        putObjectPermissions(kAdminRoleId, QJsonArray{QJsonObject{{"objectMetadataId", m_objectIds.value(u"person"_s)},
                                                                  {"canReadObjectRecords", false}}})
            .object(),
        denied);
    QCOMPARE(m_http.get(kRoles + u'/' + kAdminRoleId).value(u"data.role.label"_s).toString(), u"Admin"_s);
}

void TestPermissions::defaultRoleCannotBeDeleted()
{
    E2E_ERROR(m_http.del(kRoles + u'/' + kMemberRoleId), 403, "ForbiddenException", "Default role cannot be deleted");
    E2E_STATUS(m_http.get(kRoles + u'/' + kMemberRoleId), 200);
}

void TestPermissions::roleValidation_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("message");
    QTest::newRow("label required") << QJsonObject{{"description", "x"}}
                                    << u"Field 'label' on object 'role' is required"_s;
    QTest::newRow("empty label") << QJsonObject{{"label", " "}}
                                 << u"Field 'label' on object 'role' must not be empty"_s;
    QTest::newRow("duplicate label") << QJsonObject{{"label", "Admin"}} << u"A role with this label already exists"_s;
    QTest::newRow("write without read") << QJsonObject{{"label", uniqueTag()}, {"canUpdateAllObjectRecords", true}}
                                        << u"Cannot give writing permission without reading permission"_s;
    QTest::newRow("destroy without read") << QJsonObject{{"label", uniqueTag()}, {"canDestroyAllObjectRecords", true}}
                                          << u"Cannot give writing permission without reading permission"_s;
    QTest::newRow("unknown field") << QJsonObject{{"label", uniqueTag()}, {"isEditable", false}}
                                   << u"Field 'isEditable' not found on object 'role'"_s;
    QTest::newRow("not a boolean") << QJsonObject{{"label", uniqueTag()}, {"canReadAllObjectRecords", "yes"}}
                                   << u"Field 'canReadAllObjectRecords' on object 'role' expects a boolean"_s;
    QTest::newRow("assignable to nothing") << QJsonObject{{"label", uniqueTag()},
                                                          {"canBeAssignedToUsers", false},
                                                          {"canBeAssignedToAgents", false},
                                                          {"canBeAssignedToApiKeys", false}}
                                           << u"Role must be assignable to at least one target type"_s;
}

void TestPermissions::roleValidation()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, message);
    const int before = int(m_http.get(kRoles).value(u"data.roles"_s).toArray().size());
    E2E_BAD_REQUEST(m_http.post(kRoles, body), message);
    QCOMPARE(int(m_http.get(kRoles).value(u"data.roles"_s).toArray().size()), before);
}

void TestPermissions::permissionValidation_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QJsonObject>("entry");
    QTest::addColumn<QString>("message");
    // filled in permissionValidation(): ids are known only at run time
    QTest::newRow("object: system object")
        << u"object"_s << QJsonObject{{"object", "workspaceMember"}, {"canReadObjectRecords", false}}
        << u"Cannot add object permission on system object"_s;
    QTest::newRow("object: write without read")
        << u"object"_s << QJsonObject{{"object", "person"}, {"canReadObjectRecords", false}}
        << u"Cannot give update permission to non-readable object"_s;
    QTest::newRow("object: unknown object") << u"object"_s << QJsonObject{{"object", "unknown"}}
                                            << u"Object metadata '00000000-0000-4000-8000-000000000000' not found"_s;
    QTest::newRow("object: unknown member") << u"object"_s << QJsonObject{{"object", "person"}, {"canRead", true}}
                                            << u"Field 'canRead' not found on object 'objectPermission'"_s;
    QTest::newRow("field: only restrictions")
        << u"field"_s << QJsonObject{{"object", "person"}, {"field", "city"}, {"canReadFieldValue", true}}
        << u"Field permission can only introduce a restriction"_s;
    QTest::newRow("field: system object")
        << u"field"_s
        << QJsonObject{{"object", "workspaceMember"}, {"field", "userEmail"}, {"canReadFieldValue", false}}
        << u"Cannot add field permission on system object"_s;
    QTest::newRow("field: field of another object")
        << u"field"_s << QJsonObject{{"object", "person"}, {"field", "company.employees"}, {"canReadFieldValue", false}}
        << u"not found on object 'person'"_s;
    QTest::newRow("field: id") << u"field"_s
                               << QJsonObject{{"object", "person"}, {"field", "id"}, {"canReadFieldValue", false}}
                               << u"The 'id' field cannot be restricted"_s;
    QTest::newRow("field: unreadable object")
        << u"field-on-unreadable"_s
        << QJsonObject{{"object", "company"}, {"field", "name"}, {"canReadFieldValue", false}}
        << u"Field restriction only makes sense on readable object"_s;
    QTest::newRow("field: update restriction on a read-only object")
        << u"field-on-readonly"_s
        << QJsonObject{{"object", "person"}, {"field", "city"}, {"canUpdateFieldValue", false}}
        << u"Field restriction on update only makes sense on updatable object"_s;
}

void TestPermissions::permissionValidation()
{
    QFETCH(QString, kind);
    QFETCH(QJsonObject, entry);
    QFETCH(QString, message);
    QJsonObject body = entry;
    const QString object = body.take(u"object"_s).toString();
    body.insert(u"objectMetadataId"_s, m_objectIds.value(object, u"00000000-0000-4000-8000-000000000000"_s));
    if (body.contains(u"field"_s)) {
        const QString field = body.take(u"field"_s).toString();
        body.insert(u"fieldMetadataId"_s, m_fieldIds.value(field.contains(u'.') ? field : object + u'.' + field));
    }
    QJsonObject role{{"canReadAllObjectRecords", true}, {"canUpdateAllObjectRecords", true}};
    if (kind == u"field-on-readonly"_s) {
        role = QJsonObject{{"canReadAllObjectRecords", true}};
    }
    const QString roleId = createRole(role);
    if (kind == u"field-on-unreadable"_s) {
        E2E_STATUS(
            putObjectPermissions(roleId, QJsonArray{QJsonObject{{"objectMetadataId", m_objectIds.value(u"company"_s)},
                                                                {"canReadObjectRecords", false},
                                                                {"canUpdateObjectRecords", false}}}),
            200);
    }
    const HttpResponse response = kind == u"object"_s ? putObjectPermissions(roleId, QJsonArray{body})
                                                      : putFieldPermissions(roleId, QJsonArray{body});
    E2E_ERROR_CONTAINS(response, 400, message);
    const HttpResponse stored = m_http.get(kRoles + u'/' + roleId);
    QCOMPARE(stored.value(u"data.role.fieldPermissions"_s).toArray().size(), 0);
}

void TestPermissions::rolePathAndBody()
{
    const QString roleId = createRole(QJsonObject{{"canReadAllObjectRecords", true}});
    // §6.5: the id comes from the path; a different one in the body is refused, the same one accepted
    E2E_ERROR_CONTAINS(m_http.put(u"%1/%2/permissionFlags"_s.arg(kRoles, roleId),
                                  QJsonObject{{"roleId", kMemberRoleId}, {"permissionFlagKeys", QJsonArray{}}}),
                       400, u"'roleId'"_s);
    E2E_STATUS(m_http.put(u"%1/%2/permissionFlags"_s.arg(kRoles, roleId),
                          QJsonObject{{"roleId", roleId}, {"permissionFlagKeys", QJsonArray{u"VIEWS"_s}}}),
               200);
    E2E_ERROR_CONTAINS(m_http.patch(kRoles + u'/' + roleId, QJsonObject{{"id", newUuid()}, {"label", "x"}}), 400,
                       u"'id'"_s);
    E2E_ERROR_CONTAINS(m_http.put(u"%1/%2/permissionFlags"_s.arg(kRoles, roleId),
                                  QJsonObject{{"permissionFlagKeys", QJsonArray{u"FLY"_s}}}),
                       400, u"Unknown permission flag 'FLY'"_s);
    E2E_ERROR_CONTAINS(m_http.put(u"%1/%2/objectPermissions"_s.arg(kRoles, roleId), QJsonObject{}), 400,
                       u"'objectPermissions'"_s);
    E2E_STATUS(m_http.put(u"%1/%2/objectPermissions"_s.arg(kRoles, newUuid()),
                          QJsonObject{{"objectPermissions", QJsonArray{}}}),
               404);
    const HttpResponse wrongMethod = m_http.post(u"%1/%2/objectPermissions"_s.arg(kRoles, roleId), QJsonObject{});
    E2E_STATUS(wrongMethod, 405);
    QCOMPARE(wrongMethod.header("allow"), QByteArray("PUT"));
    E2E_BAD_REQUEST(m_http.get(kRoles + u"?limit=5"_s), u"Unknown query parameter 'limit'"_s);
    // a duplicate label on update
    E2E_BAD_REQUEST(m_http.patch(kRoles + u'/' + roleId, QJsonObject{{"label", "Member"}}),
                    u"A role with this label already exists"_s);
}

void TestPermissions::noEscalationThroughRoles()
{
    // A role manager: ROLES, read everything.
    const QString managerRole = createRole(QJsonObject{{"canReadAllObjectRecords", true}});
    E2E_STATUS(m_http.put(u"%1/%2/permissionFlags"_s.arg(kRoles, managerRole),
                          QJsonObject{{"permissionFlagKeys", QJsonArray{u"ROLES"_s}}}),
               200);
    HttpClient manager = clientFor(managerRole);
    E2E_STATUS(manager.get(kRoles), 200);
    // its own role cannot grow
    E2E_DENIED(manager.patch(kRoles + u'/' + managerRole, QJsonObject{{"canUpdateAllObjectRecords", true}}));
    E2E_DENIED(manager.put(u"%1/%2/permissionFlags"_s.arg(kRoles, managerRole),
                           QJsonObject{{"permissionFlagKeys", QJsonArray{u"ROLES"_s, u"API_KEYS_AND_WEBHOOKS"_s}}}));
    // no new role above it
    E2E_DENIED(manager.post(kRoles, QJsonObject{{"label", uniqueTag()}, {"canUpdateAllSettings", true}}));
    // a role below it is fine, and can be narrowed further
    const HttpResponse created = manager.post(kRoles,
                                              QJsonObject{{"label", uniqueTag()}, {"canReadAllObjectRecords", true}});
    E2E_STATUS(created, 201);
    const QString lower = created.value(u"data.createOneRole.id"_s).toString();
    const QJsonArray narrower{
        QJsonObject{{"objectMetadataId", m_objectIds.value(u"company"_s)}, {"canReadObjectRecords", false}}};
    E2E_STATUS(
        manager.put(u"%1/%2/objectPermissions"_s.arg(kRoles, lower), QJsonObject{{"objectPermissions", narrower}}), 200);
    // a more powerful role cannot be changed or deleted by it; a weaker one can be deleted
    E2E_DENIED(manager.patch(kRoles + u'/' + kMemberRoleId, QJsonObject{{"description", "hacked"}}));
    const QString stronger = createRole(
        QJsonObject{{"canReadAllObjectRecords", true}, {"canUpdateAllObjectRecords", true}});
    E2E_DENIED(manager.del(kRoles + u'/' + stronger));
    E2E_STATUS(m_http.get(kRoles + u'/' + stronger), 200);
    E2E_STATUS(manager.del(kRoles + u'/' + lower), 200);
}

QTEST_GUILESS_MAIN(TestPermissions)
#include "tst_permissions.moc"
