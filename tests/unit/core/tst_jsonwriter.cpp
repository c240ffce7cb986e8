#include "core/jsonwriter.h"

#include <QJsonArray>
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

    void utf8IsByteExact()
    {
        // The writer encodes UTF-16 to UTF-8 itself: compare with Qt's encoder; a lone surrogate (invalid UTF-16)
        // becomes U+FFFD, as TextEncoder does (Qt writes '?').
        const QString valid = u"é✓😀 日本"_s;
        JsonWriter w;
        w.value(QStringView(valid));
        QCOMPARE(w.buffer(), '"' + valid.toUtf8() + '"');
        JsonWriter lone;
        lone.value(QStringView(QString(QChar(0xD800)) + u"x"_s + QChar(0xDC00)));
        QCOMPARE(lone.buffer(), QByteArray("\"\xEF\xBF\xBDx\xEF\xBF\xBD\""));
        JsonWriter control;
        control.value(QStringView(u"\x01\x7f"_s));
        QCOMPARE(control.buffer(), QByteArray("\"\\u0001\x7f\""));
    }

    void growsPastTheInitialBuffer()
    {
        JsonWriter w;
        w.beginArray();
        const QString big(5000, u'ü');
        for (int i = 0; i < 3; ++i)
            w.value(QStringView(big));
        w.endArray();
        const QByteArray out = w.take();
        QCOMPARE(out.size(), 3 * (2 + 5000 * 2) + 2 + 2);
        QCOMPARE(QJsonDocument::fromJson(out).array().at(2).toString(), big);
        QCOMPARE(w.take(), QByteArray());
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
        QTest::newRow("large") << 1e20 << QByteArray("1e+20");
        QTest::newRow("small") << 1.5e-7 << QByteArray("1.5e-07");
        QTest::newRow("shortest round trip") << 0.30000000000000004 << QByteArray("0.30000000000000004");
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
