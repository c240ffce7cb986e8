#pragma once

#include "model/datamodel.h"
#include "services/role.h"

#include <QHash>
#include <QLatin1StringView>
#include <QString>
#include <QStringView>

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

namespace vingt {

/// @brief The permission flags of API-CONTRACT §6.3: settings flags first, then tool flags.
enum class PermissionFlag : std::uint8_t {
    // settings flags (granted by canUpdateAllSettings)
    ApiKeysAndWebhooks,
    Workspace,
    WorkspaceMembers,
    Roles,
    DataModel,
    Security,
    Workflows,
    Impersonate,
    SsoBypass,
    Applications,
    Layouts,
    Billing,
    AiSettings,
    // tool flags (granted by canAccessAllTools)
    Ai,
    Views,
    UploadFile,
    DownloadFile,
    SendEmailTool,
    HttpRequestTool,
    CodeInterpreterTool,
    ImportCsv,
    ExportCsv,
    ConnectedAccounts,
    ProfileInformation,
};

/// Every flag, in declaration order.
[[nodiscard]] std::span<const PermissionFlag> allPermissionFlags();
/// Wire name: `API_KEYS_AND_WEBHOOKS`, `ROLES`, `EXPORT_CSV`, ...
[[nodiscard]] QLatin1StringView permissionFlagName(PermissionFlag flag);
[[nodiscard]] std::optional<PermissionFlag> permissionFlagFromName(QStringView name);
/// True for the tool flags (granted by canAccessAllTools), false for the settings flags (canUpdateAllSettings).
[[nodiscard]] bool isToolFlag(PermissionFlag flag);

/// @brief What an operation on records needs (API-CONTRACT §6.1).
enum class RecordPermission : std::uint8_t { Read, Update, SoftDelete, Destroy };

/// @brief One role's permissions, precomputed for one data-model snapshot: every question is a table lookup, so a
/// request pays no query for its permission checks. Build it with build(); RoleService caches it per (role id, role
/// version, snapshot). Effective rules (§6.1–6.3):
/// - object: override ?? role-wide value; update, soft delete and destroy also need read;
/// - field: read needs the object's read and no `canReadFieldValue=false`; update needs the object's update, the
///   field's read and no `canUpdateFieldValue=false`; `id` is always readable;
/// - flag: a settings flag is held with canUpdateAllSettings or when listed, a tool flag with canAccessAllTools or
///   when listed.
/// Objects the snapshot does not know get the role-wide values. Thread rule: immutable; share it freely.
class AccessPolicy
{
public:
    [[nodiscard]] static std::shared_ptr<const AccessPolicy> build(const Role &role, DataModelPtr model);

    [[nodiscard]] const QString &roleId() const { return m_roleId; }
    [[nodiscard]] qint64 roleVersion() const { return m_roleVersion; }
    [[nodiscard]] const DataModelPtr &model() const { return m_model; }
    /// Holds every permission and flag (the Admin role): checks can be skipped.
    [[nodiscard]] bool isUnrestricted() const { return m_unrestricted; }

    [[nodiscard]] bool can(RecordPermission permission, const ObjectMetadata &object) const;
    [[nodiscard]] bool canRead(const ObjectMetadata &object) const { return can(RecordPermission::Read, object); }
    [[nodiscard]] bool canUpdate(const ObjectMetadata &object) const { return can(RecordPermission::Update, object); }
    [[nodiscard]] bool canSoftDelete(const ObjectMetadata &object) const
    {
        return can(RecordPermission::SoftDelete, object);
    }
    [[nodiscard]] bool canDestroy(const ObjectMetadata &object) const { return can(RecordPermission::Destroy, object); }
    /// `fieldIndex` indexes object.fields. A relation field covers its join column (`companyId`).
    [[nodiscard]] bool canReadField(const ObjectMetadata &object, int fieldIndex) const;
    [[nodiscard]] bool canUpdateField(const ObjectMetadata &object, int fieldIndex) const;
    /// True when some field of the object is unreadable (records need a projection).
    [[nodiscard]] bool hasFieldRestrictions(const ObjectMetadata &object) const;
    [[nodiscard]] bool hasFlag(PermissionFlag flag) const { return (m_flags >> unsigned(flag)) & 1U; }

    /// True when `other` holds every permission this policy holds: each flag, each object permission and each field
    /// permission, compared on this policy's snapshot ("no more powerful than", the rule against privilege
    /// escalation through API keys and roles).
    [[nodiscard]] bool isCoveredBy(const AccessPolicy &other) const;

private:
    AccessPolicy() = default;

    enum Bits : std::uint8_t { kRead = 1, kUpdate = 2, kSoftDelete = 4, kDestroy = 8 };
    enum FieldBits : std::uint8_t { kFieldRead = 1, kFieldUpdate = 2 };
    struct ObjectRights {
        std::uint8_t bits = 0;
        std::vector<std::uint8_t> fields; ///< per field: FieldBits; empty = every field follows the object
    };

    [[nodiscard]] const ObjectRights *rights(const ObjectMetadata &object) const;
    [[nodiscard]] std::uint8_t fieldBits(const ObjectMetadata &object, int fieldIndex) const;

    QString m_roleId;
    qint64 m_roleVersion = 0;
    DataModelPtr m_model;
    std::vector<ObjectRights> m_objects; ///< aligned with m_model->objects()
    QHash<QString, int> m_indexById;
    std::uint8_t m_defaultBits = 0; ///< role-wide values, for objects the snapshot does not know
    std::uint32_t m_flags = 0;      ///< bit per PermissionFlag
    bool m_unrestricted = false;
};

using AccessPolicyPtr = std::shared_ptr<const AccessPolicy>;

} // namespace vingt
