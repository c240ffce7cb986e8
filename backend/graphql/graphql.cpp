#include "graphql/graphql.h"

#include "graphql/type/schema.h"
#include "graphql/validation/validate.h"

namespace vingt::graphql {

using namespace Qt::StringLiterals;

namespace {

RequestOutcome requestError(std::vector<GraphqlError> errors)
{
    RequestOutcome outcome;
    outcome.body = requestErrorsJson(errors);
    outcome.errors = std::move(errors);
    return outcome;
}

} // namespace

RequestOutcome runRequest(const Schema &schema, const GraphqlRequest &request, const RequestOptions &options)
{
    const ParseResult parsed = parse(request.query, options.parseOptions);
    if (!parsed.ok())
        return requestError({*parsed.error});
    std::vector<GraphqlError> limitErrors = checkQueryLimits(*parsed.document, options.limits);
    if (!limitErrors.empty())
        return requestError(std::move(limitErrors));
    std::vector<GraphqlError> validationErrors = validate(schema, *parsed.document);
    if (!validationErrors.empty())
        return requestError(std::move(validationErrors));

    ExecutionResult result = execute(ExecutionArgs{.schema = schema,
                                                   .document = *parsed.document,
                                                   .operationName = request.operationName,
                                                   .variables = request.variables,
                                                   .context = options.context,
                                                   .rootValue = options.rootValue,
                                                   .rootFieldGuard = options.rootFieldGuard});
    for (GraphqlError &error : result.errors) {
        if (!error.extensions.contains("code"_L1))
            error.extensions.insert(u"code"_s, QString(errorcode::kInternalServerError));
    }
    RequestOutcome outcome;
    outcome.body = result.toJson();
    outcome.hasData = result.hasData;
    outcome.errors = std::move(result.errors);
    return outcome;
}

QByteArray runRequest(const Schema &schema, const QString &query, const QJsonObject &variables,
                      const QString &operationName, const std::any &context, const QueryLimits &limits)
{
    RequestOptions options;
    options.limits = limits;
    options.context = context;
    return runRequest(schema, GraphqlRequest{query, variables, operationName}, options).body;
}

} // namespace vingt::graphql
