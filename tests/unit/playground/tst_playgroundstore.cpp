// Unit tests of the playground's per-workspace state: history and saved requests in the workspace database
// (migration 0004), and the key picker's short-lived token minted through ApiKeyService.

#include "core/clock.h"
#include "core/jwt.h"
#include "core/uuid.h"
#include "playground/playgroundhistory.h"
#include "playground/playgroundtoken.h"
#include "services/apikeyservice.h"
#include "services/settings.h"
#include "services/workspace.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QTest>

using namespace vingt;
using namespace vingt::playground;
using namespace Qt::StringLiterals;

class TestPlaygroundStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_workspace;

    PlaygroundRequest rest(const QString &path)
    {
        PlaygroundRequest r;
        r.path = path;
        r.status = 200;
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto workspace = Workspace::open(uuid::create(), u"Test"_s, m_dir.filePath(u"ws.db"_s), "secret", Settings());
        QVERIFY2(bool(workspace), workspace ? "" : qPrintable(workspace.error().message));
        m_workspace = std::move(*workspace);
    }

    void historyRecordsNewestFirst()
    {
        PlaygroundHistory history(m_workspace->database());
        QVERIFY(bool(history.clearHistory()));
        auto first = history.record(rest(u"/rest/people?limit=5"_s));
        QVERIFY2(bool(first), first ? "" : qPrintable(first.error().message));
        PlaygroundRequest gql;
        gql.kind = u"graphql"_s;
        gql.method = u"POST"_s;
        gql.path = u"/graphql"_s;
        gql.body = u"query Cities { people { edges { node { city } } } }"_s;
        gql.variables = u"{}"_s;
        gql.operationName = u"Cities"_s;
        gql.apiKeyId = u"k1"_s;
        auto stored = history.record(gql);
        QVERIFY(bool(stored));
        QVERIFY(uuid::isValid(stored->id));
        QVERIFY(!stored->createdAt.isEmpty());

        auto all = history.list();
        QVERIFY(bool(all));
        QCOMPARE(all->size(), size_t(2));
        QCOMPARE(all->front().kind, u"graphql"_s);
        QCOMPARE(all->front().operationName, u"Cities"_s);
        QCOMPARE(all->front().apiKeyId, u"k1"_s);
        QCOMPARE(all->back().path, u"/rest/people?limit=5"_s);

        auto again = history.get(stored->id);
        QVERIFY(bool(again));
        QCOMPARE(again->body, gql.body);

        // Persisted: another store over the same database sees it.
        PlaygroundHistory other(m_workspace->database());
        QCOMPARE(other.list()->size(), size_t(2));
    }

    void historySearch()
    {
        PlaygroundHistory history(m_workspace->database());
        auto byBody = history.list(u"CITY"_s);
        QVERIFY(bool(byBody));
        QCOMPARE(byBody->size(), size_t(1));
        QCOMPARE(byBody->front().kind, u"graphql"_s);
        auto byPath = history.list(u"limit="_s);
        QCOMPARE(byPath->size(), size_t(1));
        QCOMPARE(history.list(u"%"_s)->size(), size_t(0)); // literal, not a LIKE wildcard
        QCOMPARE(history.list(u"nothing like this"_s)->size(), size_t(0));
    }

    void savedRequests()
    {
        PlaygroundHistory history(m_workspace->database());
        auto first = history.list()->front();
        QVERIFY(!history.save(first, u"  "_s));
        auto saved = history.save(first, u"Cities of people"_s);
        QVERIFY(bool(saved));
        QVERIFY(saved->id != first.id);
        QCOMPARE(history.list(QString(), true)->size(), size_t(1));
        QCOMPARE(history.list(u"of people"_s, true)->front().savedName, u"Cities of people"_s);
        // Clearing the history keeps saved requests.
        QVERIFY(bool(history.clearHistory()));
        QCOMPARE(history.list()->size(), size_t(0));
        QCOMPARE(history.list(QString(), true)->size(), size_t(1));
        QVERIFY(bool(history.remove(saved->id)));
        QCOMPARE(history.list(QString(), true)->size(), size_t(0));
        QVERIFY(!history.remove(saved->id));
        QVERIFY(!history.record([] {
            PlaygroundRequest r;
            r.kind = u"soap"_s;
            return r;
        }()));
    }

    void historyIsPruned()
    {
        PlaygroundHistory history(m_workspace->database());
        QVERIFY(bool(history.save(rest(u"/rest/keep"_s), u"Keep"_s)));
        for (int i = 0; i < PlaygroundHistory::kHistoryLimit + 3; ++i)
            QVERIFY(bool(history.record(rest(u"/rest/people?n=%1"_s.arg(i)))));
        auto all = history.list(QString(), false, 10000);
        QCOMPARE(all->size(), size_t(PlaygroundHistory::kHistoryLimit));
        QCOMPARE(all->front().path, u"/rest/people?n=%1"_s.arg(PlaygroundHistory::kHistoryLimit + 2));
        QCOMPARE(all->back().path, u"/rest/people?n=3"_s);
        QCOMPARE(history.list(QString(), true)->size(), size_t(1));
    }

    void mintedTokenIsShortLivedAndForTheKey()
    {
        ApiKeyService &keys = m_workspace->apiKeys();
        auto roleId = keys.roleIdByLabel(u"Admin"_s);
        QVERIFY(bool(roleId));
        auto issued = keys.issue(Actor::system(), u"Reporting"_s, QDateTime::currentDateTimeUtc().addDays(30), *roleId);
        QVERIFY2(bool(issued), issued ? "" : qPrintable(issued.error().message));

        const qint64 before = QDateTime::currentSecsSinceEpoch();
        auto token = mintPlaygroundToken(keys, issued->key.id);
        QVERIFY2(bool(token), token ? "" : qPrintable(token.error().message));
        QVERIFY(*token != issued->token);
        auto decoded = jwt::decode(*token);
        QVERIFY(bool(decoded));
        QVERIFY(jwt::verifyHs256(*decoded, m_workspace->apiKeySecret()));
        QCOMPARE(decoded->payload.value(u"jti"_s).toString(), issued->key.id); // §5.3: jti names the key
        QCOMPARE(decoded->payload.value(u"workspaceId"_s).toString(), m_workspace->id());
        const qint64 exp = decoded->payload.value(u"exp"_s).toInteger();
        QVERIFY(exp >= before + kPlaygroundTokenSeconds - 1);
        QVERIFY(exp <= QDateTime::currentSecsSinceEpoch() + kPlaygroundTokenSeconds);

        // A revoked key gets no token; neither does an unknown one.
        QVERIFY(bool(keys.revoke(Actor::system(), issued->key.id)));
        auto revoked = mintPlaygroundToken(keys, issued->key.id);
        QVERIFY(!revoked);
        QCOMPARE(revoked.error().message, u"This API Key is revoked"_s);
        QVERIFY(!mintPlaygroundToken(keys, uuid::create()));
    }
};

QTEST_GUILESS_MAIN(TestPlaygroundStore)
#include "tst_playgroundstore.moc"
