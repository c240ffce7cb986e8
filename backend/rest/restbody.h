#pragma once

#include "core/jsonwriter.h"
#include "core/result.h"
#include "query/querystring.h"
#include "server/request.h"
#include "server/response.h"

#include <QByteArray>
#include <QJsonObject>

namespace vingt::rest {

/// The request body as a JSON object; an empty body is an empty object; anything else → 400 naming the problem.
[[nodiscard]] Result<QJsonObject> objectBody(const http::Request &request);
/// A `limit` query parameter (§1.3, §3.1): `defaultLimit` when absent, clamped to `maxLimit` (`clamped` set);
/// negative or non-numeric → 400 `limit '<x>' is invalid. Should be an integer`.
struct Limit {
    int value = 0;
    bool clamped = false;
};
[[nodiscard]] Result<Limit> limitParameter(const QueryParams &params, int defaultLimit, int maxLimit);
/// A JSON response with this status and body.
[[nodiscard]] http::Response jsonResponse(int status, QByteArray body);
/// `Deprecation` and `Link: <successor>; rel="successor-version"` of the legacy `/rest/apiKeys` and `/rest/webhooks`
/// routes (API-CONTRACT §3.1).
void addDeprecationHeaders(http::Response &response, const QByteArray &successor);
/// `"name": value`, or `"name": null` when the value is empty.
void nullableText(JsonWriter &out, QLatin1StringView name, const QString &value);

/// `{"data":{"<key>": <written by body>}}` (the metadata extension envelopes).
template<typename Body>
http::Response envelope(int status, QLatin1StringView key, Body body)
{
    JsonWriter out;
    out.beginObject();
    out.key(QLatin1StringView("data"));
    out.beginObject();
    out.key(key);
    body(out);
    out.endObject();
    out.endObject();
    return jsonResponse(status, out.take());
}

} // namespace vingt::rest
