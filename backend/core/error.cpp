#include "core/error.h"

#include "core/logging.h"

namespace vingt {

Error Error::badRequest(QString message, QString code)
{
    return {ErrorKind::BadRequest, std::move(message), std::move(code)};
}

Error Error::notFound(QString message)
{
    return {ErrorKind::NotFound, std::move(message), {}};
}

Error Error::unauthenticated(QString message)
{
    return {ErrorKind::Unauthenticated, std::move(message), {}};
}

Error Error::authForbidden(QString message)
{
    return {ErrorKind::AuthForbidden, std::move(message), {}};
}

Error Error::permissionDenied()
{
    return {ErrorKind::PermissionDenied, QStringLiteral("Entity performing the request does not have permission"),
            QStringLiteral("FORBIDDEN")};
}

Error Error::conflict(QString message)
{
    return {ErrorKind::Conflict, std::move(message), {}};
}

Error Error::unavailable(QString message)
{
    return {ErrorKind::Unavailable, std::move(message), {}};
}

Error Error::internal(const QString &detail)
{
    qCWarning(lcCore).noquote() << "internal error:" << detail;
    return {ErrorKind::Internal, QStringLiteral("Internal server error"), {}};
}

int httpStatus(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::BadRequest: return 400;
    case ErrorKind::Unauthenticated: return 401;
    case ErrorKind::AuthForbidden:
    case ErrorKind::PermissionDenied: return 403;
    case ErrorKind::NotFound: return 404;
    case ErrorKind::MethodNotAllowed: return 405;
    case ErrorKind::Conflict: return 409;
    case ErrorKind::PayloadTooLarge: return 413;
    case ErrorKind::Unprocessable: return 422;
    case ErrorKind::RateLimited: return 429;
    case ErrorKind::Unavailable: return 503;
    case ErrorKind::Internal: return 500;
    }
    return 500;
}

QString restErrorName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::BadRequest: return QStringLiteral("BadRequestException");
    case ErrorKind::Unauthenticated: return QStringLiteral("UNAUTHENTICATED");
    case ErrorKind::AuthForbidden: return QStringLiteral("FORBIDDEN_EXCEPTION");
    case ErrorKind::PermissionDenied: return QStringLiteral("ForbiddenException");
    case ErrorKind::NotFound: return QStringLiteral("NotFoundException");
    case ErrorKind::MethodNotAllowed: return QStringLiteral("MethodNotAllowedException");
    case ErrorKind::Conflict: return QStringLiteral("ConflictException");
    case ErrorKind::PayloadTooLarge: return QStringLiteral("PayloadTooLargeException");
    case ErrorKind::Unprocessable: return QStringLiteral("UnprocessableEntityException");
    case ErrorKind::RateLimited: return QStringLiteral("HttpException");
    case ErrorKind::Unavailable: return QStringLiteral("ServiceUnavailableException");
    case ErrorKind::Internal: return QStringLiteral("InternalServerErrorException");
    }
    return QStringLiteral("InternalServerErrorException");
}

} // namespace vingt
