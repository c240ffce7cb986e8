#pragma once

#include <QByteArray>

#include <utility>
#include <vector>

namespace vingt::http {

/// @brief One HTTP response: status, extra headers and a body. The transport adds Content-Length, Date,
/// Connection and the CORS header; Content-Type defaults to application/json when the body is non-empty.
struct Response {
    int status = 200;
    std::vector<std::pair<QByteArray, QByteArray>> headers; ///< as they should be written
    QByteArray body;
    QByteArray contentType = QByteArrayLiteral("application/json; charset=utf-8");
    bool closeConnection = false; ///< ask the transport to close after writing

    void setHeader(const QByteArray &name, const QByteArray &value)
    {
        for (auto &h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
                h.second = value;
                return;
            }
        }
        headers.emplace_back(name, value);
    }
    [[nodiscard]] QByteArray header(const QByteArray &name) const
    {
        for (const auto &h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return {};
    }
};

/// A JSON error body of API-CONTRACT §0.3: {"statusCode":N,"error":"<name>","messages":["<message>"]}.
[[nodiscard]] Response errorResponse(int status, const QByteArray &errorName, const QString &message);

} // namespace vingt::http
