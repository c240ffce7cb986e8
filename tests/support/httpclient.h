#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;

namespace vingt::test {

/// Extra request headers, in order; names as sent.
using Headers = QList<QPair<QByteArray, QByteArray>>;

/// @brief One HTTP response, with the body parsed as JSON when it is JSON.
struct HttpResponse {
    int status = 0; ///< 0 when no response arrived (see networkError)
    QByteArray body;
    QJsonDocument json;                   ///< null when the body is not JSON
    QMap<QByteArray, QByteArray> headers; ///< lower-case names; repeated headers joined with ", "
    QString networkError;                 ///< transport failure (timeout, refused); empty when a response came
    QByteArray method;                    ///< the request, for describe()
    QString target;

    [[nodiscard]] QJsonObject object() const { return json.object(); }
    /// A value by dotted path: "data.people.0.name.firstName" (array indexes as numbers). Undefined when absent.
    [[nodiscard]] QJsonValue value(const QString &path) const;
    /// The `messages` array of an error body.
    [[nodiscard]] QStringList messages() const;
    /// The `error` member of an error body.
    [[nodiscard]] QString error() const { return object().value(QStringLiteral("error")).toString(); }
    [[nodiscard]] QByteArray header(const QByteArray &lowerCaseName) const { return headers.value(lowerCaseName); }
    [[nodiscard]] bool hasHeader(const QByteArray &lowerCaseName) const { return headers.contains(lowerCaseName); }
    /// "GET /rest/people -> 400 {body...}" for failure messages.
    [[nodiscard]] QString describe() const;
};

/// @brief Synchronous HTTP for tests: QNetworkAccessManager plus a local event loop with a deadline.
///
/// Sends `Authorization: Bearer <token>` unless the call's headers carry an Authorization header or the client has
/// no token (withoutToken()); sends `Content-Type: application/json` with a body unless the headers carry one.
/// QNetworkAccessManager always sends some Content-Type with a body: use RawHttpConnection to send none. Redirects
/// are never followed. Copies share one manager; use a client from the thread that created it only.
class HttpClient
{
public:
    HttpClient();
    HttpClient(const QUrl &baseUrl, const QString &token);

    void setBaseUrl(const QUrl &baseUrl) { m_baseUrl = baseUrl; }
    void setToken(const QString &token) { m_token = token; }
    void setTimeoutMs(int timeoutMs) { m_timeoutMs = timeoutMs; }
    [[nodiscard]] QUrl baseUrl() const { return m_baseUrl; }
    [[nodiscard]] QString token() const { return m_token; }

    /// A client that sends no Authorization header by default.
    [[nodiscard]] HttpClient withoutToken() const;
    /// A client that sends this token by default.
    [[nodiscard]] HttpClient withToken(const QString &token) const;

    /// `target` is the path plus query, already percent-encoded where needed ("/rest/people?limit=2").
    HttpResponse get(const QString &target, const Headers &headers = {});
    HttpResponse head(const QString &target, const Headers &headers = {});
    HttpResponse del(const QString &target, const Headers &headers = {});
    HttpResponse post(const QString &target, const QJsonValue &body, const Headers &headers = {});
    HttpResponse patch(const QString &target, const QJsonValue &body, const Headers &headers = {});
    HttpResponse put(const QString &target, const QJsonValue &body, const Headers &headers = {});
    /// Any method, raw body bytes (sent only when non-empty).
    HttpResponse send(const QByteArray &method, const QString &target, const QByteArray &body = {},
                      const Headers &headers = {});

private:
    std::shared_ptr<QNetworkAccessManager> m_manager;
    QUrl m_baseUrl;
    QString m_token;
    int m_timeoutMs = 60000;
};

/// Compact JSON text of a value (objects, arrays, scalars).
[[nodiscard]] QByteArray toJson(const QJsonValue &value);

} // namespace vingt::test
