#include "testschema.h"

#include "graphql/language/parser.h"
#include "graphql/validation/validate.h"

#include <QFile>
#include <QTest>

using namespace vingt::graphql;
using namespace Qt::StringLiterals;

namespace {

ValidationRuleFactory ruleNamed(const QString &name)
{
    static const QHash<QString, ValidationRuleFactory> rules{
        {u"ExecutableDefinitions"_s, &makeExecutableDefinitionsRule},
        {u"UniqueOperationNames"_s, &makeUniqueOperationNamesRule},
        {u"LoneAnonymousOperation"_s, &makeLoneAnonymousOperationRule},
        {u"KnownTypeNames"_s, &makeKnownTypeNamesRule},
        {u"FragmentsOnCompositeTypes"_s, &makeFragmentsOnCompositeTypesRule},
        {u"VariablesAreInputTypes"_s, &makeVariablesAreInputTypesRule},
        {u"ScalarLeafs"_s, &makeScalarLeafsRule},
        {u"FieldsOnCorrectType"_s, &makeFieldsOnCorrectTypeRule},
        {u"UniqueFragmentNames"_s, &makeUniqueFragmentNamesRule},
        {u"KnownFragmentNames"_s, &makeKnownFragmentNamesRule},
        {u"NoUnusedFragments"_s, &makeNoUnusedFragmentsRule},
        {u"PossibleFragmentSpreads"_s, &makePossibleFragmentSpreadsRule},
        {u"NoFragmentCycles"_s, &makeNoFragmentCyclesRule},
        {u"UniqueVariableNames"_s, &makeUniqueVariableNamesRule},
        {u"NoUndefinedVariables"_s, &makeNoUndefinedVariablesRule},
        {u"NoUnusedVariables"_s, &makeNoUnusedVariablesRule},
        {u"KnownDirectives"_s, &makeKnownDirectivesRule},
        {u"UniqueDirectivesPerLocation"_s, &makeUniqueDirectivesPerLocationRule},
        {u"KnownArgumentNames"_s, &makeKnownArgumentNamesRule},
        {u"UniqueArgumentNames"_s, &makeUniqueArgumentNamesRule},
        {u"ValuesOfCorrectType"_s, &makeValuesOfCorrectTypeRule},
        {u"ProvidedRequiredArguments"_s, &makeProvidedRequiredArgumentsRule},
        {u"VariablesInAllowedPosition"_s, &makeVariablesInAllowedPositionRule},
        {u"OverlappingFieldsCanBeMerged"_s, &makeOverlappingFieldsCanBeMergedRule},
        {u"UniqueInputFieldNames"_s, &makeUniqueInputFieldNamesRule},
    };
    return rules.value(name, nullptr);
}

/// "message|line:column;line:column" for each error.
QStringList describe(const std::vector<GraphqlError> &errors)
{
    QStringList out;
    for (const GraphqlError &error : errors) {
        QStringList locations;
        for (const SourceLocation &location : error.locations)
            locations.append(u"%1:%2"_s.arg(location.line).arg(location.column));
        out.append(error.message + u'|' + locations.join(u';'));
    }
    return out;
}

std::vector<GraphqlError> validateWith(const QString &document, const std::vector<ValidationRuleFactory> &rules)
{
    const ParseResult parsed = parse(document);
    if (!parsed.ok())
        qFatal("test document does not parse: %s", qPrintable(parsed.error->message));
    return validate(*testschema::schema(), *parsed.document, rules);
}

} // namespace

/// The validation rules (spec §5), each with a valid and an invalid document. The expected messages and locations
/// are those graphql-js 16 reports for the same schema (its SDL, see tst_schema) and documents.
class TestValidation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rules_data();
    void rules();
    void everyRuleAcceptsValidDocuments_data();
    void everyRuleAcceptsValidDocuments();
    void customScalarLiterals();
    void errorsCarryTheValidationCode();
    void stopsAfterMaxErrors();
    void specifiedRulesAreComplete();
};

void TestValidation::rules_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("document");
    QTest::addColumn<QStringList>("errors");

    QTest::newRow("ExecutableDefinitions: valid") << u"ExecutableDefinitions"_s
        << u"{ people { id } } fragment F on Person { id }"_s
        << QStringList{};
    QTest::newRow("ExecutableDefinitions: type and schema definitions") << u"ExecutableDefinitions"_s
        << u"{ people { id } }\ntype Foo { a: String }\nextend schema @d"_s
        << QStringList{u"The \"Foo\" definition is not executable.|2:1"_s, u"The schema definition is not executable.|3:1"_s};
    QTest::newRow("UniqueOperationNames: distinct names") << u"UniqueOperationNames"_s
        << u"query A { people { id } } query B { people { id } }"_s
        << QStringList{};
    QTest::newRow("UniqueOperationNames: duplicate name") << u"UniqueOperationNames"_s
        << u"query A { people { id } }\nmutation A { deletePerson(id: 1) }"_s
        << QStringList{u"There can be only one operation named \"A\".|1:7;2:10"_s};
    QTest::newRow("LoneAnonymousOperation: alone") << u"LoneAnonymousOperation"_s
        << u"{ people { id } } fragment F on Person { id }"_s
        << QStringList{};
    QTest::newRow("LoneAnonymousOperation: with another operation") << u"LoneAnonymousOperation"_s
        << u"{ people { id } }\nquery B { people { id } }"_s
        << QStringList{u"This anonymous operation must be the only defined operation.|1:1"_s};
    QTest::newRow("KnownTypeNames: known types") << u"KnownTypeNames"_s
        << u"query Q($f: PersonFilter, $c: [Color!]) { people(filter: $f) { ... on Person { id } } }"_s
        << QStringList{};
    QTest::newRow("KnownTypeNames: unknown types") << u"KnownTypeNames"_s
        << u"query Q($f: PersonFiltr, $n: [Nam!]) { people { ... on Persn { id } } }\nfragment F on Company2 { id }"_s
        << QStringList{u"Unknown type \"PersonFiltr\". Did you mean \"PersonFilter\", \"Person\", or \"PersonInput\"?|1:13"_s, u"Unknown type \"Nam\". Did you mean \"Name\"?|1:31"_s, u"Unknown type \"Persn\". Did you mean \"Person\"?|1:56"_s, u"Unknown type \"Company2\". Did you mean \"Company\"?|2:15"_s};
    QTest::newRow("FragmentsOnCompositeTypes: composite conditions") << u"FragmentsOnCompositeTypes"_s
        << u"{ node(id: 1) { ... on Person { id } ... on Node { id } ...F } } fragment F on SearchResult { __typename }"_s
        << QStringList{};
    QTest::newRow("FragmentsOnCompositeTypes: scalar and enum conditions") << u"FragmentsOnCompositeTypes"_s
        << u"{ people { ... on String { id } ...F } }\nfragment F on Color { id }"_s
        << QStringList{u"Fragment cannot condition on non composite type \"String\".|1:19"_s, u"Fragment \"F\" cannot condition on non composite type \"Color\".|2:15"_s};
    QTest::newRow("VariablesAreInputTypes: input types") << u"VariablesAreInputTypes"_s
        << u"query Q($a: String, $b: [PersonFilter!]!, $c: Color) { people { id } }"_s
        << QStringList{};
    QTest::newRow("VariablesAreInputTypes: output types") << u"VariablesAreInputTypes"_s
        << u"query Q($a: Person, $b: [SearchResult]!, $c: Node) { people { id } }"_s
        << QStringList{u"Variable \"$a\" cannot be non-input type \"Person\".|1:13"_s, u"Variable \"$b\" cannot be non-input type \"[SearchResult]!\".|1:25"_s, u"Variable \"$c\" cannot be non-input type \"Node\".|1:46"_s};
    QTest::newRow("ScalarLeafs: leaves and objects") << u"ScalarLeafs"_s
        << u"{ people { id name { first } tags } }"_s
        << QStringList{};
    QTest::newRow("ScalarLeafs: selection on a leaf, none on an object") << u"ScalarLeafs"_s
        << u"{ people { id { x } name } }"_s
        << QStringList{u"Field \"id\" must not have a selection since type \"ID!\" has no subfields.|1:15"_s, u"Field \"name\" of type \"Name\" must have a selection of subfields. Did you mean \"name { ... }\"?|1:21"_s};
    QTest::newRow("FieldsOnCorrectType: existing fields") << u"FieldsOnCorrectType"_s
        << u"{ people { __typename id } search(text: \"a\") { __typename ... on Person { name { first } } } }"_s
        << QStringList{};
    QTest::newRow("FieldsOnCorrectType: unknown fields") << u"FieldsOnCorrectType"_s
        << u"{ people { nam friendz } node(id: 1) { title } search(text: \"a\") { id } }"_s
        << QStringList{u"Cannot query field \"nam\" on type \"Person\". Did you mean \"name\"?|1:12"_s, u"Cannot query field \"friendz\" on type \"Person\". Did you mean \"friends\"?|1:16"_s, u"Cannot query field \"title\" on type \"Node\". Did you mean to use an inline fragment on \"Company\"?|1:40"_s, u"Cannot query field \"id\" on type \"SearchResult\". Did you mean to use an inline fragment on \"Node\", \"Company\", or \"Person\"?|1:68"_s};
    QTest::newRow("UniqueFragmentNames: distinct fragments") << u"UniqueFragmentNames"_s
        << u"{ people { ...A ...B } } fragment A on Person { id } fragment B on Person { tags }"_s
        << QStringList{};
    QTest::newRow("UniqueFragmentNames: duplicate fragment") << u"UniqueFragmentNames"_s
        << u"{ people { ...A } }\nfragment A on Person { id }\nfragment A on Person { tags }"_s
        << QStringList{u"There can be only one fragment named \"A\".|2:10;3:10"_s};
    QTest::newRow("KnownFragmentNames: defined before and after use") << u"KnownFragmentNames"_s
        << u"fragment A on Person { id } { people { ...A ...B } } fragment B on Person { tags }"_s
        << QStringList{};
    QTest::newRow("KnownFragmentNames: unknown fragment") << u"KnownFragmentNames"_s
        << u"{ people { ...Missing id } }"_s
        << QStringList{u"Unknown fragment \"Missing\".|1:15"_s};
    QTest::newRow("NoUnusedFragments: all used") << u"NoUnusedFragments"_s
        << u"{ people { ...A } } fragment A on Person { ...B } fragment B on Person { id }"_s
        << QStringList{};
    QTest::newRow("NoUnusedFragments: unused fragments") << u"NoUnusedFragments"_s
        << u"{ people { id } }\nfragment A on Person { ...B }\nfragment B on Person { id }"_s
        << QStringList{u"Fragment \"A\" is never used.|2:1"_s, u"Fragment \"B\" is never used.|3:1"_s};
    QTest::newRow("PossibleFragmentSpreads: possible spreads") << u"PossibleFragmentSpreads"_s
        << u"{ node(id: 1) { ... on Person { id } ...C } search(text: \"a\") { ... on Node { id } } } fragment C on Company { title }"_s
        << QStringList{};
    QTest::newRow("PossibleFragmentSpreads: impossible spreads") << u"PossibleFragmentSpreads"_s
        << u"{ people { ... on Company { id } ...C } }\nfragment C on Company { title }"_s
        << QStringList{u"Fragment cannot be spread here as objects of type \"Person\" can never be of type \"Company\".|1:12"_s, u"Fragment \"C\" cannot be spread here as objects of type \"Person\" can never be of type \"Company\".|1:34"_s};
    QTest::newRow("NoFragmentCycles: no cycle") << u"NoFragmentCycles"_s
        << u"{ people { ...A } } fragment A on Person { ...B } fragment B on Person { id }"_s
        << QStringList{};
    QTest::newRow("NoFragmentCycles: cycles") << u"NoFragmentCycles"_s
        << u"{ people { ...A } }\nfragment A on Person { ...B }\nfragment B on Person { ...C }\nfragment C on Person { ...A ...C }"_s
        << QStringList{u"Cannot spread fragment \"A\" within itself via \"B\", \"C\".|2:24;3:24;4:24"_s, u"Cannot spread fragment \"C\" within itself.|4:29"_s};
    QTest::newRow("UniqueVariableNames: distinct variables") << u"UniqueVariableNames"_s
        << u"query Q($a: Int, $b: Int) { people(first: $a) { friends(first: $b) { id } } }"_s
        << QStringList{};
    QTest::newRow("UniqueVariableNames: duplicate variables") << u"UniqueVariableNames"_s
        << u"query Q($a: Int, $a: String, $a: ID) { people { id } }"_s
        << QStringList{u"There can be only one variable named \"$a\".|1:10;1:19;1:31"_s};
    QTest::newRow("NoUndefinedVariables: all defined") << u"NoUndefinedVariables"_s
        << u"query Q($a: Int) { people(first: $a) { ...F } } fragment F on Person { friends(first: $a) { id } }"_s
        << QStringList{};
    QTest::newRow("NoUndefinedVariables: undefined variables") << u"NoUndefinedVariables"_s
        << u"query Q($a: Int) { people(first: $b) { ...F } }\nfragment F on Person { friends(first: $c) { id } }\n{ people(first: $d) { id } }"_s
        << QStringList{u"Variable \"$b\" is not defined by operation \"Q\".|1:34;1:1"_s, u"Variable \"$c\" is not defined by operation \"Q\".|2:39;1:1"_s, u"Variable \"$d\" is not defined.|3:17;3:1"_s};
    QTest::newRow("NoUnusedVariables: all used") << u"NoUnusedVariables"_s
        << u"query Q($a: Int, $b: Int) { people(first: $a) { ...F } } fragment F on Person { friends(first: $b) { id } }"_s
        << QStringList{};
    QTest::newRow("NoUnusedVariables: unused variables") << u"NoUnusedVariables"_s
        << u"query Q($a: Int, $b: Int) { people(first: $a) { id } }\nquery ($c: String) { people { id } }"_s
        << QStringList{u"Variable \"$b\" is never used in operation \"Q\".|1:18"_s, u"Variable \"$c\" is never used.|2:8"_s};
    QTest::newRow("KnownDirectives: known directives") << u"KnownDirectives"_s
        << u"query Q($s: Boolean!) { people @include(if: $s) { id @skip(if: true) ... @include(if: true) { tags } } }"_s
        << QStringList{};
    QTest::newRow("KnownDirectives: unknown and misplaced directives") << u"KnownDirectives"_s
        << u"query Q @skip(if: true) { people @unknown { id @deprecated } }"_s
        << QStringList{u"Directive \"@skip\" may not be used on QUERY.|1:9"_s, u"Unknown directive \"@unknown\".|1:34"_s, u"Directive \"@deprecated\" may not be used on FIELD.|1:48"_s};
    QTest::newRow("UniqueDirectivesPerLocation: one per location") << u"UniqueDirectivesPerLocation"_s
        << u"{ people @include(if: true) @skip(if: false) { id @include(if: true) } }"_s
        << QStringList{};
    QTest::newRow("UniqueDirectivesPerLocation: repeated directive") << u"UniqueDirectivesPerLocation"_s
        << u"{ people @include(if: true) @include(if: false) { id } }"_s
        << QStringList{u"The directive \"@include\" can only be used once at this location.|1:10;1:29"_s};
    QTest::newRow("KnownArgumentNames: known arguments") << u"KnownArgumentNames"_s
        << u"{ people(first: 1, filter: {color: RED}) { friends(first: 2) { id @skip(if: false) } } }"_s
        << QStringList{};
    QTest::newRow("KnownArgumentNames: unknown arguments") << u"KnownArgumentNames"_s
        << u"{ people(frist: 1) { id @skip(iff: true) } }"_s
        << QStringList{u"Unknown argument \"frist\" on field \"Query.people\". Did you mean \"first\"?|1:10"_s, u"Unknown argument \"iff\" on directive \"@skip\". Did you mean \"if\"?|1:31"_s};
    QTest::newRow("UniqueArgumentNames: distinct arguments") << u"UniqueArgumentNames"_s
        << u"{ people(first: 1, filter: {}) { id } }"_s
        << QStringList{};
    QTest::newRow("UniqueArgumentNames: duplicate arguments") << u"UniqueArgumentNames"_s
        << u"{ people(first: 1, first: 2) { id @skip(if: true, if: false) } }"_s
        << QStringList{u"There can be only one argument named \"first\".|1:10;1:20"_s, u"There can be only one argument named \"if\".|1:41;1:51"_s};
    QTest::newRow("ValuesOfCorrectType: valid literals") << u"ValuesOfCorrectType"_s
        << u"{ echo(value: {a: [1, \"x\"]}, color: GREEN, filter: {nameContains: \"a\", tags: [\"x\"], limit: 3}, ids: [1, \"2\"], count: -5, ratio: 1, flag: false) people(first: null) { id } }"_s
        << QStringList{};
    QTest::newRow("ValuesOfCorrectType: invalid literals") << u"ValuesOfCorrectType"_s
        << u"{ echo(color: \"RED\", count: 1.5, ratio: \"x\", flag: 1, ids: [true], filter: {nameContains: 3, colour: RED}) a: echo(count: 3000000000, color: YELLOW) }"_s
        << QStringList{u"Enum \"Color\" cannot represent non-enum value: \"RED\". Did you mean the enum value \"RED\" or \"GREEN\"?|1:15"_s, u"Int cannot represent non-integer value: 1.5|1:29"_s, u"Float cannot represent non numeric value: \"x\"|1:41"_s, u"Boolean cannot represent a non boolean value: 1|1:52"_s, u"ID cannot represent a non-string and non-integer value: true|1:61"_s, u"String cannot represent a non string value: 3|1:91"_s, u"Field \"colour\" is not defined by type \"PersonFilter\". Did you mean \"color\"?|1:94"_s, u"Int cannot represent non 32-bit signed integer value: 3000000000|1:123"_s, u"Value \"YELLOW\" does not exist in \"Color\" enum.|1:142"_s};
    QTest::newRow("ValuesOfCorrectType: required input field missing and null in non-null position") << u"ValuesOfCorrectType"_s
        << u"mutation { addPerson(input: {tags: []}) { id } b: addPerson(input: {name: null}) { id } c: addPerson(input: {name: {first: \"A\", last: null}}) { id } }"_s
        << QStringList{u"Field \"PersonInput.name\" of required type \"NameInput!\" was not provided.|1:29"_s, u"Expected value of type \"NameInput!\", found null.|1:75"_s};
    QTest::newRow("ValuesOfCorrectType: list and object mismatches") << u"ValuesOfCorrectType"_s
        << u"{ echo(filter: [1], ids: {a: 1}) people(filter: \"x\") { id } }"_s
        << QStringList{u"Expected value of type \"PersonFilter\", found [1].|1:16"_s, u"ID cannot represent a non-string and non-integer value: {a: 1}|1:26"_s, u"Expected value of type \"PersonFilter\", found \"x\".|1:49"_s};
    QTest::newRow("ProvidedRequiredArguments: required arguments given") << u"ProvidedRequiredArguments"_s
        << u"{ person(id: 1) { id } node(id: \"1\") { id @include(if: true) } }"_s
        << QStringList{};
    QTest::newRow("ProvidedRequiredArguments: missing required arguments") << u"ProvidedRequiredArguments"_s
        << u"{ person { id @include } search { __typename } }"_s
        << QStringList{u"Directive \"@include\" argument \"if\" of type \"Boolean!\" is required, but it was not provided.|1:15"_s, u"Field \"person\" argument \"id\" of type \"ID!\" is required, but it was not provided.|1:3"_s, u"Field \"search\" argument \"text\" of type \"String!\" is required, but it was not provided.|1:26"_s};
    QTest::newRow("VariablesInAllowedPosition: allowed positions") << u"VariablesInAllowedPosition"_s
        << u"query Q($id: ID!, $n: Int, $c: Color = RED, $f: Int = 5) { person(id: $id) { friends(first: $n) { id } } echo(color: $c) people(first: $f) { id } }"_s
        << QStringList{};
    QTest::newRow("VariablesInAllowedPosition: disallowed positions") << u"VariablesInAllowedPosition"_s
        << u"query Q($id: ID, $n: String, $ids: [ID]) { person(id: $id) { friends(first: $n) { id } } echo(ids: $ids) }"_s
        << QStringList{u"Variable \"$id\" of type \"ID\" used in position expecting type \"ID!\".|1:9;1:55"_s, u"Variable \"$n\" of type \"String\" used in position expecting type \"Int\".|1:18;1:77"_s, u"Variable \"$ids\" of type \"[ID]\" used in position expecting type \"[ID!]\".|1:30;1:100"_s};
    QTest::newRow("VariablesInAllowedPosition: nullable variable with defaults") << u"VariablesInAllowedPosition"_s
        << u"query Q($id: ID = \"1\", $c: Color) { person(id: $id) { id } echo(filter: {color: $c}) }"_s
        << QStringList{};
    QTest::newRow("OverlappingFieldsCanBeMerged: mergeable fields") << u"OverlappingFieldsCanBeMerged"_s
        << u"{ people { id id n: name { first } n: name { last } ... on Person { id } } search(text: \"a\") { ... on Person { x: id } ... on Company { x: id } } }"_s
        << QStringList{};
    QTest::newRow("OverlappingFieldsCanBeMerged: different fields and arguments") << u"OverlappingFieldsCanBeMerged"_s
        << u"{ people { a: id a: tags b: friends(first: 1) { id } b: friends(first: 2) { id } } }"_s
        << QStringList{u"Fields \"a\" conflict because \"id\" and \"tags\" are different fields. Use different aliases on the fields to fetch both if this was intentional.|1:12;1:18"_s, u"Fields \"b\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.|1:26;1:54"_s};
    QTest::newRow("OverlappingFieldsCanBeMerged: conflicting subfields and types") << u"OverlappingFieldsCanBeMerged"_s
        << u"{ people { friends { x: id } friends { x: tags } } search(text: \"a\") { ... on Person { size: id } ... on Company { size } } }"_s
        << QStringList{u"Fields \"friends\" conflict because subfields \"x\" conflict because \"id\" and \"tags\" are different fields. Use different aliases on the fields to fetch both if this was intentional.|1:12;1:22;1:30;1:40"_s, u"Fields \"size\" conflict because they return conflicting types \"ID!\" and \"Int\". Use different aliases on the fields to fetch both if this was intentional.|1:88;1:116"_s};
    QTest::newRow("OverlappingFieldsCanBeMerged: conflict through fragments") << u"OverlappingFieldsCanBeMerged"_s
        << u"{ people { ...A ...B } } fragment A on Person { x: id } fragment B on Person { x: tags }"_s
        << QStringList{u"Fields \"x\" conflict because \"id\" and \"tags\" are different fields. Use different aliases on the fields to fetch both if this was intentional.|1:49;1:80"_s};
    QTest::newRow("UniqueInputFieldNames: distinct input fields") << u"UniqueInputFieldNames"_s
        << u"{ echo(filter: {nameContains: \"a\", limit: 1}, value: {a: {a: 1}, b: 2}) }"_s
        << QStringList{};
    QTest::newRow("UniqueInputFieldNames: duplicate input fields") << u"UniqueInputFieldNames"_s
        << u"{ echo(filter: {limit: 1, limit: 2}, value: {a: 1, b: {c: 1, c: 2}, a: 3}) }"_s
        << QStringList{u"There can be only one input field named \"limit\".|1:17;1:27"_s, u"There can be only one input field named \"c\".|1:56;1:62"_s, u"There can be only one input field named \"a\".|1:46;1:69"_s};
}

void TestValidation::rules()
{
    QFETCH(QString, rule);
    QFETCH(QString, document);
    QFETCH(QStringList, errors);
    const ValidationRuleFactory factory = ruleNamed(rule);
    QVERIFY2(factory, qPrintable(rule));
    QCOMPARE(describe(validateWith(document, {factory})), errors);
}

void TestValidation::everyRuleAcceptsValidDocuments_data()
{
    QTest::addColumn<QString>("document");
    QTest::newRow("fragments, variables, aliases, directives")
        << u"query People($first: Int = 2, $withTags: Boolean!, $filter: PersonFilter) {\n"
           "  all: people(first: $first, filter: $filter) { ...PersonParts tags @include(if: $withTags) }\n"
           "  one: person(id: \"1\") { ... on Person { name { first } } }\n"
           "  search(text: \"a\") { __typename ... on Node { id } ... on Company { title } }\n"
           "}\n"
           "fragment PersonParts on Person { id friends(first: 1) { id } favoriteColor }"_s;
    QTest::newRow("mutation with an input object")
        << u"mutation Add($name: NameInput!) { addPerson(input: {name: $name, color: RED}) { id } }"_s;
    QTest::newRow("introspection query") << [] {
        QFile file(QStringLiteral(VINGT_GRAPHQL_TEST_DATA "/introspection.graphql"));
        file.open(QIODevice::ReadOnly);
        return QString::fromUtf8(file.readAll());
    }();
}

void TestValidation::everyRuleAcceptsValidDocuments()
{
    QFETCH(QString, document);
    QVERIFY(!document.isEmpty());
    QCOMPARE(describe(validateWith(document, specifiedRules())), QStringList());
}

void TestValidation::customScalarLiterals()
{
    // A custom scalar's parse error is wrapped, as graphql-js does for non-GraphQL errors.
    QCOMPARE(describe(validateWith(u"{ echo(when: \"yesterday\") }"_s, {&makeValuesOfCorrectTypeRule})),
             QStringList{u"Expected value of type \"DateTime\", found \"yesterday\"; DateTime cannot represent an invalid date-time string: yesterday|1:14"_s});
    QCOMPARE(describe(validateWith(u"{ echo(when: \"2024-01-02T03:04:05Z\", value: {any: [1, {x: $v}]}) }"_s,
                                   {&makeValuesOfCorrectTypeRule})),
             QStringList());
}

void TestValidation::errorsCarryTheValidationCode()
{
    const auto errors = validateWith(u"{ xyzzy }"_s, specifiedRules());
    QCOMPARE(errors.size(), size_t(1));
    QCOMPARE(errors[0].code(), u"GRAPHQL_VALIDATION_FAILED"_s);
    QCOMPARE(errors[0].message, u"Cannot query field \"xyzzy\" on type \"Query\"."_s);
}

void TestValidation::stopsAfterMaxErrors()
{
    QString document = u"{"_s;
    for (int i = 0; i < 150; ++i)
        document += u" f%1: nope%1"_s.arg(i);
    document += u" }"_s;
    const ParseResult parsed = parse(document);
    QVERIFY(parsed.ok());
    const auto errors = validate(*testschema::schema(), *parsed.document, specifiedRules(), 100);
    QCOMPARE(errors.size(), size_t(101));
    QCOMPARE(errors.back().message, u"Too many validation errors, error limit reached. Validation aborted."_s);
}

void TestValidation::specifiedRulesAreComplete()
{
    QCOMPARE(specifiedRules().size(), size_t(25));
}

QTEST_GUILESS_MAIN(TestValidation)
#include "tst_validation.moc"
