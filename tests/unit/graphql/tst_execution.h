#pragma once

#include <QObject>

// The class lives in a header: moc 6.4 mis-reads the raw string literals of the test bodies.
/// The executor (spec §6): coercion, fragments, directives, null propagation, errors, abstract types, mutations,
/// batching, and the whole request pipeline.
class TestExecution : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void responses_data();
    void responses();
    void variableCoercionErrors_data();
    void variableCoercionErrors();
    void responseKeepsSelectionOrder();
    void requestErrorsHaveNoData();
    void mutationsRunSerially();
    void batchResolversLoadOncePerLevel();
    void lookAheadSeesMergedSubfields();
    void rootFieldGuardNullsOneRootField();
    void permissionErrorOnNonNullRootNullsData();
    void operationSelection();
    void limits_data();
    void limits();
    void hostileDocumentsFailCleanly();
    void executeWithoutRunRequest();
};
