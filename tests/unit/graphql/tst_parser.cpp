#include "graphql/language/parser.h"
#include "graphql/language/printer.h"

#include <QTest>

using namespace vingt::graphql;
using namespace Qt::StringLiterals;

namespace {

/// A compact outline of a document to compare parses: definitions, selections, arguments, directives.
void outlineSelectionSet(QStringList &out, const ast::SelectionSet &set, int depth);

QString outlineDirectives(const std::vector<ast::Directive> &directives)
{
    QString out;
    for (const ast::Directive &directive : directives) {
        out += u" @"_s + directive.name;
        if (!directive.arguments.empty()) {
            QStringList args;
            for (const ast::Argument &argument : directive.arguments)
                args.append(argument.name + u": "_s + printValue(*argument.value));
            out += u'(' + args.join(u", "_s) + u')';
        }
    }
    return out;
}

void outlineSelectionSet(QStringList &out, const ast::SelectionSet &set, int depth)
{
    const QString indent(depth * 2, u' ');
    for (const auto &selection : set.selections) {
        switch (selection->kind) {
        case ast::Selection::Kind::Field: {
            const auto &field = static_cast<const ast::Field &>(*selection);
            QString line = indent + (field.alias.isEmpty() ? QString() : field.alias + u": "_s) + field.name;
            if (!field.arguments.empty()) {
                QStringList args;
                for (const ast::Argument &argument : field.arguments)
                    args.append(argument.name + u": "_s + printValue(*argument.value));
                line += u'(' + args.join(u", "_s) + u')';
            }
            out.append(line + outlineDirectives(field.directives));
            if (field.selectionSet)
                outlineSelectionSet(out, *field.selectionSet, depth + 1);
            break;
        }
        case ast::Selection::Kind::FragmentSpread: {
            const auto &spread = static_cast<const ast::FragmentSpread &>(*selection);
            out.append(indent + u"..."_s + spread.name + outlineDirectives(spread.directives));
            break;
        }
        case ast::Selection::Kind::InlineFragment: {
            const auto &fragment = static_cast<const ast::InlineFragment &>(*selection);
            out.append(indent + u"... on "_s
                       + (fragment.typeCondition ? fragment.typeCondition->name : u"<none>"_s)
                       + outlineDirectives(fragment.directives));
            outlineSelectionSet(out, fragment.selectionSet, depth + 1);
            break;
        }
        }
    }
}

QStringList outline(const ast::Document &document)
{
    QStringList out;
    for (const auto &definition : document.definitions) {
        switch (definition->kind) {
        case ast::Definition::Kind::Operation: {
            const auto &operation = static_cast<const ast::OperationDefinition &>(*definition);
            QString line = ast::operationTypeName(operation.operation) + u' '
                + (operation.name.isEmpty() ? u"<anonymous>"_s : operation.name);
            if (!operation.variableDefinitions.empty()) {
                QStringList variables;
                for (const ast::VariableDefinition &variable : operation.variableDefinitions) {
                    QString v = u'$' + variable.name + u": "_s + printTypeNode(variable.type);
                    if (variable.defaultValue)
                        v += u" = "_s + printValue(*variable.defaultValue);
                    v += outlineDirectives(variable.directives);
                    variables.append(v);
                }
                line += u'(' + variables.join(u", "_s) + u')';
            }
            out.append(line + outlineDirectives(operation.directives));
            outlineSelectionSet(out, operation.selectionSet, 1);
            break;
        }
        case ast::Definition::Kind::Fragment: {
            const auto &fragment = static_cast<const ast::FragmentDefinition &>(*definition);
            out.append(u"fragment "_s + fragment.name + u" on "_s + fragment.typeCondition.name
                       + outlineDirectives(fragment.directives));
            outlineSelectionSet(out, fragment.selectionSet, 1);
            break;
        }
        case ast::Definition::Kind::TypeSystem: {
            const auto &typeSystem = static_cast<const ast::TypeSystemDefinition &>(*definition);
            out.append(u"typesystem "_s + (typeSystem.isSchema ? u"<schema>"_s : typeSystem.name));
            break;
        }
        }
    }
    return out;
}

} // namespace

/// The recursive-descent parser (spec §2, graphql-js parser tests, API-CONTRACT §2.1 grammar cases).
class TestParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parses_data();
    void parses();
    void values_data();
    void values();
    void locations();
    void syntaxErrors_data();
    void syntaxErrors();
    void nestingLimit();
    void tokenLimit();
    void typeReferences_data();
    void typeReferences();
};

void TestParser::parses_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("anonymous shorthand") << u"{ a b }"_s << QStringList{u"query <anonymous>"_s, u"  a"_s, u"  b"_s};
    QTest::newRow("named query") << u"query Q { a }"_s << QStringList{u"query Q"_s, u"  a"_s};
    QTest::newRow("anonymous query with variables (contract)")
        << u"query ($v1:T!,$v2:U) { a(x: $v1, y: $v2) }"_s
        << QStringList{u"query <anonymous>($v1: T!, $v2: U)"_s, u"  a(x: $v1, y: $v2)"_s};
    QTest::newRow("mutation and subscription")
        << u"mutation M { m } subscription S { s }"_s
        << QStringList{u"mutation M"_s, u"  m"_s, u"subscription S"_s, u"  s"_s};
    QTest::newRow("commas between definitions (contract)")
        << u"query Q { ...f1 },fragment f1 on Object{ id }"_s
        << QStringList{u"query Q"_s, u"  ...f1"_s, u"fragment f1 on Object"_s, u"  id"_s};
    QTest::newRow("fragment defined before use")
        << u"fragment F on T { x } { ...F }"_s
        << QStringList{u"fragment F on T"_s, u"  x"_s, u"query <anonymous>"_s, u"  ...F"_s};
    QTest::newRow("aliases, arguments, directives")
        << u"{ me: user(id: 4, ok: true) @include(if: $c) { n: name @skip(if: false) } }"_s
        << QStringList{u"query <anonymous>"_s, u"  me: user(id: 4, ok: true) @include(if: $c)"_s,
                       u"    n: name @skip(if: false)"_s};
    QTest::newRow("inline fragments with and without type condition")
        << u"{ ... on User { id } ... @include(if: true) { name } ... { x } }"_s
        << QStringList{u"query <anonymous>"_s,        u"  ... on User"_s,       u"    id"_s,
                       u"  ... on <none> @include(if: true)"_s, u"    name"_s, u"  ... on <none>"_s,
                       u"    x"_s};
    QTest::newRow("variable defaults and directives")
        << u"query Q($a: Int = 1, $b: [String!]! = [\"x\"] @dir, $c: In = {f: ENUM, g: null}) { f }"_s
        << QStringList{u"query Q($a: Int = 1, $b: [String!]! = [\"x\"] @dir, $c: In = {f: ENUM, g: null})"_s,
                       u"  f"_s};
    QTest::newRow("operation directives") << u"query Q @a @b(x: 1) { f }"_s
                                          << QStringList{u"query Q @a @b(x: 1)"_s, u"  f"_s};
    QTest::newRow("keywords are names")
        << u"{ query mutation subscription fragment on: on true: null(on: on) }"_s
        << QStringList{u"query <anonymous>"_s, u"  query"_s,        u"  mutation"_s,
                       u"  subscription"_s,    u"  fragment"_s,     u"  on: on"_s,
                       u"  true: null(on: on)"_s};
    QTest::newRow("block string argument")
        << u"{ f(text: \"\"\"\n    line one\n      line two\n  \"\"\") }"_s
        << QStringList{u"query <anonymous>"_s, u"  f(text: \"\"\"\nline one\n  line two\n\"\"\")"_s};
    QTest::newRow("commas and comments anywhere")
        << u"query Q(,$a:Int,,){,a(x:1,,y:2,),# c\n b,}"_s
        << QStringList{u"query Q($a: Int)"_s, u"  a(x: 1, y: 2)"_s, u"  b"_s};
    QTest::newRow("type-system definitions are parsed (validation rejects them)")
        << u"\"desc\" type T implements A & B @d { f(a: Int = 1): [T!]! } schema { query: T } { a }"_s
        << QStringList{u"typesystem T"_s, u"typesystem <schema>"_s, u"query <anonymous>"_s, u"  a"_s};
    QTest::newRow("all type-system definitions")
        << u"scalar S interface I { a: Int } union U = | A | B enum E { X Y } input In { a: Int = 1 } directive @d(a: Int) repeatable on FIELD | QUERY extend type T @d extend schema @d"_s
        << QStringList{u"typesystem S"_s,  u"typesystem I"_s, u"typesystem U"_s,        u"typesystem E"_s,
                       u"typesystem In"_s, u"typesystem d"_s, u"typesystem T"_s, u"typesystem <schema>"_s};
}

void TestParser::parses()
{
    QFETCH(QString, source);
    QFETCH(QStringList, expected);
    const ParseResult result = parse(source);
    QVERIFY2(result.ok(), qPrintable(result.error ? result.error->message : QString()));
    QCOMPARE(outline(*result.document), expected);
}

void TestParser::values_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("printed");
    QTest::newRow("int") << u"-12"_s << u"-12"_s;
    QTest::newRow("float") << u"1.5e-3"_s << u"1.5e-3"_s;
    QTest::newRow("string escapes") << uR"("a\"b\\c\nd\u00e9")"_s << u"\"a\\\"b\\\\c\\nd\u00e9\""_s;
    QTest::newRow("boolean") << u"false"_s << u"false"_s;
    QTest::newRow("null") << u"null"_s << u"null"_s;
    QTest::newRow("enum") << u"ASC"_s << u"ASC"_s;
    QTest::newRow("variable") << u"$var"_s << u"$var"_s;
    QTest::newRow("empty list") << u"[]"_s << u"[]"_s;
    QTest::newRow("nested") << u"{a: [1, {b: $c}], d: {}}"_s << u"{a: [1, {b: $c}], d: {}}"_s;
}

void TestParser::values()
{
    QFETCH(QString, source);
    QFETCH(QString, printed);
    const ValueParseResult result = parseValue(source);
    QVERIFY2(result.value, qPrintable(result.error ? result.error->message : QString()));
    QCOMPARE(printValue(*result.value), printed);
}

void TestParser::locations()
{
    const ParseResult result = parse(u"query Q($v: Int) {\n  alias: field(a: 1) {\n    ...F\n  }\n}\nfragment F on T { x }"_s);
    QVERIFY(result.ok());
    const auto &operation = static_cast<const ast::OperationDefinition &>(*result.document->definitions[0]);
    QCOMPARE(operation.location, (SourceLocation{1, 1}));
    QCOMPARE(operation.nameLocation, (SourceLocation{1, 7}));
    QCOMPARE(operation.variableDefinitions[0].location, (SourceLocation{1, 9}));
    QCOMPARE(operation.variableDefinitions[0].nameLocation, (SourceLocation{1, 10}));
    QCOMPARE(operation.variableDefinitions[0].type.location, (SourceLocation{1, 13}));
    QCOMPARE(operation.selectionSet.location, (SourceLocation{1, 18}));
    const auto &field = static_cast<const ast::Field &>(*operation.selectionSet.selections[0]);
    QCOMPARE(field.location, (SourceLocation{2, 3}));
    QCOMPARE(field.arguments[0].location, (SourceLocation{2, 16}));
    QCOMPARE(field.arguments[0].value->location, (SourceLocation{2, 19}));
    const auto &spread = static_cast<const ast::FragmentSpread &>(*field.selectionSet->selections[0]);
    QCOMPARE(spread.location, (SourceLocation{3, 5}));
    QCOMPARE(spread.nameLocation, (SourceLocation{3, 8}));
    const auto &fragment = static_cast<const ast::FragmentDefinition &>(*result.document->definitions[1]);
    QCOMPARE(fragment.location, (SourceLocation{6, 1}));
    QCOMPARE(fragment.typeCondition.location, (SourceLocation{6, 15}));
}

void TestParser::syntaxErrors_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::newRow("empty document") << QString() << u"Syntax Error: Unexpected <EOF>."_s << 1 << 1;
    QTest::newRow("missing field name") << u"{ a { } }"_s << u"Syntax Error: Expected Name, found \"}\"."_s << 1 << 7;
    QTest::newRow("unclosed selection set") << u"{ a"_s << u"Syntax Error: Expected Name, found <EOF>."_s << 1 << 4;
    QTest::newRow("fragment named on") << u"fragment on on on { on }"_s << u"Syntax Error: Unexpected Name \"on\"."_s << 1
                                       << 10;
    QTest::newRow("fragment without type condition") << u"fragment F { a }"_s
                                                     << u"Syntax Error: Expected \"on\", found \"{\"."_s << 1 << 12;
    QTest::newRow("unknown keyword") << u"notanoperation Foo { field }"_s
                                     << u"Syntax Error: Unexpected Name \"notanoperation\"."_s << 1 << 1;
    QTest::newRow("spread without name") << u"{ ...on }"_s << u"Syntax Error: Expected Name, found \"}\"."_s << 1 << 9;
    QTest::newRow("variable in constant default") << u"query Q($a: Int = $b) { f }"_s
                                                  << u"Syntax Error: Unexpected variable \"$b\" in constant value."_s << 1
                                                  << 19;
    QTest::newRow("missing argument value") << u"{ f(a: ) }"_s << u"Syntax Error: Unexpected \")\"."_s << 1 << 8;
    QTest::newRow("unclosed list") << u"{ f(a: [1, 2) }"_s << u"Syntax Error: Unexpected \")\"."_s << 1 << 13;
    QTest::newRow("int token") << u"{ f(a: 1) 2 }"_s << u"Syntax Error: Expected Name, found Int \"2\"."_s << 1 << 11;
    QTest::newRow("description on an operation")
        << u"\"d\" query Q { a }"_s
        << u"Syntax Error: Unexpected description, descriptions are supported only on type definitions."_s << 1 << 1;
    QTest::newRow("reserved enum value") << u"enum E { true }"_s
                                         << u"Syntax Error: Name \"true\" is reserved and cannot be used for an enum value."_s
                                         << 1 << 10;
    QTest::newRow("bad directive location") << u"directive @d on NOWHERE"_s
                                            << u"Syntax Error: Unexpected Name \"NOWHERE\"."_s << 1 << 17;
    QTest::newRow("lexer error inside") << u"{ f(a: \"unterminated) }"_s << u"Syntax Error: Unterminated string."_s << 1
                                        << 24;
}

void TestParser::syntaxErrors()
{
    QFETCH(QString, source);
    QFETCH(QString, message);
    QFETCH(int, line);
    QFETCH(int, column);
    const ParseResult result = parse(source);
    QVERIFY(!result.ok());
    QCOMPARE(result.error->message, message);
    QCOMPARE(result.error->locations, (std::vector<SourceLocation>{{line, column}}));
    QCOMPARE(result.error->code(), u"GRAPHQL_PARSE_FAILED"_s);
}

void TestParser::nestingLimit()
{
    // 200 nested selection sets parse; 201 fail cleanly (no stack overflow with far deeper documents either).
    auto nested = [](int depth) { return QString(u"{a"_s).repeated(depth) + QString(u"}"_s).repeated(depth); };
    QVERIFY(parse(nested(200)).ok());
    const ParseResult tooDeep = parse(nested(201));
    QVERIFY(!tooDeep.ok());
    QCOMPARE(tooDeep.error->message, u"Syntax Error: Document is nested too deeply (more than 200 levels)."_s);
    const ParseResult hostile = parse(QString(u"{a"_s).repeated(100000));
    QVERIFY(!hostile.ok());
    const ParseResult lists = parse(u"{ f(a: "_s + QString(u"["_s).repeated(50000) + u") }"_s);
    QVERIFY(!lists.ok());
    QCOMPARE(lists.error->message, u"Syntax Error: Document is nested too deeply (more than 200 levels)."_s);
    ParseOptions options;
    options.maxDepth = 3;
    QVERIFY(parse(u"{ a { b { c } } }"_s, options).ok());
    QVERIFY(!parse(u"{ a { b { c { d } } } }"_s, options).ok());
}

void TestParser::tokenLimit()
{
    ParseOptions options;
    options.maxTokens = 10;
    QVERIFY(parse(u"{ a b c d e f g h }"_s, options).ok()); // 10 tokens
    const ParseResult result = parse(u"{ a b c d e f g h i }"_s, options);
    QVERIFY(!result.ok());
    QCOMPARE(result.error->message, u"Syntax Error: Document contains more than 10 tokens. Parsing aborted."_s);
    QCOMPARE(result.error->locations, (std::vector<SourceLocation>{{1, 21}}));
    // The default limit: 100,000 tokens.
    const ParseResult huge = parse(u"{ "_s + QString(u"a "_s).repeated(100001) + u"}"_s);
    QVERIFY(!huge.ok());
    QCOMPARE(huge.error->message, u"Syntax Error: Document contains more than 100000 tokens. Parsing aborted."_s);
}

void TestParser::typeReferences_data()
{
    QTest::addColumn<QString>("source");
    QTest::newRow("named") << u"Int"_s;
    QTest::newRow("non-null") << u"Int!"_s;
    QTest::newRow("list") << u"[Int]"_s;
    QTest::newRow("nested") << u"[[Person!]!]!"_s;
}

void TestParser::typeReferences()
{
    QFETCH(QString, source);
    const TypeParseResult result = parseType(source);
    QVERIFY(result.type);
    QCOMPARE(printTypeNode(*result.type), source);
}

QTEST_GUILESS_MAIN(TestParser)
#include "tst_parser.moc"
