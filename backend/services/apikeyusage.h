#pragma once

#include "core/result.h"

#include <QHash>
#include <QString>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace vingt {

class Database;

/// @brief Requests of one API key per minute, and when it was last used (the desktop app's key list).
struct ApiKeyUsageStats {
    QString lastUsedAt;                               ///< ISO-8601, empty when never used
    std::vector<std::pair<qint64, qint64>> perMinute; ///< (epoch minute, requests), oldest first, the last 24 hours
};

/// @brief In-memory usage counters of a workspace's API keys, flushed to the workspace database every few seconds
/// by a background thread (DECISIONS "Desktop app": never a database write per request). record() is what a request
/// pays: one mutex and two hash updates. The flush thread starts with the first record() (a CLI process that never
/// authenticates a request starts none); destruction stops it after a last flush.
/// Thread rule: record(), pendingLastUsedAt() and stats() are thread-safe; flush() runs on any thread with that
/// thread's connection.
class ApiKeyUsage
{
public:
    /// Wall-clock milliseconds since the epoch; injectable for tests.
    using Clock = std::function<qint64()>;

    explicit ApiKeyUsage(Database &database, std::chrono::milliseconds flushInterval = std::chrono::seconds(3),
                         Clock clock = {});
    ~ApiKeyUsage();
    ApiKeyUsage(const ApiKeyUsage &) = delete;
    ApiKeyUsage &operator=(const ApiKeyUsage &) = delete;

    /// Counts one request of `apiKeyId` now.
    void record(const QString &apiKeyId);
    /// Writes the pending counts (lastUsedAt, per-minute rows; drops rows older than 24 hours). On failure the counts
    /// stay pending for the next flush.
    [[nodiscard]] Result<void> flush();
    /// The last use not yet flushed, if any.
    [[nodiscard]] std::optional<QString> pendingLastUsedAt(const QString &apiKeyId) const;
    /// Stored plus pending usage of one key.
    [[nodiscard]] Result<ApiKeyUsageStats> stats(const QString &apiKeyId);

private:
    struct Pending {
        qint64 lastUsedMs = 0;
        std::map<qint64, qint64> perMinute;
    };
    void run();

    Database &m_database;
    std::chrono::milliseconds m_interval;
    Clock m_clock;
    mutable std::mutex m_mutex;
    QHash<QString, Pending> m_pending;
    std::mutex m_flushMutex; ///< one flush at a time
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace vingt
