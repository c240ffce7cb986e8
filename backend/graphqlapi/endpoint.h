#pragma once

#include "graphqlapi/schemacache.h"
#include "server/request.h"
#include "server/response.h"
#include "services/authenticator.h"

namespace vingt::graphqlapi {

/// @brief Which GraphQL API a request addresses.
enum class Surface { Core, Metadata };

/// @brief `POST /graphql` and `POST /metadata` (API-CONTRACT §2.1, §2.5, §3.2, §7): authentication (Bearer header
/// only), the request body, per-root-field rate limiting on /graphql, the workspace's cached schema, execution and
/// the response headers. Every GraphQL outcome is HTTP 200; a body that is not a GraphQL request is a REST-style 400.
/// The caller (rest::ApiHandler) has already checked the path, the method and the Content-Type.
/// Thread rule: callable from every I/O thread at once.
class Endpoint
{
public:
    /// Also registers the Metadata schema's extensions (once per process).
    explicit Endpoint(const Authenticator &authenticator);

    [[nodiscard]] http::Response handle(const http::Request &request, Surface surface);

private:
    const Authenticator &m_authenticator;
    SchemaCache m_cache;
};

} // namespace vingt::graphqlapi
