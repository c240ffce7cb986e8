#include "rest/apikeyroutes.h"

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

http::Response keyResponse(int status, const Result<ApiKey> &key, const QString &workspaceId)
{
    if (!key)
        return errorResponse(key.error());
    JsonWriter out;
    accessjson::writeApiKey(out, *key, workspaceId);
    return jsonResponse(status, out.take());
}

} // namespace

QByteArray ApiKeyRoutes::allowedMethods(const QStringList &segments, bool legacy)
{
    if (segments.value(0) != "apiKeys"_L1)
        return {};
    switch (segments.size()) {
    case 1: return "GET,POST";
    case 2: return "GET,PATCH,PUT,DELETE";
    case 3:
        if (segments[2] == "regenerate"_L1 || segments[2] == "role"_L1 || (legacy && segments[2] == "revoke"_L1))
            return "POST";
        return {};
    default: return {};
    }
}

http::Response ApiKeyRoutes::handle(const http::Request &request, const QStringList &segments,
                                    const QueryParams &params, const AuthContext &auth)
{
    // §0.4: unknown query parameters; only `token` applies here.
    static const QStringList known{u"token"_s};
    for (const QString &name : params.names()) {
        if (!known.contains(name))
            return errorResponse(Error::badRequest(unknownParameterMessage(name, known)));
    }
    ApiKeyService &keys = auth.workspace->apiKeys();
    const Actor &actor = auth.actor;
    const QString &workspaceId = auth.workspace->id();
    const QByteArray &method = request.method;

    if (segments.size() == 1) {
        if (method == "POST") {
            auto body = objectBody(request);
            if (!body)
                return errorResponse(body.error());
            return keyResponse(201, keys.create(actor, *body), workspaceId);
        }
        auto list = keys.list(actor);
        if (!list)
            return errorResponse(list.error());
        JsonWriter out;
        out.beginArray();
        for (const ApiKey &key : *list)
            accessjson::writeApiKey(out, key, workspaceId);
        out.endArray();
        return jsonResponse(200, out.take());
    }

    const QString id = segments[1];
    if (!uuid::isValid(id))
        return errorResponse(Error::badRequest(u"'%1' is not a valid UUID"_s.arg(id)));
    if (segments.size() == 2) {
        if (method == "PATCH" || method == "PUT") {
            auto body = objectBody(request);
            if (!body)
                return errorResponse(body.error());
            return keyResponse(200, keys.update(actor, id, *body), workspaceId);
        }
        if (method == "DELETE") // §5.2: DELETE revokes and keeps the row
            return keyResponse(200, keys.revoke(actor, id), workspaceId);
        return keyResponse(200, keys.get(actor, id), workspaceId);
    }

    const QString &action = segments[2];
    if (action == "revoke"_L1)
        return keyResponse(200, keys.revoke(actor, id), workspaceId);
    if (action == "regenerate"_L1) {
        // §5.5: the token is in this response only.
        auto issued = keys.regenerate(actor, id);
        if (!issued)
            return errorResponse(issued.error());
        JsonWriter out;
        out.beginObject();
        out.key("data"_L1);
        out.beginObject();
        out.key("regenerateApiKey"_L1);
        out.beginObject();
        out.key("apiKey"_L1);
        accessjson::writeApiKey(out, issued->key, workspaceId);
        out.key("token"_L1);
        out.value(QLatin1StringView(issued->token));
        out.endObject();
        out.endObject();
        out.endObject();
        return jsonResponse(201, out.take());
    }
    // action == "role" (§6.5): {"roleId": "..."}
    auto body = objectBody(request);
    if (!body)
        return errorResponse(body.error());
    for (auto it = body->begin(); it != body->end(); ++it) {
        if (it.key() != "roleId"_L1)
            return errorResponse(Error::badRequest(u"Field '%1' not found on object 'apiKey'"_s.arg(it.key())));
    }
    const QJsonValue roleId = body->value("roleId"_L1);
    if (roleId.isUndefined() || roleId.isNull())
        return errorResponse(Error::badRequest(u"Field 'roleId' is required"_s));
    if (!roleId.isString() || !uuid::isValid(roleId.toString())) {
        return errorResponse(Error::badRequest(u"Field 'roleId' expects a UUID, got '%1'"_s.arg(
            roleId.isString() ? roleId.toString() : QString::fromUtf8(json::serialize(roleId)))));
    }
    auto assigned = keys.assignRole(actor, id, roleId.toString());
    if (!assigned)
        return errorResponse(assigned.error());
    return jsonResponse(200, R"({"data":{"assignRoleToApiKey":true}})");
}

} // namespace vingt::rest
