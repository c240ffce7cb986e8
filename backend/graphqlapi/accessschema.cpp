#include "graphqlapi/accessschema.h"

#include "core/json.h"
#include "graphqlapi/requestcontext.h"
#include "services/accessjson.h"
#include "services/workspace.h"

#include <QHash>

namespace vingt::graphqlapi {

using namespace Qt::StringLiterals;
using graphql::FieldConfig;
using graphql::FieldResult;
using graphql::InputValueConfig;
using graphql::ResolveParams;
using graphql::Value;

namespace {

// Values are the JSON forms the REST routes send (services/accessjson.h): the types below read them with the
// default resolver, so REST and GraphQL show the same members. Only ApiKey.role has a resolver of its own.

template<typename Write>
Value jsonValue(Write write)
{
    JsonWriter out;
    write(out);
    auto parsed = json::parse(out.take());
    return parsed ? Value(*parsed) : Value();
}

Value keyValue(RequestContext &ctx, const ApiKey &key)
{
    return jsonValue([&](JsonWriter &out) { accessjson::writeApiKey(out, key, ctx.auth.workspace->id()); });
}

Value roleValue(const Role &role)
{
    return jsonValue([&](JsonWriter &out) { accessjson::writeRole(out, role); });
}

template<typename T, typename Write>
Value listValue(const std::vector<T> &items, Write write)
{
    return jsonValue([&](JsonWriter &out) { accessjson::writeArray(out, items, write); });
}

/// `{token, apiKey}` (§5.1 ApiKeyToken; `apiKey` is Vingt's addition).
Value tokenValue(RequestContext &ctx, const QByteArray &token, const ApiKey &key)
{
    return Value(QJsonObject{{u"token"_s, QString::fromLatin1(token)}, {u"apiKey"_s, keyValue(ctx, key).json()}});
}

std::vector<InputValueConfig> inputs(std::initializer_list<std::pair<const char *, const char *>> fields)
{
    std::vector<InputValueConfig> out;
    for (const auto &[name, type] : fields)
        out.push_back({QString::fromLatin1(name), QString::fromLatin1(type)});
    return out;
}

std::vector<FieldConfig> fields(std::initializer_list<std::pair<const char *, const char *>> list)
{
    std::vector<FieldConfig> out;
    for (const auto &[name, type] : list)
        out.push_back({QString::fromLatin1(name), QString::fromLatin1(type)});
    return out;
}

/// The role-wide booleans (§6.1), as output fields or as optional input fields.
void addRoleBooleans(std::vector<FieldConfig> &out)
{
    for (const RoleBoolean &boolean : kRoleBooleans)
        out.push_back({QString(boolean.name), u"Boolean!"_s});
}
void addRoleBooleans(std::vector<InputValueConfig> &out)
{
    for (const RoleBoolean &boolean : kRoleBooleans)
        out.push_back({QString(boolean.name), u"Boolean"_s});
}

/// ApiKey.role: the role of each key, each role loaded once per selection. Reading it needs no `ROLES` flag (as in
/// Twenty): a key's role is part of the key.
std::vector<FieldResult> resolveKeyRoles(const graphql::BatchResolveParams &p)
{
    RequestContext &ctx = requestContext(p.context);
    QHash<QString, FieldResult> byId;
    std::vector<FieldResult> out;
    out.reserve(p.sources.size());
    for (const Value *source : p.sources) {
        const QString roleId = source->json().toObject().value("roleId"_L1).toString();
        if (roleId.isEmpty()) {
            out.emplace_back(Value());
            continue;
        }
        auto it = byId.find(roleId);
        if (it == byId.end()) {
            auto role = ctx.auth.workspace->roles().get(Actor::system(), roleId);
            FieldResult result = role                                       ? FieldResult(roleValue(*role))
                                 : role.error().kind == ErrorKind::NotFound ? FieldResult(Value())
                                                                            : FieldResult(role.error());
            it = byId.insert(roleId, result);
        }
        out.push_back(*it);
    }
    return out;
}

void addTypes(graphql::SchemaBuilder &b)
{
    {
        std::vector<graphql::EnumValueConfig> flags;
        for (const PermissionFlag flag : allPermissionFlags())
            flags.push_back({QString(permissionFlagName(flag))});
        b.addEnumType({u"PermissionFlagType"_s, std::move(flags)});
    }
    b.addObjectType(
        {u"PermissionFlag"_s, fields({{"id", "UUID!"}, {"roleId", "UUID!"}, {"flag", "PermissionFlagType!"}})});
    b.addObjectType({u"ObjectPermission"_s, fields({{"id", "UUID!"},
                                                    {"roleId", "UUID!"},
                                                    {"objectMetadataId", "UUID!"},
                                                    {"canReadObjectRecords", "Boolean"},
                                                    {"canUpdateObjectRecords", "Boolean"},
                                                    {"canSoftDeleteObjectRecords", "Boolean"},
                                                    {"canDestroyObjectRecords", "Boolean"}})});
    b.addObjectType({u"FieldPermission"_s, fields({{"id", "UUID!"},
                                                   {"roleId", "UUID!"},
                                                   {"objectMetadataId", "UUID!"},
                                                   {"fieldMetadataId", "UUID!"},
                                                   {"canReadFieldValue", "Boolean"},
                                                   {"canUpdateFieldValue", "Boolean"}})});
    b.addObjectType({u"FullName"_s, fields({{"firstName", "String!"}, {"lastName", "String!"}})});
    b.addObjectType({u"WorkspaceMember"_s, fields({{"id", "UUID!"}, {"name", "FullName!"}, {"userEmail", "String!"}})});
    b.addObjectType(
        {u"ApiKeyForRole"_s,
         fields({{"id", "UUID!"}, {"name", "String!"}, {"expiresAt", "DateTime!"}, {"revokedAt", "DateTime"}})});
    b.addObjectType({u"Agent"_s, fields({{"id", "UUID!"}, {"name", "String!"}})});
    {
        std::vector<FieldConfig> role = fields({{"id", "UUID!"},
                                                {"universalIdentifier", "UUID"},
                                                {"label", "String!"},
                                                {"description", "String"},
                                                {"icon", "String"},
                                                {"isEditable", "Boolean!"}});
        addRoleBooleans(role);
        for (FieldConfig &extra : fields({{"permissionFlags", "[PermissionFlag!]"},
                                          {"objectPermissions", "[ObjectPermission!]"},
                                          {"fieldPermissions", "[FieldPermission!]"},
                                          {"workspaceMembers", "[WorkspaceMember!]"},
                                          {"apiKeys", "[ApiKeyForRole!]"},
                                          {"agents", "[Agent!]"}}))
            role.push_back(std::move(extra));
        b.addObjectType({u"Role"_s, std::move(role)});
    }
    {
        std::vector<FieldConfig> key = fields({{"id", "UUID!"},
                                               {"name", "String!"},
                                               {"expiresAt", "DateTime!"},
                                               {"revokedAt", "DateTime"},
                                               {"workspaceId", "UUID!"},
                                               {"createdAt", "DateTime!"},
                                               {"updatedAt", "DateTime!"}});
        FieldConfig role{u"role"_s, u"Role"_s};
        role.batchResolve = resolveKeyRoles;
        key.push_back(std::move(role));
        b.addObjectType({u"ApiKey"_s, std::move(key)});
    }
    b.addObjectType({u"ApiKeyToken"_s, fields({{"token", "String!"}, {"apiKey", "ApiKey"}})});

    // Inputs (§5.1, 6.2–6.4; names as Twenty's clients declare them).
    b.addInputObjectType({u"GetApiKeyInput"_s, inputs({{"id", "UUID!"}})});
    b.addInputObjectType(
        {u"CreateApiKeyInput"_s,
         inputs({{"name", "String!"}, {"expiresAt", "String!"}, {"revokedAt", "String"}, {"roleId", "UUID!"}})});
    b.addInputObjectType(
        {u"UpdateApiKeyInput"_s,
         inputs({{"id", "UUID!"}, {"name", "String"}, {"expiresAt", "String"}, {"revokedAt", "String"}})});
    b.addInputObjectType({u"RevokeApiKeyInput"_s, inputs({{"id", "UUID!"}})});
    b.addInputObjectType({u"RegenerateApiKeyInput"_s, inputs({{"id", "UUID!"}})});
    {
        std::vector<InputValueConfig> create = inputs(
            {{"id", "String"}, {"label", "String!"}, {"description", "String"}, {"icon", "String"}});
        addRoleBooleans(create);
        b.addInputObjectType({u"CreateRoleInput"_s, std::move(create)});
        std::vector<InputValueConfig> update = inputs(
            {{"label", "String"}, {"description", "String"}, {"icon", "String"}});
        addRoleBooleans(update);
        b.addInputObjectType({u"UpdateRolePayload"_s, std::move(update)});
    }
    b.addInputObjectType({u"UpdateRoleInput"_s, inputs({{"id", "UUID!"}, {"update", "UpdateRolePayload!"}})});
    b.addInputObjectType({u"ObjectPermissionInput"_s, inputs({{"objectMetadataId", "UUID!"},
                                                              {"canReadObjectRecords", "Boolean"},
                                                              {"canUpdateObjectRecords", "Boolean"},
                                                              {"canSoftDeleteObjectRecords", "Boolean"},
                                                              {"canDestroyObjectRecords", "Boolean"}})});
    b.addInputObjectType({u"UpsertObjectPermissionsInput"_s,
                          inputs({{"roleId", "UUID!"}, {"objectPermissions", "[ObjectPermissionInput!]!"}})});
    b.addInputObjectType({u"FieldPermissionInput"_s, inputs({{"objectMetadataId", "UUID!"},
                                                             {"fieldMetadataId", "UUID!"},
                                                             {"canReadFieldValue", "Boolean"},
                                                             {"canUpdateFieldValue", "Boolean"}})});
    b.addInputObjectType({u"UpsertFieldPermissionsInput"_s,
                          inputs({{"roleId", "UUID!"}, {"fieldPermissions", "[FieldPermissionInput!]!"}})});
    b.addInputObjectType({u"UpsertPermissionFlagsInput"_s,
                          inputs({{"roleId", "UUID!"}, {"permissionFlagKeys", "[PermissionFlagType!]!"}})});
}

/// A root field whose resolver gets the request context and the arguments.
template<typename Resolve>
FieldConfig root(const QString &name, const QString &type, std::vector<InputValueConfig> args, Resolve resolve)
{
    return {name, type, std::move(args),
            [resolve](const ResolveParams &p) -> FieldResult { return resolve(requestContext(p.context), p.args); }};
}

ApiKeyService &keys(RequestContext &ctx)
{
    return ctx.auth.workspace->apiKeys();
}
RoleService &roles(RequestContext &ctx)
{
    return ctx.auth.workspace->roles();
}

QString str(const QJsonObject &args, QLatin1StringView name)
{
    return args.value(name).toString();
}
QJsonObject obj(const QJsonObject &args, QLatin1StringView name)
{
    return args.value(name).toObject();
}

void addApiKeyFields(std::vector<FieldConfig> &query, std::vector<FieldConfig> &mutation)
{
    auto key = [](RequestContext &ctx, const Result<ApiKey> &result) -> FieldResult {
        if (!result)
            return result.error();
        return keyValue(ctx, *result);
    };
    query.push_back(root(u"apiKeys"_s, u"[ApiKey!]!"_s, {}, [](RequestContext &ctx, const QJsonObject &) -> FieldResult {
        auto list = keys(ctx).list(ctx.auth.actor);
        if (!list)
            return list.error();
        const QString workspaceId = ctx.auth.workspace->id();
        return listValue(*list, [&](JsonWriter &out, const ApiKey &k) { accessjson::writeApiKey(out, k, workspaceId); });
    }));
    // Like Twenty: an unknown id gives null, not an error.
    query.push_back(root(u"apiKey"_s, u"ApiKey"_s, {{u"input"_s, u"GetApiKeyInput!"_s}},
                         [key](RequestContext &ctx, const QJsonObject &args) -> FieldResult {
                             auto found = keys(ctx).get(ctx.auth.actor, str(obj(args, "input"_L1), "id"_L1));
                             if (!found && found.error().kind == ErrorKind::NotFound)
                                 return Value();
                             return key(ctx, found);
                         }));
    mutation.push_back(root(u"createApiKey"_s, u"ApiKey!"_s, {{u"input"_s, u"CreateApiKeyInput!"_s}},
                            [key](RequestContext &ctx, const QJsonObject &args) {
                                return key(ctx, keys(ctx).create(ctx.auth.actor, obj(args, "input"_L1)));
                            }));
    mutation.push_back(root(u"updateApiKey"_s, u"ApiKey"_s, {{u"input"_s, u"UpdateApiKeyInput!"_s}},
                            [key](RequestContext &ctx, const QJsonObject &args) {
                                const QJsonObject input = obj(args, "input"_L1);
                                return key(ctx, keys(ctx).update(ctx.auth.actor, str(input, "id"_L1), input));
                            }));
    mutation.push_back(root(u"revokeApiKey"_s, u"ApiKey"_s, {{u"input"_s, u"RevokeApiKeyInput!"_s}},
                            [key](RequestContext &ctx, const QJsonObject &args) {
                                return key(ctx, keys(ctx).revoke(ctx.auth.actor, str(obj(args, "input"_L1), "id"_L1)));
                            }));
    mutation.push_back(
        root(u"assignRoleToApiKey"_s, u"Boolean!"_s, {{u"apiKeyId"_s, u"UUID!"_s}, {u"roleId"_s, u"UUID!"_s}},
             [](RequestContext &ctx, const QJsonObject &args) -> FieldResult {
                 auto assigned = keys(ctx).assignRole(ctx.auth.actor, str(args, "apiKeyId"_L1), str(args, "roleId"_L1));
                 if (!assigned)
                     return assigned.error();
                 return Value(true);
             }));
    mutation.push_back(root(u"generateApiKeyToken"_s, u"ApiKeyToken"_s,
                            {{u"apiKeyId"_s, u"UUID!"_s}, {u"expiresAt"_s, u"String!"_s}},
                            [](RequestContext &ctx, const QJsonObject &args) -> FieldResult {
                                const QString id = str(args, "apiKeyId"_L1);
                                auto token = keys(ctx).generateToken(ctx.auth.actor, id, str(args, "expiresAt"_L1));
                                if (!token)
                                    return token.error();
                                auto found = keys(ctx).get(ctx.auth.actor, id);
                                if (!found)
                                    return found.error();
                                return tokenValue(ctx, *token, *found);
                            }));
    // §5.5: one transaction in the service; the token is in this answer only.
    mutation.push_back(root(u"regenerateApiKey"_s, u"ApiKeyToken!"_s, {{u"input"_s, u"RegenerateApiKeyInput!"_s}},
                            [](RequestContext &ctx, const QJsonObject &args) -> FieldResult {
                                auto issued = keys(ctx).regenerate(ctx.auth.actor, str(obj(args, "input"_L1), "id"_L1));
                                if (!issued)
                                    return issued.error();
                                return tokenValue(ctx, issued->token, issued->key);
                            }));
}

void addRoleFields(std::vector<FieldConfig> &query, std::vector<FieldConfig> &mutation)
{
    auto role = [](const Result<Role> &result) -> FieldResult {
        if (!result)
            return result.error();
        return roleValue(*result);
    };
    query.push_back(root(u"getRoles"_s, u"[Role!]!"_s, {}, [](RequestContext &ctx, const QJsonObject &) -> FieldResult {
        auto list = roles(ctx).list(ctx.auth.actor);
        if (!list)
            return list.error();
        return listValue(*list, accessjson::writeRole);
    }));
    mutation.push_back(root(u"createOneRole"_s, u"Role!"_s, {{u"createRoleInput"_s, u"CreateRoleInput!"_s}},
                            [role](RequestContext &ctx, const QJsonObject &args) {
                                return role(roles(ctx).create(ctx.auth.actor, obj(args, "createRoleInput"_L1)));
                            }));
    mutation.push_back(root(u"updateOneRole"_s, u"Role!"_s, {{u"updateRoleInput"_s, u"UpdateRoleInput!"_s}},
                            [role](RequestContext &ctx, const QJsonObject &args) {
                                const QJsonObject input = obj(args, "updateRoleInput"_L1);
                                return role(
                                    roles(ctx).update(ctx.auth.actor, str(input, "id"_L1), obj(input, "update"_L1)));
                            }));
    mutation.push_back(root(u"deleteOneRole"_s, u"String!"_s, {{u"roleId"_s, u"UUID!"_s}},
                            [](RequestContext &ctx, const QJsonObject &args) -> FieldResult {
                                auto removed = roles(ctx).remove(ctx.auth.actor, str(args, "roleId"_L1));
                                if (!removed)
                                    return removed.error();
                                return Value(*removed);
                            }));
    // §6.4: the answer is the member as the roles now list it.
    mutation.push_back(
        root(u"updateWorkspaceMemberRole"_s, u"WorkspaceMember!"_s,
             {{u"workspaceMemberId"_s, u"UUID!"_s}, {u"roleId"_s, u"UUID!"_s}},
             [](RequestContext &ctx, const QJsonObject &args) -> FieldResult {
                 const QString memberId = str(args, "workspaceMemberId"_L1).toLower();
                 VINGT_TRY(roles(ctx).assignToWorkspaceMember(ctx.auth.actor, memberId, str(args, "roleId"_L1)));
                 auto all = roles(ctx).list(Actor::system());
                 if (!all)
                     return all.error();
                 for (const Role &each : *all) {
                     for (const RoleMember &member : each.workspaceMembers) {
                         if (member.id == memberId)
                             return jsonValue([&](JsonWriter &out) { accessjson::writeWorkspaceMember(out, member); });
                     }
                 }
                 return Error::notFound(u"Workspace member '%1' not found"_s.arg(memberId));
             }));
    // The three upserts: `<name>(<name>Input: Upsert...Input!)` with `{roleId, <list>}`, answering the role's entries.
    auto upsert = [&mutation](const QString &name, const QString &argument, const QString &inputType,
                              const QString &resultType, QLatin1StringView list, auto call, auto write) {
        mutation.push_back(root(
            name, resultType, {{argument, inputType}},
            [argument, list, call, write](RequestContext &ctx, const QJsonObject &args) -> FieldResult {
                const QJsonObject input = args.value(argument).toObject();
                auto result = (roles(ctx).*call)(ctx.auth.actor, str(input, "roleId"_L1), input.value(list).toArray());
                if (!result)
                    return result.error();
                return listValue(*result, write);
            }));
    };
    upsert(u"upsertObjectPermissions"_s, u"upsertObjectPermissionsInput"_s, u"UpsertObjectPermissionsInput!"_s,
           u"[ObjectPermission!]!"_s, "objectPermissions"_L1, &RoleService::upsertObjectPermissions,
           accessjson::writeObjectPermission);
    upsert(u"upsertFieldPermissions"_s, u"upsertFieldPermissionsInput"_s, u"UpsertFieldPermissionsInput!"_s,
           u"[FieldPermission!]!"_s, "fieldPermissions"_L1, &RoleService::upsertFieldPermissions,
           accessjson::writeFieldPermission);
    upsert(u"upsertPermissionFlags"_s, u"upsertPermissionFlagsInput"_s, u"UpsertPermissionFlagsInput!"_s,
           u"[PermissionFlag!]!"_s, "permissionFlagKeys"_L1, &RoleService::upsertPermissionFlags,
           accessjson::writePermissionFlag);
}

} // namespace

void addAccessSchema(MetadataSchemaParts &parts)
{
    addTypes(parts.builder);
    addApiKeyFields(parts.queryFields, parts.mutationFields);
    addRoleFields(parts.queryFields, parts.mutationFields);
}

} // namespace vingt::graphqlapi
