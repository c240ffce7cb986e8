#include "model/metadatavalidation.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace vingt;
using namespace vingt::metadatavalidation;
using namespace Qt::StringLiterals;

/// The pure rules of API-CONTRACT §3.4.
class TstMetadataValidation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void names_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("fragment"); // empty: valid
        QTest::newRow("camel") << u"invoiceLine"_s << QString();
        QTest::newRow("digits") << u"line2"_s << QString();
        QTest::newRow("empty") << u""_s << u"must not be empty"_s;
        QTest::newRow("upper first") << u"Invoice"_s << u"not a valid name"_s;
        QTest::newRow("digit first") << u"2lines"_s << u"not a valid name"_s;
        QTest::newRow("dash") << u"a-b"_s << u"not a valid name"_s;
        QTest::newRow("dot") << u"a.b"_s << u"not a valid name"_s;
        QTest::newRow("quote") << u"a'b"_s << u"not a valid name"_s;
        QTest::newRow("space") << u"a b"_s << u"not a valid name"_s;
        QTest::newRow("too long") << u"a"_s + QString(63, u'b') << u"too long"_s;
        QTest::newRow("63 chars") << u"a"_s + QString(62, u'b') << QString();
        QTest::newRow("reserved and") << u"and"_s << u"not available"_s;
        QTest::newRow("reserved user") << u"user"_s << u"not available"_s;
        QTest::newRow("reserved users") << u"users"_s << u"not available"_s;
        QTest::newRow("reserved currency") << u"currency"_s << u"not available"_s;
        QTest::newRow("reserved index") << u"index"_s << u"not available"_s;
    }
    void names()
    {
        QFETCH(QString, name);
        QFETCH(QString, fragment);
        const auto result = validateName(name, NameKind::Field, "name"_L1);
        if (fragment.isEmpty()) {
            QVERIFY2(bool(result), qPrintable(result ? QString() : result.error().message));
            return;
        }
        QVERIFY(!result);
        QCOMPARE(result.error().kind, ErrorKind::BadRequest);
        QVERIFY2(result.error().message.contains(fragment), qPrintable(result.error().message));
    }
    void reservedObjectNameMessage()
    {
        const auto result = validateName(u"workspace"_s, NameKind::Object, "nameSingular"_L1);
        QVERIFY(!result);
        QVERIFY(result.error().message.startsWith(u"This name is reserved"_s));
        QCOMPARE(result.error().code, u"RESERVED_KEYWORD"_s);
    }
    void nameFromLabels()
    {
        QCOMPARE(nameFromLabel(u"Pet Owners"_s), u"petOwners"_s);
        QCOMPARE(nameFromLabel(u"Société générale"_s), u"societeGenerale"_s);
        QCOMPARE(nameFromLabel(u"  2 items"_s), u"items"_s);
        QCOMPARE(nameFromLabel(u"!!"_s), QString());
    }
    void options()
    {
        const QJsonArray good{QJsonObject{{u"value"_s, u"NEW"_s}, {u"label"_s, u"New"_s}},
                              QJsonObject{{u"value"_s, u"IN_PROGRESS"_s},
                                          {u"label"_s, u"In progress"_s},
                                          {u"position"_s, 5},
                                          {u"color"_s, u"red"_s}}};
        auto parsed = parseOptions(good, FieldType::Select, u"stage"_s);
        QVERIFY(parsed);
        QCOMPARE(parsed->size(), std::size_t(2));
        QVERIFY(!parsed->at(0).id.isEmpty());
        QCOMPARE(parsed->at(0).position, 0.0);
        QCOMPARE(parsed->at(1).position, 5.0);

        auto rating = parseOptions(QJsonValue(), FieldType::Rating, u"score"_s);
        QVERIFY(rating);
        QCOMPARE(rating->size(), std::size_t(5));
        QCOMPARE(rating->back().value, u"RATING_5"_s);

        QVERIFY(!parseOptions(QJsonArray(), FieldType::Select, u"s"_s));
        QVERIFY(!parseOptions(QJsonValue(), FieldType::MultiSelect, u"s"_s));
        const QJsonObject a{{u"value"_s, u"A"_s}, {u"label"_s, u"A"_s}};
        QVERIFY(!parseOptions(QJsonArray{a, a}, FieldType::Select, u"s"_s));
        QVERIFY(!parseOptions(QJsonArray{QJsonObject{{u"value"_s, u"a"_s}, {u"label"_s, u"A"_s}}}, FieldType::Select,
                              u"s"_s));
        QVERIFY(!parseOptions(QJsonArray{QJsonObject{{u"value"_s, u"A"_s}, {u"label"_s, u"a,b"_s}}}, FieldType::Select,
                              u"s"_s));
        QVERIFY(!parseOptions(QJsonArray{QJsonObject{{u"value"_s, u"A"_s}, {u"label"_s, u""_s}}}, FieldType::Select,
                              u"s"_s));
        QVERIFY(!parseOptions(QJsonArray{QJsonObject{{u"value"_s, u"A"_s}, {u"label"_s, u"A"_s}, {u"x"_s, 1}}},
                              FieldType::Select, u"s"_s));
        QVERIFY(!parseOptions(QJsonArray{QJsonObject{{u"value"_s, u"RATING_9"_s}, {u"label"_s, u"9"_s}}},
                              FieldType::Rating, u"s"_s));
        const QJsonObject b1{{u"value"_s, u"B"_s}, {u"label"_s, u"B"_s}, {u"position"_s, 1}};
        const QJsonObject c1{{u"value"_s, u"C"_s}, {u"label"_s, u"C"_s}, {u"position"_s, 1}};
        QVERIFY(!parseOptions(QJsonArray{b1, c1}, FieldType::Select, u"s"_s));
    }
    void defaults()
    {
        FieldMetadata text;
        text.name = u"t"_s;
        text.type = FieldType::Text;
        QCOMPARE(normalizeDefault(u"'abc'"_s, text).value(), QJsonValue(u"'abc'"_s));
        QCOMPARE(normalizeDefault(u"abc"_s, text).value(), QJsonValue(u"'abc'"_s));
        QVERIFY(!normalizeDefault(3, text));
        QCOMPARE(normalizeDefault(QJsonValue::Null, text).value(), QJsonValue(QJsonValue::Null));

        FieldMetadata select;
        select.name = u"s"_s;
        select.type = FieldType::Select;
        select.options = {{u"1"_s, u"NEW"_s, u"New"_s, 0, {}}, {u"2"_s, u"OLD"_s, u"Old"_s, 1, {}}};
        QCOMPARE(normalizeDefault(u"'NEW'"_s, select).value(), QJsonValue(u"'NEW'"_s));
        QVERIFY(!normalizeDefault(u"'GONE'"_s, select));
        select.type = FieldType::MultiSelect;
        QCOMPARE(normalizeDefault(QJsonArray{u"'NEW'"_s, u"'OLD'"_s}, select).value(),
                 QJsonValue(QJsonArray{u"'NEW'"_s, u"'OLD'"_s}));
        QVERIFY(!normalizeDefault(QJsonArray{u"'NEW'"_s, u"'NOPE'"_s}, select));
        QVERIFY(!normalizeDefault(u"'NEW'"_s, select));

        FieldMetadata number;
        number.name = u"n"_s;
        number.type = FieldType::Number;
        QCOMPARE(normalizeDefault(2.5, number).value(), QJsonValue(2.5));
        QVERIFY(!normalizeDefault(u"2"_s, number));
        number.settings = QJsonObject{{u"dataType"_s, u"int"_s}};
        QVERIFY(!normalizeDefault(2.5, number));

        FieldMetadata flag;
        flag.name = u"f"_s;
        flag.type = FieldType::Boolean;
        QVERIFY(normalizeDefault(true, flag));
        QVERIFY(!normalizeDefault(u"true"_s, flag));

        FieldMetadata when;
        when.name = u"w"_s;
        when.type = FieldType::DateTime;
        QCOMPARE(normalizeDefault(u"now"_s, when).value(), QJsonValue(u"now"_s));
        QVERIFY(!normalizeDefault(u"yesterday"_s, when));

        FieldMetadata money;
        money.name = u"m"_s;
        money.type = FieldType::Currency;
        QVERIFY(normalizeDefault(QJsonObject{{u"amountMicros"_s, 0}, {u"currencyCode"_s, u"'EUR'"_s}}, money));
        QVERIFY(!normalizeDefault(QJsonObject{{u"amount"_s, 0}}, money));
        QVERIFY(!normalizeDefault(u"'EUR'"_s, money));

        FieldMetadata relation;
        relation.name = u"r"_s;
        relation.type = FieldType::Relation;
        QVERIFY(!normalizeDefault(u"x"_s, relation));
    }
    void settings()
    {
        QVERIFY(validateSettings(QJsonObject{{u"dataType"_s, u"int"_s}, {u"decimals"_s, 2}}, FieldType::Number, u"n"_s));
        QVERIFY(!validateSettings(QJsonObject{{u"dataType"_s, u"double"_s}}, FieldType::Number, u"n"_s));
        QVERIFY(!validateSettings(QJsonObject{{u"decimals"_s, -1}}, FieldType::Number, u"n"_s));
        QVERIFY(!validateSettings(u"x"_s, FieldType::Text, u"t"_s));
        QVERIFY(validateSettings(QJsonObject{{u"onDelete"_s, u"CASCADE"_s}}, FieldType::Relation, u"r"_s));
        QVERIFY(!validateSettings(QJsonObject{{u"onDelete"_s, u"EXPLODE"_s}}, FieldType::Relation, u"r"_s));
    }
};

QTEST_GUILESS_MAIN(TstMetadataValidation)
#include "tst_metadatavalidation.moc"
