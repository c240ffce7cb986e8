#pragma once

#include "services/settings.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QPointer>
#include <QString>
#include <QThread>

#include <vector>

class QNetworkAccessManager;
class QNetworkReply;
class QObject;
class QTimer;

namespace vingt {

class Database;

/// @brief When failed deliveries are retried (§10.2): `webhook.maxRetries` retries after `webhook.retryDelay1Ms`,
/// `…2Ms`, `…3Ms` (10 s, 60 s, 300 s); further retries reuse the last delay. Settings, so tests can shorten them.
struct WebhookRetryPolicy {
    int timeoutMs = 5000;
    int maxRetries = 3;
    std::vector<qint64> delaysMs{10000, 60000, 300000};

    [[nodiscard]] static WebhookRetryPolicy fromSettings(const Settings &settings);
    /// Delay before the retry that follows failed attempt number `attempts` (1-based).
    [[nodiscard]] qint64 delayAfter(int attempts) const;
};

/// @brief The delivery worker of one workspace (API-CONTRACT §10.2–10.4, DECISIONS "Webhooks"): its own thread with
/// an event loop and a QNetworkAccessManager (Qt's HTTP client speaks https, which a hand-written Beast client would
/// not without OpenSSL plumbing; redirects are not followed: ManualRedirectPolicy, a 3xx is a failure).
///
/// The queue is the `core_webhookDelivery` table: a PENDING row is due at `nextAttemptAt`. Before a row is sent its
/// `nextAttemptAt` is moved past the attempt's deadline by an UPDATE that only matches a row still due (the claim and
/// a lease in one), so among several servers on one database exactly one sends each attempt, and a crash mid-flight
/// only delays a resend with the same `X-Vingt-Delivery-Id` (at-least-once); stop() lets in-flight requests finish, so in normal operation each
/// delivery is sent once. At most six requests are in flight (QNetworkAccessManager's per-host limit: a queued
/// request must not eat into its own timeout). Polls when woken, when the next row is due, and every second (rows
/// written by another process). Thread rule: start/stop/wake from any thread; everything else runs on the worker.
class WebhookDispatcher
{
public:
    WebhookDispatcher(Database &database, const Settings &settings);
    ~WebhookDispatcher(); ///< stop()
    WebhookDispatcher(const WebhookDispatcher &) = delete;
    WebhookDispatcher &operator=(const WebhookDispatcher &) = delete;

    void start();
    void stop();
    /// Deliveries were queued: poll now.
    void wake();

    static constexpr int kMaxInFlight = 6;
    static constexpr int kIdlePollMs = 1000;
    static constexpr int kLeaseMarginMs = 10000;
    static constexpr qsizetype kMaxStoredResponse = 64 * 1024;

private:
    struct InFlight {
        QString id;
        int attempts = 0; ///< attempts before this one
        QElapsedTimer elapsed;
        bool timedOut = false;
        QByteArray requestHeaders;
    };
    struct Due;

    void initialize();
    void poll();
    /// Claims the row and sends it; false when it was no longer due (another server claimed it) or unwritable.
    [[nodiscard]] bool send(const Due &due);
    void finish(QNetworkReply *reply);
    void shutdown();
    void failWithoutSending(const QString &id, int attempts, const QString &error);

    Database &m_database;
    const WebhookRetryPolicy m_policy;
    QThread m_thread;
    QObject *m_context = nullptr; ///< lives on m_thread; parent of the manager and the timer
    QNetworkAccessManager *m_manager = nullptr;
    QTimer *m_timer = nullptr;
    QHash<QNetworkReply *, InFlight> m_inFlight;
    bool m_stopping = false;
};

} // namespace vingt
