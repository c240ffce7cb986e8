#pragma once

#include "core/result.h"
#include "services/accesspolicy.h"

#include <QString>

namespace vingt {

/// @brief Who performs a request: an API key, or a workspace member acting in the desktop app (API-CONTRACT §1.7),
/// with the permissions of its role (§6).
struct Actor {
    QString source = QStringLiteral("API"); ///< ACTOR.source written into createdBy/updatedBy
    QString name;                           ///< the API key's name, or the member's name
    QString apiKeyId;                       ///< set for API keys
    QString workspaceMemberId;              ///< set for workspace members (desktop app)
    AccessPolicyPtr policy;                 ///< the role's permissions; null = unrestricted (the system)

    [[nodiscard]] static Actor apiKey(const QString &id, const QString &keyName, AccessPolicyPtr policy)
    {
        return Actor{QStringLiteral("API"), keyName, id, {}, std::move(policy)};
    }
    [[nodiscard]] static Actor system()
    {
        return Actor{QStringLiteral("SYSTEM"), QStringLiteral("System"), {}, {}, {}};
    }

    /// The policy to check, or nullptr when every check passes (the system, the Admin role).
    [[nodiscard]] const AccessPolicy *restrictions() const
    {
        return policy && !policy->isUnrestricted() ? policy.get() : nullptr;
    }
    /// §6.3 guards: PermissionDenied unless the actor holds `flag`.
    [[nodiscard]] Result<void> requireFlag(PermissionFlag flag) const
    {
        if (policy && !policy->hasFlag(flag))
            return Error::permissionDenied();
        return {};
    }
};

} // namespace vingt
