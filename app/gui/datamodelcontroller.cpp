#include "gui/datamodelcontroller.h"

#include "gui/metadataediting.h"
#include "model/fieldtype.h"
#include "model/metadatajson.h"
#include "model/metadatavalidation.h"
#include "services/workspace.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace vingt::gui {

using namespace Qt::StringLiterals;

namespace {

/// "MULTI_SELECT" → "Multi-select", "FULL_NAME" → "Full name".
QString typeLabel(FieldType type)
{
    static const QHash<QString, QString> special{{u"UUID"_s, u"UUID"_s},
                                                 {u"RAW_JSON"_s, u"JSON"_s},
                                                 {u"MULTI_SELECT"_s, u"Multi-select"_s},
                                                 {u"DATE_TIME"_s, u"Date and time"_s},
                                                 {u"RICH_TEXT_V2"_s, u"Rich text"_s},
                                                 {u"TS_VECTOR"_s, u"Search vector"_s}};
    const QString name = QString(fieldTypeName(type));
    if (special.contains(name))
        return special.value(name);
    QString text = name.toLower().replace(u'_', u' ');
    text[0] = text.at(0).toUpper();
    return text;
}

} // namespace

DataModelController::DataModelController(QObject *parent)
    : Controller(parent)
    , m_objects({u"id"_s, u"label"_s, u"labelSingular"_s, u"nameSingular"_s, u"namePlural"_s, u"icon"_s,
                 u"description"_s, u"fieldCount"_s, u"isCustom"_s, u"isActive"_s},
                this)
    , m_fields({u"id"_s, u"label"_s, u"name"_s, u"type"_s, u"typeLabel"_s, u"icon"_s, u"isRequired"_s, u"isUnique"_s,
                u"isCustom"_s, u"isActive"_s, u"target"_s, u"description"_s, u"options"_s, u"settings"_s,
                u"defaultValue"_s, u"relationType"_s, u"onDelete"_s},
               this)
{
    // The snapshot is swapped by every metadata change (Metadata API, GraphQL, this page): a pointer compare a second.
    followChanges(1000, [this] { refresh(); });
    refresh();
}

bool DataModelController::editingAvailable() const
{
    return BackendContext::current().metadata != nullptr;
}

QString DataModelController::editingUnavailableReason() const
{
    return editingAvailable() ? QString()
                              : u"Editing the data model arrives with the metadata service; this build shows it "
                                "read-only."_s;
}

QStringList DataModelController::fieldTypes() const
{
    // The types a person adds in Twenty's "+ Add field" picker, in its order.
    return {u"TEXT"_s,         u"NUMBER"_s,   u"BOOLEAN"_s,  u"DATE_TIME"_s, u"DATE"_s,   u"SELECT"_s,
            u"MULTI_SELECT"_s, u"CURRENCY"_s, u"LINKS"_s,    u"EMAILS"_s,    u"PHONES"_s, u"ADDRESS"_s,
            u"FULL_NAME"_s,    u"RATING"_s,   u"RELATION"_s, u"RAW_JSON"_s,  u"ARRAY"_s};
}

void DataModelController::refresh()
{
    DataModelPtr model = BackendContext::current().workspace().dataModel();
    if (model && (!m_model || model.get() != m_model.get()))
        load(model);
}

void DataModelController::load(const DataModelPtr &model)
{
    m_model = model;
    QList<QVariantMap> rows;
    for (const ObjectMetadata &object : model->objects()) {
        if (object.isSystem)
            continue;
        const auto fieldCount = std::count_if(object.fields.begin(), object.fields.end(),
                                              [](const FieldMetadata &f) { return !f.isSystem; });
        rows.append({{u"id"_s, object.id},
                     {u"label"_s, object.labelPlural},
                     {u"labelSingular"_s, object.labelSingular},
                     {u"nameSingular"_s, object.nameSingular},
                     {u"namePlural"_s, object.namePlural},
                     {u"icon"_s, object.icon},
                     {u"description"_s, object.description},
                     {u"fieldCount"_s, int(fieldCount)},
                     {u"isCustom"_s, object.isCustom},
                     {u"isActive"_s, object.isActive}});
    }
    std::sort(rows.begin(), rows.end(), [](const QVariantMap &a, const QVariantMap &b) {
        if (a.value(u"isCustom"_s) != b.value(u"isCustom"_s))
            return !a.value(u"isCustom"_s).toBool();
        return a.value(u"label"_s).toString().localeAwareCompare(b.value(u"label"_s).toString()) < 0;
    });
    m_objects.setRows(std::move(rows));
    if (!m_openId.isEmpty())
        openObject(m_openId);
}

void DataModelController::openObject(const QString &idOrName)
{
    if (!m_model)
        return;
    const ObjectMetadata *object = m_model->objectById(idOrName);
    if (!object)
        object = m_model->objectBySingular(idOrName);
    QList<QVariantMap> rows;
    QVariantMap map;
    if (object) {
        m_openId = object->id;
        map = m_objects.get(m_objects.indexOfId(object->id));
        for (const FieldMetadata &field : object->fields) {
            if (field.isSystem)
                continue;
            const ObjectMetadata *target = m_model->relationTarget(field);
            QVariantList options;
            for (const SelectOption &option : field.options)
                options.append(metadatajson::option(option).toVariantMap());
            rows.append({{u"id"_s, field.id},
                         {u"label"_s, field.label},
                         {u"name"_s, field.name},
                         {u"type"_s, QString(fieldTypeName(field.type))},
                         {u"typeLabel"_s, typeLabel(field.type)},
                         {u"icon"_s, field.icon},
                         {u"isRequired"_s, !field.isNullable},
                         {u"isUnique"_s, field.isUnique},
                         {u"isCustom"_s, field.isCustom},
                         {u"isActive"_s, field.isActive},
                         {u"target"_s, target ? target->labelSingular : QString()},
                         {u"description"_s, field.description},
                         {u"options"_s, options},
                         {u"settings"_s, field.settings.toVariantMap()},
                         {u"defaultValue"_s, field.defaultValue.toVariant()},
                         {u"relationType"_s, QString(relationTypeName(field.relationType))},
                         {u"onDelete"_s, field.isManyToOne() ? QString(onDeleteName(field.onDelete)) : QString()}});
        }
    }
    m_fields.setRows(std::move(rows));
    if (map != m_object) {
        m_object = std::move(map);
        Q_EMIT objectChanged();
    }
}

template<typename Work>
void DataModelController::edit(const QString &what, Work work)
{
    MetadataEditing *metadata = BackendContext::current().metadata;
    if (!metadata) {
        Q_EMIT failed(what, editingUnavailableReason(), {});
        return;
    }
    run([metadata, work = std::move(work)] { return work(*metadata); },
        [this, what](Result<QString> result) {
            if (!result) {
                Q_EMIT failed(what, result.error().message, inputOfError(result.error().message));
                return;
            }
            refresh();
            Q_EMIT edited(what, *result);
        });
}

namespace {
Result<QString> idOf(const QString &id, Result<void> result)
{
    if (!result)
        return result.error();
    return id;
}
} // namespace

void DataModelController::createObject(const QVariantMap &input)
{
    edit(u"createObject"_s,
         [input = QJsonObject::fromVariantMap(input)](MetadataEditing &m) { return m.createObject(input); });
}

void DataModelController::updateObject(const QString &id, const QVariantMap &update)
{
    edit(u"updateObject"_s, [id, update = QJsonObject::fromVariantMap(update)](MetadataEditing &m) {
        return idOf(id, m.updateObject(id, update));
    });
}

void DataModelController::deleteObject(const QString &id)
{
    edit(u"deleteObject"_s, [id](MetadataEditing &m) { return idOf(id, m.deleteObject(id)); });
}

void DataModelController::createField(const QVariantMap &input)
{
    edit(u"createField"_s,
         [input = QJsonObject::fromVariantMap(input)](MetadataEditing &m) { return m.createField(input); });
}

void DataModelController::updateField(const QString &id, const QVariantMap &update)
{
    edit(u"updateField"_s, [id, update = QJsonObject::fromVariantMap(update)](MetadataEditing &m) {
        return idOf(id, m.updateField(id, update));
    });
}

void DataModelController::deleteField(const QString &id)
{
    edit(u"deleteField"_s, [id](MetadataEditing &m) { return idOf(id, m.deleteField(id)); });
}

QString DataModelController::apiNameFromLabel(const QString &label)
{
    return metadatavalidation::nameFromLabel(label);
}

QString DataModelController::optionValueFromLabel(const QString &label)
{
    static const QRegularExpression separators(u"[^A-Za-z0-9]+"_s);
    QString value = label.normalized(QString::NormalizationForm_KD)
                        .toUpper()
                        .replace(separators, u"_"_s)
                        .remove(QRegularExpression(u"^[_0-9]+|_+$"_s));
    return value.left(63);
}

QString DataModelController::inputOfError(const QString &message)
{
    // The service names the input it refuses: "'nameSingular' value 'x' is not a valid name", "'settings.decimals'
    // of field…", "Option value 'x' of field…". Map those words to the control that edits them.
    static const QRegularExpression leadingKey(u"^'([A-Za-z]+)(?:\\.[A-Za-z.]+)?'"_s);
    static const QHash<QString, QString> keys{{u"name"_s, u"name"_s},
                                              {u"label"_s, u"label"_s},
                                              {u"description"_s, u"description"_s},
                                              {u"icon"_s, u"icon"_s},
                                              {u"nameSingular"_s, u"nameSingular"_s},
                                              {u"namePlural"_s, u"namePlural"_s},
                                              {u"labelSingular"_s, u"labelSingular"_s},
                                              {u"labelPlural"_s, u"labelPlural"_s},
                                              {u"settings"_s, u"settings"_s},
                                              {u"options"_s, u"options"_s},
                                              {u"defaultValue"_s, u"defaultValue"_s},
                                              {u"isUnique"_s, u"isUnique"_s},
                                              {u"isNullable"_s, u"isNullable"_s},
                                              {u"relationCreationPayload"_s, u"relation"_s}};
    if (const auto match = leadingKey.match(message); match.hasMatch() && keys.contains(match.captured(1)))
        return keys.value(match.captured(1));
    const std::pair<const char *, const char *> phrases[] = {
        {"Option", "options"},
        {"options", "options"},
        {"Default value", "defaultValue"},
        {"default value", "defaultValue"},
        {"cannot be unique", "isUnique"},
        {"relation", "relation"},
        {"An object with the name", "nameSingular"},
        {"cannot be used as an object name", "nameSingular"},
        {"singular and plural names", "namePlural"},
        {"The name \"", "name"},
        {"already exists on object", "name"},
        {"is already a field of", "name"},
    };
    for (const auto &[phrase, input] : phrases) {
        if (message.contains(QLatin1StringView(phrase)))
            return QString::fromLatin1(input);
    }
    return {};
}

} // namespace vingt::gui
