#include "services/ratelimiter.h"

#include "core/logging.h"
#include "services/settings.h"
#include "storage/ratelimitstore.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cmath>

namespace vingt {

using namespace Qt::StringLiterals;

namespace {

qint64 steadyMs()
{
    static const QElapsedTimer started = [] {
        QElapsedTimer timer;
        timer.start();
        return timer;
    }();
    return started.elapsed();
}

qint64 ceilDiv(qint64 numerator, qint64 denominator)
{
    return numerator <= 0 ? 0 : (numerator + denominator - 1) / denominator;
}

} // namespace

RateLimitConfig RateLimitConfig::fromSettings(const Settings &settings)
{
    return RateLimitConfig{settings.value(u"rateLimit.shortLimit"_s), settings.value(u"rateLimit.shortTtlMs"_s),
                           settings.value(u"rateLimit.longLimit"_s), settings.value(u"rateLimit.longTtlMs"_s)};
}

RateLimiter::RateLimiter(const RateLimitConfig &config, Clock clock)
    : m_clock(clock ? std::move(clock) : Clock(&steadyMs))
{
    m_lastRefill = m_clock();
    m_short = Bucket{std::max<qint64>(1, config.shortLimit), std::max<qint64>(1, config.shortTtlMs), 0};
    m_long = Bucket{std::max<qint64>(1, config.longLimit), std::max<qint64>(1, config.longTtlMs), 0};
    m_short.tokens = double(m_short.max);
    m_long.tokens = double(m_long.max);
}

RateLimiter::RateLimiter(const RateLimitConfig &config, Database &database, Clock clock)
    : RateLimiter(config, std::move(clock))
{
    m_store = std::make_unique<RateLimitStore>(database);
}

RateLimiter::~RateLimiter() = default;

void RateLimiter::setConfig(const RateLimitConfig &config)
{
    std::lock_guard lock(m_mutex);
    refill(m_clock());
    m_short.max = std::max<qint64>(1, config.shortLimit);
    m_short.windowMs = std::max<qint64>(1, config.shortTtlMs);
    m_long.max = std::max<qint64>(1, config.longLimit);
    m_long.windowMs = std::max<qint64>(1, config.longTtlMs);
    m_short.tokens = std::min(m_short.tokens, double(m_short.max));
    m_long.tokens = std::min(m_long.tokens, double(m_long.max));
}

RateLimitConfig RateLimiter::config() const
{
    std::lock_guard lock(m_mutex);
    return RateLimitConfig{m_short.max, m_short.windowMs, m_long.max, m_long.windowMs};
}

void RateLimiter::refill(qint64 now)
{
    // §7: tokens = min(max, tokens + elapsed × max / window), continuously.
    const qint64 elapsed = now - m_lastRefill;
    if (elapsed <= 0)
        return;
    m_lastRefill = now;
    for (Bucket *bucket : {&m_short, &m_long}) {
        bucket->tokens = std::min(double(bucket->max),
                                  bucket->tokens + double(elapsed) * double(bucket->max) / double(bucket->windowMs));
    }
}

qint64 RateLimiter::msUntil(const Bucket &bucket, double tokens)
{
    const double missing = tokens - bucket.tokens;
    if (missing <= 0)
        return 0;
    // The epsilon keeps a rounding error (19000.000000004 ms) from adding a whole millisecond, then a second.
    return qint64(std::ceil(missing * double(bucket.windowMs) / double(bucket.max) - 1e-6));
}

RateLimitDecision RateLimiter::decide(const Bucket &shortBucket, const Bucket &longBucket, bool granted)
{
    RateLimitDecision decision;
    decision.limit = longBucket.max;
    // Guard against 0.9999999 after many refills: a bucket that is full within a microsecond counts as full.
    decision.remaining = qint64(std::floor(longBucket.tokens + 1e-9));
    decision.resetSecs = ceilDiv(msUntil(longBucket, double(longBucket.max)), 1000);
    if (!granted) {
        const Bucket &exhausted = shortBucket.tokens + 1e-9 < 1.0 ? shortBucket : longBucket;
        decision.allowed = false;
        decision.message = u"Limit reached (%1 tokens per %2 ms)"_s.arg(exhausted.max).arg(exhausted.windowMs);
        decision.retryAfterSecs = std::max<qint64>(1, ceilDiv(msUntil(exhausted, 1.0), 1000));
    }
    return decision;
}

RateLimitDecision RateLimiter::local(bool consume)
{
    std::lock_guard lock(m_mutex);
    refill(m_clock());
    const bool granted = m_short.tokens + 1e-9 >= 1.0 && m_long.tokens + 1e-9 >= 1.0;
    if (consume && granted) {
        m_short.tokens = std::max(0.0, m_short.tokens - 1.0);
        m_long.tokens = std::max(0.0, m_long.tokens - 1.0);
    }
    return decide(m_short, m_long, granted || !consume);
}

void RateLimiter::rollSlot(qint64 now)
{
    if (now - m_slotStartMs >= 100) {
        m_lastSlotGrants = now - m_slotStartMs < 200 ? m_slotGrants : 0;
        m_slotStartMs = now;
        m_slotGrants = 0;
    }
}

void RateLimiter::countGrant(qint64 now)
{
    rollSlot(now);
    ++m_slotGrants;
}

RateLimitDecision RateLimiter::decideShared(const BucketLevels &levels, double held, bool granted) const
{
    Bucket shortBucket = m_short;
    Bucket longBucket = m_long;
    shortBucket.tokens = levels.shortTokens + held;
    longBucket.tokens = levels.longTokens + held;
    return decide(shortBucket, longBucket, granted);
}

std::optional<RateLimitDecision> RateLimiter::fromLease(qint64 now)
{
    if (m_lease.tokens <= 0 || now >= m_lease.expiresAtMs)
        return std::nullopt;
    --m_lease.tokens;
    countGrant(now);
    return decideShared(m_lease.levels, double(m_lease.tokens), true);
}

std::optional<RateLimitDecision> RateLimiter::shared(bool consume)
{
    BucketSizes sizes;
    qint64 wanted = 1;
    {
        std::lock_guard lock(m_mutex);
        const qint64 now = m_clock();
        if (consume) {
            if (auto leased = fromLease(now))
                return leased;
            rollSlot(now);
            // As many as this server granted in the last 100 ms, within 1% of the smaller bucket and the cap.
            const qint64 slice = std::min(m_short.max, m_long.max) / 100;
            wanted = std::clamp(m_lastSlotGrants, qint64(1), std::clamp(slice, qint64(1), kLeaseMaxTokens));
        }
        sizes = BucketSizes{m_short.max, m_short.windowMs, m_long.max, m_long.windowMs};
    }
    const Result<BucketLevels> levels = consume ? m_store->take(sizes, wanted) : m_store->read(sizes);
    if (!levels) {
        qCWarning(lcServices).noquote() << "shared rate-limit buckets unavailable, counting in memory:"
                                        << levels.error().message;
        return std::nullopt;
    }
    // This call uses one of the granted tokens; the rest become the lease (added to what another thread's take may
    // have left meanwhile).
    const qint64 extra = std::max<qint64>(0, levels->granted - 1);
    std::lock_guard lock(m_mutex);
    const qint64 now = m_clock();
    if (consume && levels->granted > 0) {
        countGrant(now);
        if (extra > 0) {
            m_lease.tokens = (now < m_lease.expiresAtMs ? m_lease.tokens : 0) + extra;
            m_lease.expiresAtMs = now + kLeaseMs;
            m_lease.levels = *levels;
        }
    }
    const double held = now < m_lease.expiresAtMs ? double(m_lease.tokens) : 0.0;
    return decideShared(*levels, held, !consume || levels->granted > 0);
}

RateLimitDecision RateLimiter::tryConsume()
{
    if (m_store) {
        if (auto decision = shared(true))
            return *decision;
    }
    return local(true);
}

RateLimitDecision RateLimiter::peek()
{
    if (m_store) {
        if (auto decision = shared(false))
            return *decision;
    }
    return local(false);
}

} // namespace vingt
