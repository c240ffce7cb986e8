#pragma once

#include <QJsonObject>
#include <QObject>

// The class lives in a header: moc 6.4 mis-reads the raw string literals of the test bodies.
/// Introspection (spec §4): graphql-js getIntrospectionQuery() with every option, answered in full.
class TestIntrospection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void answersWithoutErrors();
    void queryTypeComesFirst();
    void everyReferencedTypeIsListed();
    void typeKindsHaveTheirFields();
    void deepOfTypeChains();
    void defaultValuesAreGraphqlLiterals_data();
    void defaultValuesAreGraphqlLiterals();
    void deprecations();
    void descriptionsAndScalars();
    void abstractTypes();
    void directives();
    void deprecatedItemsHiddenByDefault();

private:
    QJsonObject m_schema; ///< data.__schema
};
