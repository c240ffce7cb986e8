#include "services/accesspolicy.h"

#include <array>
#include <functional>

namespace vingt {

using namespace Qt::StringLiterals;

namespace {

struct FlagName {
    PermissionFlag flag;
    QLatin1StringView name;
};

constexpr std::array kFlagNames{
    FlagName{PermissionFlag::ApiKeysAndWebhooks, "API_KEYS_AND_WEBHOOKS"_L1},
    FlagName{PermissionFlag::Workspace, "WORKSPACE"_L1},
    FlagName{PermissionFlag::WorkspaceMembers, "WORKSPACE_MEMBERS"_L1},
    FlagName{PermissionFlag::Roles, "ROLES"_L1},
    FlagName{PermissionFlag::DataModel, "DATA_MODEL"_L1},
    FlagName{PermissionFlag::Security, "SECURITY"_L1},
    FlagName{PermissionFlag::Workflows, "WORKFLOWS"_L1},
    FlagName{PermissionFlag::Impersonate, "IMPERSONATE"_L1},
    FlagName{PermissionFlag::SsoBypass, "SSO_BYPASS"_L1},
    FlagName{PermissionFlag::Applications, "APPLICATIONS"_L1},
    FlagName{PermissionFlag::Layouts, "LAYOUTS"_L1},
    FlagName{PermissionFlag::Billing, "BILLING"_L1},
    FlagName{PermissionFlag::AiSettings, "AI_SETTINGS"_L1},
    FlagName{PermissionFlag::Ai, "AI"_L1},
    FlagName{PermissionFlag::Views, "VIEWS"_L1},
    FlagName{PermissionFlag::UploadFile, "UPLOAD_FILE"_L1},
    FlagName{PermissionFlag::DownloadFile, "DOWNLOAD_FILE"_L1},
    FlagName{PermissionFlag::SendEmailTool, "SEND_EMAIL_TOOL"_L1},
    FlagName{PermissionFlag::HttpRequestTool, "HTTP_REQUEST_TOOL"_L1},
    FlagName{PermissionFlag::CodeInterpreterTool, "CODE_INTERPRETER_TOOL"_L1},
    FlagName{PermissionFlag::ImportCsv, "IMPORT_CSV"_L1},
    FlagName{PermissionFlag::ExportCsv, "EXPORT_CSV"_L1},
    FlagName{PermissionFlag::ConnectedAccounts, "CONNECTED_ACCOUNTS"_L1},
    FlagName{PermissionFlag::ProfileInformation, "PROFILE_INFORMATION"_L1},
};

constexpr auto kAllFlags = [] {
    std::array<PermissionFlag, kFlagNames.size()> flags{};
    for (std::size_t i = 0; i < kFlagNames.size(); ++i)
        flags[i] = kFlagNames[i].flag;
    return flags;
}();

constexpr std::uint8_t kAllRecordBits = 1 | 2 | 4 | 8;

} // namespace

std::span<const PermissionFlag> allPermissionFlags()
{
    return kAllFlags;
}

QLatin1StringView permissionFlagName(PermissionFlag flag)
{
    return kFlagNames[std::size_t(flag)].name;
}

std::optional<PermissionFlag> permissionFlagFromName(QStringView name)
{
    for (const FlagName &entry : kFlagNames) {
        if (name == entry.name)
            return entry.flag;
    }
    return std::nullopt;
}

bool isToolFlag(PermissionFlag flag)
{
    return flag >= PermissionFlag::Ai;
}

std::shared_ptr<const AccessPolicy> AccessPolicy::build(const Role &role, DataModelPtr model)
{
    std::shared_ptr<AccessPolicy> policy(new AccessPolicy);
    policy->m_roleId = role.id;
    policy->m_roleVersion = role.version;
    policy->m_model = std::move(model);

    // Role-wide values; writing needs reading (§6.2 refuses the other combinations, and old rows stay safe).
    auto combine = [](bool read, bool update, bool softDelete, bool destroy) {
        if (!read)
            return std::uint8_t(0);
        return std::uint8_t(kRead | (update ? kUpdate : 0) | (softDelete ? kSoftDelete : 0) | (destroy ? kDestroy : 0));
    };
    policy->m_defaultBits = combine(role.canReadAllObjectRecords, role.canUpdateAllObjectRecords,
                                    role.canSoftDeleteAllObjectRecords, role.canDestroyAllObjectRecords);
    for (const RolePermissionFlag &entry : role.permissionFlags) {
        if (const auto flag = permissionFlagFromName(entry.flag))
            policy->m_flags |= 1U << unsigned(*flag);
    }
    for (const PermissionFlag flag : kAllFlags) {
        if (isToolFlag(flag) ? role.canAccessAllTools : role.canUpdateAllSettings)
            policy->m_flags |= 1U << unsigned(flag);
    }

    const DataModel *dataModel = policy->m_model.get();
    if (!dataModel)
        return policy;
    const std::vector<ObjectMetadata> &objects = dataModel->objects();
    policy->m_objects.resize(objects.size());
    for (int i = 0; i < int(objects.size()); ++i) {
        policy->m_indexById.insert(objects[std::size_t(i)].id, i);
        policy->m_objects[std::size_t(i)].bits = policy->m_defaultBits;
    }
    for (const ObjectPermission &permission : role.objectPermissions) {
        const int index = policy->m_indexById.value(permission.objectMetadataId, -1);
        if (index < 0)
            continue;
        policy->m_objects[std::size_t(index)].bits = combine(
            permission.canReadObjectRecords.value_or(role.canReadAllObjectRecords),
            permission.canUpdateObjectRecords.value_or(role.canUpdateAllObjectRecords),
            permission.canSoftDeleteObjectRecords.value_or(role.canSoftDeleteAllObjectRecords),
            permission.canDestroyObjectRecords.value_or(role.canDestroyAllObjectRecords));
    }
    for (const FieldPermission &permission : role.fieldPermissions) {
        const int index = policy->m_indexById.value(permission.objectMetadataId, -1);
        if (index < 0)
            continue;
        const ObjectMetadata &object = objects[std::size_t(index)];
        const FieldMetadata *field = object.fieldById(permission.fieldMetadataId);
        if (!field || field->name == "id"_L1)
            continue;
        ObjectRights &rights = policy->m_objects[std::size_t(index)];
        if (rights.fields.empty())
            rights.fields.assign(object.fields.size(), kFieldRead | kFieldUpdate);
        std::uint8_t &bits = rights.fields[std::size_t(field - object.fields.data())];
        if (permission.canReadFieldValue == false)
            bits &= std::uint8_t(~(kFieldRead | kFieldUpdate));
        if (permission.canUpdateFieldValue == false)
            bits &= std::uint8_t(~kFieldUpdate);
    }

    bool unrestricted = policy->m_defaultBits == kAllRecordBits;
    for (const ObjectRights &rights : policy->m_objects)
        unrestricted = unrestricted && rights.bits == kAllRecordBits && rights.fields.empty();
    for (const PermissionFlag flag : kAllFlags)
        unrestricted = unrestricted && policy->hasFlag(flag);
    policy->m_unrestricted = unrestricted;
    return policy;
}

const AccessPolicy::ObjectRights *AccessPolicy::rights(const ObjectMetadata &object) const
{
    // Fast path: the object belongs to the snapshot this policy was built for.
    if (m_model) {
        const std::vector<ObjectMetadata> &objects = m_model->objects();
        const std::less<const ObjectMetadata *> less;
        const ObjectMetadata *begin = objects.data();
        if (!objects.empty() && !less(&object, begin) && less(&object, begin + objects.size()))
            return &m_objects[std::size_t(&object - begin)];
    }
    const int index = m_indexById.value(object.id, -1);
    return index < 0 ? nullptr : &m_objects[std::size_t(index)];
}

bool AccessPolicy::can(RecordPermission permission, const ObjectMetadata &object) const
{
    if (m_unrestricted)
        return true;
    const ObjectRights *r = rights(object);
    const std::uint8_t bits = r ? r->bits : m_defaultBits;
    return (bits >> unsigned(permission)) & 1U;
}

std::uint8_t AccessPolicy::fieldBits(const ObjectMetadata &object, int fieldIndex) const
{
    const ObjectRights *r = rights(object);
    const std::uint8_t objectBits = r ? r->bits : m_defaultBits;
    std::uint8_t bits = std::uint8_t(((objectBits & kRead) ? kFieldRead : 0)
                                     | ((objectBits & kUpdate) ? kFieldUpdate : 0));
    // A field index from another snapshot (same object id, different layout) falls back to the object's rights.
    if (r && !r->fields.empty() && fieldIndex >= 0 && std::size_t(fieldIndex) < r->fields.size()
        && std::size_t(fieldIndex) < object.fields.size()) {
        const ObjectMetadata &own = m_model->objects()[std::size_t(r - m_objects.data())];
        if (&own == &object || own.fields[std::size_t(fieldIndex)].id == object.fields[std::size_t(fieldIndex)].id)
            bits &= r->fields[std::size_t(fieldIndex)];
    }
    return bits;
}

bool AccessPolicy::canReadField(const ObjectMetadata &object, int fieldIndex) const
{
    if (m_unrestricted)
        return true;
    return fieldBits(object, fieldIndex) & kFieldRead;
}

bool AccessPolicy::canUpdateField(const ObjectMetadata &object, int fieldIndex) const
{
    if (m_unrestricted)
        return true;
    return fieldBits(object, fieldIndex) & kFieldUpdate;
}

bool AccessPolicy::hasFieldRestrictions(const ObjectMetadata &object) const
{
    if (m_unrestricted)
        return false;
    const ObjectRights *r = rights(object);
    if (!r)
        return false;
    for (const std::uint8_t bits : r->fields) {
        if (!(bits & kFieldRead))
            return true;
    }
    return false;
}

bool AccessPolicy::isCoveredBy(const AccessPolicy &other) const
{
    if (other.m_unrestricted)
        return true;
    if ((m_flags & ~other.m_flags) != 0)
        return false;
    if ((m_defaultBits & ~other.m_defaultBits) != 0)
        return false;
    if (!m_model)
        return true;
    for (const ObjectMetadata &object : m_model->objects()) {
        for (const RecordPermission permission : {RecordPermission::Read, RecordPermission::Update,
                                                  RecordPermission::SoftDelete, RecordPermission::Destroy}) {
            if (can(permission, object) && !other.can(permission, object))
                return false;
        }
        for (int f = 0; f < int(object.fields.size()); ++f) {
            if (canReadField(object, f) && !other.canReadField(object, f))
                return false;
            if (canUpdateField(object, f) && !other.canUpdateField(object, f))
                return false;
        }
    }
    return true;
}

} // namespace vingt
