#pragma once

#include "gui/backendcontext.h"
#include "gui/rowmodel.h"
#include "model/datamodel.h"
#include "services/role.h"

#include <QTimer>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QJSEngine;

namespace vingt::gui {

/// @brief Roles: the list, and the editor of one role (the open role): its `can*` flags, object permissions,
/// field restrictions of one object, settings flags and the API keys holding it. Every change goes through
/// RoleService / ApiKeyService and is followed by a reload of what it touched.
class RolesController : public vingt::gui::Controller
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(vingt::gui::RowModel *roles READ roles CONSTANT)
    Q_PROPERTY(QVariantMap role READ role NOTIFY roleChanged)
    Q_PROPERTY(vingt::gui::RowModel *objectPermissions READ objectPermissions CONSTANT)
    Q_PROPERTY(vingt::gui::RowModel *fieldPermissions READ fieldPermissions CONSTANT)
    Q_PROPERTY(QString fieldObjectId READ fieldObjectId NOTIFY roleChanged)
    Q_PROPERTY(vingt::gui::RowModel *permissionFlags READ permissionFlags CONSTANT)
    Q_PROPERTY(vingt::gui::RowModel *roleKeys READ roleKeys CONSTANT)

public:
    explicit RolesController(QObject *parent = nullptr);
    static RolesController *create(QQmlEngine *, QJSEngine *) { return new RolesController; }

    [[nodiscard]] RowModel *roles() { return &m_roles; }
    [[nodiscard]] const QVariantMap &role() const { return m_role; }
    [[nodiscard]] RowModel *objectPermissions() { return &m_objects; }
    [[nodiscard]] RowModel *fieldPermissions() { return &m_fields; }
    [[nodiscard]] const QString &fieldObjectId() const { return m_fieldObjectId; }
    [[nodiscard]] RowModel *permissionFlags() { return &m_flags; }
    [[nodiscard]] RowModel *roleKeys() { return &m_roleKeys; }

    Q_INVOKABLE void refresh();
    /// Opens a role in the editor (role, objectPermissions, permissionFlags, roleKeys follow).
    Q_INVOKABLE void openRole(const QString &id);
    Q_INVOKABLE void createRole(const QString &label, const QString &description);
    Q_INVOKABLE void deleteRole(const QString &id);
    /// Sets one member of the open role: label, description or a `can*` flag.
    Q_INVOKABLE void setRoleValue(const QString &name, const QVariant &value);
    /// `permission`: read, update, softDelete or destroy. Sets an override on the object.
    Q_INVOKABLE void setObjectPermission(const QString &objectId, const QString &permission, bool allowed);
    /// Shows the fields of `objectId` in fieldPermissions.
    Q_INVOKABLE void showFields(const QString &objectId);
    /// `permission`: read or update. Not allowed = restricted (false); allowed = the restriction removed (null).
    Q_INVOKABLE void setFieldPermission(const QString &fieldId, const QString &permission, bool allowed);
    Q_INVOKABLE void setPermissionFlag(const QString &flag, bool enabled);
    Q_INVOKABLE void assignToApiKey(const QString &apiKeyId);

Q_SIGNALS:
    void roleChanged();
    void roleCreated(const QString &id);
    void roleDeleted(const QString &id);
    /// `what`: the control or action that failed (e.g. "label", "create", "objects", "assign").
    void failed(const QString &what, const QString &message);

private:
    template<typename T, typename Work>
    void change(const QString &what, Work work);
    void apply(const Role &role);
    void fillFields();

    RowModel m_roles;
    QVariantMap m_role;
    RowModel m_objects;
    RowModel m_fields;
    QString m_fieldObjectId;
    RowModel m_flags;
    RowModel m_roleKeys;
    std::shared_ptr<const Role> m_current;
    DataModelPtr m_model;
};

} // namespace vingt::gui
