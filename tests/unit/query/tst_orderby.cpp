#include "query/orderby.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace vingt;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(std::vector<vingt::OrderTerm>)

namespace {
using enum Direction;
const QString kAllowed = u"Allowed values are 'AscNullsFirst', 'AscNullsLast', 'DescNullsFirst', 'DescNullsLast'"_s;

QString describe(const std::vector<OrderTerm> &terms)
{
    QStringList out;
    for (const OrderTerm &t : terms)
        out << (t.subField.isEmpty() ? t.field : t.field + u'.' + t.subField) + u'[' + directionName(t.direction)
                   + u']';
    return out.join(u',');
}
} // namespace

/// API-CONTRACT §1.4 (`order_by`) and §2.3 (`orderBy`).
class TestOrderBy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void directions();
    void parsesRest_data();
    void parsesRest();
    void rejectsRest_data();
    void rejectsRest();
    void fromJson_data();
    void fromJson();
    void fromJsonRejects();
};

// Slot bodies live outside the class: moc 6.4 mis-reads raw string literals with an odd number of quotes.

void TestOrderBy::directions()
{
    QCOMPARE(directionName(DescNullsLast), "DescNullsLast"_L1);
    QCOMPARE(directionFromName(u"AscNullsLast"), std::optional(AscNullsLast));
    QCOMPARE(directionFromName(u"asc"), std::nullopt);
    QCOMPARE(reversed(AscNullsFirst), DescNullsLast);
    QCOMPARE(reversed(AscNullsLast), DescNullsFirst);
    QCOMPARE(reversed(DescNullsFirst), AscNullsLast);
    QCOMPARE(reversed(DescNullsLast), AscNullsFirst);
    QVERIFY(isAscending(AscNullsLast) && !isAscending(DescNullsFirst));
    QVERIFY(nullsFirst(DescNullsFirst) && !nullsFirst(AscNullsLast));
}

void TestOrderBy::parsesRest_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<std::vector<OrderTerm>>("expected");
    QTest::newRow("contract example") << u"field_1[AscNullsFirst],field_2[DescNullsLast],field_3"_s
                                      << std::vector<OrderTerm>{{u"field_1"_s, {}, AscNullsFirst},
                                                                {u"field_2"_s, {}, DescNullsLast},
                                                                {u"field_3"_s, {}, AscNullsFirst}};
    QTest::newRow("bare field is AscNullsFirst") << u"city"_s << std::vector<OrderTerm>{{u"city"_s, {}, AscNullsFirst}};
    QTest::newRow("all four directions") << u"a[AscNullsFirst],b[AscNullsLast],c[DescNullsFirst],d[DescNullsLast]"_s
                                         << std::vector<OrderTerm>{{u"a"_s, {}, AscNullsFirst},
                                                                   {u"b"_s, {}, AscNullsLast},
                                                                   {u"c"_s, {}, DescNullsFirst},
                                                                   {u"d"_s, {}, DescNullsLast}};
    QTest::newRow("dotted path") << u"name.firstName[AscNullsLast]"_s
                                 << std::vector<OrderTerm>{{u"name"_s, u"firstName"_s, AscNullsLast}};
    QTest::newRow("whole composite is parsed (resolveOrder rejects it)")
        << u"name[AscNullsLast]"_s << std::vector<OrderTerm>{{u"name"_s, {}, AscNullsLast}};
    QTest::newRow("empty") << QString() << std::vector<OrderTerm>{};
    QTest::newRow("empty items skipped") << u"a,,b,"_s
                                         << std::vector<OrderTerm>{{u"a"_s, {}, AscNullsFirst},
                                                                   {u"b"_s, {}, AscNullsFirst}};
    QTest::newRow("unclosed bracket is part of the field name (resolveOrder rejects it)")
        << u"city[DescNullsLast"_s << std::vector<OrderTerm>{{u"city[DescNullsLast"_s, {}, AscNullsFirst}};
    QTest::newRow("id kept where given") << u"id[DescNullsFirst]"_s
                                         << std::vector<OrderTerm>{{u"id"_s, {}, DescNullsFirst}};
}

void TestOrderBy::parsesRest()
{
    QFETCH(QString, text);
    QFETCH(std::vector<OrderTerm>, expected);
    const auto result = parseRestOrderBy(text);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(describe(*result), describe(expected));
    QVERIFY(*result == expected);
}

void TestOrderBy::rejectsRest_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown direction") << u"city[X]"_s << u"'order_by' direction 'X' invalid. "_s + kAllowed;
    QTest::newRow("lower-case direction")
        << u"a,city[ascNullsFirst]"_s << u"'order_by' direction 'ascNullsFirst' invalid. "_s + kAllowed;
    QTest::newRow("GraphQL-ish direction") << u"city[ASC]"_s << u"'order_by' direction 'ASC' invalid. "_s + kAllowed;
    QTest::newRow("empty direction") << u"city[]"_s << u"'order_by' direction '' invalid. "_s + kAllowed;
}

void TestOrderBy::rejectsRest()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    const auto result = parseRestOrderBy(text);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ErrorKind::BadRequest);
    QCOMPARE(result.error().message, message);
}

void TestOrderBy::fromJson_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<std::vector<OrderTerm>>("expected");
    QTest::newRow("contract example") << QByteArray(
        R"([{"city":"AscNullsFirst"},{"name":{"firstName":"DescNullsLast"}}])")
                                      << std::vector<OrderTerm>{{u"city"_s, {}, AscNullsFirst},
                                                                {u"name"_s, u"firstName"_s, DescNullsLast}};
    QTest::newRow("single object") << QByteArray(R"({"city":"DescNullsFirst"})")
                                   << std::vector<OrderTerm>{{u"city"_s, {}, DescNullsFirst}};
    QTest::newRow("null items skipped") << QByteArray(R"([null,{"city":"AscNullsLast"}])")
                                        << std::vector<OrderTerm>{{u"city"_s, {}, AscNullsLast}};
    QTest::newRow("null") << QByteArray("null") << std::vector<OrderTerm>{};
    QTest::newRow("empty list") << QByteArray("[]") << std::vector<OrderTerm>{};
}

void TestOrderBy::fromJson()
{
    QFETCH(QByteArray, input);
    QFETCH(std::vector<OrderTerm>, expected);
    const QJsonValue value = QJsonDocument::fromJson("[" + input + "]").array().at(0);
    const auto result = orderByFromJson(value);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(describe(*result), describe(expected));
}

void TestOrderBy::fromJsonRejects()
{
    const auto bad = orderByFromJson(QJsonDocument::fromJson(R"([{"city":"Up"}])").array());
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().message, u"'orderBy' direction 'Up' invalid. "_s + kAllowed);
    const auto scalar = orderByFromJson(QJsonValue(3));
    QVERIFY(!scalar.ok());
    QCOMPARE(scalar.error().message, u"'orderBy' expects a list of objects"_s);
}

QTEST_GUILESS_MAIN(TestOrderBy)
#include "tst_orderby.moc"
