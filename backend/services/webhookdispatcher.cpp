#include "services/webhookdispatcher.h"

#include "core/clock.h"
#include "core/jsonwriter.h"
#include "core/logging.h"
#include "services/webhookservice.h"
#include "storage/database.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSet>
#include <QTimer>

#include <algorithm>

namespace vingt {

using namespace Qt::StringLiterals;

WebhookRetryPolicy WebhookRetryPolicy::fromSettings(const Settings &settings)
{
    WebhookRetryPolicy policy;
    policy.timeoutMs = int(settings.value(u"webhook.timeoutMs"_s));
    policy.maxRetries = int(settings.value(u"webhook.maxRetries"_s));
    policy.delaysMs = {settings.value(u"webhook.retryDelay1Ms"_s), settings.value(u"webhook.retryDelay2Ms"_s),
                       settings.value(u"webhook.retryDelay3Ms"_s)};
    return policy;
}

qint64 WebhookRetryPolicy::delayAfter(int attempts) const
{
    if (delaysMs.empty())
        return 0;
    return delaysMs[std::size_t(std::clamp(attempts, 1, int(delaysMs.size())) - 1)];
}

/// A due row with what sending it needs.
struct WebhookDispatcher::Due {
    QString id;
    int attempts = 0;
    QByteArray body;
    QString targetUrl;
    QByteArray secret;
    bool webhookLive = false;
};

namespace {

QString networkErrorText(const QNetworkReply *reply)
{
    switch (reply->error()) {
    case QNetworkReply::ConnectionRefusedError: return u"Connection refused"_s;
    case QNetworkReply::HostNotFoundError: return u"Host not found"_s;
    case QNetworkReply::RemoteHostClosedError: return u"Connection closed by the receiver without a response"_s;
    case QNetworkReply::TimeoutError: return u"Connection timed out"_s;
    default: return reply->errorString();
    }
}

QByteArray headersJson(const QList<QNetworkReply::RawHeaderPair> &headers)
{
    JsonWriter out;
    out.beginObject();
    for (const auto &[name, value] : headers) {
        out.key(QString::fromLatin1(name));
        out.value(QString::fromLatin1(value));
    }
    out.endObject();
    return out.take();
}

} // namespace

WebhookDispatcher::WebhookDispatcher(Database &database, const Settings &settings)
    : m_database(database)
    , m_policy(WebhookRetryPolicy::fromSettings(settings))
{
    m_thread.setObjectName(u"vingt-webhooks"_s);
}

WebhookDispatcher::~WebhookDispatcher()
{
    stop();
    delete m_context;
}

void WebhookDispatcher::start()
{
    if (m_context)
        return;
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(m_context, [this] {
        initialize();
        poll();
    });
}

void WebhookDispatcher::stop()
{
    if (!m_context || !m_thread.isRunning())
        return;
    QMetaObject::invokeMethod(m_context, [this] {
        m_stopping = true;
        if (m_timer)
            m_timer->stop();
        if (m_inFlight.isEmpty())
            shutdown();
    });
    // In-flight requests end within their timeout; past that (it should not happen), give them back to the queue.
    if (!m_thread.wait(QDeadlineTimer(m_policy.timeoutMs + 2000))) {
        QMetaObject::invokeMethod(m_context, [this] {
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            for (auto it = m_inFlight.begin(); it != m_inFlight.end(); ++it) {
                QObject::disconnect(it.key(), nullptr, m_context, nullptr);
                it.key()->abort();
                (void)m_database.exec(u"UPDATE core_webhookDelivery SET nextAttemptAt = ? WHERE id = ?"_s,
                                      {now, it->id});
            }
            m_inFlight.clear();
            shutdown();
        });
        m_thread.wait();
    }
}

void WebhookDispatcher::wake()
{
    if (!m_context)
        return;
    QMetaObject::invokeMethod(m_context, [this] {
        if (!m_stopping && m_manager)
            poll();
    });
}

void WebhookDispatcher::initialize()
{
    m_manager = new QNetworkAccessManager(m_context);
    m_manager->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy); // DECISIONS: a 3xx is a failed delivery
    m_manager->setAutoDeleteReplies(false);
    m_timer = new QTimer(m_context);
    m_timer->setSingleShot(true);
    QObject::connect(m_timer, &QTimer::timeout, m_context, [this] { poll(); });
}

void WebhookDispatcher::shutdown()
{
    delete m_manager;
    m_manager = nullptr;
    delete m_timer;
    m_timer = nullptr;
    m_thread.quit();
}

void WebhookDispatcher::poll()
{
    if (m_stopping || !m_manager)
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const int room = kMaxInFlight - int(m_inFlight.size());
    if (room > 0) {
        QSet<QString> flying;
        for (const InFlight &f : std::as_const(m_inFlight))
            flying.insert(f.id);
        std::vector<Due> due;
        {
            auto rows = m_database.exec(
                u"SELECT d.id, d.attempts, d.body, w.targetUrl, w.secret, w.id, w.deletedAt FROM core_webhookDelivery "
                u"d "
                "LEFT JOIN core_webhook w ON w.id = d.webhookId WHERE d.status = 'PENDING' AND d.nextAttemptAt <= ? "
                "ORDER BY d.nextAttemptAt, d.seq LIMIT ?"_s,
                {now, room + int(flying.size())});
            if (!rows) {
                qCWarning(lcServices).noquote() << "webhook queue unreadable:" << rows.error().message;
            } else {
                while (rows->next()) {
                    Due d{rows->value(0).toString(),          rows->value(1).toInt(),
                          rows->value(2).toByteArray(),       rows->value(3).toString(),
                          rows->value(4).toString().toUtf8(), !rows->value(5).isNull() && rows->value(6).isNull()};
                    if (!flying.contains(d.id))
                        due.push_back(std::move(d));
                }
            }
        }
        int sent = 0;
        for (const Due &d : due) {
            if (sent == room)
                break;
            if (!d.webhookLive) {
                failWithoutSending(d.id, d.attempts, u"The webhook was deleted"_s);
                continue;
            }
            if (send(d)) // false: another server claimed it first
                ++sent;
        }
    }
    if (int(m_inFlight.size()) >= kMaxInFlight) {
        m_timer->stop(); // finish() polls again
        return;
    }
    qint64 delay = kIdlePollMs;
    if (auto rows = m_database.exec(u"SELECT MIN(nextAttemptAt) FROM core_webhookDelivery WHERE status = 'PENDING'"_s);
        rows && rows->next() && !rows->value(0).isNull()) {
        delay = std::clamp<qint64>(rows->value(0).toLongLong() - QDateTime::currentMSecsSinceEpoch(), 10, kIdlePollMs);
    }
    m_timer->start(int(delay));
}

void WebhookDispatcher::failWithoutSending(const QString &id, int attempts, const QString &error)
{
    (void)m_database.exec(u"UPDATE core_webhookDelivery SET status = 'FAILED', error = ?, nextAttemptAt = NULL, "
                          "attempts = ? WHERE id = ?"_s,
                          {error, attempts, id});
}

bool WebhookDispatcher::send(const Due &due)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // The claim and its lease in one statement: only a row still due is taken, so when several servers share the
    // database (issue 8) and read the same due row, exactly one of them moves it past the attempt's deadline and
    // sends it; the database applies the competing updates one after the other and the later ones match no row.
    // Should the claiming process die mid-flight, the row becomes due again once the lease runs out.
    if (auto leased = m_database.exec(u"UPDATE core_webhookDelivery SET nextAttemptAt = ? WHERE id = ? AND "
                                      "status = 'PENDING' AND nextAttemptAt <= ?"_s,
                                      {now + m_policy.timeoutMs + kLeaseMarginMs, due.id, now});
        !leased || leased->rowsAffected() != 1) {
        if (!leased)
            qCWarning(lcServices).noquote() << "webhook delivery" << due.id << "not leased:" << leased.error().message;
        return false;
    }
    QNetworkRequest request{QUrl(due.targetUrl)};
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    QList<QNetworkReply::RawHeaderPair> headers{
        {"Content-Type", "application/json"},
        {"User-Agent", "Vingt-Webhooks"},
        {"X-Vingt-Delivery-Id", due.id.toLatin1()},
    };
    // §10.3: a fresh timestamp, nonce and signature per attempt, only with a secret.
    if (!due.secret.isEmpty()) {
        const QByteArray timestamp = QByteArray::number(now);
        QByteArray nonce(16, Qt::Uninitialized);
        QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(nonce.data()),
                                             reinterpret_cast<quint32 *>(nonce.data() + nonce.size()));
        headers.append({"X-Twenty-Webhook-Timestamp", timestamp});
        headers.append({"X-Twenty-Webhook-Signature", WebhookService::signature(due.secret, timestamp, due.body)});
        headers.append({"X-Twenty-Webhook-Nonce", nonce.toHex()});
    }
    for (const auto &[name, value] : std::as_const(headers))
        request.setRawHeader(name, value);

    QNetworkReply *reply = m_manager->post(request, due.body);
    InFlight flight;
    flight.id = due.id;
    flight.attempts = due.attempts;
    flight.requestHeaders = headersJson(headers);
    flight.elapsed.start();
    m_inFlight.insert(reply, flight);
    QObject::connect(reply, &QNetworkReply::finished, m_context, [this, reply] { finish(reply); });
    // A whole-exchange deadline (QNetworkRequest's transfer timeout only measures silence).
    QTimer::singleShot(m_policy.timeoutMs, reply, [this, reply] {
        const auto it = m_inFlight.find(reply);
        if (it != m_inFlight.end() && reply->isRunning()) {
            it->timedOut = true;
            reply->abort();
        }
    });
    return true;
}

void WebhookDispatcher::finish(QNetworkReply *reply)
{
    const auto it = m_inFlight.find(reply);
    if (it == m_inFlight.end())
        return;
    const InFlight flight = *it;
    m_inFlight.erase(it);
    reply->deleteLater();

    const qint64 latency = flight.elapsed.elapsed();
    const int code = flight.timedOut ? 0 : reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const bool succeeded = code >= 200 && code < 300;
    QString error;
    if (flight.timedOut)
        error = u"Timed out after %1 ms"_s.arg(m_policy.timeoutMs);
    else if (code >= 300 && code < 400)
        error = u"HTTP %1: redirects are not followed"_s.arg(code);
    else if (code > 0 && !succeeded)
        error = u"HTTP %1"_s.arg(code);
    else if (code == 0)
        error = networkErrorText(reply);

    const int attempts = flight.attempts + 1;
    QString status = u"SUCCEEDED"_s;
    QVariant nextAttemptAt(QMetaType::fromType<qlonglong>());
    if (!succeeded) {
        if (attempts <= m_policy.maxRetries) {
            status = u"PENDING"_s;
            nextAttemptAt = QDateTime::currentMSecsSinceEpoch() + m_policy.delayAfter(attempts);
        } else {
            status = u"FAILED"_s;
        }
    }
    const QVariant nullInt(QMetaType::fromType<qlonglong>());
    const QVariant nullText(QMetaType::fromType<QString>());
    const QVariant nullBytes(QMetaType::fromType<QByteArray>());
    auto updated = m_database.exec(
        u"UPDATE core_webhookDelivery SET status = ?, attempts = ?, responseCode = ?, latencyMs = ?, error = ?, "
        "lastAttemptAt = ?, nextAttemptAt = ?, requestHeaders = ?, responseHeaders = ?, responseBody = ? WHERE id = ?"_s,
        {status, attempts, code > 0 ? QVariant(code) : nullInt, code > 0 ? QVariant(latency) : nullInt,
         error.isEmpty() ? nullText : QVariant(error), clock::nowIso(), nextAttemptAt,
         QString::fromUtf8(flight.requestHeaders),
         code > 0 ? QVariant(QString::fromUtf8(headersJson(reply->rawHeaderPairs()))) : nullText,
         code > 0 ? QVariant(reply->read(kMaxStoredResponse)) : nullBytes, flight.id});
    if (!updated)
        qCWarning(lcServices).noquote() << "webhook delivery" << flight.id
                                        << "not recorded:" << updated.error().message;
    qCInfo(lcServices).noquote() << "webhook delivery" << flight.id << "attempt" << attempts << "->"
                                 << (succeeded ? u"HTTP %1"_s.arg(code) : error) << "in" << latency << "ms," << status;
    if (m_stopping) {
        if (m_inFlight.isEmpty())
            shutdown();
        return;
    }
    poll();
}

} // namespace vingt
