// End-to-end: the Metadata REST API for objects and fields (API-CONTRACT §3.1, 3.3–3.5) against the real server,
// and the Core REST API following each change at once.

#include "support/e2e.h"
#include "support/httpclient.h"
#include "support/serverprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

using namespace vingt::test;
using namespace Qt::StringLiterals;

class TstMetadataRest : public QObject
{
    Q_OBJECT

    std::unique_ptr<ServerProcess> m_server;
    HttpClient m_http;

    QString objectId(const QString &singular)
    {
        const HttpResponse list = m_http.get(u"/rest/metadata/objects"_s);
        for (const QJsonValue &o : list.value(u"data.objects"_s).toArray()) {
            if (o[u"nameSingular"_s].toString() == singular)
                return o[u"id"_s].toString();
        }
        return {};
    }
    /// Creates a custom object `<tag>` / `<tag>s`; returns its JSON.
    QJsonObject createObject(const QString &singular)
    {
        const HttpResponse r = m_http.post(u"/rest/metadata/objects"_s, QJsonObject{{u"nameSingular"_s, singular},
                                                                                    {u"namePlural"_s, singular + u"s"_s},
                                                                                    {u"labelSingular"_s, u"Thing"_s},
                                                                                    {u"labelPlural"_s, u"Things"_s},
                                                                                    {u"icon"_s, u"IconTestPipe"_s}});
        if (r.status != 201)
            qWarning().noquote() << r.describe();
        return r.value(u"data.createOneObject"_s).toObject();
    }
    HttpResponse createField(const QString &objectMetadataId, QJsonObject input)
    {
        input.insert(u"objectMetadataId"_s, objectMetadataId);
        if (!input.contains(u"label"_s))
            input.insert(u"label"_s, u"Some label"_s);
        return m_http.post(u"/rest/metadata/fields"_s, input);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<ServerProcess>();
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
        m_http = HttpClient(m_server->baseUrl(), m_server->token());
    }
    void cleanupTestCase()
    {
        if (m_server) {
            QCOMPARE(m_server->sanitizerReport(), QString());
            QCOMPARE(m_server->stop(), 0);
        }
    }

    void listObjectsAndPaging()
    {
        const HttpResponse all = m_http.get(u"/rest/metadata/objects"_s);
        E2E_STATUS(all, 200);
        const QJsonArray objects = all.value(u"data.objects"_s).toArray();
        QVERIFY(objects.size() >= 9);
        QCOMPARE(all.value(u"totalCount"_s).toInt(), objects.size());
        const QJsonObject person = objects.at(1).toObject();
        QVERIFY(person[u"fields"_s].isArray());
        QVERIFY(!person[u"fields"_s].toArray().isEmpty());
        for (const char *key : {"id", "nameSingular", "namePlural", "labelSingular", "labelPlural", "description",
                                "icon", "isCustom", "isActive", "isSystem", "createdAt", "updatedAt",
                                "labelIdentifierFieldMetadataId", "imageIdentifierFieldMetadataId", "fields"}) {
            QVERIFY2(person.contains(QLatin1StringView(key)), key);
        }
        const HttpResponse one = m_http.get(u"/rest/metadata/objects?limit=1"_s);
        E2E_STATUS(one, 200);
        const QString first = one.value(u"data.objects.0.id"_s).toString();
        QCOMPARE(one.value(u"pageInfo.startCursor"_s).toString(), first);
        QCOMPARE(one.value(u"pageInfo.endCursor"_s).toString(), first);
        QCOMPARE(one.value(u"pageInfo.hasNextPage"_s).toBool(), true);
        const HttpResponse second = m_http.get(u"/rest/metadata/objects?limit=1&starting_after="_s + first);
        QCOMPARE(second.value(u"data.objects.0.id"_s).toString(), objects.at(1)[u"id"_s].toString());
        const HttpResponse back = m_http.get(u"/rest/metadata/objects?limit=5&ending_before="_s
                                             + objects.at(1)[u"id"_s].toString());
        QCOMPARE(back.value(u"data.objects"_s).toArray().size(), 1);
        E2E_BAD_REQUEST(m_http.get(u"/rest/metadata/objects?starting_after="_s + first + u"&ending_before="_s + first),
                        u"Only one of 'endingBefore' and 'startingAfter' may be provided"_s);
        const HttpResponse clamped = m_http.get(u"/rest/metadata/fields?limit=5000"_s);
        E2E_STATUS(clamped, 200);
        QCOMPARE(clamped.header("x-vingt-limit-clamped"), QByteArray("1000"));
        E2E_BAD_REQUEST(m_http.get(u"/rest/metadata/objects/not-a-uuid"_s), u"'not-a-uuid' is not a valid UUID"_s);
        E2E_ERROR(m_http.get(u"/rest/metadata/objects/"_s + newUuid()), 404, "NotFoundException",
                  u"Object metadata not found"_s);
        E2E_ERROR(m_http.get(u"/rest/metadata/fields/"_s + newUuid()), 404, "NotFoundException",
                  u"Field metadata not found"_s);
        const HttpResponse object = m_http.get(u"/rest/metadata/objects/"_s + first);
        QCOMPARE(object.value(u"data.object.id"_s).toString(), first);
        const QString fieldId = object.value(u"data.object.fields.0.id"_s).toString();
        QCOMPARE(m_http.get(u"/rest/metadata/fields/"_s + fieldId).value(u"data.field.id"_s).toString(), fieldId);
    }

    void createObjectServesCoreApi()
    {
        const QString name = uniqueTag();
        const QJsonObject created = createObject(name);
        QCOMPARE(created[u"nameSingular"_s].toString(), name);
        QCOMPARE(created[u"isCustom"_s].toBool(), true);
        QStringList fieldNames;
        for (const QJsonValue &f : created[u"fields"_s].toArray())
            fieldNames << f[u"name"_s].toString();
        for (const char *expected : {"id", "name", "createdAt", "updatedAt", "deletedAt", "position", "createdBy",
                                     "updatedBy", "noteTargets", "taskTargets", "attachments"}) {
            QVERIFY2(fieldNames.contains(QLatin1StringView(expected)), expected);
        }
        const HttpResponse record = m_http.post(u"/rest/"_s + name + u"s"_s, QJsonObject{{u"name"_s, u"First"_s}});
        E2E_STATUS(record, 201);
        const QString recordId = record.value(u"data.create"_s + pascal(name) + u".id"_s).toString();
        QVERIFY(!recordId.isEmpty());
        const HttpResponse list = m_http.get(u"/rest/"_s + name + u"s"_s);
        E2E_STATUS(list, 200);
        QCOMPARE(list.value(u"data."_s + name + u"s.0.name"_s).toString(), u"First"_s);
        // The system relation: a note target pointing at the new record.
        const HttpResponse target = m_http.post(u"/rest/noteTargets"_s, QJsonObject{{name + u"Id"_s, recordId}});
        E2E_STATUS(target, 201);
        const QString targetId = target.value(u"data.createNoteTarget.id"_s).toString();

        // Deleting the object drops its table and the join columns pointing to it; the note target stays.
        const QString id = created[u"id"_s].toString();
        E2E_STATUS(m_http.patch(u"/rest/metadata/objects/"_s + id, QJsonObject{{u"isActive"_s, false}}), 200);
        E2E_STATUS(m_http.del(u"/rest/metadata/objects/"_s + id), 200);
        const HttpResponse kept = m_http.get(u"/rest/noteTargets/"_s + targetId);
        E2E_STATUS(kept, 200);
        QVERIFY(!kept.value(u"data.noteTarget"_s).toObject().contains(name + u"Id"_s));
        E2E_BAD_REQUEST(m_http.post(u"/rest/noteTargets"_s, QJsonObject{{name + u"Id"_s, recordId}}),
                        u"Field '%1Id' not found on object 'noteTarget'"_s.arg(name));
    }

    /// Input names of §3.3 that are known but stored or ignored, never an unknown-field error; 405 and unknown
    /// query parameters like the other REST routes.
    void knownInputsMethodsAndParameters()
    {
        const QString name = uniqueTag();
        const HttpResponse created = m_http.post(u"/rest/metadata/objects"_s,
                                                 QJsonObject{{u"nameSingular"_s, name},
                                                             {u"namePlural"_s, name + u"s"_s},
                                                             {u"labelSingular"_s, u"K"_s},
                                                             {u"labelPlural"_s, u"Ks"_s},
                                                             {u"isLabelSyncedWithName"_s, false},
                                                             {u"color"_s, u"red"_s},
                                                             {u"skipNameField"_s, false},
                                                             {u"primaryKeyColumnType"_s, u"UUID"_s},
                                                             {u"shortcut"_s, u"K"_s},
                                                             {u"description"_s, u"Kept"_s}});
        E2E_STATUS(created, 201);
        QCOMPARE(created.value(u"data.createOneObject.description"_s).toString(), u"Kept"_s);
        const QString id = created.value(u"data.createOneObject.id"_s).toString();
        E2E_STATUS(m_http.patch(u"/rest/metadata/objects/"_s + id, QJsonObject{{u"openRecordIn"_s, u"SIDE_PANEL"_s},
                                                                               {u"readability"_s, u"OPEN"_s},
                                                                               {u"translations"_s, QJsonObject()},
                                                                               {u"isSearchable"_s, true},
                                                                               {u"labelPlural"_s, u"Kays"_s}}),
                   200);
        QCOMPARE(m_http.get(u"/rest/metadata/objects/"_s + id).value(u"data.object.labelPlural"_s).toString(),
                 u"Kays"_s);
        E2E_STATUS(createField(id, QJsonObject{{u"type"_s, u"TEXT"_s},
                                               {u"name"_s, u"note"_s},
                                               {u"isUIEditable"_s, true},
                                               {u"isUIReadOnly"_s, false},
                                               {u"isSearchable"_s, true},
                                               {u"isAuditLogged"_s, true}}),
                   201);
        const HttpResponse notAllowed = m_http.del(u"/rest/metadata/objects"_s);
        E2E_STATUS(notAllowed, 405);
        QCOMPARE(notAllowed.header("allow"), QByteArray("GET, POST"));
        E2E_ERROR_CONTAINS(m_http.get(u"/rest/metadata/objects?startingAfter=x"_s), 400,
                           u"Unknown query parameter 'startingAfter'"_s);
        E2E_ERROR_CONTAINS(m_http.get(u"/rest/metadata/fields/"_s + id + u"?limit=1"_s), 400,
                           u"Unknown query parameter 'limit'"_s);
    }

    void fieldTypesRoundTrip_data()
    {
        QTest::addColumn<QJsonObject>("input");
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("TEXT") << QJsonObject{{u"type"_s, u"TEXT"_s}} << QJsonValue(u"hello"_s);
        QTest::newRow("NUMBER") << QJsonObject{{u"type"_s, u"NUMBER"_s}} << QJsonValue(12.5);
        QTest::newRow("NUMBER int") << QJsonObject{{u"type"_s, u"NUMBER"_s},
                                                   {u"settings"_s, QJsonObject{{u"dataType"_s, u"int"_s}}}}
                                    << QJsonValue(42);
        QTest::newRow("NUMERIC") << QJsonObject{{u"type"_s, u"NUMERIC"_s}} << QJsonValue(7);
        QTest::newRow("BOOLEAN") << QJsonObject{{u"type"_s, u"BOOLEAN"_s}, {u"defaultValue"_s, false}}
                                 << QJsonValue(true);
        QTest::newRow("DATE_TIME") << QJsonObject{{u"type"_s, u"DATE_TIME"_s}}
                                   << QJsonValue(u"2024-05-01T10:00:00.000Z"_s);
        QTest::newRow("DATE") << QJsonObject{{u"type"_s, u"DATE"_s}} << QJsonValue(u"2024-05-01"_s);
        QTest::newRow("UUID") << QJsonObject{{u"type"_s, u"UUID"_s}}
                              << QJsonValue(u"5f0c2a5e-4a4b-4c4d-8e8f-0a1b2c3d4e5f"_s);
        const QJsonArray options{QJsonObject{{u"value"_s, u"NEW"_s}, {u"label"_s, u"New"_s}, {u"color"_s, u"green"_s}},
                                 QJsonObject{{u"value"_s, u"DONE"_s}, {u"label"_s, u"Done"_s}, {u"color"_s, u"red"_s}}};
        QTest::newRow("SELECT") << QJsonObject{{u"type"_s, u"SELECT"_s},
                                               {u"options"_s, options},
                                               {u"defaultValue"_s, u"'NEW'"_s}}
                                << QJsonValue(u"DONE"_s);
        QTest::newRow("MULTI_SELECT") << QJsonObject{{u"type"_s, u"MULTI_SELECT"_s}, {u"options"_s, options}}
                                      << QJsonValue(QJsonArray{u"NEW"_s, u"DONE"_s});
        QTest::newRow("RATING") << QJsonObject{{u"type"_s, u"RATING"_s}} << QJsonValue(u"RATING_3"_s);
        QTest::newRow("RAW_JSON") << QJsonObject{{u"type"_s, u"RAW_JSON"_s}} << QJsonValue(QJsonObject{{u"a"_s, 1}});
        QTest::newRow("ARRAY") << QJsonObject{{u"type"_s, u"ARRAY"_s}} << QJsonValue(QJsonArray{u"x"_s, u"y"_s});
        QTest::newRow("CURRENCY") << QJsonObject{{u"type"_s, u"CURRENCY"_s}}
                                  << QJsonValue(
                                         QJsonObject{{u"amountMicros"_s, 1500000}, {u"currencyCode"_s, u"EUR"_s}});
        QTest::newRow("FULL_NAME") << QJsonObject{{u"type"_s, u"FULL_NAME"_s}}
                                   << QJsonValue(QJsonObject{{u"firstName"_s, u"Ada"_s}, {u"lastName"_s, u"L"_s}});
        QTest::newRow("EMAILS") << QJsonObject{{u"type"_s, u"EMAILS"_s}}
                                << QJsonValue(QJsonObject{{u"primaryEmail"_s, u"a@b.c"_s},
                                                          {u"additionalEmails"_s, QJsonArray{u"d@e.f"_s}}});
        QTest::newRow("LINKS") << QJsonObject{{u"type"_s, u"LINKS"_s}}
                               << QJsonValue(QJsonObject{{u"primaryLinkUrl"_s, u"https://example.com"_s},
                                                         {u"primaryLinkLabel"_s, u"Ex"_s}});
        QTest::newRow("PHONES") << QJsonObject{{u"type"_s, u"PHONES"_s}}
                                << QJsonValue(QJsonObject{{u"primaryPhoneNumber"_s, u"612345678"_s},
                                                          {u"primaryPhoneCountryCode"_s, u"FR"_s},
                                                          {u"primaryPhoneCallingCode"_s, u"+33"_s}});
        QTest::newRow("ADDRESS") << QJsonObject{{u"type"_s, u"ADDRESS"_s}}
                                 << QJsonValue(QJsonObject{{u"addressCity"_s, u"Paris"_s}});
        QTest::newRow("RICH_TEXT_V2") << QJsonObject{{u"type"_s, u"RICH_TEXT_V2"_s}}
                                      << QJsonValue(QJsonObject{{u"markdown"_s, u"# hi"_s}});
    }
    void fieldTypesRoundTrip()
    {
        QFETCH(QJsonObject, input);
        QFETCH(QJsonValue, value);
        const QString object = uniqueTag();
        const QString objectMetadataId = createObject(object)[u"id"_s].toString();
        QVERIFY(!objectMetadataId.isEmpty());
        input.insert(u"name"_s, u"probe"_s);
        const HttpResponse created = createField(objectMetadataId, input);
        E2E_STATUS(created, 201);
        QCOMPARE(created.value(u"data.createOneField.type"_s).toString(), input[u"type"_s].toString());
        const QString fieldId = created.value(u"data.createOneField.id"_s).toString();
        QCOMPARE(m_http.get(u"/rest/metadata/fields/"_s + fieldId).value(u"data.field.name"_s).toString(), u"probe"_s);

        const HttpResponse record = m_http.post(u"/rest/"_s + object + u"s"_s, QJsonObject{{u"probe"_s, value}});
        E2E_STATUS(record, 201);
        const QString id = record.value(u"data.create"_s + pascal(object) + u".id"_s).toString();
        const HttpResponse read = m_http.get(u"/rest/"_s + object + u"s/"_s + id);
        E2E_STATUS(read, 200);
        const QJsonValue got = read.value(u"data."_s + object + u".probe"_s);
        if (value.isObject()) {
            const QJsonObject expected = value.toObject();
            for (auto it = expected.begin(); it != expected.end(); ++it)
                QCOMPARE(got.toObject().value(it.key()), it.value());
        } else if (value.isDouble()) {
            QCOMPARE(got.toDouble(), value.toDouble());
        } else {
            QCOMPARE(got, value);
        }
    }

    void relationsBothDirections()
    {
        const QString owner = uniqueTag();
        const QString pet = uniqueTag();
        const QString ownerId = createObject(owner)[u"id"_s].toString();
        const QString petId = createObject(pet)[u"id"_s].toString();
        const HttpResponse relation = createField(
            petId, QJsonObject{{u"type"_s, u"RELATION"_s},
                               {u"name"_s, u"owner"_s},
                               {u"label"_s, u"Owner"_s},
                               {u"settings"_s, QJsonObject{{u"onDelete"_s, u"CASCADE"_s}}},
                               {u"relationCreationPayload"_s, QJsonObject{{u"targetObjectMetadataId"_s, ownerId},
                                                                          {u"targetFieldLabel"_s, u"Pets"_s},
                                                                          {u"targetFieldIcon"_s, u"IconDog"_s},
                                                                          {u"type"_s, u"MANY_TO_ONE"_s}}}});
        E2E_STATUS(relation, 201);
        QCOMPARE(relation.value(u"data.createOneField.relation.type"_s).toString(), u"MANY_TO_ONE"_s);
        QCOMPARE(relation.value(u"data.createOneField.relation.targetFieldMetadata.name"_s).toString(), u"pets"_s);
        QCOMPARE(relation.value(u"data.createOneField.relation.targetObjectMetadata.id"_s).toString(), ownerId);

        const HttpResponse o = m_http.post(u"/rest/"_s + owner + u"s"_s, QJsonObject{{u"name"_s, u"Alice"_s}});
        const QString aliceId = o.value(u"data.create"_s + pascal(owner) + u".id"_s).toString();
        const HttpResponse p = m_http.post(u"/rest/"_s + pet + u"s"_s,
                                           QJsonObject{{u"name"_s, u"Rex"_s}, {u"ownerId"_s, aliceId}});
        E2E_STATUS(p, 201);
        const QString rexId = p.value(u"data.create"_s + pascal(pet) + u".id"_s).toString();
        const HttpResponse petRead = m_http.get(u"/rest/"_s + pet + u"s/"_s + rexId + u"?depth=1"_s);
        QCOMPARE(petRead.value(u"data."_s + pet + u".owner.name"_s).toString(), u"Alice"_s);
        const HttpResponse ownerRead = m_http.get(u"/rest/"_s + owner + u"s/"_s + aliceId + u"?depth=1"_s);
        QCOMPARE(ownerRead.value(u"data."_s + owner + u".pets.0.name"_s).toString(), u"Rex"_s);

        // onDelete CASCADE: destroying the owner removes the pet.
        E2E_STATUS(m_http.del(u"/rest/"_s + owner + u"s/"_s + aliceId), 200);
        E2E_STATUS(m_http.get(u"/rest/"_s + pet + u"s/"_s + rexId), 404);

        // ONE_TO_MANY from the other side.
        const HttpResponse many = createField(
            ownerId, QJsonObject{{u"type"_s, u"RELATION"_s},
                                 {u"name"_s, u"favouritePets"_s},
                                 {u"label"_s, u"Favourite pets"_s},
                                 {u"relationCreationPayload"_s, QJsonObject{{u"targetObjectMetadataId"_s, petId},
                                                                            {u"targetFieldLabel"_s, u"Favourite of"_s},
                                                                            {u"type"_s, u"ONE_TO_MANY"_s}}}});
        E2E_STATUS(many, 201);
        const HttpResponse bob = m_http.post(u"/rest/"_s + owner + u"s"_s, QJsonObject{{u"name"_s, u"Bob"_s}});
        const QString bobId = bob.value(u"data.create"_s + pascal(owner) + u".id"_s).toString();
        E2E_STATUS(m_http.post(u"/rest/"_s + pet + u"s"_s, QJsonObject{{u"favouriteOfId"_s, bobId}}), 201);
        const HttpResponse bobRead = m_http.get(u"/rest/"_s + owner + u"s/"_s + bobId + u"?depth=1"_s);
        QCOMPARE(bobRead.value(u"data."_s + owner + u".favouritePets"_s).toArray().size(), 1);

        // Deleting a relation field deletes both sides and the join column.
        const QString relationId = relation.value(u"data.createOneField.id"_s).toString();
        const QString inverseId = relation.value(u"data.createOneField.relation.targetFieldMetadata.id"_s).toString();
        E2E_STATUS(m_http.del(u"/rest/metadata/fields/"_s + relationId), 200);
        E2E_STATUS(m_http.get(u"/rest/metadata/fields/"_s + inverseId), 404);
        E2E_BAD_REQUEST(m_http.post(u"/rest/"_s + pet + u"s"_s, QJsonObject{{u"ownerId"_s, bobId}}),
                        u"Field 'ownerId' not found on object '%1'"_s.arg(pet));
    }

    void renameDeactivateDelete()
    {
        const QString name = uniqueTag();
        const QString id = createObject(name)[u"id"_s].toString();
        E2E_STATUS(m_http.post(u"/rest/"_s + name + u"s"_s, QJsonObject{{u"name"_s, u"kept"_s}}), 201);
        const QString renamed = uniqueTag();
        const HttpResponse update = m_http.patch(
            u"/rest/metadata/objects/"_s + id,
            QJsonObject{{u"nameSingular"_s, renamed}, {u"namePlural"_s, renamed + u"s"_s}});
        E2E_STATUS(update, 200);
        QCOMPARE(update.value(u"data.updateOneObject.nameSingular"_s).toString(), renamed);
        const HttpResponse moved = m_http.get(u"/rest/"_s + renamed + u"s"_s);
        E2E_STATUS(moved, 200);
        QCOMPARE(moved.value(u"data."_s + renamed + u"s.0.name"_s).toString(), u"kept"_s);
        E2E_STATUS(m_http.get(u"/rest/"_s + name + u"s"_s), 400);

        E2E_BAD_REQUEST(m_http.del(u"/rest/metadata/objects/"_s + id),
                        u"Object '%1' must be deactivated before it can be deleted"_s.arg(renamed));
        E2E_STATUS(m_http.put(u"/rest/metadata/objects/"_s + id, QJsonObject{{u"isActive"_s, false}}), 200);
        E2E_STATUS(m_http.get(u"/rest/"_s + renamed + u"s"_s), 400);
        const HttpResponse removed = m_http.del(u"/rest/metadata/objects/"_s + id);
        E2E_STATUS(removed, 200);
        QCOMPARE(removed.value(u"data.deleteOneObject.id"_s).toString(), id);
        E2E_STATUS(m_http.get(u"/rest/metadata/objects/"_s + id), 404);

        const QString opportunity = objectId(u"opportunity"_s);
        E2E_BAD_REQUEST(m_http.del(u"/rest/metadata/objects/"_s + opportunity),
                        u"The standard object 'opportunity' cannot be deleted; deactivate it instead"_s);
    }

    void fieldRules()
    {
        const QString name = uniqueTag();
        const QJsonObject object = createObject(name);
        const QString id = object[u"id"_s].toString();
        QString nameFieldId;
        QString noteTargetsId;
        for (const QJsonValue &f : object[u"fields"_s].toArray()) {
            if (f[u"name"_s].toString() == "name"_L1)
                nameFieldId = f[u"id"_s].toString();
            if (f[u"name"_s].toString() == "noteTargets"_L1)
                noteTargetsId = f[u"id"_s].toString();
        }
        E2E_ERROR_CONTAINS(m_http.del(u"/rest/metadata/fields/"_s + nameFieldId), 400, u"cannot be deleted"_s);
        E2E_ERROR_CONTAINS(m_http.del(u"/rest/metadata/fields/"_s + noteTargetsId), 400, u"cannot be deleted"_s);
        const HttpResponse text = createField(id, QJsonObject{{u"type"_s, u"TEXT"_s}, {u"name"_s, u"nickname"_s}});
        E2E_STATUS(text, 201);
        const QString textId = text.value(u"data.createOneField.id"_s).toString();
        E2E_ERROR_CONTAINS(m_http.patch(u"/rest/metadata/fields/"_s + textId, QJsonObject{{u"type"_s, u"NUMBER"_s}}),
                           400, u"cannot be changed from TEXT to NUMBER"_s);
        // Rename a field: the Core API follows at once.
        E2E_STATUS(m_http.post(u"/rest/"_s + name + u"s"_s, QJsonObject{{u"nickname"_s, u"Bo"_s}}), 201);
        E2E_STATUS(m_http.patch(u"/rest/metadata/fields/"_s + textId, QJsonObject{{u"name"_s, u"alias"_s}}), 200);
        QCOMPARE(m_http.get(u"/rest/"_s + name + u"s"_s).value(u"data."_s + name + u"s.0.alias"_s).toString(), u"Bo"_s);
        // Deactivate hides it from records; delete drops it.
        E2E_STATUS(m_http.patch(u"/rest/metadata/fields/"_s + textId, QJsonObject{{u"isActive"_s, false}}), 200);
        QVERIFY(
            !m_http.get(u"/rest/"_s + name + u"s"_s).value(u"data."_s + name + u"s.0"_s).toObject().contains(u"alias"_s));
        E2E_STATUS(m_http.del(u"/rest/metadata/fields/"_s + textId), 200);
        E2E_STATUS(m_http.get(u"/rest/metadata/fields/"_s + textId), 404);
        E2E_STATUS(m_http.get(u"/rest/"_s + name + u"s"_s), 200);
    }

    void invalidInput_data()
    {
        QTest::addColumn<bool>("object");
        QTest::addColumn<QJsonObject>("input");
        QTest::addColumn<QString>("fragment");
        auto obj = [](const QString &singular, const QString &plural) {
            return QJsonObject{{u"nameSingular"_s, singular},
                               {u"namePlural"_s, plural},
                               {u"labelSingular"_s, u"L"_s},
                               {u"labelPlural"_s, u"Ls"_s}};
        };
        QTest::newRow("object bad name") << true << obj(u"Bad-Name"_s, u"badNames"_s) << u"not a valid name"_s;
        QTest::newRow("object empty name") << true << obj(u""_s, u"xs"_s) << u"must not be empty"_s;
        QTest::newRow("object reserved") << true << obj(u"user"_s, u"users"_s) << u"This name is reserved"_s;
        QTest::newRow("object same singular plural") << true << obj(u"sheep"_s, u"sheep"_s) << u"must differ"_s;
        QTest::newRow("object duplicate") << true << obj(u"person"_s, u"persons"_s) << u"already exists"_s;
        QTest::newRow("object apiKey") << true << obj(u"apiKey"_s, u"apiKeyz"_s) << u"reserved"_s;
        QTest::newRow("object too long") << true << obj(u"a"_s + QString(63, u'b'), u"cs"_s) << u"too long"_s;
        QJsonObject unknown = obj(u"zebra"_s, u"zebras"_s);
        unknown.insert(u"foo"_s, 1);
        QTest::newRow("object unknown input") << true << unknown << u"Field 'foo' not found on CreateObjectInput"_s;
        QJsonObject noLabel = obj(u"yak"_s, u"yaks"_s);
        noLabel.remove(u"labelSingular"_s);
        QTest::newRow("object missing label") << true << noLabel << u"'labelSingular'"_s;

        auto field = [](const QString &type, const QString &name) {
            return QJsonObject{{u"type"_s, type}, {u"name"_s, name}, {u"label"_s, u"L"_s}};
        };
        QTest::newRow("field bad type") << false << field(u"FOO"_s, u"x"_s) << u"not a valid field type"_s;
        QTest::newRow("field bad name") << false << field(u"TEXT"_s, u"1x"_s) << u"not a valid name"_s;
        QTest::newRow("field reserved") << false << field(u"TEXT"_s, u"and"_s) << u"is not available"_s;
        QTest::newRow("field duplicate") << false << field(u"TEXT"_s, u"name"_s) << u"already exists"_s;
        QTest::newRow("field column clash") << false << field(u"TEXT"_s, u"createdByName"_s) << u"not available"_s;
        QTest::newRow("select without options") << false << field(u"SELECT"_s, u"s"_s) << u"non-empty array"_s;
        auto withOptions = [&](const QJsonArray &options, const QJsonValue &defaultValue = QJsonValue()) {
            QJsonObject f = field(u"SELECT"_s, u"stage"_s);
            f.insert(u"options"_s, options);
            if (!defaultValue.isUndefined())
                f.insert(u"defaultValue"_s, defaultValue);
            return f;
        };
        const QJsonObject a{{u"value"_s, u"A"_s}, {u"label"_s, u"A"_s}};
        QTest::newRow("option lowercase value")
            << false << withOptions({QJsonObject{{u"value"_s, u"a"_s}, {u"label"_s, u"A"_s}}}) << u"UPPER_SNAKE_CASE"_s;
        QTest::newRow("option label comma")
            << false << withOptions({QJsonObject{{u"value"_s, u"A"_s}, {u"label"_s, u"A,B"_s}}}) << u"no comma"_s;
        QTest::newRow("option duplicate value") << false << withOptions({a, a}) << u"used twice"_s;
        QTest::newRow("option bad id") << false
                                       << withOptions({QJsonObject{
                                              {u"id"_s, u"x"_s}, {u"value"_s, u"A"_s}, {u"label"_s, u"A"_s}}})
                                       << u"must be a UUID"_s;
        QTest::newRow("default not an option") << false << withOptions({a}, u"'B'"_s) << u"is not one of its options"_s;
        QJsonObject badNumber = field(u"NUMBER"_s, u"n"_s);
        badNumber.insert(u"defaultValue"_s, u"x"_s);
        QTest::newRow("number default") << false << badNumber << u"must be a number"_s;
        QJsonObject badBool = field(u"BOOLEAN"_s, u"b"_s);
        badBool.insert(u"defaultValue"_s, 1);
        QTest::newRow("boolean default") << false << badBool << u"true or false"_s;
        QJsonObject badSettings = field(u"NUMBER"_s, u"m"_s);
        badSettings.insert(u"settings"_s, QJsonObject{{u"dataType"_s, u"double"_s}});
        QTest::newRow("number settings") << false << badSettings << u"dataType"_s;
        QTest::newRow("relation without payload")
            << false << field(u"RELATION"_s, u"r"_s) << u"relationCreationPayload"_s;
        QJsonObject badRelation = field(u"RELATION"_s, u"r"_s);
        badRelation.insert(u"relationCreationPayload"_s,
                           QJsonObject{{u"targetObjectMetadataId"_s, u"00000000-0000-4000-8000-000000000000"_s},
                                       {u"targetFieldLabel"_s, u"Rs"_s},
                                       {u"type"_s, u"MANY_TO_ONE"_s}});
        QTest::newRow("relation unknown target") << false << badRelation << u"not found"_s;
        QJsonObject badRelationType = field(u"RELATION"_s, u"r"_s);
        badRelationType.insert(u"relationCreationPayload"_s, QJsonObject{{u"type"_s, u"MANY_TO_MANY"_s}});
        QTest::newRow("relation bad type") << false << badRelationType << u"MANY_TO_ONE or ONE_TO_MANY"_s;
        QJsonObject unknownField = field(u"TEXT"_s, u"u"_s);
        unknownField.insert(u"bar"_s, true);
        QTest::newRow("field unknown input") << false << unknownField << u"Field 'bar' not found on CreateFieldInput"_s;
        QJsonObject optionsOnText = field(u"TEXT"_s, u"t"_s);
        optionsOnText.insert(u"options"_s, QJsonArray{a});
        QTest::newRow("options on text") << false << optionsOnText << u"takes no options"_s;
    }
    void invalidInput()
    {
        QFETCH(bool, object);
        QFETCH(QJsonObject, input);
        QFETCH(QString, fragment);
        const QString before = QString::fromUtf8(m_http.get(u"/rest/metadata/objects"_s).body);
        HttpResponse response;
        if (object) {
            response = m_http.post(u"/rest/metadata/objects"_s, input);
        } else {
            static QString target;
            if (target.isEmpty())
                target = createObject(uniqueTag())[u"id"_s].toString();
            response = createField(target, input);
        }
        E2E_ERROR_CONTAINS(response, 400, fragment);
        if (object)
            QCOMPARE(QString::fromUtf8(m_http.get(u"/rest/metadata/objects"_s).body), before);
    }

    /// §3, 6.3: reads need any key, changes the DATA_MODEL flag.
    void dataModelFlag()
    {
        QString roleId;
        HttpClient restricted = clientWithNewRole(m_http, roleId);
        QVERIFY(!roleId.isEmpty());
        E2E_STATUS(restricted.get(u"/rest/metadata/objects"_s), 200);
        const QString name = uniqueTag();
        const QJsonObject input{{u"nameSingular"_s, name},
                                {u"namePlural"_s, name + u"s"_s},
                                {u"labelSingular"_s, u"A"_s},
                                {u"labelPlural"_s, u"As"_s}};
        E2E_ERROR(restricted.post(u"/rest/metadata/objects"_s, input), 403, "ForbiddenException",
                  u"Entity performing the request does not have permission"_s);
        E2E_STATUS(restricted.patch(u"/rest/metadata/objects/"_s + objectId(u"person"_s),
                                    QJsonObject{{u"labelSingular"_s, u"Human"_s}}),
                   403);
        E2E_STATUS(m_http.put(u"/rest/metadata/roles/%1/permissionFlags"_s.arg(roleId),
                              QJsonObject{{u"permissionFlagKeys"_s, QJsonArray{u"DATA_MODEL"_s}}}),
                   200);
        E2E_STATUS(restricted.post(u"/rest/metadata/objects"_s, input), 201);
    }

    /// A change that fails in the database (a unique index over duplicate values) leaves everything as it was.
    void failedChangeLeavesNoTrace()
    {
        const QString name = uniqueTag();
        const QString id = createObject(name)[u"id"_s].toString();
        const HttpResponse field = createField(id, QJsonObject{{u"type"_s, u"TEXT"_s}, {u"name"_s, u"code"_s}});
        const QString fieldId = field.value(u"data.createOneField.id"_s).toString();
        for (int i = 0; i < 2; ++i)
            E2E_STATUS(m_http.post(u"/rest/"_s + name + u"s"_s, QJsonObject{{u"code"_s, u"SAME"_s}}), 201);
        const QByteArray before = m_http.get(u"/rest/metadata/objects/"_s + id).body;
        E2E_ERROR_CONTAINS(m_http.patch(u"/rest/metadata/fields/"_s + fieldId,
                                        QJsonObject{{u"isUnique"_s, true}, {u"label"_s, u"Changed"_s}}),
                           400, u"duplicate values"_s);
        QCOMPARE(m_http.get(u"/rest/metadata/objects/"_s + id).body, before);
        const HttpResponse records = m_http.get(u"/rest/"_s + name + u"s"_s);
        QCOMPARE(records.value(u"totalCount"_s).toInt(), 2);
        // The next change works: nothing was left half done.
        E2E_STATUS(createField(id, QJsonObject{{u"type"_s, u"TEXT"_s}, {u"name"_s, u"other"_s}}), 201);
        E2E_STATUS(m_http.patch(u"/rest/metadata/fields/"_s + fieldId, QJsonObject{{u"label"_s, u"Changed"_s}}), 200);
    }

    void hundredFieldsInARow()
    {
        const QString name = uniqueTag();
        const QString id = createObject(name)[u"id"_s].toString();
        for (int i = 0; i < 100; ++i) {
            const HttpResponse r = createField(
                id, QJsonObject{{u"type"_s, i % 2 ? u"NUMBER"_s : u"TEXT"_s}, {u"name"_s, u"f%1"_s.arg(i)}});
            E2E_STATUS(r, 201);
        }
        QJsonObject record;
        for (int i = 0; i < 100; ++i)
            record.insert(u"f%1"_s.arg(i), i % 2 ? QJsonValue(i) : QJsonValue(QString::number(i)));
        const HttpResponse created = m_http.post(u"/rest/"_s + name + u"s"_s, record);
        E2E_STATUS(created, 201);
        const HttpResponse object = m_http.get(u"/rest/metadata/objects/"_s + id);
        QCOMPARE(object.value(u"data.object.fields"_s).toArray().size(), 111);
    }

    void concurrentChanges()
    {
        const QString name = uniqueTag();
        const QString id = createObject(name)[u"id"_s].toString();
        std::atomic<int> failures{0};
        auto worker = [&](int client) {
            HttpClient http(m_server->baseUrl(), m_server->token());
            for (int i = 0; i < 10; ++i) {
                QJsonObject input{{u"objectMetadataId"_s, id},
                                  {u"type"_s, u"TEXT"_s},
                                  {u"label"_s, u"C"_s},
                                  {u"name"_s, u"c%1x%2"_s.arg(client).arg(i)}};
                if (http.post(u"/rest/metadata/fields"_s, input).status != 201)
                    ++failures;
                // Records keep being served while the model changes.
                if (http.get(u"/rest/"_s + name + u"s"_s).status != 200)
                    ++failures;
            }
            // Both clients try the same name: exactly one wins.
            const int status = http.post(u"/rest/metadata/fields"_s, QJsonObject{{u"objectMetadataId"_s, id},
                                                                                 {u"type"_s, u"TEXT"_s},
                                                                                 {u"label"_s, u"S"_s},
                                                                                 {u"name"_s, u"shared"_s}})
                                   .status;
            if (status != 201 && status != 400)
                ++failures;
        };
        std::unique_ptr<QThread> a(QThread::create(worker, 1));
        std::unique_ptr<QThread> b(QThread::create(worker, 2));
        a->start();
        b->start();
        QVERIFY(a->wait(120000));
        QVERIFY(b->wait(120000));
        QCOMPARE(failures.load(), 0);
        const QJsonArray fields = m_http.get(u"/rest/metadata/objects/"_s + id).value(u"data.object.fields"_s).toArray();
        QStringList names;
        for (const QJsonValue &f : fields)
            names << f[u"name"_s].toString();
        QCOMPARE(names.count(u"shared"_s), 1);
        for (int client = 1; client <= 2; ++client) {
            for (int i = 0; i < 10; ++i)
                QVERIFY(names.contains(u"c%1x%2"_s.arg(client).arg(i)));
        }
        QJsonObject record;
        for (int client = 1; client <= 2; ++client) {
            for (int i = 0; i < 10; ++i)
                record.insert(u"c%1x%2"_s.arg(client).arg(i), u"v"_s);
        }
        record.insert(u"shared"_s, u"s"_s);
        E2E_STATUS(m_http.post(u"/rest/"_s + name + u"s"_s, record), 201);
    }

    void cliExportImport()
    {
        const QString name = uniqueTag();
        const QString id = createObject(name)[u"id"_s].toString();
        E2E_STATUS(createField(id, QJsonObject{{u"type"_s, u"RATING"_s}, {u"name"_s, u"score"_s}}), 201);
        E2E_STATUS(createField(id, QJsonObject{{u"type"_s, u"RELATION"_s},
                                               {u"name"_s, u"company"_s},
                                               {u"label"_s, u"Company"_s},
                                               {u"relationCreationPayload"_s,
                                                QJsonObject{{u"targetObjectMetadataId"_s, objectId(u"company"_s)},
                                                            {u"targetFieldLabel"_s, u"Things"_s + name},
                                                            {u"type"_s, u"MANY_TO_ONE"_s}}}}),
                   201);
        const QString file = m_server->dataDir() + u"/model-export.json"_s;
        const CliResult exported = m_server->runCliOnData({u"model"_s, u"export"_s, u"--output"_s, file});
        QVERIFY2(exported.exitCode == 0, exported.err.constData());

        ServerProcess other;
        QVERIFY2(other.start(), qPrintable(other.errorString()));
        other.stop();
        const CliResult imported = other.runCliOnData({u"model"_s, u"import"_s, file});
        QVERIFY2(imported.exitCode == 0, imported.err.constData());
        QVERIFY(other.start());
        HttpClient http(other.baseUrl(), other.token());
        const HttpResponse record = http.post(u"/rest/"_s + name + u"s"_s, QJsonObject{{u"score"_s, u"RATING_2"_s}});
        E2E_STATUS(record, 201);
        const HttpResponse companies = http.get(u"/rest/metadata/objects"_s);
        bool inverse = false;
        for (const QJsonValue &o : companies.value(u"data.objects"_s).toArray()) {
            if (o[u"nameSingular"_s].toString() != "company"_L1)
                continue;
            for (const QJsonValue &f : o[u"fields"_s].toArray())
                inverse = inverse || f[u"name"_s].toString() == u"things"_s + name;
        }
        QVERIFY(inverse);
        QCOMPARE(other.stop(), 0);
    }

    /// The snapshot published after each change is the one a restart loads from the database.
    void modelSurvivesRestart()
    {
        const QByteArray before = m_http.get(u"/rest/metadata/objects"_s).body;
        QCOMPARE(m_server->stop(), 0);
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
        m_http = HttpClient(m_server->baseUrl(), m_server->token());
        const QByteArray after = m_http.get(u"/rest/metadata/objects"_s).body;
        QCOMPARE(QJsonDocument::fromJson(after), QJsonDocument::fromJson(before));
    }

private:
    static QString pascal(QString s)
    {
        s[0] = s[0].toUpper();
        return s;
    }
};

QTEST_GUILESS_MAIN(TstMetadataRest)
#include "tst_metadata_rest.moc"
