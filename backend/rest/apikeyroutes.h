#pragma once

#include "query/querystring.h"
#include "server/request.h"
#include "server/response.h"
#include "services/authenticator.h"

#include <QByteArray>
#include <QStringList>

namespace vingt::rest {

/// @brief API key routes over ApiKeyService (API-CONTRACT §5.2, 5.5, 6.5): `/rest/metadata/apiKeys[/{id}[/regenerate
/// | /role]]` and the legacy `/rest/apiKeys[...]` (with `/{id}/revoke`), which carry the deprecation headers (§3.1).
/// Bodies and responses are bare entities; the extension routes use `{"data":{"<mutation>":...}}`. Thin: parse →
/// one service call → JSON; the `API_KEYS_AND_WEBHOOKS` guard and every rule live in the service.
class ApiKeyRoutes
{
public:
    /// The methods a path takes ("GET,POST"), HEAD implied by GET; empty when the path is no API key route.
    /// `segments` start with "apiKeys" (below `/rest/metadata`, or below `/rest` for the legacy routes).
    [[nodiscard]] static QByteArray allowedMethods(const QStringList &segments, bool legacy);
    /// Serves an authenticated request whose path allowedMethods() accepted for its method.
    [[nodiscard]] static http::Response handle(const http::Request &request, const QStringList &segments,
                                               const QueryParams &params, const AuthContext &auth);
};

} // namespace vingt::rest
