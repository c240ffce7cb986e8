#include "rest/apihandler.h"

#include "core/jsonwriter.h"
#include "query/querystring.h"
#include "rest/coreroutes.h"
#include "rest/resterror.h"
#include "services/instance.h"
#include "services/workspace.h"

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
    auto below = [&p](QLatin1StringView prefix) {
        return p.mid(prefix.size()).split(u'/', Qt::SkipEmptyParts);
    };
    auto under = [&p](QLatin1StringView prefix) {
        return p == prefix || p.startsWith(prefix + u'/');
    };
    if (under("/healthz"_L1)) {
        route.surface = Surface::Health;
        route.segments = below("/healthz"_L1);
    } else if (p == "/graphql"_L1 || p == "/graphql/"_L1) {
        route.surface = Surface::Graphql;
    } else if (p == "/metadata"_L1 || p == "/metadata/"_L1) {
        route.surface = Surface::Metadata;
    } else if (under("/open-api"_L1) || under("/rest/open-api"_L1)) {
        route.surface = Surface::OpenApi;
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
    case Surface::LegacyMetadata: return std::nullopt;
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

http::Response jsonResponse(int status, const QByteArray &body)
{
    http::Response response;
    response.status = status;
    response.body = body;
    return response;
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

} // namespace

ApiHandler::ApiHandler(Instance &instance)
    : m_instance(instance)
    , m_authenticator(instance)
{
}

std::optional<http::Response> ApiHandler::precheck(const http::Request &request)
{
    const Route route = classify(request.path);
    if (route.surface == Surface::None) {
        return errorResponse(Error::notFound(
            u"Cannot %1 %2"_s.arg(QString::fromLatin1(request.method), route.decodedPath)));
    }
    return checkMethod(request, route);
}

http::Response ApiHandler::handle(const http::Request &request)
{
    if (auto early = precheck(request))
        return *early;
    const Route route = classify(request.path);
    if (!request.body.isEmpty() && request.hasHeader("content-type") &&
        !isJsonMediaType(request.header("content-type"))) {
        return errorResponse(Error::badRequest(
            u"Unsupported Content-Type '%1': send Content-Type: application/json"_s.arg(
                QString::fromLatin1(request.header("content-type")))));
    }
    if (route.surface == Surface::Health)
        return health(route, m_instance);
    if (route.surface != Surface::Core) {
        // Served by later parts of Vingt (GraphQL, Metadata API, OpenAPI); say so plainly.
        return errorResponse(Error::notFound(
            u"Cannot %1 %2: this API is not served by this version of Vingt yet"_s.arg(
                QString::fromLatin1(request.method), route.decodedPath)));
    }

    const Result<QueryParams> params = parseQueryString(request.query);
    const QByteArray token = findToken(request, params);
    if (token.isEmpty())
        return errorResponse(Error::authForbidden(u"Missing authentication token"_s));
    auto auth = m_authenticator.authenticate(token);
    if (!auth)
        return errorResponse(auth.error());

    auto path = parseCorePath(request.method, route.segments, route.decodedPath);
    if (!path)
        return errorResponse(path.error());
    return CoreRoutes::handle(request, *path, params, *auth);
}

} // namespace vingt::rest
