#include "tst_schema.h"

#include "testschema.h"

#include "graphql/graphql.h"
#include "graphql/language/parser.h"
#include "graphql/type/scalars.h"
#include "graphql/type/schemabuilder.h"
#include "graphql/utilities/astfromvalue.h"
#include "graphql/utilities/printschema.h"

#include <QJsonDocument>
#include <QTest>

#include <thread>

using namespace vingt;
using namespace vingt::graphql;
using namespace Qt::StringLiterals;

namespace {

ObjectTypeConfig simpleQuery(std::vector<FieldConfig> fields = {{.name = u"ok"_s, .type = u"Boolean"_s}})
{
    return {.name = u"Query"_s, .fields = std::move(fields)};
}

QString buildError(SchemaBuilder &builder)
{
    auto built = builder.build();
    return built.ok() ? QString() : built.error().message;
}

} // namespace


void TestSchema::invalidSchemas_data()
{
    QTest::addColumn<QString>("expected");
    QTest::addColumn<std::function<void(SchemaBuilder &)>>("setup");
    using Setup = std::function<void(SchemaBuilder &)>;

    QTest::newRow("no query type") << u"Query root type must be provided."_s
                                   << Setup([](SchemaBuilder &b) { b.addObjectType(simpleQuery()); });
    QTest::newRow("unknown type reference")
        << u"Unknown type \"Nope\" referenced by Query.x."_s
        << Setup([](SchemaBuilder &b) {
               b.setQueryType(u"Query"_s).addObjectType(simpleQuery({{.name = u"x"_s, .type = u"[Nope!]"_s}}));
           });
    QTest::newRow("bad type reference syntax")
        << u"Invalid type reference \"[Int\" for Query.x."_s
        << Setup([](SchemaBuilder &b) {
               b.setQueryType(u"Query"_s).addObjectType(simpleQuery({{.name = u"x"_s, .type = u"[Int"_s}}));
           });
    QTest::newRow("duplicate type")
        << u"Schema must contain uniquely named types but contains multiple types named \"Query\"."_s
        << Setup([](SchemaBuilder &b) { b.setQueryType(u"Query"_s).addObjectType(simpleQuery()).addObjectType(simpleQuery()); });
    QTest::newRow("built-in scalar redefined")
        << u"Type \"Int\" is a built-in scalar and cannot be redefined."_s
        << Setup([](SchemaBuilder &b) { b.setQueryType(u"Query"_s).addObjectType(simpleQuery()).addScalarType({.name = u"Int"_s}); });
    QTest::newRow("object without fields")
        << u"Type Empty must define one or more fields."_s
        << Setup([](SchemaBuilder &b) {
               b.setQueryType(u"Query"_s)
                   .addObjectType(simpleQuery({{.name = u"e"_s, .type = u"Empty"_s}}))
                   .addObjectType({.name = u"Empty"_s, .fields = {}});
           });
    QTest::newRow("input object without fields")
        << u"Input Object type In must define one or more fields."_s
        << Setup([](SchemaBuilder &b) {
               b.setQueryType(u"Query"_s)
                   .addObjectType(simpleQuery({{.name = u"x"_s, .type = u"Int"_s, .args = {{.name = u"a"_s, .type = u"In"_s}}}}))
                   .addInputObjectType({.name = u"In"_s, .fields = {}});
           });
    QTest::newRow("output type as argument")
        << u"The type of Query.x(a:) must be Input Type but got: Query."_s
        << Setup([](SchemaBuilder &b) {
               b.setQueryType(u"Query"_s)
                   .addObjectType(simpleQuery({{.name = u"x"_s, .type = u"Int"_s, .args = {{.name = u"a"_s, .type = u"Query"_s}}}}));
           });
    QTest::newRow("input type as field")
        << u"The type of Query.x must be Output Type but got: In."_s
        << Setup([](SchemaBuilder &b) {
               b.setQueryType(u"Query"_s)
                   .addObjectType(simpleQuery({{.name = u"x"_s, .type = u"In"_s}}))
                   .addInputObjectType({.name = u"In"_s, .fields = {{.name = u"a"_s, .type = u"Int"_s}}});
           });
    QTest::newRow("interface field missing")
        << u"Interface field Node.id expected but Thing does not provide it."_s
        << Setup([](SchemaBuilder &b) {
               b.setQueryType(u"Query"_s)
                   .addObjectType(simpleQuery({{.name = u"t"_s, .type = u"Thing"_s}}))
                   .addInterfaceType({.name = u"Node"_s, .fields = {{.name = u"id"_s, .type = u"ID!"_s}}})
                   .addObjectType({.name = u"Thing"_s, .fields = {{.name = u"name"_s, .type = u"String"_s}}, .interfaces = {u"Node"_s}});
           });
    QTest::newRow("interface field of a wider type")
        << u"Interface field Node.id expects type ID! but Thing.id is type ID."_s
        << Setup([](SchemaBuilder &b) {
               b.setQueryType(u"Query"_s)
                   .addObjectType(simpleQuery({{.name = u"t"_s, .type = u"Thing"_s}}))
                   .addInterfaceType({.name = u"Node"_s, .fields = {{.name = u"id"_s, .type = u"ID!"_s}}})
                   .addObjectType({.name = u"Thing"_s, .fields = {{.name = u"id"_s, .type = u"ID"_s}}, .interfaces = {u"Node"_s}});
           });
    QTest::newRow("extra required argument on an implementation")
        << u"Object field Thing.id includes required argument x that is missing from the Interface field Node.id."_s
        << Setup([](SchemaBuilder &b) {
               b.setQueryType(u"Query"_s)
                   .addObjectType(simpleQuery({{.name = u"t"_s, .type = u"Thing"_s}}))
                   .addInterfaceType({.name = u"Node"_s, .fields = {{.name = u"id"_s, .type = u"ID!"_s}}})
                   .addObjectType({.name = u"Thing"_s,
                                   .fields = {{.name = u"id"_s, .type = u"ID!"_s, .args = {{.name = u"x"_s, .type = u"Int!"_s}}}},
                                   .interfaces = {u"Node"_s}});
           });
    QTest::newRow("implementing a non-interface")
        << u"Type Thing must only implement Interface types, it cannot implement Query."_s
        << Setup([](SchemaBuilder &b) {
               b.setQueryType(u"Query"_s)
                   .addObjectType(simpleQuery({{.name = u"t"_s, .type = u"Thing"_s}}))
                   .addObjectType({.name = u"Thing"_s, .fields = {{.name = u"id"_s, .type = u"ID"_s}}, .interfaces = {u"Query"_s}});
           });
    QTest::newRow("union of a scalar")
        << u"Union type U can only include Object types, it cannot include String."_s
        << Setup([](SchemaBuilder &b) {
               b.setQueryType(u"Query"_s)
                   .addObjectType(simpleQuery({{.name = u"u"_s, .type = u"U"_s}}))
                   .addUnionType({.name = u"U"_s, .types = {u"Query"_s, u"String"_s}});
           });
    QTest::newRow("enum value named true")
        << u"Enum type E cannot include value: true."_s
        << Setup([](SchemaBuilder &b) {
               b.setQueryType(u"Query"_s)
                   .addObjectType(simpleQuery({{.name = u"e"_s, .type = u"E"_s}}))
                   .addEnumType({.name = u"E"_s, .values = {{u"A"_s}, {u"true"_s}}});
           });
    QTest::newRow("reserved and illegal names")
        << u"Name \"__x\" must not begin with \"__\", which is reserved by GraphQL introspection.\nNames must only contain [_a-zA-Z0-9] but \"bad-name\" does not."_s
        << Setup([](SchemaBuilder &b) {
               b.setQueryType(u"Query"_s)
                   .addObjectType(simpleQuery({{.name = u"__x"_s, .type = u"Int"_s}, {.name = u"bad-name"_s, .type = u"Int"_s}}));
           });
    QTest::newRow("non-null input object cycle")
        << u"Cannot reference Input Object \"A\" within itself through a series of non-null fields: \"b.a\"."_s
        << Setup([](SchemaBuilder &b) {
               b.setQueryType(u"Query"_s)
                   .addObjectType(simpleQuery({{.name = u"x"_s, .type = u"Int"_s, .args = {{.name = u"a"_s, .type = u"A"_s}}}}))
                   .addInputObjectType({.name = u"A"_s, .fields = {{.name = u"b"_s, .type = u"B!"_s}}})
                   .addInputObjectType({.name = u"B"_s, .fields = {{.name = u"a"_s, .type = u"A!"_s}}});
           });
    QTest::newRow("invalid default value")
        << u"Invalid default value for Query.x(a:): Invalid value \"ten\": Int cannot represent non-integer value: \"ten\""_s
        << Setup([](SchemaBuilder &b) {
               b.setQueryType(u"Query"_s).addObjectType(simpleQuery(
                   {{.name = u"x"_s, .type = u"Int"_s, .args = {{.name = u"a"_s, .type = u"Int"_s, .defaultValue = u"ten"_s}}}}));
           });
    QTest::newRow("required argument deprecated")
        << u"Required argument Query.x(a:) cannot be deprecated."_s
        << Setup([](SchemaBuilder &b) {
               b.setQueryType(u"Query"_s).addObjectType(simpleQuery(
                   {{.name = u"x"_s, .type = u"Int"_s, .args = {{.name = u"a"_s, .type = u"Int!"_s, .deprecationReason = u"old"_s}}}}));
           });
    QTest::newRow("duplicate field")
        << u"Field \"Query.ok\" can only be defined once."_s
        << Setup([](SchemaBuilder &b) {
               b.setQueryType(u"Query"_s).addObjectType(simpleQuery({{.name = u"ok"_s, .type = u"Int"_s}, {.name = u"ok"_s, .type = u"Int"_s}}));
           });
}

void TestSchema::invalidSchemas()
{
    QFETCH(QString, expected);
    QFETCH(std::function<void(SchemaBuilder &)>, setup);
    SchemaBuilder builder;
    setup(builder);
    QCOMPARE(buildError(builder), expected);
}

void TestSchema::printsSdl()
{
    SchemaBuilder builder;
    builder.setQueryType(u"Root"_s)
        .addObjectType({.name = u"Root"_s,
                        .fields = {{.name = u"items"_s,
                                    .type = u"[Item!]!"_s,
                                    .args = {{.name = u"first"_s, .type = u"Int"_s, .defaultValue = 10},
                                             {.name = u"order"_s, .type = u"Order"_s, .defaultValue = u"ASC"_s},
                                             {.name = u"where"_s,
                                              .type = u"Where"_s,
                                              .description = u"Conditions."_s,
                                              .defaultValue = QJsonObject{{u"text"_s, u"say \"hi\"\n"_s}, {u"ids"_s, QJsonArray{1, 2}}}}}},
                                   {.name = u"old"_s, .type = u"String"_s, .deprecationReason = u"Gone"_s}},
                        .description = u"The root."_s})
        .addObjectType({.name = u"Item"_s, .fields = {{.name = u"id"_s, .type = u"ID!"_s}}})
        .addEnumType({.name = u"Order"_s, .values = {{u"ASC"_s}, {u"DESC"_s, u"Descending."_s}}})
        .addInputObjectType({.name = u"Where"_s,
                             .fields = {{.name = u"text"_s, .type = u"String"_s},
                                        {.name = u"ids"_s, .type = u"[ID!]"_s},
                                        {.name = u"limit"_s, .type = u"Int"_s, .defaultValue = 5}}})
        .addScalarType({.name = u"Cursor"_s, .specifiedByUrl = u"https://example.com/cursor"_s})
        .addDirective({.name = u"cached"_s,
                       .locations = {DirectiveLocation::Field, DirectiveLocation::Query},
                       .args = {{.name = u"ttl"_s, .type = u"Int"_s, .defaultValue = 60}},
                       .isRepeatable = true});
    auto built = builder.build();
    QVERIFY2(built.ok(), qPrintable(built.ok() ? QString() : built.error().message));
    const QString expected = u"schema {\n"
                             "  query: Root\n"
                             "}\n"
                             "\n"
                             "directive @cached(ttl: Int = 60) repeatable on FIELD | QUERY\n"
                             "\n"
                             "\"\"\"The root.\"\"\"\n"
                             "type Root {\n"
                             "  items(\n"
                             "    first: Int = 10\n"
                             "    order: Order = ASC\n"
                             "\n"
                             "    \"\"\"Conditions.\"\"\"\n"
                             "    where: Where = {text: \"say \\\"hi\\\"\\n\", ids: [1, 2], limit: 5}\n"
                             "  ): [Item!]!\n"
                             "  old: String @deprecated(reason: \"Gone\")\n"
                             "}\n"
                             "\n"
                             "type Item {\n"
                             "  id: ID!\n"
                             "}\n"
                             "\n"
                             "enum Order {\n"
                             "  ASC\n"
                             "\n"
                             "  \"\"\"Descending.\"\"\"\n"
                             "  DESC\n"
                             "}\n"
                             "\n"
                             "input Where {\n"
                             "  text: String\n"
                             "  ids: [ID!]\n"
                             "  limit: Int = 5\n"
                             "}\n"
                             "\n"
                             "scalar Cursor @specifiedBy(url: \"https://example.com/cursor\")"_s;
    QCOMPARE(printSchema(**built), expected);
}

void TestSchema::printsTheTestSchemaLikeGraphqlJs()
{
    // The text graphql-js 16 prints for buildSchema() of this very SDL (checked by tst_graphql_js_compat).
    const QString sdl = printSchema(*testschema::schema());
    QVERIFY(sdl.startsWith(u"type Query {\n  person(id: ID!): Person\n\n  \"\"\"People, the first ones.\"\"\"\n"_s));
    QVERIFY(sdl.contains(u"\"\"\"\nA person.\n\nWith a two-line description.\n\"\"\"\ntype Person implements Node {"_s));
    QVERIFY(sdl.contains(u"  \"\"\"\n  Non-null: null for people without a last name (tests null propagation).\n  \"\"\"\n  lastNameOrFail: String!"_s));
    QVERIFY(sdl.contains(u"  BLUE @deprecated(reason: \"Blue is out\")\n  PURPLE @deprecated\n}"_s));
    QVERIFY(sdl.contains(u"  tags: [String] = [\"new\"]\n"_s));
    QVERIFY(!sdl.contains(u"scalar String"_s));
    QVERIFY(!sdl.contains(u"__Schema"_s));
}

void TestSchema::typesStartWithTheQueryType()
{
    const auto &types = testschema::schema()->types();
    QCOMPARE(types.front()->name(), u"Query"_s); // API-CONTRACT §2.1
    QStringList names;
    for (const NamedType *type : types)
        names.append(type->name());
    QCOMPARE(names.removeDuplicates(), 0);
    QVERIFY(names.contains(u"__Schema"_s));
    QVERIFY(names.contains(u"__DirectiveLocation"_s));
    QVERIFY(names.contains(u"Int"_s));
    QVERIFY(names.contains(u"Float"_s)); // referenced by Query.echo(ratio:)

    // Built-in scalars appear only when referenced.
    SchemaBuilder builder;
    builder.setQueryType(u"Q"_s).addObjectType({.name = u"Q"_s, .fields = {{.name = u"a"_s, .type = u"Int"_s}}});
    auto small = builder.build();
    QVERIFY(small.ok());
    QVERIFY((*small)->type(u"Int"_s));
    QVERIFY((*small)->type(u"String"_s));  // introspection uses it
    QVERIFY((*small)->type(u"Boolean"_s)); // introspection uses it
    QVERIFY(!(*small)->type(u"Float"_s));
    QVERIFY(!(*small)->type(u"ID"_s));
    QCOMPARE((*small)->types().front()->name(), u"Q"_s);
}

void TestSchema::typeReferences()
{
    const Schema &schema = *testschema::schema();
    const TypeRef person(schema.type(u"Person"_s));
    const TypeRef list = TypeRef::nonNullOf(TypeRef::listOf(TypeRef::nonNullOf(person)));
    QCOMPARE(list.toString(), u"[Person!]!"_s);
    QCOMPARE(list.kind(), TypeKind::NonNull);
    QCOMPARE(list.ofType().kind(), TypeKind::List);
    QCOMPARE(list.ofType().ofType().kind(), TypeKind::NonNull);
    QCOMPARE(list.ofType().ofType().ofType().kind(), TypeKind::Object);
    QVERIFY(!list.ofType().ofType().ofType().ofType().isValid());
    QCOMPARE(list.named(), schema.type(u"Person"_s));
    QVERIFY(list == schema.queryType()->field(u"people"_s)->type);
    QVERIFY(TypeRef::nonNullOf(list) == list);
    QVERIFY(!list.isInputType());
    QVERIFY(list.isOutputType());
}

void TestSchema::builtInScalars_data()
{
    QTest::addColumn<QString>("scalar");
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("output"); ///< JSON, or "!message" for an error
    QTest::newRow("Int serializes an integral double") << u"Int"_s << u"serialize"_s << QByteArray("[3.0]") << QByteArray("[3]");
    QTest::newRow("Int serializes booleans") << u"Int"_s << u"serialize"_s << QByteArray("[true]") << QByteArray("[1]");
    QTest::newRow("Int serializes numeric strings") << u"Int"_s << u"serialize"_s << QByteArray("[\"42\"]") << QByteArray("[42]");
    QTest::newRow("Int rejects 2^31") << u"Int"_s << u"serialize"_s << QByteArray("[2147483648]")
                                      << QByteArray("!Int cannot represent non 32-bit signed integer value: 2147483648");
    QTest::newRow("Int accepts -2^31") << u"Int"_s << u"parseValue"_s << QByteArray("[-2147483648]") << QByteArray("[-2147483648]");
    QTest::newRow("Int rejects fractions") << u"Int"_s << u"parseValue"_s << QByteArray("[1.5]")
                                           << QByteArray("!Int cannot represent non-integer value: 1.5");
    QTest::newRow("Int input rejects strings") << u"Int"_s << u"parseValue"_s << QByteArray("[\"1\"]")
                                               << QByteArray("!Int cannot represent non-integer value: \"1\"");
    QTest::newRow("Float serializes integers") << u"Float"_s << u"serialize"_s << QByteArray("[2]") << QByteArray("[2]");
    QTest::newRow("Float rejects strings as input") << u"Float"_s << u"parseValue"_s << QByteArray("[\"1.5\"]")
                                                    << QByteArray("!Float cannot represent non numeric value: \"1.5\"");
    QTest::newRow("String serializes numbers and booleans") << u"String"_s << u"serialize"_s << QByteArray("[1.5]")
                                                            << QByteArray("[\"1.5\"]");
    QTest::newRow("String serializes true") << u"String"_s << u"serialize"_s << QByteArray("[true]") << QByteArray("[\"true\"]");
    QTest::newRow("String rejects objects") << u"String"_s << u"serialize"_s << QByteArray("[{\"a\":1}]")
                                            << QByteArray("!String cannot represent value: { a: 1 }");
    QTest::newRow("Boolean serializes numbers") << u"Boolean"_s << u"serialize"_s << QByteArray("[0]") << QByteArray("[false]");
    QTest::newRow("Boolean input rejects numbers") << u"Boolean"_s << u"parseValue"_s << QByteArray("[1]")
                                                   << QByteArray("!Boolean cannot represent a non boolean value: 1");
    QTest::newRow("ID accepts integers") << u"ID"_s << u"parseValue"_s << QByteArray("[12]") << QByteArray("[\"12\"]");
    QTest::newRow("ID rejects fractions") << u"ID"_s << u"serialize"_s << QByteArray("[1.5]")
                                          << QByteArray("!ID cannot represent value: 1.5");
}

void TestSchema::builtInScalars()
{
    QFETCH(QString, scalar);
    QFETCH(QString, operation);
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, output);
    const ScalarType *type = testschema::schema()->type(scalar)->asScalar();
    QVERIFY(type);
    const QJsonValue value = QJsonDocument::fromJson(input).array().at(0);
    const Result<QJsonValue> result = operation == "serialize"_L1 ? type->serialize(value) : type->parseValue(value);
    if (output.startsWith('!')) {
        QVERIFY(!result.ok());
        QCOMPARE(result.error().message, QString::fromUtf8(output.mid(1)));
    } else {
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(QJsonDocument(QJsonArray{*result}).toJson(QJsonDocument::Compact), output);
    }
}

void TestSchema::defaultValueLiterals_data()
{
    // API-CONTRACT §2.1: defaults in GraphQL literal syntax, never JSON.
    QTest::addColumn<QString>("type");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("literal");
    QTest::newRow("int") << u"Int"_s << QByteArray("[10]") << u"10"_s;
    QTest::newRow("float") << u"Float"_s << QByteArray("[1.5]") << u"1.5"_s;
    QTest::newRow("string with escapes") << u"String"_s << QByteArray(R"j(["a \"b\"\n"])j") << uR"j("a \"b\"\n")j"_s;
    QTest::newRow("enum bare") << u"Color"_s << QByteArray("[\"GREEN\"]") << u"GREEN"_s;
    QTest::newRow("ID integer string bare") << u"ID"_s << QByteArray("[\"12\"]") << u"12"_s;
    QTest::newRow("ID string quoted") << u"ID"_s << QByteArray("[\"a1\"]") << u"\"a1\""_s;
    QTest::newRow("null") << u"Int"_s << QByteArray("[null]") << u"null"_s;
    QTest::newRow("list") << u"[Color!]"_s << QByteArray("[[\"RED\",\"BLUE\"]]") << u"[RED, BLUE]"_s;
    QTest::newRow("input object in field order")
        << u"PersonFilter"_s << QByteArray(R"j([{"limit":3,"nameContains":"x","color":"RED"}])j")
        << uR"j({nameContains: "x", color: RED, limit: 3})j"_s;
    QTest::newRow("JSON scalar") << u"JSON"_s << QByteArray(R"j([{"a":[1,true,null,"s"]}])j") << uR"j({a: [1, true, null, "s"]})j"_s;
}

void TestSchema::defaultValueLiterals()
{
    QFETCH(QString, type);
    QFETCH(QByteArray, value);
    QFETCH(QString, literal);
    const TypeParseResult parsed = parseType(type);
    QVERIFY(parsed.type);
    const TypeRef resolved = [&] {
        const Schema &schema = *testschema::schema();
        const ast::TypeNode &node = *parsed.type;
        if (node.kind == ast::TypeNode::Kind::List) {
            const ast::TypeNode &item = *node.ofType;
            const TypeRef named(schema.type(item.namedType().name));
            return TypeRef::listOf(item.kind == ast::TypeNode::Kind::NonNull ? TypeRef::nonNullOf(named) : named);
        }
        return TypeRef(schema.type(node.name));
    }();
    QVERIFY(resolved.isValid());
    QCOMPARE(printValueLiteral(QJsonDocument::fromJson(value).array().at(0), resolved).value_or(u"<none>"_s), literal);
}

void TestSchema::sharedAcrossThreads()
{
    // One immutable Schema serves many threads at once.
    const auto schema = testschema::schema();
    const QString query = u"{ people { id name { first } friends { id } } __schema { types { name } } }"_s;
    const QByteArray expected = runRequest(*schema, query, {}, {}, {});
    QVERIFY(expected.startsWith("{\"data\""));
    std::vector<std::thread> threads;
    std::atomic<int> mismatches = 0;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 50; ++i) {
                if (runRequest(*schema, query, {}, {}, {}) != expected)
                    ++mismatches;
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    QCOMPARE(mismatches.load(), 0);
}

QTEST_GUILESS_MAIN(TestSchema)
