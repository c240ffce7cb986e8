#pragma once

#include "core/result.h"
#include "model/datamodel.h"
#include "services/actor.h"
#include "services/apikeyservice.h"

#include <QByteArray>

namespace vingt {

class Instance;
class Workspace;

/// @brief The outcome of authenticating a request: the workspace, the key, the snapshot the request runs on.
struct AuthContext {
    Workspace *workspace = nullptr;
    ApiKey apiKey;
    DataModelPtr model;
    Actor actor;
};

/// @brief Request-time validation of API key tokens, in the order of API-CONTRACT §5.4. The key row is read on every
/// request, so revocation is immediate. On success the actor carries its role's AccessPolicy (from RoleService's
/// cache) and the key's in-memory usage counters are bumped. Thread rule: stateless; callable from any thread.
class Authenticator
{
public:
    explicit Authenticator(Instance &instance) : m_instance(instance) {}

    /// Steps 2–7 of §5.4 for a token taken from the request (step 1, finding it, belongs to the transport adapter).
    [[nodiscard]] Result<AuthContext> authenticate(const QByteArray &token) const;

private:
    Instance &m_instance;
};

} // namespace vingt
