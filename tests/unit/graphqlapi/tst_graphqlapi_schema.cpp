// Unit tests of the generated GraphQL schemas (backend/graphqlapi): the core schema of the standard data model
// (API-CONTRACT §2.2–2.4), the metadata schema's type names (§3.2), extensions, and the per-snapshot cache.

#include "graphql/type/definition.h"
#include "graphql/type/schema.h"
#include "graphql/utilities/printschema.h"
#include "graphqlapi/coreschema.h"
#include "graphqlapi/metadataschema.h"
#include "graphqlapi/schemacache.h"
#include "model/standardobjects.h"

#include <QTest>

using namespace vingt;
using namespace vingt::graphqlapi;
using namespace Qt::StringLiterals;

namespace {

DataModelPtr standardModel(qint64 version)
{
    return std::make_shared<const DataModel>(version, standardObjects());
}

QString argType(const graphql::Schema &schema, const QString &type, const QString &field, const QString &arg)
{
    const graphql::NamedType *named = schema.type(type);
    const graphql::ObjectLikeType *object = named ? named->asObjectLike() : nullptr;
    const graphql::Field *f = object ? object->field(field) : nullptr;
    const graphql::InputValue *a = f ? f->arg(arg) : nullptr;
    return a ? a->type.toString() : QString();
}

QString fieldType(const graphql::Schema &schema, const QString &type, const QString &field)
{
    const graphql::NamedType *named = schema.type(type);
    const graphql::ObjectLikeType *object = named ? named->asObjectLike() : nullptr;
    const graphql::Field *f = object ? object->field(field) : nullptr;
    return f ? f->type.toString() : QString();
}

QString inputFieldType(const graphql::Schema &schema, const QString &type, const QString &field)
{
    const graphql::NamedType *named = schema.type(type);
    const graphql::InputObjectType *input = named ? named->asInputObject() : nullptr;
    const graphql::InputValue *f = input ? input->field(field) : nullptr;
    return f ? f->type.toString() : QString();
}

} // namespace

class TestGraphqlapiSchema : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void coreSchemaOperations()
    {
        auto schema = buildCoreSchema(standardModel(1));
        QVERIFY2(bool(schema), schema ? "" : qPrintable(schema.error().message));
        const graphql::Schema &s = **schema;
        QCOMPARE(s.types().front()->name(), u"Query"_s); // §2.1: the query root type first
        QCOMPARE(fieldType(s, u"Query"_s, u"people"_s), u"PersonConnection"_s);
        QCOMPARE(argType(s, u"Query"_s, u"people"_s, u"orderBy"_s), u"[PersonOrderByInput]"_s);
        QCOMPARE(argType(s, u"Query"_s, u"people"_s, u"offset"_s), u"Int"_s);
        QCOMPARE(fieldType(s, u"Query"_s, u"person"_s), u"Person"_s);
        QCOMPARE(argType(s, u"Mutation"_s, u"createPeople"_s, u"data"_s), u"[PersonCreateInput!]!"_s);
        QCOMPARE(argType(s, u"Mutation"_s, u"updatePeople"_s, u"filter"_s), u"PersonFilterInput!"_s);
        for (const char *name : {"createPerson", "updatePerson", "deletePerson", "deletePeople", "destroyPerson",
                                 "destroyPeople", "restorePerson", "restorePeople"})
            QVERIFY2(!fieldType(s, u"Mutation"_s, QString::fromLatin1(name)).isEmpty(), name);
        // Group-by, duplicates and merge (§2.2), and aggregates on connections (§1.10).
        QCOMPARE(fieldType(s, u"Query"_s, u"personDuplicates"_s), u"[PersonConnection]"_s);
        QCOMPARE(fieldType(s, u"Query"_s, u"peopleGroupBy"_s), u"[PersonGroupByConnection]"_s);
        QCOMPARE(argType(s, u"Query"_s, u"peopleGroupBy"_s, u"groupBy"_s), u"[PersonGroupByInput!]!"_s);
        QCOMPARE(fieldType(s, u"Mutation"_s, u"mergePeople"_s), u"Person"_s);
        QCOMPARE(argType(s, u"Mutation"_s, u"mergePeople"_s, u"conflictPriorityIndex"_s), u"Int!"_s);
        QCOMPARE(fieldType(s, u"PersonConnection"_s, u"countEmptyCity"_s), u"Int"_s);
        QCOMPARE(fieldType(s, u"PersonConnection"_s, u"percentageEmptyCity"_s), u"Float"_s);
        // Connections and relations (§2.2).
        QCOMPARE(fieldType(s, u"PersonConnection"_s, u"edges"_s), u"[PersonEdge!]!"_s);
        QCOMPARE(fieldType(s, u"PersonEdge"_s, u"node"_s), u"Person!"_s);
        QCOMPARE(fieldType(s, u"PersonEdge"_s, u"cursor"_s), u"String!"_s);
        QCOMPARE(fieldType(s, u"Person"_s, u"id"_s), u"UUID!"_s);
        QCOMPARE(fieldType(s, u"Person"_s, u"company"_s), u"Company"_s);
        QCOMPARE(fieldType(s, u"Person"_s, u"companyId"_s), u"UUID"_s);
        QCOMPARE(fieldType(s, u"Company"_s, u"people"_s), u"PersonConnection"_s);
        QCOMPARE(argType(s, u"Company"_s, u"people"_s, u"filter"_s), u"PersonFilterInput"_s);
        QVERIFY(argType(s, u"Company"_s, u"people"_s, u"offset"_s).isEmpty());
        // Composite shapes (§2.4) and filters per field type (§2.3, DECISIONS).
        QCOMPARE(fieldType(s, u"Person"_s, u"name"_s), u"FullName"_s);
        QCOMPARE(fieldType(s, u"Currency"_s, u"amountMicros"_s), u"BigFloat"_s);
        QCOMPARE(inputFieldType(s, u"PersonFilterInput"_s, u"name"_s), u"FullNameFilter"_s);
        QCOMPARE(inputFieldType(s, u"FullNameFilter"_s, u"firstName"_s), u"StringFilter"_s);
        QCOMPARE(inputFieldType(s, u"PersonFilterInput"_s, u"companyId"_s), u"UUIDFilter"_s);
        QCOMPARE(inputFieldType(s, u"PersonFilterInput"_s, u"and"_s), u"[PersonFilterInput]"_s);
        QCOMPARE(inputFieldType(s, u"PersonFilterInput"_s, u"not"_s), u"PersonFilterInput"_s);
        QCOMPARE(inputFieldType(s, u"PersonFilterInput"_s, u"position"_s), u"FloatFilter"_s);
        QCOMPARE(inputFieldType(s, u"CurrencyFilter"_s, u"amountMicros"_s), u"BigFloatFilter"_s);
        QCOMPARE(inputFieldType(s, u"StringFilter"_s, u"is"_s), u"FilterIs"_s);
        QCOMPARE(fieldType(s, u"Opportunity"_s, u"stage"_s), u"OpportunityStageEnum"_s);
        QCOMPARE(inputFieldType(s, u"OpportunityFilterInput"_s, u"stage"_s), u"OpportunityStageEnumFilter"_s);
        QCOMPARE(inputFieldType(s, u"PersonOrderByInput"_s, u"name"_s), u"FullNameOrderByInput"_s);
        QCOMPARE(inputFieldType(s, u"PersonCreateInput"_s, u"name"_s), u"FullNameCreateInput"_s);
        QCOMPARE(inputFieldType(s, u"PersonUpdateInput"_s, u"name"_s), u"FullNameUpdateInput"_s);
    }

    void metadataSchemaNames()
    {
        auto schema = buildMetadataSchema();
        QVERIFY2(bool(schema), schema ? "" : qPrintable(schema.error().message));
        const graphql::Schema &s = **schema;
        QCOMPARE(s.types().front()->name(), u"Query"_s);
        QCOMPARE(argType(s, u"Query"_s, u"objects"_s, u"paging"_s), u"CursorPaging"_s);
        QCOMPARE(argType(s, u"Query"_s, u"objects"_s, u"filter"_s), u"ObjectFilter"_s);
        QCOMPARE(argType(s, u"Query"_s, u"fields"_s, u"filter"_s), u"FieldFilter"_s);
        QCOMPARE(argType(s, u"Query"_s, u"object"_s, u"id"_s), u"UUID!"_s);
        QCOMPARE(fieldType(s, u"Object"_s, u"fields"_s), u"FieldConnection!"_s);
        QCOMPARE(inputFieldType(s, u"ObjectFilter"_s, u"isCustom"_s), u"BooleanFieldComparison"_s);
        QCOMPARE(inputFieldType(s, u"FieldFilter"_s, u"objectMetadataId"_s), u"UUIDFilterComparison"_s);
        const QString sdl = graphql::printSchema(s);
        QVERIFY2(sdl.contains(u"paging: CursorPaging = {first: 10}"_s), qPrintable(sdl.left(2000)));
    }

    void extensionsSlotIn()
    {
        // An extension adds a root field per object (as group-by / duplicates / merge will).
        registerCoreSchemaExtension([](CoreObjectParts &parts) {
            parts.queryFields.push_back({parts.object.nameSingular + u"Probe"_s, parts.names.connection});
        });
        registerMetadataSchemaExtension([](MetadataSchemaParts &parts) {
            parts.mutationFields.push_back({u"probeObject"_s, u"Object"_s, {{u"id"_s, u"UUID!"_s}}});
        });
        auto core = buildCoreSchema(standardModel(2));
        QVERIFY(bool(core));
        QCOMPARE(fieldType(**core, u"Query"_s, u"personProbe"_s), u"PersonConnection"_s);
        auto metadata = buildMetadataSchema();
        QVERIFY(bool(metadata));
        QCOMPARE(fieldType(**metadata, u"Mutation"_s, u"probeObject"_s), u"Object"_s);
    }

    void cachePerSnapshot()
    {
        SchemaCache cache;
        const DataModelPtr first = standardModel(3);
        auto a = cache.core(u"w1"_s, first);
        auto b = cache.core(u"w1"_s, first);
        QVERIFY(a && b);
        QCOMPARE(a->get(), b->get()); // same snapshot: built once
        auto other = cache.core(u"w2"_s, first);
        QVERIFY(other && other->get() != a->get()); // per workspace
        const DataModelPtr second = standardModel(4);
        auto c = cache.core(u"w1"_s, second);
        QVERIFY(c && c->get() != a->get());   // a new snapshot rebuilds
        QVERIFY(a->get()->type(u"Person"_s)); // the old schema stays usable by whoever holds it
    }
};

QTEST_GUILESS_MAIN(TestGraphqlapiSchema)
#include "tst_graphqlapi_schema.moc"
