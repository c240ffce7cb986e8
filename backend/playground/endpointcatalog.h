#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace vingt::playground {

/// @brief One parameter of an operation, as the OpenAPI document declares it (`$ref`s resolved).
struct EndpointParameter {
    QString name;
    QString in; ///< "query", "path" or "header"
    QString description;
    QString type; ///< the schema in one line: `integer`, `string (enum: ASC|DESC)`
    bool required = false;
};

/// @brief One operation of the REST API: what the endpoint browser lists and what fills the request builder.
struct Endpoint {
    QString group; ///< the operation's first tag: the object's plural name (`people`)
    QString groupDescription;
    QString method; ///< upper case
    QString path;   ///< as the document writes it, relative to the server URL (`/people/{id}`)
    QString summary;
    QString description;
    QString operationId;
    std::vector<EndpointParameter> parameters;
    QString requestSchema;  ///< the JSON request body's schema, one `name: type` line per property; empty: none
    QString responseSchema; ///< the first 2xx response's schema, likewise
};

/// Reads the operations of an OpenAPI 3.1 document (API-CONTRACT §9, as backend/openapi writes it): every path and
/// method, grouped by first tag (in the order of the document's `tags`; untagged ones last, by first path segment), with parameter,
/// body and response `$ref`s resolved against `components`. `pathPrefix` is prepended to each path (`/rest`: the
/// core document's server is `<base>/rest/`). A document that is not a JSON object with `paths` → BadRequest.
[[nodiscard]] Result<std::vector<Endpoint>> readEndpoints(const QByteArray &openApiDocument,
                                                          const QString &pathPrefix = {});

} // namespace vingt::playground
