// End-to-end: POST /rest/{plural}/duplicates and PATCH /rest/{plural}/merge (API-CONTRACT §1.11, §4 duplicate
// criteria, §6.1, §8) against the real server. Each test tags its records with a fresh value.

#include "support/e2e.h"
#include "support/httpclient.h"
#include "support/serverprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <memory>

using namespace vingt::test;
using namespace Qt::StringLiterals;

class TestRestDuplicatesMerge : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> m_server;
    HttpClient m_http;

    QString create(const QString &plural, const QString &key, const QJsonObject &record)
    {
        const HttpResponse created = m_http.post(u"/rest/"_s + plural, record);
        if (created.status != 201) {
            qWarning("%s", qPrintable(created.describe()));
            return {};
        }
        return created.value(u"data."_s + key + u".id"_s).toString();
    }
    QString person(const QJsonObject &record) { return create(u"people"_s, u"createPerson"_s, record); }
    QString company(const QJsonObject &record) { return create(u"companies"_s, u"createCompany"_s, record); }
    HttpResponse duplicates(const QString &plural, const QJsonObject &body)
    {
        return m_http.post(u"/rest/%1/duplicates"_s.arg(plural), body);
    }
    HttpResponse merge(const QString &plural, const QStringList &ids, int index, bool dryRun)
    {
        return m_http.patch(u"/rest/%1/merge"_s.arg(plural), QJsonObject{{"ids", QJsonArray::fromStringList(ids)},
                                                                         {"conflictPriorityIndex", index},
                                                                         {"dryRun", dryRun}});
    }
    /// The ids of each result connection of a duplicates response, sorted.
    static QList<QStringList> resultIds(const HttpResponse &response, const QString &key)
    {
        QList<QStringList> out;
        for (const QJsonValue &result : response.value(u"data"_s).toArray()) {
            QStringList ids = column(result.toObject().value(key).toArray(), u"id"_s);
            ids.sort();
            out << ids;
        }
        return out;
    }
    static QStringList sorted(QStringList list)
    {
        list.sort();
        return list;
    }
    /// A client whose role has the given record permissions.
    HttpClient clientWith(bool read, bool update, bool softDelete)
    {
        const HttpResponse role = m_http.post(u"/rest/metadata/roles"_s,
                                              QJsonObject{{"label", u"Role "_s + uniqueTag()},
                                                          {"canReadAllObjectRecords", read},
                                                          {"canUpdateAllObjectRecords", update},
                                                          {"canSoftDeleteAllObjectRecords", softDelete},
                                                          {"canDestroyAllObjectRecords", false}});
        const HttpResponse key = m_http.post(
            u"/rest/metadata/apiKeys"_s, QJsonObject{{"name", u"key-"_s + uniqueTag()},
                                                     {"expiresAt", u"2099-01-01T00:00:00.000Z"_s},
                                                     {"roleId", role.value(u"data.createOneRole.id"_s).toString()}});
        const HttpResponse token = m_http.send(
            "POST", u"/rest/metadata/apiKeys/%1/regenerate"_s.arg(key.value(u"id"_s).toString()));
        if (token.status != 201)
            qWarning("%s / %s / %s", qPrintable(role.describe()), qPrintable(key.describe()),
                     qPrintable(token.describe()));
        return m_http.withToken(token.value(u"data.regenerateApiKey.token"_s).toString());
    }

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void personDuplicatesByName();
    void personDuplicatesByEmailAndLinkedin();
    void companyDuplicatesByNameAndDomain();
    void duplicatesSkipSoftDeletedAndObjectsWithoutCriteria();
    void duplicatesInputErrors();
    void duplicatesPermission();
    void customObjectDuplicateCriteria();

    void mergeDryRun();
    void mergeMovesRelationsAndSoftDeletes();
    void mergeConflictPriority();
    void mergeMissingAndSoftDeleted();
    void mergePermissionDenied();
    void mergeInputErrors_data();
    void mergeInputErrors();
};

void TestRestDuplicatesMerge::initTestCase()
{
    ServerProcess::Options options;
    options.keyName = u"e2e-duplicates"_s;
    m_server = std::make_unique<ServerProcess>(options);
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    m_http = HttpClient(m_server->baseUrl(), m_server->token());
}

void TestRestDuplicatesMerge::cleanupTestCase()
{
    m_server.reset();
}

void TestRestDuplicatesMerge::personDuplicatesByName()
{
    const QString tag = uniqueTag();
    const QString a = person({{"name", QJsonObject{{"firstName", tag}, {"lastName", u"Doe"_s}}}});
    const QString b = person({{"name", QJsonObject{{"firstName", tag}, {"lastName", u"Doe"_s}}}, {"city", u"X"_s}});
    const QString c = person({{"name", QJsonObject{{"firstName", tag}, {"lastName", u"Smith"_s}}}});
    QVERIFY(!a.isEmpty() && !b.isEmpty() && !c.isEmpty());

    const HttpResponse byData = duplicates(
        u"people"_s,
        {{"data", QJsonArray{QJsonObject{{"name", QJsonObject{{"firstName", tag}, {"lastName", u"Doe"_s}}}}}}});
    E2E_STATUS(byData, 200);
    QCOMPARE(resultIds(byData, u"personDuplicates"_s), QList<QStringList>{sorted({a, b})});
    const QJsonObject first = byData.value(u"data"_s).toArray().at(0).toObject();
    QCOMPARE(first.value(u"totalCount"_s).toInt(), 2);
    QCOMPARE(keysOf(first.value(u"pageInfo"_s).toObject()),
             (QStringList{u"endCursor"_s, u"hasNextPage"_s, u"hasPreviousPage"_s, u"startCursor"_s}));
    QCOMPARE(first.value(u"pageInfo"_s).toObject().value(u"hasNextPage"_s).toBool(true), false);
    QVERIFY(!first.value(u"pageInfo"_s).toObject().value(u"startCursor"_s).toString().isEmpty());
    // Records are serialized like every other record (composites as objects).
    QCOMPARE(first.value(u"personDuplicates"_s)
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(u"name"_s)
                 .toObject()
                 .value(u"lastName"_s)
                 .toString(),
             u"Doe"_s);

    // By id: the record itself is excluded; one result per input, in input order.
    const HttpResponse byIds = duplicates(u"people"_s, {{"ids", QJsonArray{a, c}}});
    E2E_STATUS(byIds, 200);
    QCOMPARE(resultIds(byIds, u"personDuplicates"_s), (QList<QStringList>{{b}, {}}));
    // Half a name is not a criterion.
    const HttpResponse partial = duplicates(
        u"people"_s, {{"data", QJsonArray{QJsonObject{{"name", QJsonObject{{"firstName", tag}}}}}}});
    E2E_STATUS(partial, 200);
    QCOMPARE(resultIds(partial, u"personDuplicates"_s), (QList<QStringList>{{}}));
}

void TestRestDuplicatesMerge::personDuplicatesByEmailAndLinkedin()
{
    const QString tag = uniqueTag();
    const QString email = tag + u"@example.com"_s;
    const QString linkedin = u"https://linkedin.com/in/"_s + tag;
    const QString a = person({{"emails", QJsonObject{{"primaryEmail", email}}}});
    const QString b = person({{"linkedinLink", QJsonObject{{"primaryLinkUrl", linkedin}}}});
    const QString c = person({{"linkedinLink", QJsonObject{{"primaryLinkUrl", linkedin + u'/'}}}}); // normalized
    QVERIFY(!a.isEmpty() && !b.isEmpty() && !c.isEmpty());
    const HttpResponse byEmail = duplicates(
        u"people"_s, {{"data", QJsonArray{QJsonObject{{"emails", QJsonObject{{"primaryEmail", email}}}},
                                          QJsonObject{{"linkedinLink", QJsonObject{{"primaryLinkUrl", linkedin}}}}}}});
    E2E_STATUS(byEmail, 200);
    QCOMPARE(resultIds(byEmail, u"personDuplicates"_s), (QList<QStringList>{{a}, sorted({b, c})}));
    const HttpResponse byId = duplicates(u"people"_s, {{"ids", QJsonArray{b}}});
    E2E_STATUS(byId, 200);
    QCOMPARE(resultIds(byId, u"personDuplicates"_s), (QList<QStringList>{{c}}));
}

void TestRestDuplicatesMerge::companyDuplicatesByNameAndDomain()
{
    const QString tag = uniqueTag();
    const QString domain = u"https://%1.com"_s.arg(tag);
    const QString a = company({{"name", tag + u" Corp"_s}, {"domainName", QJsonObject{{"primaryLinkUrl", domain}}}});
    const QString b = company({{"name", tag + u" Corp"_s}});
    const QString c = company({{"name", tag + u" Other"_s}});
    QVERIFY(!a.isEmpty() && !b.isEmpty() && !c.isEmpty());
    const HttpResponse byName = duplicates(u"companies"_s, {{"ids", QJsonArray{a, b, c}}});
    E2E_STATUS(byName, 200);
    QCOMPARE(resultIds(byName, u"companyDuplicates"_s), (QList<QStringList>{{b}, {a}, {}}));
    const HttpResponse byDomain = duplicates(
        u"companies"_s,
        {{"data", QJsonArray{QJsonObject{{"domainName", QJsonObject{{"primaryLinkUrl", domain + u'/'}}}}}}});
    E2E_STATUS(byDomain, 200);
    QCOMPARE(resultIds(byDomain, u"companyDuplicates"_s), (QList<QStringList>{{a}}));
}

void TestRestDuplicatesMerge::duplicatesSkipSoftDeletedAndObjectsWithoutCriteria()
{
    const QString tag = uniqueTag();
    const QString a = company({{"name", tag}});
    const QString b = company({{"name", tag}});
    E2E_STATUS(m_http.del(u"/rest/companies/%1?soft_delete=true"_s.arg(b)), 200);
    const HttpResponse response = duplicates(u"companies"_s, {{"data", QJsonArray{QJsonObject{{"name", tag}}}}});
    E2E_STATUS(response, 200);
    QCOMPARE(resultIds(response, u"companyDuplicates"_s), (QList<QStringList>{{a}}));
    // A soft-deleted input id has no duplicates to report.
    const HttpResponse deletedInput = duplicates(u"companies"_s, {{"ids", QJsonArray{b}}});
    E2E_STATUS(deletedInput, 200);
    QCOMPARE(resultIds(deletedInput, u"companyDuplicates"_s), (QList<QStringList>{{}}));
    // Opportunities have no duplicate criteria: every result is empty.
    const HttpResponse none = duplicates(
        u"opportunities"_s, {{"data", QJsonArray{QJsonObject{{"name", tag}}, QJsonObject{{"name", tag}}}}});
    E2E_STATUS(none, 200);
    QCOMPARE(resultIds(none, u"opportunityDuplicates"_s), (QList<QStringList>{{}, {}}));
    QCOMPARE(none.value(u"data"_s).toArray().at(0).toObject().value(u"totalCount"_s).toInt(-1), 0);
}

void TestRestDuplicatesMerge::duplicatesInputErrors()
{
    const QString id = newUuid();
    E2E_BAD_REQUEST(duplicates(u"people"_s, {{"ids", QJsonArray{id}}, {"data", QJsonArray{QJsonObject{}}}}),
                    u"You cannot provide both \"data\" and \"ids\" arguments"_s);
    E2E_BAD_REQUEST(duplicates(u"people"_s, {{"data", QJsonArray{}}}),
                    u"The \"data\" condition can not be empty when \"ids\" input not provided"_s);
    E2E_BAD_REQUEST(duplicates(u"people"_s, {}),
                    u"The \"data\" condition can not be empty when \"ids\" input not provided"_s);
    const HttpResponse empty = duplicates(u"people"_s, {{"ids", QJsonArray{}}});
    E2E_STATUS(empty, 200);
    QCOMPARE(empty.object(), (QJsonObject{{"data", QJsonArray{}}}));
    QJsonArray many;
    for (int i = 0; i < 61; ++i)
        many.append(newUuid());
    E2E_BAD_REQUEST(duplicates(u"people"_s, {{"ids", many}}),
                    u"Cannot find duplicates of more than 60 records at once"_s);
    E2E_BAD_REQUEST(duplicates(u"people"_s, {{"ids", QJsonArray{u"nope"_s}}}), u"'nope' is not a valid UUID"_s);
    E2E_BAD_REQUEST(duplicates(u"people"_s, {{"data", QJsonArray{QJsonObject{{"foo", 1}}}}}),
                    u"Field 'foo' not found on object 'person'"_s);
    E2E_BAD_REQUEST(duplicates(u"people"_s, {{"filter", 1}}),
                    u"Unknown body field 'filter': expected \"ids\" or \"data\""_s);
    E2E_STATUS(m_http.get(u"/rest/people/duplicates"_s), 405);
}

void TestRestDuplicatesMerge::duplicatesPermission()
{
    HttpClient noRead = clientWith(false, false, false);
    const HttpResponse denied = noRead.post(u"/rest/people/duplicates"_s, QJsonObject{{"ids", QJsonArray{newUuid()}}});
    E2E_ERROR(denied, 403, "ForbiddenException", u"Entity performing the request does not have permission"_s);
    // Read is enough: a read-only role may search by data.
    HttpClient readOnly = clientWith(true, false, false);
    const HttpResponse allowed = readOnly.post(u"/rest/companies/duplicates"_s,
                                               QJsonObject{{"data", QJsonArray{QJsonObject{{"name", uniqueTag()}}}}});
    E2E_STATUS(allowed, 200);
}

void TestRestDuplicatesMerge::customObjectDuplicateCriteria()
{
    // A custom object defines its criteria through the metadata API: by name, or by a custom field.
    const QString singular = u"gadget"_s + uniqueTag().remove(u'-').left(8).toLower();
    const QString plural = singular + u"s"_s;
    const HttpResponse object = m_http.post(u"/rest/metadata/objects"_s,
                                            QJsonObject{{"nameSingular", singular},
                                                        {"namePlural", plural},
                                                        {"labelSingular", u"Gadget"_s},
                                                        {"labelPlural", u"Gadgets"_s},
                                                        {"duplicateCriteria", QJsonArray{QJsonArray{u"name"_s}}}});
    E2E_STATUS(object, 201);
    const QString objectId = object.value(u"data.createOneObject.id"_s).toString();
    const QString key = u"create"_s + singular.at(0).toUpper() + singular.mid(1);
    const QString dupKey = singular + u"Duplicates"_s;
    const QString a = create(plural, key, {{"name", u"Widget"_s}});
    const QString b = create(plural, key, {{"name", u"Widget"_s}});
    const QString c = create(plural, key, {{"name", u"Other"_s}});
    QVERIFY(!a.isEmpty() && !b.isEmpty() && !c.isEmpty());
    const HttpResponse byName = duplicates(plural, {{"ids", QJsonArray{a, c}}});
    E2E_STATUS(byName, 200);
    QCOMPARE(resultIds(byName, dupKey), (QList<QStringList>{{b}, {}}));

    // Bad criteria are refused, naming the column and the object; nothing changes.
    E2E_ERROR_CONTAINS(m_http.patch(u"/rest/metadata/objects/"_s + objectId,
                                    QJsonObject{{"duplicateCriteria", QJsonArray{QJsonArray{u"serial"_s}}}}),
                       400, u"'serial' is not an active column of object '%1'"_s.arg(singular));
    E2E_ERROR_CONTAINS(m_http.patch(u"/rest/metadata/objects/"_s + objectId,
                                    QJsonObject{{"duplicateCriteria", QJsonArray{QJsonArray{}}}}),
                       400, u"'duplicateCriteria' must be an array of criteria"_s);
    E2E_ERROR_CONTAINS(
        m_http.patch(u"/rest/metadata/objects/"_s + objectId, QJsonObject{{"duplicateCriteria", u"name"_s}}), 400,
        u"'duplicateCriteria' must be an array of criteria"_s);
    QCOMPARE(resultIds(duplicates(plural, {{"ids", QJsonArray{a}}}), dupKey), (QList<QStringList>{{b}}));

    // A new field becomes the only criterion.
    const HttpResponse field = m_http.post(
        u"/rest/metadata/fields"_s,
        QJsonObject{{"objectMetadataId", objectId}, {"type", u"TEXT"_s}, {"name", u"serial"_s}, {"label", u"Serial"_s}});
    E2E_STATUS(field, 201);
    E2E_STATUS(m_http.patch(u"/rest/metadata/objects/"_s + objectId,
                            QJsonObject{{"duplicateCriteria", QJsonArray{QJsonArray{u"serial"_s}}}}),
               200);
    const QString d = create(plural, key, {{"name", u"Widget"_s}, {"serial", u"S-1"_s}});
    const QString e = create(plural, key, {{"name", u"Else"_s}, {"serial", u"S-1"_s}});
    QVERIFY(!d.isEmpty() && !e.isEmpty());
    const HttpResponse bySerial = duplicates(plural, {{"ids", QJsonArray{a, d}}});
    E2E_STATUS(bySerial, 200);
    QCOMPARE(resultIds(bySerial, dupKey), (QList<QStringList>{{}, {e}}));

    // null removes the criteria: no duplicates at all.
    E2E_STATUS(m_http.patch(u"/rest/metadata/objects/"_s + objectId, QJsonObject{{"duplicateCriteria", QJsonValue()}}),
               200);
    QCOMPARE(resultIds(duplicates(plural, {{"ids", QJsonArray{d}}}), dupKey), (QList<QStringList>{{}}));
}

void TestRestDuplicatesMerge::mergeDryRun()
{
    const QString tag = uniqueTag();
    const QString a = person({{"name", QJsonObject{{"firstName", tag}, {"lastName", u"A"_s}}},
                              {"jobTitle", u"CEO"_s},
                              {"emails", QJsonObject{{"primaryEmail", tag + u"-a@example.com"_s}}}});
    const QString b = person({{"name", QJsonObject{{"firstName", tag}, {"lastName", u"B"_s}}},
                              {"city", u"Paris"_s},
                              {"jobTitle", u"CTO"_s},
                              {"emails", QJsonObject{{"primaryEmail", tag + u"-b@example.com"_s},
                                                     {"additionalEmails", QJsonArray{tag + u"-c@example.com"_s,
                                                                                     tag + u"-a@example.com"_s}}}}});
    QVERIFY(!a.isEmpty() && !b.isEmpty());
    const HttpResponse dry = merge(u"people"_s, {a, b}, 0, true);
    E2E_STATUS(dry, 200);
    const QJsonObject merged = dry.value(u"data.mergePerson"_s).toObject();
    QCOMPARE(merged.value(u"id"_s).toString(), a);
    QCOMPARE(merged.value(u"jobTitle"_s).toString(), u"CEO"_s);
    QCOMPARE(merged.value(u"city"_s).toString(), u"Paris"_s);
    QCOMPARE(at(merged, u"name.lastName"_s).toString(), u"A"_s);
    QCOMPARE(at(merged, u"emails.primaryEmail"_s).toString(), tag + u"-a@example.com"_s);
    QCOMPARE(at(merged, u"emails.additionalEmails"_s).toArray(),
             (QJsonArray{tag + u"-b@example.com"_s, tag + u"-c@example.com"_s}));
    // Nothing was saved.
    const HttpResponse stillA = m_http.get(u"/rest/people/"_s + a);
    E2E_STATUS(stillA, 200);
    QCOMPARE(stillA.value(u"data.person.city"_s).toString(), QString());
    E2E_STATUS(m_http.get(u"/rest/people/"_s + b), 200);
}

void TestRestDuplicatesMerge::mergeMovesRelationsAndSoftDeletes()
{
    const QString tag = uniqueTag();
    const QString keep = company({{"name", tag + u" Keep"_s}});
    const QString gone = company({{"name", tag + u" Gone"_s},
                                  {"employees", 42},
                                  {"domainName", QJsonObject{{"primaryLinkUrl", u"https://%1.com"_s.arg(tag)}}}});
    const QString gone2 = company({{"name", tag + u" Gone too"_s}, {"employees", 7}});
    QVERIFY(!keep.isEmpty() && !gone.isEmpty() && !gone2.isEmpty());
    const QString employee = person({{"city", tag}, {"companyId", gone}});
    const QString employee2 = person({{"city", tag}, {"companyId", gone2}});
    const QString other = person({{"city", tag}, {"companyId", keep}});
    const HttpResponse deal = m_http.post(u"/rest/opportunities"_s, QJsonObject{{"name", tag}, {"companyId", gone}});
    E2E_STATUS(deal, 201);
    const QString dealId = deal.value(u"data.createOpportunity.id"_s).toString();

    // The survivor is ids[2]: priority is the index, not the position.
    const HttpResponse merged = merge(u"companies"_s, {gone, gone2, keep}, 2, false);
    E2E_STATUS(merged, 200);
    const QJsonObject record = merged.value(u"data.mergeCompany"_s).toObject();
    QCOMPARE(record.value(u"id"_s).toString(), keep);
    QCOMPARE(record.value(u"name"_s).toString(), tag + u" Keep"_s);
    QCOMPARE(record.value(u"employees"_s).toInt(), 42); // filled from the first other record in ids order
    // The unique domain moved from a merged record to the survivor.
    QCOMPARE(at(record, u"domainName.primaryLinkUrl"_s).toString(), u"https://%1.com"_s.arg(tag));

    for (const QString &id : {employee, employee2, other}) {
        const HttpResponse p = m_http.get(u"/rest/people/"_s + id);
        E2E_STATUS(p, 200);
        QCOMPARE(p.value(u"data.person.companyId"_s).toString(), keep);
    }
    const HttpResponse movedDeal = m_http.get(u"/rest/opportunities/"_s + dealId);
    QCOMPARE(movedDeal.value(u"data.opportunity.companyId"_s).toString(), keep);
    // The others are soft-deleted: 404 by id, visible in the trash.
    E2E_ERROR(m_http.get(u"/rest/companies/"_s + gone), 404, "NotFoundException", u"Record not found"_s);
    E2E_STATUS(m_http.get(u"/rest/companies/"_s + gone2), 404);
    const HttpResponse trash = m_http.get(
        u"/rest/companies?"_s + query({{u"filter"_s, u"and(name[like]:\"%1%\",deletedAt[is]:NOT_NULL)"_s.arg(tag)}}));
    E2E_STATUS(trash, 200);
    QCOMPARE(sorted(column(trash.value(u"data.companies"_s).toArray(), u"id"_s)), sorted({gone, gone2}));
    // depth=1 shows the moved children on the survivor.
    const HttpResponse deep = m_http.get(u"/rest/companies/%1?depth=1"_s.arg(keep));
    QCOMPARE(sorted(column(deep.value(u"data.company.people"_s).toArray(), u"id"_s)),
             sorted({employee, employee2, other}));
}

void TestRestDuplicatesMerge::mergeConflictPriority()
{
    const QString tag = uniqueTag();
    const QString a = person({{"city", tag}, {"jobTitle", u"First"_s}});
    const QString b = person({{"city", tag}, {"jobTitle", u"Second"_s}});
    const HttpResponse second = merge(u"people"_s, {a, b}, 1, true);
    E2E_STATUS(second, 200);
    QCOMPARE(second.value(u"data.mergePerson.id"_s).toString(), b);
    QCOMPARE(second.value(u"data.mergePerson.jobTitle"_s).toString(), u"Second"_s);
    const HttpResponse first = merge(u"people"_s, {a, b}, 0, false);
    E2E_STATUS(first, 200);
    QCOMPARE(first.value(u"data.mergePerson.id"_s).toString(), a);
    QCOMPARE(first.value(u"data.mergePerson.jobTitle"_s).toString(), u"First"_s);
    QVERIFY(first.value(u"data.mergePerson.updatedBy.source"_s).toString() == u"API"_s);
    E2E_STATUS(m_http.get(u"/rest/people/"_s + b), 404);
}

void TestRestDuplicatesMerge::mergeMissingAndSoftDeleted()
{
    const QString tag = uniqueTag();
    const QString a = person({{"city", tag}});
    const QString b = person({{"city", tag}});
    E2E_ERROR(merge(u"people"_s, {a, newUuid()}, 0, false), 404, "NotFoundException", u"Record not found"_s);
    E2E_STATUS(m_http.del(u"/rest/people/%1?soft_delete=true"_s.arg(b)), 200);
    E2E_ERROR(merge(u"people"_s, {a, b}, 0, false), 404, "NotFoundException", u"Record not found"_s);
    // Nothing changed: a is still live.
    E2E_STATUS(m_http.get(u"/rest/people/"_s + a), 200);
}

void TestRestDuplicatesMerge::mergePermissionDenied()
{
    const QString tag = uniqueTag();
    const QString a = person({{"city", tag}});
    const QString b = person({{"city", tag}});
    for (HttpClient client : {clientWith(true, false, false), clientWith(true, true, false)}) {
        const HttpResponse denied = client.patch(u"/rest/people/merge"_s,
                                                 QJsonObject{{"ids", QJsonArray{a, b}}, {"conflictPriorityIndex", 0}});
        E2E_ERROR(denied, 403, "ForbiddenException", u"Entity performing the request does not have permission"_s);
    }
    E2E_STATUS(m_http.get(u"/rest/people/"_s + b), 200);
    HttpClient allowed = clientWith(true, true, true);
    E2E_STATUS(allowed.patch(u"/rest/people/merge"_s,
                             QJsonObject{{"ids", QJsonArray{a, b}}, {"conflictPriorityIndex", 0}, {"dryRun", true}}),
               200);
}

void TestRestDuplicatesMerge::mergeInputErrors_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("message");
    const QString a = newUuid();
    const QString b = newUuid();
    QJsonArray many;
    for (int i = 0; i < 61; ++i)
        many.append(newUuid());
    QTest::newRow("one id") << QJsonObject{{"ids", QJsonArray{a}}, {"conflictPriorityIndex", 0}}
                            << u"Merge needs at least 2 ids, got 1"_s;
    QTest::newRow("too many") << QJsonObject{{"ids", many}, {"conflictPriorityIndex", 0}}
                              << u"Cannot merge more than 60 records at once"_s;
    QTest::newRow("index out of range") << QJsonObject{{"ids", QJsonArray{a, b}}, {"conflictPriorityIndex", 2}}
                                        << u"conflictPriorityIndex 2 is out of range: it must be between 0 and 1"_s;
    QTest::newRow("negative index") << QJsonObject{{"ids", QJsonArray{a, b}}, {"conflictPriorityIndex", -1}}
                                    << u"conflictPriorityIndex -1 is out of range: it must be between 0 and 1"_s;
    QTest::newRow("missing index") << QJsonObject{{"ids", QJsonArray{a, b}}}
                                   << u"\"conflictPriorityIndex\" must be an integer"_s;
    QTest::newRow("bad uuid") << QJsonObject{{"ids", QJsonArray{a, u"x"_s}}, {"conflictPriorityIndex", 0}}
                              << u"'x' is not a valid UUID"_s;
    QTest::newRow("same id twice") << QJsonObject{{"ids", QJsonArray{a, a}}, {"conflictPriorityIndex", 0}}
                                   << u"Merge ids must be distinct: '%1' is given twice"_s.arg(a);
    QTest::newRow("ids not an array") << QJsonObject{{"ids", a}, {"conflictPriorityIndex", 0}}
                                      << u"\"ids\" must be an array of UUIDs"_s;
    QTest::newRow("dryRun not a boolean")
        << QJsonObject{{"ids", QJsonArray{a, b}}, {"conflictPriorityIndex", 0}, {"dryRun", u"yes"_s}}
        << u"\"dryRun\" must be a boolean"_s;
    QTest::newRow("unknown field") << QJsonObject{
        {"ids", QJsonArray{a, b}},
        {"conflictPriorityIndex", 0},
        {"x", 1}} << u"Unknown body field 'x': expected \"ids\", \"conflictPriorityIndex\" or \"dryRun\""_s;
}

void TestRestDuplicatesMerge::mergeInputErrors()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, message);
    E2E_BAD_REQUEST(m_http.patch(u"/rest/people/merge"_s, body), message);
}

QTEST_GUILESS_MAIN(TestRestDuplicatesMerge)
#include "tst_rest_duplicates_merge.moc"
