#pragma once

#include "gui/backendcontext.h"
#include "gui/rowmodel.h"
#include "services/apikeyservice.h"

#include <QTimer>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QJSEngine;

namespace vingt::gui {

/// @brief APIs & Webhooks → API keys: the list, create (token shown once), regenerate, delete (revoke), rename, and
/// the roles a key may get. Refreshes itself every few seconds so keys created through the API appear.
class ApiKeysController : public vingt::gui::Controller
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(vingt::gui::RowModel *keys READ keys CONSTANT)
    Q_PROPERTY(vingt::gui::RowModel *assignableRoles READ assignableRoles CONSTANT)

public:
    explicit ApiKeysController(QObject *parent = nullptr);
    static ApiKeysController *create(QQmlEngine *, QJSEngine *) { return new ApiKeysController; }

    [[nodiscard]] RowModel *keys() { return &m_keys; }
    [[nodiscard]] RowModel *assignableRoles() { return &m_roles; }

    Q_INVOKABLE void refresh();
    /// `expiresAt`: ISO 8601 date-time, or empty for "never" (now + 100 years, like the CLI).
    Q_INVOKABLE void createKey(const QString &name, const QString &expiresAt, const QString &roleId);
    Q_INVOKABLE void regenerate(const QString &id);
    Q_INVOKABLE void remove(const QString &id);
    Q_INVOKABLE void rename(const QString &id, const QString &name);
    Q_INVOKABLE void setRole(const QString &id, const QString &roleId);
    /// The key's row (see keys), or an empty map.
    Q_INVOKABLE [[nodiscard]] QVariantMap key(const QString &id) const;
    /// ISO date-time `days` days from now (the expiration presets).
    Q_INVOKABLE [[nodiscard]] static QString expiryInDays(int days);
    /// Requests of the last 24 hours of a key, per hour (24 numbers, oldest first); answered by usageLoaded.
    Q_INVOKABLE void loadUsage(const QString &id);

    /// Builds a list row from a key (also used by the roles page).
    [[nodiscard]] static QVariantMap row(const ApiKey &key);

Q_SIGNALS:
    void created(const QString &id, const QString &token);
    void createFailed(const QString &message);
    void regenerated(const QString &oldId, const QString &newId, const QString &token);
    void removed(const QString &id);
    void renamed(const QString &id);
    void actionFailed(const QString &id, const QString &message);
    void usageLoaded(const QString &id, const QVariantList &perHour, int total, const QString &lastUsedAt);

private:
    RowModel m_keys;
    RowModel m_roles;
};

} // namespace vingt::gui
