#include "query/cursor.h"

#include <QJsonDocument>
#include <QTest>

using namespace vingt;
using namespace Qt::StringLiterals;

namespace {
const QString kId = u"20202020-0000-4000-8000-000000000001"_s;

QJsonObject object(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}
} // namespace

/// API-CONTRACT §1.5: cursor = base64 of JSON `{<orderBy column>: value, ..., "id": uuid}`.
class TestCursor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void encodesBase64OfCompactJson();
    void roundTrips_data();
    void roundTrips();
    void acceptsUrlSafeAndUnencodedPlus();
    void rejectsMalformed_data();
    void rejectsMalformed();
    void validates_data();
    void validates();
    void convertsSqlValues();
};

// Slot bodies live outside the class: moc 6.4 mis-reads raw string literals with an odd number of quotes.

void TestCursor::encodesBase64OfCompactJson()
{
    const QByteArray cursor = encodeCursor(QJsonObject{{u"city"_s, u"Paris"_s}, {u"id"_s, kId}});
    QCOMPARE(QByteArray::fromBase64(cursor), QByteArray(R"({"city":"Paris","id":")" + kId.toLatin1() + "\"}"));
}

void TestCursor::roundTrips_data()
{
    QTest::addColumn<QJsonObject>("values");
    QTest::newRow("string") << QJsonObject{{u"city"_s, u"Paris"_s}, {u"id"_s, kId}};
    QTest::newRow("unicode string") << QJsonObject{{u"city"_s, u"Zürich 東京 \"q\" \\"_s}, {u"id"_s, kId}};
    QTest::newRow("double") << QJsonObject{{u"position"_s, 1.25}, {u"id"_s, kId}};
    QTest::newRow("tiny double") << QJsonObject{{u"position"_s, 1e-300}, {u"id"_s, kId}};
    QTest::newRow("negative double") << QJsonObject{{u"position"_s, -0.1}, {u"id"_s, kId}};
    QTest::newRow("int") << QJsonObject{{u"employees"_s, 42}, {u"id"_s, kId}};
    QTest::newRow("int64 beyond 2^53") << QJsonObject{{u"score"_s, qint64(9007199254740993LL)}, {u"id"_s, kId}};
    QTest::newRow("negative int64") << QJsonObject{{u"score"_s, qint64(-9000000000000000000LL)}, {u"id"_s, kId}};
    QTest::newRow("null") << QJsonObject{{u"city"_s, QJsonValue::Null}, {u"id"_s, kId}};
    QTest::newRow("booleans") << QJsonObject{{u"isActive"_s, true}, {u"other"_s, false}, {u"id"_s, kId}};
    QTest::newRow("id only") << QJsonObject{{u"id"_s, kId}};
}

void TestCursor::roundTrips()
{
    QFETCH(QJsonObject, values);
    const auto decoded = decodeCursor(QString::fromLatin1(encodeCursor(values)));
    QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().message));
    QCOMPARE(*decoded, values);
    for (auto it = values.begin(); it != values.end(); ++it) {
        QCOMPARE(decoded->value(it.key()).type(), it.value().type());
        if (it.value().isDouble()) {
            QCOMPARE(decoded->value(it.key()).toDouble(), it.value().toDouble());
            QCOMPARE(decoded->value(it.key()).toInteger(-1), it.value().toInteger(-1));
        }
    }
}

void TestCursor::acceptsUrlSafeAndUnencodedPlus()
{
    // A value whose base64 holds '+' and '/' characters.
    const QJsonObject values{{u"city"_s, u"\u00fb\u00ff>?"_s}, {u"id"_s, kId}};
    const QByteArray standard = encodeCursor(values);
    QVERIFY(standard.contains('+') || standard.contains('/'));
    const QByteArray urlSafe = QJsonDocument(values)
                                   .toJson(QJsonDocument::Compact)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    QCOMPARE(*decodeCursor(QString::fromLatin1(urlSafe)), values);
    QString spaced = QString::fromLatin1(standard);
    spaced.replace(u'+', u' ');
    QCOMPARE(*decodeCursor(spaced), values);
}

void TestCursor::rejectsMalformed_data()
{
    QTest::addColumn<QString>("cursor");
    QTest::newRow("empty") << QString();
    QTest::newRow("not base64") << u"!!!not-base64***"_s;
    QTest::newRow("base64 of text") << QString::fromLatin1(QByteArray("hello world").toBase64());
    QTest::newRow("base64 of an array") << QString::fromLatin1(QByteArray("[1,2]").toBase64());
    QTest::newRow("base64 of a string") << QString::fromLatin1(QByteArray("\"id\"").toBase64());
    QTest::newRow("truncated JSON") << QString::fromLatin1(QByteArray(R"({"id":"x")").toBase64());
    QTest::newRow("non-latin characters") << u"eyJpZCI6IngifQ==é"_s;
}

void TestCursor::rejectsMalformed()
{
    QFETCH(QString, cursor);
    const auto decoded = decodeCursor(cursor);
    QVERIFY(!decoded.ok());
    QCOMPARE(decoded.error().kind, ErrorKind::BadRequest);
    QCOMPARE(decoded.error().message, u"Invalid cursor"_s);
}

void TestCursor::validates_data()
{
    QTest::addColumn<QByteArray>("values");
    QTest::addColumn<bool>("valid");
    const QByteArray id = kId.toLatin1();
    QTest::newRow("complete") << QByteArray(R"({"city":"x","employees":3.5,"isActive":true,"id":")" + id + "\"}")
                              << true;
    QTest::newRow("nulls allowed") << QByteArray(R"({"city":null,"employees":null,"isActive":null,"id":")" + id + "\"}")
                                   << true;
    QTest::newRow("extra keys ignored") << QByteArray(R"({"city":"x","employees":1,"isActive":false,"other":1,"id":")"
                                                      + id + "\"}")
                                        << true;
    QTest::newRow("column of another ordering missing")
        << QByteArray(R"({"city":"x","isActive":true,"id":")" + id + "\"}") << false;
    QTest::newRow("id missing") << QByteArray(R"({"city":"x","employees":1,"isActive":true})") << false;
    QTest::newRow("id not a UUID") << QByteArray(R"({"city":"x","employees":1,"isActive":true,"id":"1"})") << false;
    QTest::newRow("id null") << QByteArray(R"({"city":"x","employees":1,"isActive":true,"id":null})") << false;
    QTest::newRow("number where text expected")
        << QByteArray(R"({"city":1,"employees":1,"isActive":true,"id":")" + id + "\"}") << false;
    QTest::newRow("text where number expected")
        << QByteArray(R"({"city":"x","employees":"1","isActive":true,"id":")" + id + "\"}") << false;
    QTest::newRow("number where boolean expected")
        << QByteArray(R"({"city":"x","employees":1,"isActive":1,"id":")" + id + "\"}") << false;
}

void TestCursor::validates()
{
    QFETCH(QByteArray, values);
    QFETCH(bool, valid);
    const std::vector<ResolvedOrder> order{{u"city"_s, Direction::AscNullsFirst, ValueKind::Text},
                                           {u"employees"_s, Direction::DescNullsLast, ValueKind::Float},
                                           {u"isActive"_s, Direction::AscNullsLast, ValueKind::Boolean},
                                           {u"id"_s, Direction::AscNullsFirst, ValueKind::Uuid}};
    const auto result = validateCursor(object(values), order);
    QCOMPARE(result.ok(), valid);
    if (!valid)
        QCOMPARE(result.error().message, u"Invalid cursor"_s);
}

void TestCursor::convertsSqlValues()
{
    QCOMPARE(cursorValue(ValueKind::Boolean, QVariant(1)), QJsonValue(true));
    QCOMPARE(cursorValue(ValueKind::Boolean, QVariant(0)), QJsonValue(false));
    QCOMPARE(cursorValue(ValueKind::Integer, QVariant(qint64(9007199254740993LL))).toInteger(),
             qint64(9007199254740993LL));
    QCOMPARE(cursorValue(ValueKind::Float, QVariant(2.5)), QJsonValue(2.5));
    QCOMPARE(cursorValue(ValueKind::Text, QVariant(u"x"_s)), QJsonValue(u"x"_s));
    QCOMPARE(cursorValue(ValueKind::DateTime, QVariant(u"2024-01-01T00:00:00.000Z"_s)),
             QJsonValue(u"2024-01-01T00:00:00.000Z"_s));
    QVERIFY(cursorValue(ValueKind::Text, QVariant()).isNull());

    QCOMPARE(cursorBindValue(ValueKind::Integer, QJsonValue(qint64(9007199254740993LL))),
             QVariant(qint64(9007199254740993LL)));
    QCOMPARE(cursorBindValue(ValueKind::Float, QJsonValue(2.5)), QVariant(2.5));
    QCOMPARE(cursorBindValue(ValueKind::Boolean, QJsonValue(true)), QVariant(true));
    QCOMPARE(cursorBindValue(ValueKind::Text, QJsonValue(u"x"_s)), QVariant(u"x"_s));
    QVERIFY(cursorBindValue(ValueKind::Text, QJsonValue::Null).isNull());
}

QTEST_GUILESS_MAIN(TestCursor)
#include "tst_cursor.moc"
