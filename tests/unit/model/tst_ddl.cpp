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

    void quoting()
    {
        QCOMPARE(SqliteDialect().quote(u"a\"b"), u"\"a\"\"b\""_s);
    }
};

QTEST_GUILESS_MAIN(TstDdl)
#include "tst_ddl.moc"
