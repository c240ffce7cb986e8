// Several `vingt serve` on one PostgreSQL database (issue 8): a data-model change made through one server reaches the
// other within a second, and a key revoked through one is refused by the other on the next request. Runs in the
// PostgreSQL run of the suite only (tst_multiserver_pg); the SQLite run skips it.
#include "support/e2e.h"
#include "support/httpclient.h"
#include "support/serverprocess.h"

#include <QJsonObject>
#include <QTest>

#include <memory>

using namespace vingt::test;
using namespace Qt::StringLiterals;

class TestMultiServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        const auto url = ServerProcess::freshDatabaseUrl();
        if (!url) {
            QSKIP("two servers share one database on PostgreSQL only (the _pg run)");
        }
        ServerProcess::Options first;
        first.keyName = u"e2e-multiserver"_s;
        first.databaseUrl = *url;
        m_first = std::make_unique<ServerProcess>(first);
        QVERIFY2(m_first->start(), qPrintable(m_first->errorString()));
        ServerProcess::Options second = first;
        second.createKey = false; // the first server's key: one database, one app secret
        m_second = std::make_unique<ServerProcess>(second);
        QVERIFY2(m_second->start(), qPrintable(m_second->errorString()));
        QVERIFY(m_first->port() != m_second->port());
        m_a = HttpClient(m_first->baseUrl(), m_first->token());
        m_b = HttpClient(m_second->baseUrl(), m_first->token());
    }

    void recordsWrittenThroughOneAreReadThroughTheOther()
    {
        const QString city = uniqueTag();
        E2E_STATUS(m_a.post(u"/rest/people"_s, QJsonObject{{u"city"_s, city}}), 201);
        const HttpResponse found = m_b.get(u"/rest/people?filter=city[eq]:"_s + city);
        E2E_STATUS(found, 200);
        QCOMPARE(found.value(u"totalCount"_s).toInt(), 1);
    }

    void metadataChangeReachesTheOtherServer()
    {
        const QString singular = u"ms"_s + uniqueTag().remove(u'-').left(12).toLower();
        // The second server has served the old model before the change.
        E2E_STATUS(m_b.get(u"/rest/people?limit=1"_s), 200);
        QCOMPARE(m_b.get(u"/rest/"_s + singular + u"s"_s).status, 400);
        const HttpResponse created = m_a.post(u"/rest/metadata/objects"_s,
                                              QJsonObject{{u"nameSingular"_s, singular},
                                                          {u"namePlural"_s, singular + u"s"_s},
                                                          {u"labelSingular"_s, u"Thing"_s},
                                                          {u"labelPlural"_s, u"Things"_s}});
        E2E_STATUS(created, 201);
        // "within a second": the server checks the stored version at most every 250 ms.
        QTRY_COMPARE_WITH_TIMEOUT(m_b.get(u"/rest/"_s + singular + u"s"_s).status, 200, 1500);
        E2E_STATUS(m_b.post(u"/rest/"_s + singular + u"s"_s, QJsonObject{{u"name"_s, u"made on B"_s}}), 201);
        const HttpResponse onA = m_a.get(u"/rest/"_s + singular + u"s"_s);
        E2E_STATUS(onA, 200);
        QCOMPARE(onA.value(u"totalCount"_s).toInt(), 1);
    }

    void keyRevokedThroughOneIsRefusedByTheOther()
    {
        const QString name = u"revoke-"_s + uniqueTag();
        const auto token = m_first->createApiKey(name);
        QVERIFY2(token, qPrintable(m_first->errorString()));
        HttpClient onB = m_b.withToken(*token);
        E2E_STATUS(onB.get(u"/rest/people?limit=1"_s), 200);
        const CliResult list = m_first->runCliOnData({u"api-key"_s, u"list"_s});
        QVERIFY2(list.exitCode == 0, qPrintable(list.describe()));
        QString id;
        for (const QString &line : list.outText().split(u'\n')) {
            const QStringList cells = line.split(u'\t');
            if (cells.size() > 1 && cells.at(1) == name) {
                id = cells.at(0);
            }
        }
        QVERIFY2(!id.isEmpty(), qPrintable(list.describe()));
        const CliResult revoked = m_first->runCliOnData({u"api-key"_s, u"revoke"_s, id});
        QVERIFY2(revoked.exitCode == 0, qPrintable(revoked.describe()));
        E2E_ERROR(onB.get(u"/rest/people?limit=1"_s), 403, "FORBIDDEN_EXCEPTION", "This API Key is revoked");
        E2E_ERROR(m_a.withToken(*token).get(u"/rest/people?limit=1"_s), 403, "FORBIDDEN_EXCEPTION",
                  "This API Key is revoked");
    }

private:
    std::unique_ptr<ServerProcess> m_first;
    std::unique_ptr<ServerProcess> m_second;
    HttpClient m_a;
    HttpClient m_b;
};

QTEST_GUILESS_MAIN(TestMultiServer)
#include "tst_multiserver.moc"
