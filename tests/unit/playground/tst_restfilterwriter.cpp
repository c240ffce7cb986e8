// Unit tests of the playground's REST filter writer: what it writes, parseRestFilter() reads back as the same tree
// (API-CONTRACT §1.4), and the typed-text check gives the server's own messages.

#include "model/datamodel.h"
#include "model/standardobjects.h"
#include "playground/restfilterwriter.h"
#include "query/restfilterparser.h"

#include <QJsonArray>
#include <QTest>

using namespace vingt;
using namespace vingt::playground;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(vingt::FilterNode)

namespace {

FilterNode cond(const QString &field, Comparator op, QJsonValue value, const QString &sub = {})
{
    return FilterNode::makeCondition(field, sub, op, std::move(value));
}

} // namespace

class TestRestFilterWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<FilterNode>("filter");
        QTest::addColumn<QString>("text");

        QTest::newRow("one condition") << FilterNode::makeAnd({cond(u"city"_s, Comparator::Eq, u"Paris"_s)})
                                       << u"and(city[eq]:Paris)"_s;
        QTest::newRow("sub-field") << FilterNode::makeAnd(
            {cond(u"name"_s, Comparator::Ilike, u"%an%"_s, u"firstName"_s)})
                                   << u"and(name.firstName[ilike]:%an%)"_s;
        QTest::newRow("nested groups") << FilterNode::makeOr(
            {FilterNode::makeAnd(
                 {cond(u"city"_s, Comparator::Eq, u"Paris"_s), cond(u"jobTitle"_s, Comparator::StartsWith, u"CTO"_s)}),
             FilterNode::makeNot(cond(u"deletedAt"_s, Comparator::Is, u"NULL"_s))})
                                       << u"or(and(city[eq]:Paris,jobTitle[startsWith]:CTO),not(deletedAt[is]:NULL))"_s;
        QTest::newRow("array") << FilterNode::makeAnd(
            {cond(u"city"_s, Comparator::In, QJsonArray{u"Paris"_s, u"Lyon, France"_s, u"Nice"_s})})
                               << u"and(city[in]:[Paris,\"Lyon, France\",Nice])"_s;
        QTest::newRow("separators quoted")
            << FilterNode::makeAnd({cond(u"city"_s, Comparator::Eq, u"a,b(c)"_s)}) << u"and(city[eq]:\"a,b(c)\")"_s;
        QTest::newRow("apostrophe stays raw")
            << FilterNode::makeAnd({cond(u"city"_s, Comparator::Eq, u"O'Brien"_s)}) << u"and(city[eq]:O'Brien)"_s;
        QTest::newRow("double quote and comma")
            << FilterNode::makeAnd({cond(u"jobTitle"_s, Comparator::Eq, u"say \"hi\", then"_s)})
            << u"and(jobTitle[eq]:'say \"hi\", then')"_s;
        QTest::newRow("leading quote") << FilterNode::makeAnd({cond(u"city"_s, Comparator::Eq, u"\"x"_s)})
                                       << u"and(city[eq]:'\"x')"_s;
        QTest::newRow("leading space") << FilterNode::makeAnd({cond(u"city"_s, Comparator::Eq, u" x"_s)})
                                       << u"and(city[eq]:\" x\")"_s;
        QTest::newRow("empty value") << FilterNode::makeAnd({cond(u"city"_s, Comparator::Eq, u""_s)})
                                     << u"and(city[eq]:\"\")"_s;
        QTest::newRow("colon and brackets in value")
            << FilterNode::makeAnd({cond(u"city"_s, Comparator::Like, u"a:[b]"_s)}) << u"and(city[like]:\"a:[b]\")"_s;
        QTest::newRow("unicode") << FilterNode::makeAnd({cond(u"city"_s, Comparator::Eq, u"Zürich 東京"_s)})
                                 << u"and(city[eq]:Zürich 東京)"_s;
        QTest::newRow("every REST comparator") << [] {
            std::vector<FilterNode> children;
            for (const Comparator op : restComparators()) {
                const bool array = op == Comparator::In || op == Comparator::ContainsAny
                                   || op == Comparator::ContainsExactly;
                children.push_back(cond(u"f"_s, op, array ? QJsonValue(QJsonArray{u"1"_s, u"2"_s}) : u"1"_s));
            }
            return FilterNode::makeAnd(std::move(children));
        }() << QString();
    }

    void roundTrip()
    {
        QFETCH(FilterNode, filter);
        QFETCH(QString, text);
        auto written = writeRestFilter(filter);
        QVERIFY2(bool(written), written ? "" : qPrintable(written.error().message));
        if (!text.isEmpty())
            QCOMPARE(*written, text);
        auto parsed = parseRestFilter(*written);
        QVERIFY2(bool(parsed), parsed ? "" : qPrintable(parsed.error().message + u" for "_s + *written));
        QCOMPARE(filterToJson(*parsed), filterToJson(filter));
        QVERIFY(*parsed == filter);
    }

    void parsedTextRoundTrips_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("bare list") << u"city[eq]:Paris,jobTitle[neq]:x"_s;
        QTest::newRow("contract example") << u"or(name.firstName[ilike]:\"%an%\",and(city[in]:[Paris,Lyon]))"_s;
        QTest::newRow("quoted") << u"city[eq]:'a, b'"_s;
    }

    void parsedTextRoundTrips()
    {
        // Text → tree → text → the same tree: the builder can take over typed text.
        QFETCH(QString, text);
        auto parsed = parseRestFilter(text);
        QVERIFY(bool(parsed));
        auto written = writeRestFilter(*parsed);
        QVERIFY(bool(written));
        auto again = parseRestFilter(*written);
        QVERIFY(bool(again));
        QVERIFY(*again == *parsed);
    }

    void unwritable()
    {
        auto written = writeRestFilter(FilterNode::makeAnd({cond(u"city"_s, Comparator::Eq, u"a\"b'c,d"_s)}));
        QVERIFY(!written);
        QVERIFY(written.error().message.contains(u"a\"b'c,d"_s));
        QVERIFY(!writeRestFilter(FilterNode{FilterNode::Kind::Not, {}, {}}));
    }

    void check()
    {
        const DataModel model(1, standardObjects());
        QVERIFY(bool(checkRestFilter(model, u"people"_s, QString())));
        QVERIFY(bool(checkRestFilter(model, u"people"_s, u"name.firstName[ilike]:%a%"_s)));
        auto grammar = checkRestFilter(model, u"people"_s, u"city[eq]Paris"_s);
        QVERIFY(!grammar);
        QCOMPARE(grammar.error().message, u"'filter' invalid for 'city[eq]Paris'. eg: price[gte]:10"_s);
        auto field = checkRestFilter(model, u"people"_s, u"nope[eq]:1"_s);
        QVERIFY(!field);
        QVERIFY2(field.error().message.contains(u"nope"_s), qPrintable(field.error().message));
        QVERIFY(!checkRestFilter(model, u"nothings"_s, u"a[eq]:1"_s));
    }
};

QTEST_GUILESS_MAIN(TestRestFilterWriter)
#include "tst_restfilterwriter.moc"
