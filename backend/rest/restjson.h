#pragma once

#include "core/jsonwriter.h"
#include "core/result.h"
#include "query/querystring.h"
#include "server/request.h"
#include "server/response.h"

#include <QJsonObject>

namespace vingt::rest {

/// The request body as a JSON object; an empty body is an empty object; anything else → 400.
[[nodiscard]] Result<QJsonObject> objectBody(const http::Request &request);

/// A `limit` query parameter (§1.3, §3.1): `defaultLimit` when absent, clamped to `maxLimit` (`clamped` set);
/// negative or non-numeric → 400 `limit '<x>' is invalid. Should be an integer`.
struct Limit {
    int value = 0;
    bool clamped = false;
};
[[nodiscard]] Result<Limit> limitParameter(const QueryParams &params, int defaultLimit, int maxLimit);

/// `{"data":{"<key>": <written by body>}}` with `status`.
template<typename Body>
[[nodiscard]] http::Response dataEnvelope(int status, QLatin1StringView key, Body body)
{
    JsonWriter out;
    out.beginObject();
    out.key(QLatin1StringView("data"));
    out.beginObject();
    out.key(key);
    body(out);
    out.endObject();
    out.endObject();
    http::Response response;
    response.status = status;
    response.body = out.take();
    return response;
}

} // namespace vingt::rest
