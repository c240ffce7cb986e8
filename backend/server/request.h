#pragma once

#include <QByteArray>
#include <QString>

#include <utility>
#include <vector>

namespace vingt::http {

/// @brief One HTTP request as the transport hands it to the application: owns its bytes, no Beast types.
struct Request {
    QByteArray method;  ///< upper case, e.g. "GET"
    QByteArray target;  ///< raw request target, e.g. "/rest/people?limit=2"
    QByteArray path;    ///< target up to '?', still percent-encoded
    QByteArray query;   ///< target after '?', raw (decode with query/querystring.h)
    std::vector<std::pair<QByteArray, QByteArray>> headers; ///< names lower-cased, values as sent
    QByteArray body;
    QString remoteAddress;
    quint16 remotePort = 0;

    /// First value of a header (name in lower case), or an empty array.
    [[nodiscard]] QByteArray header(const QByteArray &lowerName) const
    {
        for (const auto &[name, value] : headers) {
            if (name == lowerName)
                return value;
        }
        return {};
    }
    [[nodiscard]] bool hasHeader(const QByteArray &lowerName) const
    {
        for (const auto &h : headers) {
            if (h.first == lowerName)
                return true;
        }
        return false;
    }
};

} // namespace vingt::http
