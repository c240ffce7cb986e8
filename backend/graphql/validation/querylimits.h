#pragma once

#include "graphql/error/graphqlerror.h"
#include "graphql/language/ast.h"

#include <vector>

namespace vingt::graphql {

/// @brief Vingt's limits on a document's size, beyond the specification (API-CONTRACT §2.1: at most 20 root fields
/// and 2000 selected fields per document, BAD_USER_INPUT beyond). A value of 0 disables a limit.
struct QueryLimits {
    int maxDepth = 30;            ///< nesting of fields, fragments expanded (the full introspection query needs 15)
    int maxRootFields = 20;       ///< root fields of all operations, fragments expanded
    int maxSelectedFields = 2000; ///< fields of all operations, each fragment counted every time it is spread
};

/// Measures the document statically (@skip/@include ignored, fragments expanded with memoization, so the cost is
/// linear in the document's size) and answers one BAD_USER_INPUT error per exceeded limit. Tolerates invalid
/// documents (unknown or cyclic fragments), so it can run before validation and bound validation's cost.
[[nodiscard]] std::vector<GraphqlError> checkQueryLimits(const ast::Document &document, const QueryLimits &limits);

} // namespace vingt::graphql
