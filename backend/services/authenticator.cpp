#include "services/authenticator.h"

#include "core/jwt.h"
#include "services/instance.h"
#include "services/workspace.h"

#include <QDateTime>

namespace vingt {

using namespace Qt::StringLiterals;

namespace {
constexpr qsizetype kVerifiedTokensMax = 4096;
} // namespace

Result<Authenticator::VerifiedToken> Authenticator::verify(const QByteArray &token) const
{
    {
        std::lock_guard lock(m_verifiedMutex);
        const auto it = m_verified.constFind(token);
        if (it != m_verified.cend())
            return *it;
    }
    // 2. decode
    auto decoded = jwt::decode(token);
    if (!decoded)
        return decoded.error();
    const QJsonObject &payload = decoded->payload;
    // 3. signature (with the workspace's secret; an unknown workspace cannot have signed it)
    const QString workspaceId = payload.value("workspaceId"_L1).toString();
    Workspace *workspace = workspaceId.isEmpty() ? nullptr : m_instance.workspace(workspaceId);
    if (!workspace || !jwt::verifyHs256(*decoded, workspace->apiKeySecret())
        || payload.value("type"_L1).toString() != "API_KEY"_L1) {
        return Error::unauthenticated(u"Token invalid."_s);
    }
    const QJsonValue exp = payload.value("exp"_L1);
    VerifiedToken verified{workspaceId, payload.value("jti"_L1).toString(),
                           exp.isDouble() ? std::optional(qint64(exp.toDouble())) : std::nullopt};
    std::lock_guard lock(m_verifiedMutex);
    if (m_verified.size() >= kVerifiedTokensMax)
        m_verified.clear();
    m_verified.insert(token, verified);
    return verified;
}

Result<AuthContext> Authenticator::authenticate(const QByteArray &token) const
{
    // 2–3. decode, check the signature (remembered for tokens seen before)
    auto verified = verify(token);
    if (!verified)
        return verified.error();
    Workspace *workspace = m_instance.workspace(verified->workspaceId);
    if (!workspace)
        return Error::unauthenticated(u"Token invalid."_s);
    // 4. JWT exp
    if (verified->exp && *verified->exp <= QDateTime::currentSecsSinceEpoch())
        return Error::unauthenticated(u"Token has expired."_s);
    // 5. key row by jti + workspace
    const QString &keyId = verified->keyId;
    auto key = workspace->apiKeys().findForAuthentication(keyId);
    if (!key) {
        if (key.error().kind == ErrorKind::NotFound)
            return Error::authForbidden(u"This API Key is revoked"_s);
        return key.error();
    }
    if (!key->revokedAt.isEmpty())
        return Error::authForbidden(u"This API Key is revoked"_s);
    // 6. key expiresAt
    const QDateTime expiresAt = QDateTime::fromString(key->expiresAt, Qt::ISODateWithMs);
    if (expiresAt.isValid() && expiresAt <= QDateTime::currentDateTimeUtc())
        return Error::authForbidden(u"This API Key is expired"_s);
    // 7. role
    if (key->roleId.isEmpty()) {
        Error error = Error::authForbidden(u"API key %1 has no role assigned"_s.arg(key->id));
        error.code = u"API_KEY_NO_ROLE_ASSIGNED"_s;
        return error;
    }
    // The role's permissions for this request's snapshot: a cache lookup unless the role or the data model changed.
    AuthContext context;
    context.model = workspace->dataModel();
    auto policy = workspace->roles().policy(key->roleId, key->roleVersion, context.model);
    if (!policy) {
        if (policy.error().kind != ErrorKind::NotFound)
            return policy.error();
        Error error = Error::authForbidden(u"API key %1 has no role assigned"_s.arg(key->id));
        error.code = u"API_KEY_NO_ROLE_ASSIGNED"_s;
        return error;
    }
    // Usage counters (last used, requests per minute): memory only, flushed in the background.
    workspace->apiKeyUsage().record(key->id);
    context.workspace = workspace;
    context.actor = Actor::apiKey(key->id, key->name, std::move(policy.value()));
    context.apiKey = std::move(key.value());
    return context;
}

Result<void> adoptCurrentModel(AuthContext &auth)
{
    DataModelPtr current = auth.workspace->dataModel();
    if (current == auth.model)
        return {};
    auto policy = auth.workspace->roles().policy(auth.apiKey.roleId, auth.apiKey.roleVersion, current);
    if (!policy)
        return policy.error();
    auth.actor.policy = std::move(policy.value());
    auth.model = std::move(current);
    return {};
}

} // namespace vingt
