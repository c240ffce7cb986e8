// End-to-end: the Metadata GraphQL read side on POST /metadata (API-CONTRACT §3.2, 3.3): objects, object, fields,
// field, CursorPaging (default 10, max 1000), ObjectFilter / FieldFilter, nested `fields`, the fixed read-only fields;
// the object and field mutations and their effect on the /graphql schema (§3.2-3.4).

#include "support/e2e.h"
#include "support/httpclient.h"
#include "support/rawhttp.h"
#include "support/serverprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

using namespace vingt::test;
using namespace Qt::StringLiterals;

#define META_OK(response)                                                                                              \
    do {                                                                                                               \
        const auto &metaResponse_ = (response);                                                                        \
        E2E_STATUS(metaResponse_, 200);                                                                                \
        QVERIFY2(!metaResponse_.object().contains(u"errors"_s), qPrintable(metaResponse_.describe()));                 \
    } while (false)

class TestGraphqlMetadata : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> m_server;
    HttpClient m_http;

    HttpResponse meta(const QString &query, const QJsonObject &variables = {})
    {
        return m_http.post(u"/metadata"_s, QJsonObject{{"query", query}, {"variables", variables}});
    }
    static QStringList nodeValues(const HttpResponse &response, const QString &connection, const QString &key)
    {
        QStringList out;
        for (const QJsonValue &edge : response.value(connection + u".edges"_s).toArray())
            out << at(edge.toObject(), u"node."_s + key).toVariant().toString();
        return out;
    }
    /// The id of a standard object by its singular name.
    QString objectId(const QString &singular)
    {
        const HttpResponse r = meta(u"{ objects(paging:{first:1000}){ edges{ node{ id nameSingular } } } }"_s);
        for (const QJsonValue &edge : r.value(u"data.objects.edges"_s).toArray()) {
            if (at(edge.toObject(), u"node.nameSingular"_s).toString() == singular)
                return at(edge.toObject(), u"node.id"_s).toString();
        }
        return {};
    }

    /// A GraphQL request on /graphql.
    HttpResponse core(const QString &query, const QJsonObject &variables = {})
    {
        return m_http.post(u"/graphql"_s, QJsonObject{{"query", query}, {"variables", variables}});
    }
    static QJsonObject objectInput(const QString &name)
    {
        return {{u"nameSingular"_s, name},        {u"namePlural"_s, name + u"s"_s}, {u"labelSingular"_s, u"Gadget"_s},
                {u"labelPlural"_s, u"Gadgets"_s}, {u"color"_s, u"red"_s},           {u"skipNameField"_s, false}};
    }
    static QString typeName(const QString &name) { return name.left(1).toUpper() + name.mid(1); }
    HttpResponse createObject(const QJsonObject &object, HttpClient *client = nullptr)
    {
        const QString query = u"mutation($input:CreateOneObjectInput!){ createOneObject(input:$input){ id "
                              "nameSingular namePlural isCustom isActive } }"_s;
        const QJsonObject body{{"query", query}, {"variables", QJsonObject{{"input", QJsonObject{{"object", object}}}}}};
        return (client ? *client : m_http).post(u"/metadata"_s, body);
    }
    HttpResponse createField(const QJsonObject &field)
    {
        return meta(u"mutation($input:CreateOneFieldMetadataInput!){ createOneField(input:$input){ id name type "
                    "objectMetadataId isCustom } }"_s,
                    {{"input", QJsonObject{{"field", field}}}});
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<ServerProcess>();
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
        m_http = HttpClient(m_server->baseUrl(), m_server->token());
    }
    void cleanupTestCase() { QCOMPARE(m_server->stop(), 0); }

    void objectsDefaultPageAndCursors()
    {
        const HttpResponse all = meta(u"{ objects(paging:{first:1000}){ totalCount edges{ cursor node{ id } } } }"_s);
        META_OK(all);
        const int total = all.value(u"data.objects.totalCount"_s).toInt();
        QVERIFY2(total >= 9, qPrintable(all.describe()));
        const QStringList ids = nodeValues(all, u"data.objects"_s, u"id"_s);
        QCOMPARE(ids.size(), total);
        // Cursors are the ids (Vingt's choice, as in metadata REST).
        QCOMPARE(all.value(u"data.objects.edges.0.cursor"_s).toString(), ids.first());

        // Default page: 10.
        const HttpResponse page = meta(u"{ objects{ edges{ node{ id } } pageInfo{ hasNextPage } } }"_s);
        META_OK(page);
        QCOMPARE(nodeValues(page, u"data.objects"_s, u"id"_s), ids.mid(0, 10));
        QCOMPARE(page.value(u"data.objects.pageInfo.hasNextPage"_s).toBool(), total > 10);

        // Forward with first/after, backward with last/before: the same ids.
        QStringList forward;
        QString after;
        for (int guard = 0; guard < 20; ++guard) {
            QJsonObject paging{{"first", 4}};
            if (!after.isEmpty())
                paging.insert(u"after"_s, after);
            const HttpResponse r = meta(u"query($p:CursorPaging!){ objects(paging:$p){ edges{ node{ id } } "
                                        "pageInfo{ hasNextPage endCursor } } }"_s,
                                        {{"p", paging}});
            META_OK(r);
            forward << nodeValues(r, u"data.objects"_s, u"id"_s);
            if (!r.value(u"data.objects.pageInfo.hasNextPage"_s).toBool())
                break;
            after = r.value(u"data.objects.pageInfo.endCursor"_s).toString();
        }
        QCOMPARE(forward, ids);
        QStringList backward;
        QString before;
        for (int guard = 0; guard < 20; ++guard) {
            QJsonObject paging{{"last", 4}};
            if (!before.isEmpty())
                paging.insert(u"before"_s, before);
            const HttpResponse r = meta(u"query($p:CursorPaging){ objects(paging:$p){ edges{ node{ id } } "
                                        "pageInfo{ hasPreviousPage startCursor } } }"_s,
                                        {{"p", paging}});
            META_OK(r);
            backward = nodeValues(r, u"data.objects"_s, u"id"_s) + backward;
            if (!r.value(u"data.objects.pageInfo.hasPreviousPage"_s).toBool())
                break;
            before = r.value(u"data.objects.pageInfo.startCursor"_s).toString();
        }
        QCOMPARE(backward, ids);

        // Above 1000: clamped, with the header.
        const HttpResponse clamped = meta(u"{ objects(paging:{first:5000}){ totalCount } }"_s);
        META_OK(clamped);
        QCOMPARE(clamped.header("x-vingt-limit-clamped"), QByteArray("1000"));
        const HttpResponse conflict = meta(u"{ objects(paging:{first:1, last:1}){ totalCount } }"_s);
        QCOMPARE(conflict.value(u"errors.0.extensions.code"_s).toString(), u"BAD_USER_INPUT"_s);
    }

    void objectFilters()
    {
        const HttpResponse standard = meta(
            u"query($f:ObjectFilter!){ objects(filter:$f, paging:{first:1000}){ totalCount "
            "edges{ node{ isCustom } } } }"_s,
            {{"f", QJsonObject{{"isCustom", QJsonObject{{"is", false}}}}}});
        META_OK(standard);
        QVERIFY(standard.value(u"data.objects.totalCount"_s).toInt() >= 9);
        QVERIFY(!nodeValues(standard, u"data.objects"_s, u"isCustom"_s).contains(u"true"_s));
        const HttpResponse custom = meta(u"{ objects(filter:{isCustom:{is:true}}){ totalCount } }"_s);
        QCOMPARE(custom.value(u"data.objects.totalCount"_s).toInt(-1), 0);

        const QString person = objectId(u"person"_s);
        const QString company = objectId(u"company"_s);
        QVERIFY(!person.isEmpty() && !company.isEmpty());
        const HttpResponse byIds = meta(
            u"query($ids:[UUID!]){ objects(filter:{id:{in:$ids}}){ edges{ node{ nameSingular } } } }"_s,
            {{"ids", QJsonArray{person, company}}});
        QStringList names = nodeValues(byIds, u"data.objects"_s, u"nameSingular"_s);
        names.sort();
        QCOMPARE(names, (QStringList{u"company"_s, u"person"_s}));
        const HttpResponse either = meta(
            u"query($a:UUID,$b:UUID){ objects(filter:{or:[{id:{eq:$a}},{id:{eq:$b}}], isActive:{is:true}}){ totalCount } }"_s,
            {{"a", person}, {"b", company}});
        QCOMPARE(either.value(u"data.objects.totalCount"_s).toInt(), 2);
        const HttpResponse notPerson = meta(u"query($a:UUID){ objects(filter:{id:{neq:$a}}, paging:{first:1000}){ "
                                            "edges{ node{ nameSingular } } } }"_s,
                                            {{"a", person}});
        QVERIFY(!nodeValues(notPerson, u"data.objects"_s, u"nameSingular"_s).contains(u"person"_s));
    }

    void objectAndNestedFields()
    {
        const QString person = objectId(u"person"_s);
        const HttpResponse r = meta(
            u"query($id:UUID!){ object(id:$id){ id universalIdentifier applicationId nameSingular namePlural "
            "labelSingular isCustom isActive isSystem isRemote isUIEditable isUICreatable isUIReadOnly isSearchable "
            "openRecordIn readability writability readabilityParentFieldUniversalIdentifiers duplicateCriteria "
            "labelIdentifierFieldMetadataId createdAt updatedAt "
            "fields{ totalCount edges{ node{ name } } pageInfo{ hasNextPage } } "
            "all: fields(paging:{first:1000}){ edges{ node{ id name type isNullable objectMetadataId } } } } }"_s,
            {{"id", person}});
        META_OK(r);
        const QJsonObject object = r.value(u"data.object"_s).toObject();
        QCOMPARE(object.value(u"nameSingular"_s).toString(), u"person"_s);
        QCOMPARE(object.value(u"namePlural"_s).toString(), u"people"_s);
        QCOMPARE(object.value(u"universalIdentifier"_s).toString(), person);
        QVERIFY(!object.value(u"applicationId"_s).toString().isEmpty());
        QCOMPARE(object.value(u"openRecordIn"_s).toString(), u"SIDE_PANEL"_s);
        QCOMPARE(object.value(u"readability"_s).toString(), u"OPEN"_s);
        QCOMPARE(object.value(u"writability"_s).toString(), u"OPEN"_s);
        QCOMPARE(object.value(u"isUIEditable"_s).toBool(), !object.value(u"isSystem"_s).toBool());
        QVERIFY(object.value(u"readabilityParentFieldUniversalIdentifiers"_s).isNull());
        QVERIFY(object.value(u"duplicateCriteria"_s).isArray());
        // Nested connection: default page 10.
        const int total = at(object, u"fields.totalCount"_s).toInt();
        QVERIFY(total > 10);
        QCOMPARE(at(object, u"fields.edges"_s).toArray().size(), 10);
        QCOMPARE(at(object, u"fields.pageInfo.hasNextPage"_s).toBool(), true);
        const QJsonArray all = at(object, u"all.edges"_s).toArray();
        QCOMPARE(all.size(), total);
        QStringList names;
        QString companyFieldId;
        for (const QJsonValue &edge : all) {
            const QJsonObject field = edge.toObject().value(u"node"_s).toObject();
            QCOMPARE(field.value(u"objectMetadataId"_s).toString(), person);
            names << field.value(u"name"_s).toString();
            if (field.value(u"name"_s).toString() == "company"_L1) {
                companyFieldId = field.value(u"id"_s).toString();
                QCOMPARE(field.value(u"type"_s).toString(), u"RELATION"_s);
            }
        }
        for (const char *name : {"id", "name", "emails", "city", "company", "createdAt"})
            QVERIFY2(names.contains(QString::fromLatin1(name)), name);

        // `field` with its relation, and the `fields` query filtered by object.
        const HttpResponse field = meta(
            u"query($id:UUID!){ field(id:$id){ name label isUIEditable isAuditLogged morphId "
            "universalIdentifier relation{ type sourceObjectMetadata{ nameSingular } "
            "targetObjectMetadata{ nameSingular } sourceFieldMetadata{ name } "
            "targetFieldMetadata{ name } } } }"_s,
            {{"id", companyFieldId}});
        META_OK(field);
        QCOMPARE(field.value(u"data.field.relation.type"_s).toString(), u"MANY_TO_ONE"_s);
        QCOMPARE(field.value(u"data.field.relation.sourceObjectMetadata.nameSingular"_s).toString(), u"person"_s);
        QCOMPARE(field.value(u"data.field.relation.targetObjectMetadata.nameSingular"_s).toString(), u"company"_s);
        QCOMPARE(field.value(u"data.field.relation.sourceFieldMetadata.name"_s).toString(), u"company"_s);
        QCOMPARE(field.value(u"data.field.relation.targetFieldMetadata.name"_s).toString(), u"people"_s);
        QCOMPARE(field.value(u"data.field.universalIdentifier"_s).toString(), companyFieldId);
        QCOMPARE(field.value(u"data.field.isAuditLogged"_s).toBool(), true);

        const HttpResponse byObject = meta(u"query($f:FieldFilter!){ fields(filter:$f, paging:{first:1000}){ "
                                           "totalCount } }"_s,
                                           {{"f", QJsonObject{{"objectMetadataId", QJsonObject{{"eq", person}}}}}});
        META_OK(byObject);
        QCOMPARE(byObject.value(u"data.fields.totalCount"_s).toInt(), total);
        const HttpResponse defaultPage = meta(u"{ fields{ totalCount edges{ node{ id } } } }"_s);
        QCOMPARE(defaultPage.value(u"data.fields.edges"_s).toArray().size(), 10);
    }

    void errors()
    {
        const HttpResponse unknown = meta(u"query($id:UUID!){ object(id:$id){ id } }"_s, {{"id", newUuid()}});
        E2E_STATUS(unknown, 200);
        QCOMPARE(unknown.value(u"errors.0.extensions.code"_s).toString(), u"NOT_FOUND"_s);
        QCOMPARE(unknown.value(u"errors.0.message"_s).toString(), u"Object metadata not found"_s);
        const HttpResponse unknownField = meta(u"query($id:UUID!){ field(id:$id){ id } }"_s, {{"id", newUuid()}});
        QCOMPARE(unknownField.value(u"errors.0.message"_s).toString(), u"Field metadata not found"_s);
        const HttpResponse invalid = meta(u"{ objects{ nope } }"_s);
        E2E_STATUS(invalid, 200);
        QCOMPARE(invalid.value(u"errors.0.extensions.code"_s).toString(), u"GRAPHQL_VALIDATION_FAILED"_s);
        const HttpResponse missing = m_http.withoutToken().post(u"/metadata"_s,
                                                                QJsonObject{{"query", "{ objects{ totalCount } }"}});
        E2E_STATUS(missing, 200);
        QCOMPARE(missing.value(u"errors.0.extensions.code"_s).toString(), u"UNAUTHENTICATED"_s);
        QVERIFY(missing.value(u"data"_s).isNull());
        E2E_BAD_REQUEST(m_http.post(u"/metadata"_s, QJsonArray{}), "Batched GraphQL requests are not supported");
        E2E_STATUS(m_http.get(u"/metadata"_s), 405);
        // The core schema is not on /metadata and vice versa.
        QCOMPARE(meta(u"{ people{ totalCount } }"_s).value(u"errors.0.extensions.code"_s).toString(),
                 u"GRAPHQL_VALIDATION_FAILED"_s);
    }
    /// §3.2: create an object and fields through /metadata, then use them through /graphql; rename, deactivate, delete.
    void objectAndFieldMutations()
    {
        const QString name = uniqueTag();
        const HttpResponse created = createObject(objectInput(name));
        META_OK(created);
        QCOMPARE(created.value(u"data.createOneObject.nameSingular"_s).toString(), name);
        QCOMPARE(created.value(u"data.createOneObject.isCustom"_s).toBool(), true);
        const QString objectId = created.value(u"data.createOneObject.id"_s).toString();
        QCOMPARE(objectId, this->objectId(name));

        // The next /graphql request sees the new object: its type and its root fields.
        const HttpResponse type = core(u"query($n:String!){ __type(name:$n){ name kind } }"_s, {{"n", typeName(name)}});
        META_OK(type);
        QCOMPARE(type.value(u"data.__type.kind"_s).toString(), u"OBJECT"_s);
        const HttpResponse empty = core(u"{ %1s{ totalCount } }"_s.arg(name));
        META_OK(empty);
        QCOMPARE(empty.value(u"data.%1s.totalCount"_s.arg(name)).toInt(), 0);

        // A TEXT and a SELECT field, written and read through /graphql.
        const HttpResponse text = createField({{u"objectMetadataId"_s, objectId},
                                               {u"type"_s, u"TEXT"_s},
                                               {u"name"_s, u"serial"_s},
                                               {u"label"_s, u"Serial"_s},
                                               {u"isUIEditable"_s, true},
                                               {u"isAuditLogged"_s, true}});
        META_OK(text);
        QCOMPARE(text.value(u"data.createOneField.type"_s).toString(), u"TEXT"_s);
        QCOMPARE(text.value(u"data.createOneField.objectMetadataId"_s).toString(), objectId);
        const QJsonArray options{
            QJsonObject{{"id", newUuid()}, {"value", "NEW"}, {"label", "New"}, {"position", 0}, {"color", "green"}},
            QJsonObject{{"id", newUuid()}, {"value", "USED"}, {"label", "Used"}, {"position", 1}, {"color", "red"}}};
        const HttpResponse select = createField({{u"objectMetadataId"_s, objectId},
                                                 {u"type"_s, u"SELECT"_s},
                                                 {u"name"_s, u"condition"_s},
                                                 {u"label"_s, u"Condition"_s},
                                                 {u"options"_s, options},
                                                 {u"defaultValue"_s, u"'NEW'"_s}});
        META_OK(select);
        const QString selectId = select.value(u"data.createOneField.id"_s).toString();
        const HttpResponse written = core(
            u"mutation{ create%1(data:{serial:\"S-1\", condition:USED}){ id serial condition } }"_s.arg(typeName(name)));
        META_OK(written);
        QCOMPARE(written.value(u"data.create%1.serial"_s.arg(typeName(name))).toString(), u"S-1"_s);
        QCOMPARE(written.value(u"data.create%1.condition"_s.arg(typeName(name))).toString(), u"USED"_s);
        const HttpResponse read = core(u"{ %1s{ edges{ node{ serial condition } } } }"_s.arg(name));
        META_OK(read);
        QCOMPARE(read.value(u"data.%1s.edges.0.node.serial"_s.arg(name)).toString(), u"S-1"_s);
        QCOMPARE(read.value(u"data.%1s.edges.0.node.condition"_s.arg(name)).toString(), u"USED"_s);

        // updateOneField: the label changes.
        const HttpResponse relabelled = meta(
            u"mutation($input:UpdateOneFieldMetadataInput!){ updateOneField(input:$input){ id label } }"_s,
            {{"input", QJsonObject{{"id", selectId}, {"update", QJsonObject{{"label", "State"}}}}}});
        META_OK(relabelled);
        QCOMPARE(relabelled.value(u"data.updateOneField.label"_s).toString(), u"State"_s);

        // Rename: the old root fields are gone, the new ones answer with the same record.
        const QString renamed = uniqueTag();
        const HttpResponse update = meta(
            u"mutation($input:UpdateOneObjectInput!){ updateOneObject(input:$input){ id nameSingular namePlural } }"_s,
            {{"input", QJsonObject{{"id", objectId},
                                   {"update", QJsonObject{{"nameSingular", renamed},
                                                          {"namePlural", renamed + u"s"_s},
                                                          {"isLabelSyncedWithName", false},
                                                          {"openRecordIn", "SIDE_PANEL"}}}}}});
        META_OK(update);
        QCOMPARE(update.value(u"data.updateOneObject.namePlural"_s).toString(), renamed + u"s"_s);
        const HttpResponse old = core(u"{ %1s{ totalCount } }"_s.arg(name));
        E2E_STATUS(old, 200);
        QCOMPARE(old.value(u"errors.0.extensions.code"_s).toString(), u"GRAPHQL_VALIDATION_FAILED"_s);
        const HttpResponse fresh = core(u"{ %1s{ edges{ node{ serial } } } }"_s.arg(renamed));
        META_OK(fresh);
        QCOMPARE(fresh.value(u"data.%1s.edges.0.node.serial"_s.arg(renamed)).toString(), u"S-1"_s);

        // deleteOneField, then deactivate and delete the object.
        const HttpResponse fieldGone = meta(
            u"mutation($input:DeleteOneFieldInput!){ deleteOneField(input:$input){ id name } }"_s,
            {{"input", QJsonObject{{"id", selectId}}}});
        META_OK(fieldGone);
        QCOMPARE(fieldGone.value(u"data.deleteOneField.name"_s).toString(), u"condition"_s);
        QCOMPARE(
            core(u"{ %1s{ edges{ node{ condition } } } }"_s.arg(renamed)).value(u"errors.0.extensions.code"_s).toString(),
            u"GRAPHQL_VALIDATION_FAILED"_s);
        const QString deleteObject
            = u"mutation($input:DeleteOneObjectInput!){ deleteOneObject(input:$input){ id nameSingular } }"_s;
        const HttpResponse active = meta(deleteObject, {{"input", QJsonObject{{"id", objectId}}}});
        E2E_STATUS(active, 200);
        QCOMPARE(active.value(u"errors.0.extensions.code"_s).toString(), u"BAD_USER_INPUT"_s);
        META_OK(meta(u"mutation($input:UpdateOneObjectInput!){ updateOneObject(input:$input){ isActive } }"_s,
                     {{"input", QJsonObject{{"id", objectId}, {"update", QJsonObject{{"isActive", false}}}}}}));
        const HttpResponse deleted = meta(deleteObject, {{"input", QJsonObject{{"id", objectId}}}});
        META_OK(deleted);
        QCOMPARE(deleted.value(u"data.deleteOneObject.nameSingular"_s).toString(), renamed);
        QVERIFY(this->objectId(renamed).isEmpty());
        QCOMPARE(core(u"{ %1s{ totalCount } }"_s.arg(renamed)).value(u"errors.0.extensions.code"_s).toString(),
                 u"GRAPHQL_VALIDATION_FAILED"_s);
        const HttpResponse again = meta(deleteObject, {{"input", QJsonObject{{"id", objectId}}}});
        QCOMPARE(again.value(u"errors.0.extensions.code"_s).toString(), u"NOT_FOUND"_s);
    }

    /// §3.4, 2.5: the service's validation message under BAD_USER_INPUT, the same as on REST.
    void mutationValidation()
    {
        QJsonObject reserved = objectInput(u"webhook"_s);
        reserved.insert(u"namePlural"_s, u"webhooks"_s);
        const HttpResponse graphql = createObject(reserved);
        E2E_STATUS(graphql, 200);
        QCOMPARE(graphql.value(u"errors.0.extensions.code"_s).toString(), u"BAD_USER_INPUT"_s);
        QVERIFY2(graphql.value(u"errors.0.message"_s).toString().startsWith(u"This name is reserved"_s),
                 qPrintable(graphql.describe()));
        reserved.remove(u"color"_s);
        reserved.remove(u"skipNameField"_s);
        const HttpResponse rest = m_http.post(u"/rest/metadata/objects"_s, reserved);
        E2E_STATUS(rest, 400);
        QCOMPARE(graphql.value(u"errors.0.message"_s).toString(), rest.value(u"messages.0"_s).toString());
        // A required input field missing: a validation error of the document.
        const HttpResponse missing = meta(u"mutation{ createOneObject(input:{object:{nameSingular:\"x\"}}){ id } }"_s);
        QCOMPARE(missing.value(u"errors.0.extensions.code"_s).toString(), u"GRAPHQL_VALIDATION_FAILED"_s);
    }

    /// A custom object's duplicate criteria over /metadata: set on create, changed by update, refused when they
    /// name no column; then used by `<singular>Duplicates` on /graphql.
    void duplicateCriteria()
    {
        const QString name = uniqueTag();
        QJsonObject input = objectInput(name);
        input.insert(u"duplicateCriteria"_s, QJsonArray{QJsonArray{u"name"_s}});
        const HttpResponse created = createObject(input);
        META_OK(created);
        const QString objectId = created.value(u"data.createOneObject.id"_s).toString();
        const QString update = u"mutation($input:UpdateOneObjectInput!){ updateOneObject(input:$input){ id "
                               "duplicateCriteria } }"_s;
        const HttpResponse bad = meta(
            update, {{"input",
                      QJsonObject{{"id", objectId},
                                  {"update", QJsonObject{{"duplicateCriteria", QJsonArray{QJsonArray{u"nope"_s}}}}}}}});
        QCOMPARE(bad.value(u"errors.0.extensions.code"_s).toString(), u"BAD_USER_INPUT"_s);
        QVERIFY2(bad.value(u"errors.0.message"_s).toString().contains(u"'nope' is not an active column"_s),
                 qPrintable(bad.describe()));
        const HttpResponse changed = meta(
            update, {{"input", QJsonObject{{"id", objectId},
                                           {"update", QJsonObject{{"duplicateCriteria",
                                                                   QJsonArray{QJsonArray{u"name"_s, u"createdBy"
                                                                                                    "Source"_s}}}}}}}});
        META_OK(changed);
        QCOMPARE(changed.value(u"data.updateOneObject.duplicateCriteria"_s).toArray(),
                 (QJsonArray{QJsonArray{u"name"_s, u"createdBySource"_s}}));

        // Two records with the same name (and both created by the API): duplicates of each other.
        const QString type = typeName(name);
        QStringList ids;
        for (int i = 0; i < 2; ++i) {
            const HttpResponse record = core(u"mutation{ create%1(data:{name:\"Same\"}){ id } }"_s.arg(type));
            META_OK(record);
            ids << record.value(u"data.create%1.id"_s.arg(type)).toString();
        }
        const HttpResponse found = core(
            u"query($ids:[UUID]){ %1Duplicates(ids:$ids){ totalCount edges{ node{ id } } } }"_s.arg(name),
            {{"ids", QJsonArray{ids.at(0)}}});
        META_OK(found);
        QCOMPARE(found.value(u"data.%1Duplicates.0.totalCount"_s.arg(name)).toInt(), 1);
        QCOMPARE(found.value(u"data.%1Duplicates.0.edges.0.node.id"_s.arg(name)).toString(), ids.at(1));
    }

    /// §6.3: a role without DATA_MODEL reads metadata but gets FORBIDDEN on a mutation.
    void mutationNeedsDataModel()
    {
        QString roleId;
        HttpClient restricted = clientWithNewRole(m_http, roleId);
        QVERIFY(!roleId.isEmpty());
        META_OK(restricted.post(u"/metadata"_s, QJsonObject{{"query", "{ objects{ totalCount } }"}}));
        const QString name = uniqueTag();
        const HttpResponse refused = createObject(objectInput(name), &restricted);
        E2E_STATUS(refused, 200);
        QCOMPARE(refused.value(u"errors.0.extensions.code"_s).toString(), u"FORBIDDEN"_s);
        QVERIFY(objectId(name).isEmpty());
    }

    /// DECISIONS "Storage": /graphql requests running while the model changes all succeed.
    void queriesDuringMutations()
    {
        const QByteArray authorization = "Bearer " + m_server->token().toUtf8();
        std::atomic<bool> done{false};
        constexpr int kReaders = 2;
        std::vector<QStringList> failures(kReaders);
        std::vector<int> counts(kReaders, 0);
        std::vector<std::thread> threads;
        for (int r = 0; r < kReaders; ++r) {
            threads.emplace_back([&, r] {
                RawHttpConnection raw(u"127.0.0.1"_s, m_server->port());
                if (!raw.connectToServer()) {
                    failures[size_t(r)] << raw.errorString();
                    return;
                }
                const QByteArray body = R"({"query":"{ people(first:2){ totalCount edges{ node{ id } } } }"})";
                // At least a few requests, and on until the mutations are done.
                while (counts[size_t(r)] < 5 || !done) {
                    const auto response = raw.exchange(RawHttpConnection::buildRequest(
                        "POST", "/graphql", {{"Authorization", authorization}, {"Content-Type", "application/json"}},
                        body));
                    ++counts[size_t(r)];
                    if (!response) {
                        failures[size_t(r)] << raw.errorString();
                        return;
                    }
                    if (response->status != 200 || response->json.object().contains(u"errors"_s))
                        failures[size_t(r)] << QString::fromUtf8(response->body);
                }
            });
        }
        QStringList names;
        for (int i = 0; i < 3; ++i) {
            names << uniqueTag();
            const HttpResponse created = createObject(objectInput(names.last()));
            if (created.value(u"errors"_s).isArray())
                break;
            createField({{u"objectMetadataId"_s, created.value(u"data.createOneObject.id"_s).toString()},
                         {u"type"_s, u"TEXT"_s},
                         {u"name"_s, u"note"_s},
                         {u"label"_s, u"Note"_s}});
        }
        done = true;
        for (std::thread &thread : threads)
            thread.join();
        for (int r = 0; r < kReaders; ++r)
            QVERIFY2(failures[size_t(r)].isEmpty(), qPrintable(failures[size_t(r)].join(u"\n"_s)));
        for (const QString &name : names) {
            const HttpResponse r = core(u"{ %1s{ edges{ node{ note } } } }"_s.arg(name));
            META_OK(r);
        }
    }
};

QTEST_GUILESS_MAIN(TestGraphqlMetadata)
#include "tst_graphql_metadata.moc"
