#pragma once

#include "core/result.h"

#include <QHash>
#include <QString>
#include <QStringList>

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

private:
    QHash<QString, qint64> m_values;
};

} // namespace vingt
