#include "model/datamodel.h"
#include "model/standardobjects.h"

#include <QTest>

using namespace vingt;
using namespace Qt::StringLiterals;

/// The standard objects of API-CONTRACT §4: names, relations on both sides, options, unique fields, identifiers.
class TstStandardObjects : public QObject
{
    Q_OBJECT

    DataModel m_model{1, standardObjects()};

    const ObjectMetadata &object(const QString &singular)
    {
        const ObjectMetadata *o = m_model.objectBySingular(singular);
        if (!o)
            qFatal("missing object %s", qPrintable(singular));
        return *o;
    }

private Q_SLOTS:
    void names_data()
    {
        QTest::addColumn<QString>("singular");
        QTest::addColumn<QString>("plural");
        QTest::addColumn<QString>("labelSingular");
        QTest::newRow("company") << u"company"_s << u"companies"_s << u"Company"_s;
        QTest::newRow("person") << u"person"_s << u"people"_s << u"Person"_s;
        QTest::newRow("opportunity") << u"opportunity"_s << u"opportunities"_s << u"Opportunity"_s;
        QTest::newRow("note") << u"note"_s << u"notes"_s << u"Note"_s;
        QTest::newRow("noteTarget") << u"noteTarget"_s << u"noteTargets"_s << u"Note Target"_s;
        QTest::newRow("task") << u"task"_s << u"tasks"_s << u"Task"_s;
        QTest::newRow("taskTarget") << u"taskTarget"_s << u"taskTargets"_s << u"Task Target"_s;
        QTest::newRow("workspaceMember") << u"workspaceMember"_s << u"workspaceMembers"_s << u"Workspace Member"_s;
        QTest::newRow("attachment") << u"attachment"_s << u"attachments"_s << u"Attachment"_s;
    }
    void names()
    {
        QFETCH(QString, singular);
        QFETCH(QString, plural);
        QFETCH(QString, labelSingular);
        QCOMPARE(m_model.objects().size(), std::size_t(9));
        const ObjectMetadata *byPlural = m_model.objectByPlural(plural);
        QVERIFY(byPlural);
        QCOMPARE(byPlural->nameSingular, singular);
        QCOMPARE(byPlural->labelSingular, labelSingular);
        for (const char *system : {"id", "createdAt", "updatedAt", "deletedAt"})
            QVERIFY2(byPlural->field(QString::fromLatin1(system)), system);
    }

    void relationsHaveBothSides_data()
    {
        QTest::addColumn<QString>("object");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("inverse");
        QTest::addColumn<int>("onDelete");
        QTest::newRow("person.company") << u"person"_s << u"company"_s << u"company"_s << u"people"_s
                                        << int(OnDelete::SetNull);
        QTest::newRow("company.accountOwner") << u"company"_s << u"accountOwner"_s << u"workspaceMember"_s
                                              << u"accountOwnerForCompanies"_s << int(OnDelete::SetNull);
        QTest::newRow("opportunity.pointOfContact") << u"opportunity"_s << u"pointOfContact"_s << u"person"_s
                                                    << u"pointOfContactForOpportunities"_s << int(OnDelete::SetNull);
        QTest::newRow("opportunity.company") << u"opportunity"_s << u"company"_s << u"company"_s
                                             << u"opportunities"_s << int(OnDelete::SetNull);
        QTest::newRow("task.assignee") << u"task"_s << u"assignee"_s << u"workspaceMember"_s << u"assignedTasks"_s
                                       << int(OnDelete::SetNull);
        QTest::newRow("attachment.author") << u"attachment"_s << u"author"_s << u"workspaceMember"_s
                                           << u"authoredAttachments"_s << int(OnDelete::SetNull);
        QTest::newRow("noteTarget.note") << u"noteTarget"_s << u"note"_s << u"note"_s << u"noteTargets"_s
                                         << int(OnDelete::Cascade);
        QTest::newRow("noteTarget.person") << u"noteTarget"_s << u"person"_s << u"person"_s << u"noteTargets"_s
                                           << int(OnDelete::Cascade);
        QTest::newRow("taskTarget.company") << u"taskTarget"_s << u"company"_s << u"company"_s << u"taskTargets"_s
                                            << int(OnDelete::Cascade);
        QTest::newRow("attachment.opportunity") << u"attachment"_s << u"opportunity"_s << u"opportunity"_s
                                                << u"attachments"_s << int(OnDelete::Cascade);
    }
    void relationsHaveBothSides()
    {
        QFETCH(QString, object);
        QFETCH(QString, field);
        QFETCH(QString, target);
        QFETCH(QString, inverse);
        QFETCH(int, onDelete);
        const FieldMetadata *many = this->object(object).field(field);
        QVERIFY(many);
        QVERIFY(many->isManyToOne());
        QCOMPARE(many->joinColumnName(), field + u"Id"_s);
        QCOMPARE(int(many->onDelete), onDelete);
        QCOMPARE(m_model.relationTarget(*many)->nameSingular, target);
        const FieldMetadata *one = m_model.relationInverse(*many);
        QVERIFY(one);
        QCOMPARE(one->name, inverse);
        QVERIFY(one->isOneToMany());
        QCOMPARE(m_model.relationInverse(*one), many);
        // The join column is a storage column, the relation name is not.
        QVERIFY(this->object(object).column(field + u"Id"_s));
        QVERIFY(!this->object(object).column(field));
    }

    void selectOptions_data()
    {
        QTest::addColumn<QString>("object");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QStringList>("values");
        QTest::newRow("opportunity.stage") << u"opportunity"_s << u"stage"_s
                                           << QStringList{u"NEW"_s, u"SCREENING"_s, u"MEETING"_s, u"PROPOSAL"_s,
                                                          u"CUSTOMER"_s};
        QTest::newRow("task.status") << u"task"_s << u"status"_s
                                     << QStringList{u"TODO"_s, u"IN_PROGRESS"_s, u"DONE"_s};
        QTest::newRow("workspaceMember.numberFormat")
            << u"workspaceMember"_s << u"numberFormat"_s
            << QStringList{u"SYSTEM"_s, u"COMMAS_AND_DOT"_s, u"SPACES_AND_COMMA"_s, u"DOTS_AND_COMMA"_s,
                           u"APOSTROPHE_AND_DOT"_s};
    }
    void selectOptions()
    {
        QFETCH(QString, object);
        QFETCH(QString, field);
        QFETCH(QStringList, values);
        const FieldMetadata *f = this->object(object).field(field);
        QVERIFY(f);
        QCOMPARE(f->optionValues(), values);
        QCOMPARE(f->defaultValue.toString(), u"'%1'"_s.arg(values.first()));
        QCOMPARE(f->unquotedDefault().toString(), values.first());
    }

    void uniqueFieldsAndIdentifiers()
    {
        QVERIFY(object(u"company"_s).field(u"domainName"_s)->isUnique);
        QVERIFY(object(u"person"_s).field(u"emails"_s)->isUnique);
        QVERIFY(object(u"workspaceMember"_s).field(u"userEmail"_s)->isUnique);
        QCOMPARE(object(u"person"_s).labelIdentifierField()->name, u"name"_s);
        QCOMPARE(object(u"task"_s).labelIdentifierField()->name, u"title"_s);
        QCOMPARE(object(u"note"_s).labelIdentifierField()->name, u"title"_s);
        QCOMPARE(object(u"person"_s).fieldById(object(u"person"_s).imageIdentifierFieldMetadataId)->name,
                 u"avatarUrl"_s);
        QCOMPARE(object(u"person"_s).duplicateCriteria,
                 (QList<QStringList>{{u"nameFirstName"_s, u"nameLastName"_s}, {u"linkedinLinkPrimaryLinkUrl"_s},
                                     {u"emailsPrimaryEmail"_s}}));
        QCOMPARE(object(u"company"_s).duplicateCriteria,
                 (QList<QStringList>{{u"name"_s}, {u"domainNamePrimaryLinkUrl"_s}}));
    }

    void compositeColumns()
    {
        const ObjectMetadata &person = object(u"person"_s);
        for (const char *column : {"nameFirstName", "nameLastName", "emailsPrimaryEmail", "emailsAdditionalEmails",
                                   "phonesPrimaryPhoneCallingCode", "createdBySource", "createdByWorkspaceMemberId"})
            QVERIFY2(person.column(QString::fromLatin1(column)), column);
        QVERIFY(!person.column(u"searchVector"_s)); // TS_VECTOR is not stored
        const ObjectMetadata &company = object(u"company"_s);
        QCOMPARE(company.column(u"annualRecurringRevenueAmountMicros"_s)->kind, ValueKind::Integer);
        QCOMPARE(company.column(u"employees"_s)->kind, ValueKind::Integer); // dataType int
        QCOMPARE(company.column(u"addressAddressLat"_s)->kind, ValueKind::Float);
        QCOMPARE(company.column(u"idealCustomerProfile"_s)->kind, ValueKind::Boolean);
    }
};

QTEST_GUILESS_MAIN(TstStandardObjects)
#include "tst_standardobjects.moc"
