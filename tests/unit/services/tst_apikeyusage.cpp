#include "core/uuid.h"
#include "services/apikeyusage.h"
#include "services/workspace.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QTest>

using namespace vingt;
using namespace Qt::StringLiterals;

/// The in-memory API key counters (DECISIONS "Desktop app"): nothing is written until a flush, a flush writes the
/// last use and the per-minute counts, keeps 24 hours, survives deleted keys, and the destructor flushes.
class TstApiKeyUsage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_workspace;
    QString m_keyId;
    qint64 m_now = QDateTime(QDate(2030, 1, 2), QTime(3, 4, 5, 600), Qt::UTC).toMSecsSinceEpoch();

    static constexpr qint64 kMinute = 60000;

    std::unique_ptr<ApiKeyUsage> usage()
    {
        // A flush interval far beyond the test: only explicit flushes and the destructor write.
        return std::make_unique<ApiKeyUsage>(m_workspace->database(), std::chrono::hours(1), [this] { return m_now; });
    }
    QList<std::pair<qint64, qint64>> storedMinutes()
    {
        QList<std::pair<qint64, qint64>> rows;
        auto result = m_workspace->database().exec(
            u"SELECT minute, requests FROM core_apiKeyUsage WHERE apiKeyId = ? ORDER BY minute"_s, {m_keyId});
        while (result && result->next())
            rows.append({result->value(0).toLongLong(), result->value(1).toLongLong()});
        return rows;
    }
    QString storedLastUsed()
    {
        auto result = m_workspace->database().exec(u"SELECT lastUsedAt FROM core_apiKey WHERE id = ?"_s, {m_keyId});
        return result && result->next() ? result->value(0).toString() : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto workspace = Workspace::open(uuid::create(), u"Test"_s, m_dir.filePath(u"ws.db"_s), "secret", Settings());
        QVERIFY2(workspace, qPrintable(workspace ? QString() : workspace.error().message));
        m_workspace = std::move(workspace.value());
        auto key = m_workspace->apiKeys().issue(Actor::system(), u"counted"_s,
                                                QDateTime::currentDateTimeUtc().addDays(1),
                                                QString::fromLatin1(Workspace::kAdminRoleId));
        QVERIFY2(key, qPrintable(key ? QString() : key.error().message));
        m_keyId = key->key.id;
    }

    void init()
    {
        QVERIFY(m_workspace->database().exec(u"DELETE FROM core_apiKeyUsage"_s));
        QVERIFY(m_workspace->database().exec(u"UPDATE core_apiKey SET lastUsedAt = NULL"_s));
    }

    void nothingIsWrittenBeforeAFlush()
    {
        auto counters = usage();
        for (int i = 0; i < 3; ++i)
            counters->record(m_keyId);
        QVERIFY(storedMinutes().isEmpty());
        QVERIFY(storedLastUsed().isEmpty());
        QCOMPARE(counters->pendingLastUsedAt(m_keyId), std::optional<QString>(u"2030-01-02T03:04:05.600Z"_s));
        QVERIFY(counters->flush());
        QCOMPARE(counters->pendingLastUsedAt(m_keyId), std::nullopt);
        QCOMPARE(storedMinutes(), (QList<std::pair<qint64, qint64>>{{m_now / kMinute, 3}}));
        QCOMPARE(storedLastUsed(), u"2030-01-02T03:04:05.600Z"_s);
    }

    void countsPerMinuteAddUp()
    {
        auto counters = usage();
        const qint64 minute = m_now / kMinute;
        counters->record(m_keyId);
        QVERIFY(counters->flush());
        counters->record(m_keyId);
        counters->record(m_keyId);
        m_now += kMinute;
        counters->record(m_keyId);
        QVERIFY(counters->flush());
        QCOMPARE(storedMinutes(), (QList<std::pair<qint64, qint64>>{{minute, 3}, {minute + 1, 1}}));
        // stats: stored plus pending
        counters->record(m_keyId);
        auto stats = counters->stats(m_keyId);
        QVERIFY(stats);
        QCOMPARE(stats->perMinute, (std::vector<std::pair<qint64, qint64>>{{minute, 3}, {minute + 1, 2}}));
        QCOMPARE(stats->lastUsedAt, u"2030-01-02T03:05:05.600Z"_s);
        m_now -= kMinute;
    }

    void onlyTheLastDayIsKept()
    {
        auto counters = usage();
        const qint64 start = m_now;
        counters->record(m_keyId);
        QVERIFY(counters->flush());
        m_now += 25 * 60 * kMinute;
        counters->record(m_keyId);
        QVERIFY(counters->flush());
        QCOMPARE(storedMinutes(), (QList<std::pair<qint64, qint64>>{{m_now / kMinute, 1}}));
        m_now = start;
    }

    void lastUsedNeverGoesBack()
    {
        auto counters = usage();
        counters->record(m_keyId);
        QVERIFY(counters->flush());
        m_now -= 5000;
        counters->record(m_keyId);
        QVERIFY(counters->flush());
        m_now += 5000;
        QCOMPARE(storedLastUsed(), u"2030-01-02T03:04:05.600Z"_s);
    }

    void unknownKeysAreSkipped()
    {
        auto counters = usage();
        counters->record(uuid::create());
        QVERIFY(counters->flush());
        auto rows = m_workspace->database().exec(u"SELECT COUNT(*) FROM core_apiKeyUsage"_s);
        QVERIFY(rows && rows->next());
        QCOMPARE(rows->value(0).toInt(), 0);
    }

    void destructionFlushes()
    {
        {
            auto counters = usage();
            counters->record(m_keyId);
            counters->record(m_keyId);
        }
        QCOMPARE(storedMinutes(), (QList<std::pair<qint64, qint64>>{{m_now / kMinute, 2}}));
    }

    void apiKeysShowTheLastUse()
    {
        // The workspace's own counters: the key's lastUsedAt appears before any flush.
        auto before = m_workspace->apiKeys().get(Actor::system(), m_keyId);
        QVERIFY(before);
        QVERIFY(before->lastUsedAt.isEmpty());
        m_workspace->apiKeyUsage().record(m_keyId);
        auto after = m_workspace->apiKeys().get(Actor::system(), m_keyId);
        QVERIFY(after);
        QVERIFY(!after->lastUsedAt.isEmpty());
        QVERIFY(m_workspace->apiKeyUsage().flush());
        QCOMPARE(storedLastUsed(), after->lastUsedAt);
    }

    void cleanupTestCase() { m_workspace.reset(); }
};

QTEST_GUILESS_MAIN(TstApiKeyUsage)
#include "tst_apikeyusage.moc"
