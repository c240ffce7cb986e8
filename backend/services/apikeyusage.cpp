#include "services/apikeyusage.h"

#include "core/clock.h"
#include "core/logging.h"
#include "storage/database.h"

#include <QDateTime>

namespace vingt {

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 kMinuteMs = 60 * 1000;
constexpr qint64 kKeptMinutes = 24 * 60;

QString isoFromMs(qint64 ms)
{
    return clock::toIso(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC));
}
} // namespace

ApiKeyUsage::ApiKeyUsage(Database &database, std::chrono::milliseconds flushInterval, Clock clock)
    : m_database(database)
    , m_interval(flushInterval)
    , m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentMSecsSinceEpoch(); }))
{}

ApiKeyUsage::~ApiKeyUsage()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join(); // the thread flushes once more before it ends
}

void ApiKeyUsage::record(const QString &apiKeyId)
{
    const qint64 now = m_clock();
    std::lock_guard lock(m_mutex);
    Pending &pending = m_pending[apiKeyId];
    pending.lastUsedMs = std::max(pending.lastUsedMs, now);
    ++pending.perMinute[now / kMinuteMs];
    if (!m_thread.joinable() && !m_stopping)
        m_thread = std::thread([this] { run(); });
}

void ApiKeyUsage::run()
{
    std::unique_lock lock(m_mutex);
    while (true) {
        m_wake.wait_for(lock, m_interval, [this] { return m_stopping; });
        const bool stopping = m_stopping; // flush once more after the stop request
        lock.unlock();
        if (auto flushed = flush(); !flushed)
            qCWarning(lcServices).noquote() << "could not flush API key usage:" << flushed.error().message;
        lock.lock();
        if (stopping)
            return;
    }
}

Result<void> ApiKeyUsage::flush()
{
    std::lock_guard flushLock(m_flushMutex);
    QHash<QString, Pending> batch;
    {
        std::lock_guard lock(m_mutex);
        batch.swap(m_pending);
    }
    if (batch.isEmpty())
        return {};
    const qint64 oldest = m_clock() / kMinuteMs - kKeptMinutes;
    auto written = m_database.transaction([&]() -> Result<void> {
        for (auto it = batch.cbegin(); it != batch.cend(); ++it) {
            // The row may be gone (a key deleted meanwhile): then nothing is updated and the usage rows are skipped.
            auto updated = m_database.exec(u"UPDATE core_apiKey SET lastUsedAt = ? WHERE id = ? AND "
                                           "(lastUsedAt IS NULL OR lastUsedAt < ?)"_s,
                                           {isoFromMs(it->lastUsedMs), it.key(), isoFromMs(it->lastUsedMs)});
            if (!updated)
                return updated.error();
            auto exists = m_database.exec(u"SELECT 1 FROM core_apiKey WHERE id = ?"_s, {it.key()});
            if (!exists)
                return exists.error();
            if (!exists->next())
                continue;
            for (const auto &[minute, requests] : it->perMinute) {
                if (minute < oldest)
                    continue;
                VINGT_TRY(m_database.exec(u"INSERT INTO core_apiKeyUsage (apiKeyId, minute, requests) VALUES (?, ?, ?) "
                                          "ON CONFLICT (apiKeyId, minute) DO UPDATE SET requests = "
                                          "core_apiKeyUsage.requests + excluded.requests"_s, // PostgreSQL: qualified
                                          {it.key(), minute, requests}));
            }
        }
        VINGT_TRY(m_database.exec(u"DELETE FROM core_apiKeyUsage WHERE minute < ?"_s, {oldest}));
        return {};
    });
    if (!written) {
        // Keep the counts for the next attempt (the database may be busy).
        std::lock_guard lock(m_mutex);
        for (auto it = batch.cbegin(); it != batch.cend(); ++it) {
            Pending &pending = m_pending[it.key()];
            pending.lastUsedMs = std::max(pending.lastUsedMs, it->lastUsedMs);
            for (const auto &[minute, requests] : it->perMinute)
                pending.perMinute[minute] += requests;
        }
        return written.error();
    }
    return {};
}

std::optional<QString> ApiKeyUsage::pendingLastUsedAt(const QString &apiKeyId) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_pending.constFind(apiKeyId);
    if (it == m_pending.cend())
        return std::nullopt;
    return isoFromMs(it->lastUsedMs);
}

Result<ApiKeyUsageStats> ApiKeyUsage::stats(const QString &apiKeyId)
{
    std::lock_guard flushLock(m_flushMutex); // no flush between reading the rows and the pending counts
    ApiKeyUsageStats stats;
    std::map<qint64, qint64> minutes;
    const qint64 oldest = m_clock() / kMinuteMs - kKeptMinutes;
    {
        auto rows = m_database.exec(u"SELECT lastUsedAt FROM core_apiKey WHERE id = ?"_s, {apiKeyId});
        if (!rows)
            return rows.error();
        if (rows->next())
            stats.lastUsedAt = rows->value(0).toString();
    }
    {
        auto rows = m_database.exec(
            u"SELECT minute, requests FROM core_apiKeyUsage WHERE apiKeyId = ? AND minute >= ? ORDER BY minute"_s,
            {apiKeyId, oldest});
        if (!rows)
            return rows.error();
        while (rows->next())
            minutes[rows->value(0).toLongLong()] += rows->value(1).toLongLong();
    }
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_pending.constFind(apiKeyId);
        if (it != m_pending.cend()) {
            const QString pending = isoFromMs(it->lastUsedMs);
            if (stats.lastUsedAt.isEmpty() || stats.lastUsedAt < pending)
                stats.lastUsedAt = pending;
            for (const auto &[minute, requests] : it->perMinute) {
                if (minute >= oldest)
                    minutes[minute] += requests;
            }
        }
    }
    stats.perMinute.assign(minutes.begin(), minutes.end());
    return stats;
}

} // namespace vingt
