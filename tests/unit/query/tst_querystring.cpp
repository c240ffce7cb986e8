#include "query/querystring.h"

#include <QTest>

using namespace vingt;
using namespace Qt::StringLiterals;

/// API-CONTRACT §1.3: form-urlencoded query strings, repeated and unknown parameters.
class TestQueryString : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodes_data();
    void decodes();
    void rejectsRepeats_data();
    void rejectsRepeats();
    void unknownParameter_data();
    void unknownParameter();
    void hintsOnlyKnownNames();
    void knownParameters();
};

// Slot bodies live outside the class: moc 6.4 mis-reads raw string literals with an odd number of quotes.

void TestQueryString::decodes_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<QStringList>("values");

    QTest::newRow("contract example") << QByteArray("filter=name%5Blike%5D%3A%22Acme+Corp%25%22")
                                      << QStringList{u"filter"_s} << QStringList{uR"(name[like]:"Acme Corp%")"_s};
    QTest::newRow("order kept") << QByteArray("limit=2&filter=a&order_by=b")
                                << QStringList{u"limit"_s, u"filter"_s, u"order_by"_s}
                                << QStringList{u"2"_s, u"a"_s, u"b"_s};
    QTest::newRow("plus is a space, %2B a plus")
        << QByteArray("q=a+b%2Bc") << QStringList{u"q"_s} << QStringList{u"a b+c"_s};
    QTest::newRow("utf-8") << QByteArray("city=Z%C3%BCrich") << QStringList{u"city"_s} << QStringList{u"Zürich"_s};
    QTest::newRow("raw utf-8 bytes") << QByteArray("city=Z\xc3\xbcrich") << QStringList{u"city"_s}
                                     << QStringList{u"Zürich"_s};
    QTest::newRow("invalid escapes stay")
        << QByteArray("q=100%&r=%zz%4") << QStringList{u"q"_s, u"r"_s} << QStringList{u"100%"_s, u"%zz%4"_s};
    QTest::newRow("encoded name") << QByteArray("order%5Fby=x") << QStringList{u"order_by"_s} << QStringList{u"x"_s};
    QTest::newRow("no value") << QByteArray("depth&limit=") << QStringList{u"depth"_s, u"limit"_s}
                              << QStringList{QString(), QString()};
    QTest::newRow("first = splits") << QByteArray("filter=a[eq]:b=c") << QStringList{u"filter"_s}
                                    << QStringList{u"a[eq]:b=c"_s};
    QTest::newRow("empty pairs skipped") << QByteArray("&&limit=1&") << QStringList{u"limit"_s} << QStringList{u"1"_s};
    QTest::newRow("empty") << QByteArray() << QStringList{} << QStringList{};
    QTest::newRow("names are case-sensitive")
        << QByteArray("limit=1&LIMIT=2") << QStringList{u"limit"_s, u"LIMIT"_s} << QStringList{u"1"_s, u"2"_s};
}

void TestQueryString::decodes()
{
    QFETCH(QByteArray, raw);
    QFETCH(QStringList, names);
    QFETCH(QStringList, values);
    const auto params = parseQueryString(raw);
    QVERIFY2(params.ok(), qPrintable(params.ok() ? QString() : params.error().message));
    QCOMPARE(params->names(), names);
    for (int i = 0; i < names.size(); ++i) {
        QVERIFY(params->contains(names[i]));
        QCOMPARE(params->value(names[i], u"absent"_s), values[i]);
        QCOMPARE(params->find(names[i]), std::optional(values[i]));
    }
    QVERIFY(!params->contains(u"nothing"));
    QCOMPARE(params->value(u"nothing", u"fallback"_s), u"fallback"_s);
    QCOMPARE(params->find(u"nothing"), std::nullopt);
    QCOMPARE(params->isEmpty(), names.isEmpty());
}

void TestQueryString::rejectsRepeats_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QString>("message");
    QTest::newRow("same value") << QByteArray("limit=1&limit=1") << u"Query parameter 'limit' must be given once"_s;
    QTest::newRow("encoded repeat") << QByteArray("order_by=a&order%5Fby=b")
                                    << u"Query parameter 'order_by' must be given once"_s;
    QTest::newRow("first repeat wins") << QByteArray("a=1&b=1&b=2&a=2") << u"Query parameter 'b' must be given once"_s;
    QTest::newRow("without value") << QByteArray("depth&depth") << u"Query parameter 'depth' must be given once"_s;
}

void TestQueryString::rejectsRepeats()
{
    QFETCH(QByteArray, raw);
    QFETCH(QString, message);
    const auto params = parseQueryString(raw);
    QVERIFY(!params.ok());
    QCOMPARE(params.error().kind, ErrorKind::BadRequest);
    QCOMPARE(params.error().message, message);
}

void TestQueryString::unknownParameter_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("message");
    const auto hint = [](const char *name, const char *known) {
        return u"Unknown query parameter '%1'. Did you mean '%2'?"_s.arg(QLatin1StringView(name),
                                                                         QLatin1StringView(known));
    };
    QTest::newRow("contract example") << u"after"_s << hint("after", "starting_after");
    QTest::newRow("startingAfter") << u"startingAfter"_s << hint("startingAfter", "starting_after");
    QTest::newRow("cursor") << u"cursor"_s << hint("cursor", "starting_after");
    QTest::newRow("before") << u"before"_s << hint("before", "ending_before");
    QTest::newRow("endingBefore") << u"endingBefore"_s << hint("endingBefore", "ending_before");
    QTest::newRow("orderBy") << u"orderBy"_s << hint("orderBy", "order_by");
    QTest::newRow("sort") << u"sort"_s << hint("sort", "order_by");
    QTest::newRow("sort_by") << u"sort_by"_s << hint("sort_by", "order_by");
    QTest::newRow("order") << u"order"_s << hint("order", "order_by");
    QTest::newRow("first") << u"first"_s << hint("first", "limit");
    QTest::newRow("pageSize") << u"pageSize"_s << hint("pageSize", "limit");
    QTest::newRow("page_size") << u"page_size"_s << hint("page_size", "limit");
    QTest::newRow("per_page") << u"per_page"_s << hint("per_page", "limit");
    QTest::newRow("where") << u"where"_s << hint("where", "filter");
    QTest::newRow("filters") << u"filters"_s << hint("filters", "filter");
    QTest::newRow("camelCase softDelete") << u"softDelete"_s << hint("softDelete", "soft_delete");
    QTest::newRow("camelCase groupBy") << u"groupBy"_s << hint("groupBy", "group_by");
    QTest::newRow("camelCase omitNullValues") << u"omitNullValues"_s << hint("omitNullValues", "omit_null_values");
    QTest::newRow("camelCase viewId") << u"viewId"_s << hint("viewId", "view_id");
    QTest::newRow("upper case") << u"LIMIT"_s << hint("LIMIT", "limit");
    QTest::newRow("capitalized") << u"Filter"_s << hint("Filter", "filter");
    QTest::newRow("no hint") << u"foo"_s << u"Unknown query parameter 'foo'"_s;
    QTest::newRow("no hint for a near miss") << u"limits"_s << u"Unknown query parameter 'limits'"_s;
    QTest::newRow("empty name") << QString() << u"Unknown query parameter ''"_s;
}

void TestQueryString::unknownParameter()
{
    QFETCH(QString, name);
    QFETCH(QString, message);
    QCOMPARE(unknownParameterMessage(name, coreRestParameters()), message);
}

void TestQueryString::hintsOnlyKnownNames()
{
    // A route-specific known list: no hint towards a parameter that is not in it.
    QCOMPARE(unknownParameterMessage(u"after"_s, {u"filter"_s}), u"Unknown query parameter 'after'"_s);
    QCOMPARE(unknownParameterMessage(u"where"_s, {u"filter"_s}),
             u"Unknown query parameter 'where'. Did you mean 'filter'?"_s);
}

void TestQueryString::knownParameters()
{
    const QStringList known = coreRestParameters();
    for (const char *name : {"filter", "order_by", "limit", "starting_after", "ending_before", "depth", "fields",
                             "soft_delete", "upsert", "omit_null_values", "group_by", "aggregate",
                             "include_records_sample", "order_by_for_records", "view_id", "token"})
        QVERIFY2(known.contains(QLatin1StringView(name)), name);
    QCOMPARE(known.size(), 16);
}

QTEST_GUILESS_MAIN(TestQueryString)
#include "tst_querystring.moc"
