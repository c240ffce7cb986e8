#pragma once

#include "query/querystring.h"
#include "routes/coreroutetable.h"
#include "server/request.h"
#include "server/response.h"
#include "services/authenticator.h"

#include <QStringList>

#include <optional>

namespace vingt::rest {

/// @brief A core REST path (API-CONTRACT §1.1, §1.2) matched against the route table, before object lookup.
struct CorePath {
    using Kind = routes::CoreShape;
    Kind kind = Kind::Collection;
    const routes::CoreRoute *route = nullptr; ///< the table row for the method: status, data key
    QString object;                           ///< the plural as given
    QString id;                               ///< for One / RestoreOne
    QByteArray allowedMethods;                ///< for 405 `Allow`
};

/// Parses `/rest/...` segments (already split, percent-decoded, empty ones dropped) for a method, with the route
/// table of routes/coreroutetable.h. Errors: 400 path invalid / bad UUID; a method the shape does not take →
/// ErrorKind::MethodNotAllowed (its `code` holds the allowed methods).
[[nodiscard]] Result<CorePath> parseCorePath(const QByteArray &method, const QStringList &segments,
                                             const QString &rawPath);

/// @brief Core REST routes over RecordService: parse → one service call → envelope (§1.1–1.9). Thin by design.
class CoreRoutes
{
public:
    /// `params` is the decoded query string, or the error decoding it gave (reported after the object lookup, in the
    /// order of DECISIONS "HTTP").
    [[nodiscard]] static http::Response handle(const http::Request &request, const CorePath &path,
                                               const Result<QueryParams> &params, const AuthContext &auth);
    /// Query parameter names the core routes know (§1.3).
    [[nodiscard]] static const QStringList &knownParameters();
};

} // namespace vingt::rest
