// End-to-end: GET /rest/{plural}/groupBy (API-CONTRACT §1.10) against the real server: dimensions (select field,
// date granularities, composite sub-field), every kind of aggregate, filter and order, records sample, limit,
// soft-deleted rows, permissions and parameter errors. Each test tags its records with a fresh value and filters on it.

#include "support/e2e.h"
#include "support/httpclient.h"
#include "support/serverprocess.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include <memory>

using namespace vingt::test;
using namespace Qt::StringLiterals;

namespace {

/// "value=count" per group, in response order (null written as "null").
QStringList groupCounts(const QJsonArray &groups)
{
    QStringList out;
    for (const QJsonValue &group : groups) {
        QStringList values;
        for (const QJsonValue &v : group.toObject().value(u"groupByDimensionValues"_s).toArray())
            values << (v.isNull() ? u"null"_s : v.toString());
        out << values.join(u'|') + u'=' + QString::number(group.toObject().value(u"totalCount"_s).toInt(-1));
    }
    return out;
}

QString compact(const QJsonValue &value)
{
    return jsonText(value);
}

} // namespace

class TestRestGroupBy : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> m_server;
    HttpClient m_http;

    HttpResponse groupBy(const QString &plural, std::initializer_list<std::pair<QString, QString>> parameters)
    {
        return m_http.get(u"/rest/%1/groupBy?"_s.arg(plural) + query(parameters));
    }
    /// Creates opportunities named "<tag> <i>" with the given extra fields; returns their ids.
    QStringList createOpportunities(const QString &tag, const QList<QJsonObject> &records)
    {
        QJsonArray batch;
        int i = 0;
        for (QJsonObject record : records) {
            record.insert(u"name"_s, u"%1 %2"_s.arg(tag).arg(i++, 2, 10, QChar(u'0')));
            batch.append(record);
        }
        const HttpResponse created = m_http.post(u"/rest/batch/opportunities"_s, batch);
        if (created.status != 201) {
            qWarning("%s", qPrintable(created.describe()));
            return {};
        }
        return column(created.value(u"data.createOpportunities"_s).toArray(), u"id"_s);
    }
    static QString tagFilter(const QString &tag) { return u"name[like]:\"%1%\""_s.arg(tag); }
    static QJsonObject amount(qint64 micros)
    {
        return QJsonObject{{"amount", QJsonObject{{"amountMicros", micros}, {"currencyCode", u"USD"_s}}}};
    }

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void bySelectFieldWithCurrencyAggregates();
    void byDateGranularity_data();
    void byDateGranularity();
    void byCompositeSubField();
    void byTwoDimensions();
    void numberBooleanAndDateAggregates();
    void filterAndOrderByAggregate();
    void recordsSample();
    void limitAndDefaultLimit();
    void softDeletedRows();
    void permissionDenied();
    void parameterErrors_data();
    void parameterErrors();
    void missingIndexesAreRestoredAtStart();
};

void TestRestGroupBy::initTestCase()
{
    ServerProcess::Options options;
    options.keyName = u"e2e-groupby"_s;
    m_server = std::make_unique<ServerProcess>(options);
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    m_http = HttpClient(m_server->baseUrl(), m_server->token());
}

void TestRestGroupBy::cleanupTestCase()
{
    m_server.reset();
}

void TestRestGroupBy::bySelectFieldWithCurrencyAggregates()
{
    const QString tag = uniqueTag();
    auto with = [](QString stage, std::optional<qint64> micros) {
        QJsonObject record{{"stage", stage}};
        if (micros)
            record.insert(u"amount"_s, QJsonObject{{"amountMicros", *micros}, {"currencyCode", u"USD"_s}});
        return record;
    };
    QVERIFY(!createOpportunities(tag, {with(u"NEW"_s, 1000000), with(u"NEW"_s, 3000000), with(u"MEETING"_s, 5000000),
                                       with(u"CUSTOMER"_s, 2000000), with(u"CUSTOMER"_s, std::nullopt)})
                 .isEmpty());
    const HttpResponse response = groupBy(
        u"opportunities"_s,
        {{u"group_by"_s, u"[{\"stage\":true}]"_s},
         {u"aggregate"_s,
          u"[\"totalCount\",\"sumAmountAmountMicros\",\"minAmountAmountMicros\",\"maxAmountAmountMicros\","
          "\"avgAmountAmountMicros\",\"countEmptyAmountAmountMicros\",\"countNotEmptyAmountAmountMicros\","
          "\"countUniqueValuesAmountAmountMicros\",\"percentageEmptyAmountAmountMicros\","
          "\"percentageNotEmptyAmountAmountMicros\"]"_s},
         {u"filter"_s, tagFilter(tag)}});
    E2E_STATUS(response, 200);
    const QJsonArray groups = QJsonDocument::fromJson(response.body).array();
    QVERIFY2(QJsonDocument::fromJson(response.body).isArray(), qPrintable(response.describe()));
    QCOMPARE(groupCounts(groups), (QStringList{u"CUSTOMER=2"_s, u"MEETING=1"_s, u"NEW=2"_s}));
    const QJsonObject customer = groups.at(0).toObject();
    QCOMPARE(customer.value(u"sumAmountAmountMicros"_s).toString(), u"2000000"_s);
    QCOMPARE(customer.value(u"countEmptyAmountAmountMicros"_s).toInt(), 1);
    QCOMPARE(customer.value(u"countNotEmptyAmountAmountMicros"_s).toInt(), 1);
    QCOMPARE(customer.value(u"percentageEmptyAmountAmountMicros"_s).toDouble(), 0.5);
    QCOMPARE(customer.value(u"percentageNotEmptyAmountAmountMicros"_s).toDouble(), 0.5);
    const QJsonObject fresh = groups.at(2).toObject();
    QCOMPARE(fresh.value(u"sumAmountAmountMicros"_s).toString(), u"4000000"_s);
    QCOMPARE(fresh.value(u"minAmountAmountMicros"_s).toString(), u"1000000"_s);
    QCOMPARE(fresh.value(u"maxAmountAmountMicros"_s).toString(), u"3000000"_s);
    QCOMPARE(fresh.value(u"avgAmountAmountMicros"_s).toString(), u"2000000"_s);
    QCOMPARE(fresh.value(u"countUniqueValuesAmountAmountMicros"_s).toInt(), 2);
    QCOMPARE(fresh.value(u"percentageEmptyAmountAmountMicros"_s).toDouble(), 0.0);
    // Only the requested keys, no records unless asked for.
    QCOMPARE(keysOf(fresh).size(), 11);
    QVERIFY(!fresh.contains(u"records"_s));

    // Without `aggregate`: totalCount only.
    const HttpResponse plain = groupBy(u"opportunities"_s,
                                       {{u"group_by"_s, u"[{\"stage\":true}]"_s}, {u"filter"_s, tagFilter(tag)}});
    E2E_STATUS(plain, 200);
    QCOMPARE(keysOf(QJsonDocument::fromJson(plain.body).array().at(0).toObject()),
             (QStringList{u"groupByDimensionValues"_s, u"totalCount"_s}));
}

void TestRestGroupBy::byDateGranularity_data()
{
    QTest::addColumn<QString>("granularity");
    QTest::addColumn<QStringList>("expected");
    // closeDates: Fri 2025-01-31, Mon 2025-02-03, Tue 2025-02-04, Fri 2024-11-15, none.
    QTest::newRow("DAY") << u"DAY"_s
                         << QStringList{u"2024-11-15=1"_s, u"2025-01-31=1"_s, u"2025-02-03=1"_s, u"2025-02-04=1"_s,
                                        u"null=1"_s};
    QTest::newRow("WEEK") << u"WEEK"_s
                          << QStringList{u"2024-11-11=1"_s, u"2025-01-27=1"_s, u"2025-02-03=2"_s, u"null=1"_s};
    QTest::newRow("MONTH") << u"MONTH"_s << QStringList{u"2024-11=1"_s, u"2025-01=1"_s, u"2025-02=2"_s, u"null=1"_s};
    QTest::newRow("QUARTER") << u"QUARTER"_s << QStringList{u"2024-Q4=1"_s, u"2025-Q1=3"_s, u"null=1"_s};
    QTest::newRow("YEAR") << u"YEAR"_s << QStringList{u"2024=1"_s, u"2025=3"_s, u"null=1"_s};
    QTest::newRow("DAY_OF_THE_WEEK") << u"DAY_OF_THE_WEEK"_s
                                     << QStringList{u"Monday=1"_s, u"Tuesday=1"_s, u"Friday=2"_s, u"null=1"_s};
    QTest::newRow("MONTH_OF_THE_YEAR") << u"MONTH_OF_THE_YEAR"_s
                                       << QStringList{u"January=1"_s, u"February=2"_s, u"November=1"_s, u"null=1"_s};
    QTest::newRow("QUARTER_OF_THE_YEAR") << u"QUARTER_OF_THE_YEAR"_s << QStringList{u"Q1=3"_s, u"Q4=1"_s, u"null=1"_s};
    QTest::newRow("NONE") << u"NONE"_s
                          << QStringList{u"2024-11-15T08:00:00.000Z=1"_s, u"2025-01-31T23:30:00.000Z=1"_s,
                                         u"2025-02-03T00:15:00.000Z=1"_s, u"2025-02-04T12:00:00.000Z=1"_s, u"null=1"_s};
}

void TestRestGroupBy::byDateGranularity()
{
    QFETCH(QString, granularity);
    QFETCH(QStringList, expected);
    const QString tag = uniqueTag();
    QList<QJsonObject> records;
    for (const char *date : {"2025-01-31T23:30:00.000Z", "2025-02-03T00:15:00.000Z", "2025-02-04T12:00:00.000Z",
                             "2024-11-15T08:00:00.000Z"})
        records << QJsonObject{{"closeDate", QString::fromLatin1(date)}};
    records << QJsonObject{{"closeDate", QJsonValue::Null}};
    QVERIFY(!createOpportunities(tag, records).isEmpty());
    const HttpResponse response = groupBy(
        u"opportunities"_s, {{u"group_by"_s, u"[{\"closeDate\":{\"granularity\":\"%1\"}}]"_s.arg(granularity)},
                             {u"filter"_s, tagFilter(tag)}});
    E2E_STATUS(response, 200);
    QCOMPARE(groupCounts(QJsonDocument::fromJson(response.body).array()), expected);
}

void TestRestGroupBy::byCompositeSubField()
{
    const QString tag = uniqueTag();
    QJsonArray batch;
    for (const char *city : {"Paris", "Lyon", "Paris", ""}) {
        batch.append(QJsonObject{{"name", u"%1 %2"_s.arg(tag, QString::fromLatin1(city))},
                                 {"address", QJsonObject{{"addressCity", QString::fromLatin1(city)}}}});
    }
    E2E_STATUS(m_http.post(u"/rest/batch/companies"_s, batch), 201);
    const HttpResponse response = groupBy(
        u"companies"_s, {{u"group_by"_s, u"[{\"address\":{\"addressCity\":true}}]"_s}, {u"filter"_s, tagFilter(tag)}});
    E2E_STATUS(response, 200);
    QCOMPARE(groupCounts(QJsonDocument::fromJson(response.body).array()),
             (QStringList{u"Lyon=1"_s, u"Paris=2"_s, u"null=1"_s}));
    // A composite without its sub-field is refused, naming it.
    const HttpResponse whole = groupBy(u"companies"_s,
                                       {{u"group_by"_s, u"[{\"address\":true}]"_s}, {u"filter"_s, tagFilter(tag)}});
    E2E_ERROR_CONTAINS(whole, 400, u"'address'"_s);
}

void TestRestGroupBy::byTwoDimensions()
{
    const QString tag = uniqueTag();
    QVERIFY(
        !createOpportunities(tag, {QJsonObject{{"stage", u"NEW"_s}, {"closeDate", u"2025-01-02T00:00:00.000Z"_s}},
                                   QJsonObject{{"stage", u"NEW"_s}, {"closeDate", u"2025-03-02T00:00:00.000Z"_s}},
                                   QJsonObject{{"stage", u"NEW"_s}, {"closeDate", u"2025-01-09T00:00:00.000Z"_s}},
                                   QJsonObject{{"stage", u"PROPOSAL"_s}, {"closeDate", u"2025-01-05T00:00:00.000Z"_s}}})
             .isEmpty());
    const HttpResponse response = groupBy(
        u"opportunities"_s, {{u"group_by"_s, u"[{\"stage\":true},{\"closeDate\":{\"granularity\":\"MONTH\"}}]"_s},
                             {u"filter"_s, tagFilter(tag)}});
    E2E_STATUS(response, 200);
    QCOMPARE(groupCounts(QJsonDocument::fromJson(response.body).array()),
             (QStringList{u"NEW|2025-01=2"_s, u"NEW|2025-03=1"_s, u"PROPOSAL|2025-01=1"_s}));
}

void TestRestGroupBy::numberBooleanAndDateAggregates()
{
    const QString tag = uniqueTag();
    QJsonArray batch;
    batch.append(QJsonObject{{"name", tag + u" a"_s}, {"employees", 10}, {"idealCustomerProfile", true}});
    batch.append(QJsonObject{{"name", tag + u" b"_s}, {"employees", 6}, {"idealCustomerProfile", false}});
    batch.append(QJsonObject{{"name", tag + u" c"_s}, {"idealCustomerProfile", true}});
    const HttpResponse created = m_http.post(u"/rest/batch/companies"_s, batch);
    E2E_STATUS(created, 201);
    QStringList createdAt = column(created.value(u"data.createCompanies"_s).toArray(), u"createdAt"_s);
    createdAt.sort();
    const HttpResponse response = groupBy(
        u"companies"_s,
        {{u"group_by"_s, u"[{\"idealCustomerProfile\":true}]"_s},
         {u"aggregate"_s,
          u"[\"totalCount\",\"sumEmployees\",\"avgEmployees\",\"minEmployees\",\"maxEmployees\","
          u"\"countEmptyEmployees\","
          "\"countTrueIdealCustomerProfile\",\"countFalseIdealCustomerProfile\",\"minCreatedAt\",\"maxCreatedAt\","
          "\"countUniqueValuesName\",\"countEmptyDomainNamePrimaryLinkUrl\"]"_s},
         {u"filter"_s, tagFilter(tag)}});
    E2E_STATUS(response, 200);
    const QJsonArray groups = QJsonDocument::fromJson(response.body).array();
    QCOMPARE(groupCounts(groups), (QStringList{u"false=1"_s, u"true=2"_s}));
    const QJsonObject yes = groups.at(1).toObject();
    QVERIFY2(yes.value(u"sumEmployees"_s).isDouble(), qPrintable(compact(yes)));
    QCOMPARE(yes.value(u"sumEmployees"_s).toDouble(), 10.0);
    QCOMPARE(yes.value(u"avgEmployees"_s).toDouble(), 10.0);
    QCOMPARE(yes.value(u"countEmptyEmployees"_s).toInt(), 1);
    QCOMPARE(yes.value(u"countTrueIdealCustomerProfile"_s).toInt(), 2);
    QCOMPARE(yes.value(u"countFalseIdealCustomerProfile"_s).toInt(), 0);
    QCOMPARE(yes.value(u"countUniqueValuesName"_s).toInt(), 2);
    QCOMPARE(yes.value(u"countEmptyDomainNamePrimaryLinkUrl"_s).toInt(), 2);
    const QJsonObject no = groups.at(0).toObject();
    QCOMPARE(no.value(u"minEmployees"_s).toDouble(), 6.0);
    QCOMPARE(no.value(u"maxEmployees"_s).toDouble(), 6.0);
    QCOMPARE(no.value(u"countFalseIdealCustomerProfile"_s).toInt(), 1);
    QCOMPARE(no.value(u"minCreatedAt"_s).toString(), no.value(u"maxCreatedAt"_s).toString());
    QVERIFY(createdAt.contains(no.value(u"minCreatedAt"_s).toString()));
}

void TestRestGroupBy::filterAndOrderByAggregate()
{
    const QString tag = uniqueTag();
    QList<QJsonObject> records;
    for (int i = 0; i < 3; ++i)
        records << QJsonObject{{"stage", u"SCREENING"_s}, {"amount", amount(1000000).value(u"amount"_s)}};
    records << QJsonObject{{"stage", u"NEW"_s}, {"amount", amount(9000000).value(u"amount"_s)}};
    records << QJsonObject{{"stage", u"MEETING"_s}, {"amount", amount(2000000).value(u"amount"_s)}};
    records << QJsonObject{{"stage", u"MEETING"_s}, {"amount", amount(2000000).value(u"amount"_s)}};
    QVERIFY(!createOpportunities(tag, records).isEmpty());
    const HttpResponse byCount = groupBy(u"opportunities"_s, {{u"group_by"_s, u"[{\"stage\":true}]"_s},
                                                              {u"order_by"_s, u"totalCount[DescNullsLast]"_s},
                                                              {u"filter"_s, tagFilter(tag)}});
    E2E_STATUS(byCount, 200);
    QCOMPARE(groupCounts(QJsonDocument::fromJson(byCount.body).array()),
             (QStringList{u"SCREENING=3"_s, u"MEETING=2"_s, u"NEW=1"_s}));
    const HttpResponse bySum = groupBy(u"opportunities"_s,
                                       {{u"group_by"_s, u"[{\"stage\":true}]"_s},
                                        {u"aggregate"_s, u"[\"totalCount\",\"sumAmountAmountMicros\"]"_s},
                                        {u"order_by"_s, u"sumAmountAmountMicros[DescNullsLast]"_s},
                                        {u"filter"_s, u"and(%1,stage[in]:[NEW,MEETING])"_s.arg(tagFilter(tag))}});
    E2E_STATUS(bySum, 200);
    const QJsonArray groups = QJsonDocument::fromJson(bySum.body).array();
    QCOMPARE(groupCounts(groups), (QStringList{u"NEW=1"_s, u"MEETING=2"_s}));
    QCOMPARE(groups.at(1).toObject().value(u"sumAmountAmountMicros"_s).toString(), u"4000000"_s);
    const HttpResponse byDimension = groupBy(u"opportunities"_s, {{u"group_by"_s, u"[{\"stage\":true}]"_s},
                                                                  {u"order_by"_s, u"stage[DescNullsLast]"_s},
                                                                  {u"filter"_s, tagFilter(tag)}});
    E2E_STATUS(byDimension, 200);
    QCOMPARE(groupCounts(QJsonDocument::fromJson(byDimension.body).array()),
             (QStringList{u"SCREENING=3"_s, u"NEW=1"_s, u"MEETING=2"_s}));
}

void TestRestGroupBy::recordsSample()
{
    const QString tag = uniqueTag();
    QList<QJsonObject> records;
    for (int i = 0; i < 12; ++i)
        records << QJsonObject{{"stage", u"PROPOSAL"_s}};
    records << QJsonObject{{"stage", u"NEW"_s}};
    const QStringList ids = createOpportunities(tag, records);
    QCOMPARE(ids.size(), 13);
    const HttpResponse response = groupBy(u"opportunities"_s, {{u"group_by"_s, u"[{\"stage\":true}]"_s},
                                                               {u"include_records_sample"_s, u"true"_s},
                                                               {u"order_by_for_records"_s, u"name[DescNullsLast]"_s},
                                                               {u"filter"_s, tagFilter(tag)}});
    E2E_STATUS(response, 200);
    const QJsonArray groups = QJsonDocument::fromJson(response.body).array();
    QCOMPARE(groupCounts(groups), (QStringList{u"NEW=1"_s, u"PROPOSAL=12"_s}));
    const QJsonArray fresh = groups.at(0).toObject().value(u"records"_s).toArray();
    QCOMPARE(column(fresh, u"id"_s), QStringList{ids.at(12)});
    QCOMPARE(fresh.at(0).toObject().value(u"stage"_s).toString(), u"NEW"_s);
    const QJsonArray proposal = groups.at(1).toObject().value(u"records"_s).toArray();
    QCOMPARE(proposal.size(), 10);
    QStringList expected;
    for (int i = 11; i >= 2; --i)
        expected << u"%1 %2"_s.arg(tag).arg(i, 2, 10, QChar(u'0'));
    QCOMPARE(column(proposal, u"name"_s), expected);
}

void TestRestGroupBy::limitAndDefaultLimit()
{
    const QString tag = uniqueTag();
    QList<QJsonObject> records;
    for (int i = 0; i < 55; ++i)
        records << QJsonObject{};
    QCOMPARE(createOpportunities(tag, records).size(), 55);
    // Every name differs: 55 groups; the default is api.groupByDefaultGroups (50).
    const HttpResponse all = groupBy(u"opportunities"_s,
                                     {{u"group_by"_s, u"[{\"name\":true}]"_s}, {u"filter"_s, tagFilter(tag)}});
    E2E_STATUS(all, 200);
    const QStringList counts = groupCounts(QJsonDocument::fromJson(all.body).array());
    QCOMPARE(counts.size(), 50);
    QCOMPARE(counts.first(), u"%1 00=1"_s.arg(tag));
    const HttpResponse two = groupBy(
        u"opportunities"_s,
        {{u"group_by"_s, u"[{\"name\":true}]"_s}, {u"limit"_s, u"2"_s}, {u"filter"_s, tagFilter(tag)}});
    E2E_STATUS(two, 200);
    QCOMPARE(groupCounts(QJsonDocument::fromJson(two.body).array()),
             (QStringList{u"%1 00=1"_s.arg(tag), u"%1 01=1"_s.arg(tag)}));
    const HttpResponse many = groupBy(
        u"opportunities"_s,
        {{u"group_by"_s, u"[{\"name\":true}]"_s}, {u"limit"_s, u"100"_s}, {u"filter"_s, tagFilter(tag)}});
    E2E_STATUS(many, 200);
    QCOMPARE(QJsonDocument::fromJson(many.body).array().size(), 55);
}

void TestRestGroupBy::softDeletedRows()
{
    const QString tag = uniqueTag();
    const QStringList ids = createOpportunities(tag,
                                                {QJsonObject{{"stage", u"NEW"_s}}, QJsonObject{{"stage", u"NEW"_s}}});
    QCOMPARE(ids.size(), 2);
    E2E_STATUS(m_http.del(u"/rest/opportunities/%1?soft_delete=true"_s.arg(ids.at(0))), 200);
    const HttpResponse live = groupBy(u"opportunities"_s,
                                      {{u"group_by"_s, u"[{\"stage\":true}]"_s}, {u"filter"_s, tagFilter(tag)}});
    E2E_STATUS(live, 200);
    QCOMPARE(groupCounts(QJsonDocument::fromJson(live.body).array()), QStringList{u"NEW=1"_s});
    const HttpResponse trash = groupBy(u"opportunities"_s,
                                       {{u"group_by"_s, u"[{\"stage\":true}]"_s},
                                        {u"filter"_s, u"and(%1,deletedAt[is]:NOT_NULL)"_s.arg(tagFilter(tag))}});
    E2E_STATUS(trash, 200);
    QCOMPARE(groupCounts(QJsonDocument::fromJson(trash.body).array()), QStringList{u"NEW=1"_s});
}

void TestRestGroupBy::permissionDenied()
{
    const HttpResponse role = m_http.post(u"/rest/metadata/roles"_s,
                                          QJsonObject{{"label", u"No read "_s + uniqueTag()},
                                                      {"canReadAllObjectRecords", false},
                                                      {"canUpdateAllObjectRecords", false},
                                                      {"canSoftDeleteAllObjectRecords", false},
                                                      {"canDestroyAllObjectRecords", false}});
    E2E_STATUS(role, 201);
    const HttpResponse key = m_http.post(u"/rest/metadata/apiKeys"_s,
                                         QJsonObject{{"name", u"no-read-"_s + uniqueTag()},
                                                     {"expiresAt", u"2099-01-01T00:00:00.000Z"_s},
                                                     {"roleId", role.value(u"data.createOneRole.id"_s).toString()}});
    const HttpResponse token = m_http.send(
        "POST", u"/rest/metadata/apiKeys/%1/regenerate"_s.arg(key.value(u"id"_s).toString()));
    E2E_STATUS(token, 201);
    HttpClient restricted = m_http.withToken(token.value(u"data.regenerateApiKey.token"_s).toString());
    const HttpResponse denied = restricted.get(u"/rest/opportunities/groupBy?"_s
                                               + query({{u"group_by"_s, u"[{\"stage\":true}]"_s}}));
    E2E_ERROR(denied, 403, "ForbiddenException", u"Entity performing the request does not have permission"_s);
    QCOMPARE(denied.object().value(u"code"_s).toString(), u"FORBIDDEN"_s);
}

void TestRestGroupBy::parameterErrors_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("message"); // a prefix of the single message
    const QString base = u"/rest/opportunities/groupBy?"_s;
    const QString invalid = u"Invalid group_by query parameter - should be a valid array of objects"_s;
    QTest::newRow("missing group_by") << base + query({{u"limit"_s, u"2"_s}}) << invalid;
    QTest::newRow("not JSON") << base + query({{u"group_by"_s, u"stage"_s}}) << invalid;
    QTest::newRow("empty array") << base + query({{u"group_by"_s, u"[]"_s}}) << invalid;
    QTest::newRow("array of strings") << base + query({{u"group_by"_s, u"[\"stage\"]"_s}}) << invalid;
    QTest::newRow("bad granularity") << base
                                            + query({{u"group_by"_s, u"[{\"closeDate\":{\"granularity\":\"HOUR\"}}]"_s}})
                                     << invalid;
    QTest::newRow("unknown field") << base + query({{u"group_by"_s, u"[{\"foo\":true}]"_s}})
                                   << u"Field 'foo' not found on object 'opportunity'"_s;
    QTest::newRow("granularity on text")
        << base + query({{u"group_by"_s, u"[{\"name\":{\"granularity\":\"DAY\"}}]"_s}})
        << u"Granularity DAY needs a date field; 'name' on object 'opportunity' is not one"_s;
    QTest::newRow("unknown aggregate") << base
                                              + query({{u"group_by"_s, u"[{\"stage\":true}]"_s},
                                                       {u"aggregate"_s, u"[\"sumName\"]"_s}})
                                       << u"Aggregate 'sumName' not found on object 'opportunity'"_s;
    QTest::newRow("aggregate not an array")
        << base + query({{u"group_by"_s, u"[{\"stage\":true}]"_s}, {u"aggregate"_s, u"totalCount"_s}})
        << u"Invalid aggregate query parameter"_s;
    QTest::newRow("negative limit") << base + query({{u"group_by"_s, u"[{\"stage\":true}]"_s}, {u"limit"_s, u"-1"_s}})
                                    << u"limit '-1' is invalid. Should be an integer"_s;
    QTest::newRow("order_by neither dimension nor aggregate")
        << base + query({{u"group_by"_s, u"[{\"stage\":true}]"_s}, {u"order_by"_s, u"name"_s}})
        << u"'order_by' invalid: 'name' is neither a group_by dimension nor an aggregate"_s;
    QTest::newRow("view_id") << base + query({{u"group_by"_s, u"[{\"stage\":true}]"_s}, {u"view_id"_s, u"v1"_s}})
                             << u"View 'v1' not found"_s;
    QTest::newRow("include_records_sample")
        << base + query({{u"group_by"_s, u"[{\"stage\":true}]"_s}, {u"include_records_sample"_s, u"yes"_s}})
        << u"'include_records_sample=yes' parameter invalid"_s;
    QTest::newRow("bad filter") << base
                                       + query({{u"group_by"_s, u"[{\"stage\":true}]"_s}, {u"filter"_s, u"name[eq]"_s}})
                                << u"'filter' invalid for 'name[eq]'"_s;
    QTest::newRow("unknown parameter") << base
                                              + query({{u"group_by"_s, u"[{\"stage\":true}]"_s}, {u"groupBy"_s, u"x"_s}})
                                       << u"Unknown query parameter 'groupBy'. Did you mean 'group_by'?"_s;
}

void TestRestGroupBy::parameterErrors()
{
    QFETCH(QString, target);
    QFETCH(QString, message);
    const HttpResponse response = m_http.get(target);
    E2E_STATUS(response, 400);
    QVERIFY2(errorProblem(response, 400).isEmpty(), qPrintable(response.describe()));
    QCOMPARE(response.error(), u"BadRequestException"_s);
    QVERIFY2(response.messages().value(0).startsWith(message), qPrintable(response.describe()));
}

namespace {

/// The names of the indexes of `table` in an SQLite workspace file.
QStringList sqliteIndexes(const QString &file, const QString &table)
{
    QStringList names;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"inspect"_s);
        db.setDatabaseName(file);
        if (db.open()) {
            QSqlQuery query(db);
            query.prepare(u"SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?"_s);
            query.addBindValue(table);
            if (query.exec()) {
                while (query.next())
                    names << query.value(0).toString();
            }
        }
    }
    QSqlDatabase::removeDatabase(u"inspect"_s);
    return names;
}

bool dropSqliteIndex(const QString &file, const QString &index)
{
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"inspect"_s);
        db.setDatabaseName(file);
        ok = db.open() && QSqlQuery(db).exec(u"DROP INDEX \"%1\""_s.arg(index));
    }
    QSqlDatabase::removeDatabase(u"inspect"_s);
    return ok;
}

} // namespace

void TestRestGroupBy::missingIndexesAreRestoredAtStart()
{
    // A workspace made before an index existed (here: the group-by index dropped by hand) gets it at the next start.
    if (ServerProcess::databaseUrl())
        QSKIP("inspects the SQLite workspace file");
    QCOMPARE(m_server->stop(), 0);
    const QStringList files = QDir(m_server->dataDir() + u"/workspaces"_s).entryList({u"*.db"_s}, QDir::Files);
    QCOMPARE(files.size(), 1);
    const QString file = m_server->dataDir() + u"/workspaces/"_s + files.first();
    const QString index = u"IDX_opportunity_stage_group"_s;
    QVERIFY2(sqliteIndexes(file, u"opportunity"_s).contains(index),
             qPrintable(sqliteIndexes(file, u"opportunity"_s).join(u", "_s)));
    QVERIFY(dropSqliteIndex(file, index));
    QVERIFY(!sqliteIndexes(file, u"opportunity"_s).contains(index));

    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    m_http.setBaseUrl(m_server->baseUrl());
    QVERIFY2(sqliteIndexes(file, u"opportunity"_s).contains(index), qPrintable(m_server->serverStderr()));
    E2E_STATUS(m_http.get(u"/rest/opportunities/groupBy?group_by=%5B%7B%22stage%22%3Atrue%7D%5D"_s), 200);
}

QTEST_GUILESS_MAIN(TestRestGroupBy)
#include "tst_rest_groupby.moc"
