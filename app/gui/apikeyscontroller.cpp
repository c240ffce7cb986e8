#include "gui/apikeyscontroller.h"

#include "core/clock.h"
#include "gui/format.h"
#include "services/apikeyservice.h"
#include "services/roleservice.h"
#include "services/workspace.h"

#include <QDateTime>

namespace vingt::gui {

using namespace Qt::StringLiterals;

namespace {

struct KeysAndRoles {
    Result<std::vector<ApiKey>> keys;
    Result<std::vector<Role>> roles;
};

} // namespace

ApiKeysController::ApiKeysController(QObject *parent)
    : Controller(parent)
    , m_keys({u"id"_s, u"name"_s, u"roleId"_s, u"roleLabel"_s, u"expiresAt"_s, u"expiresText"_s, u"createdAt"_s,
              u"createdText"_s, u"revoked"_s, u"expired"_s, u"expiringSoon"_s, u"lastUsedText"_s},
             this)
    , m_roles({u"id"_s, u"label"_s, u"description"_s}, this)
{
    followChanges(2000, [this] { refresh(); });
    refresh();
}

QVariantMap ApiKeysController::row(const ApiKey &key)
{
    const QDateTime expires = format::parse(key.expiresAt);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const bool expired = expires.isValid() && expires.toMSecsSinceEpoch() <= now;
    const bool soon = !expired && expires.isValid() && expires.toMSecsSinceEpoch() - now < 7LL * 24 * 3600 * 1000;
    return {
        {u"id"_s, key.id},
        {u"name"_s, key.name},
        {u"roleId"_s, key.roleId},
        {u"roleLabel"_s, key.roleLabel.isEmpty() ? u"No role"_s : key.roleLabel},
        {u"expiresAt"_s, key.expiresAt},
        {u"expiresText"_s, format::expiry(expires)},
        {u"createdAt"_s, key.createdAt},
        {u"createdText"_s, format::date(format::parse(key.createdAt))},
        {u"revoked"_s, !key.revokedAt.isEmpty()},
        {u"expired"_s, expired},
        {u"expiringSoon"_s, soon},
        {u"lastUsedText"_s, key.lastUsedAt.isEmpty() ? u"Never"_s : format::relative(format::parse(key.lastUsedAt))}};
}

void ApiKeysController::refresh()
{
    Workspace *workspace = &BackendContext::current().workspace();
    run(
        [workspace] {
            const Actor actor = BackendContext::actor();
            return KeysAndRoles{workspace->apiKeys().list(actor, true), workspace->roles().list(actor)};
        },
        [this](KeysAndRoles result) {
            if (result.keys) {
                std::vector<ApiKey> keys = std::move(*result.keys);
                // Active keys first, then revoked ones; newest first within each group.
                std::stable_sort(keys.begin(), keys.end(), [](const ApiKey &a, const ApiKey &b) {
                    if (a.revokedAt.isEmpty() != b.revokedAt.isEmpty())
                        return a.revokedAt.isEmpty();
                    return a.createdAt > b.createdAt;
                });
                QList<QVariantMap> rows;
                for (const ApiKey &key : keys)
                    rows.append(row(key));
                m_keys.setRows(std::move(rows));
            }
            if (result.roles) {
                QList<QVariantMap> rows;
                for (const Role &role : *result.roles) {
                    if (role.canBeAssignedToApiKeys)
                        rows.append(
                            {{u"id"_s, role.id}, {u"label"_s, role.label}, {u"description"_s, role.description}});
                }
                m_roles.setRows(std::move(rows));
            }
        },
        true);
}

void ApiKeysController::createKey(const QString &name, const QString &expiresAt, const QString &roleId)
{
    if (name.trimmed().isEmpty()) {
        Q_EMIT createFailed(u"Name is required"_s);
        return;
    }
    if (roleId.isEmpty()) {
        Q_EMIT createFailed(u"Choose a role"_s);
        return;
    }
    QDateTime expires = QDateTime::currentDateTimeUtc().addYears(100);
    if (!expiresAt.isEmpty()) {
        const auto parsed = clock::parseIso(expiresAt);
        if (!parsed) {
            Q_EMIT createFailed(u"'%1' is not a date"_s.arg(expiresAt));
            return;
        }
        expires = *parsed;
    }
    Workspace *workspace = &BackendContext::current().workspace();
    run([workspace, name = name.trimmed(), expires,
         roleId] { return workspace->apiKeys().issue(BackendContext::actor(), name, expires, roleId); },
        [this](Result<IssuedApiKey> issued) {
            if (!issued) {
                Q_EMIT createFailed(issued.error().message);
                return;
            }
            refresh();
            Q_EMIT created(issued->key.id, QString::fromLatin1(issued->token));
        });
}

void ApiKeysController::regenerate(const QString &id)
{
    Workspace *workspace = &BackendContext::current().workspace();
    run([workspace, id] { return workspace->apiKeys().regenerate(BackendContext::actor(), id); },
        [this, id](Result<IssuedApiKey> issued) {
            if (!issued) {
                Q_EMIT actionFailed(id, issued.error().message);
                return;
            }
            refresh();
            Q_EMIT regenerated(id, issued->key.id, QString::fromLatin1(issued->token));
        });
}

void ApiKeysController::remove(const QString &id)
{
    Workspace *workspace = &BackendContext::current().workspace();
    run([workspace, id] { return workspace->apiKeys().revoke(BackendContext::actor(), id); },
        [this, id](Result<ApiKey> revoked) {
            if (!revoked) {
                Q_EMIT actionFailed(id, revoked.error().message);
                return;
            }
            refresh();
            Q_EMIT removed(id);
        });
}

void ApiKeysController::rename(const QString &id, const QString &name)
{
    Workspace *workspace = &BackendContext::current().workspace();
    run(
        [workspace, id, name] {
            return workspace->apiKeys().update(BackendContext::actor(), id, QJsonObject{{u"name"_s, name.trimmed()}});
        },
        [this, id](Result<ApiKey> updated) {
            if (!updated) {
                Q_EMIT actionFailed(id, updated.error().message);
                return;
            }
            refresh();
            Q_EMIT renamed(id);
        });
}

void ApiKeysController::setRole(const QString &id, const QString &roleId)
{
    Workspace *workspace = &BackendContext::current().workspace();
    run([workspace, id, roleId] { return workspace->apiKeys().assignRole(BackendContext::actor(), id, roleId); },
        [this, id](Result<void> assigned) {
            if (!assigned) {
                Q_EMIT actionFailed(id, assigned.error().message);
                return;
            }
            refresh();
            Q_EMIT renamed(id);
        });
}

QVariantMap ApiKeysController::key(const QString &id) const
{
    return m_keys.get(m_keys.indexOfId(id));
}

QString ApiKeysController::expiryInDays(int days)
{
    return clock::toIso(QDateTime::currentDateTimeUtc().addDays(days));
}

void ApiKeysController::loadUsage(const QString &id)
{
    Workspace *workspace = &BackendContext::current().workspace();
    run([workspace, id] { return workspace->apiKeyUsage().stats(id); },
        [this, id](Result<ApiKeyUsageStats> stats) {
            QVariantList perHour;
            int total = 0;
            QString lastUsed;
            if (stats) {
                const qint64 nowMinute = QDateTime::currentSecsSinceEpoch() / 60;
                QList<int> hours(24, 0);
                for (const auto &[minute, count] : stats->perMinute) {
                    const qint64 age = (nowMinute - minute) / 60;
                    if (age >= 0 && age < 24)
                        hours[23 - int(age)] += int(count);
                    total += int(count);
                }
                for (int h : hours)
                    perHour.append(h);
                lastUsed = stats->lastUsedAt;
            }
            Q_EMIT usageLoaded(id, perHour, total,
                               lastUsed.isEmpty() ? u"Never"_s : format::relative(format::parse(lastUsed)));
        },
        true);
}

} // namespace vingt::gui
