#include "rest/apihandler.h"

#include "core/jsonwriter.h"
#include "openapi/openapibuilder.h"
#include "query/querystring.h"
#include "rest/apikeyroutes.h"
#include "rest/coreroutes.h"
#include "rest/metadataroutes.h"
#include "rest/restbody.h"
#include "rest/resterror.h"
#include "rest/roleroutes.h"
#include "rest/webhookroutes.h"
#include "services/instance.h"
#include "services/workspace.h"

#include <QRegularExpression>
#include <shared_mutex>

namespace vingt::rest {

using namespace Qt::StringLiterals;

namespace {

enum class Surface { None, Health, Core, Metadata, RestMetadata, OpenApi, Graphql, LegacyMetadata };

struct Route {
    Surface surface = Surface::None;
    QString decodedPath;
    QStringList segments; ///< below /rest (or /healthz), percent-decoded, empty ones dropped
};

Route classify(const QByteArray &rawPath)
{
    Route route;
    route.decodedPath = QString::fromUtf8(QByteArray::fromPercentEncoding(rawPath));
    const QString &p = route.decodedPath;
    auto below = [&p](QLatin1StringView prefix) { return p.mid(prefix.size()).split(u'/', Qt::SkipEmptyParts); };
    auto under = [&p](QLatin1StringView prefix) { return p == prefix || p.startsWith(prefix + u'/'); };
    if (under("/healthz"_L1)) {
        route.surface = Surface::Health;
        route.segments = below("/healthz"_L1);
    } else if (p == "/graphql"_L1 || p == "/graphql/"_L1) {
        route.surface = Surface::Graphql;
    } else if (p == "/metadata"_L1 || p == "/metadata/"_L1) {
        route.surface = Surface::Metadata;
    } else if (under("/open-api"_L1) || under("/rest/open-api"_L1)) {
        route.surface = Surface::OpenApi;
        route.segments = below(under("/open-api"_L1) ? "/open-api"_L1 : "/rest/open-api"_L1);
    } else if (under("/rest"_L1)) {
        route.segments = below("/rest"_L1);
        const QString first = route.segments.value(0);
        if (first == "metadata"_L1)
            route.surface = Surface::RestMetadata;
        else if (first == "apiKeys"_L1 || first == "webhooks"_L1)
            route.surface = Surface::LegacyMetadata;
        else
            route.surface = Surface::Core;
    }
    return route;
}

/// The routes served below `/rest/metadata` and the legacy `/rest/apiKeys` and `/rest/webhooks` (§5.2, 6.5, 10.1):
/// the segments from "apiKeys" / "roles" / "webhooks" on, whether it is a legacy alias, and the methods the path
/// takes (empty: not served).
struct MetadataRoute {
    QStringList segments;
    bool legacy = false;
    bool roles = false;
    bool webhooks = false;
    bool dataModel = false; ///< objects and fields (§3.1)
    QByteArray allowed;
};

MetadataRoute metadataRoute(const Route &route)
{
    MetadataRoute m;
    if (route.surface == Surface::RestMetadata) {
        m.segments = route.segments.mid(1);
    } else if (route.surface == Surface::LegacyMetadata) {
        m.segments = route.segments;
        m.legacy = true;
    } else {
        return m;
    }
    m.roles = !m.legacy && m.segments.value(0) == "roles"_L1;
    m.webhooks = m.segments.value(0) == "webhooks"_L1;
    m.dataModel = !m.legacy && !MetadataRoutes::allowedMethods(m.segments).isEmpty();
    m.allowed = m.roles       ? RoleRoutes::allowedMethods(m.segments)
                : m.webhooks  ? WebhookRoutes::allowedMethods(m.segments)
                : m.dataModel ? MetadataRoutes::allowedMethods(m.segments)
                              : ApiKeyRoutes::allowedMethods(m.segments, m.legacy);
    return m;
}

http::Response methodNotAllowed(const http::Request &request, const QString &path, const QByteArray &allow)
{
    http::Response response = errorResponse(
        Error{ErrorKind::MethodNotAllowed, u"Cannot %1 %2"_s.arg(QString::fromLatin1(request.method), path), {}});
    QByteArray allowHeader = allow;
    response.setHeader("Allow", allowHeader.replace(",", ", "));
    return response;
}

std::optional<http::Response> checkMethod(const http::Request &request, const Route &route)
{
    const QByteArray &m = request.method;
    const bool get = m == "GET" || m == "HEAD";
    switch (route.surface) {
    case Surface::None: return std::nullopt;
    case Surface::Health:
        return get ? std::nullopt : std::optional(methodNotAllowed(request, route.decodedPath, "GET,HEAD"));
    case Surface::Graphql:
    case Surface::Metadata:
        return m == "POST" ? std::nullopt : std::optional(methodNotAllowed(request, route.decodedPath, "POST"));
    case Surface::OpenApi:
        return get ? std::nullopt : std::optional(methodNotAllowed(request, route.decodedPath, "GET,HEAD"));
    case Surface::RestMetadata:
    case Surface::LegacyMetadata: {
        const QByteArray allowed = metadataRoute(route).allowed;
        if (allowed.isEmpty() || allowed.split(',').contains(m == "HEAD" ? QByteArray("GET") : m))
            return std::nullopt;
        return methodNotAllowed(request, route.decodedPath, allowed);
    }
    case Surface::Core: {
        auto path = parseCorePath(m, route.segments, route.decodedPath);
        if (!path && path.error().kind == ErrorKind::MethodNotAllowed)
            return methodNotAllowed(request, route.decodedPath, path.error().code.toLatin1());
        return std::nullopt;
    }
    }
    return std::nullopt;
}

bool isJsonMediaType(const QByteArray &contentType)
{
    const QByteArray type = contentType.split(';').value(0).trimmed().toLower();
    return type == "application/json" || type.endsWith("+json");
}

http::Response health(const Route &route, Instance &instance)
{
    if (route.segments.isEmpty())
        return jsonResponse(200, R"({"status":"ok","info":{},"error":{},"details":{}})");
    if (route.segments.size() == 1 && route.segments[0] == "database"_L1) {
        Workspace *workspace = instance.defaultWorkspace();
        const bool up = instance.database().ping() && workspace && workspace->database().ping();
        if (up) {
            return jsonResponse(200, R"({"status":"ok","info":{"database":{"status":"up"}},"error":{},)"
                                     R"("details":{"database":{"status":"up"}}})");
        }
        return jsonResponse(503, R"({"status":"error","info":{},"error":{"database":{"status":"down"}},)"
                                 R"("details":{"database":{"status":"down"}}})");
    }
    return errorResponse(Error::badRequest(u"Invalid indicatorId: %1"_s.arg(route.segments.join(u'/'))));
}

/// §7 headers on every API-key response; `Retry-After` when refused.
void setRateLimitHeaders(http::Response &response, const RateLimitDecision &decision)
{
    response.setHeader("X-RateLimit-Limit", QByteArray::number(decision.limit));
    response.setHeader("X-RateLimit-Remaining", QByteArray::number(decision.remaining));
    response.setHeader("X-RateLimit-Reset", QByteArray::number(decision.resetSecs));
    if (!decision.allowed)
        response.setHeader("Retry-After", QByteArray::number(decision.retryAfterSecs));
}

/// §5.4 step 1: Bearer header, else `?token=` (REST and OpenAPI only).
QByteArray findToken(const http::Request &request, const Result<QueryParams> &params)
{
    const QByteArray authorization = request.header("authorization").trimmed();
    if (authorization.size() > 7 && authorization.left(7).compare("Bearer ", Qt::CaseInsensitive) == 0)
        return authorization.mid(7).trimmed();
    if (params && params->contains(u"token"_s))
        return params->value(u"token"_s).toUtf8();
    return {};
}

/// `http://<Host>`: the base URL of the documents, as the client reached the server. A Host that is not a plain
/// host[:port] falls back to localhost; nothing else of the request (its query, a token) goes into it.
QString requestBaseUrl(const http::Request &request)
{
    static const QRegularExpression hostPattern(
        u"^[A-Za-z0-9.\\-]+(:[0-9]{1,5})?$|^\\[[0-9A-Fa-f:.]+\\](:[0-9]{1,5})?$"_s);
    const QString host = QString::fromLatin1(request.header("host").trimmed());
    return u"http://"_s + (host.size() <= 255 && hostPattern.match(host).hasMatch() ? host : u"localhost"_s);
}

/// Authentication (§5.4) → rate limit (§7) → core path or metadata route, for every surface that needs a key.
http::Response serveAuthenticated(const Authenticator &authenticator, const http::Request &request, bool core,
                                  const Route &route, const MetadataRoute &metadata)
{
    const Result<QueryParams> params = parseQueryString(request.query);
    const QByteArray token = findToken(request, params);
    if (token.isEmpty())
        return errorResponse(Error::authForbidden(u"Missing authentication token"_s));
    auto auth = authenticator.authenticate(token);
    if (!auth)
        return errorResponse(auth.error());
    // DECISIONS "Storage": a request runs under the workspace's model lock held shared, on the snapshot current once
    // it holds it; a metadata change takes the lock exclusively inside MetadataService, so it must not hold it here.
    std::shared_lock<ModelLock> modelLock(auth->workspace->modelLock(), std::defer_lock);
    if (!(metadata.dataModel && MetadataRoutes::isChange(request.method))) {
        modelLock.lock();
        if (auto adopted = adoptCurrentModel(*auth); !adopted)
            return errorResponse(adopted.error());
    }

    // §7: one token per core REST call; the metadata routes take none but report the buckets all the same.
    RateLimiter &limiter = auth->workspace->rateLimiter();
    const RateLimitDecision decision = core ? limiter.tryConsume() : limiter.peek();
    http::Response response;
    if (!decision.allowed) {
        response = errorResponse(Error{ErrorKind::RateLimited, decision.message, u"RATE_LIMITED"_s});
    } else if (core) {
        auto path = parseCorePath(request.method, route.segments, route.decodedPath);
        response = path ? CoreRoutes::handle(request, *path, params, *auth) : errorResponse(path.error());
    } else if (!params) {
        response = errorResponse(params.error());
    } else if (metadata.roles) {
        response = RoleRoutes::handle(request, metadata.segments, *params, *auth);
    } else if (metadata.webhooks) {
        response = WebhookRoutes::handle(request, metadata.segments, *params, *auth);
    } else if (metadata.dataModel) {
        response = MetadataRoutes::handle(request, metadata.segments, *params, *auth);
    } else {
        response = ApiKeyRoutes::handle(request, metadata.segments, *params, *auth);
    }
    setRateLimitHeaders(response, decision);
    return response;
}

} // namespace

ApiHandler::ApiHandler(Instance &instance) : m_instance(instance), m_authenticator(instance), m_graphql(m_authenticator)
{}

std::optional<http::Response> ApiHandler::precheck(const http::Request &request)
{
    const Route route = classify(request.path);
    if (route.surface == Surface::None) {
        return errorResponse(
            Error::notFound(u"Cannot %1 %2"_s.arg(QString::fromLatin1(request.method), route.decodedPath)));
    }
    return checkMethod(request, route);
}

http::Response ApiHandler::handle(const http::Request &request)
{
    if (auto early = precheck(request))
        return *early;
    const Route route = classify(request.path);
    if (!request.body.isEmpty() && request.hasHeader("content-type")
        && !isJsonMediaType(request.header("content-type"))) {
        return errorResponse(
            Error::badRequest(u"Unsupported Content-Type '%1': send Content-Type: application/json"_s.arg(
                QString::fromLatin1(request.header("content-type")))));
    }
    if (route.surface == Surface::Health)
        return health(route, m_instance);
    if (route.surface == Surface::OpenApi)
        return serveOpenApi(request, route.segments, route.decodedPath);
    if (route.surface == Surface::Graphql)
        return m_graphql.handle(request, graphqlapi::Surface::Core);
    if (route.surface == Surface::Metadata)
        return m_graphql.handle(request, graphqlapi::Surface::Metadata);
    const MetadataRoute metadata = metadataRoute(route);
    if (route.surface != Surface::Core && metadata.allowed.isEmpty()) {
        return errorResponse(Error::notFound(u"Cannot %1 %2: this API is not served by this version of Vingt"_s.arg(
            QString::fromLatin1(request.method), route.decodedPath)));
    }
    http::Response response = serveAuthenticated(m_authenticator, request, route.surface == Surface::Core, route,
                                                 metadata);
    if (metadata.legacy) // §3.1: the legacy aliases announce their successor
        addDeprecationHeaders(response, metadata.webhooks ? "/rest/metadata/webhooks" : "/rest/metadata/apiKeys");
    return response;
}

/// §9 and §0.1: public routes. Document name (404) → token, optional: none or an invalid one gives the base document →
/// query parameters (only `token` is known) → the workspace's document, cached per data-model snapshot. OpenAPI
/// requests take no rate-limit token (§7) but report the buckets to API keys like the metadata routes.
http::Response ApiHandler::serveOpenApi(const http::Request &request, const QStringList &segments,
                                        const QString &decodedPath)
{
    using openapi::DocumentKind;
    const QString name = segments.size() == 1 ? segments[0] : QString();
    if (name != "core"_L1 && name != "metadata"_L1) {
        return errorResponse(Error::notFound(u"Cannot %1 %2"_s.arg(QString::fromLatin1(request.method), decodedPath)));
    }
    const DocumentKind kind = name == "core"_L1 ? DocumentKind::Core : DocumentKind::Metadata;
    const Result<QueryParams> params = parseQueryString(request.query);
    const QByteArray token = findToken(request, params);
    std::optional<AuthContext> auth;
    if (!token.isEmpty()) {
        if (auto authenticated = m_authenticator.authenticate(token))
            auth = std::move(authenticated.value());
    }
    if (!params)
        return errorResponse(params.error());
    static const QStringList known{u"token"_s};
    for (const QString &parameter : params->names()) {
        if (!known.contains(parameter))
            return errorResponse(Error::badRequest(unknownParameterMessage(parameter, known)));
    }

    const QString baseUrl = requestBaseUrl(request);
    http::Response response;
    if (!auth) {
        response.body = openapi::OpenApiBuilder::baseDocument(kind, baseUrl);
        return response;
    }
    Workspace &workspace = *auth->workspace;
    response.body = m_documents.document(kind, workspace.id(), auth->model,
                                         openapi::DocumentOptions::fromSettings(workspace.settings(), baseUrl));
    setRateLimitHeaders(response, workspace.rateLimiter().peek());
    return response;
}

} // namespace vingt::rest
