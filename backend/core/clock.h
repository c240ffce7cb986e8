#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace vingt::clock {

/// Now as ISO-8601 UTC with milliseconds: 2020-02-05T08:00:00.000Z (API-CONTRACT §0.2).
[[nodiscard]] QString nowIso();
[[nodiscard]] QString toIso(const QDateTime &dateTime);
/// Parses an ISO-8601 date-time (with offset or Z; date-only means midnight UTC); nullopt if invalid.
[[nodiscard]] std::optional<QDateTime> parseIso(const QString &text);
/// Normalizes an ISO date-time to the storage form (UTC, milliseconds, Z); nullopt if invalid.
[[nodiscard]] std::optional<QString> normalizeIso(const QString &text);
/// Validates and normalizes a calendar date YYYY-MM-DD.
[[nodiscard]] std::optional<QString> normalizeDate(const QString &text);

} // namespace vingt::clock
