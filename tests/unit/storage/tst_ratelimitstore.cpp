// The shared rate-limit buckets' SQL (storage/ratelimitstore) on a migrated SQLite workspace database: one token from
// each bucket per take(), none when either is empty (short first in the levels), refill capped at the size, read()
// taking nothing. The statement is the one PostgreSQL runs (the dialect only supplies the clock); the long window is a
// day so that the counts are exact however slow the machine is.
#include "storage/database.h"
#include "storage/migrator.h"
#include "storage/ratelimitstore.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace vingt;
using namespace Qt::StringLiterals;

class TstRateLimitStore : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_opened = 0;

    std::unique_ptr<Database> open()
    {
        auto database = std::make_unique<Database>(
            DatabaseConfig{u"QSQLITE"_s, m_dir.filePath(u"ws%1.db"_s.arg(++m_opened)), 5000},
            std::make_unique<SqliteDialect>());
        const auto migrated = Migrator::migrate(*database, u"workspace"_s);
        if (!migrated)
            qFatal("%s", qPrintable(migrated.error().message));
        return database;
    }

private Q_SLOTS:
    void takesOneFromEachUntilTheSmallerIsEmpty()
    {
        auto database = open();
        RateLimitStore store(*database);
        const BucketSizes sizes{1000000, 1000, 5, 86400000};
        for (int i = 1; i <= 5; ++i) {
            const auto levels = store.take(sizes);
            QVERIFY2(levels, levels ? "" : qPrintable(levels.error().message));
            QVERIFY(levels->granted);
            QCOMPARE(std::floor(levels->longTokens + 1e-9), double(5 - i));
            QVERIFY(levels->shortTokens >= 1000000 - i - 1e-6); // capped at the size, then taken from
        }
        const auto refused = store.take(sizes);
        QVERIFY(refused);
        QVERIFY(!refused->granted);
        QVERIFY(refused->longTokens < 1.0);
        QVERIFY(refused->shortTokens >= 1000000 - 5 - 1e-6); // a refusal takes from neither bucket
        const auto read = store.read(sizes);
        QVERIFY(read);
        QVERIFY(read->longTokens < 1.0);
    }

    void readTakesNothing()
    {
        auto database = open();
        RateLimitStore store(*database);
        const BucketSizes sizes{3, 86400000, 100, 86400000};
        for (int i = 0; i < 10; ++i) {
            const auto levels = store.read(sizes);
            QVERIFY(levels);
            QCOMPARE(levels->shortTokens, 3.0);
            QCOMPARE(levels->longTokens, 100.0);
        }
        QVERIFY(store.take(sizes)->granted);
        QVERIFY(store.take(sizes)->granted);
        QVERIFY(store.take(sizes)->granted);
        const auto refused = store.take(sizes);
        QVERIFY(!refused->granted);
        QVERIFY(refused->shortTokens < 1.0); // the short bucket is the empty one
        QVERIFY(refused->longTokens >= 97.0 - 1e-6);
    }

    void takesTheWantedCountOrOne()
    {
        // A server leasing tokens asks for several: it gets them all when both buckets hold them, else one, else none.
        auto database = open();
        RateLimitStore store(*database);
        const BucketSizes sizes{1000000, 86400000, 5, 86400000};
        auto levels = store.take(sizes, 3);
        QCOMPARE(levels->granted, 3);
        QCOMPARE(std::floor(levels->longTokens + 1e-9), 2.0);
        levels = store.take(sizes, 3);
        QCOMPARE(levels->granted, 1);
        QCOMPARE(std::floor(levels->longTokens + 1e-9), 1.0);
        levels = store.take(sizes, 3);
        QCOMPARE(levels->granted, 1);
        levels = store.take(sizes, 3);
        QCOMPARE(levels->granted, 0);
        QVERIFY(levels->longTokens >= 0.0);
        QVERIFY(levels->shortTokens >= 1000000 - 5 - 1e-6);
    }

    void aMissingRowIsCreatedAgain()
    {
        // A lost row (deleted by hand, a partial restore): the buckets start full again.
        auto database = open();
        RateLimitStore store(*database);
        const BucketSizes sizes{1000000, 1000, 5, 86400000};
        QVERIFY(store.take(sizes)->granted);
        QVERIFY(database->exec(u"DELETE FROM core_rateLimit"_s));
        const auto levels = store.take(sizes);
        QVERIFY2(levels, levels ? "" : qPrintable(levels.error().message));
        QVERIFY(levels->granted);
        QCOMPARE(std::floor(levels->longTokens + 1e-9), 4.0);
    }

    void twoStoresOnOneDatabaseShareTheBudget()
    {
        // Two servers are two processes; two Database objects on one file are the nearest a unit test gets.
        auto database = open();
        auto other = std::make_unique<Database>(database->config(), std::make_unique<SqliteDialect>());
        RateLimitStore first(*database);
        RateLimitStore second(*other);
        const BucketSizes sizes{1000000, 1000, 10, 86400000};
        int granted = 0;
        for (int i = 0; i < 20; ++i)
            granted += (i % 2 ? first : second).take(sizes)->granted;
        QCOMPARE(granted, 10);
    }
};

QTEST_GUILESS_MAIN(TstRateLimitStore)
#include "tst_ratelimitstore.moc"
