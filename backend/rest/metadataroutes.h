#pragma once

#include "query/querystring.h"
#include "server/request.h"
#include "server/response.h"
#include "services/authenticator.h"

#include <QByteArray>
#include <QStringList>

namespace vingt::rest {

/// @brief Metadata REST for objects and fields (API-CONTRACT §3.1): `/rest/metadata/{objects|fields}[/{id}]` over
/// MetadataService, with the legacy envelopes (`data.objects` + top-level pageInfo/totalCount, `data.object`,
/// `data.createOneObject`, ...) and objects' fields inlined. Thin: the `DATA_MODEL` guard and every rule live in
/// the service; reads come from the request's snapshot.
class MetadataRoutes
{
public:
    /// The methods a path takes, HEAD implied by GET; empty when the path is no object/field route.
    /// `segments` start with "objects" or "fields" (below `/rest/metadata`).
    [[nodiscard]] static QByteArray allowedMethods(const QStringList &segments);
    /// True for the requests that change the data model (they must not hold the model lock shared).
    [[nodiscard]] static bool isChange(const QByteArray &method);
    /// Serves an authenticated request whose path allowedMethods() accepted for its method.
    [[nodiscard]] static http::Response handle(const http::Request &request, const QStringList &segments,
                                               const QueryParams &params, const AuthContext &auth);
};

} // namespace vingt::rest
