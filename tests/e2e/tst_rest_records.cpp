// End-to-end: the Core REST record routes (API-CONTRACT §1.1–1.9, 1.12, 8, 13) against the real server.
// One server for the class; every test works on records tagged with a fresh value, so tests are independent.

#include "support/e2e.h"
#include "support/httpclient.h"
#include "support/serverprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <memory>

using namespace vingt::test;
using namespace Qt::StringLiterals;

namespace {

struct ObjectNames {
    QString singular;
    QString plural;
};

const QList<ObjectNames> kStandardObjects = {
    {u"company"_s, u"companies"_s},         {u"person"_s, u"people"_s},
    {u"opportunity"_s, u"opportunities"_s}, {u"note"_s, u"notes"_s},
    {u"noteTarget"_s, u"noteTargets"_s},    {u"task"_s, u"tasks"_s},
    {u"taskTarget"_s, u"taskTargets"_s},    {u"workspaceMember"_s, u"workspaceMembers"_s},
    {u"attachment"_s, u"attachments"_s},
};

QString pascal(QString name)
{
    if (!name.isEmpty()) {
        name[0] = name[0].toUpper();
    }
    return name;
}

QString singularOf(const QString &plural)
{
    for (const auto &object : kStandardObjects) {
        if (object.plural == plural) {
            return object.singular;
        }
    }
    return plural;
}

const QRegularExpression kIsoMillis(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"_s);
const QRegularExpression kUuid(u"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"_s,
                               QRegularExpression::CaseInsensitiveOption);

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

QJsonObject decodeCursor(const QString &cursor)
{
    const QByteArray bytes = cursor.toLatin1();
    for (const auto options : {QByteArray::Base64Encoding, QByteArray::Base64UrlEncoding}) {
        const auto decoded = QByteArray::fromBase64Encoding(bytes, options | QByteArray::AbortOnBase64DecodingErrors);
        if (decoded) {
            return QJsonDocument::fromJson(*decoded).object();
        }
    }
    return {};
}

QString bulkMessage(const QString &operation)
{
    return u"Filters are mandatory for bulk %1 operations. Please provide at least one filter to prevent accidental "
           "deletion of all records."_s.arg(operation);
}

} // namespace

/// Creates one record and declares `var` (QJsonObject) as the created record; fails the test otherwise.
#define CREATE(var, plural, body)                                                                                      \
    QJsonObject var;                                                                                                   \
    do {                                                                                                               \
        const HttpResponse created_ = m_http.post(u"/rest/"_s + (plural), (body));                                     \
        E2E_STATUS(created_, 201);                                                                                     \
        var = created_.value(u"data.create"_s + pascal(singularOf(plural))).toObject();                                \
        QVERIFY2(!var.value(u"id"_s).toString().isEmpty(), qPrintable(created_.describe()));                           \
    } while (false)

/// Creates records with one batch call and declares `var` (QJsonArray) as the created records.
#define CREATE_BATCH(var, plural, records)                                                                             \
    QJsonArray var;                                                                                                    \
    do {                                                                                                               \
        const HttpResponse created_ = m_http.post(u"/rest/batch/"_s + (plural), (records));                            \
        E2E_STATUS(created_, 201);                                                                                     \
        var = created_.value(u"data.create"_s + pascal(plural)).toArray();                                             \
        QCOMPARE(var.size(), QJsonArray(records).size());                                                              \
    } while (false)

/// Fails unless `plural` has exactly `expected` records matching `filter`.
#define COUNT_IS(plural, filter, expected)                                                                             \
    do {                                                                                                               \
        const HttpResponse counted_ = m_http.get(u"/rest/"_s + (plural) + u"?limit=1&filter="_s + pct(filter));        \
        E2E_STATUS(counted_, 200);                                                                                     \
        QCOMPARE(counted_.value(u"totalCount"_s).toInt(-1), (expected));                                               \
    } while (false)

class TestRestRecords : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> m_server;
    HttpClient m_http;

    // A read-only directory created once (initTestCase) for the filter, order and paging tests.
    QString m_tag;                // every person's city; every company's name prefix
    QMap<QString, QString> m_ids; // letter -> id: people A..F (F soft-deleted), companies X..Z

    /// `city[eq]:"<tag>",<filter>` on people (a bare list, so an implicit and()).
    [[nodiscard]] QString peopleFilter(const QString &filter) const
    {
        return u"city[eq]:\"%1\",%2"_s.arg(m_tag, filter);
    }
    [[nodiscard]] QString expand(QString text) const
    {
        text.replace(u"{tag}"_s, m_tag);
        for (auto it = m_ids.begin(); it != m_ids.end(); ++it) {
            text.replace(u"{%1}"_s.arg(it.key()), it.value());
        }
        return text;
    }
    [[nodiscard]] QStringList lettersOf(const QStringList &ids) const
    {
        QStringList letters;
        for (const QString &id : ids) {
            letters << m_ids.key(id, u"?"_s + id);
        }
        return letters;
    }
    HttpResponse listPeople(const QString &filter, const QString &extra = {})
    {
        QString target = u"/rest/people?filter="_s + pct(peopleFilter(filter));
        if (!extra.isEmpty()) {
            target += u'&' + extra;
        }
        return m_http.get(target);
    }
    /// Pages through `plural` matching `filter` in `orderBy` order, `pageSize` at a time, forward from the start or
    /// backward from the last record; returns the letters in forward order (an "ERROR ..." entry on a failure).
    QStringList walk(const QString &plural, const QString &filter, const QString &orderBy, int pageSize, bool backward)
    {
        const QString base = u"/rest/%1?"_s.arg(plural)
                             + query({{u"filter"_s, filter},
                                      {u"order_by"_s, orderBy},
                                      {u"limit"_s, QString::number(pageSize)}});
        QStringList visited;
        QString cursor;
        if (backward) {
            const HttpResponse all = m_http.get(u"/rest/%1?"_s.arg(plural)
                                                + query({{u"filter"_s, filter}, {u"order_by"_s, orderBy}}));
            const QJsonArray records = all.value(u"data."_s + plural).toArray();
            if (all.status != 200 || records.isEmpty()) {
                return {u"ERROR "_s + all.describe()};
            }
            visited = lettersOf({records.last().toObject().value(u"id"_s).toString()});
            cursor = all.value(u"pageInfo.endCursor"_s).toString();
        }
        for (int guard = 0; guard < 20; ++guard) {
            QString target = base;
            if (!cursor.isEmpty()) {
                target += (backward ? u"&ending_before="_s : u"&starting_after="_s) + pct(cursor);
            }
            const HttpResponse page = m_http.get(target);
            if (page.status != 200) {
                return visited << u"ERROR "_s + page.describe();
            }
            const QStringList letters = lettersOf(column(page.value(u"data."_s + plural).toArray(), u"id"_s));
            visited = backward ? letters + visited : visited + letters;
            const bool more = page.value(backward ? u"pageInfo.hasPreviousPage"_s : u"pageInfo.hasNextPage"_s).toBool();
            if (!more) {
                return visited;
            }
            cursor = page.value(backward ? u"pageInfo.startCursor"_s : u"pageInfo.endCursor"_s).toString();
        }
        return visited << u"ERROR: paging does not end"_s;
    }
    /// `n` people records for a batch, city = tag, names numbered.
    static QJsonArray peopleBatch(const QString &tag, int n)
    {
        QJsonArray records;
        for (int i = 0; i < n; ++i) {
            records.append(
                QJsonObject{{"city", tag}, {"name", QJsonObject{{"firstName", u"N%1"_s.arg(i)}, {"lastName", tag}}}});
        }
        return records;
    }

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    // objects, envelopes, serialization
    void standardObjectsReachable_data();
    void standardObjectsReachable();
    void createFindDeleteEveryObject_data();
    void createFindDeleteEveryObject();
    void workspaceMemberSeeded();
    void createOneShape();
    void createWithClientIdAndDuplicate();
    void createdByFromApiKey();
    void selectDefaultsAndValidation();
    void currencyAmountMicros();
    void linkTrailingSlashStripped_data();
    void linkTrailingSlashStripped();
    void positionDefaultsToMaxPlusOne();
    void dateTimeNormalisedToUtcMillis();

    // strict input and bad values
    void unknownBodyField_data();
    void unknownBodyField();
    void wrongJsonType_data();
    void wrongJsonType();
    void unknownQueryParameter_data();
    void unknownQueryParameter();
    void repeatedQueryParameter();
    void inapplicableKnownParameterIgnored();

    // filter, order, paging
    void filterGrammar_data();
    void filterGrammar();
    void filterPlusIsSpace();
    void filterErrors_data();
    void filterErrors();
    void orderBy_data();
    void orderBy();
    void orderByNullsPlacement_data();
    void orderByNullsPlacement();
    void orderByTieBreakerIsIdAscending();
    void orderByErrors_data();
    void orderByErrors();
    void pagingForward();
    void pagingBackward();
    void pagingConformanceExample();
    void pageInfoOnEmptyPage();
    void limitZero();
    void limitClampedAndDefault();
    void limitInvalid_data();
    void limitInvalid();
    void cursorErrors_data();
    void cursorErrors();

    // depth, fields, omit_null_values
    void depthZeroAndOne();
    void depthOnCreate();
    void depthInvalid_data();
    void depthInvalid();
    void fieldsParameter();
    void omitNullValues();

    // batch create and upsert
    void batchCreate_data();
    void batchCreate();
    void batchCreateSixty();
    void batchTooMany();
    void batchAllOrNothing_data();
    void batchAllOrNothing();
    void batchBodyErrors_data();
    void batchBodyErrors();
    void upsertOnId();
    void upsertOnPrimaryEmail();
    void upsertOnDomainName();
    void upsertAmbiguous();
    void upsertBatch();

    // update
    void updateOne();
    void updateOnePutAlias();
    void updateMany();
    void updateManyErrors();

    // delete, destroy, restore
    void destroyOne();
    void softDeleteOne();
    void softDeleteFlagMustBeExactlyTrue_data();
    void softDeleteFlagMustBeExactlyTrue();
    void deleteMany_data();
    void deleteMany();
    void bulkWithoutFilter_data();
    void bulkWithoutFilter();
    void bulkOverCap_data();
    void bulkOverCap();
    void restoreOne_data();
    void restoreOne();
    void restoreMany_data();
    void restoreMany();
    void recordNotFound_data();
    void recordNotFound();
    void onDeleteSetNull_data();
    void onDeleteSetNull();
    void onDeleteCascade_data();
    void onDeleteCascade();
    void softDeleteKeepsJoinColumns();
    void softDeletedChildrenHiddenAtDepthOne();
};

// ---------------------------------------------------------------------------------------------------------------
// fixture

void TestRestRecords::initTestCase()
{
    ServerProcess::Options options;
    options.keyName = u"e2e-records"_s;
    m_server = std::make_unique<ServerProcess>(options);
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    m_http = HttpClient(m_server->baseUrl(), m_server->token());

    // The directory: people A-E visible, F soft-deleted; companies X-Z (employees 10, null, 5).
    m_tag = uniqueTag();
    const QList<std::pair<QString, QJsonObject>> companies = {
        {u"X"_s, QJsonObject{{"name", m_tag + u" Alpha"_s},
                             {"employees", 10},
                             {"idealCustomerProfile", true},
                             {"domainName", QJsonObject{{"primaryLinkUrl", u"https://alpha-%1.com"_s.arg(m_tag)}}}}},
        {u"Y"_s, QJsonObject{{"name", m_tag + u" Beta"_s},
                             {"idealCustomerProfile", false},
                             {"domainName", QJsonObject{{"primaryLinkUrl", u"https://beta-%1.com"_s.arg(m_tag)}}}}},
        {u"Z"_s,
         QJsonObject{{"name", m_tag + u" Gamma"_s},
                     {"employees", 5},
                     {"address", QJsonObject{{"addressCity", u"Paris "_s + m_tag}, {"addressCountry", "France"}}},
                     {"domainName", QJsonObject{{"primaryLinkUrl", u"https://gamma-%1.com"_s.arg(m_tag)}}}}},
    };
    for (const auto &[letter, body] : companies) {
        CREATE(company, u"companies"_s, body);
        m_ids.insert(letter, company.value(u"id"_s).toString());
    }
    struct Person {
        QString letter, first, last, email, jobTitle;
        double position;
        QString companyLetter;
    };
    const QList<Person> people = {
        {u"A"_s, u"Ada"_s, u"Lovelace"_s, u"ada-%1@example.com"_s, u"Engineer"_s, 10, {}},
        {u"B"_s, u"Bob"_s, u"Smith"_s, u"bob-%1@example.org"_s, u"ÉCOLE Director"_s, 20, {}},
        {u"C"_s, u"Carl"_s, u"Jones, Jr."_s, u"carl-%1@example.com"_s, u"école teacher"_s, 30, {}},
        {u"D"_s, u"Dora"_s, u"O'Brien"_s, {}, {}, 40, u"X"_s},
        {u"E"_s, u"Eve"_s, u"Smith"_s, u"eve-%1@example.net"_s, u"Acme Corp Sales (EMEA)"_s, 50, u"Y"_s},
        {u"F"_s, u"Fay"_s, u"Deleted"_s, u"fay-%1@example.com"_s, u"Gone"_s, 60, {}},
    };
    for (const Person &p : people) {
        QJsonObject body{{"city", m_tag},
                         {"name", QJsonObject{{"firstName", p.first}, {"lastName", p.last}}},
                         {"position", p.position}};
        if (!p.email.isEmpty()) {
            body.insert(u"emails"_s, QJsonObject{{"primaryEmail", p.email.arg(m_tag)}});
        }
        if (!p.jobTitle.isEmpty()) {
            body.insert(u"jobTitle"_s, p.jobTitle);
        }
        if (!p.companyLetter.isEmpty()) {
            body.insert(u"companyId"_s, m_ids.value(p.companyLetter));
        }
        CREATE(person, u"people"_s, body);
        m_ids.insert(p.letter, person.value(u"id"_s).toString());
    }
    const HttpResponse softDeleted = m_http.del(u"/rest/people/%1?soft_delete=true"_s.arg(m_ids.value(u"F"_s)));
    E2E_STATUS(softDeleted, 200);
}

void TestRestRecords::cleanupTestCase()
{
    if (m_server) {
        const HttpResponse health = m_http.withoutToken().get(u"/healthz"_s);
        QCOMPARE(health.status, 200);
        QCOMPARE(m_server->stop(), 0);
        QVERIFY2(m_server->sanitizerReport().isEmpty(), qPrintable(m_server->sanitizerReport()));
    }
}

// ---------------------------------------------------------------------------------------------------------------
// objects, envelopes, serialization

void TestRestRecords::standardObjectsReachable_data()
{
    QTest::addColumn<QString>("plural");
    for (const auto &object : kStandardObjects) {
        QTest::newRow(qPrintable(object.plural)) << object.plural;
    }
}

void TestRestRecords::standardObjectsReachable()
{
    QFETCH(QString, plural);
    const HttpResponse response = m_http.get(u"/rest/%1?limit=1"_s.arg(plural));
    E2E_STATUS(response, 200);
    QCOMPARE(keysOf(response.object()), (QStringList{u"data"_s, u"pageInfo"_s, u"totalCount"_s}));
    QVERIFY2(response.value(u"data."_s + plural).isArray(), qPrintable(response.describe()));
    QVERIFY(response.value(u"totalCount"_s).isDouble());
    const QJsonObject pageInfo = response.value(u"pageInfo"_s).toObject();
    QCOMPARE(keysOf(pageInfo), (QStringList{u"endCursor"_s, u"hasNextPage"_s, u"hasPreviousPage"_s, u"startCursor"_s}));
    QVERIFY(pageInfo.value(u"hasNextPage"_s).isBool());
    QVERIFY(pageInfo.value(u"hasPreviousPage"_s).isBool());
}

void TestRestRecords::createFindDeleteEveryObject_data()
{
    QTest::addColumn<QString>("plural");
    QTest::addColumn<QJsonObject>("body");
    const QString tag = uniqueTag();
    QTest::newRow("companies") << u"companies"_s << QJsonObject{{"name", tag}};
    QTest::newRow("people") << u"people"_s << QJsonObject{{"city", tag}};
    QTest::newRow("opportunities") << u"opportunities"_s << QJsonObject{{"name", tag}};
    QTest::newRow("notes") << u"notes"_s << QJsonObject{{"title", tag}};
    QTest::newRow("noteTargets") << u"noteTargets"_s << QJsonObject{};
    QTest::newRow("tasks") << u"tasks"_s << QJsonObject{{"title", tag}};
    QTest::newRow("taskTargets") << u"taskTargets"_s << QJsonObject{};
    QTest::newRow("attachments") << u"attachments"_s << QJsonObject{{"name", tag}};
}

void TestRestRecords::createFindDeleteEveryObject()
{
    QFETCH(QString, plural);
    QFETCH(QJsonObject, body);
    const QString singular = singularOf(plural);

    const HttpResponse created = m_http.post(u"/rest/"_s + plural, body);
    E2E_STATUS(created, 201);
    QCOMPARE(keysOf(created.value(u"data"_s).toObject()), QStringList{u"create"_s + pascal(singular)});
    const QJsonObject record = created.value(u"data.create"_s + pascal(singular)).toObject();
    const QString id = record.value(u"id"_s).toString();
    QVERIFY2(kUuid.match(id).hasMatch(), qPrintable(created.describe()));
    QVERIFY2(kIsoMillis.match(record.value(u"createdAt"_s).toString()).hasMatch(), qPrintable(created.describe()));
    QVERIFY2(kIsoMillis.match(record.value(u"updatedAt"_s).toString()).hasMatch(), qPrintable(created.describe()));
    QVERIFY2(record.contains(u"deletedAt"_s) && record.value(u"deletedAt"_s).isNull(), qPrintable(created.describe()));

    const HttpResponse found = m_http.get(u"/rest/%1/%2"_s.arg(plural, id));
    E2E_STATUS(found, 200);
    QCOMPARE(keysOf(found.value(u"data"_s).toObject()), QStringList{singular});
    QCOMPARE(found.value(u"data.%1.id"_s.arg(singular)).toString(), id);

    const HttpResponse deleted = m_http.del(u"/rest/%1/%2"_s.arg(plural, id));
    E2E_STATUS(deleted, 200);
    QCOMPARE(deleted.object(),
             (QJsonObject{{"data", QJsonObject{{u"delete"_s + pascal(singular), QJsonObject{{"id", id}}}}}}));
    E2E_ERROR(m_http.get(u"/rest/%1/%2"_s.arg(plural, id)), 404, "NotFoundException", "Record not found");
}

void TestRestRecords::workspaceMemberSeeded()
{
    const HttpResponse response = m_http.get(u"/rest/workspaceMembers?"_s
                                             + query({{u"filter"_s, u"userEmail[eq]:owner@localhost"_s}}));
    E2E_STATUS(response, 200);
    QCOMPARE(response.value(u"totalCount"_s).toInt(), 1);
    const QJsonObject member = response.value(u"data.workspaceMembers.0"_s).toObject();
    QCOMPARE(member.value(u"userEmail"_s).toString(), u"owner@localhost"_s);
    const QStringList nameParts{at(member, u"name.firstName"_s).toString(), at(member, u"name.lastName"_s).toString()};
    QCOMPARE(nameParts.join(u' ').simplified(), u"Workspace Owner"_s);
    // §4 defaults
    QCOMPARE(member.value(u"colorScheme"_s).toString(), u"System"_s);
    QCOMPARE(member.value(u"locale"_s).toString(), u"en"_s);
    QCOMPARE(member.value(u"timeZone"_s).toString(), u"system"_s);
    QCOMPARE(member.value(u"dateFormat"_s).toString(), u"SYSTEM"_s);
    QCOMPARE(member.value(u"timeFormat"_s).toString(), u"SYSTEM"_s);
    QCOMPARE(member.value(u"numberFormat"_s).toString(), u"SYSTEM"_s);
    QCOMPARE(member.value(u"calendarStartDay"_s).toDouble(), 7.0);
}

void TestRestRecords::createOneShape()
{
    const QString tag = uniqueTag();
    const QJsonObject body{
        {"city", tag},
        {"name", QJsonObject{{"firstName", "Grace"}, {"lastName", "Hopper"}}},
        {"emails", QJsonObject{{"primaryEmail", u"grace-%1@example.com"_s.arg(tag)},
                               {"additionalEmails", QJsonArray{u"g2-%1@example.com"_s.arg(tag)}}}},
        {"phones", QJsonObject{{"primaryPhoneNumber", "612345678"},
                               {"primaryPhoneCountryCode", "FR"},
                               {"primaryPhoneCallingCode", "+33"}}},
        {"linkedinLink",
         QJsonObject{{"primaryLinkUrl", u"https://linkedin.com/in/%1/"_s.arg(tag)},
                     {"primaryLinkLabel", "LinkedIn"},
                     {"secondaryLinks", QJsonArray{QJsonObject{{"url", "https://example.com/a"}, {"label", "A"}}}}}},
    };
    const HttpResponse created = m_http.post(u"/rest/people"_s, body);
    E2E_STATUS(created, 201);
    QCOMPARE(keysOf(created.object()), QStringList{u"data"_s});
    const QJsonObject person = created.value(u"data.createPerson"_s).toObject();
    const QString id = person.value(u"id"_s).toString();
    QVERIFY2(kUuid.match(id).hasMatch(), qPrintable(created.describe()));
    QCOMPARE(person.value(u"city"_s).toString(), tag);
    QCOMPARE(at(person, u"name.firstName"_s).toString(), u"Grace"_s);
    QCOMPARE(at(person, u"name.lastName"_s).toString(), u"Hopper"_s);
    QCOMPARE(at(person, u"emails.primaryEmail"_s).toString(), u"grace-%1@example.com"_s.arg(tag));
    QCOMPARE(at(person, u"emails.additionalEmails"_s).toArray(), QJsonArray{u"g2-%1@example.com"_s.arg(tag)});
    QCOMPARE(at(person, u"phones.primaryPhoneNumber"_s).toString(), u"612345678"_s);
    QCOMPARE(at(person, u"phones.primaryPhoneCountryCode"_s).toString(), u"FR"_s);
    QCOMPARE(at(person, u"phones.primaryPhoneCallingCode"_s).toString(), u"+33"_s);
    QCOMPARE(at(person, u"linkedinLink.primaryLinkUrl"_s).toString(), u"https://linkedin.com/in/%1"_s.arg(tag));
    QCOMPARE(at(person, u"linkedinLink.primaryLinkLabel"_s).toString(), u"LinkedIn"_s);
    QCOMPARE(at(person, u"linkedinLink.secondaryLinks"_s).toArray(),
             (QJsonArray{QJsonObject{{"url", "https://example.com/a"}, {"label", "A"}}}));
    // §1.8: an unset TEXT field reads "", timestamps are ISO with milliseconds, position is a number.
    QCOMPARE(person.value(u"jobTitle"_s), QJsonValue(u""_s));
    QVERIFY2(kIsoMillis.match(person.value(u"createdAt"_s).toString()).hasMatch(), qPrintable(created.describe()));
    QVERIFY2(kIsoMillis.match(person.value(u"updatedAt"_s).toString()).hasMatch(), qPrintable(created.describe()));
    QVERIFY(person.contains(u"deletedAt"_s) && person.value(u"deletedAt"_s).isNull());
    QVERIFY(person.value(u"position"_s).isDouble());
    // depth 0: the join column only, the relation key absent, ONE_TO_MANY absent
    QVERIFY(person.contains(u"companyId"_s) && person.value(u"companyId"_s).isNull());
    QVERIFY2(!person.contains(u"company"_s), qPrintable(created.describe()));
    QVERIFY2(!person.contains(u"noteTargets"_s), qPrintable(created.describe()));

    const HttpResponse found = m_http.get(u"/rest/people/"_s + id);
    E2E_STATUS(found, 200);
    const QJsonObject read = found.value(u"data.person"_s).toObject();
    for (const QString &key : {u"id"_s, u"city"_s, u"name"_s, u"emails"_s, u"phones"_s, u"linkedinLink"_s,
                               u"createdAt"_s, u"createdBy"_s, u"position"_s, u"jobTitle"_s}) {
        QVERIFY2(read.value(key) == person.value(key),
                 qPrintable(u"%1 differs: created %2, read %3"_s.arg(key, jsonText(person.value(key)),
                                                                     jsonText(read.value(key)))));
    }
}

void TestRestRecords::createWithClientIdAndDuplicate()
{
    const QString id = newUuid();
    const HttpResponse created = m_http.post(u"/rest/people"_s, QJsonObject{{"id", id}, {"city", uniqueTag()}});
    E2E_STATUS(created, 201);
    QCOMPARE(created.value(u"data.createPerson.id"_s).toString(), id);
    E2E_BAD_REQUEST(m_http.post(u"/rest/people"_s, QJsonObject{{"id", id}, {"city", uniqueTag()}}),
                    "Record already exists");
    // The standard ids are not version 4: any RFC 4122 textual UUID is accepted (DECISIONS "HTTP").
    const QString standardStyle = u"20202020-%1-4000-8000-%2"_s.arg(uniqueTag().mid(1, 4), newUuid().right(12));
    const HttpResponse nonV4 = m_http.post(u"/rest/people"_s, QJsonObject{{"id", standardStyle}});
    E2E_STATUS(nonV4, 201);
    QCOMPARE(nonV4.value(u"data.createPerson.id"_s).toString(), standardStyle);
    E2E_STATUS(m_http.get(u"/rest/people/"_s + standardStyle), 200);
}

void TestRestRecords::createdByFromApiKey()
{
    CREATE(plain, u"people"_s, (QJsonObject{{"city", uniqueTag()}}));
    QCOMPARE(plain.value(u"createdBy"_s).toObject().value(u"source"_s).toString(), u"API"_s);
    QCOMPARE(plain.value(u"createdBy"_s).toObject().value(u"name"_s).toString(), m_server->keyName());
    QVERIFY(plain.value(u"createdBy"_s).toObject().contains(u"workspaceMemberId"_s));
    QVERIFY(plain.value(u"createdBy"_s).toObject().value(u"workspaceMemberId"_s).isNull());
    QCOMPARE(at(plain, u"updatedBy.source"_s).toString(), u"API"_s);

    // A client-supplied source is kept; name and workspaceMemberId are always server-set.
    CREATE(sourced, u"people"_s,
           (QJsonObject{{"city", uniqueTag()},
                        {"createdBy",
                         QJsonObject{{"source", "EMAIL"}, {"name", "Mallory"}, {"workspaceMemberId", newUuid()}}}}));
    QCOMPARE(at(sourced, u"createdBy.source"_s).toString(), u"EMAIL"_s);
    QCOMPARE(at(sourced, u"createdBy.name"_s).toString(), m_server->keyName());
    QVERIFY(at(sourced, u"createdBy.workspaceMemberId"_s).isNull());

    const HttpResponse readBack = m_http.get(u"/rest/people/"_s + sourced.value(u"id"_s).toString());
    E2E_STATUS(readBack, 200);
    QCOMPARE(readBack.value(u"data.person.createdBy.source"_s).toString(), u"EMAIL"_s);
}

void TestRestRecords::selectDefaultsAndValidation()
{
    const QString tag = uniqueTag();
    CREATE(opportunity, u"opportunities"_s, (QJsonObject{{"name", tag}}));
    QCOMPARE(opportunity.value(u"stage"_s).toString(), u"NEW"_s);
    CREATE(task, u"tasks"_s, (QJsonObject{{"title", tag}}));
    QCOMPARE(task.value(u"status"_s).toString(), u"TODO"_s);
    CREATE(meeting, u"opportunities"_s, (QJsonObject{{"name", tag}, {"stage", "MEETING"}}));
    QCOMPARE(meeting.value(u"stage"_s).toString(), u"MEETING"_s);

    const QString message
        = u"Value 'INVALID_ENUM_VALUE' is not a valid option for field 'stage' on object 'opportunity'"_s;
    E2E_BAD_REQUEST(m_http.post(u"/rest/opportunities"_s, QJsonObject{{"name", tag}, {"stage", "INVALID_ENUM_VALUE"}}),
                    message);
    E2E_BAD_REQUEST(m_http.patch(u"/rest/opportunities/"_s + opportunity.value(u"id"_s).toString(),
                                 QJsonObject{{"stage", "INVALID_ENUM_VALUE"}}),
                    message);
    E2E_BAD_REQUEST(m_http.post(u"/rest/batch/opportunities"_s,
                                QJsonArray{QJsonObject{{"name", tag}},
                                           QJsonObject{{"name", tag}, {"stage", "INVALID_ENUM_VALUE"}}}),
                    message);
    // nothing of the failed writes landed
    COUNT_IS(u"opportunities"_s, u"name[eq]:"_s + tag, 2);
    const HttpResponse unchanged = m_http.get(u"/rest/opportunities/"_s + opportunity.value(u"id"_s).toString());
    QCOMPARE(unchanged.value(u"data.opportunity.stage"_s).toString(), u"NEW"_s);
}

void TestRestRecords::currencyAmountMicros()
{
    const QString tag = uniqueTag();
    CREATE(fromString, u"opportunities"_s,
           (QJsonObject{{"name", tag}, {"amount", QJsonObject{{"amountMicros", "1500000"}, {"currencyCode", "EUR"}}}}));
    QVERIFY2(at(fromString, u"amount.amountMicros"_s).isDouble(), qPrintable(jsonText(fromString)));
    QCOMPARE(at(fromString, u"amount.amountMicros"_s).toDouble(), 1500000.0);
    QCOMPARE(at(fromString, u"amount.currencyCode"_s).toString(), u"EUR"_s);
    CREATE(fromNumber, u"opportunities"_s,
           (QJsonObject{{"name", tag}, {"amount", QJsonObject{{"amountMicros", 2500000}, {"currencyCode", "USD"}}}}));
    QCOMPARE(at(fromNumber, u"amount.amountMicros"_s).toDouble(), 2500000.0);
    const HttpResponse filtered = m_http.get(
        u"/rest/opportunities?"_s + query({{u"filter"_s, u"name[eq]:%1,amount.amountMicros[gt]:2000000"_s.arg(tag)}}));
    E2E_STATUS(filtered, 200);
    QCOMPARE(column(filtered.value(u"data.opportunities"_s).toArray(), u"id"_s),
             QStringList{fromNumber.value(u"id"_s).toString()});
}

void TestRestRecords::linkTrailingSlashStripped_data()
{
    QTest::addColumn<QString>("sent");
    QTest::addColumn<QString>("stored");
    const QString tag = uniqueTag();
    QTest::newRow("root with slash") << u"https://root-%1.com/"_s.arg(tag) << u"https://root-%1.com"_s.arg(tag);
    QTest::newRow("path with slash") << u"https://path-%1.com/a/b/"_s.arg(tag) << u"https://path-%1.com/a/b"_s.arg(tag);
    QTest::newRow("no slash") << u"https://plain-%1.com"_s.arg(tag) << u"https://plain-%1.com"_s.arg(tag);
}

void TestRestRecords::linkTrailingSlashStripped()
{
    QFETCH(QString, sent);
    QFETCH(QString, stored);
    // §1.12 example 1: on create
    CREATE(company, u"companies"_s,
           (QJsonObject{{"name", uniqueTag()}, {"domainName", QJsonObject{{"primaryLinkUrl", sent}}}}));
    QCOMPARE(at(company, u"domainName.primaryLinkUrl"_s).toString(), stored);
    const HttpResponse read = m_http.get(u"/rest/companies/"_s + company.value(u"id"_s).toString());
    QCOMPARE(read.value(u"data.company.domainName.primaryLinkUrl"_s).toString(), stored);
    // and on update
    CREATE(person, u"people"_s, (QJsonObject{{"city", uniqueTag()}}));
    const HttpResponse updated = m_http.patch(u"/rest/people/"_s + person.value(u"id"_s).toString(),
                                              QJsonObject{{"xLink", QJsonObject{{"primaryLinkUrl", sent}}}});
    E2E_STATUS(updated, 200);
    QCOMPARE(updated.value(u"data.updatePerson.xLink.primaryLinkUrl"_s).toString(), stored);
}

void TestRestRecords::positionDefaultsToMaxPlusOne()
{
    // DECISIONS "Storage": a record created without position gets the object's current maximum + 1
    const HttpResponse top = m_http.get(u"/rest/companies?order_by=position%5BDescNullsLast%5D&limit=1"_s);
    E2E_STATUS(top, 200);
    const double high = top.value(u"data.companies.0.position"_s).toDouble() + 1000.5;
    CREATE(first, u"companies"_s, (QJsonObject{{"name", uniqueTag()}, {"position", high}}));
    QCOMPARE(first.value(u"position"_s).toDouble(), high);
    CREATE(second, u"companies"_s, (QJsonObject{{"name", uniqueTag()}}));
    QCOMPARE(second.value(u"position"_s).toDouble(), high + 1);
    CREATE_BATCH(batch, u"companies"_s,
                 (QJsonArray{QJsonObject{{"name", uniqueTag()}}, QJsonObject{{"name", uniqueTag()}}}));
    QCOMPARE(column(batch, u"position"_s), (QStringList{jsonText(high + 2), jsonText(high + 3)}));
}

void TestRestRecords::dateTimeNormalisedToUtcMillis()
{
    // §0.2: timestamps are ISO-8601 UTC with milliseconds; DECISIONS "Storage" stores them so they sort correctly
    const QString tag = uniqueTag();
    CREATE(offset, u"opportunities"_s, (QJsonObject{{"name", tag}, {"closeDate", "2025-01-31T10:00:00+02:00"}}));
    QCOMPARE(offset.value(u"closeDate"_s).toString(), u"2025-01-31T08:00:00.000Z"_s);
    CREATE(noMillis, u"opportunities"_s, (QJsonObject{{"name", tag}, {"closeDate", "2025-01-31T09:00:00Z"}}));
    QCOMPARE(noMillis.value(u"closeDate"_s).toString(), u"2025-01-31T09:00:00.000Z"_s);
    const HttpResponse later = m_http.get(
        u"/rest/opportunities?"_s
        + query({{u"filter"_s, u"name[eq]:%1,closeDate[gt]:\"2025-01-31T08:30:00.000Z\""_s.arg(tag)}}));
    E2E_STATUS(later, 200);
    QCOMPARE(column(later.value(u"data.opportunities"_s).toArray(), u"id"_s),
             QStringList{noMillis.value(u"id"_s).toString()});
    const HttpResponse ordered = m_http.get(
        u"/rest/opportunities?"_s
        + query({{u"filter"_s, u"name[eq]:"_s + tag}, {u"order_by"_s, u"closeDate[DescNullsLast]"_s}}));
    QCOMPARE(column(ordered.value(u"data.opportunities"_s).toArray(), u"id"_s),
             (QStringList{noMillis.value(u"id"_s).toString(), offset.value(u"id"_s).toString()}));
}

// ---------------------------------------------------------------------------------------------------------------
// strict input

void TestRestRecords::unknownBodyField_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("target"); // {P} = an existing person
    QTest::addColumn<QJsonValue>("body");
    QTest::addColumn<QString>("message");
    const QString fooOnPerson = u"Field 'foo' not found on object 'person'"_s;
    QTest::newRow("create") << QByteArray("POST") << u"/rest/people"_s
                            << QJsonValue(QJsonObject{{"city", "x"}, {"foo", 1}}) << fooOnPerson;
    QTest::newRow("create upsert") << QByteArray("POST") << u"/rest/people?upsert=true"_s
                                   << QJsonValue(QJsonObject{{"foo", 1}}) << fooOnPerson;
    QTest::newRow("batch create") << QByteArray("POST") << u"/rest/batch/people"_s
                                  << QJsonValue(QJsonArray{QJsonObject{{"city", "x"}}, QJsonObject{{"foo", 1}}})
                                  << fooOnPerson;
    QTest::newRow("update one") << QByteArray("PATCH") << u"/rest/people/{P}"_s << QJsonValue(QJsonObject{{"foo", 1}})
                                << fooOnPerson;
    QTest::newRow("update many") << QByteArray("PATCH") << u"/rest/people?filter=id%5Beq%5D%3A{P}"_s
                                 << QJsonValue(QJsonObject{{"foo", 1}}) << fooOnPerson;
    QTest::newRow("relation object instead of join column")
        << QByteArray("POST") << u"/rest/people"_s
        << QJsonValue(QJsonObject{{"company", QJsonObject{{"name", "Acme"}}}})
        << u"Field 'company' not found on object 'person'"_s;
    QTest::newRow("company") << QByteArray("POST") << u"/rest/companies"_s << QJsonValue(QJsonObject{{"bar", true}})
                             << u"Field 'bar' not found on object 'company'"_s;
}

void TestRestRecords::unknownBodyField()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, target);
    QFETCH(QJsonValue, body);
    QFETCH(QString, message);
    const QString tag = uniqueTag();
    CREATE(person, u"people"_s, (QJsonObject{{"city", tag}, {"jobTitle", "Unchanged"}}));
    target.replace(u"{P}"_s, person.value(u"id"_s).toString());
    E2E_BAD_REQUEST(m_http.send(method, target, toJson(body)), message);
    const HttpResponse read = m_http.get(u"/rest/people/"_s + person.value(u"id"_s).toString());
    QCOMPARE(read.value(u"data.person.jobTitle"_s).toString(), u"Unchanged"_s);
    COUNT_IS(u"people"_s, u"city[eq]:x"_s, 0);
}

void TestRestRecords::wrongJsonType_data()
{
    QTest::addColumn<QString>("plural");
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("exactMessage"); // empty: the message must name the field
    QTest::addColumn<QString>("field");
    QTest::newRow("number as text") << u"companies"_s << QJsonObject{{"employees", "abc"}}
                                    << u"Field 'employees' on object 'company' expects a number"_s << u"employees"_s;
    QTest::newRow("boolean as text") << u"companies"_s << QJsonObject{{"idealCustomerProfile", "yes"}} << QString()
                                     << u"idealCustomerProfile"_s;
    QTest::newRow("text as number") << u"people"_s << QJsonObject{{"city", 42}} << QString() << u"city"_s;
    QTest::newRow("composite as text") << u"people"_s << QJsonObject{{"name", "Ada"}} << QString() << u"name"_s;
    QTest::newRow("sub-field as number") << u"people"_s << QJsonObject{{"emails", QJsonObject{{"primaryEmail", 5}}}}
                                         << QString() << u"primaryEmail"_s;
    QTest::newRow("join column not a uuid")
        << u"people"_s << QJsonObject{{"companyId", "not-a-uuid"}} << QString() << u"companyId"_s;
    QTest::newRow("position as text") << u"people"_s << QJsonObject{{"position", "high"}} << QString() << u"position"_s;
    QTest::newRow("date-time not a date")
        << u"opportunities"_s << QJsonObject{{"closeDate", "yesterday"}} << QString() << u"closeDate"_s;
    QTest::newRow("select as number") << u"opportunities"_s << QJsonObject{{"stage", 3}} << QString() << u"stage"_s;
    QTest::newRow("amountMicros not numeric")
        << u"opportunities"_s << QJsonObject{{"amount", QJsonObject{{"amountMicros", "abc"}, {"currencyCode", "USD"}}}}
        << QString() << u"amountMicros"_s;
}

void TestRestRecords::wrongJsonType()
{
    QFETCH(QString, plural);
    QFETCH(QJsonObject, body);
    QFETCH(QString, exactMessage);
    QFETCH(QString, field);
    const HttpResponse response = m_http.post(u"/rest/"_s + plural, body);
    if (!exactMessage.isEmpty()) {
        E2E_BAD_REQUEST(response, exactMessage);
    } else {
        E2E_ERROR_CONTAINS(response, 400, field);
        QCOMPARE(response.error(), u"BadRequestException"_s);
    }
    const QString leak = leakProblem(response.messages().value(0), m_server->dataDir());
    QVERIFY2(leak.isEmpty(), qPrintable(leak));
}

void TestRestRecords::unknownQueryParameter_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("hint"); // empty: no hint
    const QList<std::pair<QString, QString>> rows = {
        {u"after"_s, u"starting_after"_s},
        {u"startingAfter"_s, u"starting_after"_s},
        {u"cursor"_s, u"starting_after"_s},
        {u"before"_s, u"ending_before"_s},
        {u"endingBefore"_s, u"ending_before"_s},
        {u"orderBy"_s, u"order_by"_s},
        {u"sort"_s, u"order_by"_s},
        {u"sort_by"_s, u"order_by"_s},
        {u"order"_s, u"order_by"_s},
        {u"first"_s, u"limit"_s},
        {u"pageSize"_s, u"limit"_s},
        {u"page_size"_s, u"limit"_s},
        {u"per_page"_s, u"limit"_s},
        {u"where"_s, u"filter"_s},
        {u"filters"_s, u"filter"_s},
        {u"softDelete"_s, u"soft_delete"_s},
        {u"groupBy"_s, u"group_by"_s},
        {u"omitNullValues"_s, u"omit_null_values"_s},
        {u"Limit"_s, u"limit"_s},
        {u"DEPTH"_s, u"depth"_s},
        {u"Filter"_s, u"filter"_s},
        {u"foo"_s, QString()},
    };
    for (const auto &[name, hint] : rows) {
        QTest::newRow(qPrintable(name)) << name << hint;
    }
}

void TestRestRecords::unknownQueryParameter()
{
    QFETCH(QString, name);
    QFETCH(QString, hint);
    QString message = u"Unknown query parameter '%1'"_s.arg(name);
    if (!hint.isEmpty()) {
        message += u". Did you mean '%1'?"_s.arg(hint);
    }
    E2E_BAD_REQUEST(m_http.get(u"/rest/people?%1=x"_s.arg(name)), message);
    // on a write too, and before the body is looked at: nothing is created
    const QString tag = uniqueTag();
    E2E_BAD_REQUEST(m_http.post(u"/rest/people?%1=x"_s.arg(name), QJsonObject{{"city", tag}}), message);
    COUNT_IS(u"people"_s, u"city[eq]:"_s + tag, 0);
}

void TestRestRecords::repeatedQueryParameter()
{
    E2E_BAD_REQUEST(m_http.get(u"/rest/people?limit=1&limit=2"_s), "Query parameter 'limit' must be given once");
    E2E_BAD_REQUEST(m_http.get(u"/rest/people?filter=city%5Beq%5D%3Aa&filter=city%5Beq%5D%3Ab"_s),
                    "Query parameter 'filter' must be given once");
}

void TestRestRecords::inapplicableKnownParameterIgnored()
{
    // soft_delete and upsert are known parameters that do not apply to find many: ignored (§1.3).
    const HttpResponse response = listPeople(u"name.firstName[eq]:Ada"_s, u"soft_delete=true&upsert=true"_s);
    E2E_STATUS(response, 200);
    QCOMPARE(column(response.value(u"data.people"_s).toArray(), u"id"_s), QStringList{m_ids.value(u"A"_s)});
}

// ---------------------------------------------------------------------------------------------------------------
// filter, order, paging

void TestRestRecords::filterGrammar_data()
{
    QTest::addColumn<QString>("plural");
    QTest::addColumn<QString>("filter"); // {tag}, {A}.. replaced; people get `city[eq]:"<tag>",` in front
    QTest::addColumn<QStringList>("expected");

    const auto people = [](const char *name, const QString &filter, const QStringList &expected) {
        QTest::newRow(name) << u"people"_s << filter << expected;
    };
    people("eq", u"name.firstName[eq]:Ada"_s, {u"A"_s});
    people("eq double-quoted value with a comma", u"name.lastName[eq]:\"Jones, Jr.\""_s, {u"C"_s});
    people("eq single-quoted value with a comma", u"name.lastName[eq]:'Jones, Jr.'"_s, {u"C"_s});
    people("eq empty string (unset TEXT)", u"jobTitle[eq]:\"\""_s, {u"D"_s});
    people("neq", u"name.lastName[neq]:Smith"_s, {u"A"_s, u"C"_s, u"D"_s});
    people("in", u"name.firstName[in]:[Ada,Bob]"_s, {u"A"_s, u"B"_s});
    people("in with a quoted comma", u"name.lastName[in]:[\"Jones, Jr.\",Smith]"_s, {u"B"_s, u"C"_s, u"E"_s});
    people("is NULL", u"companyId[is]:NULL"_s, {u"A"_s, u"B"_s, u"C"_s});
    people("is NOT_NULL", u"companyId[is]:NOT_NULL"_s, {u"D"_s, u"E"_s});
    people("gt number", u"position[gt]:30"_s, {u"D"_s, u"E"_s});
    people("gte number", u"position[gte]:30"_s, {u"C"_s, u"D"_s, u"E"_s});
    people("lt number", u"position[lt]:20"_s, {u"A"_s});
    people("lte number", u"position[lte]:20"_s, {u"A"_s, u"B"_s});
    people("gt text", u"name.firstName[gt]:Carl"_s, {u"D"_s, u"E"_s});
    people("startsWith", u"jobTitle[startsWith]:Acme"_s, {u"E"_s});
    people("endsWith", u"emails.primaryEmail[endsWith]:example.com"_s, {u"A"_s, u"C"_s});
    people("like is case-sensitive (non-ASCII)", u"jobTitle[like]:\"%école%\""_s, {u"C"_s});
    people("like exact case", u"jobTitle[like]:\"%Engineer\""_s, {u"A"_s});
    people("like other case matches nothing", u"jobTitle[like]:\"%engineer\""_s, {});
    people("like underscore wildcard", u"name.firstName[like]:\"_ve\""_s, {u"E"_s});
    people("ilike ASCII", u"jobTitle[ilike]:\"%ENGINEER%\""_s, {u"A"_s});
    people("ilike folds non-ASCII (lower pattern)", u"jobTitle[ilike]:\"%école%\""_s, {u"B"_s, u"C"_s});
    people("ilike folds non-ASCII (upper pattern)", u"jobTitle[ilike]:\"ÉCOLE%\""_s, {u"B"_s, u"C"_s});
    people("quoted value with parentheses", u"jobTitle[eq]:\"Acme Corp Sales (EMEA)\""_s, {u"E"_s});
    people("composite sub-field emails.primaryEmail", u"emails.primaryEmail[eq]:bob-{tag}@example.org"_s, {u"B"_s});
    people("or", u"or(name.firstName[eq]:Ada,name.firstName[eq]:Eve)"_s, {u"A"_s, u"E"_s});
    people("not", u"not(name.lastName[eq]:Smith)"_s, {u"A"_s, u"C"_s, u"D"_s});
    people("and(or(not))", u"and(position[gt]:10,or(name.lastName[eq]:Smith,not(companyId[is]:NULL)))"_s,
           {u"B"_s, u"D"_s, u"E"_s});
    people("bare list is and", u"name.lastName[eq]:Smith,position[gt]:20"_s, {u"E"_s});
    people("id eq", u"id[eq]:{A}"_s, {u"A"_s});
    people("id in", u"id[in]:[{A},{C}]"_s, {u"A"_s, u"C"_s});
    people("relation join column in", u"companyId[in]:[{X}]"_s, {u"D"_s});
    people("relation join column eq", u"companyId[eq]:{Y}"_s, {u"E"_s});
    people("soft-deleted hidden by default", u"name.firstName[eq]:Fay"_s, {});
    people("deletedAt NOT_NULL lists the trash", u"deletedAt[is]:NOT_NULL"_s, {u"F"_s});
    people("any deletedAt condition shows deleted rows", u"or(deletedAt[is]:NULL,deletedAt[is]:NOT_NULL)"_s,
           {u"A"_s, u"B"_s, u"C"_s, u"D"_s, u"E"_s, u"F"_s});

    const auto companies = [](const char *name, const QString &filter, const QStringList &expected) {
        QTest::newRow(name) << u"companies"_s << filter << expected;
    };
    companies("boolean eq true", u"idealCustomerProfile[eq]:true"_s, {u"X"_s});
    companies("boolean eq false", u"idealCustomerProfile[eq]:false"_s, {u"Y"_s, u"Z"_s});
    companies("number gte", u"employees[gte]:6"_s, {u"X"_s});
    companies("number is NULL", u"employees[is]:NULL"_s, {u"Y"_s});
    companies("number in", u"employees[in]:[5,10]"_s, {u"X"_s, u"Z"_s});
    companies("number gt with a decimal", u"employees[gt]:5.5"_s, {u"X"_s});
    companies("boolean: anything but 'true' is false", u"idealCustomerProfile[eq]:yes"_s, {u"Y"_s, u"Z"_s});
    companies("address sub-field", u"address.addressCity[eq]:\"Paris {tag}\""_s, {u"Z"_s});
    companies("links sub-field quoted", u"domainName.primaryLinkUrl[eq]:\"https://alpha-{tag}.com\""_s, {u"X"_s});
}

void TestRestRecords::filterGrammar()
{
    QFETCH(QString, plural);
    QFETCH(QString, filter);
    QFETCH(QStringList, expected);
    const QString full = plural == u"people"_s ? peopleFilter(expand(filter))
                                               : u"name[startsWith]:\"%1\",%2"_s.arg(m_tag, expand(filter));
    const HttpResponse response = m_http.get(u"/rest/%1?"_s.arg(plural) + query({{u"filter"_s, full}}));
    E2E_STATUS(response, 200);
    const QJsonArray records = response.value(u"data."_s + plural).toArray();
    QCOMPARE(sorted(lettersOf(column(records, u"id"_s))), sorted(expected));
    QCOMPARE(response.value(u"totalCount"_s).toInt(-1), int(expected.size()));
}

void TestRestRecords::filterPlusIsSpace()
{
    // §1.3: the query string is form-urlencoded: '+' is a space, then %XX (Twenty's client SDK encodes this way).
    const QString target = u"/rest/people?filter=city%5Beq%5D%3A%1%2CjobTitle%5Blike%5D%3A%22Acme+Corp%25%22"_s.arg(
        m_tag);
    const HttpResponse response = m_http.get(target);
    E2E_STATUS(response, 200);
    QCOMPARE(lettersOf(column(response.value(u"data.people"_s).toArray(), u"id"_s)), QStringList{u"E"_s});
    // a literal plus, sent as %2B, stays a plus
    const HttpResponse literal = listPeople(u"jobTitle[like]:\"Acme+Corp%\""_s);
    E2E_STATUS(literal, 200);
    QCOMPARE(literal.value(u"totalCount"_s).toInt(-1), 0);
}

void TestRestRecords::filterErrors_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("message"); // empty: any 400 BadRequestException
    QTest::newRow("unbalanced") << u"and(city[eq]:x"_s
                                << u"'filter' invalid. 1 close bracket is missing in the query"_s;
    QTest::newRow("in without brackets")
        << u"name.firstName[in]:Ada"_s
        << u"'filter' invalid for 'in' operator. Received Ada array value expected eg: 'field[in]:[value_1,value_2]'"_s;
    QTest::newRow("unknown comparator")
        << u"city[foo]:x"_s
        << u"'filter' invalid for 'city[foo]:x', comparator foo not in eq, neq, in, containsAny, containsExactly, is, "
           "gt, gte, lt, lte, startsWith, endsWith, like, ilike"_s;
    QTest::newRow("malformed item") << u"city:x"_s << u"'filter' invalid for 'city:x'. eg: price[gte]:10"_s;
    QTest::newRow("unknown field") << u"foo[eq]:1"_s << u"Field 'foo' not found on object 'person'"_s;
    QTest::newRow("relation instead of join column")
        << u"company[eq]:11111111-1111-4111-8111-111111111111"_s << QString();
    QTest::newRow("unknown sub-field") << u"name.middleName[eq]:x"_s << QString();
    QTest::newRow("containsAny on a text field") << u"city[containsAny]:[a,b]"_s << QString();
    QTest::newRow("containsAny without brackets")
        << u"city[containsAny]:a"_s
        << u"'filter' invalid for 'containsAny' operator. Received a array value expected eg: 'field[containsAny]:[value_1,value_2]'"_s;
    QTest::newRow("not with two items") << u"not(city[eq]:a,city[eq]:b)"_s << QString();
    QTest::newRow("is with another value") << u"companyId[is]:maybe"_s << QString();
    QTest::newRow("number field, text value") << u"position[gt]:abc"_s << QString();
    QTest::newRow("date-time field, bad date") << u"createdAt[gt]:notadate"_s << QString();
    QTest::newRow("uuid field, bad uuid") << u"id[eq]:notauuid"_s << QString();
}

void TestRestRecords::filterErrors()
{
    QFETCH(QString, filter);
    QFETCH(QString, message);
    const HttpResponse response = m_http.get(u"/rest/people?"_s + query({{u"filter"_s, filter}}));
    if (message.isEmpty()) {
        E2E_STATUS(response, 400);
        QCOMPARE(response.error(), u"BadRequestException"_s);
        QVERIFY2(envelopeProblem(response, 400).isEmpty(), qPrintable(response.describe()));
    } else {
        E2E_BAD_REQUEST(response, message);
    }
    // the same grammar guards bulk writes
    E2E_STATUS(m_http.patch(u"/rest/people?"_s + query({{u"filter"_s, filter}}), QJsonObject{{"jobTitle", "x"}}), 400);
}

void TestRestRecords::orderBy_data()
{
    QTest::addColumn<QString>("orderBy");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("bare field is ascending") << u"position"_s << QStringList{u"A"_s, u"B"_s, u"C"_s, u"D"_s, u"E"_s};
    QTest::newRow("DescNullsLast") << u"position[DescNullsLast]"_s
                                   << QStringList{u"E"_s, u"D"_s, u"C"_s, u"B"_s, u"A"_s};
    QTest::newRow("composite sub-field") << u"name.firstName[DescNullsFirst]"_s
                                         << QStringList{u"E"_s, u"D"_s, u"C"_s, u"B"_s, u"A"_s};
    QTest::newRow("two keys") << u"name.lastName[AscNullsFirst],name.firstName[DescNullsLast]"_s
                              << QStringList{u"C"_s, u"A"_s, u"D"_s, u"E"_s, u"B"_s};
}

void TestRestRecords::orderBy()
{
    QFETCH(QString, orderBy);
    QFETCH(QStringList, expected);
    const HttpResponse response = listPeople(u"position[gte]:0"_s, u"order_by="_s + pct(orderBy));
    E2E_STATUS(response, 200);
    QCOMPARE(lettersOf(column(response.value(u"data.people"_s).toArray(), u"id"_s)), expected);
    // cursors follow the same ordering, both ways
    for (const int pageSize : {1, 2}) {
        QCOMPARE(walk(u"people"_s, peopleFilter(u"position[gte]:0"_s), orderBy, pageSize, false), expected);
        QCOMPARE(walk(u"people"_s, peopleFilter(u"position[gte]:0"_s), orderBy, pageSize, true), expected);
    }
}

void TestRestRecords::orderByNullsPlacement_data()
{
    QTest::addColumn<QString>("orderBy");
    QTest::addColumn<QStringList>("expected"); // employees: X 10, Y null, Z 5
    QTest::newRow("AscNullsFirst") << u"employees[AscNullsFirst]"_s << QStringList{u"Y"_s, u"Z"_s, u"X"_s};
    QTest::newRow("AscNullsLast") << u"employees[AscNullsLast]"_s << QStringList{u"Z"_s, u"X"_s, u"Y"_s};
    QTest::newRow("DescNullsFirst") << u"employees[DescNullsFirst]"_s << QStringList{u"Y"_s, u"X"_s, u"Z"_s};
    QTest::newRow("DescNullsLast") << u"employees[DescNullsLast]"_s << QStringList{u"X"_s, u"Z"_s, u"Y"_s};
    QTest::newRow("bare field is AscNullsFirst") << u"employees"_s << QStringList{u"Y"_s, u"Z"_s, u"X"_s};
}

void TestRestRecords::orderByNullsPlacement()
{
    QFETCH(QString, orderBy);
    QFETCH(QStringList, expected);
    const HttpResponse response = m_http.get(
        u"/rest/companies?"_s
        + query({{u"filter"_s, u"name[startsWith]:\"%1\""_s.arg(m_tag)}, {u"order_by"_s, orderBy}}));
    E2E_STATUS(response, 200);
    QCOMPARE(lettersOf(column(response.value(u"data.companies"_s).toArray(), u"id"_s)), expected);

    // paging through the same ordering visits the same sequence, both ways (cursors carry null values)
    const QString filter = u"name[startsWith]:\"%1\""_s.arg(m_tag);
    for (const int pageSize : {1, 2}) {
        QCOMPARE(walk(u"companies"_s, filter, orderBy, pageSize, false), expected);
        QCOMPARE(walk(u"companies"_s, filter, orderBy, pageSize, true), expected);
    }
}

void TestRestRecords::orderByTieBreakerIsIdAscending()
{
    const QString tag = uniqueTag();
    QJsonArray records;
    for (int i = 0; i < 4; ++i) {
        records.append(QJsonObject{{"city", tag}, {"jobTitle", "Same"}});
    }
    CREATE_BATCH(created, u"people"_s, records);
    QStringList ids = column(created, u"id"_s);
    ids.sort();
    for (const QString &orderBy : {u"jobTitle"_s, u"jobTitle[DescNullsLast]"_s, u"city[AscNullsLast],jobTitle"_s}) {
        const HttpResponse response = m_http.get(
            u"/rest/people?"_s + query({{u"filter"_s, u"city[eq]:"_s + tag}, {u"order_by"_s, orderBy}}));
        E2E_STATUS(response, 200);
        QCOMPARE(column(response.value(u"data.people"_s).toArray(), u"id"_s), ids);
    }
    // no order_by: id ascending
    const HttpResponse unordered = m_http.get(u"/rest/people?"_s + query({{u"filter"_s, u"city[eq]:"_s + tag}}));
    QCOMPARE(column(unordered.value(u"data.people"_s).toArray(), u"id"_s), ids);
}

void TestRestRecords::orderByErrors_data()
{
    QTest::addColumn<QString>("orderBy");
    QTest::addColumn<QString>("message"); // empty: any 400
    QTest::newRow("unknown direction")
        << u"position[Sideways]"_s
        << u"'order_by' direction 'Sideways' invalid. Allowed values are 'AscNullsFirst', 'AscNullsLast', "
           "'DescNullsFirst', 'DescNullsLast'"_s;
    QTest::newRow("whole composite") << u"name[AscNullsLast]"_s << QString();
    QTest::newRow("unknown field") << u"foo"_s << QString();
}

void TestRestRecords::orderByErrors()
{
    QFETCH(QString, orderBy);
    QFETCH(QString, message);
    const HttpResponse response = m_http.get(u"/rest/people?"_s + query({{u"order_by"_s, orderBy}}));
    if (message.isEmpty()) {
        E2E_STATUS(response, 400);
        QCOMPARE(response.error(), u"BadRequestException"_s);
    } else {
        E2E_BAD_REQUEST(response, message);
    }
}

void TestRestRecords::pagingForward()
{
    const QString order = u"order_by=position"_s;
    const HttpResponse first = listPeople(u"position[gte]:0"_s, order + u"&limit=2"_s);
    E2E_STATUS(first, 200);
    QCOMPARE(lettersOf(column(first.value(u"data.people"_s).toArray(), u"id"_s)), (QStringList{u"A"_s, u"B"_s}));
    QCOMPARE(first.value(u"totalCount"_s).toInt(), 5);
    QCOMPARE(first.value(u"pageInfo.hasNextPage"_s).toBool(), true);
    QCOMPARE(first.value(u"pageInfo.hasPreviousPage"_s).toBool(), false);
    // §1.5: base64 JSON of the ordering values plus the id of that record
    QCOMPARE(decodeCursor(first.value(u"pageInfo.startCursor"_s).toString()).value(u"id"_s).toString(),
             m_ids.value(u"A"_s));
    QCOMPARE(decodeCursor(first.value(u"pageInfo.endCursor"_s).toString()).value(u"id"_s).toString(),
             m_ids.value(u"B"_s));

    const HttpResponse second = listPeople(u"position[gte]:0"_s,
                                           order + u"&limit=2&starting_after="_s
                                               + pct(first.value(u"pageInfo.endCursor"_s).toString()));
    E2E_STATUS(second, 200);
    QCOMPARE(lettersOf(column(second.value(u"data.people"_s).toArray(), u"id"_s)), (QStringList{u"C"_s, u"D"_s}));
    QCOMPARE(second.value(u"totalCount"_s).toInt(), 5);
    QCOMPARE(second.value(u"pageInfo.hasNextPage"_s).toBool(), true);
    QCOMPARE(second.value(u"pageInfo.hasPreviousPage"_s).toBool(), false);

    const HttpResponse last = listPeople(u"position[gte]:0"_s,
                                         order + u"&limit=2&starting_after="_s
                                             + pct(second.value(u"pageInfo.endCursor"_s).toString()));
    E2E_STATUS(last, 200);
    QCOMPARE(lettersOf(column(last.value(u"data.people"_s).toArray(), u"id"_s)), QStringList{u"E"_s});
    QCOMPARE(last.value(u"totalCount"_s).toInt(), 5);
    QCOMPARE(last.value(u"pageInfo.hasNextPage"_s).toBool(), false);
    QCOMPARE(last.value(u"pageInfo.hasPreviousPage"_s).toBool(), false);
}

void TestRestRecords::pagingBackward()
{
    const QString order = u"order_by=position"_s;
    const HttpResponse four = listPeople(u"position[gte]:0"_s, order + u"&limit=4"_s);
    E2E_STATUS(four, 200);
    QCOMPARE(lettersOf(column(four.value(u"data.people"_s).toArray(), u"id"_s)),
             (QStringList{u"A"_s, u"B"_s, u"C"_s, u"D"_s}));

    // §1.12 example 4: ending_before=<endCursor>&limit=2 -> items 2 and 3 of page one
    const HttpResponse before = listPeople(u"position[gte]:0"_s,
                                           order + u"&limit=2&ending_before="_s
                                               + pct(four.value(u"pageInfo.endCursor"_s).toString()));
    E2E_STATUS(before, 200);
    QCOMPARE(lettersOf(column(before.value(u"data.people"_s).toArray(), u"id"_s)), (QStringList{u"B"_s, u"C"_s}));
    QCOMPARE(before.value(u"totalCount"_s).toInt(), 5);
    QCOMPARE(before.value(u"pageInfo.hasPreviousPage"_s).toBool(), true);
    QCOMPARE(before.value(u"pageInfo.hasNextPage"_s).toBool(), false);
    QCOMPARE(decodeCursor(before.value(u"pageInfo.startCursor"_s).toString()).value(u"id"_s).toString(),
             m_ids.value(u"B"_s));
    QCOMPARE(decodeCursor(before.value(u"pageInfo.endCursor"_s).toString()).value(u"id"_s).toString(),
             m_ids.value(u"C"_s));

    const HttpResponse first = listPeople(u"position[gte]:0"_s,
                                          order + u"&limit=2&ending_before="_s
                                              + pct(before.value(u"pageInfo.startCursor"_s).toString()));
    E2E_STATUS(first, 200);
    QCOMPARE(lettersOf(column(first.value(u"data.people"_s).toArray(), u"id"_s)), QStringList{u"A"_s});
    QCOMPARE(first.value(u"pageInfo.hasPreviousPage"_s).toBool(), false);
    QCOMPARE(first.value(u"pageInfo.hasNextPage"_s).toBool(), false);
}

void TestRestRecords::pagingConformanceExample()
{
    // §1.12 example 4, first half, on the default ordering (id)
    const HttpResponse two = listPeople(u"position[gte]:0"_s, u"limit=2"_s);
    E2E_STATUS(two, 200);
    const QStringList firstTwo = column(two.value(u"data.people"_s).toArray(), u"id"_s);
    QCOMPARE(firstTwo.size(), 2);
    const HttpResponse next = listPeople(
        u"position[gte]:0"_s, u"limit=1&starting_after="_s + pct(two.value(u"pageInfo.startCursor"_s).toString()));
    E2E_STATUS(next, 200);
    QCOMPARE(column(next.value(u"data.people"_s).toArray(), u"id"_s), QStringList{firstTwo.at(1)});

    // §1.12 example 3 and 5
    const HttpResponse lte = listPeople(u"position[lte]:20"_s);
    QCOMPARE(lte.value(u"data.people"_s).toArray().size(), 2);
    QCOMPARE(lte.value(u"totalCount"_s).toInt(), 2);
    QCOMPARE(lte.value(u"pageInfo.hasNextPage"_s).toBool(), false);
    const HttpResponse ordered = listPeople(u"position[gt]:0"_s, u"order_by=city%5BAscNullsFirst%5D&limit=2"_s);
    E2E_STATUS(ordered, 200);
    QCOMPARE(ordered.value(u"data.people"_s).toArray().size(), 2);
}

void TestRestRecords::pageInfoOnEmptyPage()
{
    const HttpResponse response = listPeople(u"name.firstName[eq]:Nobody"_s);
    E2E_STATUS(response, 200);
    QCOMPARE(response.value(u"data.people"_s).toArray(), QJsonArray());
    QCOMPARE(response.value(u"totalCount"_s).toInt(-1), 0);
    QCOMPARE(response.value(u"pageInfo"_s).toObject(), (QJsonObject{{"hasNextPage", false},
                                                                    {"hasPreviousPage", false},
                                                                    {"startCursor", QJsonValue::Null},
                                                                    {"endCursor", QJsonValue::Null}}));
}

void TestRestRecords::limitZero()
{
    const HttpResponse response = listPeople(u"position[gte]:0"_s, u"limit=0"_s);
    E2E_STATUS(response, 200);
    QCOMPARE(response.value(u"data.people"_s).toArray(), QJsonArray());
    QCOMPARE(response.value(u"totalCount"_s).toInt(-1), 5);
    QVERIFY(response.value(u"pageInfo.startCursor"_s).isNull());
    QVERIFY(response.value(u"pageInfo.endCursor"_s).isNull());
}

void TestRestRecords::limitClampedAndDefault()
{
    const QString tag = uniqueTag();
    CREATE_BATCH(batch, u"people"_s, peopleBatch(tag, 60));
    CREATE(extra, u"people"_s, (QJsonObject{{"city", tag}}));
    const QString filter = u"filter="_s + pct(u"city[eq]:"_s + tag);

    const HttpResponse clamped = m_http.get(u"/rest/people?limit=1000&"_s + filter);
    E2E_STATUS(clamped, 200);
    QCOMPARE(clamped.value(u"data.people"_s).toArray().size(), 60);
    QCOMPARE(clamped.header("x-vingt-limit-clamped"), QByteArray("60"));
    QCOMPARE(clamped.value(u"totalCount"_s).toInt(), 61);
    QCOMPARE(clamped.value(u"pageInfo.hasNextPage"_s).toBool(), true);

    const HttpResponse exact = m_http.get(u"/rest/people?limit=60&"_s + filter);
    E2E_STATUS(exact, 200);
    QVERIFY2(!exact.hasHeader("x-vingt-limit-clamped"), "limit=60 is not clamped");

    const HttpResponse byDefault = m_http.get(u"/rest/people?"_s + filter);
    E2E_STATUS(byDefault, 200);
    QCOMPARE(byDefault.value(u"data.people"_s).toArray().size(), 60);
    QVERIFY2(!byDefault.hasHeader("x-vingt-limit-clamped"), "the default limit is not a clamp");
}

void TestRestRecords::limitInvalid_data()
{
    QTest::addColumn<QString>("limit");
    QTest::newRow("negative") << u"-1"_s;
    QTest::newRow("not a number") << u"abc"_s;
    QTest::newRow("not an integer") << u"1.5"_s;
}

void TestRestRecords::limitInvalid()
{
    QFETCH(QString, limit);
    E2E_BAD_REQUEST(m_http.get(u"/rest/people?limit="_s + pct(limit)),
                    u"limit '%1' is invalid. Should be an integer"_s.arg(limit));
}

void TestRestRecords::cursorErrors_data()
{
    QTest::addColumn<QString>("parameters"); // {ID_CURSOR} = base64 of {"id":"<A>"}
    QTest::addColumn<QString>("message");
    const auto b64 = [](const QByteArray &text) { return pct(QString::fromLatin1(text.toBase64())); };
    QTest::newRow("not base64") << u"starting_after=invalid-cursor"_s << u"Invalid cursor"_s;
    QTest::newRow("base64 of non-JSON") << u"starting_after="_s + b64("hello") << u"Invalid cursor"_s;
    QTest::newRow("JSON without id") << u"starting_after="_s + b64(R"({"position":1})") << u"Invalid cursor"_s;
    QTest::newRow("lacks a field of the ordering")
        << u"order_by=position&ending_before={ID_CURSOR}"_s << u"Invalid cursor"_s;
    QTest::newRow("both directions") << u"starting_after={ID_CURSOR}&ending_before={ID_CURSOR}"_s
                                     << u"Cannot provide both before and after"_s;
}

void TestRestRecords::cursorErrors()
{
    QFETCH(QString, parameters);
    QFETCH(QString, message);
    const QJsonObject idOnly{{"id", m_ids.value(u"A"_s)}};
    parameters.replace(u"{ID_CURSOR}"_s,
                       pct(QString::fromLatin1(QJsonDocument(idOnly).toJson(QJsonDocument::Compact).toBase64())));
    E2E_BAD_REQUEST(m_http.get(u"/rest/people?"_s + parameters), message);
}

// ---------------------------------------------------------------------------------------------------------------
// depth, fields, omit_null_values

void TestRestRecords::depthZeroAndOne()
{
    const QString dora = m_ids.value(u"D"_s);
    const HttpResponse zero = m_http.get(u"/rest/people/"_s + dora);
    E2E_STATUS(zero, 200);
    QCOMPARE(zero.value(u"data.person.companyId"_s).toString(), m_ids.value(u"X"_s));
    QVERIFY2(zero.value(u"data.person.company"_s).isUndefined(), qPrintable(zero.describe()));
    QVERIFY2(zero.value(u"data.person.noteTargets"_s).isUndefined(), qPrintable(zero.describe()));
    const HttpResponse explicitZero = m_http.get(u"/rest/people/%1?depth=0"_s.arg(dora));
    QVERIFY(explicitZero.value(u"data.person.company"_s).isUndefined());

    // depth 1 on a person: MANY_TO_ONE as an object, ONE_TO_MANY as arrays, nested records without relations
    const HttpResponse one = m_http.get(u"/rest/people/%1?depth=1"_s.arg(dora));
    E2E_STATUS(one, 200);
    const QJsonObject company = one.value(u"data.person.company"_s).toObject();
    QCOMPARE(company.value(u"id"_s).toString(), m_ids.value(u"X"_s));
    QCOMPARE(company.value(u"name"_s).toString(), m_tag + u" Alpha"_s);
    QVERIFY2(!company.contains(u"people"_s), qPrintable(one.describe()));
    QVERIFY2(!company.contains(u"accountOwner"_s), qPrintable(one.describe()));
    QVERIFY2(one.value(u"data.person.noteTargets"_s).isArray(), qPrintable(one.describe()));
    QVERIFY2(one.value(u"data.person.taskTargets"_s).isArray(), qPrintable(one.describe()));
    QVERIFY2(one.value(u"data.person.pointOfContactForOpportunities"_s).isArray(), qPrintable(one.describe()));

    // a person without a company: the relation is null, not absent
    const HttpResponse ada = m_http.get(u"/rest/people/%1?depth=1"_s.arg(m_ids.value(u"A"_s)));
    E2E_STATUS(ada, 200);
    QVERIFY2(ada.value(u"data.person.company"_s).isNull(), qPrintable(ada.describe()));

    // depth 1 on a company, in a list: people is an array of records without their own relations
    const HttpResponse companies = m_http.get(u"/rest/companies?depth=1&"_s
                                              + query({{u"filter"_s, u"id[eq]:"_s + m_ids.value(u"X"_s)}}));
    E2E_STATUS(companies, 200);
    const QJsonArray people = companies.value(u"data.companies.0.people"_s).toArray();
    QCOMPARE(column(people, u"id"_s), QStringList{dora});
    QVERIFY2(!people.at(0).toObject().contains(u"company"_s), qPrintable(companies.describe()));
    QCOMPARE(people.at(0).toObject().value(u"companyId"_s).toString(), m_ids.value(u"X"_s));
    QVERIFY2(companies.value(u"data.companies.0.accountOwner"_s).isNull(), qPrintable(companies.describe()));
    QVERIFY2(companies.value(u"data.companies.0.opportunities"_s).isArray(), qPrintable(companies.describe()));
}

void TestRestRecords::depthOnCreate()
{
    const HttpResponse created = m_http.post(u"/rest/people?depth=1"_s,
                                             QJsonObject{{"city", uniqueTag()}, {"companyId", m_ids.value(u"Z"_s)}});
    E2E_STATUS(created, 201);
    QCOMPARE(created.value(u"data.createPerson.company.id"_s).toString(), m_ids.value(u"Z"_s));
}

void TestRestRecords::depthInvalid_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("depth");
    QTest::newRow("find many depth=2") << QByteArray("GET") << u"/rest/people"_s << u"2"_s;
    QTest::newRow("find one depth=2") << QByteArray("GET") << u"/rest/people/{A}"_s << u"2"_s;
    QTest::newRow("create depth=2") << QByteArray("POST") << u"/rest/people"_s << u"2"_s;
    QTest::newRow("find many depth=-1") << QByteArray("GET") << u"/rest/people"_s << u"-1"_s;
    QTest::newRow("find many depth=one") << QByteArray("GET") << u"/rest/people"_s << u"one"_s;
}

void TestRestRecords::depthInvalid()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, target);
    QFETCH(QString, depth);
    const QString tag = uniqueTag();
    const QByteArray body = method == "POST" ? toJson(QJsonObject{{"city", tag}}) : QByteArray();
    E2E_BAD_REQUEST(m_http.send(method, expand(target) + u"?depth="_s + depth, body),
                    u"'depth=%1' parameter invalid. Allowed values are 0, 1"_s.arg(depth));
    COUNT_IS(u"people"_s, u"city[eq]:"_s + tag, 0);
}

void TestRestRecords::fieldsParameter()
{
    const QString ada = m_ids.value(u"A"_s);
    const HttpResponse some = m_http.get(u"/rest/people/%1?fields=city,jobTitle"_s.arg(ada));
    E2E_STATUS(some, 200);
    QCOMPARE(keysOf(some.value(u"data.person"_s).toObject()), (QStringList{u"city"_s, u"id"_s, u"jobTitle"_s}));
    QCOMPARE(some.value(u"data.person.jobTitle"_s).toString(), u"Engineer"_s);

    const HttpResponse composite = m_http.get(u"/rest/people/%1?fields=name"_s.arg(ada));
    E2E_STATUS(composite, 200);
    QCOMPARE(keysOf(composite.value(u"data.person"_s).toObject()), (QStringList{u"id"_s, u"name"_s}));
    QCOMPARE(composite.value(u"data.person.name.firstName"_s).toString(), u"Ada"_s);

    const HttpResponse list = listPeople(u"position[gte]:0"_s, u"fields=position"_s);
    E2E_STATUS(list, 200);
    const QJsonArray records = list.value(u"data.people"_s).toArray();
    QCOMPARE(records.size(), 5);
    for (const QJsonValue &record : records) {
        QCOMPARE(keysOf(record.toObject()), (QStringList{u"id"_s, u"position"_s}));
    }

    E2E_BAD_REQUEST(m_http.get(u"/rest/people/%1?fields=city,foo"_s.arg(ada)),
                    "Field 'foo' not found on object 'person'");
    E2E_BAD_REQUEST(m_http.get(u"/rest/people?fields=foo"_s), "Field 'foo' not found on object 'person'");

    // on writes too
    const HttpResponse created = m_http.post(u"/rest/people?fields=city"_s, QJsonObject{{"city", uniqueTag()}});
    E2E_STATUS(created, 201);
    QCOMPARE(keysOf(created.value(u"data.createPerson"_s).toObject()), (QStringList{u"city"_s, u"id"_s}));
}

void TestRestRecords::omitNullValues()
{
    const QString ada = m_ids.value(u"A"_s);
    const HttpResponse withNulls = m_http.get(u"/rest/people/"_s + ada);
    E2E_STATUS(withNulls, 200);
    QVERIFY(withNulls.value(u"data.person.companyId"_s).isNull());
    QVERIFY(withNulls.value(u"data.person.deletedAt"_s).isNull());

    const HttpResponse omitted = m_http.get(u"/rest/people/%1?omit_null_values=true"_s.arg(ada));
    E2E_STATUS(omitted, 200);
    const QJsonObject person = omitted.value(u"data.person"_s).toObject();
    QVERIFY2(!person.contains(u"companyId"_s), qPrintable(omitted.describe()));
    QVERIFY2(!person.contains(u"deletedAt"_s), qPrintable(omitted.describe()));
    QCOMPARE(person.value(u"city"_s).toString(), m_tag);

    // an empty string is not null
    const HttpResponse dora = m_http.get(u"/rest/people/%1?omit_null_values=true"_s.arg(m_ids.value(u"D"_s)));
    E2E_STATUS(dora, 200);
    QCOMPARE(dora.value(u"data.person.jobTitle"_s), QJsonValue(u""_s));
    QCOMPARE(dora.value(u"data.person.companyId"_s).toString(), m_ids.value(u"X"_s));

    const HttpResponse list = listPeople(u"id[eq]:"_s + ada, u"omit_null_values=true"_s);
    E2E_STATUS(list, 200);
    QVERIFY(!list.value(u"data.people.0"_s).toObject().contains(u"companyId"_s));
}

// ---------------------------------------------------------------------------------------------------------------
// batch create and upsert

void TestRestRecords::batchCreate_data()
{
    QTest::addColumn<QString>("plural");
    QTest::addColumn<QString>("tagField");
    QTest::newRow("people") << u"people"_s << u"city"_s;
    QTest::newRow("companies") << u"companies"_s << u"name"_s;
    QTest::newRow("opportunities") << u"opportunities"_s << u"name"_s;
    QTest::newRow("tasks") << u"tasks"_s << u"title"_s;
}

void TestRestRecords::batchCreate()
{
    QFETCH(QString, plural);
    QFETCH(QString, tagField);
    const QString tag = uniqueTag();
    const QJsonArray records{QJsonObject{{tagField, tag}, {"position", 3}},
                             QJsonObject{{tagField, tag}, {"position", 1}},
                             QJsonObject{{tagField, tag}, {"position", 2}}};
    const HttpResponse response = m_http.post(u"/rest/batch/"_s + plural, records);
    E2E_STATUS(response, 201);
    QCOMPARE(keysOf(response.value(u"data"_s).toObject()), QStringList{u"create"_s + pascal(plural)});
    const QJsonArray created = response.value(u"data.create"_s + pascal(plural)).toArray();
    QCOMPARE(created.size(), 3);
    QCOMPARE(column(created, u"position"_s), (QStringList{u"3"_s, u"1"_s, u"2"_s})); // input order
    for (const QJsonValue &record : created) {
        QVERIFY(kUuid.match(record.toObject().value(u"id"_s).toString()).hasMatch());
        QCOMPARE(at(record.toObject(), u"createdBy.source"_s).toString(), u"API"_s);
    }
    COUNT_IS(plural, u"%1[eq]:%2"_s.arg(tagField, tag), 3);
}

void TestRestRecords::batchCreateSixty()
{
    const QString tag = uniqueTag();
    CREATE_BATCH(created, u"people"_s, peopleBatch(tag, 60));
    const QStringList ids = column(created, u"id"_s);
    QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), 60);
    COUNT_IS(u"people"_s, u"city[eq]:"_s + tag, 60);
}

void TestRestRecords::batchTooMany()
{
    const QString tag = uniqueTag();
    E2E_BAD_REQUEST(m_http.post(u"/rest/batch/people"_s, peopleBatch(tag, 61)),
                    "Maximum number of records to upsert is 60.");
    E2E_BAD_REQUEST(m_http.post(u"/rest/batch/people?upsert=true"_s, peopleBatch(tag, 61)),
                    "Maximum number of records to upsert is 60.");
    COUNT_IS(u"people"_s, u"city[eq]:"_s + tag, 0);
}

void TestRestRecords::batchAllOrNothing_data()
{
    QTest::addColumn<QString>("plural");
    QTest::addColumn<QString>("tagField");
    QTest::addColumn<int>("badIndex");
    QTest::addColumn<QJsonObject>("bad"); // merged into record badIndex; {EXISTING} = an existing record's id
    QTest::addColumn<QString>("message"); // empty: any 400
    QTest::newRow("unknown field at 37") << u"people"_s << u"city"_s << 37 << QJsonObject{{"foo", 1}}
                                         << u"Field 'foo' not found on object 'person'"_s;
    QTest::newRow("wrong type at 59") << u"companies"_s << u"name"_s << 59 << QJsonObject{{"employees", "abc"}}
                                      << u"Field 'employees' on object 'company' expects a number"_s;
    QTest::newRow("invalid select at 0")
        << u"opportunities"_s << u"name"_s << 0 << QJsonObject{{"stage", "INVALID_ENUM_VALUE"}}
        << u"Value 'INVALID_ENUM_VALUE' is not a valid option for field 'stage' on object 'opportunity'"_s;
    QTest::newRow("existing id at 20") << u"people"_s << u"city"_s << 20 << QJsonObject{{"id", "{EXISTING}"}}
                                       << u"Record already exists"_s;
    QTest::newRow("unique email repeated at 45")
        << u"people"_s << u"city"_s << 45 << QJsonObject{{"emails", QJsonObject{{"primaryEmail", "{EMAIL}"}}}}
        << QString();
    QTest::newRow("id repeated at 50") << u"people"_s << u"city"_s << 50 << QJsonObject{{"id", "{ID_OF_3}"}}
                                       << QString();
}

void TestRestRecords::batchAllOrNothing()
{
    QFETCH(QString, plural);
    QFETCH(QString, tagField);
    QFETCH(int, badIndex);
    QFETCH(QJsonObject, bad);
    QFETCH(QString, message);
    const QString tag = uniqueTag();
    CREATE(existing, u"people"_s, (QJsonObject{{"city", uniqueTag()}}));
    const QString email = u"first-%1@example.com"_s.arg(tag);
    const QString repeatedId = newUuid();

    QJsonArray records;
    for (int i = 0; i < 60; ++i) {
        QJsonObject record{{tagField, tag}};
        if (plural == u"people"_s && i == 3) {
            record.insert(u"emails"_s, QJsonObject{{"primaryEmail", email}});
            record.insert(u"id"_s, repeatedId);
        }
        if (i == badIndex) {
            for (auto it = bad.begin(); it != bad.end(); ++it) {
                QJsonValue value = it.value();
                if (value == QJsonValue(u"{EXISTING}"_s)) {
                    value = existing.value(u"id"_s);
                } else if (value == QJsonValue(u"{ID_OF_3}"_s)) {
                    value = repeatedId;
                } else if (value.isObject() && at(value.toObject(), u"primaryEmail"_s) == QJsonValue(u"{EMAIL}"_s)) {
                    value = QJsonObject{{"primaryEmail", email}};
                }
                record.insert(it.key(), value);
            }
        }
        records.append(record);
    }
    const HttpResponse response = m_http.post(u"/rest/batch/"_s + plural, records);
    if (message.isEmpty()) {
        E2E_STATUS(response, 400);
        QCOMPARE(response.error(), u"BadRequestException"_s);
        const QString leak = leakProblem(response.messages().value(0), m_server->dataDir());
        QVERIFY2(leak.isEmpty(), qPrintable(leak));
    } else {
        E2E_BAD_REQUEST(response, message);
    }
    COUNT_IS(plural, u"%1[eq]:%2"_s.arg(tagField, tag), 0);
}

void TestRestRecords::batchBodyErrors_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty object") << QByteArray("{}") << u"Body must be an array"_s;
    QTest::newRow("one record as object") << QByteArray(R"({"city":"x"})") << u"Body must be an array"_s;
    QTest::newRow("empty array") << QByteArray("[]") << u"Input must not be empty"_s;
}

void TestRestRecords::batchBodyErrors()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    E2E_BAD_REQUEST(m_http.send("POST", u"/rest/batch/people"_s, body), message);
    E2E_BAD_REQUEST(m_http.send("POST", u"/rest/batch/people?upsert=true"_s, body), message);
}

void TestRestRecords::upsertOnId()
{
    const QString tag = uniqueTag();
    CREATE(person, u"people"_s,
           (QJsonObject{{"city", tag},
                        {"jobTitle", "Before"},
                        {"name", QJsonObject{{"firstName", "Ann"}, {"lastName", "Upsert"}}}}));
    const QString id = person.value(u"id"_s).toString();

    const HttpResponse upserted = m_http.post(u"/rest/people?upsert=true"_s,
                                              QJsonObject{{"id", id}, {"jobTitle", "After"}});
    E2E_STATUS(upserted, 201);
    const QJsonObject result = upserted.value(u"data.createPerson"_s).toObject();
    QCOMPARE(result.value(u"id"_s).toString(), id);
    QCOMPARE(result.value(u"jobTitle"_s).toString(), u"After"_s);
    // only the supplied fields change
    QCOMPARE(result.value(u"city"_s).toString(), tag);
    QCOMPARE(at(result, u"name.firstName"_s).toString(), u"Ann"_s);
    COUNT_IS(u"people"_s, u"city[eq]:"_s + tag, 1);

    // no match on id: inserted with that id
    const QString fresh = newUuid();
    const HttpResponse inserted = m_http.post(u"/rest/people?upsert=true"_s, QJsonObject{{"id", fresh}, {"city", tag}});
    E2E_STATUS(inserted, 201);
    QCOMPARE(inserted.value(u"data.createPerson.id"_s).toString(), fresh);
    COUNT_IS(u"people"_s, u"city[eq]:"_s + tag, 2);
}

void TestRestRecords::upsertOnPrimaryEmail()
{
    const QString tag = uniqueTag();
    const QString email = u"upsert-%1@example.com"_s.arg(tag);
    CREATE(person, u"people"_s,
           (QJsonObject{{"city", tag}, {"jobTitle", "One"}, {"emails", QJsonObject{{"primaryEmail", email}}}}));
    const HttpResponse same = m_http.post(
        u"/rest/people?upsert=true"_s,
        QJsonObject{{"emails", QJsonObject{{"primaryEmail", email}}}, {"jobTitle", "Two"}});
    E2E_STATUS(same, 201);
    QCOMPARE(same.value(u"data.createPerson.id"_s).toString(), person.value(u"id"_s).toString());
    QCOMPARE(same.value(u"data.createPerson.jobTitle"_s).toString(), u"Two"_s);
    QCOMPARE(same.value(u"data.createPerson.city"_s).toString(), tag);
    COUNT_IS(u"people"_s, u"city[eq]:"_s + tag, 1);

    const HttpResponse other = m_http.post(
        u"/rest/people?upsert=true"_s,
        QJsonObject{{"city", tag}, {"emails", QJsonObject{{"primaryEmail", u"other-"_s + email}}}});
    E2E_STATUS(other, 201);
    QVERIFY(other.value(u"data.createPerson.id"_s).toString() != person.value(u"id"_s).toString());
    COUNT_IS(u"people"_s, u"city[eq]:"_s + tag, 2);

    // without upsert, the same email is a unique violation: a 400, not a 500
    const HttpResponse duplicate = m_http.post(u"/rest/people"_s,
                                               QJsonObject{{"emails", QJsonObject{{"primaryEmail", email}}}});
    E2E_STATUS(duplicate, 400);
    QCOMPARE(duplicate.error(), u"BadRequestException"_s);
    const QString leak = leakProblem(duplicate.messages().value(0), m_server->dataDir());
    QVERIFY2(leak.isEmpty(), qPrintable(leak));
}

void TestRestRecords::upsertOnDomainName()
{
    const QString tag = uniqueTag();
    const QString domain = u"https://upsert-%1.com"_s.arg(tag);
    CREATE(company, u"companies"_s,
           (QJsonObject{{"name", tag}, {"domainName", QJsonObject{{"primaryLinkUrl", domain}}}}));
    const HttpResponse same = m_http.post(
        u"/rest/companies?upsert=true"_s,
        QJsonObject{{"domainName", QJsonObject{{"primaryLinkUrl", domain}}}, {"employees", 7}});
    E2E_STATUS(same, 201);
    QCOMPARE(same.value(u"data.createCompany.id"_s).toString(), company.value(u"id"_s).toString());
    QCOMPARE(same.value(u"data.createCompany.employees"_s).toDouble(), 7.0);
    QCOMPARE(same.value(u"data.createCompany.name"_s).toString(), tag);
    // the input is normalised before matching: a trailing slash finds the same company
    const HttpResponse slashed = m_http.post(
        u"/rest/companies?upsert=true"_s,
        QJsonObject{{"domainName", QJsonObject{{"primaryLinkUrl", domain + u"/"_s}}}, {"employees", 8}});
    E2E_STATUS(slashed, 201);
    QCOMPARE(slashed.value(u"data.createCompany.id"_s).toString(), company.value(u"id"_s).toString());
    COUNT_IS(u"companies"_s, u"name[eq]:"_s + tag, 1);
}

void TestRestRecords::upsertAmbiguous()
{
    const QString tag = uniqueTag();
    CREATE(first, u"people"_s,
           (QJsonObject{{"city", tag},
                        {"jobTitle", "First"},
                        {"emails", QJsonObject{{"primaryEmail", u"a-%1@example.com"_s.arg(tag)}}}}));
    CREATE(second, u"people"_s,
           (QJsonObject{{"city", tag},
                        {"jobTitle", "Second"},
                        {"emails", QJsonObject{{"primaryEmail", u"b-%1@example.com"_s.arg(tag)}}}}));
    const QJsonObject input{{"id", first.value(u"id"_s)},
                            {"emails", QJsonObject{{"primaryEmail", u"b-%1@example.com"_s.arg(tag)}}},
                            {"jobTitle", "Merged"}};
    E2E_BAD_REQUEST(m_http.post(u"/rest/people?upsert=true"_s, input),
                    "Upsert is ambiguous: the input matches 2 existing records");
    E2E_BAD_REQUEST(m_http.post(u"/rest/batch/people?upsert=true"_s, QJsonArray{input}),
                    "Upsert is ambiguous: the input matches 2 existing records");
    COUNT_IS(u"people"_s, u"city[eq]:%1,jobTitle[eq]:Merged"_s.arg(tag), 0);
    COUNT_IS(u"people"_s, u"city[eq]:"_s + tag, 2);
}

void TestRestRecords::upsertBatch()
{
    const QString tag = uniqueTag();
    CREATE(existing, u"people"_s, (QJsonObject{{"city", tag}, {"jobTitle", "Old"}}));
    const HttpResponse response = m_http.post(
        u"/rest/batch/people?upsert=true"_s,
        QJsonArray{QJsonObject{{"id", existing.value(u"id"_s)}, {"jobTitle", "New"}},
                   QJsonObject{{"city", tag}, {"jobTitle", "Inserted"}}});
    E2E_STATUS(response, 201);
    const QJsonArray records = response.value(u"data.createPeople"_s).toArray();
    QCOMPARE(records.size(), 2);
    QCOMPARE(records.at(0).toObject().value(u"id"_s), existing.value(u"id"_s));
    QCOMPARE(records.at(0).toObject().value(u"jobTitle"_s).toString(), u"New"_s);
    QCOMPARE(records.at(1).toObject().value(u"jobTitle"_s).toString(), u"Inserted"_s);
    COUNT_IS(u"people"_s, u"city[eq]:"_s + tag, 2);
}

// ---------------------------------------------------------------------------------------------------------------
// update

void TestRestRecords::updateOne()
{
    const QString tag = uniqueTag();
    CREATE(person, u"people"_s, (QJsonObject{{"city", tag}, {"jobTitle", "Kept"}}));
    const QString id = person.value(u"id"_s).toString();
    // §1.12 example 8
    const QJsonObject change{{"name", QJsonObject{{"firstName", "Updated"}, {"lastName", "Person"}}},
                             {"emails", QJsonObject{{"primaryEmail", u"u-%1@e.com"_s.arg(tag)},
                                                    {"additionalEmails", QJsonArray{u"x-%1@e.com"_s.arg(tag)}}}}};
    const HttpResponse updated = m_http.patch(u"/rest/people/"_s + id, change);
    E2E_STATUS(updated, 200);
    QCOMPARE(keysOf(updated.value(u"data"_s).toObject()), QStringList{u"updatePerson"_s});
    const QJsonObject result = updated.value(u"data.updatePerson"_s).toObject();
    QCOMPARE(result.value(u"id"_s).toString(), id);
    QCOMPARE(at(result, u"name.firstName"_s).toString(), u"Updated"_s);
    QCOMPARE(at(result, u"name.lastName"_s).toString(), u"Person"_s);
    QCOMPARE(at(result, u"emails.primaryEmail"_s).toString(), u"u-%1@e.com"_s.arg(tag));
    QCOMPARE(at(result, u"emails.additionalEmails"_s).toArray(), QJsonArray{u"x-%1@e.com"_s.arg(tag)});
    QCOMPARE(result.value(u"jobTitle"_s).toString(), u"Kept"_s);
    QCOMPARE(result.value(u"createdAt"_s), person.value(u"createdAt"_s));
    QVERIFY2(result.value(u"updatedAt"_s).toString() >= person.value(u"updatedAt"_s).toString(),
             qPrintable(updated.describe()));
    QCOMPARE(at(result, u"updatedBy.source"_s).toString(), u"API"_s);
    QCOMPARE(at(result, u"updatedBy.name"_s).toString(), m_server->keyName());
    QCOMPARE(result.value(u"createdBy"_s), person.value(u"createdBy"_s));

    const HttpResponse read = m_http.get(u"/rest/people/"_s + id);
    QCOMPARE(read.value(u"data.person.name.firstName"_s).toString(), u"Updated"_s);
    QCOMPARE(read.value(u"data.person.emails.primaryEmail"_s).toString(), u"u-%1@e.com"_s.arg(tag));

    // the join column is the way to write a relation
    const HttpResponse linked = m_http.patch(u"/rest/people/"_s + id, QJsonObject{{"companyId", m_ids.value(u"Z"_s)}});
    E2E_STATUS(linked, 200);
    QCOMPARE(linked.value(u"data.updatePerson.companyId"_s).toString(), m_ids.value(u"Z"_s));
    const HttpResponse unlinked = m_http.patch(u"/rest/people/"_s + id, QJsonObject{{"companyId", QJsonValue::Null}});
    E2E_STATUS(unlinked, 200);
    QVERIFY(unlinked.value(u"data.updatePerson.companyId"_s).isNull());

    // a partial composite changes only the sub-fields it names
    const HttpResponse partial = m_http.patch(u"/rest/people/"_s + id,
                                              QJsonObject{{"name", QJsonObject{{"firstName", "Only"}}}});
    E2E_STATUS(partial, 200);
    QCOMPARE(partial.value(u"data.updatePerson.name.firstName"_s).toString(), u"Only"_s);
    QCOMPARE(partial.value(u"data.updatePerson.name.lastName"_s).toString(), u"Person"_s);
    QCOMPARE(partial.value(u"data.updatePerson.emails.primaryEmail"_s).toString(), u"u-%1@e.com"_s.arg(tag));
}

void TestRestRecords::updateOnePutAlias()
{
    CREATE(person, u"people"_s, (QJsonObject{{"city", uniqueTag()}}));
    const HttpResponse updated = m_http.put(u"/rest/people/"_s + person.value(u"id"_s).toString(),
                                            QJsonObject{{"jobTitle", "Put"}});
    E2E_STATUS(updated, 200);
    QCOMPARE(updated.value(u"data.updatePerson.jobTitle"_s).toString(), u"Put"_s);
}

void TestRestRecords::updateMany()
{
    const QString tag = uniqueTag();
    const QString control = uniqueTag();
    CREATE_BATCH(tagged, u"people"_s, peopleBatch(tag, 3));
    CREATE(other, u"people"_s, (QJsonObject{{"city", control}, {"jobTitle", "Untouched"}}));

    const HttpResponse updated = m_http.patch(u"/rest/people?"_s + query({{u"filter"_s, u"city[eq]:"_s + tag}}),
                                              QJsonObject{{"jobTitle", "Bulk"}});
    E2E_STATUS(updated, 200);
    const QJsonArray records = updated.value(u"data.updatePeople"_s).toArray();
    QCOMPARE(sorted(column(records, u"id"_s)), sorted(column(tagged, u"id"_s)));
    QCOMPARE(column(records, u"jobTitle"_s), (QStringList{u"Bulk"_s, u"Bulk"_s, u"Bulk"_s}));
    COUNT_IS(u"people"_s, u"city[eq]:%1,jobTitle[eq]:Bulk"_s.arg(tag), 3);
    const HttpResponse untouched = m_http.get(u"/rest/people/"_s + other.value(u"id"_s).toString());
    QCOMPARE(untouched.value(u"data.person.jobTitle"_s).toString(), u"Untouched"_s);

    // PUT is an alias here too; a filter matching nothing updates nothing
    const HttpResponse viaPut = m_http.put(u"/rest/people?"_s + query({{u"filter"_s, u"city[eq]:"_s + tag}}),
                                           QJsonObject{{"jobTitle", "Put"}});
    E2E_STATUS(viaPut, 200);
    QCOMPARE(viaPut.value(u"data.updatePeople"_s).toArray().size(), 3);
    const HttpResponse none = m_http.patch(u"/rest/people?"_s + query({{u"filter"_s, u"city[eq]:"_s + uniqueTag()}}),
                                           QJsonObject{{"jobTitle", "Nobody"}});
    E2E_STATUS(none, 200);
    QCOMPARE(none.value(u"data.updatePeople"_s).toArray(), QJsonArray());
}

void TestRestRecords::updateManyErrors()
{
    const QString tag = uniqueTag();
    CREATE_BATCH(batch, u"people"_s, peopleBatch(tag, 60));
    CREATE(extra, u"people"_s, (QJsonObject{{"city", tag}}));
    E2E_BAD_REQUEST(m_http.patch(u"/rest/people?"_s + query({{u"filter"_s, u"city[eq]:"_s + tag}}),
                                 QJsonObject{{"jobTitle", "TooMany"}}),
                    "Cannot update more than 60 records at once");
    COUNT_IS(u"people"_s, u"city[eq]:%1,jobTitle[eq]:TooMany"_s.arg(tag), 0);
    // an invalid value in a bulk update changes nothing
    E2E_STATUS(m_http.patch(u"/rest/people?"_s + query({{u"filter"_s, u"id[eq]:"_s + extra.value(u"id"_s).toString()}}),
                            QJsonObject{{"position", "high"}}),
               400);
}

// ---------------------------------------------------------------------------------------------------------------
// delete, destroy, restore

void TestRestRecords::destroyOne()
{
    CREATE(person, u"people"_s, (QJsonObject{{"city", uniqueTag()}}));
    const QString id = person.value(u"id"_s).toString();
    const HttpResponse deleted = m_http.del(u"/rest/people/"_s + id);
    E2E_STATUS(deleted, 200);
    // §13.1: destroy by default; only the soft form adds softDelete
    QCOMPARE(deleted.object(), (QJsonObject{{"data", QJsonObject{{"deletePerson", QJsonObject{{"id", id}}}}}}));
    E2E_ERROR(m_http.get(u"/rest/people/"_s + id), 404, "NotFoundException", "Record not found");
    COUNT_IS(u"people"_s, u"id[eq]:%1,deletedAt[is]:NOT_NULL"_s.arg(id), 0);
    E2E_ERROR(m_http.del(u"/rest/people/"_s + id), 404, "NotFoundException", "Record not found");
}

void TestRestRecords::softDeleteOne()
{
    CREATE(person, u"people"_s, (QJsonObject{{"city", uniqueTag()}}));
    const QString id = person.value(u"id"_s).toString();
    const HttpResponse deleted = m_http.del(u"/rest/people/%1?soft_delete=true"_s.arg(id));
    E2E_STATUS(deleted, 200);
    QCOMPARE(deleted.object(),
             (QJsonObject{{"data", QJsonObject{{"deletePerson", QJsonObject{{"id", id}}}}}, {"softDelete", true}}));
    // invisible to GET by id and to lists, visible in the trash
    E2E_ERROR(m_http.get(u"/rest/people/"_s + id), 404, "NotFoundException", "Record not found");
    COUNT_IS(u"people"_s, u"id[eq]:"_s + id, 0);
    const HttpResponse trash = m_http.get(u"/rest/people?"_s
                                          + query({{u"filter"_s, u"id[eq]:%1,deletedAt[is]:NOT_NULL"_s.arg(id)}}));
    E2E_STATUS(trash, 200);
    QCOMPARE(trash.value(u"totalCount"_s).toInt(), 1);
    QVERIFY2(kIsoMillis.match(trash.value(u"data.people.0.deletedAt"_s).toString()).hasMatch(),
             qPrintable(trash.describe()));
    // soft-deleting again: 404 (Vingt's choice); updating it: 404
    E2E_ERROR(m_http.del(u"/rest/people/%1?soft_delete=true"_s.arg(id)), 404, "NotFoundException", "Record not found");
    E2E_ERROR(m_http.patch(u"/rest/people/"_s + id, QJsonObject{{"jobTitle", "x"}}), 404, "NotFoundException",
              "Record not found");
    // destroy also finds soft-deleted records
    const HttpResponse destroyed = m_http.del(u"/rest/people/"_s + id);
    E2E_STATUS(destroyed, 200);
    QCOMPARE(destroyed.value(u"data.deletePerson.id"_s).toString(), id);
    COUNT_IS(u"people"_s, u"id[eq]:%1,deletedAt[is]:NOT_NULL"_s.arg(id), 0);
}

void TestRestRecords::softDeleteFlagMustBeExactlyTrue_data()
{
    QTest::addColumn<QString>("value");
    QTest::newRow("false") << u"false"_s;
    QTest::newRow("TRUE") << u"TRUE"_s;
    QTest::newRow("1") << u"1"_s;
    QTest::newRow("empty") << u""_s;
}

void TestRestRecords::softDeleteFlagMustBeExactlyTrue()
{
    QFETCH(QString, value);
    CREATE(person, u"people"_s, (QJsonObject{{"city", uniqueTag()}}));
    const QString id = person.value(u"id"_s).toString();
    const HttpResponse deleted = m_http.del(u"/rest/people/%1?soft_delete=%2"_s.arg(id, value));
    E2E_STATUS(deleted, 200);
    QVERIFY2(!deleted.object().contains(u"softDelete"_s), qPrintable(deleted.describe()));
    COUNT_IS(u"people"_s, u"id[eq]:%1,deletedAt[is]:NOT_NULL"_s.arg(id), 0);
    COUNT_IS(u"people"_s, u"id[eq]:"_s + id, 0);
}

void TestRestRecords::deleteMany_data()
{
    QTest::addColumn<bool>("soft");
    QTest::newRow("destroy") << false;
    QTest::newRow("soft delete") << true;
}

void TestRestRecords::deleteMany()
{
    QFETCH(bool, soft);
    const QString tag = uniqueTag();
    CREATE_BATCH(tagged, u"people"_s, peopleBatch(tag, 3));
    const QString target = u"/rest/people?"_s + query({{u"filter"_s, u"city[eq]:"_s + tag}})
                           + (soft ? u"&soft_delete=true"_s : QString());
    const HttpResponse deleted = m_http.del(target);
    E2E_STATUS(deleted, 200);
    const QJsonArray records = deleted.value(u"data.deletePeople"_s).toArray();
    QCOMPARE(sorted(column(records, u"id"_s)), sorted(column(tagged, u"id"_s)));
    for (const QJsonValue &record : records) {
        QCOMPARE(keysOf(record.toObject()), QStringList{u"id"_s});
    }
    COUNT_IS(u"people"_s, u"city[eq]:"_s + tag, 0);
    COUNT_IS(u"people"_s, u"city[eq]:%1,deletedAt[is]:NOT_NULL"_s.arg(tag), soft ? 3 : 0);
    // a filter matching nothing deletes nothing
    const HttpResponse none = m_http.del(u"/rest/people?"_s + query({{u"filter"_s, u"city[eq]:"_s + uniqueTag()}})
                                         + (soft ? u"&soft_delete=true"_s : QString()));
    E2E_STATUS(none, 200);
    QCOMPARE(none.value(u"data.deletePeople"_s).toArray(), QJsonArray());
}

void TestRestRecords::bulkWithoutFilter_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("operation");
    QTest::newRow("destroy many") << QByteArray("DELETE") << u"/rest/people"_s << u"destroy"_s;
    QTest::newRow("soft delete many") << QByteArray("DELETE") << u"/rest/people?soft_delete=true"_s << u"delete"_s;
    QTest::newRow("update many") << QByteArray("PATCH") << u"/rest/people"_s << u"update"_s;
    QTest::newRow("restore many") << QByteArray("PATCH") << u"/rest/people/restore"_s << u"restore"_s;
    QTest::newRow("restore many, older path") << QByteArray("PATCH") << u"/rest/restore/people"_s << u"restore"_s;
}

void TestRestRecords::bulkWithoutFilter()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, target);
    QFETCH(QString, operation);
    const QString tag = uniqueTag();
    CREATE(person, u"people"_s, (QJsonObject{{"city", tag}}));
    const QByteArray body = method == "PATCH" && operation == u"update"_s ? toJson(QJsonObject{{"jobTitle", "All"}})
                                                                          : QByteArray();
    E2E_BAD_REQUEST(m_http.send(method, target, body), bulkMessage(operation));
    COUNT_IS(u"people"_s, u"city[eq]:"_s + tag, 1);
    COUNT_IS(u"people"_s, u"jobTitle[eq]:All"_s, 0);
}

void TestRestRecords::bulkOverCap_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("extra");
    QTest::addColumn<bool>("softDeleteFirst");
    QTest::addColumn<QString>("message");
    QTest::newRow("destroy") << QByteArray("DELETE") << u"/rest/people"_s << QString() << false
                             << u"Cannot destroy more than 60 records at once"_s;
    QTest::newRow("soft delete") << QByteArray("DELETE") << u"/rest/people"_s << u"&soft_delete=true"_s << false
                                 << u"Cannot delete more than 60 records at once"_s;
    QTest::newRow("restore") << QByteArray("PATCH") << u"/rest/people/restore"_s << QString() << true
                             << u"Cannot restore more than 60 records at once"_s;
}

void TestRestRecords::bulkOverCap()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QString, extra);
    QFETCH(bool, softDeleteFirst);
    QFETCH(QString, message);
    const QString tag = uniqueTag();
    CREATE_BATCH(batch, u"people"_s, peopleBatch(tag, 60));
    CREATE(extraPerson, u"people"_s, (QJsonObject{{"city", tag}}));
    const QString filter = u"?"_s + query({{u"filter"_s, u"city[eq]:"_s + tag}});
    if (softDeleteFirst) {
        // two soft deletes of at most 60 each
        E2E_STATUS(m_http.del(u"/rest/people/%1?soft_delete=true"_s.arg(extraPerson.value(u"id"_s).toString())), 200);
        E2E_STATUS(m_http.del(u"/rest/people"_s + filter + u"&soft_delete=true"_s), 200);
        COUNT_IS(u"people"_s, u"city[eq]:%1,deletedAt[is]:NOT_NULL"_s.arg(tag), 61);
    }
    E2E_BAD_REQUEST(m_http.send(method, path + filter + extra), message);
    if (softDeleteFirst) {
        COUNT_IS(u"people"_s, u"city[eq]:%1,deletedAt[is]:NOT_NULL"_s.arg(tag), 61);
    } else {
        COUNT_IS(u"people"_s, u"city[eq]:"_s + tag, 61);
    }
}

void TestRestRecords::restoreOne_data()
{
    QTest::addColumn<QString>("pathTemplate");
    QTest::newRow("/rest/people/{id}/restore") << u"/rest/people/%1/restore"_s;
    QTest::newRow("/rest/restore/people/{id}") << u"/rest/restore/people/%1"_s;
}

void TestRestRecords::restoreOne()
{
    QFETCH(QString, pathTemplate);
    CREATE(person, u"people"_s, (QJsonObject{{"city", uniqueTag()}, {"jobTitle", "Restored"}}));
    const QString id = person.value(u"id"_s).toString();
    E2E_STATUS(m_http.del(u"/rest/people/%1?soft_delete=true"_s.arg(id)), 200);

    const HttpResponse restored = m_http.send("PATCH", pathTemplate.arg(id));
    E2E_STATUS(restored, 200);
    QCOMPARE(keysOf(restored.value(u"data"_s).toObject()), QStringList{u"restorePerson"_s});
    QCOMPARE(restored.value(u"data.restorePerson.id"_s).toString(), id);
    QVERIFY2(restored.value(u"data.restorePerson.deletedAt"_s).isNull(), qPrintable(restored.describe()));
    QCOMPARE(restored.value(u"data.restorePerson.jobTitle"_s).toString(), u"Restored"_s);
    const HttpResponse visible = m_http.get(u"/rest/people/"_s + id);
    E2E_STATUS(visible, 200);

    // restoring a record that is not deleted returns it unchanged
    const HttpResponse again = m_http.send("PATCH", pathTemplate.arg(id));
    E2E_STATUS(again, 200);
    QCOMPARE(again.value(u"data.restorePerson.id"_s).toString(), id);
    QCOMPARE(again.value(u"data.restorePerson.updatedAt"_s), visible.value(u"data.person.updatedAt"_s));

    // §1.12 example 7: fields=id
    E2E_STATUS(m_http.del(u"/rest/people/%1?soft_delete=true"_s.arg(id)), 200);
    const HttpResponse onlyId = m_http.send("PATCH", pathTemplate.arg(id) + u"?fields=id"_s);
    E2E_STATUS(onlyId, 200);
    QCOMPARE(onlyId.object(), (QJsonObject{{"data", QJsonObject{{"restorePerson", QJsonObject{{"id", id}}}}}}));
}

void TestRestRecords::restoreMany_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("/rest/people/restore") << u"/rest/people/restore"_s;
    QTest::newRow("/rest/restore/people") << u"/rest/restore/people"_s;
}

void TestRestRecords::restoreMany()
{
    QFETCH(QString, path);
    const QString tag = uniqueTag();
    CREATE_BATCH(tagged, u"people"_s, peopleBatch(tag, 3));
    const QStringList ids = column(tagged, u"id"_s);
    E2E_STATUS(m_http.del(u"/rest/people?"_s + query({{u"filter"_s, u"id[in]:[%1,%2]"_s.arg(ids.at(0), ids.at(1))}})
                          + u"&soft_delete=true"_s),
               200);
    COUNT_IS(u"people"_s, u"city[eq]:"_s + tag, 1);

    // the filter applies to soft-deleted records only
    const HttpResponse restored = m_http.send("PATCH", path + u"?"_s + query({{u"filter"_s, u"city[eq]:"_s + tag}}));
    E2E_STATUS(restored, 200);
    QCOMPARE(keysOf(restored.value(u"data"_s).toObject()), QStringList{u"restorePeople"_s});
    const QJsonArray records = restored.value(u"data.restorePeople"_s).toArray();
    QCOMPARE(sorted(column(records, u"id"_s)), sorted(ids.mid(0, 2)));
    for (const QJsonValue &record : records) {
        QVERIFY(record.toObject().value(u"deletedAt"_s).isNull());
    }
    COUNT_IS(u"people"_s, u"city[eq]:"_s + tag, 3);
}

void TestRestRecords::recordNotFound_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("pathTemplate");
    QTest::addColumn<QByteArray>("body");
    const QByteArray update = R"({"jobTitle":"x"})";
    QTest::newRow("GET") << QByteArray("GET") << u"/rest/people/%1"_s << QByteArray();
    QTest::newRow("PATCH") << QByteArray("PATCH") << u"/rest/people/%1"_s << update;
    QTest::newRow("PUT") << QByteArray("PUT") << u"/rest/people/%1"_s << update;
    QTest::newRow("DELETE") << QByteArray("DELETE") << u"/rest/people/%1"_s << QByteArray();
    QTest::newRow("DELETE soft") << QByteArray("DELETE") << u"/rest/people/%1?soft_delete=true"_s << QByteArray();
    QTest::newRow("restore") << QByteArray("PATCH") << u"/rest/people/%1/restore"_s << QByteArray();
    QTest::newRow("restore, older path") << QByteArray("PATCH") << u"/rest/restore/people/%1"_s << QByteArray();
    QTest::newRow("GET company") << QByteArray("GET") << u"/rest/companies/%1"_s << QByteArray();
}

void TestRestRecords::recordNotFound()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, pathTemplate);
    QFETCH(QByteArray, body);
    const HttpResponse response = m_http.send(method, pathTemplate.arg(newUuid()), body);
    E2E_STATUS(response, 404);
    QCOMPARE(response.object(),
             (QJsonObject{
                 {"statusCode", 404}, {"error", "NotFoundException"}, {"messages", QJsonArray{"Record not found"}}}));
}

void TestRestRecords::onDeleteSetNull_data()
{
    QTest::addColumn<QString>("parentPlural");
    QTest::addColumn<QString>("childPlural");
    QTest::addColumn<QString>("joinColumn");
    QTest::newRow("company -> person.companyId") << u"companies"_s << u"people"_s << u"companyId"_s;
    QTest::newRow("person -> opportunity.pointOfContactId")
        << u"people"_s << u"opportunities"_s << u"pointOfContactId"_s;
    QTest::newRow("company -> opportunity.companyId") << u"companies"_s << u"opportunities"_s << u"companyId"_s;
}

void TestRestRecords::onDeleteSetNull()
{
    QFETCH(QString, parentPlural);
    QFETCH(QString, childPlural);
    QFETCH(QString, joinColumn);
    const QString tag = uniqueTag();
    QJsonObject parentBody;
    if (parentPlural == u"people"_s) {
        parentBody = QJsonObject{{"city", tag}};
    } else {
        parentBody = QJsonObject{{"name", tag}};
    }
    CREATE(parent, parentPlural, parentBody);
    const QString parentId = parent.value(u"id"_s).toString();
    QJsonObject childBody{{joinColumn, parentId}};
    childBody.insert(childPlural == u"people"_s ? u"city"_s : childPlural == u"tasks"_s ? u"title"_s : u"name"_s, tag);
    CREATE(child, childPlural, childBody);
    QCOMPARE(child.value(joinColumn).toString(), parentId);

    E2E_STATUS(m_http.del(u"/rest/%1/%2"_s.arg(parentPlural, parentId)), 200);
    const HttpResponse read = m_http.get(u"/rest/%1/%2"_s.arg(childPlural, child.value(u"id"_s).toString()));
    E2E_STATUS(read, 200);
    const QJsonValue value = read.value(u"data.%1.%2"_s.arg(singularOf(childPlural), joinColumn));
    QVERIFY2(value.isNull(), qPrintable(read.describe()));
}

void TestRestRecords::onDeleteCascade_data()
{
    QTest::addColumn<QString>("parentPlural");
    QTest::addColumn<QJsonObject>("parentBody");
    QTest::addColumn<QString>("childPlural");
    QTest::addColumn<QString>("joinColumn");
    const QString tag = uniqueTag();
    QTest::newRow("note -> noteTarget") << u"notes"_s << QJsonObject{{"title", tag}} << u"noteTargets"_s << u"noteId"_s;
    QTest::newRow("person -> noteTarget")
        << u"people"_s << QJsonObject{{"city", tag}} << u"noteTargets"_s << u"personId"_s;
    QTest::newRow("task -> taskTarget") << u"tasks"_s << QJsonObject{{"title", tag}} << u"taskTargets"_s << u"taskId"_s;
    QTest::newRow("company -> taskTarget")
        << u"companies"_s << QJsonObject{{"name", tag}} << u"taskTargets"_s << u"companyId"_s;
    QTest::newRow("opportunity -> attachment")
        << u"opportunities"_s << QJsonObject{{"name", tag}} << u"attachments"_s << u"opportunityId"_s;
    QTest::newRow("note -> attachment") << u"notes"_s << QJsonObject{{"title", tag}} << u"attachments"_s << u"noteId"_s;
}

void TestRestRecords::onDeleteCascade()
{
    QFETCH(QString, parentPlural);
    QFETCH(QJsonObject, parentBody);
    QFETCH(QString, childPlural);
    QFETCH(QString, joinColumn);
    CREATE(parent, parentPlural, parentBody);
    const QString parentId = parent.value(u"id"_s).toString();
    CREATE(sibling, u"people"_s, (QJsonObject{{"city", uniqueTag()}}));
    QJsonObject childBody{{joinColumn, parentId}};
    if (joinColumn != u"personId"_s && childPlural != u"attachments"_s) {
        childBody.insert(u"personId"_s, sibling.value(u"id"_s));
    }
    CREATE(child, childPlural, childBody);
    const QString childId = child.value(u"id"_s).toString();

    E2E_STATUS(m_http.del(u"/rest/%1/%2"_s.arg(parentPlural, parentId)), 200);
    E2E_ERROR(m_http.get(u"/rest/%1/%2"_s.arg(childPlural, childId)), 404, "NotFoundException", "Record not found");
    COUNT_IS(childPlural, u"id[eq]:%1,deletedAt[is]:NOT_NULL"_s.arg(childId), 0);
    // the other parent stays
    E2E_STATUS(m_http.get(u"/rest/people/"_s + sibling.value(u"id"_s).toString()), 200);
}

void TestRestRecords::softDeleteKeepsJoinColumns()
{
    const QString tag = uniqueTag();
    CREATE(company, u"companies"_s, (QJsonObject{{"name", tag}}));
    CREATE(person, u"people"_s, (QJsonObject{{"city", tag}, {"companyId", company.value(u"id"_s)}}));
    CREATE(note, u"notes"_s, (QJsonObject{{"title", tag}}));
    CREATE(target, u"noteTargets"_s,
           (QJsonObject{{"noteId", note.value(u"id"_s)}, {"personId", person.value(u"id"_s)}}));
    E2E_STATUS(m_http.del(u"/rest/companies/%1?soft_delete=true"_s.arg(company.value(u"id"_s).toString())), 200);
    E2E_STATUS(m_http.del(u"/rest/notes/%1?soft_delete=true"_s.arg(note.value(u"id"_s).toString())), 200);
    const HttpResponse read = m_http.get(u"/rest/people/"_s + person.value(u"id"_s).toString());
    E2E_STATUS(read, 200);
    QCOMPARE(read.value(u"data.person.companyId"_s), company.value(u"id"_s));
    const HttpResponse targetRead = m_http.get(u"/rest/noteTargets/"_s + target.value(u"id"_s).toString());
    E2E_STATUS(targetRead, 200);
    QCOMPARE(targetRead.value(u"data.noteTarget.noteId"_s), note.value(u"id"_s));
    // soft-deleted records are invisible everywhere (§13.6): depth 1 shows no company, the join column stays
    const HttpResponse hidden = m_http.get(u"/rest/people/%1?depth=1"_s.arg(person.value(u"id"_s).toString()));
    E2E_STATUS(hidden, 200);
    QVERIFY2(hidden.value(u"data.person.company"_s).isNull(), qPrintable(hidden.describe()));
    QVERIFY2(hidden.value(u"data.person.noteTargets"_s).toArray().size() == 1, qPrintable(hidden.describe()));
    // after a restore, depth 1 shows the company again
    E2E_STATUS(m_http.send("PATCH", u"/rest/companies/%1/restore"_s.arg(company.value(u"id"_s).toString())), 200);
    const HttpResponse deep = m_http.get(u"/rest/people/%1?depth=1"_s.arg(person.value(u"id"_s).toString()));
    QCOMPARE(deep.value(u"data.person.company.id"_s), company.value(u"id"_s));
}

void TestRestRecords::softDeletedChildrenHiddenAtDepthOne()
{
    const QString tag = uniqueTag();
    CREATE(company, u"companies"_s, (QJsonObject{{"name", tag}}));
    CREATE_BATCH(people, u"people"_s,
                 (QJsonArray{QJsonObject{{"city", tag}, {"companyId", company.value(u"id"_s)}},
                             QJsonObject{{"city", tag}, {"companyId", company.value(u"id"_s)}}}));
    E2E_STATUS(m_http.del(u"/rest/people/%1?soft_delete=true"_s.arg(people.at(1).toObject().value(u"id"_s).toString())),
               200);
    const HttpResponse deep = m_http.get(u"/rest/companies/%1?depth=1"_s.arg(company.value(u"id"_s).toString()));
    E2E_STATUS(deep, 200);
    QCOMPARE(column(deep.value(u"data.company.people"_s).toArray(), u"id"_s),
             QStringList{people.at(0).toObject().value(u"id"_s).toString()});
}

QTEST_GUILESS_MAIN(TestRestRecords)
#include "tst_rest_records.moc"
