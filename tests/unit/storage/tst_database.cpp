#include "storage/database.h"
#include "storage/migrator.h"

#include <QTemporaryDir>
#include <QTest>
#include <QMutex>
#include <QThread>

#include <atomic>

using namespace vingt;
using namespace Qt::StringLiterals;

/// Per-thread connections, transactions, the SQLite connection set-up (WAL, folding, LIKE) and migrations.
class TstDatabase : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    std::unique_ptr<Database> open(const QString &name)
    {
        return std::make_unique<Database>(DatabaseConfig{u"QSQLITE"_s, m_dir.filePath(name), 5000},
                                          std::make_unique<SqliteDialect>());
    }

private Q_SLOTS:
    void connectionIsConfigured()
    {
        auto db = open(u"pragmas.db"_s);
        auto mode = db->exec(u"PRAGMA journal_mode"_s);
        QVERIFY(mode.ok());
        QVERIFY(mode->next());
        QCOMPARE(mode->value(0).toString(), u"wal"_s);
        auto fk = db->exec(u"PRAGMA foreign_keys"_s);
        QVERIFY(fk.ok() && fk->next());
        QCOMPARE(fk->value(0).toInt(), 1);
    }

    void likeAndIlike_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<bool>("matches");
        const QString like = SqliteDialect().like(u"?"_s, u"?"_s);
        const QString ilike = SqliteDialect().ilike(u"?"_s, u"?"_s);
        QTest::newRow("like is case-sensitive") << like << u"Acme"_s << u"acme"_s << false;
        QTest::newRow("like matches same case") << like << u"Acme Corp"_s << u"Acme%"_s << true;
        QTest::newRow("ilike ascii") << ilike << u"Acme"_s << u"%ACME%"_s << true;
        QTest::newRow("ilike unicode") << ilike << u"ÉCOLE"_s << u"école"_s << true;
        QTest::newRow("ilike greek") << ilike << u"ΣΊΣΥΦΟΣ"_s << u"σίσυφος"_s << true;
        QTest::newRow("ilike no match") << ilike << u"Acme"_s << u"%beta%"_s << false;
    }
    void likeAndIlike()
    {
        QFETCH(QString, sql);
        QFETCH(QString, value);
        QFETCH(QString, pattern);
        QFETCH(bool, matches);
        auto db = open(u"like.db"_s);
        auto rows = db->exec(u"SELECT "_s + sql, {value, pattern});
        QVERIFY2(rows.ok(), qPrintable(rows.ok() ? QString() : rows.error().message));
        QVERIFY(rows->next());
        QCOMPARE(rows->value(0).toInt() == 1, matches);
    }

    void transactionIsAllOrNothing()
    {
        auto db = open(u"tx.db"_s);
        QVERIFY(db->exec(u"CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT UNIQUE)"_s).ok());
        const auto result = db->transaction([&]() -> Result<void> {
            VINGT_TRY(db->exec(u"INSERT INTO t (v) VALUES ('a')"_s));
            VINGT_TRY(db->exec(u"INSERT INTO t (v) VALUES ('b')"_s));
            VINGT_TRY(db->exec(u"INSERT INTO t (v) VALUES ('a')"_s)); // unique violation
            return {};
        });
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QString::fromLatin1(dberror::kUnique));
        QVERIFY(!result.error().message.contains(u"INSERT"_s)); // no SQL text in messages
        auto count = db->exec(u"SELECT COUNT(*) FROM t"_s);
        QVERIFY(count.ok() && count->next());
        QCOMPARE(count->value(0).toInt(), 0);
    }

    void nestedTransactionsJoinTheOuterOne()
    {
        auto db = open(u"nested.db"_s);
        QVERIFY(db->exec(u"CREATE TABLE t (v INTEGER)"_s).ok());
        const auto result = db->transaction([&]() -> Result<void> {
            VINGT_TRY(db->exec(u"INSERT INTO t VALUES (1)"_s));
            VINGT_TRY(db->transaction([&]() -> Result<void> { return Error::badRequest(u"inner"_s); }));
            return {};
        });
        QVERIFY(!result.ok());
        QCOMPARE(result.error().message, u"inner"_s);
        auto count = db->exec(u"SELECT COUNT(*) FROM t"_s);
        QVERIFY(count.ok() && count->next());
        QCOMPARE(count->value(0).toInt(), 0);
    }

    void oneConnectionPerThread()
    {
        auto db = open(u"threads.db"_s);
        QVERIFY(db->exec(u"CREATE TABLE t (v INTEGER)"_s).ok());
        std::atomic<int> failures{0};
        QList<QThread *> threads;
        QStringList names;
        QMutex mutex;
        for (int t = 0; t < 4; ++t) {
            threads << QThread::create([&] {
                auto c = db->connection();
                if (!c) {
                    ++failures;
                    return;
                }
                {
                    QMutexLocker lock(&mutex);
                    names << c->connectionName();
                }
                for (int i = 0; i < 50; ++i) {
                    const auto r = db->transaction([&]() -> Result<void> {
                        VINGT_TRY(db->exec(u"INSERT INTO t VALUES (?)"_s, {i}));
                        return {};
                    });
                    if (!r)
                        ++failures;
                }
            });
            threads.last()->start();
        }
        for (QThread *t : threads) {
            QVERIFY(t->wait(60000));
            delete t;
        }
        QCOMPARE(failures.load(), 0);
        names.removeDuplicates();
        QCOMPARE(names.size(), 4);
        auto count = db->exec(u"SELECT COUNT(*) FROM t"_s);
        QVERIFY(count.ok() && count->next());
        QCOMPARE(count->value(0).toInt(), 200);
    }

    void cachedStatementCanBeNested()
    {
        auto db = open(u"nest.db"_s);
        QVERIFY(db->exec(u"CREATE TABLE t (v INTEGER)"_s).ok());
        QVERIFY(db->exec(u"INSERT INTO t VALUES (1),(2)"_s).ok());
        const QString sql = u"SELECT v FROM t ORDER BY v"_s;
        auto outer = db->exec(sql);
        QVERIFY(outer.ok());
        int pairs = 0;
        while (outer->next()) {
            auto inner = db->exec(sql); // the same SQL while the cached statement is being read
            QVERIFY(inner.ok());
            while (inner->next())
                ++pairs;
        }
        QCOMPARE(pairs, 4);
    }

    void migrationsApplyOnceAndRefuseNewerDatabases()
    {
        auto db = open(u"migrate.db"_s);
        auto first = Migrator::migrate(*db, u"workspace"_s);
        QVERIFY(first.ok());
        QCOMPARE(first.value(), Migrator::latestVersion(u"sqlite"_s, u"workspace"_s));
        QVERIFY(first.value() >= 1);
        auto again = Migrator::migrate(*db, u"workspace"_s);
        QVERIFY(again.ok());
        QCOMPARE(again.value(), first.value());
        QVERIFY(db->exec(u"INSERT INTO core_migration (version, name, appliedAt) VALUES (9999, 'future', 'x')"_s).ok());
        auto refused = Migrator::migrate(*db, u"workspace"_s);
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().message.contains(u"newer than this Vingt supports"_s));
    }

    void unavailableDatabaseIsAnError()
    {
        Database db(DatabaseConfig{u"QSQLITE"_s, u"/nonexistent-dir/x/y.db"_s, 100}, std::make_unique<SqliteDialect>());
        auto rows = db.exec(u"SELECT 1"_s);
        QVERIFY(!rows.ok());
        QCOMPARE(rows.error().kind, ErrorKind::Unavailable);
    }
};

QTEST_GUILESS_MAIN(TstDatabase)
#include "tst_database.moc"
