// End-to-end: the Metadata GraphQL read side on POST /metadata (API-CONTRACT §3.2, 3.3): objects, object, fields,
// field, CursorPaging (default 10, max 1000), ObjectFilter / FieldFilter, nested `fields`, the fixed read-only fields.

#include "support/e2e.h"
#include "support/httpclient.h"
#include "support/serverprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

#include <memory>

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
};

QTEST_GUILESS_MAIN(TestGraphqlMetadata)
#include "tst_graphql_metadata.moc"
