#include "tst_execution.h"

#include "testschema.h"

#include "graphql/graphql.h"

#include <QJsonDocument>
#include <QTest>

using namespace vingt::graphql;
using namespace Qt::StringLiterals;

namespace {

QJsonObject json(const QByteArray &text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad JSON in test: %s: %s", qPrintable(error.errorString()), text.constData());
    return document.object();
}

RequestOutcome runOutcome(const QString &query, const QJsonObject &variables = {},
                          testschema::Context *context = nullptr, const QString &operationName = {},
                          RequestOptions options = {})
{
    if (context)
        options.context = context;
    return runRequest(*testschema::schema(), GraphqlRequest{query, variables, operationName}, options);
}

QJsonObject run(const QString &query, const QJsonObject &variables = {}, testschema::Context *context = nullptr,
                const QString &operationName = {})
{
    return json(runOutcome(query, variables, context, operationName).body);
}

} // namespace


void TestExecution::responses_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QByteArray>("variables");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("object handles, JSON sources, lists, enums, custom scalars")
        << u"{ person(id: \"1\") { id name { first last } tags favoriteColor birthday } }"_s << QByteArray("{}")
        << QByteArray(R"j({"data":{"person":{"id":"1","name":{"first":"Ada","last":"Lovelace"},"tags":["math","poetry"],"favoriteColor":"RED","birthday":"1815-12-10T00:00:00Z"}}})j");
    QTest::newRow("null and empty values") << u"{ person(id: \"3\") { tags birthday name { last } } nobody: person(id: \"9\") { id } }"_s
                                           << QByteArray("{}")
                                           << QByteArray(R"j({"data":{"person":{"tags":null,"birthday":null,"name":{"last":null}},"nobody":null}})j");
    QTest::newRow("aliases") << u"{ a: person(id: \"1\") { n: name { f: first } } b: person(id: \"2\") { id ident: id } }"_s
                             << QByteArray("{}")
                             << QByteArray(R"j({"data":{"a":{"n":{"f":"Ada"}},"b":{"id":"2","ident":"2"}}})j");
    QTest::newRow("fragments merge with fields (defined after use)")
        << u"{ people(first: 2) { ...P name { last } ... on Person { name { first } tags } } } fragment P on Person { id name { first } }"_s
        << QByteArray("{}")
        << QByteArray(R"j({"data":{"people":[{"id":"1","name":{"first":"Ada","last":"Lovelace"},"tags":["math","poetry"]},{"id":"2","name":{"first":"Alan","last":"Turing"},"tags":[]}]}})j");
    QTest::newRow("@skip and @include with variables")
        << u"query ($yes: Boolean!, $no: Boolean! = false) { person(id: \"1\") { id @skip(if: $yes) tags @include(if: $yes) ...F @include(if: $no) ... on Person @skip(if: $no) { favoriteColor } } } fragment F on Person { birthday }"_s
        << QByteArray(R"j({"yes":true})j") << QByteArray(R"j({"data":{"person":{"tags":["math","poetry"],"favoriteColor":"RED"}}})j");
    QTest::newRow("argument defaults and variables with defaults")
        << u"query ($n: Int = 1) { one: people(first: $n) { id } all: people { id } }"_s << QByteArray("{}")
        << QByteArray(R"j({"data":{"one":[{"id":"1"}],"all":[{"id":"1"},{"id":"2"},{"id":"3"}]}})j");
    QTest::newRow("input object defaults, enum and list coercion")
        << u"{ echo(filter: {nameContains: \"a\"}, color: BLUE, ids: 7, ratio: 2, count: -3, flag: true) }"_s
        << QByteArray("{}")
        << QByteArray(R"j({"data":{"echo":{"filter":{"nameContains":"a","color":"RED","limit":5},"color":"BLUE","ids":["7"],"ratio":2,"count":-3,"flag":true}}})j");
    QTest::newRow("variables inside literals")
        << u"query ($c: Color, $t: String!) { echo(filter: {color: $c, tags: [$t, \"x\"]}, value: {deep: [$t]}) }"_s
        << QByteArray(R"j({"c":"GREEN","t":"tag"})j")
        << QByteArray(R"j({"data":{"echo":{"filter":{"color":"GREEN","tags":["tag","x"],"limit":5},"value":{"deep":["tag"]}}}})j");
    QTest::newRow("an absent variable leaves the argument's default")
        << u"query ($n: Int) { people(first: $n) { id } }"_s << QByteArray("{}")
        << QByteArray(R"j({"data":{"people":[{"id":"1"},{"id":"2"},{"id":"3"}]}})j");
    QTest::newRow("variable values are coerced (ID from an integer)")
        << u"query ($id: ID!) { person(id: $id) { id } }"_s << QByteArray(R"j({"id":2})j")
        << QByteArray(R"j({"data":{"person":{"id":"2"}}})j");
    QTest::newRow("null propagation to a nullable parent")
        << u"{ person(id: \"3\") { id lastNameOrFail } }"_s << QByteArray("{}")
        << QByteArray(R"j({"errors":[{"message":"Cannot return null for non-nullable field Person.lastNameOrFail.","locations":[{"line":1,"column":24}],"path":["person","lastNameOrFail"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":{"person":null}})j");
    QTest::newRow("null propagation through non-null list items up to data")
        << u"{ people { id lastNameOrFail } }"_s << QByteArray("{}")
        << QByteArray(R"j({"errors":[{"message":"Cannot return null for non-nullable field Person.lastNameOrFail.","locations":[{"line":1,"column":15}],"path":["people",2,"lastNameOrFail"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":null})j");
    QTest::newRow("null propagation stops at a nullable list item")
        << u"{ person(id: \"2\") { friends { id lastNameOrFail } } }"_s << QByteArray("{}")
        << QByteArray(R"j({"errors":[{"message":"Cannot return null for non-nullable field Person.lastNameOrFail.","locations":[{"line":1,"column":34}],"path":["person","friends",1,"lastNameOrFail"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":{"person":{"friends":[{"id":"1","lastNameOrFail":"Lovelace"},null]}}})j");
    QTest::newRow("resolver errors: Vingt errors mapped, custom extensions kept")
        << u"{ person(id: \"1\") { id secret } failing crash }"_s << QByteArray("{}")
        << QByteArray(R"j({"errors":[{"message":"Entity performing the request does not have permission","locations":[{"line":1,"column":24}],"path":["person","secret"],"extensions":{"code":"FORBIDDEN","subCode":"PERMISSION_DENIED","userFriendlyMessage":"You do not have permission to perform this action."}},{"message":"Custom failure","locations":[{"line":1,"column":33}],"path":["failing"],"extensions":{"code":"CONFLICT","subCode":"CUSTOM"}},{"message":"Internal server error","locations":[{"line":1,"column":41}],"path":["crash"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":{"person":{"id":"1","secret":null},"failing":null,"crash":null}})j");
    QTest::newRow("errors reported beside data")
        << u"{ warning }"_s << QByteArray("{}")
        << QByteArray(R"j({"errors":[{"message":"Partial answer","locations":[{"line":1,"column":3}],"path":["warning"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":{"warning":"partial"}})j");
    QTest::newRow("interfaces and unions, __typename anywhere")
        << u"{ __typename a: node(id: \"c7\") { __typename id ... on Company { title } } b: node(id: \"2\") { __typename ... on Person { favoriteColor } } search(text: \"x\") { __typename ... on Node { id } ... on Company { size } } }"_s
        << QByteArray("{}")
        << QByteArray(R"j({"data":{"__typename":"Query","a":{"__typename":"Company","id":"c7","title":"ACME"},"b":{"__typename":"Person","favoriteColor":"GREEN"},"search":[{"__typename":"Person","id":"1"},{"__typename":"Company","id":"c1","size":42}]}})j");
    QTest::newRow("__type introspection")
        << u"{ __type(name: \"Color\") { kind name enumValues(includeDeprecated: true) { name isDeprecated deprecationReason } } missing: __type(name: \"Nope\") { name } }"_s
        << QByteArray("{}")
        << QByteArray(R"j({"data":{"__type":{"kind":"ENUM","name":"Color","enumValues":[{"name":"RED","isDeprecated":false,"deprecationReason":null},{"name":"GREEN","isDeprecated":false,"deprecationReason":null},{"name":"BLUE","isDeprecated":true,"deprecationReason":"Blue is out"},{"name":"PURPLE","isDeprecated":true,"deprecationReason":"No longer supported"}]},"missing":null}})j");
}

void TestExecution::responses()
{
    QFETCH(QString, query);
    QFETCH(QByteArray, variables);
    QFETCH(QByteArray, expected);
    const QJsonObject actual = run(query, json(variables));
    if (actual != json(expected))
        qWarning().noquote() << QJsonDocument(actual).toJson(QJsonDocument::Compact);
    QCOMPARE(actual, json(expected));
}

void TestExecution::variableCoercionErrors_data()
{
    // Messages and locations as graphql-js 16 reports them.
    QTest::addColumn<QString>("query");
    QTest::addColumn<QByteArray>("variables");
    QTest::addColumn<QStringList>("messages");
    const QString people = u"query ($n: Int) { people(first: $n) { id } }"_s;
    const QString person = u"query ($id: ID!) { person(id: $id) { id } }"_s;
    const QString filter = u"query ($f: PersonFilter) { people(filter: $f) { id } }"_s;
    QTest::newRow("string for Int") << people << QByteArray(R"j({"n":"x"})j")
                                    << QStringList{u"Variable \"$n\" got invalid value \"x\"; Int cannot represent non-integer value: \"x\"|1:8"_s};
    QTest::newRow("fraction for Int") << people << QByteArray(R"j({"n":1.5})j")
                                      << QStringList{u"Variable \"$n\" got invalid value 1.5; Int cannot represent non-integer value: 1.5|1:8"_s};
    QTest::newRow("Int beyond 32 bits") << people << QByteArray(R"j({"n":3000000000})j")
                                        << QStringList{u"Variable \"$n\" got invalid value 3000000000; Int cannot represent non 32-bit signed integer value: 3000000000|1:8"_s};
    QTest::newRow("required variable missing") << person << QByteArray("{}")
                                               << QStringList{u"Variable \"$id\" of required type \"ID!\" was not provided.|1:8"_s};
    QTest::newRow("null for non-null") << person << QByteArray(R"j({"id":null})j")
                                       << QStringList{u"Variable \"$id\" of non-null type \"ID!\" must not be null.|1:8"_s};
    QTest::newRow("boolean for ID") << person << QByteArray(R"j({"id":true})j")
                                    << QStringList{u"Variable \"$id\" got invalid value true; ID cannot represent value: true|1:8"_s};
    QTest::newRow("input object: bad field and unknown field")
        << filter << QByteArray(R"j({"f":{"colour":"RED","limit":"x"}})j")
        << QStringList{u"Variable \"$f\" got invalid value \"x\" at \"f.limit\"; Int cannot represent non-integer value: \"x\"|1:8"_s,
                       u"Variable \"$f\" got invalid value { colour: \"RED\", limit: \"x\" }; Field \"colour\" is not defined by type \"PersonFilter\". Did you mean \"color\"?|1:8"_s};
    QTest::newRow("input object: bad enum and null list item")
        << filter << QByteArray(R"j({"f":{"color":"PINK","tags":["a",null]}})j")
        << QStringList{u"Variable \"$f\" got invalid value \"PINK\" at \"f.color\"; Value \"PINK\" does not exist in \"Color\" enum.|1:8"_s,
                       u"Variable \"$f\" got invalid value null at \"f.tags[1]\"; Expected non-nullable type \"String!\" not to be null.|1:8"_s};
    QTest::newRow("string for an input object") << filter << QByteArray(R"j({"f":"x"})j")
                                                << QStringList{u"Variable \"$f\" got invalid value \"x\"; Expected type \"PersonFilter\" to be an object.|1:8"_s};
    QTest::newRow("nested required field missing")
        << u"mutation ($i: PersonInput!) { addPerson(input: $i) { id } }"_s << QByteArray(R"j({"i":{"name":{}}})j")
        << QStringList{u"Variable \"$i\" got invalid value {} at \"i.name\"; Field \"first\" of required type \"String!\" was not provided.|1:11"_s};
    QTest::newRow("enum case and boolean string")
        << u"query ($c: Color, $b: Boolean) { echo(color: $c, flag: $b) }"_s << QByteArray(R"j({"c":"red","b":"true"})j")
        << QStringList{u"Variable \"$c\" got invalid value \"red\"; Value \"red\" does not exist in \"Color\" enum. Did you mean the enum value \"RED\"?|1:8"_s,
                       u"Variable \"$b\" got invalid value \"true\"; Boolean cannot represent a non boolean value: \"true\"|1:19"_s};
    QTest::newRow("custom scalar") << u"query ($w: DateTime) { echo(when: $w) }"_s << QByteArray(R"j({"w":"soon"})j")
                                   << QStringList{u"Variable \"$w\" got invalid value \"soon\"; DateTime cannot represent an invalid date-time string: soon|1:8"_s};
}

void TestExecution::variableCoercionErrors()
{
    QFETCH(QString, query);
    QFETCH(QByteArray, variables);
    QFETCH(QStringList, messages);
    const QJsonObject response = run(query, json(variables));
    QVERIFY2(!response.contains("data"_L1), "variable errors are request errors: no data");
    QStringList actual;
    for (const QJsonValue &error : response.value("errors"_L1).toArray()) {
        const QJsonObject object = error.toObject();
        QCOMPARE(object.value("extensions"_L1).toObject().value("code"_L1).toString(), u"BAD_USER_INPUT"_s);
        const QJsonObject location = object.value("locations"_L1).toArray().at(0).toObject();
        actual.append(object.value("message"_L1).toString()
                      + u"|%1:%2"_s.arg(location.value("line"_L1).toInt()).arg(location.value("column"_L1).toInt()));
    }
    QCOMPARE(actual, messages);
}

void TestExecution::responseKeepsSelectionOrder()
{
    const RequestOutcome outcome =
        runOutcome(u"{ z: person(id: \"1\") { tags id a: id name { last first } } a: __typename }"_s);
    QCOMPARE(outcome.body,
             QByteArray(R"j({"data":{"z":{"tags":["math","poetry"],"id":"1","a":"1","name":{"last":"Lovelace","first":"Ada"}},"a":"Query"}})j"));
    QVERIFY(outcome.errors.empty());
    QVERIFY(outcome.hasData);
}

void TestExecution::requestErrorsHaveNoData()
{
    // API-CONTRACT §2.5: the codes; bodies exact.
    QCOMPARE(runOutcome(u"{ person(id: 1) { id }"_s).body,
             QByteArray(R"j({"errors":[{"message":"Syntax Error: Expected Name, found <EOF>.","locations":[{"line":1,"column":23}],"extensions":{"code":"GRAPHQL_PARSE_FAILED"}}]})j"));
    QCOMPARE(runOutcome(u"{ person { nope } }"_s).body,
             QByteArray(R"j({"errors":[{"message":"Cannot query field \"nope\" on type \"Person\". Did you mean \"name\"?","locations":[{"line":1,"column":12}],"extensions":{"code":"GRAPHQL_VALIDATION_FAILED"}},{"message":"Field \"person\" argument \"id\" of type \"ID!\" is required, but it was not provided.","locations":[{"line":1,"column":3}],"extensions":{"code":"GRAPHQL_VALIDATION_FAILED"}}]})j"));
    QCOMPARE(runOutcome(u"query ($id: ID!) { person(id: $id) { id } }"_s).body,
             QByteArray(R"j({"errors":[{"message":"Variable \"$id\" of required type \"ID!\" was not provided.","locations":[{"line":1,"column":8}],"extensions":{"code":"BAD_USER_INPUT"}}]})j"));
    QCOMPARE(runOutcome(u"type T { a: Int }"_s).body,
             QByteArray(R"j({"errors":[{"message":"The \"T\" definition is not executable.","locations":[{"line":1,"column":1}],"extensions":{"code":"GRAPHQL_VALIDATION_FAILED"}}]})j"));
}

void TestExecution::mutationsRunSerially()
{
    testschema::Context context;
    const QJsonObject response = run(
        u"mutation { a: deletePerson(id: \"1\") b: addPerson(input: {name: {first: \"X\"}}) { id friends { id } } c: deletePerson(id: \"9\") }"_s,
        {}, &context);
    QCOMPARE(context.mutationLog, (QStringList{u"deletePerson:1"_s, u"addPerson"_s, u"deletePerson:9"_s}));
    QCOMPARE(response,
             json(R"j({"errors":[{"message":"Record not found","locations":[{"line":1,"column":101}],"path":["c"],"extensions":{"code":"NOT_FOUND"}}],"data":{"a":true,"b":{"id":"2","friends":[{"id":"1"},{"id":"3"}]},"c":null}})j"));
    // Each root field completes (sub-selections included) before the next one starts.
    QCOMPARE(context.friendsBatchCalls, 1);
}

void TestExecution::batchResolversLoadOncePerLevel()
{
    testschema::Context context;
    const QJsonObject response = run(u"{ people { id friends { id friends { id } } } }"_s, {}, &context);
    QVERIFY(!response.contains("errors"_L1));
    QCOMPARE(context.friendsBatchCalls, 2); // one per level, whatever the number of people
    QCOMPARE(context.friendsSources, 3 + 3); // 3 people, then their 3 friends (1→2, 2→1,3)
    QCOMPARE(response.value("data"_L1).toObject().value("people"_L1).toArray().at(1).toObject().value("friends"_L1),
             json(R"j({"x":[{"id":"1","friends":[{"id":"2"}]},{"id":"3","friends":[]}]})j").value("x"_L1));

    // Aliases with different arguments are different batches.
    testschema::Context aliased;
    run(u"{ people { a: friends(first: 1) { id } b: friends(first: 2) { id } } }"_s, {}, &aliased);
    QCOMPARE(aliased.friendsBatchCalls, 2);
}

void TestExecution::lookAheadSeesMergedSubfields()
{
    testschema::Context context;
    const QJsonObject response = run(
        u"query ($skip: Boolean!) { lookAhead { id ...F friends(first: 2) { id } x: tags @skip(if: $skip) __typename } } fragment F on Person { id name { first } }"_s,
        json(R"j({"skip":true})j"), &context);
    QVERIFY(!response.contains("errors"_L1));
    QCOMPARE(context.lookAhead,
             (QStringList{u"id:id()"_s, u"name:name()"_s, u"friends:friends(first=2)"_s, u"__typename:?()"_s}));
}

void TestExecution::rootFieldGuardNullsOneRootField()
{
    // API-CONTRACT §7: the limited root field is null with RATE_LIMITED; the others still resolve.
    RequestOptions options;
    int calls = 0;
    options.rootFieldGuard = [&calls](const ResolveParams &params) -> std::optional<GraphqlError> {
        if (++calls == 2)
            return GraphqlError::fromError(vingt::Error{vingt::ErrorKind::RateLimited, u"Limit reached (100 tokens per 1000 ms)"_s, {}});
        Q_UNUSED(params);
        return std::nullopt;
    };
    const RequestOutcome outcome = runRequest(*testschema::schema(),
                                              GraphqlRequest{u"{ a: person(id: \"1\") { id } b: person(id: \"2\") { id } c: node(id: \"3\") { id } }"_s, {}, {}},
                                              options);
    QCOMPARE(json(outcome.body),
             json(R"j({"errors":[{"message":"Limit reached (100 tokens per 1000 ms)","locations":[{"line":1,"column":29}],"path":["b"],"extensions":{"code":"BAD_USER_INPUT","subCode":"RATE_LIMITED","userFriendlyMessage":"Rate limit reached. Please try again later."}}],"data":{"a":{"id":"1"},"b":null,"c":{"id":"3"}}})j"));
    QCOMPARE(calls, 3);
    QCOMPARE(outcome.errors.size(), size_t(1));
    QCOMPARE(outcome.errors[0].extensions.value("subCode"_L1).toString(), u"RATE_LIMITED"_s);
}

void TestExecution::permissionErrorOnNonNullRootNullsData()
{
    testschema::Context context;
    context.denyPeople = true;
    QCOMPARE(run(u"{ people { id } person(id: \"1\") { id } }"_s, {}, &context),
             json(R"j({"errors":[{"message":"Entity performing the request does not have permission","locations":[{"line":1,"column":3}],"path":["people"],"extensions":{"code":"FORBIDDEN","subCode":"PERMISSION_DENIED","userFriendlyMessage":"You do not have permission to perform this action."}}],"data":null})j"));
}

void TestExecution::operationSelection()
{
    const QString document = u"query A { person(id: \"1\") { id } } query B { person(id: \"2\") { id } }"_s;
    QCOMPARE(run(document, {}, nullptr, u"B"_s), json(R"j({"data":{"person":{"id":"2"}}})j"));
    QCOMPARE(run(document),
             json(R"j({"errors":[{"message":"Must provide operation name if query contains multiple operations.","extensions":{"code":"BAD_USER_INPUT"}}]})j"));
    QCOMPARE(run(document, {}, nullptr, u"C"_s),
             json(R"j({"errors":[{"message":"Unknown operation named \"C\".","extensions":{"code":"BAD_USER_INPUT"}}]})j"));
    // An operation name is optional for a single operation, even a named one.
    QCOMPARE(run(u"query Only { __typename }"_s), json(R"j({"data":{"__typename":"Query"}})j"));
}

void TestExecution::limits_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("message");
    QString rootFields = u"{"_s;
    for (int i = 0; i < 21; ++i)
        rootFields += u" f%1: __typename"_s.arg(i);
    rootFields += u" }"_s;
    QTest::newRow("21 root fields") << rootFields << u"Query has too many root fields: 21 exceeds the maximum of 20."_s;
    QString aliases = u"{ person(id: \"1\") {"_s;
    for (int i = 0; i < 10000; ++i)
        aliases += u" a%1: id"_s.arg(i);
    aliases += u" } }"_s;
    QTest::newRow("10,000 aliases") << aliases << u"Query selects too many fields: 10001 exceeds the maximum of 2000."_s;
    QString deep = u"{ person(id: \"1\") "_s + QString(u"{ friends "_s).repeated(30) + u"{ id }"_s
        + QString(u" }"_s).repeated(30) + u" }"_s;
    QTest::newRow("32 levels of relations") << deep << u"Query is too deep: depth 32 exceeds the maximum of 30."_s;
    QString fragments = u"{ person(id: \"1\") { ...F0 } }"_s;
    for (int i = 0; i < 20; ++i)
        fragments += u" fragment F%1 on Person { friends { ...F%2 } friends { ...F%2 } }"_s.arg(i).arg(i + 1);
    fragments += u" fragment F20 on Person { id }"_s;
    QTest::newRow("fragments doubling at every level")
        << fragments << u"Query selects too many fields: 3145727 exceeds the maximum of 2000."_s; // counted, not expanded
}

void TestExecution::limits()
{
    QFETCH(QString, query);
    QFETCH(QString, message);
    const QJsonObject response = run(query);
    QVERIFY(!response.contains("data"_L1));
    const QJsonArray errors = response.value("errors"_L1).toArray();
    QVERIFY(!errors.isEmpty());
    QStringList messages;
    for (const QJsonValue &error : errors) {
        messages.append(error.toObject().value("message"_L1).toString());
        QCOMPARE(error.toObject().value("extensions"_L1).toObject().value("code"_L1).toString(), u"BAD_USER_INPUT"_s);
    }
    QVERIFY2(messages.contains(message), qPrintable(messages.join(u" / "_s)));
}

void TestExecution::hostileDocumentsFailCleanly()
{
    // Huge string literal: a clear validation error, no crash.
    const QString huge = u"{ person(id: \""_s + QString(1000000, u'x') + u"\") { nope } }"_s;
    const QJsonObject response = run(huge);
    QCOMPARE(response.value("errors"_L1).toArray().at(0).toObject().value("message"_L1).toString(),
             u"Cannot query field \"nope\" on type \"Person\". Did you mean \"name\"?"_s);
    // Deep nesting: a syntax error, no stack overflow.
    const QJsonObject deep = run(QString(u"{ a "_s).repeated(5000));
    QCOMPARE(deep.value("errors"_L1).toArray().at(0).toObject().value("extensions"_L1).toObject().value("code"_L1).toString(),
             u"GRAPHQL_PARSE_FAILED"_s);
    // Cyclic fragments: rejected by validation, not looped over.
    const QJsonObject cycle = run(u"{ person(id: \"1\") { ...A } } fragment A on Person { friends { ...B } } fragment B on Person { friends { ...A } }"_s);
    QCOMPARE(cycle.value("errors"_L1).toArray().at(0).toObject().value("message"_L1).toString(),
             u"Cannot spread fragment \"A\" within itself via \"B\"."_s);
}

void TestExecution::executeWithoutRunRequest()
{
    const ParseResult parsed = parse(u"{ person(id: \"1\") { id } }"_s);
    QVERIFY(parsed.ok());
    const ExecutionResult result = execute(ExecutionArgs{.schema = *testschema::schema(), .document = *parsed.document});
    QVERIFY(result.hasData);
    QVERIFY(result.errors.empty());
    QCOMPARE(result.data, QByteArray(R"j({"person":{"id":"1"}})j"));
    QCOMPARE(result.toJson(), QByteArray(R"j({"data":{"person":{"id":"1"}}})j"));
}

QTEST_GUILESS_MAIN(TestExecution)
