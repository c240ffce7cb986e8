#pragma once

#include "gui/backendcontext.h"
#include "gui/rowmodel.h"
#include "model/datamodel.h"

#include <QTimer>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QJSEngine;

namespace vingt::gui {

/// @brief Data model: the objects of the workspace's current snapshot and the fields of the open object. Follows
/// snapshot versions, so objects changed through the Metadata API show up. Editing goes through MetadataEditing and
/// is disabled (editingAvailable false, with the reason) until one is set in BackendContext. Edits run on the thread
/// pool (a field on a big table rewrites it): `busy` is true meanwhile.
class DataModelController : public vingt::gui::Controller
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(vingt::gui::RowModel *objects READ objects CONSTANT)
    Q_PROPERTY(vingt::gui::RowModel *fields READ fields CONSTANT)
    Q_PROPERTY(QVariantMap object READ object NOTIFY objectChanged)
    Q_PROPERTY(bool editingAvailable READ editingAvailable CONSTANT)
    Q_PROPERTY(QString editingUnavailableReason READ editingUnavailableReason CONSTANT)
    Q_PROPERTY(QStringList fieldTypes READ fieldTypes CONSTANT)

public:
    explicit DataModelController(QObject *parent = nullptr);
    static DataModelController *create(QQmlEngine *, QJSEngine *) { return new DataModelController; }

    [[nodiscard]] RowModel *objects() { return &m_objects; }
    [[nodiscard]] RowModel *fields() { return &m_fields; }
    [[nodiscard]] const QVariantMap &object() const { return m_object; }
    [[nodiscard]] bool editingAvailable() const;
    [[nodiscard]] QString editingUnavailableReason() const;
    [[nodiscard]] QStringList fieldTypes() const;

    /// Reloads from the current snapshot when its version moved (cheap: a pointer read and a compare).
    Q_INVOKABLE void refresh();
    /// Opens an object (by id or nameSingular): object and fields follow.
    Q_INVOKABLE void openObject(const QString &idOrName);

    // Editing (through MetadataEditing); results arrive as edited() or failed().
    Q_INVOKABLE void createObject(const QVariantMap &input);
    Q_INVOKABLE void updateObject(const QString &id, const QVariantMap &update);
    Q_INVOKABLE void deleteObject(const QString &id);
    Q_INVOKABLE void createField(const QVariantMap &input);
    Q_INVOKABLE void updateField(const QString &id, const QVariantMap &update);
    Q_INVOKABLE void deleteField(const QString &id);

    /// The API name the backend derives from a label ("Pet Owners" → "petOwners"), for the name fields' live preview.
    Q_INVOKABLE [[nodiscard]] static QString apiNameFromLabel(const QString &label);
    /// An option value from its label ("In progress" → "IN_PROGRESS"), as SELECT values must be UPPER_SNAKE_CASE.
    Q_INVOKABLE [[nodiscard]] static QString optionValueFromLabel(const QString &label);
    /// The input a MetadataService error message is about ("name", "label", "nameSingular", "options", "settings",
    /// "relation", "defaultValue", "isUnique"…), so the page shows it next to that control; empty when general.
    [[nodiscard]] static QString inputOfError(const QString &message);

Q_SIGNALS:
    void objectChanged();
    void edited(const QString &what, const QString &id);
    /// `input`: the control the message is about (inputOfError), empty when it is about the whole action.
    void failed(const QString &what, const QString &message, const QString &input);

private:
    void load(const DataModelPtr &model);
    template<typename Work>
    void edit(const QString &what, Work work);

    RowModel m_objects;
    RowModel m_fields;
    QVariantMap m_object;
    QString m_openId;
    DataModelPtr m_model;
};

} // namespace vingt::gui
