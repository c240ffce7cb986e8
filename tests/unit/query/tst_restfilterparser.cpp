#include "query/restfilterparser.h"

#include <QJsonDocument>
#include <QTest>

using namespace vingt;
using namespace Qt::StringLiterals;

/// API-CONTRACT §1.4: the REST filter grammar and its error messages.
class TestRestFilterParser : public QObject
{
    Q_OBJECT

private:
    static QByteArray compact(const QJsonObject &object)
    {
        return QJsonDocument(object).toJson(QJsonDocument::Compact);
    }
    static QByteArray normalized(const QByteArray &json)
    {
        return QJsonDocument::fromJson(json).toJson(QJsonDocument::Compact);
    }

private Q_SLOTS:
    void parses_data();
    void parses();
    void rejects_data();
    void rejects();
    void keepsFieldAndSubField();
};

// Slot bodies live outside the class: moc 6.4 mis-reads raw string literals with an odd number of quotes.

void TestRestFilterParser::parses_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("single item is wrapped in and")
        << u"city[eq]:Paris"_s << QByteArray(R"({"and":[{"city":{"eq":"Paris"}}]})");
    QTest::newRow("bare list means and") << u"a[eq]:1,b[eq]:2"_s
                                         << QByteArray(R"({"and":[{"a":{"eq":"1"}},{"b":{"eq":"2"}}]})");
    QTest::newRow("contract example")
        << uR"(and(f[eq]:1,or(f[eq]:2,not(g[startsWith]:"v"))))"_s
        << QByteArray(R"({"and":[{"f":{"eq":"1"}},{"or":[{"f":{"eq":"2"}},{"not":{"g":{"startsWith":"v"}}}]}]})");
    QTest::newRow("or at the root") << u"or(a[eq]:1,b[eq]:2)"_s
                                    << QByteArray(R"({"or":[{"a":{"eq":"1"}},{"b":{"eq":"2"}}]})");
    QTest::newRow("not at the root") << u"not(a[eq]:1)"_s << QByteArray(R"({"not":{"a":{"eq":"1"}}})");
    QTest::newRow("and with one item") << u"and(a[eq]:1)"_s << QByteArray(R"({"and":[{"a":{"eq":"1"}}]})");
    QTest::newRow("deep nesting (Twenty spec 3)")
        << u"and(n[eq]:1,or(n[eq]:2,n[eq]:3,and(n[eq]:6,n[eq]:7)),or(n[eq]:4,n[eq]:5))"_s
        << QByteArray(R"({"and":[{"n":{"eq":"1"}},{"or":[{"n":{"eq":"2"}},{"n":{"eq":"3"}},)"
                      R"({"and":[{"n":{"eq":"6"}},{"n":{"eq":"7"}}]}]},{"or":[{"n":{"eq":"4"}},{"n":{"eq":"5"}}]}]})");
    QTest::newRow("mixed comparators (Twenty spec 4)")
        << uR"(and(t[gt]:"val,ue",or(n[is]:NOT_NULL,not(t[startsWith]:"val"),)"
           uR"(and(n[eq]:6,t[ilike]:"%val%")),or(n[eq]:4,t[is]:NULL)))"_s
        << QByteArray(
               R"({"and":[{"t":{"gt":"val,ue"}},{"or":[{"n":{"is":"NOT_NULL"}},{"not":{"t":{"startsWith":"val"}}},)"
               R"({"and":[{"n":{"eq":"6"}},{"t":{"ilike":"%val%"}}]}]},)"
               R"({"or":[{"n":{"eq":"4"}},{"t":{"is":"NULL"}}]}]})");
    QTest::newRow("two conjunctions at the root form a bare list")
        << u"and(a[eq]:1),or(b[eq]:2)"_s
        << QByteArray(R"({"and":[{"and":[{"a":{"eq":"1"}}]},{"or":[{"b":{"eq":"2"}}]}]})");
    QTest::newRow("comma inside double quotes")
        << uR"(city[eq]:"a,b",x[eq]:1)"_s << QByteArray(R"({"and":[{"city":{"eq":"a,b"}},{"x":{"eq":"1"}}]})");
    QTest::newRow("comma inside single quotes")
        << u"and(city[eq]:'a,b',x[eq]:1)"_s << QByteArray(R"({"and":[{"city":{"eq":"a,b"}},{"x":{"eq":"1"}}]})");
    QTest::newRow("parenthesis inside quotes")
        << uR"x(city[eq]:"a(b",x[eq]:"c)")x"_s << QByteArray(R"x({"and":[{"city":{"eq":"a(b"}},{"x":{"eq":"c)"}}]})x");
    QTest::newRow("double quotes inside single quotes")
        << uR"(city[eq]:'say "hi", ok')"_s << QByteArray(R"({"and":[{"city":{"eq":"say \"hi\", ok"}}]})");
    QTest::newRow("apostrophe inside a raw value")
        << u"lastName[eq]:O'Brien,city[eq]:x"_s
        << QByteArray(R"({"and":[{"lastName":{"eq":"O'Brien"}},{"city":{"eq":"x"}}]})");
    QTest::newRow("unterminated quote is an ordinary character")
        << uR"(city[eq]:"abc)"_s << QByteArray(R"({"and":[{"city":{"eq":"\"abc"}}]})");
    QTest::newRow("comma inside an array")
        << u"and(n[in]:[1,2],n[eq]:4)"_s << QByteArray(R"({"and":[{"n":{"in":["1","2"]}},{"n":{"eq":"4"}}]})");
    QTest::newRow("quoted array items") << uR"(city[in]:["a,b",'c]',d])"_s
                                        << QByteArray(R"({"and":[{"city":{"in":["a,b","c]","d"]}}]})");
    QTest::newRow("spaces around array items")
        << uR"(city[in]:[ a , "b c" ])"_s << QByteArray(R"({"and":[{"city":{"in":["a","b c"]}}]})");
    QTest::newRow("empty array") << u"city[in]:[]"_s << QByteArray(R"({"and":[{"city":{"in":[]}}]})");
    QTest::newRow("dates in an array")
        << uR"(createdAt[in]:["2023-12-01T14:23:23.914Z","2024-12-01T14:23:23.914Z"])"_s
        << QByteArray(R"({"and":[{"createdAt":{"in":["2023-12-01T14:23:23.914Z","2024-12-01T14:23:23.914Z"]}}]})");
    QTest::newRow("containsAny") << u"tags[containsAny]:[a,b]"_s
                                 << QByteArray(R"({"and":[{"tags":{"containsAny":["a","b"]}}]})");
    QTest::newRow("containsExactly") << u"tags[containsExactly]:[a]"_s
                                     << QByteArray(R"({"and":[{"tags":{"containsExactly":["a"]}}]})");
    QTest::newRow("is NULL") << u"deletedAt[is]:NULL"_s << QByteArray(R"({"and":[{"deletedAt":{"is":"NULL"}}]})");
    QTest::newRow("is NOT_NULL") << u"deletedAt[is]:NOT_NULL"_s
                                 << QByteArray(R"({"and":[{"deletedAt":{"is":"NOT_NULL"}}]})");
    QTest::newRow("boolean stays a string")
        << u"isActive[eq]:true"_s << QByteArray(R"({"and":[{"isActive":{"eq":"true"}}]})");
    QTest::newRow("like wildcards") << uR"(name[ilike]:"%acme%")"_s
                                    << QByteArray(R"({"and":[{"name":{"ilike":"%acme%"}}]})");
    QTest::newRow("sub-field path") << u"name.firstName[eq]:John"_s
                                    << QByteArray(R"({"and":[{"name":{"firstName":{"eq":"John"}}}]})");
    QTest::newRow("every REST comparator")
        << u"a[neq]:1,a[gt]:1,a[gte]:1,a[lt]:1,a[lte]:1,a[endsWith]:x,a[like]:x"_s
        << QByteArray(R"({"and":[{"a":{"neq":"1"}},{"a":{"gt":"1"}},{"a":{"gte":"1"}},{"a":{"lt":"1"}},)"
                      R"({"a":{"lte":"1"}},{"a":{"endsWith":"x"}},{"a":{"like":"x"}}]})");
    QTest::newRow("value with brackets and colon (Twenty spec)")
        << u"n[gt]:valStart]:[valEnd"_s << QByteArray(R"({"and":[{"n":{"gt":"valStart]:[valEnd"}}]})");
    QTest::newRow("iso date raw value") << u"date[gt]:2023-12-01T14:23:23.914Z"_s
                                        << QByteArray(R"({"and":[{"date":{"gt":"2023-12-01T14:23:23.914Z"}}]})");
    QTest::newRow("space after a comma is ignored")
        << u"and(a[eq]:1, b[eq]:2)"_s << QByteArray(R"({"and":[{"a":{"eq":"1"}},{"b":{"eq":"2"}}]})");
    QTest::newRow("eq keeps an array-looking value as text")
        << u"a[eq]:[1,2]"_s << QByteArray(R"({"and":[{"a":{"eq":"[1,2]"}}]})");
    QTest::newRow("field named like a conjunction") << u"and[eq]:1"_s << QByteArray(R"({"and":[{"and":{"eq":"1"}}]})");
}

void TestRestFilterParser::parses()
{
    QFETCH(QString, filter);
    QFETCH(QByteArray, expected);
    const auto result = parseRestFilter(filter);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(compact(filterToJson(*result)), normalized(expected));
}

void TestRestFilterParser::rejects_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("message");

    QTest::newRow("one close bracket missing")
        << u"and(a[eq]:1"_s << u"'filter' invalid. 1 close bracket is missing in the query"_s;
    QTest::newRow("two close brackets missing")
        << u"and(or(a[eq]:1"_s << u"'filter' invalid. 2 close brackets are missing in the query"_s;
    QTest::newRow("one open bracket missing")
        << u"and(or(n[eq]:1,n[eq]:2)),n[eq]:3)"_s << u"'filter' invalid. 1 open bracket is missing in the query"_s;
    QTest::newRow("two open brackets missing")
        << u"a[eq]:1))"_s << u"'filter' invalid. 2 open brackets are missing in the query"_s;
    QTest::newRow("in without brackets")
        << u"id[in]:2024-12-01T14:23:23.914Z"_s
        << u"'filter' invalid for 'in' operator. Received 2024-12-01T14:23:23.914Z array value expected eg: "
           "'field[in]:[value_1,value_2]'"_s;
    QTest::newRow("in with a quoted list")
        << uR"(id[in]:"a,b")"_s
        << uR"('filter' invalid for 'in' operator. Received "a,b" array value expected eg: )"
           uR"('field[in]:[value_1,value_2]')"_s;
    QTest::newRow("containsAny without brackets")
        << u"tags[containsAny]:a"_s
        << u"'filter' invalid for 'containsAny' operator. Received a array value expected eg: "
           "'field[containsAny]:[value_1,value_2]'"_s;
    QTest::newRow("containsExactly without brackets")
        << u"tags[containsExactly]:a"_s
        << u"'filter' invalid for 'containsExactly' operator. Received a array value expected eg: "
           "'field[containsExactly]:[value_1,value_2]'"_s;
    const QString known = u"eq, neq, in, containsAny, containsExactly, is, gt, gte, lt, lte, startsWith, endsWith, "
                          "like, ilike"_s;
    QTest::newRow("unknown comparator") << u"city[foo]:x"_s
                                        << u"'filter' invalid for 'city[foo]:x', comparator foo not in "_s + known;
    QTest::newRow("GraphQL-only comparator")
        << u"and(a[eq]:1,city[regex]:x)"_s
        << u"'filter' invalid for 'city[regex]:x', comparator regex not in "_s + known;
    QTest::newRow("comparator case matters")
        << u"city[EQ]:x"_s << u"'filter' invalid for 'city[EQ]:x', comparator EQ not in "_s + known;
    QTest::newRow("no comparator") << u"city=x"_s << u"'filter' invalid for 'city=x'. eg: price[gte]:10"_s;
    QTest::newRow("no value") << u"city[eq]:"_s << u"'filter' invalid for 'city[eq]:'. eg: price[gte]:10"_s;
    QTest::newRow("no colon") << u"city[eq]x"_s << u"'filter' invalid for 'city[eq]x'. eg: price[gte]:10"_s;
    QTest::newRow("empty comparator") << u"city[]:x"_s << u"'filter' invalid for 'city[]:x'. eg: price[gte]:10"_s;
    QTest::newRow("no field") << u"[eq]:x"_s << u"'filter' invalid for '[eq]:x'. eg: price[gte]:10"_s;
    QTest::newRow("empty path segment") << u"name..firstName[eq]:x"_s
                                        << u"'filter' invalid for 'name..firstName[eq]:x'. eg: price[gte]:10"_s;
    QTest::newRow("malformed nested item")
        << u"and(a[eq]:1,or(b[eq]:2,oops))"_s << u"'filter' invalid for 'oops'. eg: price[gte]:10"_s;
    QTest::newRow("empty item") << u"a[eq]:1,,b[eq]:2"_s << u"'filter' invalid for ''. eg: price[gte]:10"_s;
    QTest::newRow("empty conjunction") << u"and()"_s << u"'filter' invalid for 'and()'. eg: price[gte]:10"_s;
    QTest::newRow("empty filter") << QString() << u"'filter' invalid for ''. eg: price[gte]:10"_s;
    QTest::newRow("not with two items")
        << u"not(a[eq]:1,b[eq]:2)"_s
        << u"'filter' invalid. 'not' conjunction should contain only 1 condition. eg: not(field[eq]:1)"_s;
    QTest::newRow("trailing text after a conjunction")
        << u"and(a[eq]:1,or(b[eq]:2)x)"_s << u"'filter' invalid for 'or(b[eq]:2)x'. eg: price[gte]:10"_s;
}

void TestRestFilterParser::rejects()
{
    QFETCH(QString, filter);
    QFETCH(QString, message);
    const auto result = parseRestFilter(filter);
    QVERIFY2(!result.ok(), qPrintable(result.ok() ? QString::fromUtf8(compact(filterToJson(*result))) : QString()));
    QCOMPARE(result.error().kind, ErrorKind::BadRequest);
    QCOMPARE(result.error().message, message);
}

void TestRestFilterParser::keepsFieldAndSubField()
{
    const auto result = parseRestFilter(u"emails.primaryEmail[eq]:a@b.c"_s);
    QVERIFY(result.ok());
    QCOMPARE(result->kind, FilterNode::Kind::And);
    QCOMPARE(result->children.size(), std::size_t(1));
    const FilterCondition &condition = result->children.front().condition;
    QCOMPARE(condition.field, u"emails"_s);
    QCOMPARE(condition.subField, u"primaryEmail"_s);
    QCOMPARE(condition.op, Comparator::Eq);
    QCOMPARE(condition.value, QJsonValue(u"a@b.c"_s));
}

QTEST_GUILESS_MAIN(TestRestFilterParser)
#include "tst_restfilterparser.moc"
