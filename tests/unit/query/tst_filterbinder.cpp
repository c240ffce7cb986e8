#include "personfixture.h"
#include "query/filterbinder.h"
#include "query/restfilterparser.h"

#include <QJsonDocument>
#include <QTest>

using namespace vingt;
using namespace Qt::StringLiterals;

namespace {
const QString kUuid = u"20202020-0000-4000-8000-000000000001"_s;
const QString kUuid2 = u"20202020-0000-4000-8000-000000000002"_s;

/// Binds must match in type too: a REAL column gets a double, an INTEGER column a qint64, a boolean 0/1.
QString describe(const QVariantList &binds)
{
    QStringList out;
    for (const QVariant &v : binds)
        out << u"%1:%2"_s.arg(QString::fromLatin1(v.typeName()), v.toString());
    return out.join(u" | "_s);
}
} // namespace

/// API-CONTRACT §1.4 / §2.3: filters resolved against metadata, cast by field type, rendered as SQL.
class TestFilterBinder : public QObject
{
    Q_OBJECT

private:
    ObjectMetadata m_person = test::personObject();
    SqliteDialect m_dialect;

    Result<SqlFragment> bindRest(const QString &filter, QStringView alias = {})
    {
        const auto parsed = parseRestFilter(filter);
        if (!parsed)
            return parsed.error();
        return bindFilter(*parsed, m_person, m_dialect, alias);
    }

    Result<SqlFragment> bindJson(const QByteArray &json)
    {
        const auto parsed = filterFromJson(QJsonDocument::fromJson(json).object());
        if (!parsed)
            return parsed.error();
        return bindFilter(*parsed, m_person, m_dialect);
    }

private Q_SLOTS:
    void rest_data();
    void rest();
    void tableAlias();
    void json_data();
    void json();
    void rejects_data();
    void rejects();
    void rejectsJson_data();
    void rejectsJson();
    void escapesLike();
    void boundsNesting();
};

// Slot bodies live outside the class: moc 6.4 mis-reads raw string literals with an odd number of quotes.

void TestFilterBinder::rest_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QVariantList>("binds");

    QTest::newRow("eq text") << u"city[eq]:Paris"_s << uR"("city" = ?)"_s << QVariantList{u"Paris"_s};
    QTest::newRow("neq keeps SQL semantics") << u"city[neq]:Paris"_s << uR"("city" <> ?)"_s << QVariantList{u"Paris"_s};
    QTest::newRow("bare list is AND") << u"city[eq]:Paris,employees[gt]:10"_s
                                      << uR"(("city" = ? AND "employees" > ?))"_s << QVariantList{u"Paris"_s, 10.0};
    QTest::newRow("contract example on real fields")
        << uR"(and(city[eq]:1,or(city[eq]:2,not(name.firstName[startsWith]:"v"))))"_s
        << uR"(("city" = ? AND ("city" = ? OR NOT ("nameFirstName" LIKE ? ESCAPE '\'))))"_s
        << QVariantList{u"1"_s, u"2"_s, u"v%"_s};
    QTest::newRow("NUMBER is a double") << u"employees[gte]:10"_s << uR"("employees" >= ?)"_s << QVariantList{10.0};
    QTest::newRow("NUMBER decimal") << u"employees[lt]:-2.5e1"_s << uR"("employees" < ?)"_s << QVariantList{-25.0};
    QTest::newRow("POSITION is a double") << u"position[lte]:3"_s << uR"("position" <= ?)"_s << QVariantList{3.0};
    QTest::newRow("NUMERIC is an int64") << u"score[eq]:9007199254740993"_s << uR"("score" = ?)"_s
                                         << QVariantList{qint64(9007199254740993LL)};
    QTest::newRow("NUMERIC integral double") << u"score[gt]:1e3"_s << uR"("score" > ?)"_s << QVariantList{qint64(1000)};
    QTest::newRow("in") << u"city[in]:[a,\"b,c\"]"_s << uR"("city" IN (?,?))"_s << QVariantList{u"a"_s, u"b,c"_s};
    QTest::newRow("in numbers") << u"employees[in]:[1,2.5]"_s << uR"("employees" IN (?,?))"_s << QVariantList{1.0, 2.5};
    QTest::newRow("in empty matches nothing") << u"city[in]:[]"_s << u"0 = 1"_s << QVariantList{};
    QTest::newRow("is NULL") << u"deletedAt[is]:NULL"_s << uR"("deletedAt" IS NULL)"_s << QVariantList{};
    QTest::newRow("is NOT_NULL") << u"deletedAt[is]:NOT_NULL"_s << uR"("deletedAt" IS NOT NULL)"_s << QVariantList{};
    QTest::newRow("is on a composite sub-field")
        << u"emails.primaryEmail[is]:NULL"_s << uR"("emailsPrimaryEmail" IS NULL)"_s << QVariantList{};
    QTest::newRow("startsWith escapes wildcards")
        << uR"(city[startsWith]:"50%_\x")"_s << uR"("city" LIKE ? ESCAPE '\')"_s << QVariantList{uR"(50\%\_\\x%)"_s};
    QTest::newRow("endsWith") << u"city[endsWith]:ville"_s << uR"("city" LIKE ? ESCAPE '\')"_s
                              << QVariantList{u"%ville"_s};
    QTest::newRow("like keeps wildcards")
        << uR"(city[like]:"%a_b%")"_s << uR"("city" LIKE ? ESCAPE '\')"_s << QVariantList{u"%a_b%"_s};
    QTest::newRow("ilike") << uR"(name.lastName[ilike]:"%acme%")"_s
                           << uR"(vingt_fold("nameLastName") LIKE vingt_fold(?) ESCAPE '\')"_s
                           << QVariantList{u"%acme%"_s};
    QTest::newRow("composite sub-field") << u"name.firstName[eq]:John"_s << uR"("nameFirstName" = ?)"_s
                                         << QVariantList{u"John"_s};
    QTest::newRow("emails sub-field") << u"emails.primaryEmail[eq]:a@b.c"_s << uR"("emailsPrimaryEmail" = ?)"_s
                                      << QVariantList{u"a@b.c"_s};
    QTest::newRow("JSON sub-field like") << uR"(emails.additionalEmails[like]:"%@b.c%")"_s
                                         << uR"("emailsAdditionalEmails" LIKE ? ESCAPE '\')"_s
                                         << QVariantList{u"%@b.c%"_s};
    QTest::newRow("RAW_JSON like") << uR"(data[like]:"%x%")"_s << uR"("data" LIKE ? ESCAPE '\')"_s
                                   << QVariantList{u"%x%"_s};
    QTest::newRow("boolean true") << u"isActive[eq]:true"_s << uR"("isActive" = ?)"_s << QVariantList{1};
    QTest::newRow("boolean TRUE") << u"isActive[eq]:TRUE"_s << uR"("isActive" = ?)"_s << QVariantList{1};
    QTest::newRow("boolean false") << u"isActive[eq]:false"_s << uR"("isActive" = ?)"_s << QVariantList{0};
    QTest::newRow("boolean anything else is false")
        << u"isActive[eq]:yes"_s << uR"("isActive" = ?)"_s << QVariantList{0};
    QTest::newRow("date-time normalized") << u"createdAt[gt]:2024-01-01T10:00:00+02:00"_s << uR"("createdAt" > ?)"_s
                                          << QVariantList{u"2024-01-01T08:00:00.000Z"_s};
    QTest::newRow("date-only date-time is midnight UTC")
        << u"createdAt[lt]:2024-01-01"_s << uR"("createdAt" < ?)"_s << QVariantList{u"2024-01-01T00:00:00.000Z"_s};
    QTest::newRow("date-times in a list")
        << uR"(createdAt[in]:["2023-12-01T14:23:23.914Z","2024-12-01T14:23:23Z"])"_s << uR"("createdAt" IN (?,?))"_s
        << QVariantList{u"2023-12-01T14:23:23.914Z"_s, u"2024-12-01T14:23:23.000Z"_s};
    QTest::newRow("date") << u"birthday[gte]:2024-02-29"_s << uR"("birthday" >= ?)"_s << QVariantList{u"2024-02-29"_s};
    QTest::newRow("uuid") << u"id[eq]:"_s + kUuid << uR"("id" = ?)"_s << QVariantList{kUuid};
    QTest::newRow("uuid gt") << u"id[gt]:"_s + kUuid << uR"("id" > ?)"_s << QVariantList{kUuid};
    QTest::newRow("join column") << u"companyId[in]:[\""_s + kUuid + u"\","_s + kUuid2 + u']'
                                 << uR"("companyId" IN (?,?))"_s << QVariantList{kUuid, kUuid2};
    QTest::newRow("join column is NULL") << u"companyId[is]:NULL"_s << uR"("companyId" IS NULL)"_s << QVariantList{};
    QTest::newRow("select") << u"stage[eq]:NEW"_s << uR"("stage" = ?)"_s << QVariantList{u"NEW"_s};
    QTest::newRow("select outside the options matches nothing, no error")
        << u"stage[in]:[NEW,UNKNOWN]"_s << uR"("stage" IN (?,?))"_s << QVariantList{u"NEW"_s, u"UNKNOWN"_s};
    QTest::newRow("multi-select containsAny")
        << u"tags[containsAny]:[a,b]"_s
        << uR"(EXISTS (SELECT 1 FROM json_each("tags") WHERE json_each.value IN (?,?)))"_s
        << QVariantList{u"a"_s, u"b"_s};
    QTest::newRow("multi-select containsExactly")
        << u"tags[containsExactly]:[a]"_s
        << uR"((json_array_length("tags") = 1 AND NOT EXISTS (SELECT 1 FROM json_each("tags") WHERE )"
           uR"(json_each.value NOT IN (?)) AND (SELECT COUNT(DISTINCT json_each.value) FROM json_each("tags")) = 1))"_s
        << QVariantList{u"a"_s};
    QTest::newRow("containsAny of nothing") << u"tags[containsAny]:[]"_s << u"0 = 1"_s << QVariantList{};
    QTest::newRow("containsExactly nothing")
        << u"tags[containsExactly]:[]"_s << uR"(("tags" IS NOT NULL AND json_array_length("tags") = 0))"_s
        << QVariantList{};
    QTest::newRow("ARRAY containsAny") << u"aliases[containsAny]:[x]"_s
                                       << uR"(EXISTS (SELECT 1 FROM json_each("aliases") )"
                                          uR"(WHERE json_each.value IN (?)))"_s
                                       << QVariantList{u"x"_s};
    QTest::newRow("not") << u"not(city[eq]:x)"_s << uR"(NOT ("city" = ?))"_s << QVariantList{u"x"_s};
    QTest::newRow("not of a junction") << u"not(or(city[eq]:x,city[eq]:y))"_s << uR"(NOT ("city" = ? OR "city" = ?))"_s
                                       << QVariantList{u"x"_s, u"y"_s};
    QTest::newRow("not of a one-item junction")
        << u"not(and(city[eq]:x))"_s << uR"(NOT ("city" = ?))"_s << QVariantList{u"x"_s};
    QTest::newRow("not of not") << u"not(not(city[eq]:x))"_s << uR"(NOT (NOT ("city" = ?)))"_s << QVariantList{u"x"_s};
    QTest::newRow("or with one item") << u"or(city[eq]:x)"_s << uR"("city" = ?)"_s << QVariantList{u"x"_s};
    QTest::newRow("soft-delete trash") << u"and(id[in]:[\""_s + kUuid + u"\"],not(deletedAt[is]:NULL))"_s
                                       << uR"(("id" IN (?) AND NOT ("deletedAt" IS NULL)))"_s << QVariantList{kUuid};
}

void TestFilterBinder::rest()
{
    QFETCH(QString, filter);
    QFETCH(QString, sql);
    QFETCH(QVariantList, binds);
    const auto bound = bindRest(filter);
    QVERIFY2(bound.ok(), qPrintable(bound.ok() ? QString() : bound.error().message));
    QCOMPARE(bound->sql, sql);
    QCOMPARE(describe(bound->binds), describe(binds));
}

void TestFilterBinder::tableAlias()
{
    const auto bound = bindRest(u"city[eq]:x,not(tags[containsAny]:[a])"_s, u"p");
    QVERIFY(bound.ok());
    QCOMPARE(bound->sql, uR"(("p"."city" = ? AND NOT (EXISTS (SELECT 1 FROM json_each("p"."tags") WHERE )"
                         uR"(json_each.value IN (?)))))"_s);
}

void TestFilterBinder::json_data()
{
    QTest::addColumn<QByteArray>("filter");
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QVariantList>("binds");

    QTest::newRow("typed values") << QByteArray(R"({"employees":{"gte":1,"lte":5}})")
                                  << uR"(("employees" >= ? AND "employees" <= ?))"_s << QVariantList{1.0, 5.0};
    QTest::newRow("integer from a JSON number")
        << QByteArray(R"({"score":{"eq":5}})") << uR"("score" = ?)"_s << QVariantList{qint64(5)};
    QTest::newRow("boolean from JSON") << QByteArray(R"({"isActive":{"eq":false}})") << uR"("isActive" = ?)"_s
                                       << QVariantList{0};
    QTest::newRow("regex") << QByteArray(R"({"city":{"regex":"^P"}})") << uR"("city" REGEXP ?)"_s
                           << QVariantList{u"^P"_s};
    QTest::newRow("iregex") << QByteArray(R"({"city":{"iregex":"^p"}})") << uR"("city" REGEXP ('(?i)' || ?))"_s
                            << QVariantList{u"^p"_s};
    QTest::newRow("isEmptyArray true") << QByteArray(R"({"aliases":{"isEmptyArray":true}})")
                                       << uR"(("aliases" IS NOT NULL AND json_array_length("aliases") = 0))"_s
                                       << QVariantList{};
    QTest::newRow("isEmptyArray false") << QByteArray(R"({"tags":{"isEmptyArray":false}})")
                                        << uR"(NOT (("tags" IS NOT NULL AND json_array_length("tags") = 0)))"_s
                                        << QVariantList{};
    QTest::newRow("containsIlike") << QByteArray(R"({"aliases":{"containsIlike":"%bo%"}})")
                                   << uR"(EXISTS (SELECT 1 FROM json_each("aliases") )"
                                      uR"(WHERE vingt_fold(json_each.value) LIKE vingt_fold(?) ESCAPE '\'))"_s
                                   << QVariantList{u"%bo%"_s};
    QTest::newRow("sub-field object") << QByteArray(R"({"name":{"firstName":{"ilike":"%jo%"}}})")
                                      << uR"(vingt_fold("nameFirstName") LIKE vingt_fold(?) ESCAPE '\')"_s
                                      << QVariantList{u"%jo%"_s};
    QTest::newRow("empty filter matches all") << QByteArray("{}") << u"1 = 1"_s << QVariantList{};
    QTest::newRow("empty or matches nothing") << QByteArray(R"({"or":[]})") << u"0 = 1"_s << QVariantList{};
    QTest::newRow("text eq of a number") << QByteArray(R"({"city":{"eq":75}})") << uR"("city" = ?)"_s
                                         << QVariantList{u"75"_s};
}

void TestFilterBinder::json()
{
    QFETCH(QByteArray, filter);
    QFETCH(QString, sql);
    QFETCH(QVariantList, binds);
    const auto bound = bindJson(filter);
    QVERIFY2(bound.ok(), qPrintable(bound.ok() ? QString() : bound.error().message));
    QCOMPARE(bound->sql, sql);
    QCOMPARE(describe(bound->binds), describe(binds));
}

void TestFilterBinder::rejects_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("message");

    QTest::newRow("unknown field") << u"foo[eq]:1"_s << u"Field 'foo' not found on object 'person'"_s;
    QTest::newRow("relation field") << u"company[eq]:x"_s << u"Field 'company' not found on object 'person'"_s;
    QTest::newRow("relation path") << u"company.name[eq]:x"_s << u"Field 'company.name' not found on object 'person'"_s;
    QTest::newRow("one-to-many relation") << u"notes[is]:NULL"_s << u"Field 'notes' not found on object 'person'"_s;
    QTest::newRow("inactive field") << u"oldField[eq]:x"_s << u"Field 'oldField' not found on object 'person'"_s;
    QTest::newRow("TS_VECTOR is not an API field")
        << u"searchVector[eq]:x"_s << u"Field 'searchVector' not found on object 'person'"_s;
    QTest::newRow("storage column of a composite")
        << u"nameFirstName[eq]:x"_s << u"Field 'nameFirstName' not found on object 'person'"_s;
    QTest::newRow("sub-field of a scalar") << u"city.foo[eq]:x"_s << u"Field 'city.foo' not found on object 'person'"_s;
    QTest::newRow("composite without sub-field")
        << u"name[eq]:x"_s
        << u"Field 'name' on object 'person' is composite: use one of its sub-fields (firstName, lastName)"_s;
    QTest::newRow("unknown sub-field")
        << u"name.middleName[eq]:x"_s
        << u"Field 'name.middleName' not found on object 'person'. Sub-fields of 'name': firstName, lastName"_s;
    QTest::newRow("like on a number")
        << u"employees[like]:1"_s
        << u"Comparator 'like' is not supported for field 'employees' on object 'person'. Supported: eq, neq, gt, gte, "
           "lt, lte, in, is"_s;
    QTest::newRow("neq on a boolean")
        << u"isActive[neq]:true"_s
        << u"Comparator 'neq' is not supported for field 'isActive' on object 'person'. Supported: eq, is"_s;
    QTest::newRow("eq on a multi-select")
        << u"tags[eq]:a"_s
        << u"Comparator 'eq' is not supported for field 'tags' on object 'person'. Supported: containsAny, "
           "containsExactly, isEmptyArray, is"_s;
    QTest::newRow("containsAny on text")
        << u"city[containsAny]:[a]"_s
        << u"Comparator 'containsAny' is not supported for field 'city' on object 'person'. Supported: eq, neq, gt, "
           "gte, lt, lte, in, startsWith, endsWith, like, ilike, regex, iregex, is"_s;
    QTest::newRow("startsWith on a select")
        << u"stage[startsWith]:N"_s
        << u"Comparator 'startsWith' is not supported for field 'stage' on object 'person'. "
           "Supported: eq, neq, in, is"_s;
    QTest::newRow("gt on a sub-field names the path")
        << u"emails.additionalEmails[gt]:a"_s
        << u"Comparator 'gt' is not supported for field 'emails.additionalEmails' on object 'person'. Supported: "
           "like, is"_s;
    QTest::newRow("not a number")
        << u"employees[eq]:abc"_s
        << u"Invalid value 'abc' for field 'employees' on object 'person': expected a number"_s;
    QTest::newRow("NaN is not a number")
        << u"employees[eq]:nan"_s
        << u"Invalid value 'nan' for field 'employees' on object 'person': expected a number"_s;
    QTest::newRow("not an integer")
        << u"score[eq]:1.5"_s << u"Invalid value '1.5' for field 'score' on object 'person': expected an integer"_s;
    QTest::newRow("not a number inside in")
        << u"employees[in]:[1,x]"_s
        << u"Invalid value 'x' for field 'employees' on object 'person': expected a number"_s;
    QTest::newRow("not a date-time")
        << u"createdAt[gt]:yesterday"_s
        << u"Invalid value 'yesterday' for field 'createdAt' on object 'person': expected an ISO-8601 date-time"_s;
    QTest::newRow("not a date")
        << u"birthday[eq]:2024-02-30"_s
        << u"Invalid value '2024-02-30' for field 'birthday' on object 'person': expected a date (YYYY-MM-DD)"_s;
    QTest::newRow("not a UUID") << u"id[eq]:malformed-uuid"_s << u"'malformed-uuid' is not a valid UUID"_s;
    QTest::newRow("not a UUID in a join column list")
        << u"companyId[in]:["_s + kUuid + u",x]"_s << u"'x' is not a valid UUID"_s;
    QTest::newRow("is with another value")
        << u"city[is]:nothing"_s
        << u"Invalid value 'nothing' for field 'city' on object 'person': expected NULL or NOT_NULL"_s;
    QTest::newRow("is is case-sensitive")
        << u"city[is]:null"_s
        << u"Invalid value 'null' for field 'city' on object 'person': expected NULL or NOT_NULL"_s;
}

void TestFilterBinder::rejects()
{
    QFETCH(QString, filter);
    QFETCH(QString, message);
    const auto bound = bindRest(filter);
    QVERIFY2(!bound.ok(), qPrintable(bound.ok() ? bound->sql : QString()));
    QCOMPARE(bound.error().kind, ErrorKind::BadRequest);
    QCOMPARE(bound.error().message, message);
}

void TestFilterBinder::rejectsJson_data()
{
    QTest::addColumn<QByteArray>("filter");
    QTest::addColumn<QString>("message");
    QTest::newRow("null value")
        << QByteArray(R"({"city":{"eq":null}})")
        << u"Invalid value 'null' for field 'city' on object 'person': expected a value (use is: NULL)"_s;
    QTest::newRow("in of a scalar") << QByteArray(R"({"city":{"in":"x"}})")
                                    << u"Invalid value 'x' for field 'city' on object 'person': expected an array"_s;
    QTest::newRow("boolean from a number")
        << QByteArray(R"({"isActive":{"eq":1}})")
        << u"Invalid value '1' for field 'isActive' on object 'person': expected a boolean"_s;
    QTest::newRow("uuid from a number") << QByteArray(R"({"id":{"eq":1}})") << u"'1' is not a valid UUID"_s;
    QTest::newRow("isEmptyArray of text")
        << QByteArray(R"({"tags":{"isEmptyArray":"maybe"}})")
        << u"Invalid value 'maybe' for field 'tags' on object 'person': expected a boolean"_s;
    QTest::newRow("object as text")
        << QByteArray(R"({"city":{"eq":{"a":1}}})")
        << uR"(Invalid value '{"a":1}' for field 'city' on object 'person': expected a string)"_s;
}

void TestFilterBinder::rejectsJson()
{
    QFETCH(QByteArray, filter);
    QFETCH(QString, message);
    const auto bound = bindJson(filter);
    QVERIFY2(!bound.ok(), qPrintable(bound.ok() ? bound->sql : QString()));
    QCOMPARE(bound.error().message, message);
}

void TestFilterBinder::escapesLike()
{
    QCOMPARE(escapeLike(uR"(a%b_c\d)"), uR"(a\%b\_c\\d)"_s);
    QCOMPARE(escapeLike(u"plain"), u"plain"_s);
}

void TestFilterBinder::boundsNesting()
{
    // kMaxFilterNesting levels of not / several-operand and/or bind; one more is a 400 (SQLite's parser overflows
    // a few dozen levels of parentheses, which used to surface as a 500).
    const auto nested = [](int levels) {
        QString filter = u"city[eq]:leaf"_s;
        for (int i = 0; i < levels; ++i)
            filter = i % 3 == 2 ? u"not(%1)"_s.arg(filter) : u"or(city[eq]:v%1,%2)"_s.arg(i).arg(filter);
        return filter;
    };
    const auto deepest = bindRest(nested(kMaxFilterNesting));
    QVERIFY2(deepest.ok(), qPrintable(deepest.ok() ? QString() : deepest.error().message));
    for (const int levels : {kMaxFilterNesting + 1, 500}) {
        const auto tooDeep = bindRest(nested(levels));
        QVERIFY(!tooDeep.ok());
        QCOMPARE(tooDeep.error().kind, ErrorKind::BadRequest);
        QVERIFY2(tooDeep.error().message.startsWith(u"Filter is nested too deeply: at most 16 levels"_s),
                 qPrintable(tooDeep.error().message));
    }
    // Single-operand groups add no parentheses and do not count.
    QString flat = u"city[eq]:x"_s;
    for (int i = 0; i < 100; ++i)
        flat = u"and(%1)"_s.arg(flat);
    QVERIFY(bindRest(flat).ok());
}

QTEST_GUILESS_MAIN(TestFilterBinder)
#include "tst_filterbinder.moc"
