#include "model/datamodel.h"
#include "model/ddl.h"
#include "model/standardobjects.h"
#include "storage/sqldialect.h"

#include <QTest>

using namespace vingt;
using namespace Qt::StringLiterals;

/// The DDL is rendered as text and checked exactly (sqlitebrowser style).
class TstDdl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void customObjectTable()
    {
        ObjectMetadata parent;
        parent.id = u"p"_s;
        parent.nameSingular = u"parent"_s;
        parent.namePlural = u"parents"_s;
        addSystemFields(parent, false, false);

        ObjectMetadata invoice;
        invoice.id = u"i"_s;
        invoice.nameSingular = u"invoice"_s;
        invoice.namePlural = u"invoices"_s;
        addSystemFields(invoice, true, false);
        FieldMetadata number;
        number.id = u"f1"_s;
        number.name = u"number"_s;
        number.type = FieldType::Text;
        number.isUnique = true;
        invoice.fields.push_back(number);
        FieldMetadata amount;
        amount.id = u"f2"_s;
        amount.name = u"amount"_s;
        amount.type = FieldType::Currency;
        invoice.fields.push_back(amount);
        addRelation(invoice, u"parent"_s, u"Parent"_s, parent, u"invoices"_s, u"Invoices"_s, OnDelete::Cascade);
        invoice.labelIdentifierFieldMetadataId = u"f1"_s;

        const DataModel model(1, {parent, invoice});
        const QStringList sql = Ddl::createTable(*model.objectBySingular(u"invoice"_s), model, SqliteDialect());
        QCOMPARE(sql.value(0),
                 uR"(CREATE TABLE "invoice" ("id" TEXT PRIMARY KEY NOT NULL, "createdAt" TEXT NOT NULL, )"
                 uR"("updatedAt" TEXT NOT NULL, "deletedAt" TEXT, "position" REAL, "number" TEXT DEFAULT '', )"
                 uR"("amountAmountMicros" INTEGER, "amountCurrencyCode" TEXT, )"
                 uR"("parentId" TEXT REFERENCES "parent"("id") ON DELETE CASCADE))"_s);
        QVERIFY(sql.contains(
            uR"(CREATE INDEX "IDX_invoice_deletedAt" ON "invoice" ("deletedAt") WHERE "deletedAt" IS NOT NULL)"_s));
        QVERIFY(sql.contains(uR"(CREATE INDEX "IDX_invoice_live" ON "invoice" ("id") WHERE "deletedAt" IS NULL)"_s));
        QVERIFY(sql.contains(
            uR"(CREATE INDEX "IDX_invoice_number" ON "invoice" ("number", "id") WHERE "deletedAt" IS NULL)"_s));
        QVERIFY(sql.contains(
            uR"(CREATE INDEX "IDX_invoice_position" ON "invoice" ("position", "id") WHERE "deletedAt" IS NULL)"_s));
        QVERIFY(sql.contains(uR"(CREATE INDEX "IDX_invoice_parentId" ON "invoice" ("parentId"))"_s));
        QVERIFY(sql.contains(uR"(CREATE UNIQUE INDEX "UQ_invoice_number" ON "invoice" ("number") )"
                             uR"(WHERE "deletedAt" IS NULL AND "number" <> '')"_s));
    }

    void uniqueColumnOfComposite()
    {
        const DataModel model(1, standardObjects());
        const ObjectMetadata &person = *model.objectBySingular(u"person"_s);
        QCOMPARE(Ddl::uniqueColumn(person, *person.field(u"emails"_s)), u"emailsPrimaryEmail"_s);
        QCOMPARE(Ddl::uniqueColumn(person, *person.field(u"city"_s)), QString());
    }

    /// migrate(): ADD COLUMN for a new field, RENAME for renamed fields and tables, the rebuild for a dropped
    /// column, DROP TABLE for a removed object.
    void migrateStatements()
    {
        const std::vector<ObjectMetadata> objects = standardObjects();
        const DataModel before(1, objects);
        const ObjectMetadata &person = *before.objectBySingular(u"person"_s);
        const Ddl::IndexNames existing{{u"person"_s, {u"IDX_person_createdAt"_s, u"IDX_person_live"_s}}};

        // Add a TEXT field: one ADD COLUMN, no index work.
        std::vector<ObjectMetadata> added = objects;
        FieldMetadata nickname;
        nickname.id = u"nick"_s;
        nickname.objectMetadataId = person.id;
        nickname.name = u"nickname"_s;
        nickname.type = FieldType::Text;
        for (auto &o : added) {
            if (o.id == person.id)
                o.fields.push_back(nickname);
        }
        const DataModel withNickname(2, added);
        const QStringList add = Ddl::migrate(before, withNickname, SqliteDialect(), existing);
        QVERIFY(add.contains(uR"(ALTER TABLE "person" ADD COLUMN "nickname" TEXT DEFAULT '')"_s));
        QVERIFY(!add.join(u'\n').contains(u"DROP"_s));
        QVERIFY(!add.join(u'\n').contains(u"CREATE TABLE"_s));

        // Rename it: RENAME COLUMN, indexes recreated.
        std::vector<ObjectMetadata> renamed = added;
        for (auto &o : renamed) {
            for (auto &f : o.fields) {
                if (f.id == u"nick"_s)
                    f.name = u"alias"_s;
            }
        }
        const QStringList rename = Ddl::migrate(withNickname, DataModel(3, renamed), SqliteDialect(), existing);
        QVERIFY(rename.contains(uR"(ALTER TABLE "person" RENAME COLUMN "nickname" TO "alias")"_s));
        QVERIFY(rename.contains(uR"(DROP INDEX "IDX_person_createdAt")"_s));

        // Drop it again: the documented rebuild.
        const QStringList drop = Ddl::migrate(withNickname, before, SqliteDialect(), existing).filter(u"person"_s);
        QVERIFY(drop.value(0).startsWith(uR"(CREATE TABLE "__vingt_rebuild_person" ()"_s));
        QVERIFY(!drop.value(0).contains(u"nickname"_s));
        QVERIFY(drop.value(1).startsWith(uR"(INSERT INTO "__vingt_rebuild_person" ("id")"_s));
        QVERIFY(drop.contains(uR"(DROP TABLE "person")"_s));
        QVERIFY(drop.contains(uR"(ALTER TABLE "__vingt_rebuild_person" RENAME TO "person")"_s));
        QVERIFY(drop.contains(uR"(CREATE INDEX "IDX_person_live" ON "person" ("id") WHERE "deletedAt" IS NULL)"_s));

        // Rename the object: RENAME TABLE.
        std::vector<ObjectMetadata> movedObjects = objects;
        for (auto &o : movedObjects) {
            if (o.id == person.id)
                o.nameSingular = u"human"_s;
        }
        const QStringList moved = Ddl::migrate(before, DataModel(2, movedObjects), SqliteDialect(), existing);
        QVERIFY(moved.contains(uR"(ALTER TABLE "person" RENAME TO "human")"_s));
        QVERIFY(moved.contains(uR"(CREATE INDEX "IDX_human_live" ON "human" ("id") WHERE "deletedAt" IS NULL)"_s));

        // Nothing changed: nothing to do.
        QVERIFY(Ddl::migrate(before, DataModel(2, objects), SqliteDialect(), {{u"person"_s, {}}})
                    .filter(u"person"_s)
                    .filter(u"TABLE"_s)
                    .isEmpty());
    }

    /// PostgreSQL: tables first and foreign keys after (a referenced table must exist), ALTER TABLE instead of the
    /// rebuild for a dropped column and for a changed type.
    void migratePostgres()
    {
        const PostgresDialect pg;
        const std::vector<ObjectMetadata> objects = standardObjects();
        const DataModel before(1, objects);
        const ObjectMetadata &person = *before.objectBySingular(u"person"_s);
        const QString create = Ddl::createTable(person, before, pg).value(0);
        QVERIFY2(create.contains(uR"("companyId" TEXT)"_s), qPrintable(create));
        QVERIFY2(!create.contains(u"REFERENCES"_s), qPrintable(create));
        const QStringList keys = Ddl::foreignKeys(person, before, pg);
        QVERIFY2(keys.contains(uR"(ALTER TABLE "person" ADD FOREIGN KEY ("companyId") REFERENCES "company"("id") )"
                               uR"(ON DELETE SET NULL)"_s),
                 qPrintable(keys.join(u'\n')));
        QVERIFY(Ddl::foreignKeys(person, before, SqliteDialect()).isEmpty());

        std::vector<ObjectMetadata> added = objects;
        FieldMetadata nickname;
        nickname.id = u"nick"_s;
        nickname.objectMetadataId = person.id;
        nickname.name = u"nickname"_s;
        nickname.type = FieldType::Text;
        for (auto &o : added) {
            if (o.id == person.id)
                o.fields.push_back(nickname);
        }
        const DataModel withNickname(2, added);
        const QStringList drop = Ddl::migrate(withNickname, before, pg, {}).filter(u"person"_s);
        QVERIFY2(drop.contains(uR"(ALTER TABLE "person" DROP COLUMN "nickname")"_s), qPrintable(drop.join(u'\n')));
        QVERIFY(drop.filter(u"__vingt_rebuild"_s).isEmpty());

        std::vector<ObjectMetadata> retyped = added;
        for (auto &o : retyped) {
            for (auto &f : o.fields) {
                if (f.id == u"nick"_s)
                    f.type = FieldType::Number;
            }
        }
        const QStringList alter = Ddl::migrate(withNickname, DataModel(3, retyped), pg, {}).filter(u"person"_s);
        QVERIFY2(alter.contains(uR"(ALTER TABLE "person" ALTER COLUMN "nickname" TYPE DOUBLE PRECISION USING )"
                                uR"("nickname"::DOUBLE PRECISION)"_s),
                 qPrintable(alter.join(u'\n')));
        QVERIFY2(alter.contains(uR"(ALTER TABLE "person" ALTER COLUMN "nickname" DROP DEFAULT)"_s),
                 qPrintable(alter.join(u'\n')));
        QVERIFY(Ddl::migrate(before, DataModel(2, objects), pg, {}).filter(u"DROP TABLE"_s).isEmpty());
        QVERIFY(Ddl::migrate(before, DataModel(2, {}), pg, {}).contains(uR"(DROP TABLE "person" CASCADE)"_s));
    }

    void quoting() { QCOMPARE(SqliteDialect().quote(u"a\"b"), u"\"a\"\"b\""_s); }
};

QTEST_GUILESS_MAIN(TstDdl)
#include "tst_ddl.moc"
