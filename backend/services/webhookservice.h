#pragma once

#include "core/result.h"
#include "services/actor.h"
#include "services/recordevents.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace vingt {

class Workspace;
class WebhookDispatcher;

/// @brief One webhook row (API-CONTRACT §10.1).
struct Webhook {
    QString id;
    QString targetUrl;
    QStringList operations;
    std::optional<QString> description;
    QString secret; ///< "" when omitted (Vingt's choice)
    QString createdAt;
    QString updatedAt;
    QString deletedAt; ///< empty unless soft-deleted
};

/// @brief One delivery of one event to one webhook, with its last attempt (§10.4), plus the exchange the desktop
/// app shows (request headers and body, response headers and body).
struct WebhookDelivery {
    QString id;
    QString webhookId;
    QString eventName;
    QString recordId;
    QString status; ///< PENDING | SUCCEEDED | FAILED
    int attempts = 0;
    std::optional<int> responseCode;
    std::optional<qint64> latencyMs;
    QString error;
    QString replayOf;
    QString createdAt;
    QString lastAttemptAt;
    QByteArray body;            ///< the request body, identical for every attempt
    QByteArray requestHeaders;  ///< JSON object of the last attempt's headers
    QByteArray responseHeaders; ///< JSON object, empty without a response
    QByteArray responseBody;    ///< the first 64 KiB

    /// A test event (sendTestEvent) or a replay of one: the only deliveries without a record.
    [[nodiscard]] bool isTest() const { return recordId.isEmpty(); }
};

/// @brief Paging of the delivery log (§10.4): newest first, cursors are delivery ids.
struct WebhookDeliveryQuery {
    int limit = 60;
    QString startingAfter;
    QString endingBefore;
};

struct WebhookDeliveryPage {
    std::vector<WebhookDelivery> deliveries;
    qint64 totalCount = 0;
    bool hasNextPage = false;
    bool hasPreviousPage = false;
};

/// @brief Webhooks of one workspace (API-CONTRACT §10): CRUD with validation, the record events of RecordService
/// turned into persisted deliveries (one per webhook × record event, §10.2), the delivery log and replay (§10.4), and
/// the delivery worker (WebhookDispatcher) that sends them off the request path.
///
/// Every operation taking an Actor needs the `API_KEYS_AND_WEBHOOKS` flag (§6.3). Inputs are JSON objects shaped
/// like the GraphQL inputs; unknown members are 400s naming them (§0.4). Events are enqueued synchronously after the
/// record transaction committed (one small write transaction, only when a webhook matches), so a delivery exists
/// before the API answers; sending is the worker's job. Thread rule: callable from any thread; the webhook list is
/// cached in memory (swapped under a mutex) and reloaded after every change made through this service, and on
/// PostgreSQL at most every 250 ms as well (changes made through other servers on the database).
class WebhookService final : public RecordEventSink
{
public:
    explicit WebhookService(Workspace &workspace);
    ~WebhookService() override; ///< stops the worker (in-flight deliveries finish first)

    /// `webhooks`: live webhooks, oldest first.
    [[nodiscard]] Result<std::vector<Webhook>> list(const Actor &actor);
    /// `webhook(id)`: NotFound when unknown or deleted.
    [[nodiscard]] Result<Webhook> get(const Actor &actor, const QString &id);
    /// `createWebhook`: `{id?, targetUrl!, operations?, description?, secret?}`; operations default to `["*.*"]`.
    [[nodiscard]] Result<Webhook> create(const Actor &actor, const QJsonObject &input);
    /// `updateWebhook`: `{targetUrl?, operations?, description?, secret?}` (an `id` member must match).
    [[nodiscard]] Result<Webhook> update(const Actor &actor, const QString &id, const QJsonObject &input);
    /// `deleteWebhook`: soft delete; returns the deleted webhook. Its pending deliveries are not sent.
    [[nodiscard]] Result<Webhook> remove(const Actor &actor, const QString &id);

    /// The delivery log of a live webhook, newest first.
    [[nodiscard]] Result<WebhookDeliveryPage> deliveries(const Actor &actor, const QString &webhookId,
                                                         const WebhookDeliveryQuery &query);
    /// One delivery with its request and response.
    [[nodiscard]] Result<WebhookDelivery> delivery(const Actor &actor, const QString &webhookId,
                                                   const QString &deliveryId);
    /// Resends the stored body to the webhook's current URL and secret as a new delivery (`replayOf` = original).
    [[nodiscard]] Result<WebhookDelivery> replay(const Actor &actor, const QString &webhookId,
                                                 const QString &deliveryId);

    /// Queues a test event to a live webhook (desktop app "Send test event", `POST .../webhooks/{id}/test`): a
    /// `<object>.created` body shaped as §10.3 with a sample record (a fresh id, timestamps, nothing else), for the
    /// first object its operations name (`person` when they only have wildcards). Stored without a `recordId`, which
    /// is how the log tells it from a real event.
    [[nodiscard]] Result<WebhookDelivery> sendTestEvent(const Actor &actor, const QString &webhookId);

    /// Starts the delivery worker (the server and the desktop app do; CLI commands do not, so they never send).
    void startDelivery();
    /// Stops it; in-flight deliveries finish (bounded by webhook.timeoutMs), pending ones stay for the next start.
    void stopDelivery();

    // RecordEventSink
    [[nodiscard]] bool wantsEvent(const QString &objectNameSingular, RecordAction action) const override;
    void recordsChanged(const std::vector<RecordEvent> &events, const Actor &actor) override;

    /// §10.2: `operations` contains `obj.action`, `*.action`, `obj.*` or `*.*`.
    [[nodiscard]] static bool matches(const QStringList &operations, QStringView objectNameSingular, QStringView action);
    /// §10.1: `<nameSingular|*>.<created|updated|deleted|destroyed|restored|*>`.
    [[nodiscard]] static bool isValidOperation(const QString &operation);
    /// §10.1: an absolute http(s) URL with a host, normalized as URL parsing does (`https://a.com` → `https://a.com/`);
    /// nullopt when invalid.
    [[nodiscard]] static std::optional<QString> normalizeTargetUrl(const QString &url);
    /// §10.3: lowercase hex HMAC-SHA256 keyed by `secret` over `<timestamp>:<body>`.
    [[nodiscard]] static QByteArray signature(const QByteArray &secret, const QByteArray &timestamp,
                                              const QByteArray &body);

    /// Deliveries kept per webhook (§10.4); older finished ones are pruned.
    static constexpr int kRetention = 1000;

private:
    using WebhookList = std::shared_ptr<const std::vector<Webhook>>;
    [[nodiscard]] Result<Webhook> load(const QString &id);
    [[nodiscard]] Result<void> reloadCache();
    [[nodiscard]] WebhookList cached() const;
    [[nodiscard]] Result<WebhookDelivery> loadDelivery(const QString &webhookId, const QString &deliveryId);
    /// Inserts a PENDING delivery due now, wakes the worker and returns it as queued.
    [[nodiscard]] Result<WebhookDelivery> enqueue(const QString &webhookId, const QString &eventName,
                                                  const QString &recordId, const QByteArray &body,
                                                  const QString &replayOf);
    void wakeWorker();

    Workspace &m_workspace;
    mutable std::mutex m_cacheMutex;
    WebhookList m_cache;
    static constexpr qint64 kFollowMs = 250;
    mutable std::atomic<qint64> m_lastReloadMs{0}; ///< PostgreSQL: when cached() last reloaded the list
    std::mutex m_workerMutex;
    std::unique_ptr<WebhookDispatcher> m_dispatcher;
};

} // namespace vingt
