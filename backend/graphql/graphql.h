#pragma once

#include "graphql/error/graphqlerror.h"
#include "graphql/execution/execute.h"
#include "graphql/language/parser.h"
#include "graphql/validation/querylimits.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <any>
#include <vector>

namespace vingt::graphql {

class Schema;

/// @brief One GraphQL request as the HTTP layer decodes it (API-CONTRACT §2.1).
struct GraphqlRequest {
    QString query;
    QJsonObject variables;
    QString operationName;
};

/// @brief Options of runRequest(): limits, request context and hooks.
struct RequestOptions {
    QueryLimits limits = {};
    ParseOptions parseOptions = {};
    std::any context = {};
    Value rootValue = {};
    RootFieldGuard rootFieldGuard = {};
};

/// @brief A response body and its errors (to look at codes, e.g. RATE_LIMITED for a Retry-After header).
struct RequestOutcome {
    QByteArray body;
    std::vector<GraphqlError> errors;
    bool hasData = false;
};

/// The whole pipeline (graphql-js graphql()): parse → limits → validate → execute, answering the response body.
/// Syntax errors: GRAPHQL_PARSE_FAILED; validation errors: GRAPHQL_VALIDATION_FAILED; exceeded limits and invalid
/// variables: BAD_USER_INPUT — all without `data`. The limits run before validation so that a huge document costs
/// little. Every error carries an `extensions.code` (INTERNAL_SERVER_ERROR when nothing more specific applies).
[[nodiscard]] RequestOutcome runRequest(const Schema &schema, const GraphqlRequest &request,
                                        const RequestOptions &options);
/// Convenience: the body only.
[[nodiscard]] QByteArray runRequest(const Schema &schema, const QString &query, const QJsonObject &variables,
                                    const QString &operationName, const std::any &context,
                                    const QueryLimits &limits = {});

} // namespace vingt::graphql
