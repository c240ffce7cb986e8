#pragma once

#include "core/result.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <climits>

namespace vingt {

/// @brief Instance settings of API-CONTRACT §0.5 with their defaults. Values are integers; every message quoting a
/// limit quotes the configured value. Plain value type: copy it freely.
class Settings
{
public:
    Settings();

    [[nodiscard]] qint64 value(const QString &key) const { return m_values.value(key); }
    /// Sets one setting from text (`--setting key=value`, the settings table, the GUI). Validates key and value.
    [[nodiscard]] Result<void> set(const QString &key, const QString &value);
    /// Applies "key=value" assignments.
    [[nodiscard]] Result<void> apply(const QStringList &assignments);
    [[nodiscard]] QStringList keys() const;
    [[nodiscard]] bool contains(const QString &key) const { return m_values.contains(key); }

    [[nodiscard]] int pageSizeDefault() const { return int(value(QStringLiteral("api.pageSizeDefault"))); }
    [[nodiscard]] int pageSizeMax() const { return int(value(QStringLiteral("api.pageSizeMax"))); }
    [[nodiscard]] int batchMaxRecords() const { return int(value(QStringLiteral("api.batchMaxRecords"))); }
    [[nodiscard]] int restMaxFieldsReturned() const { return int(value(QStringLiteral("api.restMaxFieldsReturned"))); }
    [[nodiscard]] int groupByDefaultGroups() const { return int(value(QStringLiteral("api.groupByDefaultGroups"))); }
    /// HTTP transport (DECISIONS "HTTP"): a request must be read within this from its first byte (slow clients are
    /// dropped), and a keep-alive connection may wait this long for its next request. Applied when the server starts.
    [[nodiscard]] int httpReadTimeoutMs() const { return clampedInt(QStringLiteral("http.readTimeoutMs")); }
    [[nodiscard]] int httpIdleTimeoutMs() const { return clampedInt(QStringLiteral("http.idleTimeoutMs")); }

private:
    [[nodiscard]] int clampedInt(const QString &key) const { return int(qMin<qint64>(value(key), INT_MAX)); }

    QHash<QString, qint64> m_values;
};

} // namespace vingt
