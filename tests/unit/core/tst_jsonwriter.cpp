#include "core/jsonwriter.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace vingt;
using namespace Qt::StringLiterals;

/// The streaming writer must produce exactly what QJsonDocument would parse back, with correct escaping.
class TstJsonWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nestedStructure()
    {
        JsonWriter w;
        w.beginObject();
        w.key("data"_L1);
        w.beginObject();
        w.key("people"_L1);
        w.beginArray();
        w.beginObject();
        w.key("id"_L1);
        w.value(u"1"_s);
        w.key("n"_L1);
        w.value(std::int64_t(42));
        w.endObject();
        w.beginObject();
        w.endObject();
        w.endArray();
        w.endObject();
        w.key("ok"_L1);
        w.value(true);
        w.key("none"_L1);
        w.null();
        w.endObject();
        QCOMPARE(w.buffer(), QByteArray(R"({"data":{"people":[{"id":"1","n":42},{}]},"ok":true,"none":null})"));
    }

    void escaping_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("quote and backslash") << u"a\"b\\c"_s;
        QTest::newRow("control characters") << QString::fromUtf8("line\nbreak\ttab\r\x01\x1f");
        QTest::newRow("unicode") << u"Ünïcødé ✓ 日本 😀"_s;
        QTest::newRow("sql-looking") << u"'; DROP TABLE person; --"_s;
        QTest::newRow("empty") << QString();
    }
    void escaping()
    {
        QFETCH(QString, text);
        JsonWriter w;
        w.beginObject();
        w.key(QStringView(text));
        w.value(QStringView(text));
        w.endObject();
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(w.buffer(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(doc.object().value(text).toString(), text);
    }

    void numbers_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("integral") << 3.0 << QByteArray("3");
        QTest::newRow("fraction") << 0.1 << QByteArray("0.1");
        QTest::newRow("negative") << -2.5 << QByteArray("-2.5");
        QTest::newRow("latitude") << 48.8566 << QByteArray("48.8566");
        QTest::newRow("nan is null") << qQNaN() << QByteArray("null");
    }
    void numbers()
    {
        QFETCH(double, value);
        QFETCH(QByteArray, expected);
        JsonWriter w;
        w.value(value);
        QCOMPARE(w.buffer(), expected);
    }

    void int64Extremes()
    {
        JsonWriter w;
        w.beginArray();
        w.value(std::int64_t(9007199254740993LL));
        w.value(std::int64_t(-1));
        w.endArray();
        QCOMPARE(w.buffer(), QByteArray("[9007199254740993,-1]"));
    }

    void rawIsInsertedVerbatim()
    {
        JsonWriter w;
        w.beginArray();
        w.raw(R"({"a":[1,2]})");
        w.value(1);
        w.endArray();
        QCOMPARE(w.buffer(), QByteArray(R"([{"a":[1,2]},1])"));
    }
};

QTEST_GUILESS_MAIN(TstJsonWriter)
#include "tst_jsonwriter.moc"
