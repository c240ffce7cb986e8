#include "tst_introspection.h"

#include "testschema.h"

#include "graphql/graphql.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

using namespace vingt::graphql;
using namespace Qt::StringLiterals;

namespace {

QString introspectionQuery()
{
    QFile file(QStringLiteral(VINGT_GRAPHQL_TEST_DATA "/introspection.graphql"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read introspection.graphql");
    return QString::fromUtf8(file.readAll());
}

QJsonObject named(const QJsonArray &array, const QString &name)
{
    for (const QJsonValue &item : array) {
        if (item.toObject().value("name"_L1).toString() == name)
            return item.toObject();
    }
    return {};
}

/// `NON_NULL(LIST(NON_NULL(OBJECT Person)))` for a __Type reference.
QString describeTypeRef(const QJsonObject &type)
{
    const QString kind = type.value("kind"_L1).toString();
    if (kind == "NON_NULL"_L1 || kind == "LIST"_L1)
        return kind + u'(' + describeTypeRef(type.value("ofType"_L1).toObject()) + u')';
    return kind + u' ' + type.value("name"_L1).toString();
}

QString namedTypeOf(QJsonObject type)
{
    while (type.value("name"_L1).isNull() && type.value("ofType"_L1).isObject())
        type = type.value("ofType"_L1).toObject();
    return type.value("name"_L1).toString();
}

} // namespace

void TestIntrospection::initTestCase()
{
    const QByteArray body = runRequest(*testschema::schema(), introspectionQuery(), {}, {}, {});
    const QJsonObject response = QJsonDocument::fromJson(body).object();
    QVERIFY2(!response.contains("errors"_L1), body.left(2000).constData());
    m_schema = response.value("data"_L1).toObject().value("__schema"_L1).toObject();
    QVERIFY(!m_schema.isEmpty());
}

void TestIntrospection::answersWithoutErrors()
{
    QVERIFY(m_schema.contains("description"_L1));
    QVERIFY(m_schema.value("description"_L1).isNull());
    QCOMPARE(m_schema.value("queryType"_L1).toObject(), (QJsonObject{{u"name"_s, u"Query"_s}, {u"kind"_s, u"OBJECT"_s}}));
    QCOMPARE(m_schema.value("mutationType"_L1).toObject(),
             (QJsonObject{{u"name"_s, u"Mutation"_s}, {u"kind"_s, u"OBJECT"_s}}));
    QVERIFY(m_schema.value("subscriptionType"_L1).isNull());
}

void TestIntrospection::queryTypeComesFirst()
{
    // API-CONTRACT §2.1: Twenty's client generator mishandles a scalar in first position.
    const QJsonArray types = m_schema.value("types"_L1).toArray();
    QCOMPARE(types.at(0).toObject().value("name"_L1).toString(), u"Query"_s);
    QCOMPARE(types.at(0).toObject().value("kind"_L1).toString(), u"OBJECT"_s);
}

void TestIntrospection::everyReferencedTypeIsListed()
{
    const QJsonArray types = m_schema.value("types"_L1).toArray();
    QSet<QString> listed;
    for (const QJsonValue &type : types) {
        const QString name = type.toObject().value("name"_L1).toString();
        QVERIFY2(!listed.contains(name), qPrintable(u"listed twice: "_s + name));
        listed.insert(name);
    }
    QCOMPARE(int(listed.size()), int(testschema::schema()->types().size()));
    for (const QString &name : {u"Query"_s, u"Mutation"_s, u"Person"_s, u"Name"_s, u"Company"_s, u"Node"_s,
                                u"SearchResult"_s, u"Color"_s, u"PersonFilter"_s, u"PersonInput"_s, u"NameInput"_s,
                                u"DateTime"_s, u"JSON"_s, u"ID"_s, u"String"_s, u"Int"_s, u"Float"_s, u"Boolean"_s,
                                u"__Schema"_s, u"__Type"_s, u"__TypeKind"_s, u"__Field"_s, u"__InputValue"_s,
                                u"__EnumValue"_s, u"__Directive"_s, u"__DirectiveLocation"_s}) {
        QVERIFY2(listed.contains(name), qPrintable(name));
    }
    auto check = [&](const QJsonObject &ref, const QString &where) {
        const QString name = namedTypeOf(ref);
        QVERIFY2(listed.contains(name), qPrintable(where + u" refers to unlisted "_s + name));
    };
    for (const QJsonValue &value : types) {
        const QJsonObject type = value.toObject();
        const QString name = type.value("name"_L1).toString();
        for (const QJsonValue &field : type.value("fields"_L1).toArray()) {
            check(field.toObject().value("type"_L1).toObject(), name);
            for (const QJsonValue &arg : field.toObject().value("args"_L1).toArray())
                check(arg.toObject().value("type"_L1).toObject(), name);
        }
        for (const QJsonValue &field : type.value("inputFields"_L1).toArray())
            check(field.toObject().value("type"_L1).toObject(), name);
        for (const QJsonValue &ref : type.value("interfaces"_L1).toArray())
            check(ref.toObject(), name);
        for (const QJsonValue &ref : type.value("possibleTypes"_L1).toArray())
            check(ref.toObject(), name);
    }
    for (const QJsonValue &directive : m_schema.value("directives"_L1).toArray()) {
        for (const QJsonValue &arg : directive.toObject().value("args"_L1).toArray())
            check(arg.toObject().value("type"_L1).toObject(), u"directive"_s);
    }
}

void TestIntrospection::typeKindsHaveTheirFields()
{
    // Spec §4.2: each kind answers its own fields and null for the others; none is empty.
    for (const QJsonValue &value : m_schema.value("types"_L1).toArray()) {
        const QJsonObject type = value.toObject();
        const QString kind = type.value("kind"_L1).toString();
        const QString name = type.value("name"_L1).toString();
        const bool hasFields = kind == "OBJECT"_L1 || kind == "INTERFACE"_L1;
        QVERIFY2(type.value("fields"_L1).isArray() == hasFields, qPrintable(name));
        QVERIFY2(type.value("interfaces"_L1).isArray() == hasFields, qPrintable(name));
        QVERIFY2(type.value("possibleTypes"_L1).isArray() == (kind == "INTERFACE"_L1 || kind == "UNION"_L1),
                 qPrintable(name));
        QVERIFY2(type.value("enumValues"_L1).isArray() == (kind == "ENUM"_L1), qPrintable(name));
        QVERIFY2(type.value("inputFields"_L1).isArray() == (kind == "INPUT_OBJECT"_L1), qPrintable(name));
        QVERIFY2(type.value("isOneOf"_L1).isBool() == (kind == "INPUT_OBJECT"_L1), qPrintable(name));
        if (hasFields)
            QVERIFY2(!type.value("fields"_L1).toArray().isEmpty(), qPrintable(name));
        if (kind == "INPUT_OBJECT"_L1)
            QVERIFY2(!type.value("inputFields"_L1).toArray().isEmpty(), qPrintable(name));
        if (kind == "ENUM"_L1)
            QVERIFY2(!type.value("enumValues"_L1).toArray().isEmpty(), qPrintable(name));
        QVERIFY2(type.contains("specifiedByURL"_L1), qPrintable(name));
    }
}

void TestIntrospection::deepOfTypeChains()
{
    const QJsonArray types = m_schema.value("types"_L1).toArray();
    const QJsonObject query = named(types, u"Query"_s);
    const QJsonObject people = named(query.value("fields"_L1).toArray(), u"people"_s);
    QCOMPARE(describeTypeRef(people.value("type"_L1).toObject()), u"NON_NULL(LIST(NON_NULL(OBJECT Person)))"_s);
    const QJsonObject ids = named(named(query.value("fields"_L1).toArray(), u"echo"_s).value("args"_L1).toArray(), u"ids"_s);
    QCOMPARE(describeTypeRef(ids.value("type"_L1).toObject()), u"LIST(NON_NULL(SCALAR ID))"_s);
    // The innermost level of a full TypeRef chain answers kind and name only (the query asks no more).
    const QJsonObject schemaTypes = named(named(types, u"__Schema"_s).value("fields"_L1).toArray(), u"types"_s);
    QCOMPARE(describeTypeRef(schemaTypes.value("type"_L1).toObject()), u"NON_NULL(LIST(NON_NULL(OBJECT __Type)))"_s);
}

void TestIntrospection::defaultValuesAreGraphqlLiterals_data()
{
    // API-CONTRACT §2.1: `{first: 10}`, never JSON.
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("field"); ///< "field.arg" or "inputField"
    QTest::addColumn<QJsonValue>("defaultValue");
    QTest::newRow("Int argument") << u"Query"_s << u"people.first"_s << QJsonValue(u"10"_s);
    QTest::newRow("no default") << u"Query"_s << u"people.filter"_s << QJsonValue(QJsonValue::Null);
    QTest::newRow("enum input field, bare") << u"PersonFilter"_s << u"color"_s << QJsonValue(u"RED"_s);
    QTest::newRow("Int input field") << u"PersonFilter"_s << u"limit"_s << QJsonValue(u"5"_s);
    QTest::newRow("list input field") << u"PersonInput"_s << u"tags"_s << QJsonValue(u"[\"new\"]"_s);
    QTest::newRow("Boolean argument of introspection") << u"__Type"_s << u"fields.includeDeprecated"_s
                                                       << QJsonValue(u"false"_s);
}

void TestIntrospection::defaultValuesAreGraphqlLiterals()
{
    QFETCH(QString, type);
    QFETCH(QString, field);
    QFETCH(QJsonValue, defaultValue);
    const QJsonObject typeObject = named(m_schema.value("types"_L1).toArray(), type);
    QJsonObject inputValue;
    if (field.contains(u'.')) {
        const QJsonObject fieldObject = named(typeObject.value("fields"_L1).toArray(), field.section(u'.', 0, 0));
        inputValue = named(fieldObject.value("args"_L1).toArray(), field.section(u'.', 1));
    } else {
        inputValue = named(typeObject.value("inputFields"_L1).toArray(), field);
    }
    QVERIFY(!inputValue.isEmpty());
    QCOMPARE(inputValue.value("defaultValue"_L1), defaultValue);
}

void TestIntrospection::deprecations()
{
    const QJsonArray types = m_schema.value("types"_L1).toArray();
    const QJsonObject nickname = named(named(types, u"Person"_s).value("fields"_L1).toArray(), u"nickname"_s);
    QCOMPARE(nickname.value("isDeprecated"_L1), QJsonValue(true));
    QCOMPARE(nickname.value("deprecationReason"_L1), QJsonValue(u"Use `name`."_s));
    const QJsonObject lookAhead = named(named(types, u"Query"_s).value("fields"_L1).toArray(), u"lookAhead"_s);
    QCOMPARE(lookAhead.value("deprecationReason"_L1), QJsonValue(u"No longer supported"_s));
    const QJsonObject blue = named(named(types, u"Color"_s).value("enumValues"_L1).toArray(), u"BLUE"_s);
    QCOMPARE(blue.value("isDeprecated"_L1), QJsonValue(true));
    QCOMPARE(blue.value("deprecationReason"_L1), QJsonValue(u"Blue is out"_s));
    const QJsonObject input = named(named(types, u"PersonInput"_s).value("inputFields"_L1).toArray(), u"nickname"_s);
    QCOMPARE(input.value("isDeprecated"_L1), QJsonValue(true));
    QCOMPARE(input.value("deprecationReason"_L1), QJsonValue(u"Unused"_s));
    const QJsonObject red = named(named(types, u"Color"_s).value("enumValues"_L1).toArray(), u"RED"_s);
    QCOMPARE(red.value("isDeprecated"_L1), QJsonValue(false));
    QVERIFY(red.value("deprecationReason"_L1).isNull());
}

void TestIntrospection::descriptionsAndScalars()
{
    const QJsonArray types = m_schema.value("types"_L1).toArray();
    QCOMPARE(named(types, u"Person"_s).value("description"_L1), QJsonValue(u"A person.\n\nWith a two-line description."_s));
    QVERIFY(named(types, u"Name"_s).value("description"_L1).isNull());
    QCOMPARE(named(types, u"DateTime"_s).value("specifiedByURL"_L1), QJsonValue(u"https://tools.ietf.org/html/rfc3339"_s));
    QVERIFY(named(types, u"JSON"_s).value("specifiedByURL"_L1).isNull());
    QVERIFY(named(types, u"Int"_s).value("description"_L1).toString().startsWith(u"The `Int` scalar type"_s));
    const QJsonObject last = named(named(types, u"NameInput"_s).value("inputFields"_L1).toArray(), u"last"_s);
    QCOMPARE(last.value("description"_L1), QJsonValue(u"Family name."_s));
    const QJsonObject defaultValue =
        named(named(types, u"__InputValue"_s).value("fields"_L1).toArray(), u"defaultValue"_s);
    QCOMPARE(defaultValue.value("description"_L1),
             QJsonValue(u"A GraphQL-formatted string representing the default value for this input value."_s));
}

void TestIntrospection::abstractTypes()
{
    const QJsonArray types = m_schema.value("types"_L1).toArray();
    auto names = [](const QJsonArray &refs) {
        QStringList out;
        for (const QJsonValue &ref : refs)
            out.append(ref.toObject().value("name"_L1).toString());
        return out;
    };
    QCOMPARE(names(named(types, u"Person"_s).value("interfaces"_L1).toArray()), QStringList{u"Node"_s});
    QCOMPARE(names(named(types, u"Node"_s).value("possibleTypes"_L1).toArray()), (QStringList{u"Person"_s, u"Company"_s}));
    QCOMPARE(names(named(types, u"Node"_s).value("interfaces"_L1).toArray()), QStringList());
    QCOMPARE(names(named(types, u"SearchResult"_s).value("possibleTypes"_L1).toArray()),
             (QStringList{u"Person"_s, u"Company"_s}));
}

void TestIntrospection::directives()
{
    const QJsonArray directives = m_schema.value("directives"_L1).toArray();
    QStringList names;
    for (const QJsonValue &directive : directives)
        names.append(directive.toObject().value("name"_L1).toString());
    QCOMPARE(names, (QStringList{u"include"_s, u"skip"_s, u"deprecated"_s, u"specifiedBy"_s}));
    const QJsonObject include = named(directives, u"include"_s);
    QCOMPARE(include.value("isRepeatable"_L1), QJsonValue(false));
    QCOMPARE(include.value("locations"_L1).toArray(),
             (QJsonArray{u"FIELD"_s, u"FRAGMENT_SPREAD"_s, u"INLINE_FRAGMENT"_s}));
    QCOMPARE(describeTypeRef(named(include.value("args"_L1).toArray(), u"if"_s).value("type"_L1).toObject()),
             u"NON_NULL(SCALAR Boolean)"_s);
    const QJsonObject reason = named(named(directives, u"deprecated"_s).value("args"_L1).toArray(), u"reason"_s);
    QCOMPARE(reason.value("defaultValue"_L1), QJsonValue(u"\"No longer supported\""_s));
}

void TestIntrospection::deprecatedItemsHiddenByDefault()
{
    const QByteArray body = runRequest(*testschema::schema(),
                                       uR"j({ __type(name: "Person") { fields { name } } color: __type(name: "Color") { enumValues { name } } input: __type(name: "PersonInput") { inputFields { name } } })j"_s,
                                       {}, {}, {});
    const QJsonObject data = QJsonDocument::fromJson(body).object().value("data"_L1).toObject();
    QStringList fields;
    for (const QJsonValue &field : data.value("__type"_L1).toObject().value("fields"_L1).toArray())
        fields.append(field.toObject().value("name"_L1).toString());
    QVERIFY(!fields.contains(u"nickname"_s));
    QVERIFY(fields.contains(u"name"_s));
    QCOMPARE(data.value("color"_L1).toObject().value("enumValues"_L1).toArray(),
             (QJsonArray{QJsonObject{{u"name"_s, u"RED"_s}}, QJsonObject{{u"name"_s, u"GREEN"_s}}}));
    QCOMPARE(data.value("input"_L1).toObject().value("inputFields"_L1).toArray().size(), 3);
}

QTEST_GUILESS_MAIN(TestIntrospection)
