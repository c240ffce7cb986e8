#pragma once

#include "graphql/error/graphqlerror.h"
#include "graphql/language/ast.h"
#include "graphql/type/definition.h"

#include <QJsonObject>

#include <optional>
#include <vector>

namespace vingt::graphql {

class Schema;

/// @brief Coerced variable values, or the errors that make the request fail (spec §6.1.2).
struct CoercedVariables {
    QJsonObject values;
    std::vector<GraphqlError> errors;

    [[nodiscard]] bool ok() const { return errors.empty(); }
};

/// Coerces the request's variables against an operation's definitions (graphql-js getVariableValues): defaults
/// applied, required ones checked, values coerced. Errors have code BAD_USER_INPUT; after `maxErrors` it stops.
[[nodiscard]] CoercedVariables getVariableValues(const Schema &schema,
                                                 const std::vector<ast::VariableDefinition> &definitions,
                                                 const QJsonObject &inputs, int maxErrors = 50);

/// Coerces the arguments given to a field or directive (graphql-js getArgumentValues): defaults applied, variables
/// substituted. `location` is the field/directive for "not provided" errors. Answers nullopt and sets `error` when
/// an argument is missing or invalid.
[[nodiscard]] std::optional<QJsonObject> getArgumentValues(const std::vector<InputValue> &definitions,
                                                           const std::vector<ast::Argument> &arguments,
                                                           const QJsonObject &variables, SourceLocation location,
                                                           GraphqlError *error);

/// Whether @skip / @include let a selection through, given the variables.
[[nodiscard]] bool shouldIncludeNode(const Schema &schema, const std::vector<ast::Directive> &directives,
                                     const QJsonObject &variables);

} // namespace vingt::graphql
