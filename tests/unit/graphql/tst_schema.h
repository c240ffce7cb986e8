#pragma once

#include <QObject>

// The class lives in a header: moc 6.4 mis-reads the raw string literals of the test bodies.
/// The type system: schema building and validation, built-in scalars, default values, SDL printing, sharing.
class TestSchema : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void invalidSchemas_data();
    void invalidSchemas();
    void printsSdl();
    void printsTheTestSchemaLikeGraphqlJs();
    void typesStartWithTheQueryType();
    void typeReferences();
    void builtInScalars_data();
    void builtInScalars();
    void defaultValueLiterals_data();
    void defaultValueLiterals();
    void sharedAcrossThreads();
};
