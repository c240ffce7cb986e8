#include "core/clock.h"

#include <QTimeZone>

namespace vingt::clock {

QString toIso(const QDateTime &dateTime)
{
    return dateTime.toUTC().toString(Qt::ISODateWithMs);
}

QString nowIso()
{
    return toIso(QDateTime::currentDateTimeUtc());
}

std::optional<QDateTime> parseIso(const QString &text)
{
    if (text.size() < 10)
        return std::nullopt;
    QDateTime dt;
    if (text.size() == 10) {
        const QDate d = QDate::fromString(text, Qt::ISODate);
        if (!d.isValid())
            return std::nullopt;
        dt = QDateTime(d, QTime(0, 0), QTimeZone::utc());
    } else {
        dt = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!dt.isValid())
            dt = QDateTime::fromString(text, Qt::ISODate);
        if (!dt.isValid())
            return std::nullopt;
        if (dt.timeSpec() == Qt::LocalTime) // no offset given: treat as UTC, never as the machine's zone
            dt.setTimeZone(QTimeZone::utc());
    }
    return dt;
}

std::optional<QString> normalizeIso(const QString &text)
{
    const auto dt = parseIso(text);
    if (!dt)
        return std::nullopt;
    return toIso(*dt);
}

std::optional<QString> normalizeDate(const QString &text)
{
    const QDate d = QDate::fromString(text.left(10), Qt::ISODate);
    if (!d.isValid() || (text.size() != 10 && !parseIso(text)))
        return std::nullopt;
    return d.toString(Qt::ISODate);
}

} // namespace vingt::clock
