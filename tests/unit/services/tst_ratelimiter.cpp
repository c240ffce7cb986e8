#include "services/ratelimiter.h"
#include "storage/database.h"
#include "storage/migrator.h"
#include "storage/ratelimitstore.h"

#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <cmath>
#include <thread>
#include <vector>

using namespace vingt;
using namespace Qt::StringLiterals;

/// The token buckets of API-CONTRACT §7 on a clock the test moves: continuous refill, short bucket first, the
/// headers' numbers, Retry-After. No sleeping.
class TstRateLimiter : public QObject
{
    Q_OBJECT

    qint64 m_now = 1'000'000; ///< milliseconds

    RateLimiter limiter(qint64 shortLimit, qint64 shortTtl, qint64 longLimit, qint64 longTtl)
    {
        return RateLimiter(RateLimitConfig{shortLimit, shortTtl, longLimit, longTtl}, [this] { return m_now; });
    }

private Q_SLOTS:
    void init() { m_now = 1'000'000; }

    void defaultsMatchTheContract()
    {
        const RateLimitConfig config;
        QCOMPARE(config.shortLimit, 100);
        QCOMPARE(config.shortTtlMs, 1000);
        QCOMPARE(config.longLimit, 100);
        QCOMPARE(config.longTtlMs, 60000);
    }

    void hundredAndFirstCallIsRefused()
    {
        RateLimiter rl = limiter(1'000'000, 1000, 100, 60000);
        for (int i = 1; i <= 100; ++i) {
            const RateLimitDecision d = rl.tryConsume();
            QVERIFY2(d.allowed, qPrintable(u"call %1"_s.arg(i)));
            QCOMPARE(d.limit, 100);
            QCOMPARE(d.remaining, 100 - i);
        }
        const RateLimitDecision refused = rl.tryConsume();
        QVERIFY(!refused.allowed);
        QCOMPARE(refused.message, u"Limit reached (100 tokens per 60000 ms)"_s);
        QCOMPARE(refused.remaining, 0);
        // one token comes back after 600 ms
        QCOMPARE(refused.retryAfterSecs, 1);
        QCOMPARE(refused.resetSecs, 60);
    }

    void refillIsContinuous()
    {
        RateLimiter rl = limiter(1'000'000, 1000, 100, 60000);
        for (int i = 0; i < 100; ++i)
            QVERIFY(rl.tryConsume().allowed);
        m_now += 599; // 0.998 token
        QVERIFY(!rl.tryConsume().allowed);
        m_now += 1; // exactly one token (600 ms × 100 / 60000 ms)
        const RateLimitDecision d = rl.tryConsume();
        QVERIFY(d.allowed);
        QCOMPARE(d.remaining, 0);
        QVERIFY(!rl.tryConsume().allowed);
        // half the window refills half the bucket
        m_now += 30000;
        QCOMPARE(rl.peek().remaining, 50);
        QCOMPARE(rl.peek().resetSecs, 30);
        // never above the maximum
        m_now += 10 * 60000;
        QCOMPARE(rl.peek().remaining, 100);
        QCOMPARE(rl.peek().resetSecs, 0);
    }

    void refusedCallsTakeNothing()
    {
        RateLimiter rl = limiter(2, 1000, 100, 60000);
        QVERIFY(rl.tryConsume().allowed);
        QVERIFY(rl.tryConsume().allowed);
        for (int i = 0; i < 5; ++i) {
            const RateLimitDecision d = rl.tryConsume();
            QVERIFY(!d.allowed);
            QCOMPARE(d.remaining, 98); // the long bucket is untouched by refusals
        }
    }

    void shortBucketIsCheckedFirst()
    {
        // Both buckets empty: the short one is reported.
        RateLimiter rl = limiter(3, 1000, 3, 60000);
        for (int i = 0; i < 3; ++i)
            QVERIFY(rl.tryConsume().allowed);
        RateLimitDecision d = rl.tryConsume();
        QVERIFY(!d.allowed);
        QCOMPARE(d.message, u"Limit reached (3 tokens per 1000 ms)"_s);
        QCOMPARE(d.retryAfterSecs, 1); // 334 ms, rounded up, at least 1
        // a second later the short bucket is full again, the long one still empty: the long one is reported
        m_now += 1000;
        d = rl.tryConsume();
        QVERIFY(!d.allowed);
        QCOMPARE(d.message, u"Limit reached (3 tokens per 60000 ms)"_s);
        QCOMPARE(d.retryAfterSecs, 19); // 20000 - 1000 ms until one long token, in whole seconds
        QCOMPARE(d.limit, 3);
    }

    void retryAfterRoundsUpAndIsAtLeastOne()
    {
        RateLimiter rl = limiter(1'000'000, 1000, 10, 25000); // a token every 2.5 s
        for (int i = 0; i < 10; ++i)
            QVERIFY(rl.tryConsume().allowed);
        RateLimitDecision d = rl.tryConsume();
        QCOMPARE(d.retryAfterSecs, 3);
        QCOMPARE(d.resetSecs, 25);
        m_now += 2400;
        d = rl.tryConsume();
        QVERIFY(!d.allowed);
        QCOMPARE(d.retryAfterSecs, 1); // 100 ms left
        QCOMPARE(d.resetSecs, 23);     // 22.6 s, rounded up
    }

    void peekTakesNothing()
    {
        RateLimiter rl = limiter(5, 1000, 5, 60000);
        for (int i = 0; i < 10; ++i) {
            const RateLimitDecision d = rl.peek();
            QVERIFY(d.allowed);
            QCOMPARE(d.remaining, 5);
            QCOMPARE(d.resetSecs, 0);
        }
        QCOMPARE(rl.tryConsume().remaining, 4);
        QCOMPARE(rl.peek().remaining, 4);
    }

    void clockGoingBackwardsChangesNothing()
    {
        RateLimiter rl = limiter(1'000'000, 1000, 2, 60000);
        QVERIFY(rl.tryConsume().allowed);
        QVERIFY(rl.tryConsume().allowed);
        m_now -= 100000;
        QVERIFY(!rl.tryConsume().allowed);
    }

    void setConfigKeepsTheFillLevel()
    {
        RateLimiter rl = limiter(1'000'000, 1000, 100, 60000);
        for (int i = 0; i < 40; ++i)
            QVERIFY(rl.tryConsume().allowed);
        rl.setConfig(RateLimitConfig{1'000'000, 1000, 50, 60000});
        QCOMPARE(rl.peek().limit, 50);
        QCOMPARE(rl.peek().remaining, 50); // 60 capped at the new size
        rl.setConfig(RateLimitConfig{1'000'000, 1000, 1000, 60000});
        QCOMPARE(rl.peek().remaining, 50);
        QCOMPARE(rl.config().longLimit, 1000);
    }

    void manyThreads()
    {
        // Thread safety: exactly `limit` grants however the calls interleave.
        RateLimiter rl = limiter(1'000'000, 1000, 1000, 60000);
        std::atomic<int> granted{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 8; ++t) {
            threads.emplace_back([&] {
                for (int i = 0; i < 500; ++i) {
                    if (rl.tryConsume().allowed)
                        ++granted;
                }
            });
        }
        for (std::thread &thread : threads)
            thread.join();
        QCOMPARE(granted.load(), 1000);
    }

    void sharedBucketsLeaseTokensToABusyServer()
    {
        // The shared buckets (the PostgreSQL path; the statement runs on SQLite here) with a budget of 1,000: the
        // slice is 1% = 10 tokens. Calls at one instant take one token per statement; 100 ms later the server has
        // been busy, so it takes 10 and hands out 9 itself, and the row only moves again when they are gone.
        QTemporaryDir dir;
        Database database(DatabaseConfig{u"QSQLITE"_s, dir.filePath(u"ws.db"_s), 5000},
                          std::make_unique<SqliteDialect>());
        QVERIFY(Migrator::migrate(database, u"workspace"_s));
        const RateLimitConfig config{1'000'000, 86400000, 1000, 86400000};
        RateLimiter rl(config, database, [this] { return m_now; });
        RateLimitStore row(database);
        const BucketSizes sizes{config.shortLimit, config.shortTtlMs, config.longLimit, config.longTtlMs};
        const auto rowLevel = [&] { return qint64(std::floor(row.read(sizes)->longTokens + 1e-9)); };

        int calls = 0;
        for (; calls < 20; ++calls)
            QCOMPARE(rl.tryConsume().remaining, 1000 - calls - 1);
        QCOMPARE(rowLevel(), 980); // one statement per call

        m_now += 100;
        QCOMPARE(rl.tryConsume().remaining, 1000 - ++calls);
        QCOMPARE(rowLevel(), 970); // 10 taken: 1 used, 9 leased
        for (int i = 0; i < 9; ++i)
            QCOMPARE(rl.tryConsume().remaining, 1000 - ++calls);
        QCOMPARE(rowLevel(), 970); // the lease served them
        QCOMPARE(rl.peek().remaining, 970);
        QCOMPARE(rl.tryConsume().remaining, 1000 - ++calls);
        QCOMPARE(rowLevel(), 960); // a new statement, 10 again (the slot before counted 20 calls)

        // A lease not used within a second is dropped with its tokens (never handed out twice, never returned).
        m_now += RateLimiter::kLeaseMs;
        QCOMPARE(rl.peek().remaining, 960);
        QCOMPARE(rl.tryConsume().remaining, 959);
    }
};

QTEST_GUILESS_MAIN(TstRateLimiter)
#include "tst_ratelimiter.moc"
