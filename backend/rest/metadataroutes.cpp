#include "rest/metadataroutes.h"

#include "core/json.h"
#include "core/jsonwriter.h"
#include "core/uuid.h"
#include "model/metadatajson.h"
#include "rest/restbody.h"
#include "rest/resterror.h"
#include "services/workspace.h"

namespace vingt::rest {

using namespace Qt::StringLiterals;

namespace {

struct Item {
    const ObjectMetadata *object;
    const FieldMetadata *field; ///< null for objects
    const QString &id() const { return field ? field->id : object->id; }
};

/// GET list: `limit` (default/max from settings, clamped), `starting_after` / `ending_before` (plain ids).
http::Response list(const std::vector<Item> &items, bool objects, const QueryParams &params, const AuthContext &auth)
{
    const Settings &settings = auth.workspace->settings();
    const int maxLimit = int(settings.value(u"metadata.restMaxLimit"_s));
    auto parsedLimit = limitParameter(params, int(settings.value(u"metadata.restDefaultLimit"_s)), maxLimit);
    if (!parsedLimit)
        return errorResponse(parsedLimit.error());
    const int limit = parsedLimit->value;
    const bool after = params.contains(u"starting_after"_s);
    const bool before = params.contains(u"ending_before"_s);
    if (after && before)
        return errorResponse(Error::badRequest(u"Only one of 'endingBefore' and 'startingAfter' may be provided"_s));
    auto indexOf = [&](const QString &cursor) -> int {
        for (int i = 0; i < int(items.size()); ++i) {
            if (items[std::size_t(i)].id().compare(cursor, Qt::CaseInsensitive) == 0)
                return i;
        }
        return -1;
    };
    int begin = 0;
    int end = int(items.size());
    bool hasNext = false;
    bool hasPrevious = false;
    if (before) {
        const QString cursor = params.value(u"ending_before"_s);
        end = indexOf(cursor);
        if (end < 0)
            return errorResponse(Error::badRequest(u"Cursor '%1' of 'ending_before' matches no item"_s.arg(cursor)));
        begin = std::max(0, end - limit);
        hasPrevious = begin > 0;
    } else {
        if (after) {
            const QString cursor = params.value(u"starting_after"_s);
            const int at = indexOf(cursor);
            if (at < 0)
                return errorResponse(
                    Error::badRequest(u"Cursor '%1' of 'starting_after' matches no item"_s.arg(cursor)));
            begin = at + 1;
        }
        end = std::min(int(items.size()), begin + limit);
        hasNext = end < int(items.size());
    }
    JsonWriter out;
    out.beginObject();
    out.key("data"_L1);
    out.beginObject();
    out.key(objects ? "objects"_L1 : "fields"_L1);
    out.beginArray();
    for (int i = begin; i < end; ++i) {
        const Item &item = items[std::size_t(i)];
        if (objects)
            metadatajson::writeObject(out, *auth.model, *item.object, true);
        else
            metadatajson::writeField(out, *auth.model, *item.object, *item.field);
    }
    out.endArray();
    out.endObject();
    out.key("pageInfo"_L1);
    out.beginObject();
    out.key("hasNextPage"_L1);
    out.value(hasNext);
    out.key("hasPreviousPage"_L1);
    out.value(hasPrevious);
    out.key("startCursor"_L1);
    if (begin < end)
        out.value(QStringView(items[std::size_t(begin)].id()));
    else
        out.null();
    out.key("endCursor"_L1);
    if (begin < end)
        out.value(QStringView(items[std::size_t(end - 1)].id()));
    else
        out.null();
    out.endObject();
    out.key("totalCount"_L1);
    out.value(int(items.size()));
    out.endObject();
    http::Response response;
    response.status = 200;
    response.body = out.take();
    if (parsedLimit->clamped)
        response.setHeader("X-Vingt-Limit-Clamped", QByteArray::number(maxLimit));
    return response;
}

} // namespace

QByteArray MetadataRoutes::allowedMethods(const QStringList &segments)
{
    const QString kind = segments.value(0);
    if (kind != "objects"_L1 && kind != "fields"_L1)
        return {};
    switch (segments.size()) {
    case 1: return "GET,POST";
    case 2: return "GET,PATCH,PUT,DELETE";
    default: return {};
    }
}

bool MetadataRoutes::isChange(const QByteArray &method)
{
    return method == "POST" || method == "PATCH" || method == "PUT" || method == "DELETE";
}

http::Response MetadataRoutes::handle(const http::Request &request, const QStringList &segments,
                                      const QueryParams &params, const AuthContext &auth)
{
    const QByteArray &method = request.method;
    const bool objects = segments[0] == "objects"_L1;
    const bool isList = segments.size() == 1 && method != "POST";
    const QStringList known = isList ? QStringList{u"limit"_s, u"starting_after"_s, u"ending_before"_s, u"token"_s}
                                     : QStringList{u"token"_s};
    for (const QString &name : params.names()) {
        if (!known.contains(name))
            return errorResponse(Error::badRequest(unknownParameterMessage(name, known)));
    }
    MetadataService &service = auth.workspace->metadata();
    const Actor &actor = auth.actor;

    if (segments.size() == 1) {
        if (method == "POST") {
            auto body = objectBody(request);
            if (!body)
                return errorResponse(body.error());
            if (objects) {
                auto created = service.createObject(actor, *body);
                if (!created)
                    return errorResponse(created.error());
                return envelope(201, "createOneObject"_L1, [&](JsonWriter &out) {
                    metadatajson::writeObject(out, *created->model, *created->object, true);
                });
            }
            auto created = service.createField(actor, *body);
            if (!created)
                return errorResponse(created.error());
            return envelope(201, "createOneField"_L1, [&](JsonWriter &out) {
                metadatajson::writeField(out, *created->model, *created->object, *created->field);
            });
        }
        std::vector<Item> items;
        for (const ObjectMetadata &object : auth.model->objects()) {
            if (objects) {
                items.push_back({&object, nullptr});
                continue;
            }
            for (const FieldMetadata &field : object.fields)
                items.push_back({&object, &field});
        }
        return list(items, objects, params, auth);
    }

    const QString id = segments[1];
    if (!uuid::isValid(id))
        return errorResponse(Error::badRequest(u"'%1' is not a valid UUID"_s.arg(id)));
    const QString notFound = objects ? u"Object metadata not found"_s : u"Field metadata not found"_s;
    if (method == "PATCH" || method == "PUT") {
        auto body = objectBody(request);
        if (!body)
            return errorResponse(body.error());
        if (objects) {
            auto updated = service.updateObject(actor, id, *body);
            if (!updated)
                return errorResponse(updated.error());
            return envelope(200, "updateOneObject"_L1, [&](JsonWriter &out) {
                metadatajson::writeObject(out, *updated->model, *updated->object, true);
            });
        }
        auto updated = service.updateField(actor, id, *body);
        if (!updated)
            return errorResponse(updated.error());
        return envelope(200, "updateOneField"_L1, [&](JsonWriter &out) {
            metadatajson::writeField(out, *updated->model, *updated->object, *updated->field);
        });
    }
    if (method == "DELETE") {
        if (objects) {
            auto result = service.deleteObject(actor, id);
            if (!result)
                return errorResponse(result.error());
        } else {
            auto result = service.deleteField(actor, id);
            if (!result)
                return errorResponse(result.error());
        }
        return envelope(200, objects ? "deleteOneObject"_L1 : "deleteOneField"_L1, [&](JsonWriter &out) {
            out.beginObject();
            out.key("id"_L1);
            out.value(QStringView(id));
            out.endObject();
        });
    }
    if (objects) {
        const ObjectMetadata *object = auth.model->objectById(id.toLower());
        if (!object)
            return errorResponse(Error::notFound(notFound));
        return envelope(200, "object"_L1,
                        [&](JsonWriter &out) { metadatajson::writeObject(out, *auth.model, *object, true); });
    }
    // Not a structured binding: clang 14 (the fuzz build) cannot capture one in a lambda.
    const auto found = auth.model->fieldById(id.toLower());
    if (!found.second)
        return errorResponse(Error::notFound(notFound));
    return envelope(200, "field"_L1,
                    [&](JsonWriter &out) { metadatajson::writeField(out, *auth.model, *found.first, *found.second); });
}

} // namespace vingt::rest
