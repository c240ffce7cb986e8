#pragma once

#include "openapi/jsonout.h"
#include "openapi/openapibuilder.h"

#include <initializer_list>

namespace vingt::openapi::parts {

/// `openapi`, `info`, `servers` (§9: `<base>/rest/` or `<base>/rest/metadata`) and the global `security`.
void writeHead(JsonOut &out, DocumentKind kind, const QString &baseUrl);
/// The `/open-api/{core|metadata}` path item (served from `<base>`, the alias of `/rest/open-api/...`), as a
/// member of `paths`.
void writeOpenApiPath(JsonOut &out, DocumentKind kind, const QString &baseUrl);
/// `securitySchemes.bearerAuth`, as a member of `components`.
void writeSecuritySchemes(JsonOut &out);
/// `responses` with the error bodies of §0.3 for 400, 401, 403, 404, 429, as a member of `components`.
void writeErrorResponses(JsonOut &out);
/// Members `"<status>": {"$ref": "#/components/responses/<status>"}` inside an operation's `responses`.
void writeErrorRefs(JsonOut &out, std::initializer_list<int> statuses);
/// A success response member: `"<status>": {"description", "content": {"application/json": {"schema": ...}}}`.
template<typename Schema>
void writeJsonResponse(JsonOut &out, int status, QLatin1StringView description, Schema &&schema)
{
    out.object(QString::number(status), [&] {
        out.field(QLatin1StringView("description"), description);
        out.object(QLatin1StringView("content"), [&] {
            out.object(QLatin1StringView("application/json"), [&] {
                out.key(QLatin1StringView("schema"));
                schema();
            });
        });
    });
}
/// A JSON request body member `requestBody` (required) with this schema.
template<typename Schema>
void writeJsonBody(JsonOut &out, Schema &&schema)
{
    out.object(QLatin1StringView("requestBody"), [&] {
        out.field(QLatin1StringView("required"), true);
        out.object(QLatin1StringView("content"), [&] {
            out.object(QLatin1StringView("application/json"), [&] {
                out.key(QLatin1StringView("schema"));
                schema();
            });
        });
    });
}
/// A query parameter component member: `"<key>": {name, in: query, description, required: false, schema}`.
template<typename Schema>
void writeQueryParameter(JsonOut &out, QLatin1StringView key, QLatin1StringView name, QLatin1StringView description,
                         Schema &&schema)
{
    out.object(key, [&] {
        out.field(QLatin1StringView("name"), name);
        out.field(QLatin1StringView("in"), QLatin1StringView("query"));
        out.field(QLatin1StringView("description"), description);
        out.field(QLatin1StringView("required"), false);
        out.key(QLatin1StringView("schema"));
        schema();
    });
}
/// A path parameter component member holding a UUID: `idPath` (`{id}`) and the like.
void writeIdPathParameter(JsonOut &out, QLatin1StringView key = QLatin1StringView("idPath"),
                          QLatin1StringView name = QLatin1StringView("id"),
                          QLatin1StringView description = QLatin1StringView("Record id (a UUID)."));
/// A `limit` parameter component member with these bounds (`maximum` 0: none documented).
void writeLimitParameter(JsonOut &out, QLatin1StringView key, int defaultValue, int maximum);
/// The `startingAfter` and `endingBefore` parameter component members.
void writeCursorParameters(JsonOut &out);
/// `{"type": "object", "properties": {"data": {"type": "object", "properties": {"<key>": <schema>}}}}` as a value:
/// the `{"data": {"<key>": ...}}` envelopes of §1.6, 3.1, 6.5.
template<typename Schema>
void writeDataEnvelope(JsonOut &out, const QString &key, Schema &&schema)
{
    out.objectSchema([&] {
        out.objectSchema(QLatin1StringView("data"), [&] {
            out.key(key);
            schema();
        });
    });
}
/// The pageInfo schema of §1.5 as a value.
void writePageInfo(JsonOut &out);
/// The members of a page (§1.5, 3.1, 10.4): `data: {<key>: <items>}` (or `<key>: <items>` without `inData`, as in
/// the duplicates results of §1.11), `totalCount`, `pageInfo`.
template<typename Items>
void writePageMembers(JsonOut &out, const QString &key, bool inData, Items &&items)
{
    if (inData) {
        out.objectSchema(QLatin1StringView("data"), [&] {
            out.key(key);
            items();
        });
    } else {
        out.key(key);
        items();
    }
    out.property(QLatin1StringView("totalCount"), QLatin1StringView("integer"));
    out.key(QLatin1StringView("pageInfo"));
    writePageInfo(out);
}

} // namespace vingt::openapi::parts
