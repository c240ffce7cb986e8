#pragma once

#include "graphql/error/graphqlerror.h"
#include "graphql/language/ast.h"
#include "graphql/type/resolveinfo.h"
#include "graphql/type/value.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <any>
#include <functional>
#include <optional>
#include <vector>

namespace vingt::graphql {

class Schema;

/// Called before each root field resolves (e.g. the rate limiter, API-CONTRACT §7). Answering an error makes that
/// root field null with the error; the other root fields still resolve.
using RootFieldGuard = std::function<std::optional<GraphqlError>(const ResolveParams &params)>;

/// @brief Everything one execution needs (graphql-js ExecutionArgs). The document must be valid for the schema
/// (validate() first); the schema and document must outlive the call.
struct ExecutionArgs {
    const Schema &schema;
    const ast::Document &document;
    QString operationName = {};
    QJsonObject variables = {};
    std::any context = {};
    Value rootValue = {};
    RootFieldGuard rootFieldGuard = {};
};

/// @brief The outcome of execute(): `data` (already serialized JSON) and errors, in response order
/// `{"errors":[...],"data":...}`. Without data (hasData false) it is a request error: e.g. invalid variables.
struct ExecutionResult {
    std::vector<GraphqlError> errors;
    bool hasData = false;
    QByteArray data; ///< the JSON of `data` (`null` or an object) when hasData

    /// The response body: `{"errors":[...],"data":...}`, errors omitted when there are none.
    [[nodiscard]] QByteArray toJson() const;
    /// The same, parsed (for tests and tools).
    [[nodiscard]] QJsonObject toJsonObject() const;
};

/// Executes an operation (spec §6, graphql-js execute): variable coercion, field collection with @skip/@include
/// and fragments, resolvers, value completion with null propagation, `__typename` / `__schema` / `__type`.
///
/// Fields resolve level by level: all objects at the same place of the response (the items of a list, the nodes
/// of every edge...) resolve each field together, so a field with a BatchFieldResolver loads once per level.
/// Mutation root fields run one after the other, each completely (sub-selections included) before the next.
/// Thread rule: re-entrant; resolvers run on the calling thread.
[[nodiscard]] ExecutionResult execute(const ExecutionArgs &args);

} // namespace vingt::graphql
