// The playground's models over a real instance in a temporary directory, watched by QAbstractItemModelTester: the
// REST endpoint browser (the workspace's OpenAPI document, regenerated when the data model changes), the GraphQL
// schema explorer (core and metadata schemas), and the editor's bracket matching.
#include "graphqlapi/coreschema.h"
#include "gui/backendcontext.h"
#include "gui/endpointmodel.h"
#include "gui/graphqlhighlighter.h"
#include "gui/playgroundcontroller.h"
#include "gui/schemaexplorermodel.h"
#include "services/instance.h"
#include "services/metadataservice.h"
#include "services/workspace.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

using namespace Qt::StringLiterals;
using namespace vingt;
using namespace vingt::gui;

namespace {

QStringList column(const QAbstractItemModel &model, int role)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.data(model.index(row, 0), role).toString();
    return out;
}

} // namespace

class TestPlaygroundModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto instance = Instance::open({m_dir.path(), {}, {}});
        QVERIFY2(instance, qPrintable(instance ? QString() : instance.error().message));
        m_instance = std::move(*instance);
        BackendContext::setCurrent({m_instance.get(), nullptr, nullptr});
    }

    void endpoints_fromTheOpenApiDocument()
    {
        PlaygroundController controller;
        EndpointModel *endpoints = controller.endpoints();
        QAbstractItemModelTester tester(endpoints, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_VERIFY_WITH_TIMEOUT(endpoints->rowCount() > 50, 20000);
        QVERIFY(!endpoints->busy());
        const int list = endpoints->find(u"GET"_s, u"/rest/companies"_s);
        QVERIFY(list >= 0);
        const QVariantMap row = endpoints->get(list);
        QCOMPARE(row.value(u"group"_s).toString(), u"companies"_s);
        QVERIFY(row.value(u"parameters"_s).toString().contains(u"filter (query"_s));
        QVERIFY(row.value(u"responseSchema"_s).toString().contains(u"companies"_s));

        endpoints->setSearch(u"opportunities"_s);
        QVERIFY(endpoints->rowCount() > 0);
        QVERIFY(endpoints->find(u"GET"_s, u"/rest/companies"_s) < 0);
        const QStringList paths = column(*endpoints, EndpointModel::PathRole);
        QVERIFY(std::all_of(paths.begin(), paths.end(), [](const QString &p) { return p.contains(u"opportunit"_s); }));
        endpoints->setSearch({});

        // Folding a group keeps one row for its heading; a search shows the group's matches anyway.
        const int all = endpoints->rowCount();
        endpoints->toggleGroup(u"companies"_s);
        QVERIFY(endpoints->rowCount() < all);
        QCOMPARE(endpoints->find(u"GET"_s, u"/rest/companies"_s), -1);
        const QStringList groups = column(*endpoints, EndpointModel::GroupRole);
        QCOMPARE(groups.count(u"companies"_s), 1);
        QVERIFY(endpoints->data(endpoints->index(int(groups.indexOf(u"companies"_s))), EndpointModel::CollapsedRole)
                    .toBool());
        endpoints->setSearch(u"/rest/companies"_s);
        QVERIFY(endpoints->find(u"GET"_s, u"/rest/companies"_s) >= 0);
        endpoints->setSearch({});
        endpoints->toggleGroup(u"companies"_s);
        QCOMPARE(endpoints->rowCount(), all);

        // A new object → new endpoints at the next refresh (the page refreshes when shown and after each send).
        auto created = m_instance->defaultWorkspace()->metadata().createObject(
            BackendContext::actor(), QJsonObject{{u"nameSingular"_s, u"invoice"_s},
                                                 {u"namePlural"_s, u"invoices"_s},
                                                 {u"labelSingular"_s, u"Invoice"_s},
                                                 {u"labelPlural"_s, u"Invoices"_s}});
        QVERIFY2(created, qPrintable(created ? QString() : created.error().message));
        QCOMPARE(endpoints->find(u"POST"_s, u"/rest/invoices"_s), -1);
        controller.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(endpoints->find(u"POST"_s, u"/rest/invoices"_s) >= 0, 20000);
        QVERIFY(controller.filterFields(u"invoices"_s).size() > 3);
        QVERIFY(controller.bodyTemplate(u"invoices"_s).contains(u"\"name\""_s));
        QThreadPool::globalInstance()->waitForDone();
    }

    void diagnose_defaultQueryIsValid()
    {
        PlaygroundController controller;
        const QVariantList errors = controller.diagnose(
            u"core"_s, u"{\n  people(first: 5) {\n    edges { node { id name { firstName lastName } } }\n  }\n}\n"_s);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).toMap().value(u"message"_s).toString()));
        QThreadPool::globalInstance()->waitForDone();
    }

    void schemaExplorer_typesFieldsArguments()
    {
        auto schema = graphqlapi::buildCoreSchema(m_instance->defaultWorkspace()->dataModel());
        QVERIFY(schema);
        SchemaExplorerModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSchema(*schema);
        const QStringList types = column(model, SchemaExplorerModel::NameRole);
        QCOMPARE(types.first(), u"Query"_s);
        QVERIFY(types.contains(u"Company"_s));
        QVERIFY(!std::any_of(types.begin(), types.end(), [](const QString &t) { return t.startsWith(u"__"_s); }));

        // Search finds types and fields (`Company.employees`).
        model.setSearch(u"employees"_s);
        const QStringList found = column(model, SchemaExplorerModel::SignatureRole);
        QVERIFY2(std::any_of(found.begin(), found.end(),
                             [](const QString &s) { return s.startsWith(u"Company.employees: "_s); }),
                 qPrintable(found.join(u'\n')));

        // Navigate: Query → companies (with its arguments) → CompanyConnection; back returns.
        model.open(u"Query"_s);
        QCOMPARE(model.typeName(), u"Query"_s);
        QCOMPARE(model.search(), QString());
        const int companies = int(column(model, SchemaExplorerModel::NameRole).indexOf(u"companies"_s));
        QVERIFY(companies >= 0);
        const QModelIndex at = model.index(companies, 0);
        QVERIFY(model.data(at, SchemaExplorerModel::ArgumentsRole).toString().contains(u"filter: CompanyFilterInput"_s));
        QVERIFY(model.data(at, SchemaExplorerModel::SignatureRole).toString().startsWith(u"companies("_s));
        const QString target = model.data(at, SchemaExplorerModel::TargetRole).toString();
        model.open(target);
        QCOMPARE(model.typeName(), target);
        QVERIFY(column(model, SchemaExplorerModel::NameRole).contains(u"edges"_s));
        model.back();
        QCOMPARE(model.typeName(), u"Query"_s);
        model.back();
        QCOMPARE(model.typeName(), QString());
        QVERIFY(!model.canGoBack());
        model.open(u"NoSuchType"_s);
        QCOMPARE(model.typeName(), QString());
        // Enum values and input fields.
        model.open(u"OrderByDirection"_s);
        QVERIFY(column(model, SchemaExplorerModel::KindRole).contains(u"enumValue"_s));
    }

    void schemaExplorer_followsTheEndpoint()
    {
        PlaygroundController controller;
        SchemaExplorerModel *explorer = controller.schemaExplorer();
        QAbstractItemModelTester tester(explorer, QAbstractItemModelTester::FailureReportingMode::QtTest);
        controller.exploreSchema(u"metadata"_s);
        explorer->open(u"Query"_s);
        QVERIFY(column(*explorer, SchemaExplorerModel::NameRole).contains(u"objects"_s));
        controller.exploreSchema(u"core"_s); // "Query" exists in both: the explorer stays on it
        QCOMPARE(explorer->typeName(), u"Query"_s);
        QVERIFY(column(*explorer, SchemaExplorerModel::NameRole).contains(u"companies"_s));
        QVERIFY(!column(*explorer, SchemaExplorerModel::NameRole).contains(u"objects"_s));
        QThreadPool::globalInstance()->waitForDone();
    }

    void brackets_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("cursor");
        QTest::addColumn<int>("match");
        QTest::newRow("after open") << u"{ a { b } }"_s << 1 << 10;
        QTest::newRow("after close") << u"{ a { b } }"_s << 11 << 0;
        QTest::newRow("inner") << u"{ a { b } }"_s << 5 << 8;
        QTest::newRow("parens") << u"{ a(x: [1, 2]) }"_s << 4 << 13;
        QTest::newRow("string skipped") << u"{ a(x: \")\") }"_s << 4 << 10;
        QTest::newRow("comment skipped") << u"{ # }\n}"_s << 1 << 6;
        QTest::newRow("unbalanced") << u"{ a { b }"_s << 1 << -1;
        QTest::newRow("no bracket") << u"{ abc }"_s << 3 << -1;
    }

    void brackets()
    {
        QFETCH(QString, text);
        QFETCH(int, cursor);
        QFETCH(int, match);
        QCOMPARE(GraphQLHighlighter::matchingBracket(text, cursor), match);
    }

    void cleanupTestCase()
    {
        QThreadPool::globalInstance()->waitForDone();
        BackendContext::setCurrent({});
        m_instance.reset();
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Instance> m_instance;
};

QTEST_MAIN(TestPlaygroundModels)
#include "tst_playgroundmodels.moc"
