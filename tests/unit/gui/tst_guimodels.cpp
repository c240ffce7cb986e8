// The desktop app's list models and controllers over a real instance in a temporary directory:
// QAbstractItemModelTester watches every model while the controllers load and change data through the services.
#include "gui/apikeyscontroller.h"
#include "gui/backendcontext.h"
#include "gui/datamodelcontroller.h"
#include "gui/format.h"
#include "gui/rolescontroller.h"
#include "gui/rowmodel.h"
#include "gui/servercontroller.h"
#include "gui/servicemetadataediting.h"
#include "services/instance.h"
#include "services/workspace.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace vingt;
using namespace vingt::gui;

class TestGuiModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // The desktop app's settings file lives in the temporary directory, not in the user's ~/.config.
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(u"config"_s));
        auto instance = Instance::open({m_dir.path(), {}, {}});
        QVERIFY2(instance, qPrintable(instance ? QString() : instance.error().message));
        m_instance = std::move(*instance);
        BackendContext::setCurrent({m_instance.get(), nullptr, nullptr});
    }

    void rowModel_keepsIdentity()
    {
        RowModel model({u"id"_s, u"name"_s});
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        model.setRows({{{u"id"_s, u"a"_s}, {u"name"_s, u"A"_s}}, {{u"id"_s, u"b"_s}, {u"name"_s, u"B"_s}}});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(resets.size(), 1);
        // Same ids, one value changed: one dataChanged, no reset (views keep selection and scroll position).
        model.setRows({{{u"id"_s, u"a"_s}, {u"name"_s, u"A"_s}}, {{u"id"_s, u"b"_s}, {u"name"_s, u"B2"_s}}});
        QCOMPARE(resets.size(), 1);
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.at(0).at(0).value<QModelIndex>().row(), 1);
        QCOMPARE(model.data(model.index(1), Qt::UserRole + 1).toString(), u"B2"_s);
        QCOMPARE(model.indexOfId(u"b"_s), 1);
        QCOMPARE(model.indexOfId(u"zz"_s), -1);
        QCOMPARE(model.roleNames().value(Qt::UserRole), QByteArray("itemId"));
        model.setRows({});
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(resets.size(), 2);
    }

    void apiKeys_createRegenerateDelete()
    {
        ApiKeysController controller;
        QAbstractItemModelTester keysTester(controller.keys(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester rolesTester(controller.assignableRoles(),
                                             QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_VERIFY_WITH_TIMEOUT(controller.assignableRoles()->rowCount() > 0, 20000); // keys and roles load together
        QVERIFY(controller.assignableRoles()->indexOfId(m_instance->defaultWorkspace()->adminRoleId()) >= 0);
        const int before = controller.keys()->rowCount();

        QSignalSpy created(&controller, &ApiKeysController::created);
        controller.createKey(u"Reporting"_s, ApiKeysController::expiryInDays(3),
                             m_instance->defaultWorkspace()->adminRoleId());
        QVERIFY(created.wait(20000));
        const QString id = created.at(0).at(0).toString();
        QVERIFY(created.at(0).at(1).toString().startsWith(u"eyJ"_s)); // a JWT
        QTRY_COMPARE_WITH_TIMEOUT(controller.keys()->rowCount(), before + 1, 20000);
        const QVariantMap row = controller.key(id);
        QCOMPARE(row.value(u"name"_s).toString(), u"Reporting"_s);
        QCOMPARE(row.value(u"roleLabel"_s).toString(), u"Admin"_s);
        QCOMPARE(row.value(u"expiringSoon"_s).toBool(), true);
        QCOMPARE(row.value(u"revoked"_s).toBool(), false);

        QSignalSpy failed(&controller, &ApiKeysController::createFailed);
        controller.createKey(u"  "_s, {}, {});
        QCOMPARE(failed.size(), 1);

        QSignalSpy regenerated(&controller, &ApiKeysController::regenerated);
        controller.regenerate(id);
        QVERIFY(regenerated.wait(20000));
        const QString newId = regenerated.at(0).at(1).toString();
        QVERIFY(newId != id);
        QTRY_VERIFY_WITH_TIMEOUT(controller.key(id).value(u"revoked"_s).toBool(), 20000);
        QCOMPARE(controller.key(newId).value(u"name"_s).toString(), u"Reporting"_s);

        QSignalSpy actionFailed(&controller, &ApiKeysController::actionFailed);
        controller.regenerate(id); // revoked: the service's message comes back
        QVERIFY(actionFailed.wait(20000));
        QCOMPARE(actionFailed.at(0).at(1).toString(), u"This API Key is revoked"_s);

        QSignalSpy removed(&controller, &ApiKeysController::removed);
        controller.remove(newId);
        QVERIFY(removed.wait(20000));
        QTRY_VERIFY_WITH_TIMEOUT(controller.key(newId).value(u"revoked"_s).toBool(), 20000);
    }

    void apiKeys_seeChangesMadeElsewhere()
    {
        ApiKeysController controller;
        QAbstractItemModelTester tester(controller.keys(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_VERIFY_WITH_TIMEOUT(controller.assignableRoles()->rowCount() > 0, 20000); // keys and roles load together
        const int before = controller.keys()->rowCount();
        // Another client (the API, the CLI) creates a key: the list shows it without any call from the GUI.
        auto issued = m_instance->defaultWorkspace()->apiKeys().issue(Actor::system(), u"From the API"_s,
                                                                      QDateTime::currentDateTimeUtc().addDays(30),
                                                                      m_instance->defaultWorkspace()->adminRoleId());
        QVERIFY(issued);
        QTRY_COMPARE_WITH_TIMEOUT(controller.keys()->rowCount(), before + 1, 10000);
        QVERIFY(controller.keys()->indexOfId(issued->key.id) >= 0);
    }

    void roles_editPermissions()
    {
        RolesController controller;
        QAbstractItemModelTester rolesTester(controller.roles(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester objectsTester(controller.objectPermissions(),
                                               QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester fieldsTester(controller.fieldPermissions(),
                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester flagsTester(controller.permissionFlags(),
                                             QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_VERIFY(controller.roles()->rowCount() >= 2); // Admin and Member

        QSignalSpy created(&controller, &RolesController::roleCreated);
        controller.createRole(u"Reader"_s, u"Reads companies"_s);
        QVERIFY(created.wait(20000));
        const QString roleId = created.at(0).at(0).toString();
        controller.openRole(roleId);
        QTRY_COMPARE_WITH_TIMEOUT(controller.role().value(u"label"_s).toString(), u"Reader"_s, 20000);
        QVERIFY(controller.objectPermissions()->rowCount() > 0);

        controller.setRoleValue(u"canReadAllObjectRecords"_s, true);
        QTRY_VERIFY_WITH_TIMEOUT(controller.role().value(u"canReadAllObjectRecords"_s).toBool(), 20000);
        const QString companyId = m_instance->defaultWorkspace()->dataModel()->objectBySingular(u"company"_s)->id;
        const QString personId = m_instance->defaultWorkspace()->dataModel()->objectBySingular(u"person"_s)->id;
        const int row = controller.objectPermissions()->indexOfId(companyId);
        QVERIFY(row >= 0);
        QVERIFY(controller.objectPermissions()->get(row).value(u"read"_s).toBool());
        controller.setObjectPermission(companyId, u"read"_s, false);
        QTRY_VERIFY_WITH_TIMEOUT(!controller.objectPermissions()->get(row).value(u"read"_s).toBool(), 20000);
        QVERIFY(controller.objectPermissions()->get(row).value(u"overridden"_s).toBool());

        QSignalSpy fieldFailed(&controller, &RolesController::failed);
        controller.showFields(personId); // Companies are unreadable now: their fields cannot be restricted
        QVERIFY(controller.fieldPermissions()->rowCount() > 0);
        const QVariantMap field = controller.fieldPermissions()->get(0);
        controller.setFieldPermission(field.value(u"id"_s).toString(), u"read"_s, false);
        QTRY_VERIFY_WITH_TIMEOUT(
            !controller.fieldPermissions()->get(0).value(u"read"_s).toBool() || !fieldFailed.isEmpty(), 20000);
        QVERIFY2(fieldFailed.isEmpty(), qPrintable(fieldFailed.value(0).value(1).toString()));
        QVERIFY(controller.fieldPermissions()->get(0).value(u"update"_s).toBool()); // the other half stays as it was

        QSignalSpy failed(&controller, &RolesController::failed);
        controller.setRoleValue(u"label"_s, u"Admin"_s); // duplicate label: the service refuses, in words
        QVERIFY(failed.wait(20000));
        QCOMPARE(failed.at(0).at(0).toString(), u"label"_s);
        QVERIFY(!failed.at(0).at(1).toString().isEmpty());
    }

    void dataModel_objectsAndFields()
    {
        DataModelController controller;
        QAbstractItemModelTester objectsTester(controller.objects(),
                                               QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester fieldsTester(controller.fields(),
                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(controller.objects()->rowCount() > 0);
        QVERIFY(!controller.editingAvailable());
        QVERIFY(!controller.editingUnavailableReason().isEmpty());
        controller.openObject(u"company"_s);
        QCOMPARE(controller.object().value(u"nameSingular"_s).toString(), u"company"_s);
        bool sawName = false;
        for (const QVariantMap &field : controller.fields()->rows())
            sawName = sawName || field.value(u"name"_s).toString() == "name"_L1;
        QVERIFY(sawName);
        QSignalSpy failed(&controller, &DataModelController::failed);
        controller.deleteObject(controller.object().value(u"id"_s).toString());
        QCOMPARE(failed.size(), 1); // no metadata service yet: refused with the reason
    }

    void dataModel_editingThroughTheMetadataService()
    {
        ServiceMetadataEditing editing(*m_instance->defaultWorkspace());
        BackendContext::setCurrent({m_instance.get(), nullptr, &editing});
        {
            DataModelController controller;
            QAbstractItemModelTester objectsTester(controller.objects(),
                                                   QAbstractItemModelTester::FailureReportingMode::QtTest);
            QAbstractItemModelTester fieldsTester(controller.fields(),
                                                  QAbstractItemModelTester::FailureReportingMode::QtTest);
            QVERIFY(controller.editingAvailable());
            QSignalSpy edited(&controller, &DataModelController::edited);
            QSignalSpy failed(&controller, &DataModelController::failed);
            controller.createObject({{u"nameSingular"_s, u"invoice"_s},
                                     {u"namePlural"_s, u"invoices"_s},
                                     {u"labelSingular"_s, u"Invoice"_s},
                                     {u"labelPlural"_s, u"Invoices"_s}});
            QVERIFY(edited.wait(20000));
            const QString objectId = edited.at(0).at(1).toString();
            QVERIFY(!objectId.isEmpty());
            const DataModelPtr model = m_instance->defaultWorkspace()->dataModel();
            QVERIFY(model->objectByPlural(u"invoices"_s)); // published: the API serves it from now on
            controller.createField({{u"objectMetadataId"_s, objectId},
                                    {u"type"_s, u"TEXT"_s},
                                    {u"name"_s, u"reference"_s},
                                    {u"label"_s, u"Reference"_s}});
            QVERIFY(edited.wait(20000));
            QVERIFY(m_instance->defaultWorkspace()->dataModel()->objectByPlural(u"invoices"_s)->field(u"reference"_s));
            controller.createObject({{u"nameSingular"_s, u"user"_s},
                                     {u"namePlural"_s, u"users"_s},
                                     {u"labelSingular"_s, u"User"_s},
                                     {u"labelPlural"_s, u"Users"_s}});
            QVERIFY(failed.wait(20000)); // reserved name: the service's own message, in words, next to the name
            QVERIFY(!failed.at(0).at(1).toString().isEmpty());
            QCOMPARE(failed.at(0).at(2).toString(), u"nameSingular"_s);
            // A select field with coloured options, and an option the service refuses (shown by the options editor).
            controller.openObject(objectId);
            controller.createField({{u"objectMetadataId"_s, objectId},
                                    {u"type"_s, u"SELECT"_s},
                                    {u"name"_s, u"status"_s},
                                    {u"label"_s, u"Status"_s},
                                    {u"options"_s, QVariantList{QVariantMap{{u"value"_s, u"DRAFT"_s},
                                                                            {u"label"_s, u"Draft"_s},
                                                                            {u"color"_s, u"gray"_s},
                                                                            {u"position"_s, 0}},
                                                                QVariantMap{{u"value"_s, u"PAID"_s},
                                                                            {u"label"_s, u"Paid"_s},
                                                                            {u"color"_s, u"green"_s},
                                                                            {u"position"_s, 1}}}}});
            QVERIFY(edited.wait(20000));
            const QVariantMap status = controller.fields()->get(
                controller.fields()->indexOfId(edited.last().at(1).toString()));
            QCOMPARE(status.value(u"options"_s).toList().size(), 2);
            QCOMPARE(status.value(u"options"_s).toList().at(1).toMap().value(u"color"_s).toString(), u"green"_s);
            controller.createField(
                {{u"objectMetadataId"_s, objectId},
                 {u"type"_s, u"SELECT"_s},
                 {u"name"_s, u"stage"_s},
                 {u"label"_s, u"Stage"_s},
                 {u"options"_s, QVariantList{QVariantMap{{u"value"_s, u"bad value"_s}, {u"label"_s, u"Bad"_s}}}}});
            QVERIFY(failed.wait(20000));
            QCOMPARE(failed.last().at(2).toString(), u"options"_s);
            QThreadPool::globalInstance()->waitForDone();
        }
        BackendContext::setCurrent({m_instance.get(), nullptr, nullptr});
    }

    void dataModel_errorInputsAndNames()
    {
        QCOMPARE(DataModelController::inputOfError(u"'nameSingular' value 'x y' is not a valid name"_s),
                 u"nameSingular"_s);
        QCOMPARE(DataModelController::inputOfError(u"'settings.decimals' of field 'n' must be a non-negative integer"_s),
                 u"settings"_s);
        QCOMPARE(
            DataModelController::inputOfError(u"'relationCreationPayload.type' must be MANY_TO_ONE or ONE_TO_MANY"_s),
            u"relation"_s);
        QCOMPARE(DataModelController::inputOfError(u"Field 'name' already exists on object 'invoice'"_s), u"name"_s);
        QCOMPARE(DataModelController::inputOfError(u"Object 'x' must be deactivated before it can be deleted"_s),
                 QString());
        QCOMPARE(DataModelController::optionValueFromLabel(u"In progress!"_s), u"IN_PROGRESS"_s);
        QCOMPARE(DataModelController::optionValueFromLabel(u"2nd try"_s), u"ND_TRY"_s);
        QCOMPARE(DataModelController::apiNameFromLabel(u"Pet Owners"_s), u"petOwners"_s);
    }

    void format_dates()
    {
        const QDateTime now(QDate(2026, 12, 4), QTime(8, 0), Qt::UTC);
        QCOMPARE(format::expiry(now.addDays(23).addSecs(60), now), u"in 23 days"_s);
        QCOMPARE(format::expiry(now.addSecs(-1), now), u"Expired"_s);
        QCOMPARE(format::expiry(now.addYears(100), now), u"Never"_s);
        QCOMPARE(format::date(QDateTime(QDate(2026, 11, 2), QTime(1, 0), Qt::UTC), now), u"Nov 2"_s);
        QCOMPARE(format::date(QDateTime(QDate(2025, 11, 2), QTime(1, 0), Qt::UTC), now), u"Nov 2, 2025"_s);
        QCOMPARE(format::relative(now.addSecs(-300), now), u"5 min ago"_s);
    }

    void storage_savedDatabaseUrl()
    {
        ServerController controller;
        QCOMPARE(controller.postgres(), false);
        QCOMPARE(controller.dataDir(), m_instance->dataDir());
        QVERIFY(controller.savedDatabaseUrl().isEmpty());

        // Not a PostgreSQL URL: refused with the URL's form, nothing saved.
        QVERIFY(!controller.saveDatabaseUrl(u"mysql://root@127.0.0.1/vingt"_s));
        QVERIFY2(controller.storageError().contains(u"is not a PostgreSQL URL: use postgresql://"_s),
                 qPrintable(controller.storageError()));
        QVERIFY(controller.savedDatabaseUrl().isEmpty());

        // Saved for the next start: shown without its password, stored with it, in a file only its owner reads.
        QVERIFY(controller.saveDatabaseUrl(u" postgresql://vingt:s3cret@db.internal:5433/crm "_s));
        QVERIFY(controller.storageError().isEmpty());
        QCOMPARE(controller.savedDatabaseUrl(), u"postgresql://vingt:***@db.internal:5433/crm"_s);
        QVERIFY(!controller.storageMessage().contains(u"s3cret"_s));
        QCOMPARE(ServerController::databaseUrlForStart(), u"postgresql://vingt:s3cret@db.internal:5433/crm"_s);
        const QString file = QSettings().fileName();
        QVERIFY2(file.startsWith(m_dir.path()), qPrintable(file));
        QCOMPARE(QFile::permissions(file)
                     & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
                 QFile::Permissions());

        // Back to the data directory.
        QVERIFY(controller.saveDatabaseUrl(QString()));
        QVERIFY(controller.savedDatabaseUrl().isEmpty());
        QVERIFY(ServerController::databaseUrlForStart().isEmpty());
    }

    void storage_testConnectionToNothing()
    {
        // A port nobody listens on: the check answers in words (which server, why) and never blocks the GUI thread.
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            port = probe.serverPort();
        }
        ServerController controller;
        controller.testDatabase(u"postgresql://postgres@127.0.0.1:%1/vingt"_s.arg(port));
        QVERIFY(controller.busy());
        QTRY_VERIFY_WITH_TIMEOUT(!controller.busy(), 20000);
        QVERIFY(controller.storageMessage().isEmpty());
        QVERIFY2(controller.storageError().contains(u"PostgreSQL at 127.0.0.1:%1"_s.arg(port))
                     && controller.storageError().contains(u"cannot be reached"_s),
                 qPrintable(controller.storageError()));

        controller.testDatabase(u"postgres//missing-colon"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!controller.busy(), 20000);
        QVERIFY2(controller.storageError().contains(u"is not a PostgreSQL URL"_s),
                 qPrintable(controller.storageError()));
    }

    /// On PostgreSQL (the `tst_guimodels_pg` run, VINGT_TEST_DATABASE_URL_FILE): a database that does not exist yet, then
    /// the same database once an instance lives in it.
    void storage_testConnectionToPostgres()
    {
        const QString urlFile = qEnvironmentVariable("VINGT_TEST_DATABASE_URL_FILE");
        if (urlFile.isEmpty())
            QSKIP("no PostgreSQL (the _pg run sets VINGT_TEST_DATABASE_URL_FILE)");
        QFile file(urlFile);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString url = u"%1/vingt_probe_%2"_s.arg(QString::fromUtf8(file.readAll()).trimmed())
                                .arg(QRandomGenerator::global()->generate64(), 0, 16);
        ServerController controller;
        controller.testDatabase(url);
        QTRY_VERIFY_WITH_TIMEOUT(!controller.busy(), 20000);
        QVERIFY2(controller.storageMessage().contains(u"does not exist yet: Vingt creates it at its next start"_s),
                 qPrintable(controller.storageMessage() + controller.storageError()));
        // The check created nothing: a second check says the same.
        controller.testDatabase(url);
        QTRY_VERIFY_WITH_TIMEOUT(!controller.busy(), 20000);
        QVERIFY(controller.storageMessage().contains(u"does not exist yet"_s));

        {
            auto instance = Instance::open({{}, url, {}});
            QVERIFY2(instance, qPrintable(instance ? QString() : instance.error().message));
        }
        controller.testDatabase(url);
        QTRY_VERIFY_WITH_TIMEOUT(!controller.busy(), 20000);
        QVERIFY2(controller.storageMessage().contains(u"it holds 1 Vingt workspace"_s),
                 qPrintable(controller.storageMessage() + controller.storageError()));
        QVERIFY(controller.storageMessage().startsWith(u"Connected to database 'vingt_probe_"_s));
    }

    void cleanupTestCase()
    {
        QThreadPool::globalInstance()->waitForDone();
        BackendContext::setCurrent({});
        m_instance.reset();
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Instance> m_instance;
};

QTEST_MAIN(TestGuiModels)
#include "tst_guimodels.moc"
