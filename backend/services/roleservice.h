#pragma once

#include "core/result.h"
#include "model/datamodel.h"
#include "services/accesspolicy.h"
#include "services/actor.h"
#include "services/role.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <mutex>
#include <vector>

namespace vingt {

class Workspace;

/// @brief Roles and permissions of one workspace (API-CONTRACT §6): CRUD, the three upserts, member and API key
/// assignment rules, and the AccessPolicy cache every request uses.
///
/// Every public operation but policy() takes the acting Actor and enforces, in this order: the `ROLES` flag (§6.3,
/// reads included) → the role exists (404 `ROLE_NOT_FOUND`) → it is editable (403 `ROLE_NOT_EDITABLE`) → input
/// validation (400 `INVALID_ARG`, duplicate label) → no privilege escalation: a restricted caller may only read roles,
/// and create, change or delete roles that are no more powerful than its own role, before and after the change
/// (AccessPolicy::isCoveredBy) → 403. Inputs are JSON objects shaped like the GraphQL inputs (REST bodies mirror
/// them); unknown members are 400s naming them.
/// Thread rule: callable from any thread; the cache has its own mutex.
class RoleService
{
public:
    explicit RoleService(Workspace &workspace) : m_workspace(workspace) {}

    /// `getRoles`: every role, with apiKeys and workspaceMembers.
    [[nodiscard]] Result<std::vector<Role>> list(const Actor &actor);
    [[nodiscard]] Result<Role> get(const Actor &actor, const QString &id);
    /// `createOneRole`: `{id?, label!, description, icon, can*...}`. New roles default to no record or settings
    /// permission and can be assigned to users, agents and API keys.
    [[nodiscard]] Result<Role> create(const Actor &actor, const QJsonObject &input);
    /// `updateOneRole`: the `update` payload (label, description, icon, can*...).
    [[nodiscard]] Result<Role> update(const Actor &actor, const QString &id, const QJsonObject &update);
    /// `deleteOneRole`: returns the id. Members move to the default role; API keys lose the role (they then fail
    /// authentication step 7 until a role is assigned, §5.5).
    [[nodiscard]] Result<QString> remove(const Actor &actor, const QString &id);
    /// `upsertObjectPermissions`: entries `{objectMetadataId, canReadObjectRecords?, ...}`; an absent member keeps
    /// its value, null resets it to the role-wide value. Returns all the role's object permissions.
    [[nodiscard]] Result<std::vector<ObjectPermission>> upsertObjectPermissions(const Actor &actor,
                                                                                const QString &roleId,
                                                                                const QJsonArray &entries);
    /// `upsertFieldPermissions`: entries `{objectMetadataId, fieldMetadataId, canReadFieldValue, canUpdateFieldValue}`
    /// with false (restrict) or null (reset). Returns all the role's field permissions.
    [[nodiscard]] Result<std::vector<FieldPermission>> upsertFieldPermissions(const Actor &actor, const QString &roleId,
                                                                              const QJsonArray &entries);
    /// `upsertPermissionFlags`: replaces the role's whole flag set. Returns it.
    [[nodiscard]] Result<std::vector<RolePermissionFlag>> upsertPermissionFlags(const Actor &actor,
                                                                                const QString &roleId,
                                                                                const QJsonArray &flagKeys);
    /// `updateWorkspaceMemberRole`: changing your own role and unassigning the last Admin are refused (§6.4).
    [[nodiscard]] Result<void> assignToWorkspaceMember(const Actor &actor, const QString &workspaceMemberId,
                                                       const QString &roleId);

    /// For API keys (§5.1, 6.6): the role exists (404), allows canBeAssignedToApiKeys (400) and is no more powerful
    /// than the caller's own role (403).
    [[nodiscard]] Result<Role> checkAssignableToApiKey(const Actor &caller, const QString &roleId);
    /// 403 unless the role is no more powerful than the caller's (no privilege escalation).
    [[nodiscard]] Result<void> checkNotMorePowerful(const Actor &caller, const QString &roleId);

    /// The policy of a role for a snapshot, cached per (role id, role version, snapshot): a request normally costs a
    /// hash lookup. NotFound when the role does not exist.
    [[nodiscard]] Result<AccessPolicyPtr> policy(const QString &roleId, qint64 roleVersion, const DataModelPtr &model);

private:
    [[nodiscard]] Result<std::optional<Role>> load(const QString &id);
    [[nodiscard]] Result<Role> loadExisting(const QString &id);
    [[nodiscard]] Result<Role> loadEditable(const QString &id);
    [[nodiscard]] Result<void> attachTargets(std::vector<Role> &roles);
    [[nodiscard]] Result<QString> defaultRoleId();
    [[nodiscard]] Result<void> checkCovered(const Actor &caller, const Role &role) const;
    [[nodiscard]] Result<void> bumpVersion(const QString &roleId);
    void forget(const QString &roleId);

    struct CacheEntry {
        qint64 version = 0;
        DataModelPtr model;
        AccessPolicyPtr policy;
    };

    Workspace &m_workspace;
    std::mutex m_cacheMutex;
    QHash<QString, CacheEntry> m_cache;
};

} // namespace vingt
