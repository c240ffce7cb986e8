#pragma once

#include <QDateTime>
#include <QString>

/// @brief How dates read in the desktop app ("in 23 days", "Nov 2", "5 min ago").
namespace vingt::gui::format {

/// An ISO 8601 date-time from the services; invalid when empty or malformed.
[[nodiscard]] QDateTime parse(const QString &iso);
/// "Nov 2" this year, "Nov 2, 2025" otherwise; "" when invalid.
[[nodiscard]] QString date(const QDateTime &when, const QDateTime &now = QDateTime::currentDateTimeUtc());
/// "Never" (more than 50 years ahead), "Expired", "today", "in 1 day", "in 23 days", then a date.
[[nodiscard]] QString expiry(const QDateTime &when, const QDateTime &now = QDateTime::currentDateTimeUtc());
/// "just now", "5 min ago", "3 h ago", "2 days ago", then a date.
[[nodiscard]] QString relative(const QDateTime &when, const QDateTime &now = QDateTime::currentDateTimeUtc());

} // namespace vingt::gui::format
