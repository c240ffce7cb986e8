// End-to-end: the Core GraphQL API's aggregates, group-by, duplicates and merge (API-CONTRACT §1.10, §1.11, §2.2)
// against the real server. Expected values are computed here from the records each test creates (tagged with a
// fresh value and filtered on it), never copied from server output.

#include "support/e2e.h"
#include "support/httpclient.h"
#include "support/serverprocess.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QTest>

#include <memory>
#include <optional>

using namespace vingt::test;
using namespace Qt::StringLiterals;

namespace {

/// One opportunity of a test: stage, amount (micros, currency) and close date, each optional.
struct Opp {
    Opp(QString stage_, std::optional<qint64> micros_, QString currency_ = u"USD"_s, QString closeDate_ = {})
        : stage(std::move(stage_))
        , micros(micros_)
        , currency(std::move(currency_))
        , closeDate(std::move(closeDate_))
    {}
    QString stage;
    std::optional<qint64> micros;
    QString currency;
    QString closeDate;
};

} // namespace

class TestGraphqlGroupBy : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> m_server;
    HttpClient m_http;

    HttpResponse gql(const QString &query, const QJsonObject &variables = {})
    {
        return m_http.post(u"/graphql"_s, QJsonObject{{"query", query}, {"variables", variables}});
    }
    QStringList createOpportunities(const QString &tag, const QList<Opp> &opps, const QString &companyId = {})
    {
        QJsonArray data;
        int i = 0;
        for (const Opp &o : opps) {
            QJsonObject record{{"name", u"%1 %2"_s.arg(tag).arg(i++)}};
            if (!o.stage.isEmpty())
                record.insert(u"stage"_s, o.stage);
            if (o.micros)
                record.insert(u"amount"_s, QJsonObject{{"amountMicros", *o.micros}, {"currencyCode", o.currency}});
            if (!o.closeDate.isEmpty())
                record.insert(u"closeDate"_s, o.closeDate);
            if (!companyId.isEmpty())
                record.insert(u"companyId"_s, companyId);
            data.append(record);
        }
        const HttpResponse r = gql(u"mutation($d:[OpportunityCreateInput!]!){ createOpportunities(data:$d){ id } }"_s,
                                   {{"d", data}});
        if (!graphqlProblem(r).isEmpty()) {
            qWarning("%s", qPrintable(r.describe()));
            return {};
        }
        return column(r.value(u"data.createOpportunities"_s).toArray(), u"id"_s);
    }
    QStringList create(const QString &singularPascal, const QString &plural, const QJsonArray &data)
    {
        const HttpResponse r = gql(u"mutation($d:[%1CreateInput!]!){ create%2(data:$d){ id } }"_s.arg(
                                       singularPascal, plural.left(1).toUpper() + plural.mid(1)),
                                   {{"d", data}});
        if (!graphqlProblem(r).isEmpty()) {
            qWarning("%s", qPrintable(r.describe()));
            return {};
        }
        return column(r.value(u"data.create%1"_s.arg(plural.left(1).toUpper() + plural.mid(1))).toArray(), u"id"_s);
    }
    static QJsonObject tagFilter(const QString &tag)
    {
        return QJsonObject{{"name", QJsonObject{{"like", tag + u'%'}}}};
    }

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void connectionAggregates();
    void nestedConnectionAggregates();
    void groupByDateGranularity();
    void groupByCompositeSubField();
    void groupByErrors();
    void duplicatesByEachCriterion();
    void mergeDryRun();
    void mergeMovesRelations();
};

void TestGraphqlGroupBy::initTestCase()
{
    ServerProcess::Options options;
    options.keyName = u"e2e-graphql-groupby"_s;
    m_server = std::make_unique<ServerProcess>(options);
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    m_http = HttpClient(m_server->baseUrl(), m_server->token());
}

void TestGraphqlGroupBy::cleanupTestCase()
{
    m_server.reset();
}

void TestGraphqlGroupBy::connectionAggregates()
{
    const QString tag = uniqueTag();
    const QList<Opp> opps{{u"NEW"_s, 1500000},
                          {u"NEW"_s, 2500000},
                          {u"MEETING"_s, 7000000},
                          {u"CUSTOMER"_s, std::nullopt},
                          {u"CUSTOMER"_s, 2500000}};
    QVERIFY(!createOpportunities(tag, opps).isEmpty());
    qint64 sum = 0, min = std::numeric_limits<qint64>::max(), max = 0;
    int withAmount = 0;
    QSet<qint64> distinct;
    QSet<QString> stages;
    for (const Opp &o : opps) {
        stages.insert(o.stage);
        if (!o.micros)
            continue;
        sum += *o.micros;
        min = std::min(min, *o.micros);
        max = std::max(max, *o.micros);
        distinct.insert(*o.micros);
        ++withAmount;
    }
    const int empty = int(opps.size()) - withAmount;
    const HttpResponse r = gql(
        u"query($f:OpportunityFilterInput){ opportunities(filter:$f, first:1){ totalCount edges{ node{ id } }"
        " sumAmountAmountMicros minAmountAmountMicros maxAmountAmountMicros avgAmountAmountMicros"
        " countEmptyAmountAmountMicros countNotEmptyAmountAmountMicros countUniqueValuesAmountAmountMicros"
        " percentageEmptyAmountAmountMicros percentageNotEmptyAmountAmountMicros countUniqueValuesStage } }"_s,
        {{"f", tagFilter(tag)}});
    GQL_OK(r);
    const QJsonObject c = r.value(u"data.opportunities"_s).toObject();
    QCOMPARE(c.value(u"totalCount"_s).toInt(), int(opps.size()));
    QCOMPARE(c.value(u"edges"_s).toArray().size(), 1); // aggregates cover the filtered set, not the page
    QCOMPARE(c.value(u"sumAmountAmountMicros"_s).toString(), QString::number(sum));
    QCOMPARE(c.value(u"minAmountAmountMicros"_s).toString(), QString::number(min));
    QCOMPARE(c.value(u"maxAmountAmountMicros"_s).toString(), QString::number(max));
    QCOMPARE(c.value(u"avgAmountAmountMicros"_s).toString(), QString::number(sum / withAmount));
    QCOMPARE(c.value(u"countEmptyAmountAmountMicros"_s).toInt(), empty);
    QCOMPARE(c.value(u"countNotEmptyAmountAmountMicros"_s).toInt(), withAmount);
    QCOMPARE(c.value(u"countUniqueValuesAmountAmountMicros"_s).toInt(), int(distinct.size()));
    QCOMPARE(c.value(u"percentageEmptyAmountAmountMicros"_s).toDouble(), double(empty) / double(opps.size()));
    QCOMPARE(c.value(u"percentageNotEmptyAmountAmountMicros"_s).toDouble(), double(withAmount) / double(opps.size()));
    QCOMPARE(c.value(u"countUniqueValuesStage"_s).toInt(), int(stages.size()));

    // Soft-deleted rows leave the aggregates unless the filter asks for them.
    const QString firstId = r.value(u"data.opportunities.edges.0.node.id"_s).toString();
    GQL_OK(gql(u"mutation($id:UUID!){ deleteOpportunity(id:$id){ id } }"_s, {{"id", firstId}}));
    const HttpResponse after = gql(u"query($f:OpportunityFilterInput){ opportunities(filter:$f){ totalCount "
                                   "countNotEmptyStage } }"_s,
                                   {{"f", tagFilter(tag)}});
    GQL_OK(after);
    QCOMPARE(after.value(u"data.opportunities.totalCount"_s).toInt(), int(opps.size()) - 1);
    QCOMPARE(after.value(u"data.opportunities.countNotEmptyStage"_s).toInt(), int(opps.size()) - 1);
}

void TestGraphqlGroupBy::nestedConnectionAggregates()
{
    const QString tag = uniqueTag();
    const QStringList companies = create(
        u"Company"_s, u"companies"_s,
        QJsonArray{QJsonObject{{"name", tag + u" A"_s}}, QJsonObject{{"name", tag + u" B"_s}}});
    QCOMPARE(companies.size(), 2);
    const QList<Opp> opps{{u"NEW"_s, 1000000}, {u"NEW"_s, 4000000}, {u"MEETING"_s, std::nullopt}};
    QVERIFY(!createOpportunities(tag, opps, companies[0]).isEmpty());
    const HttpResponse r = gql(u"query($f:CompanyFilterInput){ companies(filter:$f, orderBy:[{name:AscNullsFirst}]){"
                               " edges{ node{ name opportunities{ totalCount sumAmountAmountMicros "
                               "countEmptyAmountAmountMicros } } } } }"_s,
                               {{"f", tagFilter(tag)}});
    GQL_OK(r);
    const QJsonObject a = r.value(u"data.companies.edges.0.node.opportunities"_s).toObject();
    QCOMPARE(a.value(u"totalCount"_s).toInt(), 3);
    QCOMPARE(a.value(u"sumAmountAmountMicros"_s).toString(), QString::number(1000000 + 4000000));
    QCOMPARE(a.value(u"countEmptyAmountAmountMicros"_s).toInt(), 1);
    const QJsonObject b = r.value(u"data.companies.edges.1.node.opportunities"_s).toObject();
    QCOMPARE(b.value(u"totalCount"_s).toInt(), 0);
    QVERIFY(b.value(u"sumAmountAmountMicros"_s).isNull());
    QCOMPARE(b.value(u"countEmptyAmountAmountMicros"_s).toInt(), 0);
}

void TestGraphqlGroupBy::groupByDateGranularity()
{
    const QString tag = uniqueTag();
    const QStringList dates{u"2025-01-31T23:30:00.000Z"_s, u"2025-02-03T00:15:00.000Z"_s, u"2025-02-04T12:00:00.000Z"_s,
                            u"2024-11-15T08:00:00.000Z"_s};
    QList<Opp> opps;
    for (int i = 0; i < dates.size(); ++i)
        opps << Opp{u"NEW"_s, qint64(i + 1) * 1000000, u"USD"_s, dates[i]};
    opps << Opp{u"NEW"_s, std::nullopt};
    QVERIFY(!createOpportunities(tag, opps).isEmpty());
    // Expected: per month (UTC) the count and the sum, and one empty group.
    QMap<QString, std::pair<int, qint64>> byMonth;
    QMap<QString, int> byWeekday;
    for (const Opp &o : opps) {
        if (o.closeDate.isEmpty())
            continue;
        const QDateTime at = QDateTime::fromString(o.closeDate, Qt::ISODateWithMs).toUTC();
        auto &entry = byMonth[at.toString(u"yyyy-MM"_s)];
        ++entry.first;
        entry.second += *o.micros;
        ++byWeekday[QLocale(QLocale::English).dayName(at.date().dayOfWeek())];
    }
    const HttpResponse r = gql(
        u"query($f:OpportunityFilterInput){ opportunitiesGroupBy(groupBy:[{closeDate:{granularity:MONTH}}],"
        " filter:$f){ groupByDimensionValues totalCount sumAmountAmountMicros } }"_s,
        {{"f", tagFilter(tag)}});
    GQL_OK(r);
    const QJsonArray groups = r.value(u"data.opportunitiesGroupBy"_s).toArray();
    QCOMPARE(groups.size(), byMonth.size() + 1);
    int g = 0;
    for (auto it = byMonth.cbegin(); it != byMonth.cend(); ++it, ++g) { // dimensions ascending, empty last
        const QJsonObject group = groups.at(g).toObject();
        QCOMPARE(group.value(u"groupByDimensionValues"_s).toArray(), QJsonArray{it.key()});
        QCOMPARE(group.value(u"totalCount"_s).toInt(), it.value().first);
        QCOMPARE(group.value(u"sumAmountAmountMicros"_s).toString(), QString::number(it.value().second));
    }
    QVERIFY(groups.at(g).toObject().value(u"groupByDimensionValues"_s).toArray().at(0).isNull());

    const HttpResponse days = gql(u"query($f:OpportunityFilterInput){ opportunitiesGroupBy(groupBy:[{closeDate:"
                                  "{granularity:DAY_OF_THE_WEEK}}], filter:$f){ groupByDimensionValues totalCount } }"_s,
                                  {{"f", tagFilter(tag)}});
    GQL_OK(days);
    QMap<QString, int> got;
    for (const QJsonValue &group : days.value(u"data.opportunitiesGroupBy"_s).toArray()) {
        const QJsonValue key = group.toObject().value(u"groupByDimensionValues"_s).toArray().at(0);
        if (!key.isNull())
            got.insert(key.toString(), group.toObject().value(u"totalCount"_s).toInt());
    }
    QCOMPARE(got, byWeekday);
}

void TestGraphqlGroupBy::groupByCompositeSubField()
{
    const QString tag = uniqueTag();
    const QList<Opp> opps{{u"NEW"_s, 1000000, u"USD"_s},
                          {u"NEW"_s, 2000000, u"EUR"_s},
                          {u"MEETING"_s, 5000000, u"USD"_s},
                          {u"CUSTOMER"_s, 9000000, u"GBP"_s}};
    QVERIFY(!createOpportunities(tag, opps).isEmpty());
    QMap<QString, std::pair<int, qint64>> expected;
    for (const Opp &o : opps) {
        ++expected[o.currency].first;
        expected[o.currency].second += *o.micros;
    }
    // Ordered by the sum, descending: the order is computed here too.
    QList<QString> order = expected.keys();
    std::sort(order.begin(), order.end(),
              [&](const QString &a, const QString &b) { return expected[a].second > expected[b].second; });
    const HttpResponse r = gql(
        u"query($f:OpportunityFilterInput){ opportunitiesGroupBy(groupBy:[{amount:{currencyCode:true}}], filter:$f,"
        " orderBy:[{sumAmountAmountMicros:DescNullsLast}]){ groupByDimensionValues totalCount sumAmountAmountMicros"
        " edges{ node{ id amount{ currencyCode } } } } }"_s,
        {{"f", tagFilter(tag)}});
    GQL_OK(r);
    const QJsonArray groups = r.value(u"data.opportunitiesGroupBy"_s).toArray();
    QCOMPARE(groups.size(), order.size());
    for (int g = 0; g < order.size(); ++g) {
        const QJsonObject group = groups.at(g).toObject();
        QCOMPARE(group.value(u"groupByDimensionValues"_s).toArray(), QJsonArray{order[g]});
        QCOMPARE(group.value(u"totalCount"_s).toInt(), expected[order[g]].first);
        QCOMPARE(group.value(u"sumAmountAmountMicros"_s).toString(), QString::number(expected[order[g]].second));
        // The records sample (selected through `edges`) holds the group's records.
        const QJsonArray edges = group.value(u"edges"_s).toArray();
        QCOMPARE(edges.size(), expected[order[g]].first);
        for (const QJsonValue &edge : edges)
            QCOMPARE(edge[u"node"_s][u"amount"_s][u"currencyCode"_s].toString(), order[g]);
    }
}

void TestGraphqlGroupBy::groupByErrors()
{
    const HttpResponse unknown = gql(u"{ opportunitiesGroupBy(groupBy:[{stage:true}]){ groupByDimensionValues "
                                     "nope } }"_s);
    QCOMPARE(unknown.value(u"errors.0.extensions.code"_s).toString(), u"GRAPHQL_VALIDATION_FAILED"_s);
    const HttpResponse view = gql(u"{ opportunitiesGroupBy(groupBy:[{name:true}], viewId:"
                                  "\"20202020-0000-4000-8000-000000000001\"){ totalCount } }"_s);
    QCOMPARE(view.value(u"errors.0.extensions.code"_s).toString(), u"BAD_USER_INPUT"_s);
    QCOMPARE(view.value(u"errors.0.message"_s).toString(), u"View '20202020-0000-4000-8000-000000000001' not found"_s);
}

void TestGraphqlGroupBy::duplicatesByEachCriterion()
{
    const QString tag = uniqueTag();
    const QString email = tag.toLower() + u"@dup.example"_s;
    const QString linkedin = u"https://linkedin.com/in/"_s + tag.toLower();
    // p0 and p1 share the name, p2 the email of p0, p3 the linkedin of p0; p4 shares nothing.
    const QJsonArray people{QJsonObject{{"name", QJsonObject{{"firstName", tag}, {"lastName", u"Doe"_s}}},
                                        {"emails", QJsonObject{{"primaryEmail", email}}},
                                        {"linkedinLink", QJsonObject{{"primaryLinkUrl", linkedin}}}},
                            QJsonObject{{"name", QJsonObject{{"firstName", tag}, {"lastName", u"Doe"_s}}}},
                            QJsonObject{{"name", QJsonObject{{"firstName", tag + u"x"_s}, {"lastName", u"Other"_s}}},
                                        {"emails", QJsonObject{{"primaryEmail", u"other-"_s + email}}}},
                            QJsonObject{{"name", QJsonObject{{"firstName", tag + u"y"_s}, {"lastName", u"Third"_s}}},
                                        {"linkedinLink", QJsonObject{{"primaryLinkUrl", linkedin}}}},
                            QJsonObject{{"name", QJsonObject{{"firstName", tag + u"z"_s}, {"lastName", u"Alone"_s}}}}};
    const QStringList ids = create(u"Person"_s, u"people"_s, people);
    QCOMPARE(ids.size(), 5);
    auto idsOf = [](const QJsonValue &connection) {
        QStringList out;
        for (const QJsonValue &edge : connection[u"edges"_s].toArray())
            out << edge[u"node"_s][u"id"_s].toString();
        out.sort();
        return out;
    };
    auto sorted = [](QStringList list) {
        list.sort();
        return list;
    };
    const QString query = u"query($ids:[UUID],$data:[PersonCreateInput]){ personDuplicates(ids:$ids, data:$data){"
                          " totalCount edges{ node{ id } } } }"_s;
    // By id: p0 matches p1 (name) and p3 (linkedin), never itself; p4 nothing.
    const HttpResponse byIds = gql(query, {{"ids", QJsonArray{ids[0], ids[4]}}});
    GQL_OK(byIds);
    const QJsonArray results = byIds.value(u"data.personDuplicates"_s).toArray();
    QCOMPARE(results.size(), 2);
    QCOMPARE(idsOf(results.at(0)), sorted({ids[1], ids[3]}));
    QCOMPARE(results.at(0)[u"totalCount"_s].toInt(), 2);
    QCOMPARE(idsOf(results.at(1)), QStringList());
    // By data, one criterion at a time: name, email, linkedin.
    const HttpResponse byData = gql(
        query, {{"data", QJsonArray{QJsonObject{{"name", QJsonObject{{"firstName", tag}, {"lastName", u"Doe"_s}}}},
                                    QJsonObject{{"emails", QJsonObject{{"primaryEmail", u"other-"_s + email}}}},
                                    QJsonObject{{"linkedinLink", QJsonObject{{"primaryLinkUrl", linkedin}}}}}}});
    GQL_OK(byData);
    const QJsonArray data = byData.value(u"data.personDuplicates"_s).toArray();
    QCOMPARE(data.size(), 3);
    QCOMPARE(idsOf(data.at(0)), sorted({ids[0], ids[1]}));
    QCOMPARE(idsOf(data.at(1)), QStringList{ids[2]});
    QCOMPARE(idsOf(data.at(2)), sorted({ids[0], ids[3]}));
    // Company criteria: name, and domain.
    const QStringList companies = create(
        u"Company"_s, u"companies"_s,
        QJsonArray{
            QJsonObject{{"name", tag + u" Co"_s},
                        {"domainName", QJsonObject{{"primaryLinkUrl", u"https://"_s + tag.toLower() + u".example"_s}}}},
            QJsonObject{{"name", tag + u" Co"_s}}});
    QCOMPARE(companies.size(), 2);
    const HttpResponse byCompany = gql(
        u"query($data:[CompanyCreateInput]){ companyDuplicates(data:$data){ edges{ node{ id } } } }"_s,
        {{"data", QJsonArray{QJsonObject{{"name", tag + u" Co"_s}},
                             QJsonObject{{"domainName", QJsonObject{{"primaryLinkUrl", u"https://"_s + tag.toLower()
                                                                                           + u".example"_s}}}}}}});
    GQL_OK(byCompany);
    QCOMPARE(idsOf(byCompany.value(u"data.companyDuplicates.0"_s)), sorted(companies));
    QCOMPARE(idsOf(byCompany.value(u"data.companyDuplicates.1"_s)), QStringList{companies[0]});
    // Both arguments → the REST error (§1.11).
    const HttpResponse both = gql(query, {{"ids", QJsonArray{ids[0]}}, {"data", QJsonArray{QJsonObject{}}}});
    QCOMPARE(both.value(u"errors.0.extensions.code"_s).toString(), u"BAD_USER_INPUT"_s);
    QCOMPARE(both.value(u"errors.0.message"_s).toString(), u"You cannot provide both \"data\" and \"ids\" arguments"_s);
}

void TestGraphqlGroupBy::mergeDryRun()
{
    const QString tag = uniqueTag();
    const QJsonArray people{
        QJsonObject{{"name", QJsonObject{{"firstName", tag}, {"lastName", u""_s}}}, {"jobTitle", u""_s}},
        QJsonObject{{"name", QJsonObject{{"firstName", tag + u"b"_s}, {"lastName", u"Last"_s}}},
                    {"jobTitle", u"CTO"_s},
                    {"city", tag}}};
    const QStringList ids = create(u"Person"_s, u"people"_s, people);
    QCOMPARE(ids.size(), 2);
    const HttpResponse r = gql(
        u"mutation($ids:[UUID!]!){ mergePeople(ids:$ids, conflictPriorityIndex:0, dryRun:true){ id jobTitle city "
        "name{ firstName lastName } } }"_s,
        {{"ids", QJsonArray{ids[0], ids[1]}}});
    GQL_OK(r);
    const QJsonObject merged = r.value(u"data.mergePeople"_s).toObject();
    // The survivor's non-empty values win, its empty ones come from the other record.
    QCOMPARE(merged.value(u"id"_s).toString(), ids[0]);
    QCOMPARE(merged[u"name"_s][u"firstName"_s].toString(), tag);
    QCOMPARE(merged[u"name"_s][u"lastName"_s].toString(), QString()); // a FULL_NAME is taken whole (§1.11)
    QCOMPARE(merged.value(u"jobTitle"_s).toString(), u"CTO"_s);
    QCOMPARE(merged.value(u"city"_s).toString(), tag);
    // Nothing saved: both records unchanged and alive.
    const HttpResponse after = gql(u"query($f:PersonFilterInput){ people(filter:$f){ edges{ node{ id jobTitle } } } }"_s,
                                   {{"f", QJsonObject{{"id", QJsonObject{{"in", QJsonArray{ids[0], ids[1]}}}}}}});
    GQL_OK(after);
    const QJsonArray edges = after.value(u"data.people.edges"_s).toArray();
    QCOMPARE(edges.size(), 2);
    for (const QJsonValue &edge : edges) {
        if (edge[u"node"_s][u"id"_s].toString() == ids[0])
            QCOMPARE(edge[u"node"_s][u"jobTitle"_s].toString(), QString());
    }
    // Errors as in REST: fewer than two ids.
    const HttpResponse one = gql(u"mutation($ids:[UUID!]!){ mergePeople(ids:$ids, conflictPriorityIndex:0){ id } }"_s,
                                 {{"ids", QJsonArray{ids[0]}}});
    QCOMPARE(one.value(u"errors.0.extensions.code"_s).toString(), u"BAD_USER_INPUT"_s);
}

void TestGraphqlGroupBy::mergeMovesRelations()
{
    const QString tag = uniqueTag();
    const QStringList companies = create(
        u"Company"_s, u"companies"_s,
        QJsonArray{QJsonObject{{"name", tag + u" Survivor"_s}}, QJsonObject{{"name", tag + u" Merged"_s}}});
    QCOMPARE(companies.size(), 2);
    const QStringList people = create(u"Person"_s, u"people"_s,
                                      QJsonArray{QJsonObject{{"city", tag}, {"companyId", companies[1]}},
                                                 QJsonObject{{"city", tag}, {"companyId", companies[1]}},
                                                 QJsonObject{{"city", tag}, {"companyId", companies[0]}}});
    QCOMPARE(people.size(), 3);
    const HttpResponse r = gql(
        u"mutation($ids:[UUID!]!){ mergeCompanies(ids:$ids, conflictPriorityIndex:0){ id name people{ "
        "totalCount edges{ node{ id } } } } }"_s,
        {{"ids", QJsonArray{companies[0], companies[1]}}});
    GQL_OK(r);
    QCOMPARE(r.value(u"data.mergeCompanies.id"_s).toString(), companies[0]);
    QCOMPARE(r.value(u"data.mergeCompanies.name"_s).toString(), tag + u" Survivor"_s);
    QCOMPARE(r.value(u"data.mergeCompanies.people.totalCount"_s).toInt(), int(people.size()));
    // Every person of the merged company now points at the survivor, which is the only one left alive.
    const HttpResponse moved = gql(u"query($f:PersonFilterInput){ people(filter:$f){ edges{ node{ companyId } } } }"_s,
                                   {{"f", QJsonObject{{"city", QJsonObject{{"eq", tag}}}}}});
    GQL_OK(moved);
    const QJsonArray edges = moved.value(u"data.people.edges"_s).toArray();
    QCOMPARE(edges.size(), int(people.size()));
    for (const QJsonValue &edge : edges)
        QCOMPARE(edge[u"node"_s][u"companyId"_s].toString(), companies[0]);
    const HttpResponse gone = gql(u"query($f:CompanyFilterInput){ company(filter:$f){ id } }"_s,
                                  {{"f", QJsonObject{{"id", QJsonObject{{"eq", companies[1]}}}}}});
    GQL_OK(gone);
    QVERIFY(gone.value(u"data.company"_s).isNull());
}

QTEST_GUILESS_MAIN(TestGraphqlGroupBy)
#include "tst_graphql_groupby.moc"
