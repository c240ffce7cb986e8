#include "rest/webhookroutes.h"

#include "core/jsonwriter.h"
#include "core/uuid.h"
#include "rest/restbody.h"
#include "rest/resterror.h"
#include "services/workspace.h"

namespace vingt::rest {

using namespace Qt::StringLiterals;

namespace {

/// The entity of §10.1: {id, targetUrl, operations, description, secret, workspaceId, createdAt, updatedAt, deletedAt}.
void writeWebhook(JsonWriter &out, const Webhook &hook, const QString &workspaceId)
{
    out.beginObject();
    out.key("id"_L1);
    out.value(QStringView(hook.id));
    out.key("targetUrl"_L1);
    out.value(QStringView(hook.targetUrl));
    out.key("operations"_L1);
    out.beginArray();
    for (const QString &operation : hook.operations)
        out.value(QStringView(operation));
    out.endArray();
    out.key("description"_L1);
    if (hook.description)
        out.value(QStringView(*hook.description));
    else
        out.null();
    out.key("secret"_L1);
    out.value(QStringView(hook.secret));
    out.key("workspaceId"_L1);
    out.value(QStringView(workspaceId));
    out.key("createdAt"_L1);
    out.value(QStringView(hook.createdAt));
    out.key("updatedAt"_L1);
    out.value(QStringView(hook.updatedAt));
    nullableText(out, "deletedAt"_L1, hook.deletedAt);
    out.endObject();
}

/// A delivery of §10.4 (the stored request and response are the desktop app's, not part of this shape).
void writeDelivery(JsonWriter &out, const WebhookDelivery &d)
{
    out.beginObject();
    out.key("id"_L1);
    out.value(QStringView(d.id));
    out.key("webhookId"_L1);
    out.value(QStringView(d.webhookId));
    out.key("eventName"_L1);
    out.value(QStringView(d.eventName));
    nullableText(out, "recordId"_L1, d.recordId);
    out.key("status"_L1);
    out.value(QStringView(d.status));
    out.key("attempts"_L1);
    out.value(d.attempts);
    out.key("responseCode"_L1);
    if (d.responseCode)
        out.value(*d.responseCode);
    else
        out.null();
    out.key("latencyMs"_L1);
    if (d.latencyMs)
        out.value(std::int64_t(*d.latencyMs));
    else
        out.null();
    nullableText(out, "error"_L1, d.error);
    nullableText(out, "replayOf"_L1, d.replayOf);
    out.key("createdAt"_L1);
    out.value(QStringView(d.createdAt));
    nullableText(out, "lastAttemptAt"_L1, d.lastAttemptAt);
    out.endObject();
}

http::Response webhookResponse(int status, const Result<Webhook> &hook, const QString &workspaceId)
{
    if (!hook)
        return errorResponse(hook.error());
    JsonWriter out;
    writeWebhook(out, *hook, workspaceId);
    return jsonResponse(status, out.take());
}

/// §0.4: only these query parameters.
std::optional<http::Response> checkParameters(const QueryParams &params, const QStringList &known)
{
    for (const QString &name : params.names()) {
        if (!known.contains(name))
            return errorResponse(Error::badRequest(unknownParameterMessage(name, known)));
    }
    return std::nullopt;
}

http::Response listDeliveries(const QString &webhookId, const QueryParams &params, const AuthContext &auth)
{
    static const QStringList known{u"limit"_s, u"starting_after"_s, u"ending_before"_s, u"token"_s};
    if (auto bad = checkParameters(params, known))
        return *bad;
    // §10.4: limit default 60, max 1000 (clamped, with the §12 header).
    constexpr int kDefaultLimit = 60;
    constexpr int kMaxLimit = 1000;
    WebhookDeliveryQuery query;
    query.limit = kDefaultLimit;
    bool clamped = false;
    if (params.contains(u"limit"_s)) {
        const QString text = params.value(u"limit"_s);
        bool ok = false;
        const qlonglong limit = text.toLongLong(&ok);
        if (!ok || limit < 0)
            return errorResponse(Error::badRequest(u"limit '%1' is invalid. Should be an integer"_s.arg(text)));
        clamped = limit > kMaxLimit;
        query.limit = int(std::min<qlonglong>(limit, kMaxLimit));
    }
    query.startingAfter = params.value(u"starting_after"_s);
    query.endingBefore = params.value(u"ending_before"_s);
    auto page = auth.workspace->webhooks().deliveries(auth.actor, webhookId, query);
    if (!page)
        return errorResponse(page.error());
    JsonWriter out;
    out.beginObject();
    out.key("data"_L1);
    out.beginObject();
    out.key("webhookDeliveries"_L1);
    out.beginArray();
    for (const WebhookDelivery &d : page->deliveries)
        writeDelivery(out, d);
    out.endArray();
    out.endObject();
    out.key("totalCount"_L1);
    out.value(std::int64_t(page->totalCount));
    out.key("pageInfo"_L1);
    out.beginObject();
    out.key("hasNextPage"_L1);
    out.value(page->hasNextPage);
    out.key("hasPreviousPage"_L1);
    out.value(page->hasPreviousPage);
    nullableText(out, "startCursor"_L1, page->deliveries.empty() ? QString() : page->deliveries.front().id);
    nullableText(out, "endCursor"_L1, page->deliveries.empty() ? QString() : page->deliveries.back().id);
    out.endObject();
    out.endObject();
    http::Response response = jsonResponse(200, out.take());
    if (clamped)
        response.setHeader("X-Vingt-Limit-Clamped", QByteArray::number(kMaxLimit));
    return response;
}

} // namespace

QByteArray WebhookRoutes::allowedMethods(const QStringList &segments)
{
    if (segments.value(0) != "webhooks"_L1)
        return {};
    switch (segments.size()) {
    case 1: return "GET,POST";
    case 2: return "GET,PATCH,PUT,DELETE";
    case 3:
        if (segments[2] == "deliveries"_L1)
            return "GET";
        return segments[2] == "test"_L1 ? "POST" : QByteArray(); // Vingt extension: send a test event
    case 5: return segments[2] == "deliveries"_L1 && segments[4] == "replay"_L1 ? "POST" : QByteArray();
    default: return {};
    }
}

http::Response WebhookRoutes::handle(const http::Request &request, const QStringList &segments,
                                     const QueryParams &params, const AuthContext &auth)
{
    WebhookService &webhooks = auth.workspace->webhooks();
    const Actor &actor = auth.actor;
    const QString &workspaceId = auth.workspace->id();
    const QByteArray &method = request.method;
    static const QStringList tokenOnly{u"token"_s};

    if (segments.size() == 1) {
        if (auto bad = checkParameters(params, tokenOnly))
            return *bad;
        if (method == "POST") {
            auto body = objectBody(request);
            if (!body)
                return errorResponse(body.error());
            return webhookResponse(201, webhooks.create(actor, *body), workspaceId);
        }
        auto list = webhooks.list(actor);
        if (!list)
            return errorResponse(list.error());
        JsonWriter out;
        out.beginArray();
        for (const Webhook &hook : *list)
            writeWebhook(out, hook, workspaceId);
        out.endArray();
        return jsonResponse(200, out.take());
    }

    const QString id = segments[1];
    if (!uuid::isValid(id))
        return errorResponse(Error::badRequest(u"'%1' is not a valid UUID"_s.arg(id)));
    if (segments.size() == 3 && segments[2] == "deliveries"_L1)
        return listDeliveries(id, params, auth);
    if (auto bad = checkParameters(params, tokenOnly))
        return *bad;
    if (segments.size() == 3) { // POST /{id}/test
        auto queued = webhooks.sendTestEvent(actor, id);
        if (!queued)
            return errorResponse(queued.error());
        return envelope(201, "testWebhookDelivery"_L1, [&](JsonWriter &out) { writeDelivery(out, *queued); });
    }
    if (segments.size() == 5) {
        const QString deliveryId = segments[3];
        if (!uuid::isValid(deliveryId))
            return errorResponse(Error::badRequest(u"'%1' is not a valid UUID"_s.arg(deliveryId)));
        auto replayed = webhooks.replay(actor, id, deliveryId);
        if (!replayed)
            return errorResponse(replayed.error());
        return envelope(201, "replayWebhookDelivery"_L1, [&](JsonWriter &out) { writeDelivery(out, *replayed); });
    }
    if (method == "PATCH" || method == "PUT") {
        auto body = objectBody(request);
        if (!body)
            return errorResponse(body.error());
        return webhookResponse(200, webhooks.update(actor, id, *body), workspaceId);
    }
    if (method == "DELETE") { // §10.1: soft delete, answers `true`
        auto removed = webhooks.remove(actor, id);
        if (!removed)
            return errorResponse(removed.error());
        return jsonResponse(200, "true");
    }
    return webhookResponse(200, webhooks.get(actor, id), workspaceId);
}

} // namespace vingt::rest
