#include "rest/coreroutes.h"

#include "core/json.h"
#include "core/jsonwriter.h"
#include "core/uuid.h"
#include "query/orderby.h"
#include "query/restfilterparser.h"
#include "rest/restbody.h"
#include "rest/resterror.h"
#include "services/workspace.h"

#include <cmath>
#include <limits>

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
    routes::CoreRouteMatch match;
    if (!routes::matchCoreRoute(method, segments, match))
        return invalidPath(rawPath);
    if (!match.route) {
        Error error{ErrorKind::MethodNotAllowed, u"Cannot %1 %2"_s.arg(QString::fromLatin1(method), rawPath), {}};
        error.code = QString::fromLatin1(match.allowedMethods);
        return error;
    }
    if (!match.id.isEmpty() && !uuid::isValid(match.id))
        return notUuid(match.id);
    CorePath path;
    path.kind = match.shape;
    path.route = match.route;
    path.object = std::move(match.object);
    path.id = std::move(match.id);
    path.allowedMethods = std::move(match.allowedMethods);
    return path;
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

/// `limit` (§1.5 wording): an integer >= 0, or `fallback` when absent.
Result<int> limitParam(const QueryParams &params, int fallback)
{
    if (!params.contains(u"limit"_s))
        return fallback;
    const QString text = params.value(u"limit"_s);
    bool ok = false;
    const qlonglong limit = text.toLongLong(&ok);
    if (!ok || limit < 0)
        return Error::badRequest(u"limit '%1' is invalid. Should be an integer"_s.arg(text));
    return int(std::min<qlonglong>(limit, std::numeric_limits<int>::max()));
}

Result<std::vector<OrderTerm>> orderParam(const QueryParams &params, const QString &name)
{
    if (!params.contains(name))
        return std::vector<OrderTerm>();
    return parseRestOrderBy(params.value(name));
}

void writeJsonValue(JsonWriter &out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined: out.null(); return;
    case QJsonValue::Bool: out.value(value.toBool()); return;
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (d == std::floor(d) && std::fabs(d) < 9e15)
            out.value(std::int64_t(d));
        else
            out.value(d);
        return;
    }
    case QJsonValue::String: out.value(QStringView(value.toString())); return;
    default: out.raw(json::serialize(value)); return;
    }
}

void writeRecordArray(JsonWriter &out, const AuthContext &auth, const ObjectMetadata &object,
                      const std::vector<Record> &records, const Projection &projection)
{
    out.beginArray();
    for (const Record &record : records)
        RecordJson::write(out, *auth.model, object, record, projection);
    out.endArray();
}

http::Response jsonResponse(int status, JsonWriter &out)
{
    http::Response response;
    response.status = status;
    response.body = out.take();
    return response;
}

/// `"ids"`: an array of strings (UUIDs are checked by the service, naming the bad one).
Result<QStringList> idList(const QJsonValue &value)
{
    const Error invalid = Error::badRequest(u"\"ids\" must be an array of UUIDs"_s);
    if (!value.isArray())
        return invalid;
    QStringList ids;
    for (const QJsonValue &id : value.toArray()) {
        if (!id.isString())
            return invalid;
        ids << id.toString();
    }
    return ids;
}

/// `GET /rest/{plural}/groupBy` (§1.10): a bare array of groups.
http::Response groupByRoute(const QueryParams &params, const AuthContext &auth, const ObjectMetadata &object,
                            const Projection &projection)
{
    Workspace &workspace = *auth.workspace;
    if (params.contains(u"view_id"_s))
        return errorResponse(Error::badRequest(u"View '%1' not found"_s.arg(params.value(u"view_id"_s))));
    GroupByRequest request;
    request.object = &object;
    {
        auto parsed = params.contains(u"group_by"_s) ? json::parse(params.value(u"group_by"_s).toUtf8())
                                                     : Result<QJsonValue>(QJsonValue());
        auto dimensions = groupByFromJson(parsed ? parsed.value() : QJsonValue());
        if (!dimensions)
            return errorResponse(dimensions.error());
        request.groupBy = std::move(dimensions.value());
    }
    if (params.contains(u"aggregate"_s)) {
        auto parsed = json::parse(params.value(u"aggregate"_s).toUtf8());
        const Error invalid = Error::badRequest(
            u"Invalid aggregate query parameter - should be a valid array of aggregate names, e.g. "
            "[\"totalCount\",\"sumAmountAmountMicros\"]"_s);
        if (!parsed || !parsed->isArray())
            return errorResponse(invalid);
        for (const QJsonValue &name : parsed->toArray()) {
            if (!name.isString())
                return errorResponse(invalid);
            request.aggregates << name.toString();
        }
    } else {
        request.aggregates << u"totalCount"_s;
    }
    auto filter = filterParam(params);
    if (!filter)
        return errorResponse(filter.error());
    request.filter = std::move(filter.value());
    auto order = orderParam(params, u"order_by"_s);
    if (!order)
        return errorResponse(order.error());
    request.orderBy = std::move(order.value());
    auto recordOrder = orderParam(params, u"order_by_for_records"_s);
    if (!recordOrder)
        return errorResponse(recordOrder.error());
    request.orderByForRecords = std::move(recordOrder.value());
    if (params.contains(u"include_records_sample"_s)) {
        const QString value = params.value(u"include_records_sample"_s);
        if (value != "true"_L1 && value != "false"_L1) {
            return errorResponse(Error::badRequest(
                u"'include_records_sample=%1' parameter invalid. Allowed values are true, false"_s.arg(value)));
        }
        request.includeRecordsSample = value == "true"_L1;
    }
    auto limit = limitParam(params, workspace.settings().groupByDefaultGroups());
    if (!limit)
        return errorResponse(limit.error());
    request.limit = *limit;

    auto result = workspace.records().groupBy(*auth.model, request, auth.actor);
    if (!result)
        return errorResponse(result.error());
    JsonWriter out;
    out.beginArray();
    for (const RecordGroup &group : result->groups) {
        out.beginObject();
        out.key("groupByDimensionValues"_L1);
        out.beginArray();
        for (const QJsonValue &value : group.dimensionValues)
            writeJsonValue(out, value);
        out.endArray();
        for (qsizetype a = 0; a < result->aggregateNames.size(); ++a) {
            out.key(QStringView(result->aggregateNames[a]));
            writeJsonValue(out, group.aggregates[std::size_t(a)]);
        }
        if (request.includeRecordsSample) {
            out.key("records"_L1);
            writeRecordArray(out, auth, object, group.records, projection);
        }
        out.endObject();
    }
    out.endArray();
    return jsonResponse(200, out);
}

/// Writes `pageInfo` of a page (§1.5).
void writePageInfo(JsonWriter &out, const RecordPage &page)
{
    out.key("pageInfo"_L1);
    out.beginObject();
    out.key("hasNextPage"_L1);
    out.value(page.hasNextPage);
    out.key("hasPreviousPage"_L1);
    out.value(page.hasPreviousPage);
    out.key("startCursor"_L1);
    if (page.records.empty())
        out.null();
    else
        out.value(QStringView(page.cursor(0)));
    out.key("endCursor"_L1);
    if (page.records.empty())
        out.null();
    else
        out.value(QStringView(page.cursor(page.records.size() - 1)));
    out.endObject();
}

/// `POST /rest/{plural}/duplicates` (§1.11): `data` is an array with one connection per input.
http::Response duplicatesRoute(const QJsonObject &body, const AuthContext &auth, const ObjectMetadata &object,
                               const Projection &projection)
{
    DuplicatesRequest request;
    request.object = &object;
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (it.key() != "ids"_L1 && it.key() != "data"_L1)
            return errorResponse(
                Error::badRequest(u"Unknown body field '%1': expected \"ids\" or \"data\""_s.arg(it.key())));
    }
    if (body.contains("ids"_L1)) {
        auto ids = idList(body.value("ids"_L1));
        if (!ids)
            return errorResponse(ids.error());
        request.ids = std::move(ids.value());
    }
    if (body.contains("data"_L1)) {
        const QJsonValue data = body.value("data"_L1);
        if (!data.isArray())
            return errorResponse(Error::badRequest(u"\"data\" must be an array of records"_s));
        request.data = data.toArray();
    }
    auto pages = auth.workspace->records().findDuplicates(*auth.model, request, auth.actor, projection.depth);
    if (!pages)
        return errorResponse(pages.error());
    const QString key = object.nameSingular + u"Duplicates"_s;
    JsonWriter out;
    out.beginObject();
    out.key("data"_L1);
    out.beginArray();
    for (const RecordPage &page : *pages) {
        out.beginObject();
        out.key(QStringView(key));
        writeRecordArray(out, auth, object, page.records, projection);
        out.key("totalCount"_L1);
        out.value(std::int64_t(page.totalCount));
        writePageInfo(out, page);
        out.endObject();
    }
    out.endArray();
    out.endObject();
    return jsonResponse(200, out);
}

/// The body of `PATCH /rest/{plural}/merge` (§1.11).
Result<MergeRequest> mergeRequest(const QJsonObject &body, const ObjectMetadata &object)
{
    MergeRequest request;
    request.object = &object;
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (it.key() != "ids"_L1 && it.key() != "conflictPriorityIndex"_L1 && it.key() != "dryRun"_L1) {
            return Error::badRequest(u"Unknown body field '%1': expected \"ids\", \"conflictPriorityIndex\" or "
                                     "\"dryRun\""_s.arg(it.key()));
        }
    }
    auto ids = idList(body.value("ids"_L1));
    if (!ids)
        return ids.error();
    request.ids = std::move(ids.value());
    const QJsonValue index = body.value("conflictPriorityIndex"_L1);
    if (!index.isDouble() || index.toDouble() != std::floor(index.toDouble()))
        return Error::badRequest(u"\"conflictPriorityIndex\" must be an integer"_s);
    request.conflictPriorityIndex = int(std::clamp(index.toDouble(), -1.0, 1e6));
    const QJsonValue dryRun = body.value("dryRun"_L1);
    if (!dryRun.isUndefined() && !dryRun.isNull() && !dryRun.isBool())
        return Error::badRequest(u"\"dryRun\" must be a boolean"_s);
    request.dryRun = dryRun.toBool(false);
    return request;
}

http::Response dispatch(const http::Request &request, const CorePath &path, const QueryParams &params,
                        const AuthContext &auth, const ObjectMetadata &object)
{
    Workspace &workspace = *auth.workspace;
    RecordService &records = workspace.records();
    const Settings &settings = workspace.settings();
    const DataModel &model = *auth.model;
    // Status and `data` key come from the route table, the one the OpenAPI document describes (§1.1, §9).
    const routes::CoreRoute &route = *path.route;
    const QString key = routes::expandName(route.dataKey, object);

    auto options = readOptions(params);
    if (!options)
        return errorResponse(options.error());
    auto projection = records.projection(object, options->fields, options->depth, options->omitNullValues,
                                         settings.restMaxFieldsReturned(), auth.actor);
    if (!projection)
        return errorResponse(projection.error());
    Envelope envelope(auth, object, *projection);

    using Op = routes::CoreOperation;
    switch (route.operation) {
    case Op::GroupBy: return groupByRoute(params, auth, object, *projection);
    case Op::FindDuplicates: {
        auto body = objectBody(request);
        if (!body)
            return errorResponse(body.error());
        return duplicatesRoute(*body, auth, object, *projection);
    }
    case Op::Merge: {
        auto body = objectBody(request);
        if (!body)
            return errorResponse(body.error());
        auto merge = mergeRequest(*body, object);
        if (!merge)
            return errorResponse(merge.error());
        auto record = records.merge(model, *merge, auth.actor, options->depth);
        if (!record)
            return errorResponse(record.error());
        envelope.record(key, *record);
        return envelope.finish(route.status);
    }
    case Op::CreateMany: {
        auto body = parseBody(request);
        if (!body)
            return errorResponse(body.error());
        if (!body->isArray())
            return errorResponse(Error::badRequest(u"Body must be an array"_s));
        auto created = records.create(model, object, body->toArray(), params.value(u"upsert"_s) == "true"_L1,
                                      auth.actor, options->depth);
        if (!created)
            return errorResponse(created.error());
        envelope.records(key, *created);
        return envelope.finish(route.status);
    }
    case Op::FindOne: {
        auto record = records.findOne(model, object, path.id, options->depth, auth.actor);
        if (!record)
            return errorResponse(record.error());
        envelope.record(key, *record);
        return envelope.finish(route.status);
    }
    case Op::UpdateOne: {
        auto body = objectBody(request);
        if (!body)
            return errorResponse(body.error());
        auto record = records.updateOne(model, object, path.id, *body, auth.actor, options->depth);
        if (!record)
            return errorResponse(record.error());
        envelope.record(key, *record);
        return envelope.finish(route.status);
    }
    case Op::DeleteOne: {
        // DELETE destroys unless soft_delete=true (§1.9, §13.1).
        const bool soft = params.value(u"soft_delete"_s) == "true"_L1;
        auto record = records.deleteOne(model, object, path.id, soft, auth.actor);
        if (!record)
            return errorResponse(record.error());
        envelope.ids(key, {*record}, true);
        JsonWriter &out = envelope.closeData();
        if (soft) {
            out.key("softDelete"_L1);
            out.value(true);
        }
        return envelope.finish(route.status, out);
    }
    case Op::RestoreOne: {
        auto record = records.restoreOne(model, object, path.id, auth.actor, options->depth);
        if (!record)
            return errorResponse(record.error());
        envelope.record(key, *record);
        return envelope.finish(route.status);
    }
    case Op::RestoreMany: {
        auto filter = filterParam(params);
        if (!filter)
            return errorResponse(filter.error());
        auto restored = records.restoreMany(model, object, *filter, auth.actor, options->depth);
        if (!restored)
            return errorResponse(restored.error());
        envelope.records(key, *restored);
        return envelope.finish(route.status);
    }
    case Op::CreateOne: {
        auto body = parseBody(request);
        if (!body)
            return errorResponse(body.error());
        if (!body->isObject())
            return errorResponse(Error::badRequest(u"Body must be a JSON object"_s));
        auto created = records.create(model, object, QJsonArray{*body}, params.value(u"upsert"_s) == "true"_L1,
                                      auth.actor, options->depth);
        if (!created)
            return errorResponse(created.error());
        envelope.record(key, created->front());
        return envelope.finish(route.status);
    }
    case Op::UpdateMany:
    case Op::DeleteMany:
    case Op::FindMany: break;
    }

    // Collection routes that take a filter.
    auto filter = filterParam(params);
    if (!filter)
        return errorResponse(filter.error());
    if (route.operation == Op::UpdateMany) {
        auto body = objectBody(request);
        if (!body)
            return errorResponse(body.error());
        auto updated = records.updateMany(model, object, *filter, *body, auth.actor, options->depth);
        if (!updated)
            return errorResponse(updated.error());
        envelope.records(key, *updated);
        return envelope.finish(route.status);
    }
    if (route.operation == Op::DeleteMany) {
        const bool soft = params.value(u"soft_delete"_s) == "true"_L1;
        auto deleted = records.deleteMany(model, object, *filter, soft, auth.actor);
        if (!deleted)
            return errorResponse(deleted.error());
        envelope.ids(key, *deleted, false);
        return envelope.finish(route.status);
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
    auto limit = limitParam(params, settings.pageSizeDefault());
    if (!limit)
        return errorResponse(limit.error());
    const bool clamped = *limit > settings.pageSizeMax();
    find.limit = std::min(*limit, settings.pageSizeMax());
    find.startingAfter = params.value(u"starting_after"_s);
    find.endingBefore = params.value(u"ending_before"_s);
    auto page = records.findMany(model, find, auth.actor);
    if (!page)
        return errorResponse(page.error());
    envelope.records(key, page->records);
    JsonWriter &out = envelope.closeData();
    out.key("totalCount"_L1);
    out.value(std::int64_t(page->totalCount));
    writePageInfo(out, *page);
    http::Response response = envelope.finish(route.status, out);
    if (clamped)
        response.setHeader("X-Vingt-Limit-Clamped", QByteArray::number(settings.pageSizeMax()));
    return response;
}

} // namespace

const QStringList &CoreRoutes::knownParameters()
{
    static const QStringList known = coreRestParameters();
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
