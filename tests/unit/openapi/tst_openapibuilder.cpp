// The OpenAPI documents of API-CONTRACT §9 on the standard data model: paths and operationIds per object, schema
// components per object, every $ref resolving, the metadata and base documents, and the per-snapshot cache.
#include "model/datamodel.h"
#include "model/standardobjects.h"
#include "openapi/documentcache.h"
#include "openapi/openapibuilder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace vingt;
using namespace vingt::openapi;
using namespace Qt::StringLiterals;

namespace {

QJsonObject parse(const QByteArray &bytes)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("not JSON: %s", qPrintable(error.errorString()));
    return document.object();
}

/// Every "$ref" value anywhere in `value`.
void collectRefs(const QJsonValue &value, QStringList &refs)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.key() == "$ref"_L1)
                refs << it.value().toString();
            else
                collectRefs(it.value(), refs);
        }
    } else if (value.isArray()) {
        for (const QJsonValue &item : value.toArray())
            collectRefs(item, refs);
    }
}

/// Why a local reference does not resolve in `document`, or an empty string.
QString unresolved(const QJsonObject &document, const QString &ref)
{
    if (!ref.startsWith("#/"_L1))
        return u"not a local reference: "_s + ref;
    QJsonValue at = document;
    for (QString token : ref.mid(2).split(u'/')) {
        token.replace("~1"_L1, "/"_L1).replace("~0"_L1, "~"_L1);
        if (!at.isObject() || !at.toObject().contains(token))
            return u"does not resolve: "_s + ref;
        at = at.toObject().value(token);
    }
    return {};
}

/// operationId → "<method> <path>" for every operation under `paths`.
QHash<QString, QString> operations(const QJsonObject &document)
{
    QHash<QString, QString> found;
    const QJsonObject paths = document.value("paths"_L1).toObject();
    for (auto path = paths.begin(); path != paths.end(); ++path) {
        const QJsonObject item = path.value().toObject();
        for (auto op = item.begin(); op != item.end(); ++op) {
            const QString id = op.value().toObject().value("operationId"_L1).toString();
            if (found.contains(id))
                qFatal("duplicate operationId %s", qPrintable(id));
            found.insert(id, op.key() + u' ' + path.key());
        }
    }
    return found;
}

ObjectMetadata customObject(const QString &singular, const QString &plural)
{
    ObjectMetadata object;
    object.id = u"30303030-0000-4000-8000-%1"_s.arg(qHash(singular) % 1000000000000ULL, 12, 10, QChar(u'0'));
    object.nameSingular = singular;
    object.namePlural = plural;
    object.labelSingular = singular;
    object.labelPlural = plural;
    object.isCustom = true;
    auto field = [&](const QString &name, FieldType type, const QString &suffix) {
        FieldMetadata f;
        f.id = object.id.left(30) + suffix;
        f.objectMetadataId = object.id;
        f.name = name;
        f.label = pascal(name);
        f.type = type;
        f.isNullable = false;
        return f;
    };
    FieldMetadata id = field(u"id"_s, FieldType::Uuid, u"aaaaaa"_s);
    id.defaultValue = u"uuid"_s;
    const FieldMetadata title = field(u"title"_s, FieldType::Text, u"bbbbbb"_s); // no default: required on create
    object.fields = {id, title};
    return object;
}

QStringList keysOf(const QJsonObject &object)
{
    QStringList keys = object.keys();
    keys.sort();
    return keys;
}

DocumentOptions options()
{
    DocumentOptions o;
    o.baseUrl = u"http://127.0.0.1:3000"_s;
    return o;
}

} // namespace

class TstOpenApiBuilder : public QObject
{
    Q_OBJECT

    DataModel m_model{1, standardObjects()};
    QJsonObject m_core = parse(OpenApiBuilder::coreDocument(m_model, options()));

private Q_SLOTS:
    void coreHead()
    {
        QCOMPARE(m_core.value("openapi"_L1).toString(), u"3.1.1"_s);
        QCOMPARE(m_core.value("info"_L1).toObject().value("title"_L1).toString(), u"Twenty Api"_s);
        QCOMPARE(m_core.value("info"_L1).toObject().value("version"_L1).toString(), u"v0.1"_s);
        QCOMPARE(m_core.value("servers"_L1).toArray().at(0).toObject().value("url"_L1).toString(),
                 u"http://127.0.0.1:3000/rest/"_s);
        const QJsonObject bearer = m_core.value("components"_L1)
                                       .toObject()
                                       .value("securitySchemes"_L1)
                                       .toObject()
                                       .value("bearerAuth"_L1)
                                       .toObject();
        QCOMPARE(bearer.value("scheme"_L1).toString(), u"bearer"_s);
        QCOMPARE(bearer.value("bearerFormat"_L1).toString(), u"JWT"_s);
        QVERIFY(m_core.value("security"_L1).toArray().at(0).toObject().contains("bearerAuth"_L1));
    }

    /// §9's operationIds for people, on the paths it names.
    void peoplePaths_data()
    {
        QTest::addColumn<QString>("operationId");
        QTest::addColumn<QString>("operation");
        QTest::newRow("findManyPeople") << u"findManyPeople"_s << u"get /people"_s;
        QTest::newRow("createOnePerson") << u"createOnePerson"_s << u"post /people"_s;
        QTest::newRow("updateManyPeople") << u"updateManyPeople"_s << u"patch /people"_s;
        QTest::newRow("deleteManyPeople") << u"deleteManyPeople"_s << u"delete /people"_s;
        QTest::newRow("createManyPeople") << u"createManyPeople"_s << u"post /batch/people"_s;
        QTest::newRow("findOnePerson") << u"findOnePerson"_s << u"get /people/{id}"_s;
        QTest::newRow("UpdateOnePerson") << u"UpdateOnePerson"_s << u"patch /people/{id}"_s;
        QTest::newRow("deleteOnePerson") << u"deleteOnePerson"_s << u"delete /people/{id}"_s;
        QTest::newRow("findPersonDuplicates") << u"findPersonDuplicates"_s << u"post /people/duplicates"_s;
        QTest::newRow("restoreOnePerson") << u"restoreOnePerson"_s << u"patch /people/{id}/restore"_s;
        QTest::newRow("restoreManyPeople") << u"restoreManyPeople"_s << u"patch /people/restore"_s;
        QTest::newRow("mergeManyPeople") << u"mergeManyPeople"_s << u"patch /people/merge"_s;
        QTest::newRow("groupByPeople") << u"groupByPeople"_s << u"get /people/groupBy"_s;
    }
    void peoplePaths()
    {
        QFETCH(QString, operationId);
        QFETCH(QString, operation);
        QCOMPARE(operations(m_core).value(operationId), operation);
    }

    /// Every standard object has its 13 operations, 9 paths, three schemas and a tag; the older restore paths and
    /// the PUT alias are served but not documented.
    void everyObject()
    {
        const QJsonObject paths = m_core.value("paths"_L1).toObject();
        const QJsonObject schemas = m_core.value("components"_L1).toObject().value("schemas"_L1).toObject();
        const QHash<QString, QString> ops = operations(m_core);
        QStringList tags;
        for (const QJsonValue &tag : m_core.value("tags"_L1).toArray())
            tags << tag.toObject().value("name"_L1).toString();
        QStringList plurals;
        for (const ObjectMetadata &object : m_model.objects()) {
            const QString plural = object.namePlural;
            plurals << plural;
            const QString singular = pascal(object.nameSingular);
            for (const QString &path : {u"/%1"_s, u"/batch/%1"_s, u"/%1/{id}"_s, u"/%1/duplicates"_s,
                                        u"/%1/{id}/restore"_s, u"/%1/restore"_s, u"/%1/merge"_s, u"/%1/groupBy"_s})
                QVERIFY2(paths.contains(path.arg(plural)), qPrintable(path.arg(plural)));
            QVERIFY(!paths.contains(u"/restore/"_s + plural));
            QVERIFY(!paths.value(u"/"_s + plural).toObject().contains("put"_L1));
            for (const QString &suffix : {QString(), u"ForUpdate"_s, u"ForResponse"_s})
                QVERIFY2(schemas.contains(singular + suffix), qPrintable(singular + suffix));
            QCOMPARE(ops.value(u"findOne"_s + singular), u"get /%1/{id}"_s.arg(plural));
        }
        QCOMPARE(paths.size(), 1 + 8 * qsizetype(m_model.objects().size())); // + /open-api/core
        QCOMPARE(ops.size(), 1 + 13 * qsizetype(m_model.objects().size()));
        plurals.sort();
        QCOMPARE(tags, plurals); // sorted by namePlural (§9)
        for (const QString &name : schemas.keys())
            QVERIFY2(!name.contains(u' '), qPrintable(name));
    }

    void refsResolve()
    {
        for (const QJsonObject &document : {m_core, parse(OpenApiBuilder::metadataDocument(options()))}) {
            QStringList refs;
            collectRefs(document, refs);
            QVERIFY(refs.size() > 50);
            for (const QString &ref : refs) {
                const QString problem = unresolved(document, ref);
                QVERIFY2(problem.isEmpty(), qPrintable(problem));
            }
        }
    }

    /// Field types of §9 on the standard objects: join columns, composites, select enums, relations.
    void personSchemas()
    {
        const QJsonObject schemas = m_core.value("components"_L1).toObject().value("schemas"_L1).toObject();
        const QJsonObject person = schemas.value("Person"_L1).toObject().value("properties"_L1).toObject();
        QCOMPARE(person.value("companyId"_L1).toObject().value("format"_L1).toString(), u"uuid"_s);
        QVERIFY(!person.contains("company"_L1)); // relations are written through join columns only
        QCOMPARE(person.value("name"_L1).toObject().value("$ref"_L1).toString(), u"#/components/schemas/FullName"_s);
        QCOMPARE(person.value("emails"_L1).toObject().value("$ref"_L1).toString(), u"#/components/schemas/Emails"_s);
        QCOMPARE(person.value("createdAt"_L1).toObject().value("format"_L1).toString(), u"date-time"_s);
        const QJsonObject response = schemas.value("PersonForResponse"_L1).toObject().value("properties"_L1).toObject();
        const QJsonArray company = response.value("company"_L1).toObject().value("oneOf"_L1).toArray();
        QCOMPARE(company.at(0).toObject().value("$ref"_L1).toString(), u"#/components/schemas/CompanyForResponse"_s);
        QCOMPARE(company.at(1).toObject().value("type"_L1).toString(), u"null"_s);
        const QJsonObject companySchema
            = schemas.value("CompanyForResponse"_L1).toObject().value("properties"_L1).toObject();
        QCOMPARE(companySchema.value("people"_L1).toObject().value("type"_L1).toString(), u"array"_s);

        const ObjectMetadata *opportunity = m_model.objectBySingular(u"opportunity"_s);
        QVERIFY(opportunity);
        const FieldMetadata *stage = opportunity->field(u"stage"_s);
        QVERIFY(stage);
        const QJsonObject stageSchema
            = schemas.value("Opportunity"_L1).toObject().value("properties"_L1).toObject().value("stage"_L1).toObject();
        QStringList stageRefs;
        collectRefs(stageSchema, stageRefs);
        QCOMPARE(stageRefs, QStringList{u"#/components/schemas/OpportunityStageEnum"_s});
        if (stage->isNullable) // a cleared SELECT reads null
            QCOMPARE(stageSchema.value("oneOf"_L1).toArray().at(1).toObject().value("type"_L1).toString(), u"null"_s);
        QCOMPARE(person.value("deletedAt"_L1).toObject().value("type"_L1).toArray(),
                 (QJsonArray{u"string"_s, u"null"_s}));
        QStringList values;
        for (const QJsonValue &value : schemas.value("OpportunityStageEnum"_L1).toObject().value("enum"_L1).toArray())
            values << value.toString();
        QCOMPARE(values, stage->optionValues());
    }

    /// Envelopes of §1.6 and §1.11 in the documented responses.
    void responseEnvelopes()
    {
        const QJsonObject paths = m_core.value("paths"_L1).toObject();
        auto schema = [&](const QString &path, const QString &method, const QString &status) {
            return paths.value(path)
                .toObject()
                .value(method)
                .toObject()
                .value("responses"_L1)
                .toObject()
                .value(status)
                .toObject()
                .value("content"_L1)
                .toObject()
                .value("application/json"_L1)
                .toObject()
                .value("schema"_L1)
                .toObject();
        };
        const QJsonObject list = schema(u"/people"_s, u"get"_s, u"200"_s).value("properties"_L1).toObject();
        QCOMPARE(keysOf(list), (QStringList{u"data"_s, u"pageInfo"_s, u"totalCount"_s}));
        QVERIFY(list.value("data"_L1).toObject().value("properties"_L1).toObject().contains("people"_L1));
        const QJsonObject created = schema(u"/people"_s, u"post"_s, u"201"_s).value("properties"_L1).toObject();
        QVERIFY(created.value("data"_L1).toObject().value("properties"_L1).toObject().contains("createPerson"_L1));
        const QJsonObject deleted = schema(u"/people/{id}"_s, u"delete"_s, u"200"_s).value("properties"_L1).toObject();
        QVERIFY(deleted.value("data"_L1).toObject().value("properties"_L1).toObject().contains("deletePerson"_L1));
        QVERIFY(deleted.contains("softDelete"_L1));
        // §1.11: `data` is an array of {personDuplicates, totalCount, pageInfo}.
        const QJsonObject duplicates = schema(u"/people/duplicates"_s, u"post"_s, u"200"_s)
                                           .value("properties"_L1)
                                           .toObject()
                                           .value("data"_L1)
                                           .toObject();
        QCOMPARE(duplicates.value("type"_L1).toString(), u"array"_s);
        QCOMPARE(keysOf(duplicates.value("items"_L1).toObject().value("properties"_L1).toObject()),
                 (QStringList{u"pageInfo"_s, u"personDuplicates"_s, u"totalCount"_s}));
        QCOMPARE(schema(u"/people/groupBy"_s, u"get"_s, u"200"_s).value("type"_L1).toString(), u"array"_s);
        QCOMPARE(schema(u"/people/merge"_s, u"patch"_s, u"200"_s)
                     .value("properties"_L1)
                     .toObject()
                     .value("data"_L1)
                     .toObject()
                     .value("properties"_L1)
                     .toObject()
                     .keys(),
                 QStringList{u"mergePerson"_s});
    }

    void parameters()
    {
        const QJsonObject parameters = m_core.value("components"_L1).toObject().value("parameters"_L1).toObject();
        for (const auto &[key, name] :
             {std::pair{"idPath"_L1, "id"_L1}, std::pair{"startingAfter"_L1, "starting_after"_L1},
              std::pair{"endingBefore"_L1, "ending_before"_L1}, std::pair{"filter"_L1, "filter"_L1},
              std::pair{"depth"_L1, "depth"_L1}, std::pair{"orderBy"_L1, "order_by"_L1},
              std::pair{"limit"_L1, "limit"_L1}, std::pair{"softDelete"_L1, "soft_delete"_L1},
              std::pair{"upsert"_L1, "upsert"_L1}, std::pair{"fields"_L1, "fields"_L1},
              std::pair{"omitNullValues"_L1, "omit_null_values"_L1}}) {
            QCOMPARE(parameters.value(key).toObject().value("name"_L1).toString(), QString(name));
        }
        const QJsonObject limit = parameters.value("limit"_L1).toObject().value("schema"_L1).toObject();
        QCOMPARE(limit.value("minimum"_L1).toInt(), 0);
        QCOMPARE(limit.value("default"_L1).toInt(), 60);
        QCOMPARE(limit.value("maximum"_L1).toInt(), 60);
        QCOMPARE(parameters.value("depth"_L1).toObject().value("schema"_L1).toObject().value("enum"_L1).toArray(),
                 (QJsonArray{0, 1}));
        const QJsonObject responses = m_core.value("components"_L1).toObject().value("responses"_L1).toObject();
        for (const char *status : {"400", "401", "403", "404", "429"})
            QVERIFY2(responses.contains(QLatin1StringView(status)), status);
        const QJsonObject webhooks = m_core.value("webhooks"_L1).toObject();
        for (const char *name : {"Person Created", "Person Updated", "Person Deleted"})
            QVERIFY2(webhooks.contains(QLatin1StringView(name)), name);
    }

    /// A custom object shows up with its own schemas and paths; inactive and remote objects do not.
    void customObjects()
    {
        std::vector<ObjectMetadata> objects = standardObjects();
        objects.push_back(customObject(u"postObjx"_s, u"postObjxs"_s));
        ObjectMetadata inactive = customObject(u"hiddenThing"_s, u"hiddenThings"_s);
        inactive.isActive = false;
        objects.push_back(inactive);
        ObjectMetadata remote = customObject(u"remoteThing"_s, u"remoteThings"_s);
        remote.isRemote = true;
        objects.push_back(remote);
        const DataModel model(2, std::move(objects));
        const QJsonObject document = parse(OpenApiBuilder::coreDocument(model, options()));
        const QJsonObject paths = document.value("paths"_L1).toObject();
        const QJsonObject schemas = document.value("components"_L1).toObject().value("schemas"_L1).toObject();
        QVERIFY(paths.contains("/postObjxs/{id}"_L1));
        QVERIFY(schemas.contains("PostObjx"_L1));
        QVERIFY(schemas.contains("PostObjxForResponse"_L1));
        QCOMPARE(schemas.value("PostObjx"_L1).toObject().value("required"_L1).toArray(), (QJsonArray{u"title"_s}));
        QCOMPARE(operations(document).value(u"createManyPostObjxs"_s), u"post /batch/postObjxs"_s);
        for (const char *hidden : {"hiddenThings", "remoteThings"})
            QVERIFY(!paths.contains(u"/"_s + QLatin1StringView(hidden)));
        QVERIFY(!schemas.contains("HiddenThing"_L1));
        QVERIFY(!schemas.contains("RemoteThing"_L1));
    }

    void metadataDocument()
    {
        DocumentOptions o = options();
        o.metadataLimitDefault = 500;
        const QJsonObject document = parse(OpenApiBuilder::metadataDocument(o));
        QCOMPARE(document.value("servers"_L1).toArray().at(0).toObject().value("url"_L1).toString(),
                 u"http://127.0.0.1:3000/rest/metadata"_s);
        const QHash<QString, QString> ops = operations(document);
        for (const QString &kind : {u"Object"_s, u"Field"_s, u"Webhook"_s, u"ApiKey"_s}) {
            const QString plural = kind.at(0).toLower() + kind.mid(1) + u's';
            QCOMPARE(ops.value(u"findMany"_s + kind + u's'), u"get /"_s + plural);
            QCOMPARE(ops.value(u"createOne"_s + kind), u"post /"_s + plural);
            QCOMPARE(ops.value(u"findOne"_s + kind), u"get /%1/{id}"_s.arg(plural));
            QCOMPARE(ops.value(u"updateOne"_s + kind), u"patch /%1/{id}"_s.arg(plural));
            QCOMPARE(ops.value(u"deleteOne"_s + kind), u"delete /%1/{id}"_s.arg(plural));
        }
        QCOMPARE(ops.value(u"regenerateApiKey"_s), u"post /apiKeys/{id}/regenerate"_s);
        QCOMPARE(ops.value(u"upsertPermissionFlags"_s), u"put /roles/{id}/permissionFlags"_s);
        QCOMPARE(ops.value(u"replayWebhookDelivery"_s), u"post /webhooks/{id}/deliveries/{deliveryId}/replay"_s);
        const QJsonObject limit = document.value("components"_L1)
                                      .toObject()
                                      .value("parameters"_L1)
                                      .toObject()
                                      .value("limit"_L1)
                                      .toObject()
                                      .value("schema"_L1)
                                      .toObject();
        QCOMPARE(limit.value("default"_L1).toInt(), 500);
        QCOMPARE(limit.value("maximum"_L1).toInt(), 1000);
    }

    void baseDocument()
    {
        for (const auto &[kind, name, server] :
             {std::tuple{DocumentKind::Core, "core"_L1, "http://h:1/rest/"_L1},
              std::tuple{DocumentKind::Metadata, "metadata"_L1, "http://h:1/rest/metadata"_L1}}) {
            const QJsonObject document = parse(OpenApiBuilder::baseDocument(kind, u"http://h:1"_s));
            QCOMPARE(document.value("openapi"_L1).toString(), u"3.1.1"_s);
            QCOMPARE(document.value("paths"_L1).toObject().keys(), QStringList{u"/open-api/"_s + name});
            QCOMPARE(document.value("servers"_L1).toArray().at(0).toObject().value("url"_L1).toString(), server);
            QVERIFY(document.value("components"_L1)
                        .toObject()
                        .value("securitySchemes"_L1)
                        .toObject()
                        .contains("bearerAuth"_L1));
            QVERIFY(!document.value("components"_L1).toObject().contains("schemas"_L1));
        }
    }

    /// Documents are cached per snapshot: the same snapshot shares one build, a new snapshot is built at once.
    void cachePerSnapshot()
    {
        DocumentCache cache;
        auto first = std::make_shared<const DataModel>(1, standardObjects());
        const QByteArray a = cache.document(DocumentKind::Core, u"w"_s, first, options());
        const QByteArray b = cache.document(DocumentKind::Core, u"w"_s, first, options());
        QCOMPARE(a.constData(), b.constData()); // the cached bytes, not a second build
        QVERIFY(!a.contains("postObjx"));
        std::vector<ObjectMetadata> objects = standardObjects();
        objects.push_back(customObject(u"postObjx"_s, u"postObjxs"_s));
        auto second = std::make_shared<const DataModel>(2, std::move(objects));
        const QByteArray c = cache.document(DocumentKind::Core, u"w"_s, second, options());
        QVERIFY(c.contains("\"/postObjxs\""));
        DocumentOptions otherHost = options();
        otherHost.baseUrl = u"http://localhost:3000"_s;
        QVERIFY(cache.document(DocumentKind::Core, u"w"_s, second, otherHost).contains("http://localhost:3000/rest/"));
    }
};

QTEST_APPLESS_MAIN(TstOpenApiBuilder)
#include "tst_openapibuilder.moc"
