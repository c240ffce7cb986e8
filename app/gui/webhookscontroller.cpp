#include "gui/webhookscontroller.h"

#include "gui/format.h"
#include "model/datamodel.h"
#include "services/workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

namespace vingt::gui {

using namespace Qt::StringLiterals;

namespace {

/// The last page of the log the detail page shows (the REST route pages through all of it).
constexpr int kDeliveryRows = 100;

/// A JSON object of headers (as the service stores them) as "Name: value" lines.
QString headerLines(const QByteArray &json)
{
    const QJsonObject headers = QJsonDocument::fromJson(json).object();
    QStringList lines;
    for (auto it = headers.begin(); it != headers.end(); ++it)
        lines << it.key() + u": "_s + it.value().toString();
    return lines.join(u'\n');
}

/// Pretty-printed when it is JSON, as is otherwise.
QString bodyText(const QByteArray &body)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error == QJsonParseError::NoError && !doc.isNull())
        return QString::fromUtf8(doc.toJson(QJsonDocument::Indented)).trimmed();
    return QString::fromUtf8(body);
}

struct Snapshot {
    Result<std::vector<Webhook>> hooks;
    QStringList objectNames;
};

} // namespace

WebhooksController::WebhooksController(QObject *parent)
    : Controller(parent)
    , m_webhooks({u"id"_s, u"targetUrl"_s, u"operations"_s, u"operationsText"_s, u"description"_s, u"secret"_s,
                  u"createdAt"_s, u"createdText"_s},
                 this)
    , m_deliveries({u"id"_s, u"eventName"_s, u"status"_s, u"statusTone"_s, u"responseCodeText"_s, u"latencyText"_s,
                    u"attempts"_s, u"timeText"_s, u"error"_s, u"isTest"_s, u"replayOf"_s},
                   this)
{
    m_poll.setInterval(2000);
    connect(&m_poll, &QTimer::timeout, this, [this] {
        if (!busy())
            refresh();
    });
    m_poll.start();
    refresh();
}

QStringList WebhooksController::actions()
{
    return {u"*"_s, u"created"_s, u"updated"_s, u"deleted"_s, u"destroyed"_s, u"restored"_s};
}

QString WebhooksController::operation(const QString &object, const QString &action)
{
    const QString op = object.trimmed() + u'.' + action.trimmed();
    return WebhookService::isValidOperation(op) ? op : QString();
}

QVariantMap WebhooksController::row(const Webhook &hook)
{
    return {{u"id"_s, hook.id},
            {u"targetUrl"_s, hook.targetUrl},
            {u"operations"_s, hook.operations},
            {u"operationsText"_s, hook.operations.join(u", "_s)},
            {u"description"_s, hook.description.value_or(QString())},
            {u"secret"_s, hook.secret},
            {u"createdAt"_s, hook.createdAt},
            {u"createdText"_s, format::date(format::parse(hook.createdAt))}};
}

QVariantMap WebhooksController::deliveryRow(const WebhookDelivery &d)
{
    const QString tone = d.status == "SUCCEEDED"_L1 ? u"success"_s
                         : d.status == "FAILED"_L1  ? u"danger"_s
                                                    : u"warning"_s;
    return {{u"id"_s, d.id},
            {u"eventName"_s, d.eventName},
            {u"status"_s, d.status},
            {u"statusTone"_s, tone},
            {u"responseCodeText"_s, d.responseCode ? QString::number(*d.responseCode) : u"—"_s},
            {u"latencyText"_s, d.latencyMs ? u"%1 ms"_s.arg(*d.latencyMs) : u"—"_s},
            {u"attempts"_s, d.attempts},
            {u"timeText"_s, format::relative(format::parse(d.lastAttemptAt.isEmpty() ? d.createdAt : d.lastAttemptAt))},
            {u"error"_s, d.error},
            {u"isTest"_s, d.isTest()},
            {u"replayOf"_s, d.replayOf}};
}

QVariantMap WebhooksController::deliveryDetail(const WebhookDelivery &d)
{
    QVariantMap map = deliveryRow(d);
    map.insert(u"createdText"_s, format::relative(format::parse(d.createdAt)));
    map.insert(u"requestHeaders"_s, headerLines(d.requestHeaders));
    map.insert(u"requestBody"_s, bodyText(d.body));
    map.insert(u"responseHeaders"_s, headerLines(d.responseHeaders));
    map.insert(u"responseBody"_s, QString::fromUtf8(d.responseBody));
    map.insert(u"hasResponse"_s, d.responseCode.has_value());
    return map;
}

void WebhooksController::setCurrentWebhookId(const QString &id)
{
    if (id == m_current)
        return;
    m_current = id;
    m_deliveries.setRows({});
    m_deliveryTotal = 0;
    Q_EMIT currentWebhookIdChanged();
    Q_EMIT deliveriesLoaded();
    loadDeliveries();
}

void WebhooksController::refresh()
{
    Workspace *workspace = &BackendContext::current().workspace();
    run(
        [workspace] {
            Snapshot snapshot{workspace->webhooks().list(BackendContext::actor()), {u"*"_s}};
            for (const ObjectMetadata &object : workspace->dataModel()->objects()) {
                if (object.isActive && !object.isSystem)
                    snapshot.objectNames << object.nameSingular;
            }
            return snapshot;
        },
        [this](Snapshot snapshot) {
            if (snapshot.hooks) {
                QList<QVariantMap> rows;
                for (const Webhook &hook : *snapshot.hooks) // oldest first, as the API lists them
                    rows.append(row(hook));
                m_webhooks.setRows(std::move(rows));
            }
            if (snapshot.objectNames != m_objectNames) {
                m_objectNames = snapshot.objectNames;
                Q_EMIT objectNamesChanged();
            }
        },
        true);
    loadDeliveries();
}

void WebhooksController::loadDeliveries()
{
    if (m_current.isEmpty())
        return;
    Workspace *workspace = &BackendContext::current().workspace();
    run(
        [workspace, id = m_current] {
            WebhookDeliveryQuery query;
            query.limit = kDeliveryRows;
            return workspace->webhooks().deliveries(BackendContext::actor(), id, query);
        },
        [this, id = m_current](Result<WebhookDeliveryPage> page) {
            if (id != m_current || !page)
                return;
            QList<QVariantMap> rows;
            for (const WebhookDelivery &d : page->deliveries)
                rows.append(deliveryRow(d));
            m_deliveries.setRows(std::move(rows));
            m_deliveryTotal = page->totalCount;
            Q_EMIT deliveriesLoaded();
        },
        true);
}

void WebhooksController::save(const QString &id, const QString &targetUrl, const QStringList &operations,
                              const QString &description, const QString &secret)
{
    const QJsonObject input{{u"targetUrl"_s, targetUrl.trimmed()},
                            {u"operations"_s, QJsonArray::fromStringList(operations)},
                            {u"description"_s, description.trimmed().isEmpty() ? QJsonValue() : description.trimmed()},
                            {u"secret"_s, secret}};
    Workspace *workspace = &BackendContext::current().workspace();
    run(
        [workspace, id, input] {
            WebhookService &service = workspace->webhooks();
            return id.isEmpty() ? service.create(BackendContext::actor(), input)
                                : service.update(BackendContext::actor(), id, input);
        },
        [this](Result<Webhook> hook) {
            if (!hook) {
                Q_EMIT saveFailed(hook.error().message);
                return;
            }
            refresh();
            Q_EMIT saved(hook->id);
        });
}

void WebhooksController::remove(const QString &id)
{
    Workspace *workspace = &BackendContext::current().workspace();
    run([workspace, id] { return workspace->webhooks().remove(BackendContext::actor(), id); },
        [this, id](Result<Webhook> result) {
            if (!result) {
                Q_EMIT actionFailed(result.error().message);
                return;
            }
            refresh();
            Q_EMIT removed(id);
        });
}

QVariantMap WebhooksController::webhook(const QString &id) const
{
    return m_webhooks.get(m_webhooks.indexOfId(id));
}

void WebhooksController::loadDelivery(const QString &deliveryId)
{
    Workspace *workspace = &BackendContext::current().workspace();
    run([workspace, id = m_current,
         deliveryId] { return workspace->webhooks().delivery(BackendContext::actor(), id, deliveryId); },
        [this](Result<WebhookDelivery> delivery) {
            if (!delivery) {
                Q_EMIT actionFailed(delivery.error().message);
                return;
            }
            Q_EMIT deliveryLoaded(deliveryDetail(*delivery));
        },
        true);
}

void WebhooksController::replay(const QString &deliveryId)
{
    Workspace *workspace = &BackendContext::current().workspace();
    run([workspace, id = m_current,
         deliveryId] { return workspace->webhooks().replay(BackendContext::actor(), id, deliveryId); },
        [this](const Result<WebhookDelivery> &queuedDelivery) { announce(queuedDelivery); });
}

void WebhooksController::sendTestEvent()
{
    Workspace *workspace = &BackendContext::current().workspace();
    run([workspace, id = m_current] { return workspace->webhooks().sendTestEvent(BackendContext::actor(), id); },
        [this](const Result<WebhookDelivery> &queuedDelivery) { announce(queuedDelivery); });
}

void WebhooksController::announce(const Result<WebhookDelivery> &queuedDelivery)
{
    if (!queuedDelivery) {
        Q_EMIT actionFailed(queuedDelivery.error().message);
        return;
    }
    loadDeliveries();
    Q_EMIT queued(queuedDelivery->id);
}

QString WebhooksController::generateSecret()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    return QString::fromLatin1(bytes.toHex());
}

QString WebhooksController::signatureSnippet(const QString &secret)
{
    const QString shown = secret.isEmpty() ? u"<your secret>"_s : secret;
    return uR"(// Node.js: check X-Twenty-Webhook-Signature on the raw body, before parsing it.
const crypto = require("crypto");
const SECRET = %1;
function verified(headers, rawBody) {
  const ts = headers["x-twenty-webhook-timestamp"];
  const expected = crypto.createHmac("sha256", SECRET).update(`${ts}:${rawBody}`).digest("hex");
  const given = Buffer.from(headers["x-twenty-webhook-signature"] || "", "hex");
  return given.length === 32 && crypto.timingSafeEqual(Buffer.from(expected, "hex"), given);
})"_s.arg(QString::fromUtf8(QJsonDocument(QJsonArray{shown}).toJson(QJsonDocument::Compact)).mid(1).chopped(1));
}

} // namespace vingt::gui
