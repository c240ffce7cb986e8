#pragma once

#include "gui/backendcontext.h"
#include "gui/rowmodel.h"
#include "services/webhookservice.h"

#include <QTimer>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QJSEngine;

namespace vingt::gui {

/// @brief APIs & Webhooks → Webhooks: the list, create / edit (URL, events, description, secret), delete, and one
/// webhook's delivery log (`currentWebhookId`) with each delivery's request and response, Replay and Send test
/// event. Calls WebhookService in process; refreshes itself every two seconds so API changes and delivery outcomes
/// appear.
class WebhooksController : public vingt::gui::Controller
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(vingt::gui::RowModel *webhooks READ webhooks CONSTANT)
    Q_PROPERTY(vingt::gui::RowModel *deliveries READ deliveries CONSTANT)
    Q_PROPERTY(QString currentWebhookId READ currentWebhookId WRITE setCurrentWebhookId NOTIFY currentWebhookIdChanged)
    Q_PROPERTY(int deliveryCount READ deliveryCount NOTIFY deliveriesLoaded)
    Q_PROPERTY(QStringList objectNames READ objectNames NOTIFY objectNamesChanged)
    Q_PROPERTY(QStringList actions READ actions CONSTANT)

public:
    explicit WebhooksController(QObject *parent = nullptr);
    static WebhooksController *create(QQmlEngine *, QJSEngine *) { return new WebhooksController; }

    [[nodiscard]] RowModel *webhooks() { return &m_webhooks; }
    [[nodiscard]] RowModel *deliveries() { return &m_deliveries; }
    [[nodiscard]] QString currentWebhookId() const { return m_current; }
    void setCurrentWebhookId(const QString &id);
    [[nodiscard]] int deliveryCount() const { return int(m_deliveryTotal); }
    /// `*` and the objects' singular names, for the events picker.
    [[nodiscard]] QStringList objectNames() const { return m_objectNames; }
    /// `*` and the actions of §10.2.
    [[nodiscard]] static QStringList actions();

    Q_INVOKABLE void refresh();
    /// Create when `id` is empty, else update. Answered by saved / saveFailed.
    Q_INVOKABLE void save(const QString &id, const QString &targetUrl, const QStringList &operations,
                          const QString &description, const QString &secret);
    Q_INVOKABLE void remove(const QString &id);
    /// The webhook's row (see webhooks), or an empty map.
    Q_INVOKABLE [[nodiscard]] QVariantMap webhook(const QString &id) const;
    /// One delivery with its request and response; answered by deliveryLoaded.
    Q_INVOKABLE void loadDelivery(const QString &deliveryId);
    Q_INVOKABLE void replay(const QString &deliveryId);
    Q_INVOKABLE void sendTestEvent();
    /// 32 random bytes as hex.
    Q_INVOKABLE [[nodiscard]] static QString generateSecret();
    /// A Node.js receiver's signature check (API-CONTRACT §10.3) with `secret` filled in.
    Q_INVOKABLE [[nodiscard]] static QString signatureSnippet(const QString &secret);
    /// `<object>.<action>`, or an empty string when the pair is not a valid operation.
    Q_INVOKABLE [[nodiscard]] static QString operation(const QString &object, const QString &action);

    [[nodiscard]] static QVariantMap row(const Webhook &hook);
    [[nodiscard]] static QVariantMap deliveryRow(const WebhookDelivery &delivery);
    /// deliveryRow() plus the exchange: request headers and (pretty-printed) body, response headers and body.
    [[nodiscard]] static QVariantMap deliveryDetail(const WebhookDelivery &delivery);

Q_SIGNALS:
    void currentWebhookIdChanged();
    void deliveriesLoaded();
    void objectNamesChanged();
    void saved(const QString &id);
    void saveFailed(const QString &message);
    void removed(const QString &id);
    void actionFailed(const QString &message);
    void deliveryLoaded(const QVariantMap &delivery);
    /// A replay or a test event was queued: `deliveryId` is the new delivery.
    void queued(const QString &deliveryId);

private:
    void loadDeliveries();
    /// After a replay or a test event: queued, or actionFailed.
    void announce(const Result<WebhookDelivery> &queuedDelivery);

    RowModel m_webhooks;
    RowModel m_deliveries;
    QString m_current;
    qint64 m_deliveryTotal = 0;
    QStringList m_objectNames;
    QTimer m_poll;
};

} // namespace vingt::gui
