#include "services/settings.h"

#include <algorithm>

namespace vingt {

using namespace Qt::StringLiterals;

Settings::Settings()
    : m_values{
        {u"api.pageSizeDefault"_s, 60},        {u"api.pageSizeMax"_s, 60},
        {u"api.batchMaxRecords"_s, 60},        {u"api.groupByDefaultGroups"_s, 50},
        {u"api.restMaxFieldsReturned"_s, 200}, {u"metadata.restDefaultLimit"_s, 1000},
        {u"metadata.restMaxLimit"_s, 1000},    {u"metadata.graphqlDefaultPage"_s, 10},
        {u"metadata.graphqlMaxPage"_s, 1000},  {u"rateLimit.shortLimit"_s, 100},
        {u"rateLimit.shortTtlMs"_s, 1000},     {u"rateLimit.longLimit"_s, 100},
        {u"rateLimit.longTtlMs"_s, 60000},     {u"webhook.timeoutMs"_s, 5000},
        {u"webhook.maxRetries"_s, 3},          {u"webhook.retryDelay1Ms"_s, 10000},
        {u"webhook.retryDelay2Ms"_s, 60000},   {u"webhook.retryDelay3Ms"_s, 300000},
        {u"http.readTimeoutMs"_s, 30000},      {u"http.idleTimeoutMs"_s, 60000},
    }
{}

Result<void> Settings::set(const QString &key, const QString &text)
{
    if (!m_values.contains(key)) {
        return Error::badRequest(u"Unknown setting '%1'. Known settings: %2"_s.arg(key, keys().join(u", "_s)));
    }
    bool ok = false;
    const qint64 number = text.trimmed().toLongLong(&ok);
    if (!ok || number < 0)
        return Error::badRequest(u"Setting '%1' must be a non-negative integer, got '%2'"_s.arg(key, text));
    if (number == 0 && !key.startsWith("webhook.maxRetries"_L1))
        return Error::badRequest(u"Setting '%1' must be at least 1, got '%2'"_s.arg(key, text));
    m_values.insert(key, number);
    return {};
}

Result<void> Settings::apply(const QStringList &assignments)
{
    for (const QString &assignment : assignments) {
        const qsizetype eq = assignment.indexOf(u'=');
        if (eq <= 0)
            return Error::badRequest(u"Setting '%1' must look like key=value"_s.arg(assignment));
        VINGT_TRY(set(assignment.left(eq).trimmed(), assignment.mid(eq + 1)));
    }
    return {};
}

QStringList Settings::keys() const
{
    QStringList list = m_values.keys();
    std::sort(list.begin(), list.end());
    return list;
}

} // namespace vingt
