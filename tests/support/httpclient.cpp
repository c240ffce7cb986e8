#include "support/httpclient.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace vingt::test {

namespace {

bool hasHeader(const Headers &headers, QByteArrayView name)
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0) {
            return true;
        }
    }
    return false;
}

QString clipped(const QByteArray &body, int max = 2000)
{
    QString text = QString::fromUtf8(body);
    if (text.size() > max) {
        text = text.left(max) + QStringLiteral("... (%1 bytes)").arg(body.size());
    }
    return text;
}

} // namespace

QByteArray toJson(const QJsonValue &value)
{
    if (value.isObject()) {
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    }
    if (value.isArray()) {
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    }
    // Scalars: wrap in an array and strip the brackets.
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

QJsonValue HttpResponse::value(const QString &path) const
{
    QJsonValue current = json.isArray() ? QJsonValue(json.array()) : QJsonValue(json.object());
    if (path.isEmpty()) {
        return current;
    }
    const QStringList parts = path.split(u'.');
    for (const QString &part : parts) {
        bool isIndex = false;
        const int index = part.toInt(&isIndex);
        if (current.isArray() && isIndex) {
            const QJsonArray array = current.toArray();
            if (index < 0 || index >= array.size()) {
                return QJsonValue(QJsonValue::Undefined);
            }
            current = array.at(index);
        } else if (current.isObject()) {
            const QJsonObject object = current.toObject();
            if (!object.contains(part)) {
                return QJsonValue(QJsonValue::Undefined);
            }
            current = object.value(part);
        } else {
            return QJsonValue(QJsonValue::Undefined);
        }
    }
    return current;
}

QStringList HttpResponse::messages() const
{
    QStringList result;
    const QJsonArray array = object().value(QStringLiteral("messages")).toArray();
    for (const QJsonValue &message : array) {
        result << message.toString();
    }
    return result;
}

QString HttpResponse::describe() const
{
    QString target = this->target;
    if (target.size() > 300) {
        target = target.left(300) + QStringLiteral("...");
    }
    if (status == 0) {
        return QStringLiteral("%1 %2 -> no response (%3)").arg(QString::fromLatin1(method), target, networkError);
    }
    // one arg() call: the target holds %XX escapes that a second arg() would take for placeholders
    return QStringLiteral("%1 %2 -> %3 %4")
        .arg(QString::fromLatin1(method), target, QString::number(status), clipped(body));
}

HttpClient::HttpClient() : m_manager(std::make_shared<QNetworkAccessManager>()) {}

HttpClient::HttpClient(const QUrl &baseUrl, const QString &token)
    : m_manager(std::make_shared<QNetworkAccessManager>())
    , m_baseUrl(baseUrl)
    , m_token(token)
{}

HttpClient HttpClient::withoutToken() const
{
    HttpClient copy = *this;
    copy.m_token.clear();
    return copy;
}

HttpClient HttpClient::withToken(const QString &token) const
{
    HttpClient copy = *this;
    copy.m_token = token;
    return copy;
}

HttpResponse HttpClient::get(const QString &target, const Headers &headers)
{
    return send("GET", target, {}, headers);
}

HttpResponse HttpClient::head(const QString &target, const Headers &headers)
{
    return send("HEAD", target, {}, headers);
}

HttpResponse HttpClient::del(const QString &target, const Headers &headers)
{
    return send("DELETE", target, {}, headers);
}

HttpResponse HttpClient::post(const QString &target, const QJsonValue &body, const Headers &headers)
{
    return send("POST", target, toJson(body), headers);
}

HttpResponse HttpClient::patch(const QString &target, const QJsonValue &body, const Headers &headers)
{
    return send("PATCH", target, toJson(body), headers);
}

HttpResponse HttpClient::put(const QString &target, const QJsonValue &body, const Headers &headers)
{
    return send("PUT", target, toJson(body), headers);
}

HttpResponse HttpClient::send(const QByteArray &method, const QString &target, const QByteArray &body,
                              const Headers &headers)
{
    HttpResponse response;
    response.method = method;
    response.target = target;

    QString base = m_baseUrl.toString(QUrl::FullyEncoded);
    if (base.endsWith(u'/') && target.startsWith(u'/')) {
        base.chop(1);
    }
    const QUrl url = QUrl::fromEncoded((base + target).toUtf8(), QUrl::TolerantMode);
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    if (!m_token.isEmpty() && !hasHeader(headers, "Authorization")) {
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    }
    if (!body.isEmpty() && !hasHeader(headers, "Content-Type")) {
        request.setRawHeader("Content-Type", "application/json");
    }
    for (const auto &header : headers) {
        request.setRawHeader(header.first, header.second);
    }

    QNetworkReply *reply = nullptr;
    if (method == "GET" && body.isEmpty()) {
        reply = m_manager->get(request);
    } else if (method == "HEAD") {
        reply = m_manager->head(request);
    } else if (body.isEmpty()) {
        reply = m_manager->sendCustomRequest(request, method);
    } else {
        reply = m_manager->sendCustomRequest(request, method, body);
    }

    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    bool timedOut = false;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&timer, &QTimer::timeout, &loop, [&] {
        timedOut = true;
        reply->abort();
        loop.quit();
    });
    timer.start(m_timeoutMs);
    if (!reply->isFinished()) {
        loop.exec();
    }
    timer.stop();

    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    response.status = status.isValid() ? status.toInt() : 0;
    response.body = reply->readAll();
    for (const auto &pair : reply->rawHeaderPairs()) {
        const QByteArray name = pair.first.toLower();
        if (response.headers.contains(name)) {
            response.headers[name] += ", " + pair.second;
        } else {
            response.headers.insert(name, pair.second);
        }
    }
    if (timedOut) {
        response.networkError = QStringLiteral("no answer within %1 ms").arg(m_timeoutMs);
        response.status = 0;
    } else if (response.status == 0) {
        response.networkError = reply->errorString();
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(response.body, &parseError);
    if (parseError.error == QJsonParseError::NoError) {
        response.json = document;
    }
    delete reply;
    return response;
}

} // namespace vingt::test
