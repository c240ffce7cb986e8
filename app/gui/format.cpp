#include "gui/format.h"

#include "core/clock.h"

#include <QLocale>

namespace vingt::gui::format {

using namespace Qt::StringLiterals;

QDateTime parse(const QString &iso)
{
    if (iso.isEmpty())
        return {};
    return clock::parseIso(iso).value_or(QDateTime());
}

QString date(const QDateTime &when, const QDateTime &now)
{
    if (!when.isValid())
        return {};
    const QLocale c = QLocale::c();
    const QDate day = when.toUTC().date();
    if (day.year() == now.toUTC().date().year())
        return c.toString(day, u"MMM d"_s);
    return c.toString(day, u"MMM d, yyyy"_s);
}

QString expiry(const QDateTime &when, const QDateTime &now)
{
    if (!when.isValid())
        return {};
    if (when > now.addYears(50))
        return u"Never"_s;
    if (when <= now)
        return u"Expired"_s;
    const qint64 days = now.secsTo(when) / 86400;
    if (days == 0)
        return u"today"_s;
    if (days == 1)
        return u"in 1 day"_s;
    if (days < 365)
        return u"in %1 days"_s.arg(days);
    return date(when, now);
}

QString relative(const QDateTime &when, const QDateTime &now)
{
    if (!when.isValid())
        return {};
    const qint64 secs = when.secsTo(now);
    if (secs < 60)
        return u"just now"_s;
    if (secs < 3600)
        return u"%1 min ago"_s.arg(secs / 60);
    if (secs < 86400)
        return u"%1 h ago"_s.arg(secs / 3600);
    if (secs < 30 * 86400)
        return secs < 2 * 86400 ? u"yesterday"_s : u"%1 days ago"_s.arg(secs / 86400);
    return date(when, now);
}

} // namespace vingt::gui::format
