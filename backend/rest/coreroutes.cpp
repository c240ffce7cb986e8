#include "rest/coreroutes.h"

#include "core/json.h"
#include "core/jsonwriter.h"
#include "core/uuid.h"
#include "query/orderby.h"
#include "query/restfilterparser.h"
#include "rest/resterror.h"
#include "rest/restjson.h"
#include "services/workspace.h"

namespace vingt::rest {

using namespace Qt::StringLiterals;

namespace {

Error invalidPath(const QString &rawPath)
{
    return Error::badRequest(u"Query path '%1' invalid. Valid examples: /rest/companies/id or /rest/companies or "
                             "/rest/batch/companies"_s.arg(rawPath));
}

Error notUuid(const QString &id)
{
    return Error::badRequest(u"'%1' is not a valid UUID"_s.arg(id));
}

} // namespace

Result<CorePath> parseCorePath(const QByteArray &method, const QStringList &segments, const QString &rawPath)
{
    const bool patch = method == "PATCH";
    CorePath path;
    auto finish = [&](CorePath::Kind kind, QString object, QString id, QByteArray allowed) -> Result<CorePath> {
        path.kind = kind;
        path.object = std::move(object);
        path.id = std::move(id);
        path.allowedMethods = std::move(allowed);
        if (!path.allowedMethods.split(',').contains(method == "HEAD" ? QByteArray("GET") : method)) {
            Error error{ErrorKind::MethodNotAllowed, u"Cannot %1 %2"_s.arg(QString::fromLatin1(method), rawPath), {}};
            error.code = QString::fromLatin1(path.allowedMethods);
            return error;
        }
        if (!path.id.isEmpty() && !uuid::isValid(path.id))
            return notUuid(path.id);
        return path;
    };
    const qsizetype n = segments.size();
    // Match the specific suffixes before the generic {id} (§1.1); on PATCH, ['restore', x(, id)] is the older form.
    if (n == 1)
        return finish(CorePath::Kind::Collection, segments[0], {}, "GET,POST,PATCH,PUT,DELETE");
    if (n == 2) {
        if (segments[0] == "batch"_L1)
            return finish(CorePath::Kind::Batch, segments[1], {}, "POST");
        if (patch && segments[0] == "restore"_L1)
            return finish(CorePath::Kind::RestoreMany, segments[1], {}, "PATCH");
        if (segments[1] == "duplicates"_L1)
            return finish(CorePath::Kind::Duplicates, segments[0], {}, "POST");
        if (segments[1] == "groupBy"_L1)
            return finish(CorePath::Kind::GroupBy, segments[0], {}, "GET");
        if (segments[1] == "merge"_L1)
            return finish(CorePath::Kind::Merge, segments[0], {}, "PATCH");
        if (segments[1] == "restore"_L1)
            return finish(CorePath::Kind::RestoreMany, segments[0], {}, "PATCH");
        return finish(CorePath::Kind::One, segments[0], segments[1], "GET,PATCH,PUT,DELETE");
    }
    if (n == 3 && patch) {
        if (segments[0] == "restore"_L1)
            return finish(CorePath::Kind::RestoreOne, segments[1], segments[2], "PATCH");
        if (segments[2] == "restore"_L1)
            return finish(CorePath::Kind::RestoreOne, segments[0], segments[1], "PATCH");
    }
    if (n == 3 && segments[2] == "restore"_L1)
        return finish(CorePath::Kind::RestoreOne, segments[0], segments[1], "PATCH");
    return invalidPath(rawPath);
}

namespace {

/// Parameters every record-returning route understands, already validated.
struct ReadOptions {
    int depth = 0;
    std::optional<QStringList> fields;
    bool omitNullValues = false;
};

Result<ReadOptions> readOptions(const QueryParams &params)
{
    ReadOptions options;
    if (params.contains(u"depth"_s)) {
        const QString depth = params.value(u"depth"_s);
        if (depth != "0"_L1 && depth != "1"_L1)
            return Error::badRequest(u"'depth=%1' parameter invalid. Allowed values are 0, 1"_s.arg(depth));
        options.depth = depth.toInt();
    }
    if (params.contains(u"fields"_s))
        options.fields = params.value(u"fields"_s).split(u',', Qt::SkipEmptyParts);
    options.omitNullValues = params.value(u"omit_null_values"_s) == "true"_L1;
    return options;
}

Result<std::optional<FilterNode>> filterParam(const QueryParams &params)
{
    const QString text = params.value(u"filter"_s).trimmed();
    if (text.isEmpty())
        return std::optional<FilterNode>();
    auto filter = parseRestFilter(text);
    if (!filter)
        return filter.error();
    return std::optional<FilterNode>(std::move(filter.value()));
}

/// Writes `{"data":{"<key>": record}}` or `{"data":{"<key>": [records]}}`.
class Envelope
{
public:
    Envelope(const AuthContext &auth, const ObjectMetadata &object, const Projection &projection)
        : m_auth(auth)
        , m_object(object)
        , m_projection(projection)
    {
        m_out.beginObject();
        m_out.key("data"_L1);
        m_out.beginObject();
    }
    void record(const QString &key, const Record &record)
    {
        m_out.key(QStringView(key));
        RecordJson::write(m_out, *m_auth.model, m_object, record, m_projection);
    }
    void records(const QString &key, const std::vector<Record> &records)
    {
        m_out.key(QStringView(key));
        m_out.beginArray();
        for (const Record &r : records)
            RecordJson::write(m_out, *m_auth.model, m_object, r, m_projection);
        m_out.endArray();
    }
    void ids(const QString &key, const std::vector<Record> &records, bool single)
    {
        m_out.key(QStringView(key));
        if (!single)
            m_out.beginArray();
        for (const Record &r : records) {
            m_out.beginObject();
            m_out.key("id"_L1);
            m_out.value(QStringView(r.id()));
            m_out.endObject();
        }
        if (!single)
            m_out.endArray();
    }
    JsonWriter &closeData()
    {
        m_out.endObject();
        return m_out;
    }
    http::Response finish(int status, JsonWriter &out)
    {
        out.endObject();
        http::Response response;
        response.status = status;
        response.body = out.take();
        if (m_projection.capped) {
            response.setHeader("X-Twenty-Fields-Capped", "true");
            response.setHeader("X-Twenty-Fields-Max", QByteArray::number(qlonglong(m_projection.fieldIndexes.size())));
        }
        return response;
    }
    http::Response finish(int status) { return finish(status, closeData()); }

private:
    const AuthContext &m_auth;
    const ObjectMetadata &m_object;
    const Projection &m_projection;
    JsonWriter m_out;
};

Result<QJsonValue> parseBody(const http::Request &request)
{
    if (request.body.trimmed().isEmpty())
        return QJsonValue(QJsonValue::Undefined);
    return json::parse(request.body);
}

Result<QJsonObject> requiredObjectBody(const http::Request &request)
{
    auto body = parseBody(request);
    if (!body)
        return body.error();
    if (!body->isObject())
        return Error::badRequest(u"Body must be a JSON object"_s);
    return body->toObject();
}

http::Response dispatch(const http::Request &request, const CorePath &path, const QueryParams &params,
                        const AuthContext &auth, const ObjectMetadata &object)
{
    Workspace &workspace = *auth.workspace;
    RecordService &records = workspace.records();
    const Settings &settings = workspace.settings();
    const DataModel &model = *auth.model;
    const QByteArray &method = request.method;
    const QString singular = pascal(object.nameSingular);
    const QString plural = pascal(object.namePlural);

    auto options = readOptions(params);
    if (!options)
        return errorResponse(options.error());
    auto projection = records.projection(object, options->fields, options->depth, options->omitNullValues,
                                         settings.restMaxFieldsReturned(), auth.actor);
    if (!projection)
        return errorResponse(projection.error());
    Envelope envelope(auth, object, *projection);

    switch (path.kind) {
    case CorePath::Kind::GroupBy: return errorResponse(Error::badRequest(u"'groupBy' is not supported yet"_s));
    case CorePath::Kind::Duplicates: return errorResponse(Error::badRequest(u"'duplicates' is not supported yet"_s));
    case CorePath::Kind::Merge: return errorResponse(Error::badRequest(u"'merge' is not supported yet"_s));
    case CorePath::Kind::Batch: {
        auto body = parseBody(request);
        if (!body)
            return errorResponse(body.error());
        if (!body->isArray())
            return errorResponse(Error::badRequest(u"Body must be an array"_s));
        auto created = records.create(model, object, body->toArray(), params.value(u"upsert"_s) == "true"_L1,
                                      auth.actor, options->depth);
        if (!created)
            return errorResponse(created.error());
        envelope.records(u"create"_s + plural, *created);
        return envelope.finish(201);
    }
    case CorePath::Kind::One: {
        if (method == "GET" || method == "HEAD") {
            auto record = records.findOne(model, object, path.id, options->depth, auth.actor);
            if (!record)
                return errorResponse(record.error());
            envelope.record(object.nameSingular, *record);
            return envelope.finish(200);
        }
        if (method == "PATCH" || method == "PUT") {
            auto body = requiredObjectBody(request);
            if (!body)
                return errorResponse(body.error());
            auto record = records.updateOne(model, object, path.id, *body, auth.actor, options->depth);
            if (!record)
                return errorResponse(record.error());
            envelope.record(u"update"_s + singular, *record);
            return envelope.finish(200);
        }
        // DELETE destroys unless soft_delete=true (§1.9, §13.1).
        const bool soft = params.value(u"soft_delete"_s) == "true"_L1;
        auto record = records.deleteOne(model, object, path.id, soft, auth.actor);
        if (!record)
            return errorResponse(record.error());
        envelope.ids(u"delete"_s + singular, {*record}, true);
        JsonWriter &out = envelope.closeData();
        if (soft) {
            out.key("softDelete"_L1);
            out.value(true);
        }
        return envelope.finish(200, out);
    }
    case CorePath::Kind::RestoreOne: {
        auto record = records.restoreOne(model, object, path.id, auth.actor, options->depth);
        if (!record)
            return errorResponse(record.error());
        envelope.record(u"restore"_s + singular, *record);
        return envelope.finish(200);
    }
    case CorePath::Kind::RestoreMany: {
        auto filter = filterParam(params);
        if (!filter)
            return errorResponse(filter.error());
        auto restored = records.restoreMany(model, object, *filter, auth.actor, options->depth);
        if (!restored)
            return errorResponse(restored.error());
        envelope.records(u"restore"_s + plural, *restored);
        return envelope.finish(200);
    }
    case CorePath::Kind::Collection: break;
    }

    // Collection routes.
    if (method == "POST") {
        auto body = parseBody(request);
        if (!body)
            return errorResponse(body.error());
        if (!body->isObject())
            return errorResponse(Error::badRequest(u"Body must be a JSON object"_s));
        auto created = records.create(model, object, QJsonArray{*body}, params.value(u"upsert"_s) == "true"_L1,
                                      auth.actor, options->depth);
        if (!created)
            return errorResponse(created.error());
        envelope.record(u"create"_s + singular, created->front());
        return envelope.finish(201);
    }
    auto filter = filterParam(params);
    if (!filter)
        return errorResponse(filter.error());
    if (method == "PATCH" || method == "PUT") {
        auto body = requiredObjectBody(request);
        if (!body)
            return errorResponse(body.error());
        auto updated = records.updateMany(model, object, *filter, *body, auth.actor, options->depth);
        if (!updated)
            return errorResponse(updated.error());
        envelope.records(u"update"_s + plural, *updated);
        return envelope.finish(200);
    }
    if (method == "DELETE") {
        const bool soft = params.value(u"soft_delete"_s) == "true"_L1;
        auto deleted = records.deleteMany(model, object, *filter, soft, auth.actor);
        if (!deleted)
            return errorResponse(deleted.error());
        envelope.ids(u"delete"_s + plural, *deleted, false);
        return envelope.finish(200);
    }

    // GET: find many (§1.5).
    FindManyRequest find;
    find.object = &object;
    find.filter = *filter;
    find.depth = options->depth;
    if (params.contains(u"order_by"_s)) {
        auto order = parseRestOrderBy(params.value(u"order_by"_s));
        if (!order)
            return errorResponse(order.error());
        find.orderBy = std::move(order.value());
    }
    auto limit = limitParameter(params, settings.pageSizeDefault(), settings.pageSizeMax());
    if (!limit)
        return errorResponse(limit.error());
    find.limit = limit->value;
    const bool clamped = limit->clamped;
    find.startingAfter = params.value(u"starting_after"_s);
    find.endingBefore = params.value(u"ending_before"_s);
    auto page = records.findMany(model, find, auth.actor);
    if (!page)
        return errorResponse(page.error());
    envelope.records(object.namePlural, page->records);
    JsonWriter &out = envelope.closeData();
    out.key("totalCount"_L1);
    out.value(std::int64_t(page->totalCount));
    out.key("pageInfo"_L1);
    out.beginObject();
    out.key("hasNextPage"_L1);
    out.value(page->hasNextPage);
    out.key("hasPreviousPage"_L1);
    out.value(page->hasPreviousPage);
    out.key("startCursor"_L1);
    if (page->cursors.empty())
        out.null();
    else
        out.value(QStringView(page->cursors.front()));
    out.key("endCursor"_L1);
    if (page->cursors.empty())
        out.null();
    else
        out.value(QStringView(page->cursors.back()));
    out.endObject();
    http::Response response = envelope.finish(200, out);
    if (clamped)
        response.setHeader("X-Vingt-Limit-Clamped", QByteArray::number(settings.pageSizeMax()));
    return response;
}

} // namespace

const QStringList &CoreRoutes::knownParameters()
{
    static const QStringList known{u"filter"_s,
                                   u"order_by"_s,
                                   u"limit"_s,
                                   u"starting_after"_s,
                                   u"ending_before"_s,
                                   u"depth"_s,
                                   u"fields"_s,
                                   u"soft_delete"_s,
                                   u"upsert"_s,
                                   u"omit_null_values"_s,
                                   u"group_by"_s,
                                   u"aggregate"_s,
                                   u"include_records_sample"_s,
                                   u"order_by_for_records"_s,
                                   u"view_id"_s,
                                   u"token"_s};
    return known;
}

http::Response CoreRoutes::handle(const http::Request &request, const CorePath &path, const Result<QueryParams> &params,
                                  const AuthContext &auth)
{
    // §1.2 step 4: object lookup among the active objects' plurals.
    const DataModel &model = *auth.model;
    const ObjectMetadata *object = model.objectByPlural(path.object);
    if (!object) {
        if (const ObjectMetadata *bySingular = model.objectBySingular(path.object)) {
            return errorResponse(Error::badRequest(
                u"object '%1' not found. Did you mean '%2'?"_s.arg(path.object, bySingular->namePlural)));
        }
        return errorResponse(Error::badRequest(u"object '%1' not found. eg: companies"_s.arg(path.object)));
    }
    if (object->isRemote) {
        return errorResponse(
            Error::badRequest(u"object '%1' not found. %1 is not available via REST API."_s.arg(path.object)));
    }
    // §1.3: repeated and unknown parameters, after the path (DECISIONS "HTTP" order of checks).
    if (!params)
        return errorResponse(params.error());
    for (const QString &name : params->names()) {
        if (!knownParameters().contains(name))
            return errorResponse(Error::badRequest(unknownParameterMessage(name, knownParameters())));
    }
    return dispatch(request, path, *params, auth, *object);
}

} // namespace vingt::rest
