#pragma once

#include "graphqlapi/endpoint.h"
#include "server/handler.h"
#include "services/authenticator.h"

namespace vingt {
class Instance;
}

namespace vingt::rest {

/// @brief The application behind the transport: one explicit order of checks for every request (DECISIONS "HTTP"):
/// surface (404) → method (405) → [transport: body size 413] → Content-Type → authentication (§5.4) → rate limit →
/// core path → query parameters → body → route. Thread rule: stateless; runs on every I/O thread at once.
class ApiHandler final : public http::Handler
{
public:
    explicit ApiHandler(Instance &instance);

    [[nodiscard]] std::optional<http::Response> precheck(const http::Request &request) override;
    [[nodiscard]] http::Response handle(const http::Request &request) override;

private:
    Instance &m_instance;
    Authenticator m_authenticator;
    graphqlapi::Endpoint m_graphql; ///< /graphql and /metadata
};

} // namespace vingt::rest
