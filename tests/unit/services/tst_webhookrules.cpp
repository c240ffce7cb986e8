// Unit: the pure webhook rules of API-CONTRACT §10 — the signature receivers recompute (§10.3), operation syntax
// (§10.1), wildcard matching (§10.2), target URL normalization (§10.1) and the retry schedule (§10.2).

#include "services/webhookdispatcher.h"
#include "services/webhookservice.h"

#include <QMessageAuthenticationCode>
#include <QTest>

using namespace vingt;
using namespace Qt::StringLiterals;

class TestWebhookRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void signatureIsHexHmacOfTimestampColonBody()
    {
        // Reference value computed independently (Python: hmac.new(b"s3cr3t", b'1700000000000:{"a":1}', sha256)).
        QCOMPARE(WebhookService::signature("s3cr3t", "1700000000000", R"({"a":1})"),
                 QByteArray("d829f11e7d97cf9144f5e5112ef08f0656c7c7d0693ca01959d5f3374352f634"));
        // Any change to secret, timestamp or body changes it.
        const QByteArray base = WebhookService::signature("k", "1", "body");
        QVERIFY(WebhookService::signature("K", "1", "body") != base);
        QVERIFY(WebhookService::signature("k", "2", "body") != base);
        QVERIFY(WebhookService::signature("k", "1", "body ") != base);
        // Non-ASCII bodies are signed as the UTF-8 bytes sent.
        const QByteArray utf8 = u"{\"city\":\"Zürich\"}"_s.toUtf8();
        QCOMPARE(WebhookService::signature("k", "5", utf8),
                 QMessageAuthenticationCode::hash("5:" + utf8, "k", QCryptographicHash::Sha256).toHex());
    }

    void validOperations_data()
    {
        QTest::addColumn<QString>("operation");
        QTest::addColumn<bool>("valid");
        QTest::newRow("exact") << u"person.created"_s << true;
        QTest::newRow("any object") << u"*.updated"_s << true;
        QTest::newRow("any action") << u"company.*"_s << true;
        QTest::newRow("everything") << u"*.*"_s << true;
        QTest::newRow("camelCase object") << u"workspaceMember.destroyed"_s << true;
        QTest::newRow("restored") << u"opportunity.restored"_s << true;
        QTest::newRow("no dot") << u"person"_s << false;
        QTest::newRow("unknown action") << u"person.exploded"_s << false;
        QTest::newRow("empty object") << u".created"_s << false;
        QTest::newRow("empty action") << u"person."_s << false;
        QTest::newRow("three parts") << u"person.created.now"_s << false;
        QTest::newRow("partial wildcard") << u"pers*.created"_s << false;
        QTest::newRow("spaces") << u"person. created"_s << false;
        QTest::newRow("empty") << QString() << false;
    }
    void validOperations()
    {
        QFETCH(QString, operation);
        QFETCH(bool, valid);
        QCOMPARE(WebhookService::isValidOperation(operation), valid);
    }

    void wildcardMatching_data()
    {
        QTest::addColumn<QStringList>("operations");
        QTest::addColumn<QString>("object");
        QTest::addColumn<QString>("action");
        QTest::addColumn<bool>("fires");
        QTest::newRow("exact") << QStringList{u"person.created"_s} << u"person"_s << u"created"_s << true;
        QTest::newRow("other action") << QStringList{u"person.created"_s} << u"person"_s << u"updated"_s << false;
        QTest::newRow("other object") << QStringList{u"person.created"_s} << u"company"_s << u"created"_s << false;
        QTest::newRow("*.action") << QStringList{u"*.deleted"_s} << u"company"_s << u"deleted"_s << true;
        QTest::newRow("*.action other") << QStringList{u"*.deleted"_s} << u"company"_s << u"destroyed"_s << false;
        QTest::newRow("obj.*") << QStringList{u"company.*"_s} << u"company"_s << u"restored"_s << true;
        QTest::newRow("obj.* other") << QStringList{u"company.*"_s} << u"person"_s << u"restored"_s << false;
        QTest::newRow("*.*") << QStringList{u"*.*"_s} << u"note"_s << u"updated"_s << true;
        QTest::newRow("any of several") << QStringList{u"person.created"_s, u"company.updated"_s} << u"company"_s
                                        << u"updated"_s << true;
        QTest::newRow("prefix is no match")
            << QStringList{u"person.created"_s} << u"personX"_s << u"created"_s << false;
        QTest::newRow("none") << QStringList{} << u"person"_s << u"created"_s << false;
    }
    void wildcardMatching()
    {
        QFETCH(QStringList, operations);
        QFETCH(QString, object);
        QFETCH(QString, action);
        QFETCH(bool, fires);
        QCOMPARE(WebhookService::matches(operations, object, action), fires);
    }

    void targetUrls_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("normalized"); // empty: invalid
        QTest::newRow("bare host gets a path") << u"https://example.com"_s << u"https://example.com/"_s;
        QTest::newRow("case and default port") << u"HTTP://Example.COM:80/Hook"_s << u"http://example.com/Hook"_s;
        QTest::newRow("https default port") << u"https://a.io:443/x?y=1"_s << u"https://a.io/x?y=1"_s;
        QTest::newRow("other port kept") << u"http://127.0.0.1:8080/h"_s << u"http://127.0.0.1:8080/h"_s;
        QTest::newRow("trimmed") << u"  https://a.io/h  "_s << u"https://a.io/h"_s;
        QTest::newRow("ftp") << u"ftp://example.com/"_s << QString();
        QTest::newRow("relative") << u"/hook"_s << QString();
        QTest::newRow("no host") << u"http://"_s << QString();
        QTest::newRow("words") << u"not a url"_s << QString();
        QTest::newRow("mailto") << u"mailto:a@b.c"_s << QString();
        QTest::newRow("empty") << QString() << QString();
    }
    void targetUrls()
    {
        QFETCH(QString, input);
        QFETCH(QString, normalized);
        QCOMPARE(WebhookService::normalizeTargetUrl(input).value_or(QString()), normalized);
    }

    void retrySchedule()
    {
        const WebhookRetryPolicy policy = WebhookRetryPolicy::fromSettings(Settings());
        QCOMPARE(policy.timeoutMs, 5000);
        QCOMPARE(policy.maxRetries, 3);
        QCOMPARE(policy.delayAfter(1), 10000);
        QCOMPARE(policy.delayAfter(2), 60000);
        QCOMPARE(policy.delayAfter(3), 300000);
        QCOMPARE(policy.delayAfter(7), 300000); // more retries reuse the last delay
        Settings shortened;
        QVERIFY(shortened.apply({u"webhook.retryDelay1Ms=200"_s, u"webhook.retryDelay2Ms=300"_s}).ok());
        QCOMPARE(WebhookRetryPolicy::fromSettings(shortened).delayAfter(2), 300);
    }
};

QTEST_GUILESS_MAIN(TestWebhookRules)
#include "tst_webhookrules.moc"
