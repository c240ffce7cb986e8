#pragma once

#include "graphql/error/graphqlerror.h"
#include "graphql/language/ast.h"
#include "graphql/validation/specifiedrules.h"

#include <vector>

namespace vingt::graphql {

class Schema;

/// Validates an executable document against a schema (spec §5, graphql-js validate): every rule runs in one
/// traversal. Errors carry code GRAPHQL_VALIDATION_FAILED; after `maxErrors` the validation stops with
/// "Too many validation errors, error limit reached. Validation aborted.".
[[nodiscard]] std::vector<GraphqlError> validate(const Schema &schema, const ast::Document &document,
                                                 const std::vector<ValidationRuleFactory> &rules = specifiedRules(),
                                                 int maxErrors = 100);

} // namespace vingt::graphql
