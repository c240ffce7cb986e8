#pragma once

#include "graphql/language/ast.h"

#include <QHash>
#include <QJsonObject>
#include <QString>

#include <vector>

namespace vingt::graphql {

class Schema;
class ObjectType;

/// @brief The selections of one response key, fragments merged (graphql-js collectFields' map entry).
struct CollectedField {
    QString responseKey;
    std::vector<const ast::Field *> nodes;
};

using FragmentMap = QHash<QString, const ast::FragmentDefinition *>;

/// The fields selected on an object type by selection sets (spec §6.3.2 CollectFields): @skip/@include applied,
/// fragment spreads expanded once each, fragments kept only when their type condition applies. Keys keep the
/// order of their first appearance.
[[nodiscard]] std::vector<CollectedField> collectFields(const Schema &schema, const FragmentMap &fragments,
                                                        const QJsonObject &variables, const ObjectType &runtimeType,
                                                        const std::vector<const ast::SelectionSet *> &selectionSets);

} // namespace vingt::graphql
