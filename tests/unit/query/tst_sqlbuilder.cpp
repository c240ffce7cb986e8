#include "personfixture.h"
#include "query/cursor.h"
#include "query/filterbinder.h"
#include "query/restfilterparser.h"
#include "query/sqlbuilder.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

#include <algorithm>

using namespace vingt;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(std::vector<vingt::OrderTerm>)
Q_DECLARE_METATYPE(std::vector<vingt::ResolvedOrder>)

namespace {
using enum Direction;
const QString kId = u"20202020-0000-4000-8000-000000000001"_s;

QString describe(const QVariantList &binds)
{
    QStringList out;
    for (const QVariant &v : binds)
        out << u"%1:%2"_s.arg(QString::fromLatin1(v.typeName()), v.toString());
    return out.join(u" | "_s);
}

QString describe(const std::vector<ResolvedOrder> &order)
{
    QStringList out;
    for (const ResolvedOrder &o : order) {
        const QString term = u"%1 %2"_s.arg(o.column, directionName(o.direction));
        out << u"%1 kind=%2 nullable=%3"_s.arg(term).arg(int(o.kind)).arg(o.nullable);
    }
    return out.join(u", "_s);
}

/// A table for the real-SQLite walk: `item(id, a REAL, b TEXT, flag BOOLEAN)`.
ObjectMetadata itemObject()
{
    ObjectMetadata object;
    object.nameSingular = u"item"_s;
    object.namePlural = u"items"_s;
    const std::pair<const char *, FieldType> fields[] = {
        {"id", FieldType::Uuid}, {"a", FieldType::Number}, {"b", FieldType::Text}, {"flag", FieldType::Boolean}};
    for (const auto &[name, type] : fields) {
        FieldMetadata field;
        field.name = QLatin1StringView(name);
        field.type = type;
        object.fields.push_back(field);
    }
    object.finalize();
    return object;
}

struct Row {
    QString id;
    QVariant a; ///< double or null
    QVariant b; ///< string or null
    bool flag = false;

    [[nodiscard]] QVariant value(const QString &column) const
    {
        if (column == "a"_L1)
            return a;
        if (column == "b"_L1)
            return b;
        return id;
    }
};

int compareValues(const QVariant &x, const QVariant &y, Direction direction)
{
    if (x.isNull() || y.isNull()) {
        if (x.isNull() && y.isNull())
            return 0;
        return (x.isNull() == nullsFirst(direction)) ? -1 : 1;
    }
    const int c = x.typeId() == QMetaType::Double ? (x.toDouble() < y.toDouble() ? -1 : x.toDouble() > y.toDouble())
                                                  : x.toString().compare(y.toString());
    const int sign = c < 0 ? -1 : (c > 0 ? 1 : 0);
    return isAscending(direction) ? sign : -sign;
}
} // namespace

/// API-CONTRACT §1.4, §1.5: ordering, keyset paging and counting, as exact SQL text and against a real SQLite.
class TestSqlBuilder : public QObject
{
    Q_OBJECT

private:
    ObjectMetadata m_person = test::personObject();
    SqliteDialect m_dialect;

    SqlFragment where(const QString &filter, const ObjectMetadata &object)
    {
        const auto parsed = parseRestFilter(filter);
        const auto bound = bindFilter(*parsed, object, m_dialect);
        return *bound;
    }

private Q_SLOTS:
    void resolvesOrder_data();
    void resolvesOrder();
    void rejectsOrder_data();
    void rejectsOrder();
    void keyset_data();
    void keyset();
    void selectPage_data();
    void selectPage();
    void counts();
    void sqlAndSkipsEmptyParts();
    /// Walks a real SQLite table (NULLs and ties in the ordered columns) page by page, forward and backward, for
    /// every combination of directions: every row exactly once, in the order a reference sort gives.
    void pagesRealSqlite_data();
    void pagesRealSqlite();
};

// Slot bodies live outside the class: moc 6.4 mis-reads raw string literals with an odd number of quotes.

void TestSqlBuilder::resolvesOrder_data()
{
    QTest::addColumn<std::vector<OrderTerm>>("terms");
    QTest::addColumn<std::vector<ResolvedOrder>>("expected");
    const ResolvedOrder id{u"id"_s, AscNullsFirst, ValueKind::Uuid, false};
    QTest::newRow("nothing means id ascending") << std::vector<OrderTerm>{} << std::vector<ResolvedOrder>{id};
    QTest::newRow("id tie-breaker appended")
        << std::vector<OrderTerm>{{u"city"_s, {}, DescNullsLast}}
        << std::vector<ResolvedOrder>{{u"city"_s, DescNullsLast, ValueKind::Text, true}, id};
    QTest::newRow("composite sub-field") << std::vector<OrderTerm>{{u"name"_s, u"firstName"_s, AscNullsLast}}
                                         << std::vector<ResolvedOrder>{
                                                {u"nameFirstName"_s, AscNullsLast, ValueKind::Text, true}, id};
    QTest::newRow("kinds") << std::vector<OrderTerm>{{u"employees"_s, {}, AscNullsFirst},
                                                     {u"score"_s, {}, AscNullsFirst},
                                                     {u"isActive"_s, {}, AscNullsFirst},
                                                     {u"createdAt"_s, {}, AscNullsFirst}}
                           << std::vector<ResolvedOrder>{{u"employees"_s, AscNullsFirst, ValueKind::Float, true},
                                                         {u"score"_s, AscNullsFirst, ValueKind::Integer, true},
                                                         {u"isActive"_s, AscNullsFirst, ValueKind::Boolean, true},
                                                         {u"createdAt"_s, AscNullsFirst, ValueKind::DateTime, true},
                                                         id};
    QTest::newRow("join column") << std::vector<OrderTerm>{{u"companyId"_s, {}, DescNullsFirst}}
                                 << std::vector<ResolvedOrder>{{u"companyId"_s, DescNullsFirst, ValueKind::Uuid, true},
                                                               id};
    QTest::newRow("explicit id is not repeated")
        << std::vector<OrderTerm>{{u"id"_s, {}, DescNullsFirst}, {u"city"_s, {}, AscNullsFirst}}
        << std::vector<ResolvedOrder>{{u"id"_s, DescNullsFirst, ValueKind::Uuid, false},
                                      {u"city"_s, AscNullsFirst, ValueKind::Text, true}};
    QTest::newRow("a column named twice keeps its first direction")
        << std::vector<OrderTerm>{{u"city"_s, {}, AscNullsLast}, {u"city"_s, {}, DescNullsFirst}}
        << std::vector<ResolvedOrder>{{u"city"_s, AscNullsLast, ValueKind::Text, true}, id};
}

void TestSqlBuilder::resolvesOrder()
{
    QFETCH(std::vector<OrderTerm>, terms);
    QFETCH(std::vector<ResolvedOrder>, expected);
    const auto order = resolveOrder(terms, m_person);
    QVERIFY2(order.ok(), qPrintable(order.ok() ? QString() : order.error().message));
    QCOMPARE(describe(*order), describe(expected));
}

void TestSqlBuilder::rejectsOrder_data()
{
    QTest::addColumn<QString>("orderBy");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown field") << u"foo"_s << u"Field 'foo' not found on object 'person'"_s;
    QTest::newRow("relation") << u"company[AscNullsFirst]"_s << u"Field 'company' not found on object 'person'"_s;
    QTest::newRow("whole composite")
        << u"name[AscNullsLast]"_s
        << u"Field 'name' on object 'person' is composite: use one of its sub-fields (firstName, lastName)"_s;
    QTest::newRow("unknown sub-field")
        << u"city,name.nickName"_s
        << u"Field 'name.nickName' not found on object 'person'. Sub-fields of 'name': firstName, lastName"_s;
}

void TestSqlBuilder::rejectsOrder()
{
    QFETCH(QString, orderBy);
    QFETCH(QString, message);
    const auto terms = parseRestOrderBy(orderBy);
    QVERIFY(terms.ok());
    const auto order = resolveOrder(*terms, m_person);
    QVERIFY(!order.ok());
    QCOMPARE(order.error().kind, ErrorKind::BadRequest);
    QCOMPARE(order.error().message, message);
}

void TestSqlBuilder::keyset_data()
{
    QTest::addColumn<std::vector<ResolvedOrder>>("order");
    QTest::addColumn<QJsonObject>("cursor");
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QVariantList>("binds");

    const ResolvedOrder id{u"id"_s, AscNullsFirst, ValueKind::Uuid, false};
    const auto a = [&](Direction d) { return std::vector<ResolvedOrder>{{u"a"_s, d, ValueKind::Float, true}, id}; };
    const QJsonObject value{{u"a"_s, 1.5}, {u"id"_s, kId}};
    const QJsonObject null{{u"a"_s, QJsonValue::Null}, {u"id"_s, kId}};

    QTest::newRow("AscNullsFirst, value")
        << a(AscNullsFirst) << value << uR"(("a" > ? OR ("a" = ? AND "id" > ?)))"_s << QVariantList{1.5, 1.5, kId};
    QTest::newRow("AscNullsFirst, null") << a(AscNullsFirst) << null
                                         << uR"(("a" IS NOT NULL OR ("a" IS NULL AND "id" > ?)))"_s
                                         << QVariantList{kId};
    QTest::newRow("AscNullsLast, value") << a(AscNullsLast) << value
                                         << uR"(("a" > ? OR "a" IS NULL OR ("a" = ? AND "id" > ?)))"_s
                                         << QVariantList{1.5, 1.5, kId};
    QTest::newRow("AscNullsLast, null") << a(AscNullsLast) << null << uR"(("a" IS NULL AND "id" > ?))"_s
                                        << QVariantList{kId};
    QTest::newRow("DescNullsFirst, value")
        << a(DescNullsFirst) << value << uR"(("a" < ? OR ("a" = ? AND "id" > ?)))"_s << QVariantList{1.5, 1.5, kId};
    QTest::newRow("DescNullsFirst, null")
        << a(DescNullsFirst) << null << uR"(("a" IS NOT NULL OR ("a" IS NULL AND "id" > ?)))"_s << QVariantList{kId};
    QTest::newRow("DescNullsLast, value")
        << a(DescNullsLast) << value << uR"(("a" < ? OR "a" IS NULL OR ("a" = ? AND "id" > ?)))"_s
        << QVariantList{1.5, 1.5, kId};
    QTest::newRow("DescNullsLast, null") << a(DescNullsLast) << null << uR"(("a" IS NULL AND "id" > ?))"_s
                                         << QVariantList{kId};
    QTest::newRow("three terms, null in the middle")
        << std::vector<ResolvedOrder>{{u"city"_s, AscNullsLast, ValueKind::Text, true},
                                      {u"employees"_s, DescNullsFirst, ValueKind::Float, true},
                                      id}
        << QJsonObject{{u"city"_s, u"x"_s}, {u"employees"_s, QJsonValue::Null}, {u"id"_s, kId}}
        << uR"(("city" > ? OR "city" IS NULL OR ("city" = ? AND "employees" IS NOT NULL) OR ("city" = ? AND )"
           uR"("employees" IS NULL AND "id" > ?)))"_s
        << QVariantList{u"x"_s, u"x"_s, u"x"_s, kId};
    QTest::newRow("nulls last in the middle is parenthesized")
        << std::vector<ResolvedOrder>{{u"city"_s, AscNullsFirst, ValueKind::Text, true},
                                      {u"score"_s, AscNullsLast, ValueKind::Integer, true},
                                      id}
        << QJsonObject{{u"city"_s, u"x"_s}, {u"score"_s, 5}, {u"id"_s, kId}}
        << uR"(("city" > ? OR ("city" = ? AND ("score" > ? OR "score" IS NULL)) OR ("city" = ? AND "score" = ? )"
           uR"(AND "id" > ?)))"_s
        << QVariantList{u"x"_s, u"x"_s, qint64(5), u"x"_s, qint64(5), kId};
    QTest::newRow("boolean value is bound as 0/1")
        << std::vector<ResolvedOrder>{{u"isActive"_s, DescNullsLast, ValueKind::Boolean, true}, id}
        << QJsonObject{{u"isActive"_s, true}, {u"id"_s, kId}}
        << uR"(("isActive" < ? OR "isActive" IS NULL OR ("isActive" = ? AND "id" > ?)))"_s << QVariantList{1, 1, kId};
    QTest::newRow("id alone") << std::vector<ResolvedOrder>{id} << QJsonObject{{u"id"_s, kId}} << uR"("id" > ?)"_s
                              << QVariantList{kId};
    QTest::newRow("id descending needs no IS NULL")
        << std::vector<ResolvedOrder>{{u"id"_s, DescNullsLast, ValueKind::Uuid, false}} << QJsonObject{{u"id"_s, kId}}
        << uR"("id" < ?)"_s << QVariantList{kId};
}

void TestSqlBuilder::keyset()
{
    QFETCH(std::vector<ResolvedOrder>, order);
    QFETCH(QJsonObject, cursor);
    QFETCH(QString, sql);
    QFETCH(QVariantList, binds);
    const SqlFragment predicate = keysetPredicate(order, cursor, m_dialect);
    QCOMPARE(predicate.sql, sql);
    QCOMPARE(describe(predicate.binds), describe(binds));
}

void TestSqlBuilder::selectPage_data()
{
    QTest::addColumn<int>("variant");
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QVariantList>("binds");
    QTest::newRow("first page") << 0 << uR"(SELECT "id","city" FROM "person" ORDER BY "id" ASC NULLS FIRST LIMIT 3)"_s
                                << QVariantList{};
    QTest::newRow("filtered, soft-deleted hidden")
        << 1
        << uR"(SELECT "id","city" FROM "person" WHERE "city" = ? AND "deletedAt" IS NULL ORDER BY "city" ASC NULLS )"
           uR"(LAST,"id" ASC NULLS FIRST LIMIT 61)"_s
        << QVariantList{u"Paris"_s};
    QTest::newRow("after")
        << 2
        << uR"(SELECT "id","city" FROM "person" WHERE ("city" = ? OR "city" = ?) AND ("city" > ? OR "city" IS NULL OR )"
           uR"(("city" = ? AND "id" > ?)) ORDER BY "city" ASC NULLS LAST,"id" ASC NULLS FIRST LIMIT 61)"_s
        << QVariantList{u"Paris"_s, u"Lyon"_s, u"Lyon"_s, u"Lyon"_s, kId};
    QTest::newRow("before reverses the order")
        << 3
        << uR"(SELECT "id","city" FROM "person" WHERE ("city" < ? OR ("city" = ? AND "id" < ?)) ORDER BY "city" DESC )"
           uR"(NULLS FIRST,"id" DESC NULLS LAST LIMIT 11)"_s
        << QVariantList{u"Lyon"_s, u"Lyon"_s, kId};
    QTest::newRow("before a null")
        << 4
        << uR"(SELECT "id" FROM "person" WHERE ("city" IS NOT NULL OR ("city" IS NULL AND "id" < ?)) ORDER BY "city" )"
           uR"(DESC NULLS FIRST,"id" DESC NULLS LAST LIMIT 11)"_s
        << QVariantList{kId};
    QTest::newRow("last rows without a cursor")
        << 5 << uR"(SELECT * FROM "person" ORDER BY "id" DESC NULLS LAST LIMIT 6)"_s << QVariantList{};
    QTest::newRow("offset") << 6 << uR"(SELECT "id" FROM "person" ORDER BY "id" ASC NULLS FIRST LIMIT 11 OFFSET 20)"_s
                            << QVariantList{};
    QTest::newRow("both cursors read forward")
        << 7 << uR"(SELECT "id" FROM "person" WHERE "id" > ? AND "id" < ? ORDER BY "id" ASC NULLS FIRST LIMIT 11)"_s
        << QVariantList{kId, u"20202020-0000-4000-8000-000000000009"_s};
}

void TestSqlBuilder::selectPage()
{
    QFETCH(int, variant);
    QFETCH(QString, sql);
    QFETCH(QVariantList, binds);
    const std::vector<ResolvedOrder> byId = *resolveOrder({}, m_person);
    const std::vector<ResolvedOrder> byCity = *resolveOrder({{u"city"_s, {}, AscNullsLast}}, m_person);
    PageQuery query;
    query.object = &m_person;
    query.columns = QStringList{u"id"_s, u"city"_s};
    query.order = byCity;
    query.limit = 60;
    switch (variant) {
    case 0:
        query.order = byId;
        query.limit = 2;
        break;
    case 1: query.where = sqlAnd({where(u"city[eq]:Paris"_s, m_person), {u"\"deletedAt\" IS NULL"_s, {}}}); break;
    case 2:
        query.where = where(u"or(city[eq]:Paris,city[eq]:Lyon)"_s, m_person);
        query.after = QJsonObject{{u"city"_s, u"Lyon"_s}, {u"id"_s, kId}};
        break;
    case 3:
        query.limit = 10;
        query.before = QJsonObject{{u"city"_s, u"Lyon"_s}, {u"id"_s, kId}};
        break;
    case 4:
        query.columns = QStringList{u"id"_s};
        query.limit = 10;
        query.before = QJsonObject{{u"city"_s, QJsonValue::Null}, {u"id"_s, kId}};
        break;
    case 5:
        query.columns.clear();
        query.order = byId;
        query.limit = 5;
        query.backward = true;
        break;
    case 6:
        query.columns = QStringList{u"id"_s};
        query.order = byId;
        query.limit = 10;
        query.offset = 20;
        break;
    case 7:
        query.columns = QStringList{u"id"_s};
        query.order = byId;
        query.limit = 10;
        query.after = QJsonObject{{u"id"_s, kId}};
        query.before = QJsonObject{{u"id"_s, u"20202020-0000-4000-8000-000000000009"_s}};
        break;
    default: break;
    }
    const SqlFragment page = vingt::selectPage(query, m_dialect);
    QCOMPARE(page.sql, sql);
    QCOMPARE(describe(page.binds), describe(binds));
}

void TestSqlBuilder::counts()
{
    const SqlFragment all = count(m_person, std::nullopt, m_dialect);
    QCOMPARE(all.sql, uR"(SELECT COUNT(*) FROM "person")"_s);
    QVERIFY(all.binds.isEmpty());
    const SqlFragment filtered = count(m_person, where(u"city[in]:[a,b]"_s, m_person), m_dialect);
    QCOMPARE(filtered.sql, uR"(SELECT COUNT(*) FROM "person" WHERE "city" IN (?,?))"_s);
    QCOMPARE(describe(filtered.binds), describe({u"a"_s, u"b"_s}));
}

void TestSqlBuilder::sqlAndSkipsEmptyParts()
{
    const SqlFragment joined = sqlAnd({{}, {u"a = ?"_s, {1}}, {}, {u"b IS NULL"_s, {}}});
    QCOMPARE(joined.sql, u"a = ? AND b IS NULL"_s);
    QCOMPARE(joined.binds, QVariantList{1});
    QVERIFY(sqlAnd({}).isEmpty());
}

void TestSqlBuilder::pagesRealSqlite_data()
{
    QTest::addColumn<int>("first");
    QTest::addColumn<int>("second"); ///< -1: order by `a` only
    QTest::addColumn<bool>("filtered");
    const char *names[] = {"AscNullsFirst", "AscNullsLast", "DescNullsFirst", "DescNullsLast"};
    for (bool filtered : {false, true}) {
        for (int first = 0; first < 4; ++first) {
            for (int second = -1; second < 4; ++second) {
                const QByteArray name = QByteArray("a ") + names[first]
                                        + (second < 0 ? QByteArray() : QByteArray(", b ") + names[second])
                                        + (filtered ? " where flag" : "");
                QTest::newRow(name.constData()) << first << second << filtered;
            }
        }
    }
}

void TestSqlBuilder::pagesRealSqlite()
{
    QFETCH(int, first);
    QFETCH(int, second);
    QFETCH(bool, filtered);
    const ObjectMetadata item = itemObject();

    const QString connection = u"tst_sqlbuilder_keyset"_s;
    {
        QSqlDatabase db = QSqlDatabase::contains(connection) ? QSqlDatabase::database(connection)
                                                             : QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        if (!db.isOpen()) {
            db.setDatabaseName(u":memory:"_s);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"PRAGMA case_sensitive_like=ON"_s));
            QVERIFY(q.exec(uR"(CREATE TABLE "item" ("id" TEXT PRIMARY KEY, "a" REAL, "b" TEXT, "flag" INTEGER))"_s));
            QVERIFY(q.prepare(uR"(INSERT INTO "item" ("id","a","b","flag") VALUES (?,?,?,?))"_s));
            for (int i = 0; i < 50; ++i) {
                const int n = (i * 29) % 50; // ids inserted out of order
                q.addBindValue(u"00000000-0000-4000-8000-%1"_s.arg(n, 12, 10, QChar(u'0')));
                q.addBindValue(i % 7 == 0 ? QVariant() : QVariant(double((i * 37) % 11) / 2));
                q.addBindValue(i % 5 == 0 ? QVariant() : QVariant(QString(QChar(u'a' + (i % 3)))));
                q.addBindValue(i % 3 != 0 ? 1 : 0);
                QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
            }
        }
    }
    QSqlDatabase db = QSqlDatabase::database(connection);

    std::vector<OrderTerm> terms{{u"a"_s, {}, static_cast<Direction>(first)}};
    if (second >= 0)
        terms.push_back({u"b"_s, {}, static_cast<Direction>(second)});
    const std::vector<ResolvedOrder> order = *resolveOrder(terms, item);
    std::optional<SqlFragment> condition;
    if (filtered)
        condition = where(u"flag[eq]:true"_s, item);

    // Reference: every row, sorted in C++.
    std::vector<Row> rows;
    {
        QSqlQuery q(db);
        QVERIFY(q.exec(uR"(SELECT "id","a","b","flag" FROM "item")"_s));
        while (q.next()) {
            Row row{q.value(0).toString(), q.value(1), q.value(2), q.value(3).toInt() != 0};
            if (!filtered || row.flag)
                rows.push_back(row);
        }
    }
    std::sort(rows.begin(), rows.end(), [&](const Row &x, const Row &y) {
        for (const ResolvedOrder &term : order) {
            if (const int c = compareValues(x.value(term.column), y.value(term.column), term.direction))
                return c < 0;
        }
        return false;
    });
    QStringList expected;
    for (const Row &row : rows)
        expected << row.id;
    QCOMPARE(expected.size(), filtered ? 33 : 50);

    {
        const SqlFragment total = count(item, condition, m_dialect);
        QSqlQuery q(db);
        QVERIFY(q.prepare(total.sql));
        for (const QVariant &bind : total.binds)
            q.addBindValue(bind);
        QVERIFY(q.exec() && q.next());
        QCOMPARE(q.value(0).toInt(), int(expected.size()));
    }

    const int pageSize = 7;
    // Reads one page; returns rows in presentation order and whether there are more.
    const auto readPage = [&](std::optional<QJsonObject> after, std::optional<QJsonObject> before, bool backward,
                              std::vector<QJsonObject> &cursors, QStringList &ids) {
        PageQuery query;
        query.object = &item;
        query.columns = QStringList{u"id"_s, u"a"_s, u"b"_s};
        query.where = condition;
        query.order = order;
        query.limit = pageSize;
        query.after = std::move(after);
        query.before = std::move(before);
        query.backward = backward;
        const SqlFragment page = vingt::selectPage(query, m_dialect);
        QSqlQuery q(db);
        if (!q.prepare(page.sql))
            qFatal("prepare failed: %s", qPrintable(q.lastError().text()));
        for (const QVariant &bind : page.binds)
            q.addBindValue(bind);
        if (!q.exec())
            qFatal("exec failed: %s", qPrintable(q.lastError().text()));
        cursors.clear();
        ids.clear();
        while (q.next()) {
            QJsonObject values;
            for (const ResolvedOrder &term : order)
                values.insert(term.column, cursorValue(term.kind, q.record().value(term.column)));
            // Through the wire format, as a client would hand it back.
            values = *decodeCursor(QString::fromLatin1(encodeCursor(values)));
            cursors.push_back(values);
            ids << q.value(0).toString();
        }
        const bool more = ids.size() > pageSize;
        if (more) {
            ids.removeLast();
            cursors.pop_back();
        }
        if (query.before || query.backward) { // backward pages come nearest-first: present them in order
            std::reverse(ids.begin(), ids.end());
            std::reverse(cursors.begin(), cursors.end());
        }
        return more;
    };

    // Forward.
    QStringList forward;
    std::optional<QJsonObject> after;
    for (int guard = 0; guard < 20; ++guard) {
        std::vector<QJsonObject> cursors;
        QStringList ids;
        const bool more = readPage(after, std::nullopt, false, cursors, ids);
        forward << ids;
        if (!more)
            break;
        QVERIFY(validateCursor(cursors.back(), order).ok());
        after = cursors.back();
    }
    QCOMPARE(forward, expected);

    // Backward, from the end.
    QStringList backward;
    std::optional<QJsonObject> before;
    for (int guard = 0; guard < 20; ++guard) {
        std::vector<QJsonObject> cursors;
        QStringList ids;
        const bool more = readPage(std::nullopt, before, !before, cursors, ids);
        backward = ids + backward;
        if (!more)
            break;
        before = cursors.front();
    }
    QCOMPARE(backward, expected);
}

QTEST_GUILESS_MAIN(TestSqlBuilder)
#include "tst_sqlbuilder.moc"
