// Unit tests of the playground's REST endpoint catalog and structured filter editor, on the real OpenAPI document
// (backend/openapi) of the standard data model: operations grouped by object with parameters and schemas; filter
// fields with the binder's comparators; editor rows written in the contract's syntax and checked like the server.

#include "model/datamodel.h"
#include "model/standardobjects.h"
#include "openapi/openapibuilder.h"
#include "playground/endpointcatalog.h"
#include "playground/filterfields.h"
#include "playground/jsonfold.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace vingt;
using namespace vingt::playground;
using namespace Qt::StringLiterals;

namespace {

const Endpoint *findEndpoint(const std::vector<Endpoint> &endpoints, const QString &method, const QString &path)
{
    for (const Endpoint &e : endpoints) {
        if (e.method == method && e.path == path)
            return &e;
    }
    return nullptr;
}

const FilterField *findField(const std::vector<FilterField> &fields, const QString &path)
{
    for (const FilterField &f : fields) {
        if (f.path == path)
            return &f;
    }
    return nullptr;
}

} // namespace

class TestEndpointCatalog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsTheCoreDocument()
    {
        openapi::DocumentOptions options;
        options.baseUrl = u"http://127.0.0.1:3000"_s;
        const QByteArray document = openapi::OpenApiBuilder::coreDocument(m_model, options);
        auto endpoints = readEndpoints(document, u"/rest"_s);
        QVERIFY2(endpoints, qPrintable(endpoints ? QString() : endpoints.error().message));
        QVERIFY(endpoints->size() > 50);

        const Endpoint *list = findEndpoint(*endpoints, u"GET"_s, u"/rest/companies"_s);
        QVERIFY(list);
        QCOMPARE(list->group, u"companies"_s);
        QVERIFY(!list->summary.isEmpty());
        QStringList names;
        for (const EndpointParameter &p : list->parameters)
            names << p.name;
        for (const QString &name : {u"filter"_s, u"order_by"_s, u"limit"_s, u"depth"_s, u"starting_after"_s})
            QVERIFY2(names.contains(name), qPrintable(names.join(u',')));
        QVERIFY2(list->responseSchema.contains(u"companies"_s), qPrintable(list->responseSchema));
        QVERIFY(list->requestSchema.isEmpty());

        const Endpoint *create = findEndpoint(*endpoints, u"POST"_s, u"/rest/companies"_s);
        QVERIFY(create);
        // The request body's schema names the object's fields with their types; select values are listed.
        QVERIFY2(create->requestSchema.contains(u"employees: "_s), qPrintable(create->requestSchema));
        const Endpoint *createOpportunity = findEndpoint(*endpoints, u"POST"_s, u"/rest/opportunities"_s);
        QVERIFY(createOpportunity);
        QVERIFY2(createOpportunity->requestSchema.contains(u"NEW|SCREENING"_s),
                 qPrintable(createOpportunity->requestSchema));

        const Endpoint *one = findEndpoint(*endpoints, u"GET"_s, u"/rest/companies/{id}"_s);
        QVERIFY(one);
        QVERIFY(std::any_of(one->parameters.begin(), one->parameters.end(),
                            [](const EndpointParameter &p) { return p.in == u"path"_s && p.required; }));

        // Grouped: every operation of a group is contiguous, in the document's tag order.
        QStringList groups;
        for (const Endpoint &e : *endpoints) {
            if (groups.isEmpty() || groups.last() != e.group) {
                QVERIFY2(!groups.contains(e.group), qPrintable(e.group));
                groups << e.group;
            }
        }
        QVERIFY(groups.indexOf(u"companies"_s) < groups.indexOf(u"people"_s));
    }

    void rejectsWhatIsNotADocument()
    {
        auto bad = readEndpoints("not json");
        QVERIFY(!bad);
        QVERIFY2(bad.error().message.contains(u"not valid JSON"_s), qPrintable(bad.error().message));
        auto noPaths = readEndpoints("{\"openapi\":\"3.1.1\"}");
        QVERIFY(!noPaths);
        QVERIFY(noPaths.error().message.contains(u"'paths'"_s));
    }

    void filterFieldsOfferTheBindersComparators()
    {
        const std::vector<FilterField> fields = filterFields(*m_model.objectByPlural(u"opportunities"_s));
        const FilterField *stage = findField(fields, u"stage"_s);
        QVERIFY(stage);
        QCOMPARE(stage->comparators, (QStringList{u"eq"_s, u"neq"_s, u"in"_s, u"is"_s}));
        QCOMPARE(stage->options.first(), u"NEW"_s);
        const FilterField *amount = findField(fields, u"amount.amountMicros"_s);
        QVERIFY(amount);
        QVERIFY(amount->comparators.contains(u"gte"_s));
        QVERIFY(!amount->comparators.contains(u"ilike"_s));
        const FilterField *name = findField(fields, u"name"_s);
        QVERIFY(name && name->comparators.contains(u"ilike"_s));
        QVERIFY(findField(fields, u"companyId"_s)); // a MANY_TO_ONE relation by its join column
        QVERIFY(!findField(fields, u"company"_s));
    }

    void buildFilter_data()
    {
        QTest::addColumn<QString>("object");
        QTest::addColumn<QStringList>("row1");
        QTest::addColumn<QStringList>("row2");
        QTest::addColumn<bool>("any");
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("error");

        QTest::newRow("one condition") << u"companies"_s << QStringList{u"name"_s, u"ilike"_s, u"%acme%"_s}
                                       << QStringList{} << false << u"and(name[ilike]:%acme%)"_s << QString();
        QTest::newRow("two, any") << u"people"_s << QStringList{u"name.firstName"_s, u"eq"_s, u"Ada"_s}
                                  << QStringList{u"city"_s, u"in"_s, u"Paris, Lyon"_s} << true
                                  << u"or(name.firstName[eq]:Ada,city[in]:[Paris,Lyon])"_s << QString();
        QTest::newRow("select in") << u"opportunities"_s << QStringList{u"stage"_s, u"in"_s, u"NEW,MEETING"_s}
                                   << QStringList{} << false << u"and(stage[in]:[NEW,MEETING])"_s << QString();
        QTest::newRow("quoted value") << u"companies"_s << QStringList{u"name"_s, u"eq"_s, u"a,b"_s} << QStringList{}
                                      << false << u"and(name[eq]:\"a,b\")"_s << QString();
        QTest::newRow("empty rows") << u"companies"_s << QStringList{} << QStringList{} << false << QString()
                                    << QString();
        QTest::newRow("comparator the type refuses")
            << u"companies"_s << QStringList{u"employees"_s, u"ilike"_s, u"3"_s} << QStringList{} << false << QString()
            << u"employees"_s;
        QTest::newRow("bad number") << u"companies"_s << QStringList{u"employees"_s, u"gt"_s, u"many"_s}
                                    << QStringList{} << false << QString() << u"many"_s;
        QTest::newRow("unknown comparator") << u"companies"_s << QStringList{u"name"_s, u"near"_s, u"x"_s}
                                            << QStringList{} << false << QString() << u"'near'"_s;
        QTest::newRow("unknown field") << u"companies"_s << QStringList{u"nope"_s, u"eq"_s, u"x"_s} << QStringList{}
                                       << false << QString() << u"'nope'"_s;
    }

    void buildFilter()
    {
        QFETCH(QString, object);
        QFETCH(QStringList, row1);
        QFETCH(QStringList, row2);
        QFETCH(bool, any);
        QFETCH(QString, filter);
        QFETCH(QString, error);
        std::vector<FilterRow> rows;
        for (const QStringList &row : {row1, row2}) {
            if (row.size() == 3)
                rows.push_back({row[0], row[1], row[2]});
        }
        auto built = buildRestFilter(m_model, object, rows, any);
        if (error.isEmpty()) {
            QVERIFY2(built, qPrintable(built ? QString() : built.error().message));
            QCOMPARE(*built, filter);
        } else {
            QVERIFY2(!built, qPrintable(built ? *built : QString()));
            QVERIFY2(built.error().message.contains(error), qPrintable(built.error().message));
        }
    }

    void bodyTemplateIsAValidBodyOfTheObject()
    {
        const QJsonObject body
            = QJsonDocument::fromJson(bodyTemplate(*m_model.objectByPlural(u"opportunities"_s)).toUtf8()).object();
        QCOMPARE(body.value(u"stage"_s).toString(), u"NEW"_s);
        QVERIFY(body.value(u"amount"_s).toObject().contains(u"amountMicros"_s));
        QVERIFY(body.contains(u"companyId"_s));
        QVERIFY(body.value(u"companyId"_s).isNull());
        QVERIFY(!body.contains(u"id"_s));
        QVERIFY(!body.contains(u"createdAt"_s));
        QVERIFY(!body.contains(u"position"_s));
    }

    void errorRequestPart_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("part");
        QTest::newRow("depth") << u"GET"_s << u"'depth=3' parameter invalid. Allowed values are 0, 1"_s << u"depth"_s;
        QTest::newRow("limit") << u"GET"_s << u"limit 'x' is invalid. Should be an integer"_s << u"limit"_s;
        QTest::newRow("filter field") << u"GET"_s << u"Field 'nope' not found on object 'company'"_s << u"filter"_s;
        QTest::newRow("body field") << u"POST"_s << u"Field 'nope' not found on object 'company'"_s << u"body"_s;
        QTest::newRow("cursor") << u"GET"_s << u"Invalid cursor"_s << u"cursor"_s;
        QTest::newRow("path") << u"GET"_s << u"'x' is not a valid UUID"_s << u"path"_s;
        QTest::newRow("none") << u"GET"_s << u"Rate limit exceeded"_s << QString();
    }

    void errorRequestPart()
    {
        QFETCH(QString, method);
        QFETCH(QString, message);
        QFETCH(QString, part);
        QCOMPARE(playground::errorRequestPart(method, message), part);
    }

    void foldJson_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("depth");
        QTest::addColumn<QString>("text");
        const QByteArray page
            = "{\"data\":{\"people\":[{\"id\":\"a\",\"tags\":[1,2]},{\"id\":\"b\",\"tags\":[]}]},\"total\":2}";
        QTest::newRow("all folded") << page << 0 << u"{…2 keys}"_s;
        QTest::newRow("one level") << page << 1 << u"{\n  \"data\": {…1 key},\n  \"total\": 2\n}"_s;
        QTest::newRow("three levels") << page << 3
                                      << u"{\n  \"data\": {\n    \"people\": [\n      {…2 keys},\n      {…2 keys}\n"
                                         "    ]\n  },\n  \"total\": 2\n}"_s;
        QTest::newRow("unfolded")
            << QByteArray("{\"b\":{},\"a\":[1,\"x\\\"y\",null,true]}") << -1
            << u"{\n  \"a\": [\n    1,\n    \"x\\\"y\",\n    null,\n    true\n  ],\n  \"b\": {}\n}"_s;
        QTest::newRow("not json") << QByteArray("Not Found") << 1 << u"Not Found"_s;
        QTest::newRow("array root") << QByteArray("[[1],[2,3]]") << 1 << u"[\n  […1 item],\n  […2 items]\n]"_s;
    }

    void foldJson()
    {
        QFETCH(QByteArray, json);
        QFETCH(int, depth);
        QFETCH(QString, text);
        QCOMPARE(playground::foldJson(json, depth), text);
    }

    void foldJson_byHand()
    {
        const QByteArray page = "{\"data\":{\"people\":[{\"id\":\"a\"},{\"id\":\"b\"}]},\"total\":2}";
        FoldState state;
        FoldedJson shown = playground::foldJson(page, state);
        QCOMPARE(shown.lineNodes.size(), std::size_t(shown.text.count(u'\n') + 1));
        QCOMPARE(shown.lineNodes.at(0), std::optional<QString>(QString()));
        QCOMPARE(shown.lineNodes.at(1), std::optional<QString>(u"/data"_s));
        QCOMPARE(shown.lineNodes.at(2), std::optional<QString>(u"/data/people"_s));
        QCOMPARE(shown.lineNodes.at(3), std::optional<QString>(u"/data/people/0"_s));
        QVERIFY(!shown.lineNodes.at(4)); // "id": "a"
        // Fold one person by hand, then unfold it again.
        state.toggle(u"/data/people/0"_s, pointerLevel(u"/data/people/0"_s));
        shown = playground::foldJson(page, state);
        QVERIFY2(shown.text.contains(u"[\n      {…1 key},\n      {\n"_s), qPrintable(shown.text));
        QCOMPARE(shown.lineNodes.at(3), std::optional<QString>(u"/data/people/0"_s));
        QCOMPARE(shown.lineNodes.at(4), std::optional<QString>(u"/data/people/1"_s));
        state.toggle(u"/data/people/0"_s, 3);
        QCOMPARE(playground::foldJson(page, state).text, playground::foldJson(page, -1));
        // Below the depth, a node unfolded by hand opens; folding it again closes it.
        state.depth = 1;
        QCOMPARE(playground::foldJson(page, state).text, u"{\n  \"data\": {…1 key},\n  \"total\": 2\n}"_s);
        state.toggle(u"/data"_s, 1);
        QVERIFY(playground::foldJson(page, state).text.contains(u"\"people\": […2 items]"_s));
        state.toggle(u"/data"_s, 1);
        QCOMPARE(playground::foldJson(page, state).text, u"{\n  \"data\": {…1 key},\n  \"total\": 2\n}"_s);
        QCOMPARE(pointerLevel(QString()), 0);
        QCOMPARE(pointerLevel(u"/a~1b/0"_s), 2);
    }

private:
    const DataModel m_model{1, standardObjects()};
};

QTEST_GUILESS_MAIN(TestEndpointCatalog)
#include "tst_endpointcatalog.moc"
