#include "graphql/error/graphqlerror.h"

#include "graphql/graphqllogging.h"
#include "graphql/utilities/jsonoutput.h"

namespace vingt::graphql {

using namespace Qt::StringLiterals;

GraphqlError::GraphqlError(QString message, std::vector<SourceLocation> locations, QJsonObject extensions)
    : message(std::move(message))
    , locations(std::move(locations))
    , extensions(std::move(extensions))
{
}

GraphqlError GraphqlError::withCode(QLatin1StringView code) const
{
    GraphqlError copy = *this;
    copy.extensions.insert(u"code"_s, QString(code));
    return copy;
}

GraphqlError GraphqlError::fromError(const Error &error)
{
    GraphqlError result;
    result.message = error.message;
    QJsonObject extensions;
    auto subCodeFromError = [&] {
        if (!error.code.isEmpty())
            extensions.insert(u"subCode"_s, error.code);
    };
    switch (error.kind) {
    case ErrorKind::BadRequest:
        extensions.insert(u"code"_s, QString(errorcode::kBadUserInput));
        subCodeFromError();
        break;
    case ErrorKind::NotFound:
        extensions.insert(u"code"_s, QString(errorcode::kNotFound));
        subCodeFromError();
        break;
    case ErrorKind::PermissionDenied:
        // API-CONTRACT §2.5 / §6.6.
        extensions.insert(u"code"_s, QString(errorcode::kForbidden));
        extensions.insert(u"subCode"_s, u"PERMISSION_DENIED"_s);
        extensions.insert(u"userFriendlyMessage"_s, u"You do not have permission to perform this action."_s);
        break;
    case ErrorKind::Unauthenticated:
        extensions.insert(u"code"_s, QString(errorcode::kUnauthenticated));
        subCodeFromError();
        break;
    case ErrorKind::AuthForbidden:
        extensions.insert(u"code"_s, QString(errorcode::kForbidden));
        subCodeFromError();
        break;
    case ErrorKind::Conflict:
        extensions.insert(u"code"_s, QString(errorcode::kConflict));
        subCodeFromError();
        break;
    case ErrorKind::RateLimited:
        // API-CONTRACT §7: the limited root field is null with BAD_USER_INPUT / RATE_LIMITED.
        extensions.insert(u"code"_s, QString(errorcode::kBadUserInput));
        extensions.insert(u"subCode"_s, u"RATE_LIMITED"_s);
        extensions.insert(u"userFriendlyMessage"_s, u"Rate limit reached. Please try again later."_s);
        break;
    case ErrorKind::MethodNotAllowed:
    case ErrorKind::PayloadTooLarge:
    case ErrorKind::Unprocessable:
    case ErrorKind::Unavailable:
    case ErrorKind::Internal:
        if (error.message != "Internal server error"_L1)
            qCWarning(lcGraphql).noquote() << "internal error in a resolver:" << error.message;
        result.message = u"Internal server error"_s;
        extensions.insert(u"code"_s, QString(errorcode::kInternalServerError));
        break;
    }
    result.extensions = std::move(extensions);
    return result;
}

QJsonObject GraphqlError::toJson() const
{
    QJsonObject object;
    object.insert(u"message"_s, message);
    if (!locations.empty()) {
        QJsonArray array;
        for (const SourceLocation &location : locations)
            array.append(QJsonObject{{u"line"_s, location.line}, {u"column"_s, location.column}});
        object.insert(u"locations"_s, array);
    }
    if (!path.isEmpty())
        object.insert(u"path"_s, path);
    if (!extensions.isEmpty())
        object.insert(u"extensions"_s, extensions);
    return object;
}

void GraphqlError::writeJson(QByteArray &out) const
{
    out.append("{\"message\":");
    jsonout::appendString(out, message);
    if (!locations.empty()) {
        out.append(",\"locations\":[");
        bool first = true;
        for (const SourceLocation &location : locations) {
            if (!first)
                out.append(',');
            first = false;
            out.append("{\"line\":");
            out.append(QByteArray::number(location.line));
            out.append(",\"column\":");
            out.append(QByteArray::number(location.column));
            out.append('}');
        }
        out.append(']');
    }
    if (!path.isEmpty()) {
        out.append(",\"path\":");
        jsonout::appendValue(out, path);
    }
    if (!extensions.isEmpty()) {
        // code first: readers skim for it.
        out.append(",\"extensions\":{");
        bool first = true;
        auto writeMember = [&](const QString &key, const QJsonValue &value) {
            if (!first)
                out.append(',');
            first = false;
            jsonout::appendString(out, key);
            out.append(':');
            jsonout::appendValue(out, value);
        };
        const auto code = extensions.constFind(u"code"_s);
        if (code != extensions.constEnd())
            writeMember(code.key(), code.value());
        for (auto it = extensions.begin(); it != extensions.end(); ++it) {
            if (it.key() != "code"_L1)
                writeMember(it.key(), it.value());
        }
        out.append('}');
    }
    out.append('}');
}

QByteArray requestErrorsJson(const std::vector<GraphqlError> &errors)
{
    QByteArray out;
    out.reserve(256);
    out.append("{\"errors\":[");
    bool first = true;
    for (const GraphqlError &error : errors) {
        if (!first)
            out.append(',');
        first = false;
        error.writeJson(out);
    }
    out.append("]}");
    return out;
}

} // namespace vingt::graphql
