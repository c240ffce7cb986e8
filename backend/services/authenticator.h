#pragma once

#include "core/result.h"
#include "model/datamodel.h"
#include "services/actor.h"
#include "services/apikeyservice.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <mutex>
#include <optional>

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

/// DECISIONS "Storage": call with the workspace's ModelLock held shared, after authentication. Moves `auth` onto
/// the workspace's current snapshot (and the role's policy for it) when a metadata change published one since.
[[nodiscard]] Result<void> adoptCurrentModel(AuthContext &auth);

/// @brief Request-time validation of API key tokens, in the order of API-CONTRACT §5.4. The key row is read on every
/// request, so revocation is immediate. On success the actor carries its role's AccessPolicy (from RoleService's
/// cache) and the key's in-memory usage counters are bumped. Thread rule: callable from any thread.
///
/// Verified signatures are remembered by the exact token bytes (decoding and HMAC cost ~70% of authentication):
/// the same bytes always verify the same way, and the steps that can change between requests (expiry, the key
/// row, its role) run on every request.
class Authenticator
{
public:
    explicit Authenticator(Instance &instance) : m_instance(instance) {}

    /// Steps 2–7 of §5.4 for a token taken from the request (step 1, finding it, belongs to the transport adapter).
    [[nodiscard]] Result<AuthContext> authenticate(const QByteArray &token) const;

private:
    /// What a token whose signature verified says.
    struct VerifiedToken {
        QString workspaceId;
        QString keyId;
        std::optional<qint64> exp;
    };
    [[nodiscard]] Result<VerifiedToken> verify(const QByteArray &token) const;

    Instance &m_instance;
    mutable std::mutex m_verifiedMutex;
    /// Bounded: cleared when full. Looked up by QHash (per-process random seed), so a guessed token cannot be timed
    /// against a cached one.
    mutable QHash<QByteArray, VerifiedToken> m_verified;
};

} // namespace vingt
