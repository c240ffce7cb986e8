#include "openapi/openapibuilder.h"

#include "openapi/documentparts.h"
#include "services/settings.h"

namespace vingt::openapi {

using namespace Qt::StringLiterals;

namespace parts {

namespace {

constexpr auto kDescription
    = "The REST API of this Vingt workspace, compatible with Twenty's.\n\n"
      "Send an API key with each request: `Authorization: Bearer <token>`. Never put a token in a URL: URLs end up in "
      "logs, browser history and `Referer` headers.\n\n"
      "Lists use cursor pagination (`limit`, `starting_after`, `ending_before`, `pageInfo`); `filter` takes "
      "`field[comparator]:value` items joined with `and(...)`, `or(...)`, `not(...)`."_L1;

QLatin1StringView kindName(DocumentKind kind)
{
    return kind == DocumentKind::Core ? "core"_L1 : "metadata"_L1;
}

QLatin1StringView errorDescription(int status)
{
    switch (status) {
    case 400: return "Bad request: the message names the bad parameter, field or value"_L1;
    case 401: return "Unauthenticated: the token is not valid or has expired"_L1;
    case 403: return "Forbidden: no token, a revoked or expired key, or a missing permission"_L1;
    case 404: return "Not found"_L1;
    case 429: return "Rate limit reached; see Retry-After"_L1;
    default: return "Error"_L1;
    }
}

} // namespace

void writeHead(JsonOut &out, DocumentKind kind, const QString &baseUrl)
{
    out.field("openapi"_L1, "3.1.1"_L1);
    out.object("info"_L1, [&] {
        out.field("title"_L1, "Twenty Api"_L1);
        out.field("description"_L1, kDescription);
        out.field("version"_L1, "v0.1"_L1);
    });
    out.array("servers"_L1, [&] {
        out.object([&] {
            out.field("url"_L1, kind == DocumentKind::Core ? baseUrl + "/rest/"_L1 : baseUrl + "/rest/metadata"_L1);
        });
    });
    out.array("security"_L1, [&] { out.object([&] { out.array("bearerAuth"_L1, [] {}); }); });
}

void writeOpenApiPath(JsonOut &out, DocumentKind kind, const QString &baseUrl)
{
    out.object(u"/open-api/"_s + kindName(kind), [&] {
        out.object("get"_L1, [&] {
            out.strings("tags"_L1, {u"General"_s});
            out.field("summary"_L1, "Get Open Api Schema"_L1);
            out.field("operationId"_L1,
                      kind == DocumentKind::Core ? "GetOpenApiSchema"_L1 : "GetMetadataOpenApiSchema"_L1);
            out.array("servers"_L1, [&] { out.object([&] { out.field("url"_L1, baseUrl); }); });
            out.object("responses"_L1,
                       [&] { writeJsonResponse(out, 200, "This document"_L1, [&] { out.type("object"_L1); }); });
        });
    });
}

void writeSecuritySchemes(JsonOut &out)
{
    out.object("securitySchemes"_L1, [&] {
        out.object("bearerAuth"_L1, [&] {
            out.field("type"_L1, "http"_L1);
            out.field("scheme"_L1, "bearer"_L1);
            out.field("bearerFormat"_L1, "JWT"_L1);
            out.field("description"_L1, "An API key token, sent as `Authorization: Bearer <token>`."_L1);
        });
    });
}

void writeErrorResponses(JsonOut &out)
{
    out.object("responses"_L1, [&] {
        for (int status : {400, 401, 403, 404, 429}) {
            writeJsonResponse(out, status, errorDescription(status), [&] {
                out.object([&] {
                    out.field("type"_L1, "object"_L1);
                    out.object("properties"_L1, [&] {
                        out.property("statusCode"_L1, "integer"_L1);
                        out.property("error"_L1, "string"_L1);
                        out.object("messages"_L1, [&] {
                            out.field("type"_L1, "array"_L1);
                            out.key("items"_L1);
                            out.type("string"_L1);
                        });
                        out.property("code"_L1, "string"_L1);
                    });
                    out.strings("required"_L1, {u"statusCode"_s, u"error"_s, u"messages"_s});
                });
            });
        }
    });
}

void writeErrorRefs(JsonOut &out, std::initializer_list<int> statuses)
{
    for (int status : statuses)
        out.ref(QString::number(status), "responses"_L1, QString::number(status));
}

void writeIdPathParameter(JsonOut &out, QLatin1StringView key, QLatin1StringView name, QLatin1StringView description)
{
    out.object(key, [&] {
        out.field("name"_L1, name);
        out.field("in"_L1, "path"_L1);
        out.field("description"_L1, description);
        out.field("required"_L1, true);
        out.key("schema"_L1);
        out.type("string"_L1, "uuid"_L1);
    });
}

void writeLimitParameter(JsonOut &out, QLatin1StringView key, int defaultValue, int maximum)
{
    const QLatin1StringView description
        = maximum > 0 ? "Page size; larger values are clamped to the maximum (X-Vingt-Limit-Clamped)."_L1
                      : "The number of groups to return."_L1;
    writeQueryParameter(out, key, "limit"_L1, description, [&] {
        out.object([&] {
            out.field("type"_L1, "integer"_L1);
            out.field("minimum"_L1, 0);
            if (maximum > 0)
                out.field("maximum"_L1, maximum);
            out.field("default"_L1, defaultValue);
        });
    });
}

void writeCursorParameters(JsonOut &out)
{
    writeQueryParameter(out, "startingAfter"_L1, "starting_after"_L1,
                        "Returns the items after this cursor (`pageInfo.endCursor` of the previous page)."_L1,
                        [&] { out.type("string"_L1); });
    writeQueryParameter(out, "endingBefore"_L1, "ending_before"_L1,
                        "Returns the items before this cursor (`pageInfo.startCursor` of the next page)."_L1,
                        [&] { out.type("string"_L1); });
}

void writePageInfo(JsonOut &out)
{
    out.object([&] {
        out.field("type"_L1, "object"_L1);
        out.object("properties"_L1, [&] {
            out.property("hasNextPage"_L1, "boolean"_L1);
            out.property("hasPreviousPage"_L1, "boolean"_L1);
            for (QLatin1StringView cursor : {"startCursor"_L1, "endCursor"_L1})
                out.object(cursor, [&] { out.nullableType("string"_L1); });
        });
    });
}

} // namespace parts

DocumentOptions DocumentOptions::fromSettings(const Settings &settings, const QString &baseUrl)
{
    DocumentOptions options;
    options.baseUrl = baseUrl;
    options.pageSizeDefault = settings.pageSizeDefault();
    options.pageSizeMax = settings.pageSizeMax();
    options.groupByDefaultGroups = int(settings.value(u"api.groupByDefaultGroups"_s));
    options.metadataLimitDefault = int(settings.value(u"metadata.restDefaultLimit"_s));
    options.metadataLimitMax = int(settings.value(u"metadata.restMaxLimit"_s));
    return options;
}

QByteArray OpenApiBuilder::baseDocument(DocumentKind kind, const QString &baseUrl)
{
    JsonWriter writer;
    JsonOut out(writer);
    out.object([&] {
        parts::writeHead(out, kind, baseUrl);
        out.object("paths"_L1, [&] { parts::writeOpenApiPath(out, kind, baseUrl); });
        out.object("components"_L1, [&] { parts::writeSecuritySchemes(out); });
    });
    return writer.take();
}

} // namespace vingt::openapi
