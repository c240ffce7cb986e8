#pragma once

#include "query/querystring.h"
#include "server/request.h"
#include "server/response.h"
#include "services/authenticator.h"

#include <QByteArray>
#include <QStringList>

namespace vingt::rest {

/// @brief Roles REST, a Vingt extension (API-CONTRACT §6.5): `/rest/metadata/roles[/{id}[/objectPermissions |
/// /fieldPermissions | /permissionFlags]]` over RoleService, with `{"data":{"<key>":...}}` envelopes. Bodies mirror
/// the GraphQL inputs; the role id comes from the path. Thin: the `ROLES` guard and every rule live in the service.
class RoleRoutes
{
public:
    /// The methods a path takes ("GET,POST"), HEAD implied by GET; empty when the path is no role route.
    /// `segments` start with "roles" (below `/rest/metadata`).
    [[nodiscard]] static QByteArray allowedMethods(const QStringList &segments);
    /// Serves an authenticated request whose path allowedMethods() accepted for its method.
    [[nodiscard]] static http::Response handle(const http::Request &request, const QStringList &segments,
                                               const QueryParams &params, const AuthContext &auth);
};

} // namespace vingt::rest
