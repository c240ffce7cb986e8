// Several `vingt serve` on one PostgreSQL database (issue 8): a data-model change made through one server reaches the
// other within a second, a key revoked through one is refused by the other on the next request, the rate-limit
// budget is the workspace's whichever server answers, each webhook delivery is sent once though both servers run a
// delivery worker, and two conflicting metadata changes sent at once leave one winner and a consistent schema. Runs in
// the PostgreSQL run of the suite only (tst_multiserver_pg); the SQLite run skips it.
#include "support/e2e.h"
#include "support/httpclient.h"
#include "support/serverprocess.h"
#include "support/webhookreceiver.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QTest>

#include <memory>

using namespace vingt::test;
using namespace Qt::StringLiterals;

namespace {

/// Two servers of their own on a fresh database, one key, the long bucket of `budget` tokens refilled over a day (so
/// counts are exact however slow the machine) and a short bucket out of the way.
struct BudgetPair {
    std::unique_ptr<ServerProcess> first;
    std::unique_ptr<ServerProcess> second;
    HttpClient a;
    HttpClient b;
    QString error;

    bool start(const QString &keyName, int budget)
    {
        const auto url = ServerProcess::freshDatabaseUrl();
        if (!url) {
            error = u"no PostgreSQL URL"_s;
            return false;
        }
        ServerProcess::Options options;
        options.keyName = keyName;
        options.databaseUrl = *url;
        options.settings = {u"rateLimit.shortLimit=1000000"_s, u"rateLimit.longLimit=%1"_s.arg(budget),
                            u"rateLimit.longTtlMs=86400000"_s};
        first = std::make_unique<ServerProcess>(options);
        options.createKey = false;
        second = std::make_unique<ServerProcess>(options);
        for (ServerProcess *server : {first.get(), second.get()}) {
            if (!server->start()) {
                error = server->errorString();
                return false;
            }
        }
        a = HttpClient(first->baseUrl(), first->token());
        b = HttpClient(second->baseUrl(), first->token());
        return true;
    }
};

} // namespace

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

    void rateLimitBudgetIsSharedByBothServers()
    {
        // A pair of servers of its own: the contract's bucket of 100, refilled over a day so the count is exact.
        BudgetPair pair;
        QVERIFY2(pair.start(u"e2e-multiserver-ratelimit"_s, 100), qPrintable(pair.error));
        HttpClient &a = pair.a;
        HttpClient &b = pair.b;

        for (int call = 1; call <= 100; ++call) {
            HttpClient &client = call % 2 ? a : b;
            const HttpResponse response = client.get(u"/rest/people?limit=1"_s);
            E2E_STATUS(response, 200);
            // Each server reports what is left of the one budget, whichever server took the previous tokens.
            QCOMPARE(response.header("x-ratelimit-remaining"), QByteArray::number(100 - call));
        }
        const QJsonObject body{{u"statusCode"_s, 429},
                               {u"error"_s, u"HttpException"_s},
                               {u"messages"_s, QJsonArray{u"Limit reached (100 tokens per 86400000 ms)"_s}}};
        for (HttpClient *client : {&a, &b}) {
            const HttpResponse refused = client->get(u"/rest/people?limit=1"_s);
            E2E_STATUS(refused, 429);
            QCOMPARE(refused.object(), body);
            QVERIFY2(refused.header("retry-after").toInt() >= 1, qPrintable(refused.describe()));
            QCOMPARE(refused.header("x-ratelimit-remaining"), QByteArray("0"));
        }
        // GraphQL on either server meets the same empty bucket.
        const HttpResponse graphql = b.post(u"/graphql"_s, QJsonObject{{u"query"_s, u"{ people { totalCount } }"_s}});
        E2E_STATUS(graphql, 200);
        QCOMPARE(graphql.value(u"errors.0.extensions.subCode"_s).toString(), u"RATE_LIMITED"_s);
        // Metadata routes take no token and still serve.
        E2E_STATUS(a.get(u"/rest/metadata/objects"_s), 200);
    }

    void leasedTokensNeverExceedTheSharedBudget()
    {
        // A budget of 1,000 over a day: each server, busy, takes up to 10 tokens (1%) per statement and hands them out
        // itself. Both servers drain it in bursts: together they never grant more than the budget, and they lose at
        // most what their last leases held (10 each) when the budget runs out.
        constexpr int kBudget = 1000;
        BudgetPair pair;
        QVERIFY2(pair.start(u"e2e-multiserver-lease"_s, kBudget), qPrintable(pair.error));
        HttpClient &a = pair.a;
        HttpClient &b = pair.b;

        int granted = 0;
        bool refusedA = false;
        bool refusedB = false;
        for (int burst = 0; !(refusedA && refusedB) && burst < 200; ++burst) {
            HttpClient &client = burst % 2 ? b : a;
            for (int call = 0; call < 25; ++call) {
                const HttpResponse response = client.get(u"/rest/people?limit=1"_s);
                if (response.status == 429) {
                    (burst % 2 ? refusedB : refusedA) = true;
                    break;
                }
                QCOMPARE(response.status, 200);
                ++granted;
            }
        }
        QVERIFY2(refusedA && refusedB, "both servers end up refusing");
        // The day-long window refills about one token per 86 s: one more at most while the test runs.
        QVERIFY2(granted <= kBudget + 1, qPrintable(u"%1 calls granted, budget %2"_s.arg(granted).arg(kBudget)));
        QVERIFY2(granted >= kBudget - 2 * 10, qPrintable(u"%1 calls granted, budget %2"_s.arg(granted).arg(kBudget)));
    }

    void eachWebhookDeliveryIsSentOnce()
    {
        WebhookReceiver receiver;
        QVERIFY(receiver.listen());
        const QString path = u"/hook/"_s + uniqueTag();
        const HttpResponse hook = m_a.post(
            u"/rest/metadata/webhooks"_s,
            QJsonObject{{u"targetUrl"_s, receiver.url(path)}, {u"operations"_s, QJsonArray{u"person.created"_s}}});
        E2E_STATUS(hook, 201);

        // The second server learns about the webhook within a quarter of a second: until a person it creates yields
        // a delivery, the events it handles are not webhook events yet (and are not counted below).
        const QString warmCity = uniqueTag();
        QDeadlineTimer warmUp(10000);
        while (!warmUp.hasExpired() && receiver.at(path).isEmpty()) {
            E2E_STATUS(m_b.post(u"/rest/people"_s, QJsonObject{{u"city"_s, warmCity}}), 201);
            QTest::qWait(100);
        }
        QVERIFY2(!receiver.at(path).isEmpty(), "the second server never delivered an event of the new webhook");
        const qsizetype warm = receiver.at(path).size();
        QTRY_COMPARE_WITH_TIMEOUT(receiver.at(path).size(), warm, 3000); // nothing more in flight

        // Events made through both servers; both delivery workers poll the one queue.
        constexpr int kEvents = 30;
        const QString city = uniqueTag();
        QSet<QString> created;
        for (int i = 0; i < kEvents; ++i) {
            const HttpResponse person = (i % 2 ? m_b : m_a).post(u"/rest/people"_s, QJsonObject{{u"city"_s, city}});
            E2E_STATUS(person, 201);
            created.insert(person.value(u"data.createPerson.id"_s).toString());
        }
        auto ofThisRun = [&] {
            QList<ReceivedRequest> requests;
            for (const ReceivedRequest &request : receiver.at(path)) {
                if (request.json().value(u"record"_s).toObject().value(u"city"_s).toString() == city)
                    requests << request;
            }
            return requests;
        };
        QTRY_VERIFY_WITH_TIMEOUT(ofThisRun().size() >= kEvents, 20000);
        // Both workers poll every second: give a duplicate the time to show up.
        QTest::qWait(2500);
        const QList<ReceivedRequest> received = ofThisRun();
        QHash<QString, int> perDelivery;
        QHash<QString, int> perRecord;
        for (const ReceivedRequest &request : received) {
            ++perDelivery[request.deliveryId()];
            ++perRecord[request.json().value(u"record"_s).toObject().value(u"id"_s).toString()];
        }
        for (auto it = perDelivery.cbegin(); it != perDelivery.cend(); ++it)
            QVERIFY2(it.value() == 1, qPrintable(u"delivery %1 received %2 times"_s.arg(it.key()).arg(it.value())));
        QCOMPARE(received.size(), kEvents);
        QCOMPARE(QSet<QString>(perRecord.keyBegin(), perRecord.keyEnd()), created);
        // The log agrees: every delivery succeeded at its first attempt.
        const QJsonArray log = m_a.get(u"/rest/metadata/webhooks/"_s + hook.value(u"id"_s).toString()
                                       + u"/deliveries?limit=200"_s)
                                   .value(u"data.webhookDeliveries"_s)
                                   .toArray();
        QVERIFY(log.size() >= kEvents);
        for (const QJsonValue &delivery : log) {
            QCOMPARE(delivery[u"status"_s].toString(), u"SUCCEEDED"_s);
            QCOMPARE(delivery[u"attempts"_s].toInt(), 1);
        }
    }

    void conflictingMetadataChangesAtOnce()
    {
        // The same new object sent to both servers at the same moment (asynchronous requests): one creates it, the
        // other answers with a clear error, and both then serve one object of that name.
        const QString singular = u"cf"_s + uniqueTag().remove(u'-').left(12).toLower();
        const QJsonObject input{{u"nameSingular"_s, singular},
                                {u"namePlural"_s, singular + u"s"_s},
                                {u"labelSingular"_s, u"Conflict"_s},
                                {u"labelPlural"_s, u"Conflicts"_s}};
        QNetworkAccessManager manager;
        QList<QNetworkReply *> replies;
        for (ServerProcess *server : {m_first.get(), m_second.get()}) {
            QNetworkRequest request(server->baseUrl().resolved(QUrl(u"/rest/metadata/objects"_s)));
            request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
            request.setRawHeader("Authorization", "Bearer " + m_first->token().toLatin1());
            replies << manager.post(request, QJsonDocument(input).toJson(QJsonDocument::Compact));
        }
        QTRY_VERIFY_WITH_TIMEOUT(replies[0]->isFinished() && replies[1]->isFinished(), 30000);
        QList<int> statuses;
        QStringList bodies;
        for (QNetworkReply *reply : replies) {
            statuses << reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            bodies << QString::fromUtf8(reply->readAll());
            reply->deleteLater();
        }
        const QString both = bodies.join(u" | "_s);
        QVERIFY2(statuses.count(201) == 1, qPrintable(both));
        const int loser = statuses[0] == 201 ? 1 : 0;
        // The loser waited for the winner's commit on the data-model version and was made from the version before
        // it: a 409 saying so (or, had its server already seen the winner's model, a 400 naming the taken name);
        // never a 500 or an error about something else.
        const QJsonObject error = QJsonDocument::fromJson(bodies[loser].toUtf8()).object();
        const QString message = error.value(u"messages"_s).toArray().at(0).toString();
        QCOMPARE(error.value(u"statusCode"_s).toInt(), statuses[loser]);
        if (statuses[loser] == 409) {
            QCOMPARE(message, u"The data model was changed meanwhile (by another server); reload it and try again"_s);
        } else {
            QVERIFY2(statuses[loser] == 400 && message.contains(singular), qPrintable(both));
        }
        qInfo("the loser got HTTP %d: %s", statuses[loser], qPrintable(message));
        // One object of that name, served by both servers (the loser's within a second), with a working table.
        QTRY_COMPARE_WITH_TIMEOUT(m_a.get(u"/rest/"_s + singular + u"s"_s).status, 200, 1500);
        QTRY_COMPARE_WITH_TIMEOUT(m_b.get(u"/rest/"_s + singular + u"s"_s).status, 200, 1500);
        for (HttpClient *client : {&m_a, &m_b}) {
            const HttpResponse objects = client->get(u"/rest/metadata/objects?limit=1000"_s);
            E2E_STATUS(objects, 200);
            int named = 0;
            for (const QJsonValue &object : objects.value(u"data.objects"_s).toArray())
                named += object[u"nameSingular"_s].toString() == singular;
            QVERIFY2(named == 1, qPrintable(u"%1 objects named %2: %3"_s.arg(named).arg(singular, objects.describe())));
        }
        E2E_STATUS(m_b.post(u"/rest/"_s + singular + u"s"_s, QJsonObject{{u"name"_s, u"one"_s}}), 201);
        const HttpResponse onA = m_a.get(u"/rest/"_s + singular + u"s"_s);
        E2E_STATUS(onA, 200);
        QCOMPARE(onA.value(u"totalCount"_s).toInt(), 1);
    }

private:
    std::unique_ptr<ServerProcess> m_first;
    std::unique_ptr<ServerProcess> m_second;
    HttpClient m_a;
    HttpClient m_b;
};

QTEST_GUILESS_MAIN(TestMultiServer)
#include "tst_multiserver.moc"
