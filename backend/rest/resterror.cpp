#include "rest/resterror.h"

#include "core/jsonwriter.h"

namespace vingt::rest {

using namespace Qt::StringLiterals;

http::Response errorResponse(const Error &error)
{
    const int status = httpStatus(error.kind);
    JsonWriter out;
    out.beginObject();
    out.key("statusCode"_L1);
    out.value(status);
    out.key("error"_L1);
    out.value(QStringView(restErrorName(error.kind)));
    out.key("messages"_L1);
    out.beginArray();
    out.value(QStringView(error.message));
    out.endArray();
    // Only permission errors expose a code, always "FORBIDDEN" (§0.3, §6.6); the specific one (ROLE_NOT_EDITABLE, ...)
    // stays in Error::code for the GraphQL subCode.
    if (error.kind == ErrorKind::PermissionDenied) {
        out.key("code"_L1);
        out.value("FORBIDDEN"_L1);
    }
    out.endObject();
    http::Response response;
    response.status = status;
    response.body = out.take();
    return response;
}

} // namespace vingt::rest
