#include "server/response.h"

#include <QString>

namespace vingt::http {

namespace {

/// Appends `text` as the inside of a JSON string (RFC 8259 §7): quote, backslash and control characters escaped,
/// everything else as UTF-8.
void appendJsonEscaped(QByteArray &out, const QByteArray &utf8)
{
    static constexpr char kHex[] = "0123456789abcdef";
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (u < 0x20) {
                out += "\\u00";
                out += kHex[u >> 4];
                out += kHex[u & 0xf];
            } else {
                out += c;
            }
        }
    }
}

} // namespace

Response errorResponse(int status, const QByteArray &errorName, const QString &message)
{
    // API-CONTRACT §0.3, with the members in the contract's order (QJsonObject would sort them).
    const QByteArray utf8Message = message.toUtf8();
    QByteArray body;
    body.reserve(64 + errorName.size() + utf8Message.size());
    body += "{\"statusCode\":";
    body += QByteArray::number(status);
    body += ",\"error\":\"";
    appendJsonEscaped(body, errorName);
    body += "\",\"messages\":[\"";
    appendJsonEscaped(body, utf8Message);
    body += "\"]}";

    Response response;
    response.status = status;
    response.body = std::move(body);
    return response;
}

} // namespace vingt::http
