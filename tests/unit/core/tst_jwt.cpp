#include "core/jwt.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QTest>

using namespace vingt;
using namespace Qt::StringLiterals;

/// The token codec of API-CONTRACT §5.3: HS256 over base64url parts, keyed by the hex secret's ASCII bytes.
class TstJwt : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void signsTheContractShape()
    {
        const QJsonObject payload{{u"sub"_s, u"ws"_s}, {u"type"_s, u"API_KEY"_s}, {u"workspaceId"_s, u"ws"_s},
                                  {u"jti"_s, u"key"_s}, {u"iat"_s, 1735689600}, {u"exp"_s, 1767225600}};
        const QByteArray key = QCryptographicHash::hash("secret" "ws" "API_KEY", QCryptographicHash::Sha256).toHex();
        const QByteArray token = jwt::signHs256(payload, key);
        const QList<QByteArray> parts = token.split('.');
        QCOMPARE(parts.size(), 3);
        const auto b64 = QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors;
        QCOMPARE(QJsonDocument::fromJson(QByteArray::fromBase64(parts[0], b64)).object(),
                 (QJsonObject{{u"alg"_s, u"HS256"_s}, {u"typ"_s, u"JWT"_s}}));
        QCOMPARE(QJsonDocument::fromJson(QByteArray::fromBase64(parts[1], b64)).object(), payload);
        // Independent check of the signature with Qt's HMAC over "<header>.<payload>".
        const QByteArray expected = QMessageAuthenticationCode::hash(parts[0] + '.' + parts[1], key,
                                                                     QCryptographicHash::Sha256);
        QCOMPARE(QByteArray::fromBase64(parts[2], b64), expected);
        QVERIFY(!parts[2].contains('=')); // unpadded base64url
    }

    void roundTrips()
    {
        const QByteArray key = "k";
        const QByteArray token = jwt::signHs256({{u"a"_s, 1}}, key);
        auto decoded = jwt::decode(token);
        QVERIFY(decoded.ok());
        QCOMPARE(decoded->payload.value(u"a"_s).toInt(), 1);
        QVERIFY(jwt::verifyHs256(*decoded, key));
        QVERIFY(!jwt::verifyHs256(*decoded, "other"));
    }

    void rejectsTampering()
    {
        const QByteArray key = "k";
        QByteArray token = jwt::signHs256({{u"role"_s, u"user"_s}}, key);
        const QList<QByteArray> parts = token.split('.');
        const QByteArray forgedPayload = QJsonDocument(QJsonObject{{u"role"_s, u"admin"_s}})
                                             .toJson(QJsonDocument::Compact)
                                             .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        auto decoded = jwt::decode(parts[0] + '.' + forgedPayload + '.' + parts[2]);
        QVERIFY(decoded.ok());
        QVERIFY(!jwt::verifyHs256(*decoded, key));
    }

    void rejectsOtherAlgorithms()
    {
        const QByteArray header = R"({"alg":"none","typ":"JWT"})";
        const auto enc = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
        auto decoded = jwt::decode(header.toBase64(enc) + '.' + QByteArray(R"({"a":1})").toBase64(enc) + ".");
        // An empty signature decodes, but never verifies: alg must be HS256.
        QVERIFY(decoded.ok());
        QVERIFY(!jwt::verifyHs256(*decoded, "k"));
    }

    void garbage_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("one part") << QByteArray("abc");
        QTest::newRow("two parts") << QByteArray("abc.def");
        QTest::newRow("four parts") << QByteArray("a.b.c.d");
        QTest::newRow("not json") << QByteArray("aGVsbG8.aGVsbG8.sig");
        QTest::newRow("empty header") << QByteArray(".e30.sig");
    }
    void garbage()
    {
        QFETCH(QByteArray, token);
        auto decoded = jwt::decode(token);
        QVERIFY(!decoded.ok());
        QCOMPARE(decoded.error().kind, ErrorKind::Unauthenticated);
        QCOMPARE(decoded.error().message, u"No payload"_s);
    }

    void constantTimeEquals()
    {
        QVERIFY(jwt::constantTimeEquals("abc", "abc"));
        QVERIFY(!jwt::constantTimeEquals("abc", "abd"));
        QVERIFY(!jwt::constantTimeEquals("abc", "ab"));
        QVERIFY(jwt::constantTimeEquals({}, {}));
    }
};

QTEST_GUILESS_MAIN(TstJwt)
#include "tst_jwt.moc"
