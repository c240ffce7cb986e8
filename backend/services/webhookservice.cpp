#include "services/webhookservice.h"

#include "core/clock.h"
#include "core/json.h"
#include "core/jsonwriter.h"
#include "core/logging.h"
#include "core/uuid.h"
#include "services/webhookdispatcher.h"
#include "services/workspace.h"

#include <QJsonArray>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

namespace vingt {

using namespace Qt::StringLiterals;

namespace {

const QString kSelectWebhook
    = u"SELECT id, targetUrl, operations, description, secret, createdAt, updatedAt, deletedAt FROM core_webhook"_s;
const QString kSelectDelivery
    = u"SELECT id, webhookId, eventName, recordId, status, attempts, responseCode, latencyMs, error, replayOf, "
      "createdAt, lastAttemptAt, body, requestHeaders, responseHeaders, responseBody FROM core_webhookDelivery"_s;

Webhook readWebhook(Rows &rows)
{
    Webhook hook;
    hook.id = rows.value(0).toString();
    hook.targetUrl = rows.value(1).toString();
    const auto operations = json::parse(rows.value(2).toString().toUtf8());
    if (operations && operations->isArray()) {
        for (const QJsonValue &op : operations->toArray())
            hook.operations << op.toString();
    }
    if (!rows.value(3).isNull())
        hook.description = rows.value(3).toString();
    hook.secret = rows.value(4).toString();
    hook.createdAt = rows.value(5).toString();
    hook.updatedAt = rows.value(6).toString();
    hook.deletedAt = rows.value(7).toString();
    return hook;
}

WebhookDelivery readDelivery(Rows &rows)
{
    WebhookDelivery d;
    d.id = rows.value(0).toString();
    d.webhookId = rows.value(1).toString();
    d.eventName = rows.value(2).toString();
    d.recordId = rows.value(3).toString();
    d.status = rows.value(4).toString();
    d.attempts = rows.value(5).toInt();
    if (!rows.value(6).isNull())
        d.responseCode = rows.value(6).toInt();
    if (!rows.value(7).isNull())
        d.latencyMs = rows.value(7).toLongLong();
    d.error = rows.value(8).toString();
    d.replayOf = rows.value(9).toString();
    d.createdAt = rows.value(10).toString();
    d.lastAttemptAt = rows.value(11).toString();
    d.body = rows.value(12).toByteArray();
    d.requestHeaders = rows.value(13).toByteArray();
    d.responseHeaders = rows.value(14).toByteArray();
    d.responseBody = rows.value(15).toByteArray();
    return d;
}

Error webhookNotFound(const QString &id)
{
    return Error{ErrorKind::NotFound, u"Webhook '%1' not found"_s.arg(id), u"WEBHOOK_NOT_FOUND"_s};
}

Error unknownField(const QString &name)
{
    return Error::badRequest(u"Field '%1' not found on object 'webhook'"_s.arg(name));
}

QString describe(const QJsonValue &value)
{
    return value.isString() ? value.toString() : QString::fromUtf8(json::serialize(value));
}

/// The validated columns of a create or update; unset members stay nullopt.
struct WebhookInput {
    std::optional<QString> targetUrl;
    std::optional<QStringList> operations;
    std::optional<std::optional<QString>> description;
    std::optional<QString> secret;
};

Result<WebhookInput> parseInput(const QJsonObject &input, bool create, const QString &id)
{
    WebhookInput parsed;
    for (auto it = input.begin(); it != input.end(); ++it) {
        const QString key = it.key();
        const QJsonValue value = it.value();
        if (key == "id"_L1) {
            if (!value.isString() || !uuid::isValid(value.toString()))
                return Error::badRequest(
                    u"Field 'id' on object 'webhook' expects a UUID, got '%1'"_s.arg(describe(value)));
            if (!create && value.toString().compare(id, Qt::CaseInsensitive) != 0)
                return Error::badRequest(u"Field 'id' does not match the webhook id '%1'"_s.arg(id));
        } else if (key == "targetUrl"_L1) {
            const auto url = value.isString() ? WebhookService::normalizeTargetUrl(value.toString()) : std::nullopt;
            if (!url)
                return Error::badRequest(u"Invalid target URL provided"_s);
            parsed.targetUrl = *url;
        } else if (key == "operations"_L1) {
            if (!value.isArray())
                return Error::badRequest(u"Field 'operations' on object 'webhook' expects an array of strings"_s);
            QStringList operations;
            for (const QJsonValue &op : value.toArray()) {
                if (!op.isString() || !WebhookService::isValidOperation(op.toString())) {
                    return Error::badRequest(
                        u"Invalid operation '%1' in 'operations': expected '<object>.<action>' where <object> is an "
                        "object's nameSingular or '*' and <action> is one of created, updated, deleted, destroyed, "
                        "restored or '*'"_s.arg(describe(op)));
                }
                if (!operations.contains(op.toString()))
                    operations << op.toString();
            }
            parsed.operations = operations;
        } else if (key == "description"_L1) {
            if (!value.isString() && !value.isNull())
                return Error::badRequest(u"Field 'description' on object 'webhook' expects a string"_s);
            parsed.description = value.isNull() ? std::optional<QString>() : std::optional<QString>(value.toString());
        } else if (key == "secret"_L1) {
            if (!value.isString() && !value.isNull())
                return Error::badRequest(u"Field 'secret' on object 'webhook' expects a string"_s);
            parsed.secret = value.toString();
        } else {
            return unknownField(key);
        }
    }
    if (create && !parsed.targetUrl) {
        if (input.contains("targetUrl"_L1))
            return Error::badRequest(u"Invalid target URL provided"_s);
        return Error::badRequest(u"Field 'targetUrl' on object 'webhook' is required"_s);
    }
    return parsed;
}

QString operationsJson(const QStringList &operations)
{
    return QString::fromUtf8(json::serialize(QJsonArray::fromStringList(operations)));
}

QVariant nullableText(const std::optional<QString> &text)
{
    return text ? QVariant(*text) : QVariant(QMetaType::fromType<QString>());
}

/// The §10.3 body, compact, keys in the contract's order.
QByteArray deliveryBody(const Webhook &hook, const RecordEvent &event, const QString &workspaceId,
                        const std::optional<QVariant> &userId, const QString &workspaceMemberId)
{
    JsonWriter out;
    out.beginObject();
    out.key("targetUrl"_L1);
    out.value(QStringView(hook.targetUrl));
    out.key("eventName"_L1);
    out.value(QStringView(event.eventName()));
    out.key("objectMetadata"_L1);
    out.beginObject();
    out.key("id"_L1);
    out.value(QStringView(event.objectMetadataId));
    out.key("nameSingular"_L1);
    out.value(QStringView(event.objectNameSingular));
    out.endObject();
    out.key("workspaceId"_L1);
    out.value(QStringView(workspaceId));
    out.key("webhookId"_L1);
    out.value(QStringView(hook.id));
    out.key("eventDate"_L1);
    out.value(QStringView(event.eventDate));
    if (!workspaceMemberId.isEmpty()) { // absent, not null, for API-key changes
        out.key("userId"_L1);
        if (!userId || userId->isNull() || userId->toString().isEmpty())
            out.null();
        else
            out.value(QStringView(userId->toString()));
        out.key("workspaceMemberId"_L1);
        out.value(QStringView(workspaceMemberId));
    }
    out.key("record"_L1);
    out.raw(event.recordJson);
    if (event.action == RecordAction::Updated) {
        out.key("updatedFields"_L1);
        out.beginArray();
        for (const QString &name : event.updatedFields)
            out.value(QStringView(name));
        out.endArray();
    }
    out.endObject();
    return out.take();
}

} // namespace

WebhookService::WebhookService(Workspace &workspace) : m_workspace(workspace) {}

WebhookService::~WebhookService()
{
    stopDelivery();
}

// ---------------------------------------------------------------------------------------------------------------------
// Pure rules

bool WebhookService::matches(const QStringList &operations, QStringView objectNameSingular, QStringView action)
{
    for (const QString &operation : operations) {
        const qsizetype dot = operation.indexOf(u'.');
        if (dot < 0)
            continue;
        const QStringView object = QStringView(operation).left(dot);
        const QStringView verb = QStringView(operation).mid(dot + 1);
        if ((object == u"*" || object == objectNameSingular) && (verb == u"*" || verb == action))
            return true;
    }
    return false;
}

bool WebhookService::isValidOperation(const QString &operation)
{
    static const QRegularExpression pattern(
        u"^(\\*|[A-Za-z][A-Za-z0-9]*)\\.(\\*|created|updated|deleted|destroyed|restored)$"_s);
    return pattern.match(operation).hasMatch();
}

std::optional<QString> WebhookService::normalizeTargetUrl(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid() || url.isRelative() || url.host().isEmpty())
        return std::nullopt;
    const QString scheme = url.scheme().toLower();
    if (scheme != "http"_L1 && scheme != "https"_L1)
        return std::nullopt;
    // As WHATWG URL parsing does: lower-case scheme and host, default port dropped, empty path → "/".
    url.setScheme(scheme);
    if ((scheme == "http"_L1 && url.port() == 80) || (scheme == "https"_L1 && url.port() == 443))
        url.setPort(-1);
    if (url.path().isEmpty())
        url.setPath(u"/"_s);
    return url.toString(QUrl::FullyEncoded);
}

QByteArray WebhookService::signature(const QByteArray &secret, const QByteArray &timestamp, const QByteArray &body)
{
    return QMessageAuthenticationCode::hash(timestamp + ':' + body, secret, QCryptographicHash::Sha256).toHex();
}

// ---------------------------------------------------------------------------------------------------------------------
// CRUD (§10.1)

Result<Webhook> WebhookService::load(const QString &id)
{
    if (!uuid::isValid(id))
        return webhookNotFound(id);
    auto rows = m_workspace.database().exec(kSelectWebhook + u" WHERE id = ? AND deletedAt IS NULL"_s, {id.toLower()});
    if (!rows)
        return rows.error();
    if (!rows->next())
        return webhookNotFound(id);
    return readWebhook(*rows);
}

Result<void> WebhookService::reloadCache()
{
    // Under the lock, so that two reloads racing each other cannot publish an older list last.
    std::lock_guard lock(m_cacheMutex);
    auto rows = m_workspace.database().exec(kSelectWebhook + u" WHERE deletedAt IS NULL ORDER BY createdAt, id"_s);
    if (!rows)
        return rows.error();
    auto list = std::make_shared<std::vector<Webhook>>();
    while (rows->next())
        list->push_back(readWebhook(*rows));
    m_cache = std::move(list);
    return {};
}

WebhookService::WebhookList WebhookService::cached() const
{
    // Issue 8: webhooks created or changed through another server on the same PostgreSQL database count here within
    // a quarter of a second: one caller at a time reloads the (small) list when it is older than that.
    if (m_workspace.database().config().isPostgres()) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        qint64 last = m_lastReloadMs.load();
        if (now - last >= kFollowMs && m_lastReloadMs.compare_exchange_strong(last, now)) {
            if (auto reloaded = const_cast<WebhookService *>(this)->reloadCache(); !reloaded)
                qCWarning(lcServices).noquote() << "cannot reload webhooks:" << reloaded.error().message;
        }
    }
    {
        std::lock_guard lock(m_cacheMutex);
        if (m_cache)
            return m_cache;
    }
    if (auto reloaded = const_cast<WebhookService *>(this)->reloadCache(); !reloaded)
        qCWarning(lcServices).noquote() << "cannot load webhooks:" << reloaded.error().message;
    std::lock_guard lock(m_cacheMutex);
    return m_cache ? m_cache : std::make_shared<const std::vector<Webhook>>();
}

Result<std::vector<Webhook>> WebhookService::list(const Actor &actor)
{
    VINGT_TRY(actor.requireFlag(PermissionFlag::ApiKeysAndWebhooks));
    auto rows = m_workspace.database().exec(kSelectWebhook + u" WHERE deletedAt IS NULL ORDER BY createdAt, id"_s);
    if (!rows)
        return rows.error();
    std::vector<Webhook> hooks;
    while (rows->next())
        hooks.push_back(readWebhook(*rows));
    return hooks;
}

Result<Webhook> WebhookService::get(const Actor &actor, const QString &id)
{
    VINGT_TRY(actor.requireFlag(PermissionFlag::ApiKeysAndWebhooks));
    return load(id);
}

Result<Webhook> WebhookService::create(const Actor &actor, const QJsonObject &input)
{
    VINGT_TRY(actor.requireFlag(PermissionFlag::ApiKeysAndWebhooks));
    auto parsed = parseInput(input, true, {});
    if (!parsed)
        return parsed.error();
    const QString id = input.contains("id"_L1) ? input.value("id"_L1).toString().toLower() : uuid::create();
    const QString now = clock::nowIso();
    Database &db = m_workspace.database();
    auto result = db.transaction([&]() -> Result<void> {
        auto existing = db.exec(u"SELECT 1 FROM core_webhook WHERE id = ?"_s, {id});
        if (!existing)
            return existing.error();
        if (existing->next())
            return Error::badRequest(u"Webhook '%1' already exists"_s.arg(id));
        auto inserted = db.exec(
            u"INSERT INTO core_webhook (id, targetUrl, operations, description, secret, createdAt, "
            "updatedAt) VALUES (?, ?, ?, ?, COALESCE(?, ''), ?, ?)"_s,
            {id, *parsed->targetUrl, operationsJson(parsed->operations.value_or(QStringList{u"*.*"_s})),
             nullableText(parsed->description.value_or(std::nullopt)), parsed->secret.value_or(QString()), now, now});
        if (!inserted)
            return inserted.error();
        return {};
    });
    if (!result)
        return result.error();
    VINGT_TRY(reloadCache());
    return load(id);
}

Result<Webhook> WebhookService::update(const Actor &actor, const QString &id, const QJsonObject &input)
{
    VINGT_TRY(actor.requireFlag(PermissionFlag::ApiKeysAndWebhooks));
    auto existing = load(id);
    if (!existing)
        return existing.error();
    auto parsed = parseInput(input, false, id);
    if (!parsed)
        return parsed.error();
    Webhook hook = *existing;
    if (parsed->targetUrl)
        hook.targetUrl = *parsed->targetUrl;
    if (parsed->operations)
        hook.operations = *parsed->operations;
    if (parsed->description)
        hook.description = *parsed->description;
    if (parsed->secret)
        hook.secret = *parsed->secret;
    auto updated = m_workspace.database().exec(u"UPDATE core_webhook SET targetUrl = ?, operations = ?, description = "
                                               u"?, secret = COALESCE(?, ''), updatedAt = ? "
                                               "WHERE id = ? AND deletedAt IS NULL"_s,
                                               {hook.targetUrl, operationsJson(hook.operations),
                                                nullableText(hook.description), hook.secret, clock::nowIso(), hook.id});
    if (!updated)
        return updated.error();
    VINGT_TRY(reloadCache());
    return load(hook.id);
}

Result<Webhook> WebhookService::remove(const Actor &actor, const QString &id)
{
    VINGT_TRY(actor.requireFlag(PermissionFlag::ApiKeysAndWebhooks));
    auto existing = load(id);
    if (!existing)
        return existing.error();
    const QString now = clock::nowIso();
    auto deleted = m_workspace.database().exec(
        u"UPDATE core_webhook SET deletedAt = ?, updatedAt = ? WHERE id = ? AND deletedAt IS NULL"_s,
        {now, now, existing->id});
    if (!deleted)
        return deleted.error();
    VINGT_TRY(reloadCache());
    Webhook hook = *existing;
    hook.deletedAt = now;
    hook.updatedAt = now;
    return hook;
}

// ---------------------------------------------------------------------------------------------------------------------
// Events → deliveries (§10.2, 10.3)

bool WebhookService::wantsEvent(const QString &objectNameSingular, RecordAction action) const
{
    const WebhookList hooks = cached();
    const QString verb = recordActionName(action);
    for (const Webhook &hook : *hooks) {
        if (matches(hook.operations, objectNameSingular, verb))
            return true;
    }
    return false;
}

void WebhookService::recordsChanged(const std::vector<RecordEvent> &events, const Actor &actor)
{
    const WebhookList hooks = cached();
    if (hooks->empty() || events.empty())
        return;
    Database &db = m_workspace.database();
    // userId/workspaceMemberId only for changes made by a workspace member (§10.3).
    std::optional<QVariant> userId;
    if (!actor.workspaceMemberId.isEmpty()) {
        auto rows = db.exec(u"SELECT %1 FROM %2 WHERE %3 = ?"_s.arg(db.dialect().quote(u"userId"_s),
                                                                    db.dialect().quote(u"workspaceMember"_s),
                                                                    db.dialect().quote(u"id"_s)),
                            {actor.workspaceMemberId});
        if (rows && rows->next())
            userId = rows->value(0);
    }
    const QString now = clock::nowIso();
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    QSet<QString> touched;
    auto result = db.transaction([&]() -> Result<void> {
        for (const RecordEvent &event : events) {
            const QString verb = recordActionName(event.action);
            for (const Webhook &hook : *hooks) {
                if (!matches(hook.operations, event.objectNameSingular, verb))
                    continue;
                VINGT_TRY(db.exec(
                    u"INSERT INTO core_webhookDelivery (id, webhookId, eventName, recordId, status, "
                    "attempts, body, createdAt, nextAttemptAt) VALUES (?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)"_s,
                    {uuid::create(), hook.id, event.eventName(), event.recordId,
                     deliveryBody(hook, event, m_workspace.id(), userId, actor.workspaceMemberId), now, nowMs}));
                touched.insert(hook.id);
            }
        }
        // Retention (§10.4): the last kRetention per webhook; a pending delivery is never dropped.
        for (const QString &webhookId : std::as_const(touched)) {
            VINGT_TRY(
                db.exec(u"DELETE FROM core_webhookDelivery WHERE webhookId = ? AND status <> 'PENDING' AND seq <= "
                        "(SELECT seq FROM core_webhookDelivery WHERE webhookId = ? ORDER BY seq DESC LIMIT 1 "
                        "OFFSET ?)"_s,
                        {webhookId, webhookId, kRetention}));
        }
        return {};
    });
    if (!result) {
        qCWarning(lcServices).noquote() << "cannot enqueue webhook deliveries:" << result.error().message;
        return;
    }
    if (!touched.isEmpty())
        wakeWorker();
}

// ---------------------------------------------------------------------------------------------------------------------
// Delivery log and replay (§10.4)

Result<WebhookDelivery> WebhookService::loadDelivery(const QString &webhookId, const QString &deliveryId)
{
    if (!uuid::isValid(deliveryId))
        return Error{ErrorKind::NotFound, u"Webhook delivery '%1' not found"_s.arg(deliveryId), {}};
    auto rows = m_workspace.database().exec(kSelectDelivery + u" WHERE id = ? AND webhookId = ?"_s,
                                            {deliveryId.toLower(), webhookId});
    if (!rows)
        return rows.error();
    if (!rows->next())
        return Error{ErrorKind::NotFound, u"Webhook delivery '%1' not found"_s.arg(deliveryId), {}};
    return readDelivery(*rows);
}

Result<WebhookDeliveryPage> WebhookService::deliveries(const Actor &actor, const QString &webhookId,
                                                       const WebhookDeliveryQuery &query)
{
    VINGT_TRY(actor.requireFlag(PermissionFlag::ApiKeysAndWebhooks));
    auto hook = load(webhookId);
    if (!hook)
        return hook.error();
    if (!query.startingAfter.isEmpty() && !query.endingBefore.isEmpty())
        return Error::badRequest(u"Only one of 'endingBefore' and 'startingAfter' may be provided"_s);
    Database &db = m_workspace.database();
    WebhookDeliveryPage page;
    {
        auto rows = db.exec(u"SELECT COUNT(*) FROM core_webhookDelivery WHERE webhookId = ?"_s, {hook->id});
        if (!rows)
            return rows.error();
        page.totalCount = rows->next() ? rows->value(0).toLongLong() : 0;
    }
    const QString cursor = query.startingAfter.isEmpty() ? query.endingBefore : query.startingAfter;
    qint64 cursorSeq = 0;
    if (!cursor.isEmpty()) {
        auto rows = db.exec(u"SELECT seq FROM core_webhookDelivery WHERE id = ? AND webhookId = ?"_s,
                            {cursor.toLower(), hook->id});
        if (!rows)
            return rows.error();
        if (!rows->next())
            return Error::badRequest(u"Invalid cursor"_s);
        cursorSeq = rows->value(0).toLongLong();
    }
    const bool backward = !query.endingBefore.isEmpty();
    // Newest first: forward pages walk down the sequence, backward pages up (then reversed).
    QString sql = kSelectDelivery + u" WHERE webhookId = ?"_s;
    QVariantList binds{hook->id};
    if (!cursor.isEmpty()) {
        sql += backward ? u" AND seq > ?"_s : u" AND seq < ?"_s;
        binds << cursorSeq;
    }
    sql += backward ? u" ORDER BY seq ASC LIMIT ?"_s : u" ORDER BY seq DESC LIMIT ?"_s;
    binds << query.limit + 1;
    auto rows = db.exec(sql, binds);
    if (!rows)
        return rows.error();
    while (rows->next())
        page.deliveries.push_back(readDelivery(*rows));
    const bool more = int(page.deliveries.size()) > query.limit;
    if (more)
        page.deliveries.pop_back();
    if (backward) {
        std::reverse(page.deliveries.begin(), page.deliveries.end());
        page.hasPreviousPage = more;
    } else {
        page.hasNextPage = more;
    }
    return page;
}

Result<WebhookDelivery> WebhookService::delivery(const Actor &actor, const QString &webhookId, const QString &deliveryId)
{
    VINGT_TRY(actor.requireFlag(PermissionFlag::ApiKeysAndWebhooks));
    auto hook = load(webhookId);
    if (!hook)
        return hook.error();
    return loadDelivery(hook->id, deliveryId);
}

Result<WebhookDelivery> WebhookService::replay(const Actor &actor, const QString &webhookId, const QString &deliveryId)
{
    VINGT_TRY(actor.requireFlag(PermissionFlag::ApiKeysAndWebhooks));
    auto hook = load(webhookId);
    if (!hook)
        return hook.error();
    auto original = loadDelivery(hook->id, deliveryId);
    if (!original)
        return original.error();
    return enqueue(hook->id, original->eventName, original->recordId, original->body, original->id);
}

Result<WebhookDelivery> WebhookService::sendTestEvent(const Actor &actor, const QString &webhookId)
{
    VINGT_TRY(actor.requireFlag(PermissionFlag::ApiKeysAndWebhooks));
    auto hook = load(webhookId);
    if (!hook)
        return hook.error();
    const DataModelPtr model = m_workspace.dataModel();
    const ObjectMetadata *object = nullptr;
    for (const QString &operation : std::as_const(hook->operations)) {
        if (!object)
            object = model->objectBySingular(operation.section(u'.', 0, 0));
    }
    if (!object)
        object = model->objectBySingular(u"person"_s);
    if (!object && !model->objects().empty())
        object = &model->objects().front();
    if (!object)
        return Error::badRequest(u"The workspace has no object to send a test event for"_s);
    const QString now = clock::nowIso();
    JsonWriter record;
    record.beginObject();
    record.key("id"_L1);
    record.value(QStringView(uuid::create()));
    record.key("createdAt"_L1);
    record.value(QStringView(now));
    record.key("updatedAt"_L1);
    record.value(QStringView(now));
    record.key("deletedAt"_L1);
    record.null();
    record.endObject();
    RecordEvent event;
    event.action = RecordAction::Created;
    event.objectMetadataId = object->id;
    event.objectNameSingular = object->nameSingular;
    event.recordJson = record.take();
    event.eventDate = now;
    return enqueue(hook->id, event.eventName(), {}, deliveryBody(*hook, event, m_workspace.id(), std::nullopt, {}), {});
}

Result<WebhookDelivery> WebhookService::enqueue(const QString &webhookId, const QString &eventName,
                                                const QString &recordId, const QByteArray &body,
                                                const QString &replayOf)
{
    auto nullable = [](const QString &text) {
        return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
    };
    const QString id = uuid::create();
    VINGT_TRY(m_workspace.database().exec(
        u"INSERT INTO core_webhookDelivery (id, webhookId, eventName, recordId, status, attempts, body, replayOf, "
        "createdAt, nextAttemptAt) VALUES (?, ?, ?, ?, 'PENDING', 0, ?, ?, ?, ?)"_s,
        {id, webhookId, eventName, nullable(recordId), body, nullable(replayOf), clock::nowIso(),
         QDateTime::currentMSecsSinceEpoch()}));
    auto created = loadDelivery(webhookId, id); // read before the worker can change it: the delivery as queued
    wakeWorker();
    return created;
}

// ---------------------------------------------------------------------------------------------------------------------
// Worker

void WebhookService::startDelivery()
{
    std::lock_guard lock(m_workerMutex);
    if (!m_dispatcher) {
        m_dispatcher = std::make_unique<WebhookDispatcher>(m_workspace.database(), m_workspace.settings());
        m_dispatcher->start();
    }
}

void WebhookService::stopDelivery()
{
    std::lock_guard lock(m_workerMutex);
    if (m_dispatcher) {
        m_dispatcher->stop();
        m_dispatcher.reset();
    }
}

void WebhookService::wakeWorker()
{
    std::lock_guard lock(m_workerMutex);
    if (m_dispatcher)
        m_dispatcher->wake();
}

} // namespace vingt
