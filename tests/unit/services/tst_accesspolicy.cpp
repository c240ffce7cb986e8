#include "model/datamodel.h"
#include "model/standardobjects.h"
#include "services/accesspolicy.h"

#include <QTest>

using namespace vingt;
using namespace Qt::StringLiterals;

/// AccessPolicy (API-CONTRACT §6.1–6.3): role-wide values, object overrides, field restrictions, flags, lookups
/// across snapshots, and the "no more powerful than" order used against privilege escalation.
class TstAccessPolicy : public QObject
{
    Q_OBJECT

    DataModelPtr m_model = std::make_shared<const DataModel>(1, standardObjects());

    const ObjectMetadata &object(const QString &name) const { return *m_model->objectBySingular(name); }
    int field(const QString &objectName, const QString &fieldName) const
    {
        return object(objectName).fieldIndexByName.value(fieldName, -1);
    }
    static Role role(bool read, bool update, bool softDelete, bool destroy)
    {
        Role r;
        r.id = u"r"_s;
        r.canReadAllObjectRecords = read;
        r.canUpdateAllObjectRecords = update;
        r.canSoftDeleteAllObjectRecords = softDelete;
        r.canDestroyAllObjectRecords = destroy;
        return r;
    }
    static Role admin()
    {
        Role r = role(true, true, true, true);
        r.canUpdateAllSettings = true;
        r.canAccessAllTools = true;
        return r;
    }
    ObjectPermission override(const QString &objectName, std::optional<bool> read, std::optional<bool> update) const
    {
        return ObjectPermission{{}, u"r"_s, object(objectName).id, read, update, std::nullopt, std::nullopt};
    }
    FieldPermission restriction(const QString &objectName, const QString &fieldName, std::optional<bool> read,
                                std::optional<bool> update) const
    {
        const ObjectMetadata &o = object(objectName);
        return FieldPermission{{}, u"r"_s, o.id, o.field(fieldName)->id, read, update};
    }

private Q_SLOTS:
    void flagNames()
    {
        QCOMPARE(allPermissionFlags().size(), std::size_t(24));
        for (const PermissionFlag flag : allPermissionFlags())
            QCOMPARE(permissionFlagFromName(QString(permissionFlagName(flag))), std::optional<PermissionFlag>(flag));
        QCOMPARE(permissionFlagName(PermissionFlag::ApiKeysAndWebhooks), "API_KEYS_AND_WEBHOOKS"_L1);
        QCOMPARE(permissionFlagName(PermissionFlag::ProfileInformation), "PROFILE_INFORMATION"_L1);
        QVERIFY(!permissionFlagFromName(u"api_keys_and_webhooks"));
        QVERIFY(!isToolFlag(PermissionFlag::AiSettings));
        QVERIFY(isToolFlag(PermissionFlag::Ai));
        QVERIFY(isToolFlag(PermissionFlag::ExportCsv));
    }

    void adminIsUnrestricted()
    {
        const AccessPolicyPtr p = AccessPolicy::build(admin(), m_model);
        QVERIFY(p->isUnrestricted());
        for (const ObjectMetadata &o : m_model->objects()) {
            QVERIFY(p->canRead(o) && p->canUpdate(o) && p->canSoftDelete(o) && p->canDestroy(o));
            QVERIFY(!p->hasFieldRestrictions(o));
        }
        for (const PermissionFlag flag : allPermissionFlags())
            QVERIFY(p->hasFlag(flag));
        // the Member role (tools, no settings) is not
        Role member = role(true, true, true, true);
        member.canAccessAllTools = true;
        const AccessPolicyPtr m = AccessPolicy::build(member, m_model);
        QVERIFY(!m->isUnrestricted());
        QVERIFY(m->hasFlag(PermissionFlag::Views));
        QVERIFY(!m->hasFlag(PermissionFlag::Roles));
        QVERIFY(!m->hasFlag(PermissionFlag::ApiKeysAndWebhooks));
    }

    void roleWideValues()
    {
        const AccessPolicyPtr p = AccessPolicy::build(role(true, false, true, false), m_model);
        for (const ObjectMetadata &o : m_model->objects()) {
            QVERIFY(p->canRead(o));
            QVERIFY(!p->canUpdate(o));
            QVERIFY(p->canSoftDelete(o));
            QVERIFY(!p->canDestroy(o));
        }
        QVERIFY(p->canReadField(object(u"person"_s), field(u"person"_s, u"city"_s)));
        QVERIFY(!p->canUpdateField(object(u"person"_s), field(u"person"_s, u"city"_s)));
    }

    void writingNeedsReading()
    {
        // Old rows or role-wide values that would write without reading grant nothing.
        const AccessPolicyPtr p = AccessPolicy::build(role(false, true, true, true), m_model);
        const ObjectMetadata &person = object(u"person"_s);
        QVERIFY(!p->canRead(person));
        QVERIFY(!p->canUpdate(person));
        QVERIFY(!p->canSoftDelete(person));
        QVERIFY(!p->canDestroy(person));
        QVERIFY(!p->canReadField(person, field(u"person"_s, u"id"_s)));
    }

    void objectOverrides()
    {
        Role r = role(true, true, true, true);
        r.objectPermissions = {override(u"company"_s, false, false), override(u"opportunity"_s, std::nullopt, false)};
        const AccessPolicyPtr p = AccessPolicy::build(r, m_model);
        QVERIFY(!p->canRead(object(u"company"_s)));
        QVERIFY(!p->canSoftDelete(object(u"company"_s))); // inherits true, but no read
        QVERIFY(p->canRead(object(u"opportunity"_s)));    // null inherits
        QVERIFY(!p->canUpdate(object(u"opportunity"_s)));
        QVERIFY(p->canDestroy(object(u"opportunity"_s)));
        QVERIFY(p->canUpdate(object(u"person"_s)));
        QVERIFY(!p->isUnrestricted());
        // an override can also grant what the role-wide value refuses
        Role narrow = role(false, false, false, false);
        narrow.objectPermissions = {override(u"person"_s, true, true)};
        const AccessPolicyPtr n = AccessPolicy::build(narrow, m_model);
        QVERIFY(n->canUpdate(object(u"person"_s)));
        QVERIFY(!n->canRead(object(u"company"_s)));
    }

    void fieldRestrictions()
    {
        Role r = role(true, true, true, true);
        r.fieldPermissions = {restriction(u"person"_s, u"city"_s, false, std::nullopt),
                              restriction(u"person"_s, u"jobTitle"_s, std::nullopt, false),
                              restriction(u"person"_s, u"id"_s, false, false),
                              restriction(u"person"_s, u"company"_s, false, std::nullopt)};
        const AccessPolicyPtr p = AccessPolicy::build(r, m_model);
        const ObjectMetadata &person = object(u"person"_s);
        QVERIFY(!p->canReadField(person, field(u"person"_s, u"city"_s)));
        QVERIFY(!p->canUpdateField(person, field(u"person"_s, u"city"_s))); // unreadable → not writable
        QVERIFY(p->canReadField(person, field(u"person"_s, u"jobTitle"_s)));
        QVERIFY(!p->canUpdateField(person, field(u"person"_s, u"jobTitle"_s)));
        QVERIFY(p->canReadField(person, field(u"person"_s, u"id"_s))); // id is always readable
        QVERIFY(!p->canReadField(person, field(u"person"_s, u"company"_s)));
        QVERIFY(p->canReadField(person, field(u"person"_s, u"name"_s)));
        QVERIFY(p->hasFieldRestrictions(person));
        QVERIFY(!p->hasFieldRestrictions(object(u"company"_s)));
        QVERIFY(p->canRead(person)); // object-level untouched
        // a field of a read-only object is not updatable whatever its restriction
        Role readOnly = role(true, false, false, false);
        const AccessPolicyPtr ro = AccessPolicy::build(readOnly, m_model);
        QVERIFY(!ro->canUpdateField(person, field(u"person"_s, u"name"_s)));
    }

    void flags()
    {
        Role r = role(true, false, false, false);
        r.permissionFlags = {{{}, u"r"_s, u"ROLES"_s}, {{}, u"r"_s, u"EXPORT_CSV"_s}, {{}, u"r"_s, u"NOPE"_s}};
        const AccessPolicyPtr p = AccessPolicy::build(r, m_model);
        QVERIFY(p->hasFlag(PermissionFlag::Roles));
        QVERIFY(p->hasFlag(PermissionFlag::ExportCsv));
        QVERIFY(!p->hasFlag(PermissionFlag::ApiKeysAndWebhooks));
        QVERIFY(!p->hasFlag(PermissionFlag::ImportCsv));
        // canUpdateAllSettings: every settings flag, no tool flag
        Role settings = role(true, false, false, false);
        settings.canUpdateAllSettings = true;
        const AccessPolicyPtr s = AccessPolicy::build(settings, m_model);
        for (const PermissionFlag flag : allPermissionFlags())
            QCOMPARE(s->hasFlag(flag), !isToolFlag(flag));
    }

    void otherSnapshotsResolveById()
    {
        Role r = role(true, true, true, true);
        r.objectPermissions = {override(u"company"_s, false, false)};
        r.fieldPermissions = {restriction(u"person"_s, u"city"_s, false, std::nullopt)};
        const AccessPolicyPtr p = AccessPolicy::build(r, m_model);
        // the same metadata in another snapshot object (a reload)
        const DataModel copy(2, m_model->objects());
        QVERIFY(!p->canRead(*copy.objectBySingular(u"company"_s)));
        const ObjectMetadata &person = *copy.objectBySingular(u"person"_s);
        QVERIFY(!p->canReadField(person, person.fieldIndexByName.value(u"city"_s)));
        QVERIFY(p->canReadField(person, person.fieldIndexByName.value(u"jobTitle"_s)));
        // an object the snapshot does not know gets the role-wide values
        ObjectMetadata unknown;
        unknown.id = u"not-in-the-snapshot"_s;
        QVERIFY(p->canRead(unknown) && p->canDestroy(unknown));
    }

    void coverage()
    {
        const AccessPolicyPtr adminPolicy = AccessPolicy::build(admin(), m_model);
        const AccessPolicyPtr readOnly = AccessPolicy::build(role(true, false, false, false), m_model);
        const AccessPolicyPtr readWrite = AccessPolicy::build(role(true, true, false, false), m_model);
        QVERIFY(readOnly->isCoveredBy(*adminPolicy));
        QVERIFY(readOnly->isCoveredBy(*readWrite));
        QVERIFY(!readWrite->isCoveredBy(*readOnly));
        QVERIFY(!adminPolicy->isCoveredBy(*readWrite));
        QVERIFY(readOnly->isCoveredBy(*readOnly));

        // a flag the caller lacks
        Role flagged = role(true, false, false, false);
        flagged.permissionFlags = {{{}, u"r"_s, u"API_KEYS_AND_WEBHOOKS"_s}};
        const AccessPolicyPtr withFlag = AccessPolicy::build(flagged, m_model);
        QVERIFY(!withFlag->isCoveredBy(*readOnly));
        QVERIFY(readOnly->isCoveredBy(*withFlag));

        // field restrictions make a role smaller; an object override bigger or smaller
        Role restricted = role(true, true, false, false);
        restricted.fieldPermissions = {restriction(u"person"_s, u"city"_s, false, std::nullopt)};
        const AccessPolicyPtr narrow = AccessPolicy::build(restricted, m_model);
        QVERIFY(narrow->isCoveredBy(*readWrite));
        QVERIFY(!readWrite->isCoveredBy(*narrow));
        Role oneObject = role(true, false, false, false);
        oneObject.objectPermissions = {override(u"person"_s, true, true)};
        const AccessPolicyPtr personWriter = AccessPolicy::build(oneObject, m_model);
        QVERIFY(!personWriter->isCoveredBy(*readOnly));
        QVERIFY(personWriter->isCoveredBy(*readWrite));
        QVERIFY(!narrow->isCoveredBy(*personWriter)); // narrow writes companies
    }
};

QTEST_GUILESS_MAIN(TstAccessPolicy)
#include "tst_accesspolicy.moc"
