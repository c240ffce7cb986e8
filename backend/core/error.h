#pragma once

#include <QString>

namespace vingt {

/// @brief The kind of a failure; each maps to one HTTP status and one GraphQL code (API-CONTRACT §0.3, §2.5).
enum class ErrorKind {
    BadRequest,       ///< 400 BadRequestException / BAD_USER_INPUT
    Unauthenticated,  ///< 401 UNAUTHENTICATED (authentication failure, §5.4)
    AuthForbidden,    ///< 403 FORBIDDEN_EXCEPTION (missing token, revoked or expired key, §5.4)
    PermissionDenied, ///< 403 ForbiddenException + "code":"FORBIDDEN" (§6.6)
    NotFound,         ///< 404 NotFoundException / NOT_FOUND
    MethodNotAllowed, ///< 405 MethodNotAllowedException
    Conflict,         ///< 409 ConflictException / CONFLICT
    PayloadTooLarge,  ///< 413 PayloadTooLargeException
    Unprocessable,    ///< 422 UnprocessableEntityException
    RateLimited,      ///< 429 HttpException / BAD_USER_INPUT + RATE_LIMITED
    Unavailable,      ///< 503 ServiceUnavailableException (database down)
    Internal,         ///< 500 InternalServerErrorException, never with details
};

/// @brief A failure as a value: a kind, a message naming the bad part of the input, and an optional code.
struct Error {
    ErrorKind kind = ErrorKind::Internal;
    QString message;
    QString code; ///< optional machine-readable code, e.g. "UPSERT_MULTIPLE_MATCHING_RECORDS_CONFLICT"

    [[nodiscard]] static Error badRequest(QString message, QString code = {});
    [[nodiscard]] static Error notFound(QString message = QStringLiteral("Record not found"));
    [[nodiscard]] static Error unauthenticated(QString message);
    [[nodiscard]] static Error authForbidden(QString message);
    [[nodiscard]] static Error permissionDenied();
    [[nodiscard]] static Error conflict(QString message);
    [[nodiscard]] static Error unavailable(QString message);
    /// An unexpected failure. `detail` goes to the log only; clients see "Internal server error".
    [[nodiscard]] static Error internal(const QString &detail);
};

/// HTTP status of an error kind.
[[nodiscard]] int httpStatus(ErrorKind kind);
/// The `error` member of a REST error body: the exception class name, or the auth code (§0.3).
[[nodiscard]] QString restErrorName(ErrorKind kind);

} // namespace vingt
