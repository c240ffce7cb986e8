#include "rest/restbody.h"

#include "core/json.h"

#include <algorithm>

namespace vingt::rest {

using namespace Qt::StringLiterals;

Result<QJsonObject> objectBody(const http::Request &request)
{
    if (request.body.trimmed().isEmpty())
        return QJsonObject();
    auto body = json::parse(request.body);
    if (!body)
        return body.error();
    if (!body->isObject())
        return Error::badRequest(u"Body must be a JSON object"_s);
    return body->toObject();
}

Result<Limit> limitParameter(const QueryParams &params, int defaultLimit, int maxLimit)
{
    Limit limit{defaultLimit, false};
    if (!params.contains(u"limit"_s))
        return limit;
    const QString text = params.value(u"limit"_s);
    bool ok = false;
    const qlonglong value = text.toLongLong(&ok);
    if (!ok || value < 0)
        return Error::badRequest(u"limit '%1' is invalid. Should be an integer"_s.arg(text));
    limit.clamped = value > maxLimit;
    limit.value = int(std::min<qlonglong>(value, maxLimit));
    return limit;
}

http::Response jsonResponse(int status, QByteArray body)
{
    http::Response response;
    response.status = status;
    response.body = std::move(body);
    return response;
}

void addDeprecationHeaders(http::Response &response, const QByteArray &successor)
{
    response.setHeader("Deprecation", "@1786320000");
    response.setHeader("Link", "<" + successor + ">; rel=\"successor-version\"");
}

void nullableText(JsonWriter &out, QLatin1StringView name, const QString &value)
{
    out.key(name);
    if (value.isEmpty())
        out.null();
    else
        out.value(QStringView(value));
}

} // namespace vingt::rest
