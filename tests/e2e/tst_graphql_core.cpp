// End-to-end: the Core GraphQL API on POST /graphql (API-CONTRACT §2, §6.6, §7, §13) against the real server.
// One server for the class; every test tags its records with a fresh value, so tests are independent.

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

class TestGraphqlCore : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> m_server;
    HttpClient m_http;

    HttpResponse gql(const QString &query, const QJsonObject &variables = {}, const Headers &headers = {})
    {
        return m_http.post(u"/graphql"_s, QJsonObject{{"query", query}, {"variables", variables}}, headers);
    }
    /// Creates people (city = tag) through createPeople and returns their ids in input order.
    QStringList createPeople(const QString &tag, const QJsonArray &people)
    {
        QJsonArray data;
        for (const QJsonValue &p : people) {
            QJsonObject person = p.toObject();
            person.insert(u"city"_s, tag);
            data.append(person);
        }
        const HttpResponse created = gql(u"mutation($d:[PersonCreateInput!]!){ createPeople(data:$d){ id } }"_s,
                                         {{"d", data}});
        if (!graphqlProblem(created).isEmpty()) {
            qWarning("%s", qPrintable(created.describe()));
            return {};
        }
        return column(created.value(u"data.createPeople"_s).toArray(), u"id"_s);
    }
    /// The ids of the people whose city is `tag` and who match `filter`, in `orderBy` order (default: position).
    QStringList peopleIds(const QString &tag, const QJsonObject &filter, QJsonArray orderBy = {})
    {
        if (orderBy.isEmpty())
            orderBy = QJsonArray{QJsonObject{{"position", "AscNullsFirst"}}};
        QJsonObject full{{"and", QJsonArray{QJsonObject{{"city", QJsonObject{{"eq", tag}}}}, filter}}};
        const HttpResponse r = gql(u"query($f:PersonFilterInput,$o:[PersonOrderByInput]){ people(filter:$f,orderBy:$o)"
                                   "{ edges { node { id } } } }"_s,
                                   {{"f", full}, {"o", orderBy}});
        if (!graphqlProblem(r).isEmpty())
            return {u"ERROR "_s + r.describe()};
        QStringList ids;
        for (const QJsonValue &edge : r.value(u"data.people.edges"_s).toArray())
            ids << edge.toObject().value(u"node"_s).toObject().value(u"id"_s).toString();
        return ids;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<ServerProcess>();
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
        m_http = HttpClient(m_server->baseUrl(), m_server->token());
    }
    void cleanupTestCase() { QCOMPARE(m_server->stop(), 0); }

    void createReadUpdateCompany()
    {
        const QString tag = uniqueTag();
        const HttpResponse created = gql(
            u"mutation($d:CompanyCreateInput!){ createCompany(data:$d){ id name employees idealCustomerProfile "
            "domainName{primaryLinkUrl primaryLinkLabel secondaryLinks} annualRecurringRevenue{amountMicros "
            "currencyCode} "
            "address{addressCity addressLat} createdBy{source name} createdAt deletedAt } }"_s,
            {{"d",
              QJsonObject{{"name", tag},
                          {"employees", 42},
                          {"idealCustomerProfile", true},
                          {"domainName", QJsonObject{{"primaryLinkUrl", u"https://%1.com"_s.arg(tag)}}},
                          {"annualRecurringRevenue", QJsonObject{{"amountMicros", 5000000}, {"currencyCode", "EUR"}}},
                          {"address", QJsonObject{{"addressCity", "Paris"}, {"addressLat", 48.85}}}}}});
        GQL_OK(created);
        const QJsonObject company = created.value(u"data.createCompany"_s).toObject();
        const QString id = company.value(u"id"_s).toString();
        QVERIFY(!id.isEmpty());
        QCOMPARE(company.value(u"name"_s).toString(), tag);
        QCOMPARE(company.value(u"employees"_s).toInt(), 42);
        QCOMPARE(company.value(u"idealCustomerProfile"_s).toBool(), true);
        QCOMPARE(at(company, u"domainName.primaryLinkUrl"_s).toString(), u"https://%1.com"_s.arg(tag));
        QCOMPARE(at(company, u"domainName.primaryLinkLabel"_s).toString(), QString()); // unset TEXT reads ""
        QCOMPARE(at(company, u"annualRecurringRevenue.amountMicros"_s).toDouble(), 5000000.0);
        QCOMPARE(at(company, u"annualRecurringRevenue.currencyCode"_s).toString(), u"EUR"_s);
        QCOMPARE(at(company, u"address.addressLat"_s).toDouble(), 48.85);
        QCOMPARE(at(company, u"createdBy.source"_s).toString(), u"API"_s);
        QVERIFY(at(company, u"deletedAt"_s).isNull());
        QVERIFY(company.value(u"createdAt"_s).toString().endsWith(u'Z'));

        // Read back through `company(filter:)` and REST: the same record.
        const HttpResponse one = gql(u"query($id:UUID!){ company(filter:{id:{eq:$id}}){ id name employees } }"_s,
                                     {{"id", id}});
        GQL_OK(one);
        QCOMPARE(one.value(u"data.company.employees"_s).toInt(), 42);
        const HttpResponse rest = m_http.get(u"/rest/companies/"_s + id);
        QCOMPARE(rest.value(u"data.company.name"_s).toString(), tag);

        // Update one and many.
        const HttpResponse updated = gql(
            u"mutation($id:UUID!){ updateCompany(id:$id, data:{employees: 7, name: \"%1-b\"}){ id employees name } }"_s
                .arg(tag),
            {{"id", id}});
        GQL_OK(updated);
        QCOMPARE(updated.value(u"data.updateCompany.employees"_s).toInt(), 7);
        const HttpResponse many = gql(
            u"mutation($id:UUID!){ updateCompanies(filter:{id:{in:[$id]}}, data:{employees: 8})"
            "{ id employees } }"_s,
            {{"id", id}});
        GQL_OK(many);
        QCOMPARE(many.value(u"data.updateCompanies.0.employees"_s).toInt(), 8);

        // Unknown record → NOT_FOUND; unknown input field → validation error (inputs are generated).
        GQL_ERROR(gql(u"mutation($id:UUID!){ updateCompany(id:$id, data:{employees:1}){ id } }"_s, {{"id", newUuid()}}),
                  "NOT_FOUND", "Record not found");
        const HttpResponse unknown = gql(u"mutation{ createCompany(data:{nope: 1}){ id } }"_s);
        E2E_STATUS(unknown, 200);
        QCOMPARE(unknown.value(u"errors.0.extensions.code"_s).toString(), u"GRAPHQL_VALIDATION_FAILED"_s);
        QVERIFY(!unknown.object().contains(u"data"_s));
    }

    void filtersOfEachKind()
    {
        const QString tag = uniqueTag();
        const QStringList ids = createPeople(
            tag, {QJsonObject{{"name", QJsonObject{{"firstName", "Alice"}, {"lastName", "Zed"}}},
                              {"jobTitle", "CEO"},
                              {"emails", QJsonObject{{"primaryEmail", u"alice@%1.com"_s.arg(tag)}}},
                              {"position", 1}},
                  QJsonObject{{"name", QJsonObject{{"firstName", "bob"}, {"lastName", "Young"}}},
                              {"jobTitle", "CTO"},
                              {"position", 2}},
                  QJsonObject{{"name", QJsonObject{{"firstName", "Carol"}, {"lastName", "Xu"}}}, {"position", 3}}});
        QCOMPARE(ids.size(), 3);
        const QString a = ids[0], b = ids[1], c = ids[2];
        auto cond = [](const char *field, QJsonObject comparison) { return QJsonObject{{field, comparison}}; };
        QCOMPARE(peopleIds(tag, cond("jobTitle", {{"eq", "CEO"}})), QStringList{a});
        QCOMPARE(peopleIds(tag, cond("jobTitle", {{"neq", "CEO"}})), (QStringList{b, c})); // unset TEXT is ""
        QCOMPARE(peopleIds(tag, cond("jobTitle", {{"in", QJsonArray{"CEO", "CTO"}}})), (QStringList{a, b}));
        QCOMPARE(peopleIds(tag, cond("jobTitle", {{"startsWith", "CT"}})), QStringList{b});
        QCOMPARE(peopleIds(tag, cond("jobTitle", {{"like", "%EO"}})), QStringList{a});
        QCOMPARE(peopleIds(tag, cond("companyId", {{"is", "NULL"}})).size(), 3);
        QCOMPARE(peopleIds(tag, cond("companyId", {{"is", "NOT_NULL"}})).size(), 0);
        QCOMPARE(peopleIds(tag, cond("id", {{"eq", b}})), QStringList{b});
        QCOMPARE(peopleIds(tag, cond("position", {{"gte", 2}})), (QStringList{b, c}));
        QCOMPARE(peopleIds(tag, cond("position", {{"lt", 2}})), QStringList{a});
        QCOMPARE(peopleIds(tag, cond("createdAt", {{"gt", "2000-01-01T00:00:00.000Z"}})).size(), 3);
        // Composite sub-fields, case-insensitive ilike, and / or / not.
        QCOMPARE(peopleIds(tag, QJsonObject{{"name", QJsonObject{{"firstName", QJsonObject{{"ilike", "%BOB%"}}}}}}),
                 QStringList{b});
        QCOMPARE(peopleIds(tag, QJsonObject{{"emails", QJsonObject{{"primaryEmail",
                                                                    QJsonObject{{"eq", u"alice@%1.com"_s.arg(tag)}}}}}}),
                 QStringList{a});
        QCOMPARE(peopleIds(tag, QJsonObject{{"or", QJsonArray{cond("id", {{"eq", a}}), cond("id", {{"eq", c}})}}}),
                 (QStringList{a, c}));
        QCOMPARE(peopleIds(tag, QJsonObject{{"not", cond("id", {{"eq", a}})}}), (QStringList{b, c}));

        // Ordering, with composite sub-fields.
        QJsonArray byLastName{QJsonObject{{"name", QJsonObject{{"lastName", "AscNullsFirst"}}}}};
        QCOMPARE(peopleIds(tag, {}, byLastName), (QStringList{c, b, a}));
        QCOMPARE(peopleIds(tag, {}, QJsonArray{QJsonObject{{"position", "DescNullsLast"}}}), (QStringList{c, b, a}));

        // Enum (SELECT) and Boolean filters on other objects.
        const HttpResponse opp = gql(
            u"mutation{ createOpportunity(data:{name:\"%1\", stage: MEETING}){ id stage } }"_s.arg(tag));
        GQL_OK(opp);
        QCOMPARE(opp.value(u"data.createOpportunity.stage"_s).toString(), u"MEETING"_s);
        const HttpResponse stage = gql(
            u"{ opportunities(filter:{name:{eq:\"%1\"}, stage:{in:[MEETING]}}){ totalCount } }"_s.arg(tag));
        GQL_OK(stage);
        QCOMPARE(stage.value(u"data.opportunities.totalCount"_s).toInt(), 1);
        GQL_OK(gql(u"mutation{ createCompany(data:{name:\"%1\", idealCustomerProfile:true}){ id } }"_s.arg(tag)));
        const HttpResponse icp = gql(
            u"{ companies(filter:{name:{eq:\"%1\"}, idealCustomerProfile:{eq:true}}){ totalCount } }"_s.arg(tag));
        QCOMPARE(icp.value(u"data.companies.totalCount"_s).toInt(), 1);
        // A bad enum value fails validation.
        QCOMPARE(gql(u"{ opportunities(filter:{stage:{eq:NOPE}}){ totalCount } }"_s)
                     .value(u"errors.0.extensions.code"_s)
                     .toString(),
                 u"GRAPHQL_VALIDATION_FAILED"_s);
    }

    void cursorsForwardAndBackward()
    {
        const QString tag = uniqueTag();
        QJsonArray people;
        for (int i = 0; i < 5; ++i)
            people.append(QJsonObject{{"position", i}});
        const QStringList ids = createPeople(tag, people);
        QCOMPARE(ids.size(), 5);
        const QString query = u"query($f:PersonFilterInput,$first:Int,$last:Int,$after:String,$before:String){ "
                              "people(filter:$f, orderBy:[{position:AscNullsFirst}], first:$first, last:$last, "
                              "after:$after, before:$before){ totalCount edges{ cursor node{ id } } "
                              "pageInfo{ hasNextPage hasPreviousPage startCursor endCursor } } }"_s;
        const QJsonObject filter{{"city", QJsonObject{{"eq", tag}}}};
        QStringList forward;
        QString after;
        for (int guard = 0; guard < 5; ++guard) {
            QJsonObject vars{{"f", filter}, {"first", 2}};
            if (!after.isEmpty())
                vars.insert(u"after"_s, after);
            const HttpResponse page = gql(query, vars);
            GQL_OK(page);
            QCOMPARE(page.value(u"data.people.totalCount"_s).toInt(), 5);
            for (const QJsonValue &edge : page.value(u"data.people.edges"_s).toArray())
                forward << at(edge.toObject(), u"node.id"_s).toString();
            QVERIFY(!page.value(u"data.people.pageInfo.hasPreviousPage"_s).toBool());
            if (!page.value(u"data.people.pageInfo.hasNextPage"_s).toBool())
                break;
            after = page.value(u"data.people.pageInfo.endCursor"_s).toString();
        }
        QCOMPARE(forward, ids);

        QStringList backward;
        QString before;
        for (int guard = 0; guard < 5; ++guard) {
            QJsonObject vars{{"f", filter}, {"last", 2}};
            if (!before.isEmpty())
                vars.insert(u"before"_s, before);
            const HttpResponse page = gql(query, vars);
            GQL_OK(page);
            QStringList pageIds;
            for (const QJsonValue &edge : page.value(u"data.people.edges"_s).toArray())
                pageIds << at(edge.toObject(), u"node.id"_s).toString();
            backward = pageIds + backward;
            QVERIFY(!page.value(u"data.people.pageInfo.hasNextPage"_s).toBool());
            if (!page.value(u"data.people.pageInfo.hasPreviousPage"_s).toBool())
                break;
            before = page.value(u"data.people.pageInfo.startCursor"_s).toString();
        }
        QCOMPARE(backward, ids);

        // offset skips rows.
        const HttpResponse skipped = gql(
            u"query($f:PersonFilterInput){ people(filter:$f, orderBy:[{position:AscNullsFirst}],"
            " first:1, offset:3){ edges{ node{ id } } } }"_s,
            {{"f", filter}});
        QCOMPARE(skipped.value(u"data.people.edges.0.node.id"_s).toString(), ids[3]);
        // A garbage cursor is a BAD_USER_INPUT.
        GQL_ERROR(gql(query, {{"f", filter}, {"after", "!!!"}}), "BAD_USER_INPUT", "Invalid cursor");
    }

    void argumentConflictsAndClamp()
    {
        struct Case {
            const char *args;
            const char *message;
        };
        for (const Case &c : {Case{"first:1, last:1", "Cannot provide both first and last"},
                              Case{"before:\"x\", after:\"y\"", "Cannot provide both before and after"},
                              Case{"before:\"x\", first:1", "Cannot provide both before and first"},
                              Case{"after:\"x\", last:1", "Cannot provide both after and last"}}) {
            const HttpResponse r = gql(u"{ people(%1){ totalCount } }"_s.arg(QString::fromLatin1(c.args)));
            GQL_ERROR(r, "BAD_USER_INPUT", c.message);
            QCOMPARE(r.value(u"errors.0.extensions.subCode"_s).toString(), u"ARGS_CONFLICT"_s);
        }
        GQL_ERROR(gql(u"{ people(first:-1){ totalCount } }"_s), "BAD_USER_INPUT", "First argument must be non-negative");
        GQL_ERROR(gql(u"{ people(last:-1){ totalCount } }"_s), "BAD_USER_INPUT", "Last argument must be non-negative");
        const HttpResponse clamped = gql(u"{ people(first: 500){ totalCount } }"_s);
        GQL_OK(clamped);
        QCOMPARE(clamped.header("x-vingt-limit-clamped"), QByteArray("60"));
        QVERIFY(!gql(u"{ people(first: 60){ totalCount } }"_s).hasHeader("x-vingt-limit-clamped"));
    }

    void nestedRelationsBothDirections()
    {
        const QString tag = uniqueTag();
        const HttpResponse company = gql(u"mutation{ createCompany(data:{name:\"%1\"}){ id } }"_s.arg(tag));
        GQL_OK(company);
        const QString companyId = company.value(u"data.createCompany.id"_s).toString();
        QJsonArray people;
        for (int i = 0; i < 3; ++i)
            people.append(QJsonObject{{"companyId", companyId}, {"position", i}, {"jobTitle", i == 1 ? "X" : "Y"}});
        const QStringList ids = createPeople(tag, people);
        QCOMPARE(ids.size(), 3);

        // ONE_TO_MANY: a nested connection with its own filter, orderBy and first.
        const HttpResponse nested = gql(
            u"query($id:UUID!){ companies(filter:{id:{eq:$id}}){ edges{ node{ name "
            "all: people(orderBy:[{position:DescNullsLast}]){ totalCount edges{ node{ id } } } "
            "some: people(filter:{jobTitle:{eq:\"Y\"}}, first:1, orderBy:[{position:AscNullsFirst}]){ totalCount "
            "edges{ node{ id companyId company{ name } } } pageInfo{ hasNextPage } } } } } }"_s,
            {{"id", companyId}});
        GQL_OK(nested);
        const QJsonObject node = nested.value(u"data.companies.edges.0.node"_s).toObject();
        QCOMPARE(at(node, u"all.totalCount"_s).toInt(), 3);
        QStringList all;
        for (const QJsonValue &e : at(node, u"all.edges"_s).toArray())
            all << at(e.toObject(), u"node.id"_s).toString();
        QCOMPARE(all, (QStringList{ids[2], ids[1], ids[0]}));
        QCOMPARE(at(node, u"some.totalCount"_s).toInt(), 2);
        QCOMPARE(at(node, u"some.pageInfo.hasNextPage"_s).toBool(), true);
        const QJsonObject first = at(node, u"some.edges"_s).toArray().first().toObject().value(u"node"_s).toObject();
        QCOMPARE(first.value(u"id"_s).toString(), ids[0]);
        // MANY_TO_ONE: the object and its `<name>Id`.
        QCOMPARE(first.value(u"companyId"_s).toString(), companyId);
        QCOMPARE(at(first, u"company.name"_s).toString(), tag);

        // A person without a company: the relation is null.
        const QStringList orphan = createPeople(tag, {QJsonObject{}});
        const HttpResponse none = gql(u"query($id:UUID!){ person(filter:{id:{eq:$id}}){ id company{ id } } }"_s,
                                      {{"id", orphan.value(0)}});
        GQL_OK(none);
        QVERIFY(none.value(u"data.person.company"_s).isNull());
    }

    void statementCountIsConstant()
    {
        // 12 companies with 3 people each: the nested query costs the same number of statements for a page of 2 and
        // a page of 12 (one statement per relation level, not per row).
        const QString tag = uniqueTag();
        QJsonArray companies;
        for (int i = 0; i < 12; ++i)
            companies.append(QJsonObject{{"name", u"%1-%2"_s.arg(tag).arg(i, 2, 10, QLatin1Char('0'))}});
        const HttpResponse created = gql(u"mutation($d:[CompanyCreateInput!]!){ createCompanies(data:$d){ id } }"_s,
                                         {{"d", companies}});
        GQL_OK(created);
        QJsonArray people;
        for (const QString &id : column(created.value(u"data.createCompanies"_s).toArray(), u"id"_s)) {
            for (int j = 0; j < 3; ++j)
                people.append(QJsonObject{{"companyId", id}});
        }
        QCOMPARE(createPeople(tag, people).size(), 36);
        auto statements = [&](int pageSize) {
            const QString q = u"{ companies(first:%1, filter:{name:{startsWith:\"%2\"}}){ edges{ node{ id name "
                              "people{ totalCount edges{ node{ id name{ firstName } company{ id name } } } } } } } }"_s
                                  .arg(pageSize)
                                  .arg(tag);
            const Headers count{{"X-Vingt-Count-Statements", "1"}};
            gql(q, {}, count); // warm the count cache alike for both sizes
            const HttpResponse r = gql(q, {}, count);
            if (!graphqlProblem(r).isEmpty() || r.value(u"data.companies.edges"_s).toArray().size() != pageSize)
                return -1;
            for (const QJsonValue &edge : r.value(u"data.companies.edges"_s).toArray()) {
                if (at(edge.toObject(), u"node.people.totalCount"_s).toInt() != 3)
                    return -2;
            }
            return r.header("x-vingt-sql-statements").toInt();
        };
        const int small = statements(2);
        const int large = statements(12);
        QVERIFY2(small > 0, qPrintable(QString::number(small)));
        QCOMPARE(large, small);
        QVERIFY2(large <= 10, qPrintable(QString::number(large)));
    }

    void upsertSoftDeleteRestoreDestroy()
    {
        const QString tag = uniqueTag();
        const QString email = u"u@%1.com"_s.arg(tag);
        const QStringList ids = createPeople(
            tag, {QJsonObject{{"emails", QJsonObject{{"primaryEmail", email}}}, {"jobTitle", "before"}}});
        QCOMPARE(ids.size(), 1);
        const QString id = ids[0];
        // Upsert on a unique member updates the existing record.
        const HttpResponse upserted = gql(
            u"mutation($d:[PersonCreateInput!]!){ createPeople(data:$d, upsert:true){ id jobTitle } }"_s,
            {{"d", QJsonArray{QJsonObject{{"emails", QJsonObject{{"primaryEmail", email}}}, {"jobTitle", "after"}}}}});
        GQL_OK(upserted);
        QCOMPARE(upserted.value(u"data.createPeople.0.id"_s).toString(), id);
        QCOMPARE(upserted.value(u"data.createPeople.0.jobTitle"_s).toString(), u"after"_s);

        // Soft delete: deletedAt set, hidden from reads unless the filter mentions deletedAt.
        const HttpResponse deleted = gql(u"mutation($id:UUID!){ deletePerson(id:$id){ id deletedAt } }"_s, {{"id", id}});
        GQL_OK(deleted);
        QVERIFY(!deleted.value(u"data.deletePerson.deletedAt"_s).toString().isEmpty());
        const QString findOne = u"query($id:UUID!){ person(filter:{id:{eq:$id}}){ id } }"_s;
        const QString findDeleted
            = u"query($id:UUID!){ person(filter:{id:{eq:$id}, not:{deletedAt:{is:NULL}}}){ id } }"_s;
        GQL_OK(gql(findOne, {{"id", id}}));
        QVERIFY(gql(findOne, {{"id", id}}).value(u"data.person"_s).isNull());
        QCOMPARE(gql(findDeleted, {{"id", id}}).value(u"data.person.id"_s).toString(), id);
        // Restore, then soft delete many, restore many, destroy many.
        const HttpResponse restored = gql(u"mutation($id:UUID!){ restorePerson(id:$id){ id deletedAt } }"_s,
                                          {{"id", id}});
        GQL_OK(restored);
        QVERIFY(restored.value(u"data.restorePerson.deletedAt"_s).isNull());
        QCOMPARE(gql(findOne, {{"id", id}}).value(u"data.person.id"_s).toString(), id);
        const QJsonObject vars{{"id", id}};
        GQL_OK(gql(u"mutation($id:UUID!){ deletePeople(filter:{id:{in:[$id]}}){ id } }"_s, vars));
        QVERIFY(gql(findOne, vars).value(u"data.person"_s).isNull());
        const HttpResponse restoredMany = gql(u"mutation($id:UUID!){ restorePeople(filter:{id:{in:[$id]}}){ id } }"_s,
                                              vars);
        GQL_OK(restoredMany);
        QCOMPARE(restoredMany.value(u"data.restorePeople.0.id"_s).toString(), id);
        const HttpResponse destroyed = gql(u"mutation($id:UUID!){ destroyPeople(filter:{id:{in:[$id]}}){ id } }"_s,
                                           vars);
        GQL_OK(destroyed);
        QCOMPARE(destroyed.value(u"data.destroyPeople.0.id"_s).toString(), id);
        QVERIFY(gql(findDeleted, vars).value(u"data.person"_s).isNull()); // gone, not in the trash
        // Singular destroy and delete on a missing id.
        GQL_ERROR(gql(u"mutation($id:UUID!){ destroyPerson(id:$id){ id } }"_s, vars), "NOT_FOUND", "Record not found");
        GQL_ERROR(gql(u"mutation($id:UUID!){ deletePerson(id:$id){ id } }"_s, vars), "NOT_FOUND", "Record not found");
        const QStringList second = createPeople(tag, {QJsonObject{}});
        const HttpResponse destroyedOne = gql(u"mutation($id:UUID!){ destroyPerson(id:$id){ id } }"_s,
                                              {{"id", second.value(0)}});
        GQL_OK(destroyedOne);
        QCOMPARE(destroyedOne.value(u"data.destroyPerson.id"_s).toString(), second.value(0));
    }

    void emptyFilterGuard()
    {
        for (const char *op : {"updatePeople(filter:{}, data:{city:\"x\"})", "deletePeople(filter:{})",
                               "destroyPeople(filter:{})", "restorePeople(filter:{})"}) {
            const HttpResponse r = gql(u"mutation{ %1{ id } }"_s.arg(QString::fromLatin1(op)));
            GQL_ERROR(r, "BAD_USER_INPUT", "A non-empty filter is required");
            QCOMPARE(r.value(u"errors.0.extensions.subCode"_s).toString(), u"INVALID_QUERY_INPUT"_s);
            QCOMPARE(r.value(u"errors.0.extensions.userFriendlyMessage"_s).toString(), u"An error occurred."_s);
        }
    }

    void batchCapOf60()
    {
        const QString tag = uniqueTag();
        QJsonArray data;
        for (int i = 0; i < 61; ++i)
            data.append(QJsonObject{{"city", tag}});
        GQL_ERROR(gql(u"mutation($d:[PersonCreateInput!]!){ createPeople(data:$d){ id } }"_s, {{"d", data}}),
                  "BAD_USER_INPUT", "Maximum number of records to upsert is 60.");
        data.removeLast();
        QCOMPARE(createPeople(tag, data).size(), 60);
        const HttpResponse more = gql(u"mutation($t:String){ createPerson(data:{city:$t}){ id } }"_s, {{"t", tag}});
        GQL_OK(more);
        const QJsonObject vars{{"t", tag}};
        GQL_ERROR(
            gql(u"mutation($t:String){ updatePeople(filter:{city:{eq:$t}}, data:{jobTitle:\"x\"}){ id } }"_s, vars),
            "BAD_USER_INPUT", "Cannot update more than 60 records at once");
        GQL_ERROR(gql(u"mutation($t:String){ deletePeople(filter:{city:{eq:$t}}){ id } }"_s, vars), "BAD_USER_INPUT",
                  "Cannot delete more than 60 records at once");
        GQL_ERROR(gql(u"mutation($t:String){ destroyPeople(filter:{city:{eq:$t}}){ id } }"_s, vars), "BAD_USER_INPUT",
                  "Cannot destroy more than 60 records at once");
        // All or nothing: nothing was changed.
        QCOMPARE(gql(u"query($t:String){ people(filter:{city:{eq:$t}, jobTitle:{eq:\"x\"}}){ totalCount } }"_s, vars)
                     .value(u"data.people.totalCount"_s)
                     .toInt(-1),
                 0);
    }

    void transportErrors()
    {
        // Every GraphQL error is HTTP 200.
        const HttpResponse parse = gql(u"{ people { "_s);
        GQL_ERROR(parse, "GRAPHQL_PARSE_FAILED", "Syntax Error: Expected Name, found <EOF>.");
        QVERIFY(!parse.object().contains(u"data"_s));
        const HttpResponse validation = gql(u"{ people { nope } }"_s);
        E2E_STATUS(validation, 200);
        QCOMPARE(validation.value(u"errors.0.extensions.code"_s).toString(), u"GRAPHQL_VALIDATION_FAILED"_s);
        const HttpResponse variables = gql(u"query($n:Int){ people(first:$n){ totalCount } }"_s, {{"n", "ten"}});
        E2E_STATUS(variables, 200);
        QCOMPARE(variables.value(u"errors.0.extensions.code"_s).toString(), u"BAD_USER_INPUT"_s);
        // Non-GraphQL bodies are 400.
        E2E_BAD_REQUEST(m_http.post(u"/graphql"_s, QJsonArray{QJsonObject{{"query", "{__typename}"}}}),
                        "Batched GraphQL requests are not supported");
        E2E_STATUS(m_http.send("POST", u"/graphql"_s, "{not json"), 400);
        E2E_STATUS(m_http.post(u"/graphql"_s, QJsonObject{{"variables", QJsonObject{}}}), 400);
        E2E_STATUS(m_http.get(u"/graphql"_s), 405);
        // Persisted queries.
        GQL_ERROR(
            m_http.post(u"/graphql"_s,
                        QJsonObject{{"extensions", QJsonObject{{"persistedQuery",
                                                                QJsonObject{{"version", 1}, {"sha256Hash", "ab"}}}}}}),
            "PERSISTED_QUERY_NOT_SUPPORTED", "Persisted queries are not supported");
        // Limits: 20 root fields, 2000 selected fields.
        QString wide = u"{"_s;
        for (int i = 0; i < 21; ++i)
            wide += u" a%1: __typename"_s.arg(i);
        const HttpResponse tooWide = gql(wide + u" }"_s);
        E2E_STATUS(tooWide, 200);
        QCOMPARE(tooWide.value(u"errors.0.extensions.code"_s).toString(), u"BAD_USER_INPUT"_s);
        QString many = u"{ people { edges { node {"_s;
        for (int i = 0; i < 2001; ++i)
            many += u" a%1: id"_s.arg(i);
        const HttpResponse tooMany = gql(many + u" } } } }"_s);
        QCOMPARE(tooMany.value(u"errors.0.extensions.code"_s).toString(), u"BAD_USER_INPUT"_s);
        // Deep nesting: a clear error, not a crash.
        QString deep = u"{ people { edges { node { "_s;
        QString close;
        for (int i = 0; i < 20; ++i) {
            deep += u"company { people { edges { node { "_s;
            close += u"} } } } "_s;
        }
        const HttpResponse tooDeep = gql(deep + u"id "_s + close + u"} } } }"_s);
        E2E_STATUS(tooDeep, 200);
        QCOMPARE(tooDeep.value(u"errors.0.extensions.code"_s).toString(), u"BAD_USER_INPUT"_s);
        QVERIFY(m_server->isRunning());
    }

    void authenticationErrors()
    {
        const HttpClient anonymous = m_http.withoutToken();
        HttpClient client = anonymous;
        const QJsonObject body{{"query", "{ __typename }"}};
        const HttpResponse missing = client.post(u"/graphql"_s, body);
        E2E_STATUS(missing, 200);
        QCOMPARE(missing.object(), QJsonDocument::fromJson(R"({"errors":[{"message":"Missing authentication token",)"
                                                           R"("extensions":{"code":"UNAUTHENTICATED"}}],"data":null})")
                                       .object());
        // ?token= is not accepted on /graphql.
        E2E_STATUS(client.post(u"/graphql?token="_s + m_server->token(), body), 200);
        QCOMPARE(client.post(u"/graphql?token="_s + m_server->token(), body).value(u"errors.0.message"_s).toString(),
                 u"Missing authentication token"_s);
        GQL_ERROR(m_http.withToken(u"garbage"_s).post(u"/graphql"_s, body), "UNAUTHENTICATED", "No payload");
        // A revoked key: FORBIDDEN.
        const std::optional<QString> token = m_server->createApiKey(u"gql-revoked-"_s + uniqueTag());
        QVERIFY(token);
        HttpClient revokedClient = m_http.withToken(*token);
        GQL_OK(revokedClient.post(u"/graphql"_s, body));
        const QString keyId = QString::fromUtf8(
            QByteArray::fromBase64(token->split(u'.').value(1).toLatin1(), QByteArray::Base64UrlEncoding));
        const QString jti = QJsonDocument::fromJson(keyId.toUtf8()).object().value(u"jti"_s).toString();
        QVERIFY(!jti.isEmpty());
        const CliResult revoked = m_server->runCliOnData({u"api-key"_s, u"revoke"_s, jti});
        QVERIFY2(revoked.exitCode == 0, qPrintable(revoked.describe()));
        GQL_ERROR(revokedClient.post(u"/graphql"_s, body), "FORBIDDEN", "This API Key is revoked");
    }

    void permissionDenied()
    {
        // A read-only role: reads work, writes are FORBIDDEN / PERMISSION_DENIED with the contract's messages.
        const HttpResponse role = m_http.post(u"/rest/metadata/roles"_s,
                                              QJsonObject{{"label", u"gql-ro-"_s + uniqueTag()},
                                                          {"canReadAllObjectRecords", true},
                                                          {"canBeAssignedToApiKeys", true}});
        E2E_STATUS(role, 201);
        const HttpResponse key = m_http.post(
            u"/rest/metadata/apiKeys"_s, QJsonObject{{"name", u"gql-ro-"_s + uniqueTag()},
                                                     {"expiresAt", u"2099-01-01T00:00:00.000Z"_s},
                                                     {"roleId", role.value(u"data.createOneRole.id"_s).toString()}});
        const HttpResponse regenerated = m_http.send(
            "POST", u"/rest/metadata/apiKeys/%1/regenerate"_s.arg(key.value(u"id"_s).toString()));
        E2E_STATUS(regenerated, 201);
        HttpClient readOnly = m_http.withToken(regenerated.value(u"data.regenerateApiKey.token"_s).toString());
        GQL_OK(readOnly.post(u"/graphql"_s, QJsonObject{{"query", "{ people(first:1){ totalCount } }"}}));
        const HttpResponse denied = readOnly.post(
            u"/graphql"_s, QJsonObject{{"query", "mutation{ createPerson(data:{city:\"x\"}){ id } }"}});
        GQL_ERROR(denied, "FORBIDDEN", "Entity performing the request does not have permission");
        QCOMPARE(denied.value(u"errors.0.extensions.subCode"_s).toString(), u"PERMISSION_DENIED"_s);
        QCOMPARE(denied.value(u"errors.0.extensions.userFriendlyMessage"_s).toString(),
                 u"You do not have permission to perform this action."_s);
        QVERIFY(denied.value(u"data.createPerson"_s).isNull());

        // An unreadable field (§6.2): selecting it is FORBIDDEN, never silently dropped; other fields still read.
        const HttpResponse fields = m_http.post(
            u"/metadata"_s,
            QJsonObject{{"query", "{ objects(paging:{first:100}, filter:{isCustom:{is:false}}){ edges{ node{ "
                                  "nameSingular id fields(paging:{first:100}){ edges{ node{ id name } } } } } } }"}});
        QString personId;
        QString cityId;
        for (const QJsonValue &edge : fields.value(u"data.objects.edges"_s).toArray()) {
            const QJsonObject node = edge.toObject().value(u"node"_s).toObject();
            if (node.value(u"nameSingular"_s).toString() != "person"_L1)
                continue;
            personId = node.value(u"id"_s).toString();
            for (const QJsonValue &f : at(node, u"fields.edges"_s).toArray()) {
                if (at(f.toObject(), u"node.name"_s).toString() == "city"_L1)
                    cityId = at(f.toObject(), u"node.id"_s).toString();
            }
        }
        QVERIFY2(!personId.isEmpty() && !cityId.isEmpty(), qPrintable(fields.describe()));
        E2E_STATUS(m_http.put(u"/rest/metadata/roles/%1/fieldPermissions"_s.arg(
                                  role.value(u"data.createOneRole.id"_s).toString()),
                              QJsonObject{{"fieldPermissions", QJsonArray{QJsonObject{{"objectMetadataId", personId},
                                                                                      {"fieldMetadataId", cityId},
                                                                                      {"canReadFieldValue", false}}}}}),
                   200);
        GQL_OK(m_http.post(u"/graphql"_s,
                           QJsonObject{{"query", "mutation{ createPerson(data:{jobTitle:\"x\"}){ id } }"}}));
        const HttpResponse hidden = readOnly.post(
            u"/graphql"_s, QJsonObject{{"query", "{ people(first:1){ edges{ node{ id city } } } }"}});
        GQL_ERROR(hidden, "FORBIDDEN", "Entity performing the request does not have permission");
        GQL_OK(readOnly.post(u"/graphql"_s,
                             QJsonObject{{"query", "{ people(first:1){ edges{ node{ id jobTitle } } } }"}}));
        const HttpResponse filtered = readOnly.post(
            u"/graphql"_s, QJsonObject{{"query", "{ people(filter:{city:{eq:\"x\"}}){ totalCount } }"}});
        GQL_ERROR(filtered, "FORBIDDEN", "Entity performing the request does not have permission");
    }

    void rateLimitedPerRootField()
    {
        // A separate server with 3 tokens: a document with 5 root fields gets 3 answers and 2 RATE_LIMITED nulls.
        ServerProcess::Options options;
        options.settings = {u"rateLimit.shortLimit=3"_s, u"rateLimit.longLimit=3"_s, u"rateLimit.longTtlMs=600000"_s,
                            u"rateLimit.shortTtlMs=600000"_s};
        ServerProcess limited(options);
        QVERIFY2(limited.start(), qPrintable(limited.errorString()));
        HttpClient client(limited.baseUrl(), limited.token());
        const HttpResponse r = client.post(
            u"/graphql"_s, QJsonObject{{"query", "{ a: people(first:1){ totalCount } b: people(first:1){ totalCount } "
                                                 "c: people(first:1){ totalCount } d: people(first:1){ totalCount } "
                                                 "e: people(first:1){ totalCount } }"}});
        E2E_STATUS(r, 200);
        int answered = 0;
        for (const char *key : {"a", "b", "c", "d", "e"}) {
            if (r.value(u"data."_s + QString::fromLatin1(key)).isObject())
                ++answered;
        }
        QCOMPARE(answered, 3);
        const QJsonArray errors = r.value(u"errors"_s).toArray();
        QCOMPARE(errors.size(), 2);
        for (const QJsonValue &error : errors) {
            QCOMPARE(at(error.toObject(), u"extensions.code"_s).toString(), u"BAD_USER_INPUT"_s);
            QCOMPARE(at(error.toObject(), u"extensions.subCode"_s).toString(), u"RATE_LIMITED"_s);
            QCOMPARE(error.toObject().value(u"message"_s).toString(), u"Limit reached (3 tokens per 600000 ms)"_s);
        }
        QCOMPARE(r.header("x-ratelimit-limit"), QByteArray("3"));
        QCOMPARE(r.header("x-ratelimit-remaining"), QByteArray("0"));
        QVERIFY(r.header("retry-after").toInt() >= 1);
        // /metadata consumes no token.
        const HttpResponse meta = client.post(u"/metadata"_s,
                                              QJsonObject{{"query", "{ objects(paging:{first:1}){ totalCount } }"}});
        GQL_OK(meta);
        QCOMPARE(limited.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestGraphqlCore)
#include "tst_graphql_core.moc"
