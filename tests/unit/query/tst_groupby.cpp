// query/groupby: group_by parsing, aggregate names, dimension and aggregate SQL, and the group SELECT run on an
// in-memory SQLite database (date buckets included).

#include "personfixture.h"
#include "query/groupby.h"

#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace vingt;
using namespace Qt::StringLiterals;

namespace {

QJsonValue parse(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).isArray()
               ? QJsonValue(QJsonDocument::fromJson(QByteArray(json)).array())
               : QJsonValue(QJsonDocument::fromJson(QByteArray(json)).object());
}

} // namespace

class TestGroupBy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesDimensions()
    {
        auto dims = groupByFromJson(
            parse(R"([{"stage":true},{"createdAt":{"granularity":"QUARTER"}},{"name":{"firstName":true}}])"));
        QVERIFY(dims);
        QCOMPARE(dims->size(), std::size_t(3));
        QCOMPARE(dims->at(0), (GroupByDimension{u"stage"_s, {}, DateGranularity::None}));
        QCOMPARE(dims->at(1), (GroupByDimension{u"createdAt"_s, {}, DateGranularity::Quarter}));
        QCOMPARE(dims->at(2).path(), u"name.firstName"_s);
        // A single object is a one-item list.
        QVERIFY(groupByFromJson(parse(R"({"stage":true})")));
    }
    void rejectsMalformedDimensions_data()
    {
        QTest::addColumn<QString>("json");
        QTest::newRow("empty") << u"[]"_s;
        QTest::newRow("string item") << u"[\"stage\"]"_s;
        QTest::newRow("two keys") << u"[{\"stage\":true,\"city\":true}]"_s;
        QTest::newRow("false") << u"[{\"stage\":false}]"_s;
        QTest::newRow("bad granularity") << u"[{\"createdAt\":{\"granularity\":\"HOUR\"}}]"_s;
        QTest::newRow("sub-field not true") << u"[{\"name\":{\"firstName\":1}}]"_s;
    }
    void rejectsMalformedDimensions()
    {
        QFETCH(QString, json);
        auto dims = groupByFromJson(parse(json.toUtf8().constData()));
        QVERIFY(!dims);
        QVERIFY2(
            dims.error().message.startsWith(u"Invalid group_by query parameter - should be a valid array of objects"_s),
            qPrintable(dims.error().message));
    }
    void aggregateNames()
    {
        const ObjectMetadata person = test::personObject();
        QStringList names;
        for (const AggregateSpec &spec : availableAggregates(person))
            names << spec.name;
        QCOMPARE(names.first(), u"totalCount"_s);
        for (const char *expected :
             {"countEmptyNameFirstName", "percentageNotEmptyCity", "sumEmployees", "avgScore", "minBirthday",
              "maxCreatedAt", "countTrueIsActive", "countFalseIsActive", "countUniqueValuesEmailsPrimaryEmail"})
            QVERIFY2(names.contains(QLatin1StringView(expected)), expected);
        for (const char *absent : {"sumCity", "countEmptyCompany", "countEmptyNotes", "countEmptySearchVector",
                                   "countEmptyOldField", "minStage"})
            QVERIFY2(!names.contains(QLatin1StringView(absent)), absent);
        QCOMPARE(resolveAggregate(person, u"sumScore"_s)->resultKind, AggregateResultKind::BigNumber);
        QCOMPARE(resolveAggregate(person, u"sumEmployees"_s)->resultKind, AggregateResultKind::Number);
        QCOMPARE(resolveAggregate(person, u"sumCity"_s).error().message,
                 u"Aggregate 'sumCity' not found on object 'person'"_s);
    }
    void sqlText()
    {
        const ObjectMetadata person = test::personObject();
        SqliteDialect dialect;
        auto dims = resolveGroupBy({{u"stage"_s, {}, DateGranularity::None}, {u"city"_s, {}, DateGranularity::None}},
                                   person, dialect);
        QVERIFY(dims);
        QCOMPARE(dims->at(0).expression, u"\"stage\""_s);
        QCOMPARE(dims->at(1).expression, u"NULLIF(\"city\", '')"_s);
        GroupQuery query;
        query.object = &person;
        query.dimensions = *dims;
        query.aggregates = {*resolveAggregate(person, u"totalCount"_s), *resolveAggregate(person, u"sumScore"_s)};
        auto order = resolveGroupOrder({OrderTerm{u"sumScore"_s, {}, Direction::DescNullsLast}}, query.dimensions,
                                       person);
        QVERIFY(order);
        query.order = *order;
        query.where = SqlFragment{u"\"deletedAt\" IS NULL"_s, {}};
        query.limit = 7;
        QCOMPARE(
            selectGroups(query, dialect).sql,
            u"SELECT \"stage\", NULLIF(\"city\", ''), COUNT(*), SUM(\"score\") FROM \"person\" WHERE \"deletedAt\" "
            "IS NULL GROUP BY 1, 2 ORDER BY SUM(\"score\") DESC NULLS LAST, 1 ASC NULLS LAST, 2 ASC NULLS LAST "
            "LIMIT 7"_s);
        QVERIFY(!resolveGroupOrder({OrderTerm{u"employees"_s, {}, Direction::AscNullsFirst}}, query.dimensions, person));
        QVERIFY(!resolveGroupBy({{u"city"_s, {}, DateGranularity::Day}}, person, dialect));
        QVERIFY(!resolveGroupBy({{u"name"_s, {}, DateGranularity::None}}, person, dialect));
        QVERIFY(resolveGroupBy({{u"companyId"_s, {}, DateGranularity::None}}, person, dialect));
    }
    void dateBucketsOnSqlite_data()
    {
        QTest::addColumn<int>("bucket");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        // 2025-03-30 is a Sunday; 2024-12-30 a Monday.
        QTest::newRow("day") << int(DateBucket::Day) << u"2025-03-30T23:59:59.999Z"_s << u"2025-03-30"_s;
        QTest::newRow("week of a Sunday") << int(DateBucket::Week) << u"2025-03-30T10:00:00.000Z"_s << u"2025-03-24"_s;
        QTest::newRow("week of a Monday") << int(DateBucket::Week) << u"2024-12-30"_s << u"2024-12-30"_s;
        QTest::newRow("month") << int(DateBucket::Month) << u"2025-03-30"_s << u"2025-03"_s;
        QTest::newRow("quarter") << int(DateBucket::Quarter) << u"2025-12-01T00:00:00.000Z"_s << u"2025-Q4"_s;
        QTest::newRow("year") << int(DateBucket::Year) << u"2025-03-30"_s << u"2025"_s;
        QTest::newRow("day of week Sunday") << int(DateBucket::DayOfWeek) << u"2025-03-30"_s << u"7"_s;
        QTest::newRow("day of week Monday") << int(DateBucket::DayOfWeek) << u"2024-12-30T01:00:00.000Z"_s << u"1"_s;
        QTest::newRow("month of year") << int(DateBucket::MonthOfYear) << u"2025-09-01"_s << u"9"_s;
        QTest::newRow("quarter of year") << int(DateBucket::QuarterOfYear) << u"2025-07-01"_s << u"3"_s;
    }
    void dateBucketsOnSqlite()
    {
        QFETCH(int, bucket);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        QSqlDatabase db = QSqlDatabase::contains(u"buckets"_s) ? QSqlDatabase::database(u"buckets"_s)
                                                               : QSqlDatabase::addDatabase(u"QSQLITE"_s, u"buckets"_s);
        db.setDatabaseName(u":memory:"_s);
        QVERIFY(db.open());
        SqliteDialect dialect;
        QSqlQuery query(db);
        const QString sql = u"SELECT "_s + dialect.dateBucket(u"?"_s, DateBucket(bucket));
        QVERIFY2(query.prepare(sql), qPrintable(query.lastError().text()));
        for (qsizetype i = 0; i < sql.count(u'?'); ++i) // the expression may appear more than once
            query.addBindValue(value);
        QVERIFY2(query.exec() && query.next(), qPrintable(query.lastError().text()));
        QCOMPARE(query.value(0).toString(), expected);
    }
};

QTEST_GUILESS_MAIN(TestGroupBy)
#include "tst_groupby.moc"
