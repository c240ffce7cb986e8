#pragma once

#include <QLatin1StringView>
#include <QString>

#include <array>
#include <optional>
#include <vector>

namespace vingt {

/// @brief A per-object override of a role's record permissions (API-CONTRACT §6.2). nullopt = inherit the role-wide
/// `can*AllObjectRecords` value.
struct ObjectPermission {
    QString id;
    QString roleId;
    QString objectMetadataId;
    std::optional<bool> canReadObjectRecords;
    std::optional<bool> canUpdateObjectRecords;
    std::optional<bool> canSoftDeleteObjectRecords;
    std::optional<bool> canDestroyObjectRecords;
};

/// @brief A per-field restriction (§6.2): `false` restricts, nullopt means no restriction.
struct FieldPermission {
    QString id;
    QString roleId;
    QString objectMetadataId;
    QString fieldMetadataId;
    std::optional<bool> canReadFieldValue;
    std::optional<bool> canUpdateFieldValue;
};

/// @brief A permission flag a role holds explicitly (§6.3).
struct RolePermissionFlag {
    QString id;
    QString roleId;
    QString flag; ///< `API_KEYS_AND_WEBHOOKS`, `ROLES`, ...
};

/// @brief An API key holding a role, as the role shows it (§6.1 `apiKeys`).
struct RoleApiKey {
    QString id;
    QString name;
    QString expiresAt;
    QString revokedAt; ///< empty when active
};

/// @brief A workspace member holding a role (§6.1 `workspaceMembers`).
struct RoleMember {
    QString id;
    QString firstName;
    QString lastName;
    QString userEmail;
};

/// @brief One role with everything that defines its permissions (§6.1–6.3). Plain data: RoleService reads and
/// writes it, AccessPolicy is built from it.
struct Role {
    QString id;
    QString standardId;
    QString label;
    QString description;
    QString icon;
    bool isEditable = true;
    bool canUpdateAllSettings = false;
    bool canAccessAllTools = false;
    bool canReadAllObjectRecords = false;
    bool canUpdateAllObjectRecords = false;
    bool canSoftDeleteAllObjectRecords = false;
    bool canDestroyAllObjectRecords = false;
    bool canBeAssignedToUsers = true;
    bool canBeAssignedToAgents = true;
    bool canBeAssignedToApiKeys = true;
    qint64 version = 1; ///< bumped by every change of the role or its permissions (keys the AccessPolicy cache)
    QString createdAt;
    QString updatedAt;

    std::vector<ObjectPermission> objectPermissions;
    std::vector<FieldPermission> fieldPermissions;
    std::vector<RolePermissionFlag> permissionFlags; ///< sorted by flag name

    // Filled by RoleService when it returns a role to a caller; not needed to build a policy.
    bool isDefault = false;
    std::vector<RoleApiKey> apiKeys;
    std::vector<RoleMember> workspaceMembers;
};

/// The role-wide booleans of CreateRoleInput / UpdateRolePayload and of the role's JSON (§6.1, 6.4), in order.
struct RoleBoolean {
    QLatin1StringView name;
    bool Role::*member;
};
inline constexpr std::array<RoleBoolean, 9> kRoleBooleans{{
    {QLatin1StringView("canUpdateAllSettings"), &Role::canUpdateAllSettings},
    {QLatin1StringView("canAccessAllTools"), &Role::canAccessAllTools},
    {QLatin1StringView("canReadAllObjectRecords"), &Role::canReadAllObjectRecords},
    {QLatin1StringView("canUpdateAllObjectRecords"), &Role::canUpdateAllObjectRecords},
    {QLatin1StringView("canSoftDeleteAllObjectRecords"), &Role::canSoftDeleteAllObjectRecords},
    {QLatin1StringView("canDestroyAllObjectRecords"), &Role::canDestroyAllObjectRecords},
    {QLatin1StringView("canBeAssignedToUsers"), &Role::canBeAssignedToUsers},
    {QLatin1StringView("canBeAssignedToAgents"), &Role::canBeAssignedToAgents},
    {QLatin1StringView("canBeAssignedToApiKeys"), &Role::canBeAssignedToApiKeys},
}};

} // namespace vingt
