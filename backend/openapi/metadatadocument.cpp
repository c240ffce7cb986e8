// The metadata document of API-CONTRACT §9: the routes of §3.1 (objects, fields), 5.2 (API keys), 6.5 (roles),
// 10.1 and 10.4 (webhooks and their deliveries), with their envelopes and entity schemas, written from the tables below.
#include "model/fieldtype.h"
#include "openapi/documentparts.h"
#include "openapi/openapibuilder.h"

#include <array>
#include <span>

namespace vingt::openapi {

using namespace Qt::StringLiterals;

namespace {

/// @brief One property of an entity schema. `type`: string, uuid, date-time, boolean, integer, object, strings
/// (array of strings), array (array of objects), any (no constraint), field-type, or a schema component name
/// (starting with an upper-case letter; with `list`, an array of it).
struct Prop {
    QLatin1StringView name;
    QLatin1StringView type;
    bool nullable = false;
    bool required = false;
    bool list = false;
};

struct Schema {
    QLatin1StringView name;
    QLatin1StringView description;
    std::span<const Prop> properties;
};

constexpr Prop kObjectCreate[]{
    {"nameSingular"_L1, "string"_L1, false, true},
    {"namePlural"_L1, "string"_L1, false, true},
    {"labelSingular"_L1, "string"_L1, false, true},
    {"labelPlural"_L1, "string"_L1, false, true},
    {"description"_L1, "string"_L1},
    {"icon"_L1, "string"_L1},
    {"shortcut"_L1, "string"_L1},
    {"color"_L1, "string"_L1},
    {"isRemote"_L1, "boolean"_L1},
    {"primaryKeyColumnType"_L1, "string"_L1},
    {"primaryKeyFieldMetadataSettings"_L1, "object"_L1},
    {"isLabelSyncedWithName"_L1, "boolean"_L1},
    {"skipNameField"_L1, "boolean"_L1},
};
constexpr Prop kObjectUpdate[]{
    {"labelSingular"_L1, "string"_L1},
    {"labelPlural"_L1, "string"_L1},
    {"nameSingular"_L1, "string"_L1},
    {"namePlural"_L1, "string"_L1},
    {"description"_L1, "string"_L1},
    {"icon"_L1, "string"_L1},
    {"shortcut"_L1, "string"_L1},
    {"color"_L1, "string"_L1},
    {"isActive"_L1, "boolean"_L1},
    {"labelIdentifierFieldMetadataId"_L1, "uuid"_L1, true},
    {"imageIdentifierFieldMetadataId"_L1, "uuid"_L1, true},
    {"isLabelSyncedWithName"_L1, "boolean"_L1},
    {"isSearchable"_L1, "boolean"_L1},
    {"openRecordIn"_L1, "string"_L1},
    {"readability"_L1, "string"_L1},
    {"translations"_L1, "object"_L1},
};
constexpr Prop kObjectResponse[]{
    {"id"_L1, "uuid"_L1},
    {"nameSingular"_L1, "string"_L1},
    {"namePlural"_L1, "string"_L1},
    {"labelSingular"_L1, "string"_L1},
    {"labelPlural"_L1, "string"_L1},
    {"description"_L1, "string"_L1, true},
    {"icon"_L1, "string"_L1, true},
    {"isCustom"_L1, "boolean"_L1},
    {"isActive"_L1, "boolean"_L1},
    {"isSystem"_L1, "boolean"_L1},
    {"createdAt"_L1, "date-time"_L1},
    {"updatedAt"_L1, "date-time"_L1},
    {"labelIdentifierFieldMetadataId"_L1, "uuid"_L1, true},
    {"imageIdentifierFieldMetadataId"_L1, "uuid"_L1, true},
    {"fields"_L1, "FieldForResponse"_L1, false, false, true},
};
constexpr Prop kFieldCreate[]{
    {"objectMetadataId"_L1, "uuid"_L1, false, true},
    {"type"_L1, "field-type"_L1, false, true},
    {"name"_L1, "string"_L1, false, true},
    {"label"_L1, "string"_L1, false, true},
    {"description"_L1, "string"_L1},
    {"icon"_L1, "string"_L1},
    {"isNullable"_L1, "boolean"_L1},
    {"isUnique"_L1, "boolean"_L1},
    {"defaultValue"_L1, "any"_L1},
    {"options"_L1, "any"_L1},
    {"settings"_L1, "object"_L1},
    {"isLabelSyncedWithName"_L1, "boolean"_L1},
    {"relationCreationPayload"_L1, "RelationCreationPayload"_L1},
    {"morphRelationsCreationPayload"_L1, "array"_L1},
    {"isRemoteCreation"_L1, "boolean"_L1},
    {"isUIEditable"_L1, "boolean"_L1},
    {"isUIReadOnly"_L1, "boolean"_L1},
    {"isSearchable"_L1, "boolean"_L1},
    {"isAuditLogged"_L1, "boolean"_L1},
};
constexpr Prop kFieldUpdate[]{
    {"universalIdentifier"_L1, "uuid"_L1},
    {"name"_L1, "string"_L1},
    {"label"_L1, "string"_L1},
    {"description"_L1, "string"_L1},
    {"icon"_L1, "string"_L1},
    {"isActive"_L1, "boolean"_L1},
    {"isSystem"_L1, "boolean"_L1},
    {"isUIEditable"_L1, "boolean"_L1},
    {"isUIReadOnly"_L1, "boolean"_L1},
    {"isNullable"_L1, "boolean"_L1},
    {"isUnique"_L1, "boolean"_L1},
    {"isSearchable"_L1, "boolean"_L1},
    {"isAuditLogged"_L1, "boolean"_L1},
    {"defaultValue"_L1, "any"_L1},
    {"options"_L1, "any"_L1},
    {"settings"_L1, "object"_L1},
    {"objectMetadataId"_L1, "uuid"_L1},
    {"isLabelSyncedWithName"_L1, "boolean"_L1},
};
constexpr Prop kFieldResponse[]{
    {"id"_L1, "uuid"_L1},
    {"type"_L1, "field-type"_L1},
    {"name"_L1, "string"_L1},
    {"label"_L1, "string"_L1},
    {"description"_L1, "string"_L1, true},
    {"icon"_L1, "string"_L1, true},
    {"isCustom"_L1, "boolean"_L1},
    {"isActive"_L1, "boolean"_L1},
    {"isSystem"_L1, "boolean"_L1},
    {"isNullable"_L1, "boolean"_L1},
    {"createdAt"_L1, "date-time"_L1},
    {"updatedAt"_L1, "date-time"_L1},
    {"defaultValue"_L1, "any"_L1},
    {"options"_L1, "any"_L1},
    {"relation"_L1, "object"_L1, true},
};
constexpr Prop kRelationCreationPayload[]{
    {"targetObjectMetadataId"_L1, "uuid"_L1, false, true},
    {"targetFieldLabel"_L1, "string"_L1, false, true},
    {"targetFieldIcon"_L1, "string"_L1},
    {"type"_L1, "string"_L1, false, true},
};
constexpr Prop kWebhookCreate[]{
    {"id"_L1, "uuid"_L1},
    {"targetUrl"_L1, "string"_L1, false, true},
    {"operations"_L1, "strings"_L1},
    {"description"_L1, "string"_L1},
    {"secret"_L1, "string"_L1},
};
constexpr Prop kWebhookUpdate[]{
    {"targetUrl"_L1, "string"_L1},
    {"operations"_L1, "strings"_L1},
    {"description"_L1, "string"_L1},
    {"secret"_L1, "string"_L1},
};
constexpr Prop kWebhookResponse[]{
    {"id"_L1, "uuid"_L1},
    {"targetUrl"_L1, "string"_L1},
    {"operations"_L1, "strings"_L1},
    {"description"_L1, "string"_L1, true},
    {"secret"_L1, "string"_L1},
    {"workspaceId"_L1, "uuid"_L1},
    {"createdAt"_L1, "date-time"_L1},
    {"updatedAt"_L1, "date-time"_L1},
    {"deletedAt"_L1, "date-time"_L1, true},
};
constexpr Prop kDelivery[]{
    {"id"_L1, "uuid"_L1},
    {"webhookId"_L1, "uuid"_L1},
    {"eventName"_L1, "string"_L1},
    {"recordId"_L1, "uuid"_L1, true},
    {"status"_L1, "string"_L1},
    {"attempts"_L1, "integer"_L1},
    {"responseCode"_L1, "integer"_L1, true},
    {"latencyMs"_L1, "integer"_L1, true},
    {"error"_L1, "string"_L1, true},
    {"replayOf"_L1, "uuid"_L1, true},
    {"createdAt"_L1, "date-time"_L1},
    {"lastAttemptAt"_L1, "date-time"_L1, true},
};
constexpr Prop kApiKeyCreate[]{
    {"name"_L1, "string"_L1, false, true},
    {"expiresAt"_L1, "date-time"_L1, false, true},
    {"roleId"_L1, "uuid"_L1, false, true},
    {"revokedAt"_L1, "date-time"_L1, true},
};
constexpr Prop kApiKeyUpdate[]{
    {"name"_L1, "string"_L1}, {"expiresAt"_L1, "date-time"_L1}, {"revokedAt"_L1, "date-time"_L1, true}};
constexpr Prop kApiKeyResponse[]{
    {"id"_L1, "uuid"_L1},
    {"name"_L1, "string"_L1},
    {"expiresAt"_L1, "date-time"_L1},
    {"revokedAt"_L1, "date-time"_L1, true},
    {"roleId"_L1, "uuid"_L1, true},
    {"createdAt"_L1, "date-time"_L1},
    {"updatedAt"_L1, "date-time"_L1},
    {"workspaceId"_L1, "uuid"_L1},
};
constexpr Prop kApiKeyToken[]{{"apiKey"_L1, "ApiKeyForResponse"_L1}, {"token"_L1, "string"_L1}};
constexpr Prop kRoleAssignment[]{{"roleId"_L1, "uuid"_L1, false, true}};
#define VINGT_ROLE_FLAGS                                                                                               \
    {"canUpdateAllSettings"_L1, "boolean"_L1}, {"canAccessAllTools"_L1, "boolean"_L1},                                 \
        {"canReadAllObjectRecords"_L1, "boolean"_L1}, {"canUpdateAllObjectRecords"_L1, "boolean"_L1},                  \
        {"canSoftDeleteAllObjectRecords"_L1, "boolean"_L1}, {"canDestroyAllObjectRecords"_L1, "boolean"_L1},           \
        {"canBeAssignedToUsers"_L1, "boolean"_L1}, {"canBeAssignedToAgents"_L1, "boolean"_L1},                         \
    {                                                                                                                  \
        "canBeAssignedToApiKeys"_L1, "boolean"_L1                                                                      \
    }
constexpr Prop kRoleCreate[]{
    {"id"_L1, "uuid"_L1},
    {"label"_L1, "string"_L1, false, true},
    {"description"_L1, "string"_L1},
    {"icon"_L1, "string"_L1},
    VINGT_ROLE_FLAGS,
};
constexpr Prop kRoleUpdate[]{
    {"label"_L1, "string"_L1},
    {"description"_L1, "string"_L1},
    {"icon"_L1, "string"_L1},
    VINGT_ROLE_FLAGS,
};
constexpr Prop kRoleResponse[]{
    {"id"_L1, "uuid"_L1},
    {"universalIdentifier"_L1, "uuid"_L1},
    {"label"_L1, "string"_L1},
    {"description"_L1, "string"_L1, true},
    {"icon"_L1, "string"_L1, true},
    {"isEditable"_L1, "boolean"_L1},
    VINGT_ROLE_FLAGS,
    {"permissionFlags"_L1, "array"_L1},
    {"objectPermissions"_L1, "array"_L1},
    {"fieldPermissions"_L1, "array"_L1},
    {"workspaceMembers"_L1, "array"_L1},
    {"apiKeys"_L1, "array"_L1},
    {"agents"_L1, "array"_L1},
};
#undef VINGT_ROLE_FLAGS
constexpr Prop kObjectPermissions[]{{"objectPermissions"_L1, "array"_L1, false, true}};
constexpr Prop kFieldPermissions[]{{"fieldPermissions"_L1, "array"_L1, false, true}};
constexpr Prop kPermissionFlags[]{{"permissionFlagKeys"_L1, "strings"_L1, false, true}};

const Schema kSchemas[]{
    {"Object"_L1, "An object to create (§3.3 CreateObjectInput)"_L1, kObjectCreate},
    {"ObjectForUpdate"_L1, "Object properties to update"_L1, kObjectUpdate},
    {"ObjectForResponse"_L1, "An object with its fields"_L1, kObjectResponse},
    {"Field"_L1, "A field to create (§3.3 CreateFieldInput)"_L1, kFieldCreate},
    {"FieldForUpdate"_L1, "Field properties to update"_L1, kFieldUpdate},
    {"FieldForResponse"_L1, "A field"_L1, kFieldResponse},
    {"RelationCreationPayload"_L1, "The other side of a RELATION field (type ONE_TO_MANY or MANY_TO_ONE)"_L1,
     kRelationCreationPayload},
    {"Webhook"_L1, "A webhook to create"_L1, kWebhookCreate},
    {"WebhookForUpdate"_L1, "Webhook properties to update"_L1, kWebhookUpdate},
    {"WebhookForResponse"_L1, "A webhook"_L1, kWebhookResponse},
    {"WebhookDelivery"_L1, "One delivery of an event to a webhook (status PENDING, SUCCEEDED or FAILED)"_L1, kDelivery},
    {"ApiKey"_L1, "An API key to create"_L1, kApiKeyCreate},
    {"ApiKeyForUpdate"_L1, "API key properties to update"_L1, kApiKeyUpdate},
    {"ApiKeyForResponse"_L1, "An API key (never its token)"_L1, kApiKeyResponse},
    {"ApiKeyToken"_L1, "A new key and its token, shown once"_L1, kApiKeyToken},
    {"RoleAssignment"_L1, "The role to give an API key"_L1, kRoleAssignment},
    {"Role"_L1, "A role to create (CreateRoleInput)"_L1, kRoleCreate},
    {"RoleForUpdate"_L1, "Role properties to update"_L1, kRoleUpdate},
    {"RoleForResponse"_L1, "A role with its permissions"_L1, kRoleResponse},
    {"ObjectPermissions"_L1, "Object permissions to upsert"_L1, kObjectPermissions},
    {"FieldPermissions"_L1, "Field permissions to upsert"_L1, kFieldPermissions},
    {"PermissionFlags"_L1, "The whole set of permission flags"_L1, kPermissionFlags},
};

/// @brief How a route wraps its result (§3.1 legacy envelopes, §5.2 and 10.1 bare bodies, §6.5 and 10.4 `data`).
enum class Envelope {
    Page, ///< `{"data":{"<key>":[...]},"pageInfo":{...},"totalCount":n}`
    Data, ///< `{"data":{"<key>": <result>}}`
    Bare, ///< the result itself
};

/// @brief One metadata route. `result`: a schema component, "uuid", "boolean" or "Id" (`{id}`); `list`: an array.
struct MetadataRoute {
    QLatin1StringView method;
    QLatin1StringView path;
    QLatin1StringView operationId;
    QLatin1StringView summary;
    QLatin1StringView tag;
    int status;
    Envelope envelope;
    QLatin1StringView dataKey;
    QLatin1StringView result;
    bool list = false;
    QLatin1StringView body = {};
    QLatin1StringView limitParameter = {}; ///< "limit" or "deliveryLimit" for paged lists
};

using E = Envelope;
const MetadataRoute kRoutes[]{
    // §3.1
    {"get"_L1,
     "/objects"_L1,
     "findManyObjects"_L1,
     "Find Many objects"_L1,
     "objects"_L1,
     200,
     E::Page,
     "objects"_L1,
     "ObjectForResponse"_L1,
     true,
     {},
     "limit"_L1},
    {"post"_L1, "/objects"_L1, "createOneObject"_L1, "Create One object"_L1, "objects"_L1, 201, E::Data,
     "createOneObject"_L1, "ObjectForResponse"_L1, false, "Object"_L1},
    {"get"_L1, "/objects/{id}"_L1, "findOneObject"_L1, "Find One object"_L1, "objects"_L1, 200, E::Data, "object"_L1,
     "ObjectForResponse"_L1},
    {"patch"_L1, "/objects/{id}"_L1, "updateOneObject"_L1, "Update One object"_L1, "objects"_L1, 200, E::Data,
     "updateOneObject"_L1, "ObjectForResponse"_L1, false, "ObjectForUpdate"_L1},
    {"delete"_L1, "/objects/{id}"_L1, "deleteOneObject"_L1, "Delete One object (deactivate it first)"_L1, "objects"_L1,
     200, E::Data, "deleteOneObject"_L1, "Id"_L1},
    {"get"_L1,
     "/fields"_L1,
     "findManyFields"_L1,
     "Find Many fields"_L1,
     "fields"_L1,
     200,
     E::Page,
     "fields"_L1,
     "FieldForResponse"_L1,
     true,
     {},
     "limit"_L1},
    {"post"_L1, "/fields"_L1, "createOneField"_L1, "Create One field"_L1, "fields"_L1, 201, E::Data,
     "createOneField"_L1, "FieldForResponse"_L1, false, "Field"_L1},
    {"get"_L1, "/fields/{id}"_L1, "findOneField"_L1, "Find One field"_L1, "fields"_L1, 200, E::Data, "field"_L1,
     "FieldForResponse"_L1},
    {"patch"_L1, "/fields/{id}"_L1, "updateOneField"_L1, "Update One field"_L1, "fields"_L1, 200, E::Data,
     "updateOneField"_L1, "FieldForResponse"_L1, false, "FieldForUpdate"_L1},
    {"delete"_L1, "/fields/{id}"_L1, "deleteOneField"_L1, "Delete One field"_L1, "fields"_L1, 200, E::Data,
     "deleteOneField"_L1, "Id"_L1},
    // §10.1, 10.4
    {"get"_L1,
     "/webhooks"_L1,
     "findManyWebhooks"_L1,
     "Find Many webhooks"_L1,
     "webhooks"_L1,
     200,
     E::Bare,
     {},
     "WebhookForResponse"_L1,
     true},
    {"post"_L1,
     "/webhooks"_L1,
     "createOneWebhook"_L1,
     "Create One webhook"_L1,
     "webhooks"_L1,
     201,
     E::Bare,
     {},
     "WebhookForResponse"_L1,
     false,
     "Webhook"_L1},
    {"get"_L1,
     "/webhooks/{id}"_L1,
     "findOneWebhook"_L1,
     "Find One webhook"_L1,
     "webhooks"_L1,
     200,
     E::Bare,
     {},
     "WebhookForResponse"_L1},
    {"patch"_L1,
     "/webhooks/{id}"_L1,
     "updateOneWebhook"_L1,
     "Update One webhook"_L1,
     "webhooks"_L1,
     200,
     E::Bare,
     {},
     "WebhookForResponse"_L1,
     false,
     "WebhookForUpdate"_L1},
    {"delete"_L1,
     "/webhooks/{id}"_L1,
     "deleteOneWebhook"_L1,
     "Delete One webhook (soft delete)"_L1,
     "webhooks"_L1,
     200,
     E::Bare,
     {},
     "boolean"_L1},
    {"get"_L1,
     "/webhooks/{id}/deliveries"_L1,
     "findManyWebhookDeliveries"_L1,
     "Find a webhook's deliveries"_L1,
     "webhooks"_L1,
     200,
     E::Page,
     "webhookDeliveries"_L1,
     "WebhookDelivery"_L1,
     true,
     {},
     "deliveryLimit"_L1},
    {"post"_L1, "/webhooks/{id}/deliveries/{deliveryId}/replay"_L1, "replayWebhookDelivery"_L1,
     "Send a delivery again"_L1, "webhooks"_L1, 201, E::Data, "replayWebhookDelivery"_L1, "WebhookDelivery"_L1},
    {"post"_L1, "/webhooks/{id}/test"_L1, "testWebhook"_L1, "Send a test event (a Vingt extension)"_L1, "webhooks"_L1,
     201, E::Data, "testWebhookDelivery"_L1, "WebhookDelivery"_L1},
    // §5.2
    {"get"_L1,
     "/apiKeys"_L1,
     "findManyApiKeys"_L1,
     "Find Many API keys (active ones)"_L1,
     "apiKeys"_L1,
     200,
     E::Bare,
     {},
     "ApiKeyForResponse"_L1,
     true},
    {"post"_L1,
     "/apiKeys"_L1,
     "createOneApiKey"_L1,
     "Create One API key"_L1,
     "apiKeys"_L1,
     201,
     E::Bare,
     {},
     "ApiKeyForResponse"_L1,
     false,
     "ApiKey"_L1},
    {"get"_L1,
     "/apiKeys/{id}"_L1,
     "findOneApiKey"_L1,
     "Find One API key"_L1,
     "apiKeys"_L1,
     200,
     E::Bare,
     {},
     "ApiKeyForResponse"_L1},
    {"patch"_L1,
     "/apiKeys/{id}"_L1,
     "updateOneApiKey"_L1,
     "Update One API key"_L1,
     "apiKeys"_L1,
     200,
     E::Bare,
     {},
     "ApiKeyForResponse"_L1,
     false,
     "ApiKeyForUpdate"_L1},
    {"delete"_L1,
     "/apiKeys/{id}"_L1,
     "deleteOneApiKey"_L1,
     "Revoke One API key"_L1,
     "apiKeys"_L1,
     200,
     E::Bare,
     {},
     "ApiKeyForResponse"_L1},
    {"post"_L1, "/apiKeys/{id}/regenerate"_L1, "regenerateApiKey"_L1, "Replace an API key by a new one"_L1,
     "apiKeys"_L1, 201, E::Data, "regenerateApiKey"_L1, "ApiKeyToken"_L1},
    {"post"_L1, "/apiKeys/{id}/role"_L1, "assignRoleToApiKey"_L1, "Give an API key a role"_L1, "apiKeys"_L1, 200,
     E::Data, "assignRoleToApiKey"_L1, "boolean"_L1, false, "RoleAssignment"_L1},
    // §6.5
    {"get"_L1, "/roles"_L1, "findManyRoles"_L1, "Find Many roles"_L1, "roles"_L1, 200, E::Data, "roles"_L1,
     "RoleForResponse"_L1, true},
    {"post"_L1, "/roles"_L1, "createOneRole"_L1, "Create One role"_L1, "roles"_L1, 201, E::Data, "createOneRole"_L1,
     "RoleForResponse"_L1, false, "Role"_L1},
    {"get"_L1, "/roles/{id}"_L1, "findOneRole"_L1, "Find One role"_L1, "roles"_L1, 200, E::Data, "role"_L1,
     "RoleForResponse"_L1},
    {"patch"_L1, "/roles/{id}"_L1, "updateOneRole"_L1, "Update One role"_L1, "roles"_L1, 200, E::Data,
     "updateOneRole"_L1, "RoleForResponse"_L1, false, "RoleForUpdate"_L1},
    {"delete"_L1, "/roles/{id}"_L1, "deleteOneRole"_L1, "Delete One role"_L1, "roles"_L1, 200, E::Data,
     "deleteOneRole"_L1, "uuid"_L1},
    {"put"_L1, "/roles/{id}/objectPermissions"_L1, "upsertObjectPermissions"_L1, "Upsert object permissions"_L1,
     "roles"_L1, 200, E::Data, "upsertObjectPermissions"_L1, "object"_L1, true, "ObjectPermissions"_L1},
    {"put"_L1, "/roles/{id}/fieldPermissions"_L1, "upsertFieldPermissions"_L1, "Upsert field permissions"_L1,
     "roles"_L1, 200, E::Data, "upsertFieldPermissions"_L1, "object"_L1, true, "FieldPermissions"_L1},
    {"put"_L1, "/roles/{id}/permissionFlags"_L1, "upsertPermissionFlags"_L1, "Replace the permission flags"_L1,
     "roles"_L1, 200, E::Data, "upsertPermissionFlags"_L1, "object"_L1, true, "PermissionFlags"_L1},
};

constexpr std::array kTags{"objects"_L1, "fields"_L1, "webhooks"_L1, "apiKeys"_L1, "roles"_L1};

class MetadataWriter
{
public:
    MetadataWriter(JsonOut &out, const DocumentOptions &options) : m_out(out), m_options(options) {}

    void write()
    {
        m_out.object([&] {
            parts::writeHead(m_out, DocumentKind::Metadata, m_options.baseUrl);
            m_out.array("tags"_L1, [&] {
                for (QLatin1StringView tag : kTags)
                    m_out.object([&] { m_out.field("name"_L1, tag); });
            });
            m_out.object("paths"_L1, [&] {
                parts::writeOpenApiPath(m_out, DocumentKind::Metadata, m_options.baseUrl);
                QList<QLatin1StringView> done;
                for (const MetadataRoute &route : kRoutes) {
                    if (done.contains(route.path))
                        continue;
                    done << route.path;
                    m_out.object(route.path, [&] {
                        for (const MetadataRoute &row : kRoutes) {
                            if (row.path == route.path)
                                writeOperation(row);
                        }
                    });
                }
            });
            m_out.object("components"_L1, [&] {
                parts::writeSecuritySchemes(m_out);
                m_out.object("schemas"_L1, [&] {
                    for (const Schema &schema : kSchemas)
                        m_out.object(schema.name, [&] { writeSchema(schema); });
                });
                m_out.object("parameters"_L1, [&] {
                    parts::writeIdPathParameter(m_out);
                    parts::writeIdPathParameter(m_out, "deliveryIdPath"_L1, "deliveryId"_L1, "Delivery id (a UUID)."_L1);
                    parts::writeCursorParameters(m_out);
                    parts::writeLimitParameter(m_out, "limit"_L1, m_options.metadataLimitDefault,
                                               m_options.metadataLimitMax);
                    parts::writeLimitParameter(m_out, "deliveryLimit"_L1, 60, 1000);
                });
                parts::writeErrorResponses(m_out);
            });
        });
    }

private:
    void writeOperation(const MetadataRoute &route)
    {
        m_out.object(route.method, [&] {
            m_out.strings("tags"_L1, {route.tag});
            m_out.field("summary"_L1, route.summary);
            m_out.field("operationId"_L1, route.operationId);
            m_out.array("parameters"_L1, [&] {
                if (route.path.contains("{id}"_L1))
                    m_out.ref("parameters"_L1, u"idPath"_s);
                if (route.path.contains("{deliveryId}"_L1))
                    m_out.ref("parameters"_L1, u"deliveryIdPath"_s);
                if (!route.limitParameter.isEmpty()) {
                    m_out.ref("parameters"_L1, route.limitParameter);
                    m_out.ref("parameters"_L1, u"startingAfter"_s);
                    m_out.ref("parameters"_L1, u"endingBefore"_s);
                }
            });
            if (!route.body.isEmpty())
                parts::writeJsonBody(m_out, [&] { m_out.schemaRef(route.body); });
            m_out.object("responses"_L1, [&] {
                parts::writeJsonResponse(m_out, route.status, "Successful operation"_L1, [&] { writeResult(route); });
                if (route.path.contains("{id}"_L1))
                    parts::writeErrorRefs(m_out, {400, 401, 403, 404});
                else
                    parts::writeErrorRefs(m_out, {400, 401, 403});
            });
        });
    }

    void writeResult(const MetadataRoute &route)
    {
        auto value = [&] {
            if (route.result == "Id"_L1)
                m_out.objectSchema([&] { m_out.property("id"_L1, "string"_L1, "uuid"_L1); });
            else if (route.result == "uuid"_L1)
                m_out.type("string"_L1, "uuid"_L1);
            else if (route.result == "boolean"_L1 || route.result == "object"_L1)
                m_out.type(route.result);
            else
                m_out.schemaRef(route.result);
        };
        auto result = [&] {
            if (route.list)
                m_out.arraySchema(value);
            else
                value();
        };
        switch (route.envelope) {
        case Envelope::Bare: result(); return;
        case Envelope::Data: parts::writeDataEnvelope(m_out, route.dataKey, result); return;
        case Envelope::Page:
            m_out.objectSchema([&] { parts::writePageMembers(m_out, route.dataKey, true, result); });
            return;
        }
    }

    void writeSchema(const Schema &schema)
    {
        m_out.field("type"_L1, "object"_L1);
        m_out.field("description"_L1, schema.description);
        QStringList required;
        m_out.object("properties"_L1, [&] {
            for (const Prop &prop : schema.properties) {
                if (prop.required)
                    required << prop.name;
                m_out.object(prop.name, [&] { writeProperty(prop); });
            }
        });
        if (!required.isEmpty())
            m_out.strings("required"_L1, required);
    }

    void writeProperty(const Prop &prop)
    {
        auto type = [&](QLatin1StringView name) {
            if (prop.nullable)
                m_out.nullableType(name);
            else
                m_out.field("type"_L1, name);
        };
        const QLatin1StringView t = prop.type;
        if (t == "any"_L1)
            return;
        if (t == "uuid"_L1 || t == "date-time"_L1) {
            type("string"_L1);
            m_out.field("format"_L1, t);
        } else if (t == "strings"_L1 || t == "array"_L1) {
            type("array"_L1);
            m_out.key("items"_L1);
            m_out.type(t == "strings"_L1 ? "string"_L1 : "object"_L1);
        } else if (t == "field-type"_L1) {
            type("string"_L1);
            QStringList names;
            for (int i = 0; i <= int(FieldType::TsVector); ++i)
                names << fieldTypeName(FieldType(i));
            m_out.strings("enum"_L1, names);
        } else if (QChar(t.front()).isUpper()) {
            if (prop.list) {
                type("array"_L1);
                m_out.ref("items"_L1, "schemas"_L1, t);
            } else {
                m_out.field("$ref"_L1, u"#/components/schemas/"_s + t);
            }
        } else {
            type(t);
        }
    }

    JsonOut &m_out;
    const DocumentOptions &m_options;
};

} // namespace

QByteArray OpenApiBuilder::metadataDocument(const DocumentOptions &options)
{
    JsonWriter writer;
    JsonOut out(writer);
    MetadataWriter(out, options).write();
    return writer.take();
}

} // namespace vingt::openapi
