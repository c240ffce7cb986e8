#pragma once

#include "graphqlapi/endpoint.h"
#include "openapi/documentcache.h"
#include "server/handler.h"
#include "services/authenticator.h"

namespace vingt {
class Instance;
}

namespace vingt::rest {

/// @brief The application behind the transport: one explicit order of checks for every request (DECISIONS "HTTP"):
/// surface (404) → method (405) → [transport: body size 413] → Content-Type → authentication (§5.4) → rate limit →
/// core path → query parameters → body → route. The OpenAPI routes (§9) are public: an absent or invalid token gives
/// the base document. Thread rule: runs on every I/O thread at once; its only state is the thread-safe document cache.
class ApiHandler final : public http::Handler
{
public:
    explicit ApiHandler(Instance &instance);

    [[nodiscard]] std::optional<http::Response> precheck(const http::Request &request) override;
    [[nodiscard]] http::Response handle(const http::Request &request) override;

private:
    [[nodiscard]] http::Response serveOpenApi(const http::Request &request, const QStringList &segments,
                                              const QString &decodedPath);

    Instance &m_instance;
    Authenticator m_authenticator;
    openapi::DocumentCache m_documents; ///< per workspace and snapshot (§9)
    graphqlapi::Endpoint m_graphql;     ///< /graphql and /metadata
};

} // namespace vingt::rest
