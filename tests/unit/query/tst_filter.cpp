#include "query/filter.h"
#include "query/restfilterparser.h"

#include <QJsonDocument>
#include <QTest>

using namespace vingt;
using namespace Qt::StringLiterals;

/// The filter AST: GraphQL-style input (API-CONTRACT §2.3), its JSON form, and the soft-delete helper.
class TestFilter : public QObject
{
    Q_OBJECT

private:
    static QJsonObject object(const QByteArray &json) { return QJsonDocument::fromJson(json).object(); }
    static QByteArray compact(const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); }

private Q_SLOTS:
    void comparatorNames();
    void fromJson_data();
    void fromJson();
    void fromJsonRejects_data();
    void fromJsonRejects();
    void restAndJsonAgree();
    void mentionsField_data();
    void mentionsField();
};

// Slot bodies live outside the class: moc 6.4 mis-reads raw string literals with an odd number of quotes.

void TestFilter::comparatorNames()
{
    QCOMPARE(comparatorName(Comparator::ContainsAny), "containsAny"_L1);
    QCOMPARE(comparatorName(Comparator::IsEmptyArray), "isEmptyArray"_L1);
    QCOMPARE(comparatorFromName(u"iregex"), std::optional(Comparator::Iregex));
    QCOMPARE(comparatorFromName(u"EQ"), std::nullopt);
    QCOMPARE(restComparators().size(), std::size_t(14));
}

void TestFilter::fromJson_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("one field") << QByteArray(R"({"city":{"eq":"x"}})") << QByteArray(R"({"city":{"eq":"x"}})");
    QTest::newRow("keys at one level are ANDed")
        << QByteArray(R"({"city":{"eq":"x"},"deletedAt":{"is":"NULL"}})")
        << QByteArray(R"({"and":[{"city":{"eq":"x"}},{"deletedAt":{"is":"NULL"}}]})");
    QTest::newRow("two comparators on one field")
        << QByteArray(R"({"employees":{"gte":1,"lte":5}})")
        << QByteArray(R"({"and":[{"employees":{"gte":1}},{"employees":{"lte":5}}]})");
    QTest::newRow("composite sub-field") << QByteArray(R"({"name":{"firstName":{"ilike":"%a%"}}})")
                                         << QByteArray(R"({"name":{"firstName":{"ilike":"%a%"}}})");
    QTest::newRow("and / or / not")
        << QByteArray(R"({"and":[{"a":{"eq":1}},{"or":[{"b":{"eq":true}},{"not":{"c":{"in":["x"]}}}]}]})")
        << QByteArray(R"({"and":[{"a":{"eq":1}},{"or":[{"b":{"eq":true}},{"not":{"c":{"in":["x"]}}}]}]})");
    QTest::newRow("contract trash query")
        << QByteArray(R"({"id":{"in":["a"]},"not":{"deletedAt":{"is":"NULL"}}})")
        << QByteArray(R"({"and":[{"id":{"in":["a"]}},{"not":{"deletedAt":{"is":"NULL"}}}]})");
    QTest::newRow("single object for a list")
        << QByteArray(R"({"or":{"a":{"eq":1}}})") << QByteArray(R"({"or":[{"a":{"eq":1}}]})");
    QTest::newRow("null field is no condition")
        << QByteArray(R"({"a":null,"b":{"eq":1}})") << QByteArray(R"({"b":{"eq":1}})");
    QTest::newRow("empty input") << QByteArray("{}") << QByteArray(R"({"and":[]})");
    QTest::newRow("empty or") << QByteArray(R"({"or":[]})") << QByteArray(R"({"or":[]})");
    QTest::newRow("GraphQL-only comparators")
        << QByteArray(R"({"aliases":{"isEmptyArray":true},"city":{"iregex":"^a"}})")
        << QByteArray(R"({"and":[{"aliases":{"isEmptyArray":true}},{"city":{"iregex":"^a"}}]})");
}

void TestFilter::fromJson()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    const auto result = filterFromJson(object(input));
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(compact(filterToJson(*result)), compact(object(expected)));
}

void TestFilter::fromJsonRejects_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown comparator") << QByteArray(R"({"city":{"equals":"x"}})")
                                        << u"Invalid filter: unknown comparator 'equals' for field 'city'"_s;
    QTest::newRow("unknown sub-field comparator")
        << QByteArray(R"({"name":{"firstName":{"equals":"x"}}})")
        << u"Invalid filter: unknown comparator 'equals' for field 'name.firstName'"_s;
    QTest::newRow("field without comparators")
        << QByteArray(R"({"city":"x"})") << u"Invalid filter: field 'city' expects an object of comparators"_s;
    QTest::newRow("and of scalars") << QByteArray(R"({"and":[1]})")
                                    << u"Invalid filter: 'and' expects a list of filters"_s;
    QTest::newRow("not of a list") << QByteArray(R"({"not":[]})") << u"Invalid filter: 'not' expects a filter"_s;
}

void TestFilter::fromJsonRejects()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, message);
    const auto result = filterFromJson(object(input));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ErrorKind::BadRequest);
    QCOMPARE(result.error().message, message);
}

void TestFilter::restAndJsonAgree()
{
    // API-CONTRACT §1.4: the REST form parses to the GraphQL-style filter.
    const auto rest = parseRestFilter(uR"(and(f[eq]:1,or(f[eq]:2,not(g[startsWith]:"v"))))"_s);
    const auto json = filterFromJson(
        object(R"({"and":[{"f":{"eq":"1"}},{"or":[{"f":{"eq":"2"}},{"not":{"g":{"startsWith":"v"}}}]}]})"));
    QVERIFY(rest.ok() && json.ok());
    QVERIFY(*rest == *json);
}

void TestFilter::mentionsField_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<bool>("mentions");
    QTest::newRow("absent") << u"city[eq]:x"_s << false;
    QTest::newRow("top level") << u"deletedAt[is]:NOT_NULL"_s << true;
    QTest::newRow("inside not") << u"and(city[eq]:x,not(deletedAt[is]:NULL))"_s << true;
    QTest::newRow("deep inside or") << u"or(city[eq]:x,and(a[eq]:1,deletedAt[gt]:2020-01-01))"_s << true;
    QTest::newRow("prefix is not enough") << u"deletedAtX[eq]:1"_s << false;
    QTest::newRow("sub-field name does not count") << u"name.deletedAt[eq]:1"_s << false;
}

void TestFilter::mentionsField()
{
    QFETCH(QString, filter);
    QFETCH(bool, mentions);
    const auto parsed = parseRestFilter(filter);
    QVERIFY(parsed.ok());
    QCOMPARE(vingt::mentionsField(*parsed, u"deletedAt"), mentions);
}

QTEST_GUILESS_MAIN(TestFilter)
#include "tst_filter.moc"
