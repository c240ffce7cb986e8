#pragma once

#include "graphql/language/sourcelocation.h"

#include "core/error.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <vector>

namespace vingt::graphql {

/// Values of `extensions.code` (API-CONTRACT §2.5).
namespace errorcode {
inline constexpr QLatin1StringView kParseFailed{"GRAPHQL_PARSE_FAILED"};
inline constexpr QLatin1StringView kValidationFailed{"GRAPHQL_VALIDATION_FAILED"};
inline constexpr QLatin1StringView kBadUserInput{"BAD_USER_INPUT"};
inline constexpr QLatin1StringView kUnauthenticated{"UNAUTHENTICATED"};
inline constexpr QLatin1StringView kForbidden{"FORBIDDEN"};
inline constexpr QLatin1StringView kNotFound{"NOT_FOUND"};
inline constexpr QLatin1StringView kConflict{"CONFLICT"};
inline constexpr QLatin1StringView kInternalServerError{"INTERNAL_SERVER_ERROR"};
} // namespace errorcode

/// @brief One entry of a GraphQL response's `errors` list: message, locations, path and extensions
/// (graphql-js GraphQLError). Empty `locations`, `path` and `extensions` are omitted from the JSON.
struct GraphqlError {
    QString message;
    std::vector<SourceLocation> locations;
    QJsonArray path;
    QJsonObject extensions;

    GraphqlError() = default;
    explicit GraphqlError(QString message, std::vector<SourceLocation> locations = {}, QJsonObject extensions = {});

    /// Convenience: the same error with `extensions.code` set.
    [[nodiscard]] GraphqlError withCode(QLatin1StringView code) const;
    [[nodiscard]] QString code() const { return extensions.value(QLatin1StringView("code")).toString(); }

    /// Maps a Vingt Error once to GraphQL (API-CONTRACT §2.5): BadRequest → BAD_USER_INPUT, NotFound → NOT_FOUND,
    /// PermissionDenied → FORBIDDEN + subCode PERMISSION_DENIED + userFriendlyMessage, Unauthenticated →
    /// UNAUTHENTICATED, AuthForbidden → FORBIDDEN, Conflict → CONFLICT, RateLimited → BAD_USER_INPUT + subCode
    /// RATE_LIMITED, anything else → INTERNAL_SERVER_ERROR "Internal server error" (the detail is logged).
    /// A non-empty `Error::code` becomes `extensions.subCode` (except for the kinds above that fix their subCode).
    [[nodiscard]] static GraphqlError fromError(const Error &error);

    [[nodiscard]] QJsonObject toJson() const;
    /// Appends the compact JSON of this error to `out`.
    void writeJson(QByteArray &out) const;
};

/// Writes `{"errors":[...]}` (no data: a request error such as a syntax or validation error, spec §7.1.2).
[[nodiscard]] QByteArray requestErrorsJson(const std::vector<GraphqlError> &errors);

} // namespace vingt::graphql
