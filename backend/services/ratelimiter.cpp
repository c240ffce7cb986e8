#include "services/ratelimiter.h"

#include "services/settings.h"

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

RateLimitDecision RateLimiter::state() const
{
    RateLimitDecision decision;
    decision.limit = m_long.max;
    // Guard against 0.9999999 after many refills: a bucket that is full within a microsecond counts as full.
    decision.remaining = qint64(std::floor(m_long.tokens + 1e-9));
    decision.resetSecs = ceilDiv(msUntil(m_long, double(m_long.max)), 1000);
    return decision;
}

RateLimitDecision RateLimiter::tryConsume()
{
    std::lock_guard lock(m_mutex);
    refill(m_clock());
    const Bucket *exhausted = m_short.tokens + 1e-9 < 1.0 ? &m_short : m_long.tokens + 1e-9 < 1.0 ? &m_long : nullptr;
    if (exhausted) {
        RateLimitDecision decision = state();
        decision.allowed = false;
        decision.message = u"Limit reached (%1 tokens per %2 ms)"_s.arg(exhausted->max).arg(exhausted->windowMs);
        decision.retryAfterSecs = std::max<qint64>(1, ceilDiv(msUntil(*exhausted, 1.0), 1000));
        return decision;
    }
    m_short.tokens = std::max(0.0, m_short.tokens - 1.0);
    m_long.tokens = std::max(0.0, m_long.tokens - 1.0);
    return state();
}

RateLimitDecision RateLimiter::peek()
{
    std::lock_guard lock(m_mutex);
    refill(m_clock());
    return state();
}

} // namespace vingt
