#include "graphqlapi/endpoint.h"

#include "core/json.h"
#include "graphql/graphql.h"
#include "graphqlapi/accessschema.h"
#include "graphqlapi/metadataschema.h"
#include "graphqlapi/requestcontext.h"
#include "graphqlapi/webhookschema.h"
#include "services/workspace.h"
#include "storage/database.h"

#include <mutex>
#include <shared_mutex>

namespace vingt::graphqlapi {

using namespace Qt::StringLiterals;
using graphql::GraphqlError;

namespace {

/// `{"errors":[...],"data":null}` with HTTP 200 (§2.1: clients lose `extensions.code` on any other status).
http::Response errorsResponse(const std::vector<GraphqlError> &errors)
{
    QByteArray body = "{\"errors\":[";
    for (std::size_t i = 0; i < errors.size(); ++i) {
        if (i > 0)
            body += ',';
        errors[i].writeJson(body);
    }
    body += "],\"data\":null}";
    http::Response response;
    response.body = body;
    return response;
}

http::Response badBody(const QString &message)
{
    return http::errorResponse(400, "BadRequestException", message);
}

void setRateLimitHeaders(http::Response &response, const RateLimitDecision &state)
{
    response.setHeader("X-RateLimit-Limit", QByteArray::number(state.limit));
    response.setHeader("X-RateLimit-Remaining", QByteArray::number(state.remaining));
    response.setHeader("X-RateLimit-Reset", QByteArray::number(state.resetSecs));
}

/// Whether a document declares a mutation operation (a document that does not parse: no, runRequest reports it).
bool containsMutation(const QString &query)
{
    const graphql::ParseResult parsed = graphql::parse(query);
    if (!parsed.document)
        return false;
    for (const graphql::ast::OperationDefinition *operation : parsed.document->operations()) {
        if (operation->operation == graphql::ast::OperationType::Mutation)
            return true;
    }
    return false;
}

} // namespace

Endpoint::Endpoint(const Authenticator &authenticator) : m_authenticator(authenticator)
{
    static std::once_flag once;
    std::call_once(once, [] {
        registerMetadataSchemaExtension(addAccessSchema);
        registerMetadataSchemaExtension(addWebhookSchema);
    });
}

http::Response Endpoint::handle(const http::Request &request, Surface surface)
{
    const quint64 statementsBefore = Database::statementsOnThisThread();

    // §0.1: the Bearer header only; `?token=` is never read on /graphql or /metadata.
    const QByteArray authorization = request.header("authorization").trimmed();
    QByteArray token;
    if (authorization.size() > 7 && authorization.left(7).compare("Bearer ", Qt::CaseInsensitive) == 0)
        token = authorization.mid(7).trimmed();
    if (token.isEmpty()) {
        return errorsResponse(
            {GraphqlError(u"Missing authentication token"_s, {}, QJsonObject{{u"code"_s, u"UNAUTHENTICATED"_s}})});
    }
    auto auth = m_authenticator.authenticate(token);
    if (!auth)
        return errorsResponse({GraphqlError::fromError(auth.error())});
    RateLimiter &limiter = auth->workspace->rateLimiter();
    // The headers report the buckets after the last token taken, or as they are when the document took none: one
    // look at them per root field and none more (shared buckets cost a database round trip each, issue 8).
    std::optional<RateLimitDecision> lastDecision;

    // The body: one GraphQL request object.
    auto finish = [&](http::Response response) {
        setRateLimitHeaders(response, lastDecision ? *lastDecision : limiter.peek());
        return response;
    };
    if (request.body.trimmed().isEmpty())
        return finish(badBody(u"Body must be a GraphQL request: {\"query\": \"...\"}"_s));
    auto body = json::parse(request.body);
    if (!body)
        return finish(badBody(body.error().message));
    if (body->isArray())
        return finish(badBody(u"Batched GraphQL requests are not supported"_s));
    if (!body->isObject())
        return finish(badBody(u"Body must be a GraphQL request: {\"query\": \"...\"}"_s));
    const QJsonObject object = body->toObject();
    if (object.value("extensions"_L1).toObject().contains("persistedQuery"_L1)) {
        return finish(errorsResponse({GraphqlError(u"Persisted queries are not supported"_s, {},
                                                   QJsonObject{{u"code"_s, u"PERSISTED_QUERY_NOT_SUPPORTED"_s}})}));
    }
    const QJsonValue query = object.value("query"_L1);
    if (!query.isString())
        return finish(badBody(u"Body must contain a 'query' string"_s));
    const QJsonValue variables = object.value("variables"_L1);
    if (!variables.isObject() && !variables.isNull() && !variables.isUndefined())
        return finish(badBody(u"'variables' must be an object"_s));
    const QJsonValue operationName = object.value("operationName"_L1);
    if (!operationName.isString() && !operationName.isNull() && !operationName.isUndefined())
        return finish(badBody(u"'operationName' must be a string"_s));

    // DECISIONS "Storage": the request runs under the workspace's model lock held shared, on the snapshot current
    // once it holds it (and the /graphql schema of that snapshot). A /metadata document with a mutation must not
    // hold it: MetadataService takes it exclusively.
    std::shared_lock<ModelLock> modelLock(auth->workspace->modelLock(), std::defer_lock);
    if (!(surface == Surface::Metadata && containsMutation(query.toString()))) {
        modelLock.lock();
        if (auto adopted = adoptCurrentModel(*auth); !adopted)
            return finish(errorsResponse({GraphqlError::fromError(adopted.error())}));
    }

    const Result<std::shared_ptr<const graphql::Schema>> schema = surface == Surface::Core
                                                                      ? m_cache.core(auth->workspace->id(), auth->model)
                                                                      : metadataSchema();
    if (!schema)
        return finish(errorsResponse({GraphqlError::fromError(schema.error())}));

    RequestContext context;
    context.auth = std::move(*auth);
    const Settings &settings = context.auth.workspace->settings();
    if (surface == Surface::Core) {
        context.pageSizeDefault = settings.pageSizeDefault();
        context.pageSizeMax = settings.pageSizeMax();
    } else {
        context.pageSizeDefault = int(settings.value(u"metadata.graphqlDefaultPage"_s));
        context.pageSizeMax = int(settings.value(u"metadata.graphqlMaxPage"_s));
    }

    graphql::GraphqlRequest graphqlRequest{query.toString(), variables.toObject(), operationName.toString()};
    graphql::RequestOptions options;
    options.context = &context;
    // §7: one token per root field of a /graphql document; /metadata takes none.
    std::optional<RateLimitDecision> refused;
    if (surface == Surface::Core) {
        options.rootFieldGuard = [&limiter, &refused,
                                  &lastDecision](const graphql::ResolveParams &) -> std::optional<GraphqlError> {
            const RateLimitDecision decision = limiter.tryConsume();
            lastDecision = decision;
            if (decision.allowed)
                return std::nullopt;
            if (!refused)
                refused = decision;
            return GraphqlError::fromError(Error{ErrorKind::RateLimited, decision.message, u"RATE_LIMITED"_s});
        };
    }
    graphql::RequestOutcome outcome = graphql::runRequest(**schema, graphqlRequest, options);

    http::Response response;
    response.body = std::move(outcome.body);
    if (context.clamped)
        response.setHeader("X-Vingt-Limit-Clamped", QByteArray::number(context.pageSizeMax));
    if (refused)
        response.setHeader("Retry-After", QByteArray::number(refused->retryAfterSecs));
    if (request.hasHeader("x-vingt-count-statements")) {
        response.setHeader("X-Vingt-Sql-Statements",
                           QByteArray::number(Database::statementsOnThisThread() - statementsBefore));
    }
    return finish(std::move(response));
}

} // namespace vingt::graphqlapi
