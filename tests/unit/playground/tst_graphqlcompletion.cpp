// Unit tests of the playground's GraphQL completion and diagnostics (backend/playground) on the real core schema of
// a temporary workspace and on the metadata schema: cursor position → candidates, and the server's validator.

#include "core/uuid.h"
#include "graphqlapi/coreschema.h"
#include "graphqlapi/metadataschema.h"
#include "playground/graphqlcompletion.h"
#include "services/metadataservice.h"
#include "services/settings.h"
#include "services/workspace.h"

#include <QTemporaryDir>
#include <QTest>

using namespace vingt;
using namespace vingt::playground;
using namespace Qt::StringLiterals;

class TestGraphqlCompletion : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_workspace;
    std::shared_ptr<const graphql::Schema> m_core;

    /// Completes at the `|` of `text` (the marker is removed).
    Completion at(const QString &text, const graphql::Schema *schema = nullptr)
    {
        const qsizetype cursor = text.indexOf(u'|');
        Q_ASSERT(cursor >= 0);
        QString document = text;
        document.remove(cursor, 1);
        return complete(schema ? *schema : *m_core, document, cursor);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto workspace = Workspace::open(uuid::create(), u"Test"_s, m_dir.filePath(u"ws.db"_s), "secret", Settings());
        QVERIFY2(bool(workspace), workspace ? "" : qPrintable(workspace.error().message));
        m_workspace = std::move(*workspace);
        auto schema = graphqlapi::buildCoreSchema(m_workspace->dataModel());
        QVERIFY2(bool(schema), schema ? "" : qPrintable(schema.error().message));
        m_core = *schema;
    }

    void completion_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("present");
        QTest::addColumn<QStringList>("absent");
        QTest::addColumn<QString>("prefix");

        QTest::newRow("root fields, shorthand")
            << u"{ peo|"_s << QStringList{u"people"_s} << QStringList{u"companies"_s, u"person"_s + u"X"_s} << u"peo"_s;
        QTest::newRow("root fields of a named query")
            << u"query Q { |"_s << QStringList{u"people"_s, u"companies"_s, u"person"_s, u"__typename"_s}
            << QStringList{u"createPerson"_s} << QString();
        QTest::newRow("mutation root") << u"mutation { createP|"_s << QStringList{u"createPerson"_s, u"createPeople"_s}
                                       << QStringList{u"people"_s} << u"createP"_s;
        QTest::newRow("nested object fields")
            << u"{ people { edges { node { |"_s << QStringList{u"id"_s, u"name"_s, u"company"_s, u"emails"_s}
            << QStringList{u"edges"_s, u"people"_s} << QString();
        QTest::newRow("composite sub-fields") << u"{ people { edges { node { name { f|"_s << QStringList{u"firstName"_s}
                                              << QStringList{u"lastName"_s} << u"f"_s;
        QTest::newRow("after a closed sibling selection")
            << u"{ people { edges { node { name { firstName } | } } } }"_s << QStringList{u"city"_s, u"jobTitle"_s}
            << QStringList{u"firstName"_s} << QString();
        QTest::newRow("aliased field") << u"{ a: people { totalC|"_s << QStringList{u"totalCount"_s}
                                       << QStringList{u"people"_s} << u"totalC"_s;
        QTest::newRow("arguments") << u"{ people(|"_s << QStringList{u"filter"_s, u"orderBy"_s, u"first"_s, u"after"_s}
                                   << QStringList{u"id"_s, u"edges"_s} << QString();
        QTest::newRow("arguments not repeated")
            << u"{ people(first: 3, |"_s << QStringList{u"filter"_s} << QStringList{u"first"_s} << QString();
        QTest::newRow("input object fields")
            << u"{ people(filter: { |"_s << QStringList{u"and"_s, u"or"_s, u"not"_s, u"city"_s, u"name"_s}
            << QStringList{u"edges"_s} << QString();
        QTest::newRow("nested input object")
            << u"{ people(filter: { city: { |"_s << QStringList{u"eq"_s, u"ilike"_s, u"in"_s} << QStringList{u"city"_s}
            << QString();
        QTest::newRow("after a nested input value")
            << u"{ people(filter: { city: { eq: \"Paris\" }, |"_s << QStringList{u"jobTitle"_s}
            << QStringList{u"city"_s, u"eq"_s} << QString();
        QTest::newRow("list of input objects")
            << u"{ people(filter: { or: [{ city: { eq: \"x\" } }, { |"_s << QStringList{u"city"_s, u"name"_s}
            << QStringList{u"eq"_s} << QString();
        QTest::newRow("enum values") << u"{ people(orderBy: [{ city: |"_s
                                     << QStringList{u"AscNullsFirst"_s, u"DescNullsLast"_s} << QStringList{u"city"_s}
                                     << QString();
        QTest::newRow("enum values with prefix")
            << u"{ people(orderBy: [{ city: Desc|"_s << QStringList{u"DescNullsFirst"_s, u"DescNullsLast"_s}
            << QStringList{u"AscNullsFirst"_s} << u"Desc"_s;
        QTest::newRow("variables") << u"query Q($city: String, $n: Int) { people(first: $|"_s
                                   << QStringList{u"city"_s, u"n"_s} << QStringList{u"people"_s} << QString();
        QTest::newRow("variable types") << u"query Q($f: Person|"_s
                                        << QStringList{u"PersonFilterInput"_s, u"PersonOrderByInput"_s}
                                        << QStringList{u"Person"_s, u"PersonConnection"_s} << u"Person"_s;
        QTest::newRow("fragment names") << u"{ people { edges { node { ...|"_s
                                               + u" } } } }\nfragment PersonBits on "
                                                 u"Person { id }"_s
                                        << QStringList{u"PersonBits"_s, u"on"_s} << QStringList{u"id"_s} << QString();
        QTest::newRow("inline fragment type") << u"{ people { edges { node { ... on P|"_s << QStringList{u"Person"_s}
                                              << QStringList{u"PersonFilterInput"_s} << u"P"_s;
        QTest::newRow("inside an inline fragment") << u"{ people { edges { node { ... on Person { jobT|"_s
                                                   << QStringList{u"jobTitle"_s} << QStringList{} << u"jobT"_s;
        QTest::newRow("fragment definition body")
            << u"fragment F on Company { domainN|"_s << QStringList{u"domainName"_s} << QStringList{} << u"domainN"_s;
        QTest::newRow("directives") << u"{ people @|"_s << QStringList{u"include"_s, u"skip"_s}
                                    << QStringList{u"people"_s} << QString();
        QTest::newRow("directive arguments") << u"query Q($b: Boolean!) { people @include(|"_s << QStringList{u"if"_s}
                                             << QStringList{u"filter"_s} << QString();
        QTest::newRow("boolean value") << u"{ people { edges { node { id @skip(if: |"_s
                                       << QStringList{u"true"_s, u"false"_s} << QStringList{u"if"_s} << QString();
        QTest::newRow("top level keywords")
            << u"|"_s << QStringList{u"query"_s, u"mutation"_s, u"fragment"_s} << QStringList{u"people"_s} << QString();
        QTest::newRow("second operation")
            << u"query A { people { totalCount } }\nmutation B { deleteP|"_s
            << QStringList{u"deletePerson"_s, u"deletePeople"_s} << QStringList{u"people"_s} << u"deleteP"_s;
    }

    void completion()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, present);
        QFETCH(QStringList, absent);
        QFETCH(QString, prefix);
        const Completion c = at(text);
        const QStringList labels = c.labels();
        for (const QString &label : present)
            QVERIFY2(labels.contains(label), qPrintable(u"missing %1 in %2"_s.arg(label, labels.join(u", "_s))));
        for (const QString &label : absent)
            QVERIFY2(!labels.contains(label), qPrintable(u"unexpected %1"_s.arg(label)));
        QCOMPARE(c.prefix, prefix);
        QCOMPARE(c.replaceStart, text.indexOf(u'|') - prefix.size());
    }

    void nothingInStringsAndComments()
    {
        QVERIFY(at(u"{ people(filter: { city: { eq: \"Par|"_s).items.empty());
        QVERIFY(at(u"{ people # a comm|"_s).items.empty());
    }

    void detailsAndKinds()
    {
        const Completion c = at(u"{ people(fil|"_s);
        QCOMPARE(c.items.size(), size_t(1));
        QCOMPARE(c.items.front().label, u"filter"_s);
        QCOMPARE(c.items.front().kind, CompletionKind::Argument);
        QCOMPARE(c.items.front().detail, u"PersonFilterInput"_s);
    }

    void regeneratesWithTheModel()
    {
        // A custom object's query appears once its schema is built from the new snapshot (the same path the
        // server's SchemaCache takes).
        auto created = m_workspace->metadata().createObject(Actor::system(),
                                                            QJsonObject{{u"nameSingular"_s, u"invoice"_s},
                                                                        {u"namePlural"_s, u"invoices"_s},
                                                                        {u"labelSingular"_s, u"Invoice"_s},
                                                                        {u"labelPlural"_s, u"Invoices"_s}});
        if (!created)
            QSKIP(qPrintable(u"createObject: "_s + created.error().message));
        auto schema = graphqlapi::buildCoreSchema(m_workspace->dataModel());
        QVERIFY(bool(schema));
        QVERIFY(at(u"{ invo|"_s, schema->get()).labels().contains(u"invoices"_s));
        QVERIFY(!at(u"{ invo|"_s).labels().contains(u"invoices"_s));
    }

    void metadataSchema()
    {
        auto schema = graphqlapi::buildMetadataSchema();
        QVERIFY(bool(schema));
        const QStringList labels = at(u"{ obj|"_s, schema->get()).labels();
        QVERIFY2(labels.contains(u"objects"_s), qPrintable(labels.join(u", "_s)));
    }

    void diagnostics()
    {
        QVERIFY(diagnose(*m_core, u"{ people { totalCount } }"_s).empty());

        const auto syntax = diagnose(*m_core, u"{ people { totalCount }"_s);
        QCOMPARE(syntax.size(), size_t(1));
        QCOMPARE(syntax.front().code, u"GRAPHQL_PARSE_FAILED"_s);
        QVERIFY(syntax.front().message.startsWith(u"Syntax Error"_s));

        const QString bad = u"{\n  people { nope }\n}"_s;
        const auto invalid = diagnose(*m_core, bad);
        QCOMPARE(invalid.size(), size_t(1));
        QCOMPARE(invalid.front().code, u"GRAPHQL_VALIDATION_FAILED"_s);
        QCOMPARE(invalid.front().message, u"Cannot query field \"nope\" on type \"PersonConnection\"."_s);
        QCOMPARE(invalid.front().line, 2);
        QCOMPARE(invalid.front().column, 12);
        QCOMPARE(bad.mid(invalid.front().offset, 4), u"nope"_s);
    }

    void operations()
    {
        QCOMPARE(operationNames(u"query A { people { totalCount } } mutation B { deletePeople(filter: {}) { id } }"_s),
                 (QStringList{u"A"_s, u"B"_s}));
        QVERIFY(operationNames(u"query A {"_s).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestGraphqlCompletion)
#include "tst_graphqlcompletion.moc"
