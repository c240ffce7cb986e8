#pragma once

#include "query/querystring.h"
#include "server/request.h"
#include "server/response.h"
#include "services/authenticator.h"

#include <QByteArray>
#include <QStringList>

namespace vingt::rest {

/// @brief Webhook routes over WebhookService (API-CONTRACT §10.1, 10.4): `/rest/metadata/webhooks[/{id}]` with bare
/// bodies (DELETE answers `true`), the delivery log `/{id}/deliveries` and `/{id}/deliveries/{deliveryId}/replay`
/// (`{"data":{...}}` envelopes), the test event `/{id}/test` (a Vingt extension), and the same below the legacy `/rest/webhooks`. Thin: parse → one service call →
/// JSON; the `API_KEYS_AND_WEBHOOKS` guard and every rule live in the service.
class WebhookRoutes
{
public:
    /// The methods a path takes ("GET,POST"), HEAD implied by GET; empty when the path is no webhook route.
    /// `segments` start with "webhooks".
    [[nodiscard]] static QByteArray allowedMethods(const QStringList &segments);
    /// Serves an authenticated request whose path allowedMethods() accepted for its method.
    [[nodiscard]] static http::Response handle(const http::Request &request, const QStringList &segments,
                                               const QueryParams &params, const AuthContext &auth);
};

} // namespace vingt::rest
