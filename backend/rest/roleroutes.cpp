#include "rest/roleroutes.h"

#include "core/json.h"
#include "core/jsonwriter.h"
#include "core/uuid.h"
#include "rest/restbody.h"
#include "rest/resterror.h"
#include "services/accessjson.h"
#include "services/workspace.h"

namespace vingt::rest {

using namespace Qt::StringLiterals;

namespace {

using accessjson::writeArray;
using accessjson::writeFieldPermission;
using accessjson::writeObjectPermission;
using accessjson::writeRole;

/// §6.5: the role id comes from the path; `roleId` (or `id`) in the body must name the same role and is dropped.
Result<QJsonObject> withoutPathId(QJsonObject body, const QString &id)
{
    for (const QLatin1StringView name : {"roleId"_L1, "id"_L1}) {
        if (!body.contains(name))
            continue;
        const QJsonValue value = body.value(name);
        if (!value.isString() || value.toString().compare(id, Qt::CaseInsensitive) != 0) {
            return Error::badRequest(
                u"Field '%1' in the body does not match the role in the path ('%2')"_s.arg(name, id));
        }
        body.remove(name);
    }
    return body;
}

/// The array member `name` of an upsert body, the only member left.
Result<QJsonArray> upsertList(const QJsonObject &body, QLatin1StringView name)
{
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (it.key() != name)
            return Error::badRequest(
                u"Field '%1' not found on the body of this route; send {\"%2\": [...]}"_s.arg(it.key(), name));
    }
    if (!body.value(name).isArray())
        return Error::badRequest(u"Field '%1' is required and must be an array"_s.arg(name));
    return body.value(name).toArray();
}

} // namespace

QByteArray RoleRoutes::allowedMethods(const QStringList &segments)
{
    if (segments.value(0) != "roles"_L1)
        return {};
    switch (segments.size()) {
    case 1: return "GET,POST";
    case 2: return "GET,PATCH,PUT,DELETE";
    case 3:
        if (segments[2] == "objectPermissions"_L1 || segments[2] == "fieldPermissions"_L1
            || segments[2] == "permissionFlags"_L1) {
            return "PUT";
        }
        return {};
    default: return {};
    }
}

http::Response RoleRoutes::handle(const http::Request &request, const QStringList &segments, const QueryParams &params,
                                  const AuthContext &auth)
{
    static const QStringList known{u"token"_s};
    for (const QString &name : params.names()) {
        if (!known.contains(name))
            return errorResponse(Error::badRequest(unknownParameterMessage(name, known)));
    }
    RoleService &roles = auth.workspace->roles();
    const Actor &actor = auth.actor;
    const QByteArray &method = request.method;

    if (segments.size() == 1) {
        if (method == "POST") {
            auto body = objectBody(request);
            if (!body)
                return errorResponse(body.error());
            auto created = roles.create(actor, *body);
            if (!created)
                return errorResponse(created.error());
            return envelope(201, "createOneRole"_L1, [&](JsonWriter &out) { writeRole(out, *created); });
        }
        auto list = roles.list(actor);
        if (!list)
            return errorResponse(list.error());
        return envelope(200, "roles"_L1, [&](JsonWriter &out) { writeArray(out, *list, writeRole); });
    }

    const QString id = segments[1];
    if (!uuid::isValid(id))
        return errorResponse(Error::badRequest(u"'%1' is not a valid UUID"_s.arg(id)));
    if (segments.size() == 2) {
        if (method == "PATCH" || method == "PUT") {
            auto body = objectBody(request);
            if (!body)
                return errorResponse(body.error());
            auto update = withoutPathId(*body, id);
            if (!update)
                return errorResponse(update.error());
            auto updated = roles.update(actor, id, *update);
            if (!updated)
                return errorResponse(updated.error());
            return envelope(200, "updateOneRole"_L1, [&](JsonWriter &out) { writeRole(out, *updated); });
        }
        if (method == "DELETE") {
            auto removed = roles.remove(actor, id);
            if (!removed)
                return errorResponse(removed.error());
            return envelope(200, "deleteOneRole"_L1, [&](JsonWriter &out) { out.value(QStringView(*removed)); });
        }
        auto role = roles.get(actor, id);
        if (!role)
            return errorResponse(role.error());
        return envelope(200, "role"_L1, [&](JsonWriter &out) { writeRole(out, *role); });
    }

    // PUT .../{objectPermissions|fieldPermissions|permissionFlags}
    auto body = objectBody(request);
    if (!body)
        return errorResponse(body.error());
    auto rest = withoutPathId(*body, id);
    if (!rest)
        return errorResponse(rest.error());
    const QString &kind = segments[2];
    if (kind == "objectPermissions"_L1) {
        auto entries = upsertList(*rest, "objectPermissions"_L1);
        if (!entries)
            return errorResponse(entries.error());
        auto result = roles.upsertObjectPermissions(actor, id, *entries);
        if (!result)
            return errorResponse(result.error());
        return envelope(200, "upsertObjectPermissions"_L1,
                        [&](JsonWriter &out) { writeArray(out, *result, writeObjectPermission); });
    }
    if (kind == "fieldPermissions"_L1) {
        auto entries = upsertList(*rest, "fieldPermissions"_L1);
        if (!entries)
            return errorResponse(entries.error());
        auto result = roles.upsertFieldPermissions(actor, id, *entries);
        if (!result)
            return errorResponse(result.error());
        return envelope(200, "upsertFieldPermissions"_L1,
                        [&](JsonWriter &out) { writeArray(out, *result, writeFieldPermission); });
    }
    auto keys = upsertList(*rest, "permissionFlagKeys"_L1);
    if (!keys)
        return errorResponse(keys.error());
    auto result = roles.upsertPermissionFlags(actor, id, *keys);
    if (!result)
        return errorResponse(result.error());
    return envelope(200, "upsertPermissionFlags"_L1,
                    [&](JsonWriter &out) { writeArray(out, *result, accessjson::writePermissionFlag); });
}

} // namespace vingt::rest
