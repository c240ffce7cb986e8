#pragma once

#include "storage/ratelimitstore.h"

#include <QString>

#include <functional>
#include <memory>
#include <mutex>
#include <optional>

namespace vingt {

class Database;
class Settings;

/// @brief The two bucket sizes of API-CONTRACT §7 (settings `rateLimit.*`, §0.5).
struct RateLimitConfig {
    qint64 shortLimit = 100;
    qint64 shortTtlMs = 1000;
    qint64 longLimit = 100;
    qint64 longTtlMs = 60000;

    [[nodiscard]] static RateLimitConfig fromSettings(const Settings &settings);
};

/// @brief The answer to one request for a token, with what the `X-RateLimit-*` and `Retry-After` headers need.
struct RateLimitDecision {
    bool allowed = true;
    QString message;           ///< when refused: `Limit reached (<max> tokens per <window> ms)` of the exhausted bucket
    qint64 retryAfterSecs = 0; ///< when refused: whole seconds (≥ 1) until the exhausted bucket holds a token
    qint64 limit = 0;          ///< X-RateLimit-Limit: the long bucket's size
    qint64 remaining = 0;      ///< X-RateLimit-Remaining: whole tokens left in the long bucket
    qint64 resetSecs = 0;      ///< X-RateLimit-Reset: seconds, rounded up, until the long bucket is full
};

/// @brief Request throttling of one workspace (API-CONTRACT §7): two continuously refilled token buckets, short
/// (100 per 1000 ms) and long (100 per 60000 ms) by default, shared by all the workspace's API keys. An operation
/// needs at least one token in both buckets and then takes one from each; otherwise it takes none and is refused,
/// the short bucket being checked first. On one server the counts live in memory (no database write); servers that
/// share a PostgreSQL database keep them in it (RateLimitStore: one atomic statement), so that the budget is the
/// workspace's whichever server answers (issue 8). Should that statement fail (the database is away), the call falls
/// back to this process's in-memory buckets: the request itself then meets the outage and answers 503.
///
/// Shared buckets and leases: a server that takes tokens fast may take several in one statement and hand them out
/// itself for up to kLeaseMs — as many as it granted in the previous 100 ms, at most 1% of the smaller bucket and at
/// most kLeaseMaxTokens. With the contract's buckets of 100 that is one token per statement (exact, as without
/// leases); with large budgets a busy server writes the row once per dozens of requests. A server holds about that
/// slice (more only while several of its threads take at once), and what a lease leaves unused when it expires is
/// lost, never returned or handed out twice, so the budget is never exceeded; the headers count the lease's tokens
/// as remaining.
///
/// Callers: the REST pipeline once per core REST call; the GraphQL layer once per root field of a `/graphql`
/// document. Metadata, OpenAPI and health routes, and the desktop app's in-process calls, consume none (use peek()
/// for their headers). Thread rule: thread-safe (one mutex, not held across the database statement).
class RateLimiter
{
public:
    /// Monotonic milliseconds; injectable so tests control time.
    using Clock = std::function<qint64()>;
    static constexpr qint64 kLeaseMs = 1000;
    static constexpr qint64 kLeaseMaxTokens = 64;

    explicit RateLimiter(const RateLimitConfig &config, Clock clock = {});
    /// Buckets kept in `database` (shared by every server on it); `database` outlives the limiter. `clock` times the
    /// leases.
    RateLimiter(const RateLimitConfig &config, Database &database, Clock clock = {});
    ~RateLimiter();

    /// Takes one token from each bucket, or none when either is empty.
    [[nodiscard]] RateLimitDecision tryConsume();
    /// The current state, taking nothing (headers of requests that consume no token).
    [[nodiscard]] RateLimitDecision peek();
    /// New sizes (settings edited at run time); the buckets keep their fill level, capped at the new sizes.
    void setConfig(const RateLimitConfig &config);
    [[nodiscard]] RateLimitConfig config() const;

private:
    struct Bucket {
        qint64 max = 0;
        qint64 windowMs = 1;
        double tokens = 0;
    };
    void refill(qint64 now);
    /// The answer for these levels: `granted`, or refused by the first empty bucket (short first).
    [[nodiscard]] static RateLimitDecision decide(const Bucket &shortBucket, const Bucket &longBucket, bool granted);
    [[nodiscard]] static qint64 msUntil(const Bucket &bucket, double tokens);
    /// The in-memory buckets; `consume` takes a token from each when both hold one.
    [[nodiscard]] RateLimitDecision local(bool consume);
    /// The shared buckets; nullopt when the database did not answer.
    [[nodiscard]] std::optional<RateLimitDecision> shared(bool consume);
    /// A token of this server's lease when it holds one (shared buckets; under m_mutex).
    [[nodiscard]] std::optional<RateLimitDecision> fromLease(qint64 now);
    /// Starts a new 100 ms slot of granted-token counting when the current one is over (under m_mutex).
    void rollSlot(qint64 now);
    /// Counts a granted token in the current slot (under m_mutex).
    void countGrant(qint64 now);
    /// The answer for the shared `levels` plus `held` tokens of this server's lease (under m_mutex).
    [[nodiscard]] RateLimitDecision decideShared(const BucketLevels &levels, double held, bool granted) const;

    /// Tokens this server took from the shared buckets and hands out itself until `expiresAtMs`; the shared levels
    /// right after the take, for the headers.
    struct Lease {
        qint64 tokens = 0;
        qint64 expiresAtMs = 0;
        BucketLevels levels;
    };

    Clock m_clock;
    mutable std::mutex m_mutex;
    Bucket m_short;
    Bucket m_long;
    qint64 m_lastRefill = 0;
    std::unique_ptr<RateLimitStore> m_store; ///< set when the buckets are shared through the database
    Lease m_lease;
    qint64 m_slotStartMs = 0;    ///< the current 100 ms slot of granted-token counting
    qint64 m_slotGrants = 0;     ///< tokens granted in it
    qint64 m_lastSlotGrants = 0; ///< tokens granted in the slot before (0 when it was not the one just before)
};

} // namespace vingt
