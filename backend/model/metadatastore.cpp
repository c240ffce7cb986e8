#include "model/metadatastore.h"

#include "core/json.h"
#include "model/metadatavalidation.h"
#include "storage/database.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace vingt {

using namespace Qt::StringLiterals;

namespace {

QVariant jsonOrNull(const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return QVariant(QMetaType::fromType<QString>());
    return QString::fromUtf8(json::serialize(value));
}

QJsonValue parseJson(const QVariant &value)
{
    if (value.isNull())
        return QJsonValue::Null;
    auto parsed = json::parse(value.toString().toUtf8());
    return parsed ? parsed.value() : QJsonValue(QJsonValue::Null);
}

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

QJsonArray optionsToJson(const std::vector<SelectOption> &options)
{
    QJsonArray array;
    for (const auto &o : options) {
        array.append(QJsonObject{{u"id"_s, o.id},
                                 {u"value"_s, o.value},
                                 {u"label"_s, o.label},
                                 {u"position"_s, o.position},
                                 {u"color"_s, o.color}});
    }
    return array;
}

std::vector<SelectOption> optionsFromJson(const QJsonValue &value)
{
    std::vector<SelectOption> options;
    for (const QJsonValue &v : value.toArray()) {
        const QJsonObject o = v.toObject();
        options.push_back({o.value("id"_L1).toString(), o.value("value"_L1).toString(), o.value("label"_L1).toString(),
                           o.value("position"_L1).toDouble(), o.value("color"_L1).toString()});
    }
    return options;
}

} // namespace

Result<void> MetadataStore::insertField(Database &database, const FieldMetadata &f, int position)
{
    auto rows = database.exec(
        u"INSERT INTO core_fieldMetadata (id, objectMetadataId, position, name, label, type, description, "
        "icon, isCustom, isActive, isSystem, isNullable, isUnique, isLabelSyncedWithName, defaultValue, options, "
        "settings, relationType, relationTargetObjectMetadataId, relationTargetFieldMetadataId, onDelete, createdAt, "
        "updatedAt) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (id) DO UPDATE SET "
        "objectMetadataId = excluded.objectMetadataId, position = excluded.position, name = excluded.name, "
        "label = excluded.label, type = excluded.type, description = excluded.description, icon = excluded.icon, "
        "isCustom = excluded.isCustom, isActive = excluded.isActive, isSystem = excluded.isSystem, "
        "isNullable = excluded.isNullable, isUnique = excluded.isUnique, "
        "isLabelSyncedWithName = excluded.isLabelSyncedWithName, defaultValue = excluded.defaultValue, "
        "options = excluded.options, settings = excluded.settings, relationType = excluded.relationType, "
        "relationTargetObjectMetadataId = excluded.relationTargetObjectMetadataId, "
        "relationTargetFieldMetadataId = excluded.relationTargetFieldMetadataId, onDelete = excluded.onDelete, "
        "createdAt = excluded.createdAt, updatedAt = excluded.updatedAt"_s,
        {f.id,
         f.objectMetadataId,
         position,
         f.name,
         f.label,
         QString(fieldTypeName(f.type)),
         textOrNull(f.description),
         textOrNull(f.icon),
         int(f.isCustom),
         int(f.isActive),
         int(f.isSystem),
         int(f.isNullable),
         int(f.isUnique),
         int(f.isLabelSyncedWithName),
         jsonOrNull(f.defaultValue),
         f.options.empty() ? QVariant(QMetaType::fromType<QString>()) : jsonOrNull(optionsToJson(f.options)),
         f.settings.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : jsonOrNull(f.settings),
         textOrNull(QString(relationTypeName(f.relationType))),
         textOrNull(f.relationTargetObjectMetadataId),
         textOrNull(f.relationTargetFieldMetadataId),
         f.relationType == RelationType::ManyToOne ? QVariant(QString(onDeleteName(f.onDelete)))
                                                   : QVariant(QMetaType::fromType<QString>()),
         f.createdAt,
         f.updatedAt});
    if (!rows)
        return rows.error();
    return {};
}

Result<void> MetadataStore::upsertObjectRow(Database &database, const ObjectMetadata &o)
{
    QJsonArray criteria;
    for (const QStringList &alternative : o.duplicateCriteria)
        criteria.append(QJsonArray::fromStringList(alternative));
    auto rows = database.exec(
        u"INSERT INTO core_objectMetadata (id, nameSingular, namePlural, labelSingular, labelPlural, description, "
        "icon, shortcut, color, isCustom, isActive, isSystem, isRemote, isSearchable, isLabelSyncedWithName, "
        "labelIdentifierFieldMetadataId, imageIdentifierFieldMetadataId, duplicateCriteria, createdAt, updatedAt) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (id) DO UPDATE SET "
        "nameSingular = excluded.nameSingular, namePlural = excluded.namePlural, "
        "labelSingular = excluded.labelSingular, labelPlural = excluded.labelPlural, "
        "description = excluded.description, icon = excluded.icon, shortcut = excluded.shortcut, "
        "color = excluded.color, isCustom = excluded.isCustom, isActive = excluded.isActive, "
        "isSystem = excluded.isSystem, isRemote = excluded.isRemote, isSearchable = excluded.isSearchable, "
        "isLabelSyncedWithName = excluded.isLabelSyncedWithName, "
        "labelIdentifierFieldMetadataId = excluded.labelIdentifierFieldMetadataId, "
        "imageIdentifierFieldMetadataId = excluded.imageIdentifierFieldMetadataId, "
        "duplicateCriteria = excluded.duplicateCriteria, createdAt = excluded.createdAt, "
        "updatedAt = excluded.updatedAt"_s,
        {o.id,
         o.nameSingular,
         o.namePlural,
         o.labelSingular,
         o.labelPlural,
         textOrNull(o.description),
         textOrNull(o.icon),
         textOrNull(o.shortcut),
         textOrNull(o.color),
         int(o.isCustom),
         int(o.isActive),
         int(o.isSystem),
         int(o.isRemote),
         int(o.isSearchable),
         int(o.isLabelSyncedWithName),
         textOrNull(o.labelIdentifierFieldMetadataId),
         textOrNull(o.imageIdentifierFieldMetadataId),
         criteria.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : jsonOrNull(criteria),
         o.createdAt,
         o.updatedAt});
    if (!rows)
        return rows.error();
    return {};
}

Result<void> MetadataStore::insertObject(Database &database, const ObjectMetadata &o)
{
    VINGT_TRY(upsertObjectRow(database, o));
    int position = 0;
    for (const FieldMetadata &f : o.fields)
        VINGT_TRY(insertField(database, f, position++));
    return {};
}

Result<void> MetadataStore::deleteField(Database &database, const QString &fieldId)
{
    VINGT_TRY(database.exec(u"DELETE FROM core_fieldPermission WHERE fieldMetadataId = ?"_s, {fieldId}));
    VINGT_TRY(database.exec(u"DELETE FROM core_fieldMetadata WHERE id = ?"_s, {fieldId}));
    return {};
}

Result<void> MetadataStore::deleteObject(Database &database, const QString &objectId)
{
    for (const QString &table : {u"core_fieldPermission"_s, u"core_objectPermission"_s, u"core_fieldMetadata"_s})
        VINGT_TRY(database.exec(u"DELETE FROM %1 WHERE objectMetadataId = ?"_s.arg(table), {objectId}));
    VINGT_TRY(database.exec(u"DELETE FROM core_objectMetadata WHERE id = ?"_s, {objectId}));
    return {};
}

Result<void> MetadataStore::save(Database &database, const DataModel &before, const DataModel &after)
{
    for (const ObjectMetadata &old : before.objects()) {
        const ObjectMetadata *now = after.objectById(old.id);
        if (!now) {
            VINGT_TRY(deleteObject(database, old.id));
            continue;
        }
        for (const FieldMetadata &field : old.fields) {
            if (!now->fieldById(field.id))
                VINGT_TRY(deleteField(database, field.id));
        }
    }
    for (const ObjectMetadata &object : after.objects()) {
        const ObjectMetadata *old = before.objectById(object.id);
        if (!old) {
            VINGT_TRY(insertObject(database, object));
            continue;
        }
        if (!old->sameRow(object))
            VINGT_TRY(upsertObjectRow(database, object));
        for (int position = 0; position < int(object.fields.size()); ++position) {
            const FieldMetadata &field = object.fields[std::size_t(position)];
            const auto it = old->fieldIndexByName.constFind(field.name);
            const bool unchanged = it != old->fieldIndexByName.cend() && *it == position
                                   && old->fields[std::size_t(*it)] == field;
            if (!unchanged)
                VINGT_TRY(insertField(database, field, position));
        }
    }
    return {};
}

Result<DataModelPtr> MetadataStore::load(Database &database)
{
    qint64 version = 1;
    {
        auto rows = database.exec(u"SELECT dataModelVersion FROM core_workspaceInfo LIMIT 1"_s);
        if (!rows)
            return rows.error();
        if (rows->next())
            version = rows->value(0).toLongLong();
    }
    std::vector<ObjectMetadata> objects;
    QHash<QString, int> objectIndex;
    {
        auto rows = database.exec(
            u"SELECT id, nameSingular, namePlural, labelSingular, labelPlural, description, icon, shortcut, color, "
            "isCustom, isActive, isSystem, isRemote, isSearchable, isLabelSyncedWithName, "
            "labelIdentifierFieldMetadataId, imageIdentifierFieldMetadataId, duplicateCriteria, createdAt, updatedAt "
            "FROM core_objectMetadata ORDER BY rowid"_s);
        if (!rows)
            return rows.error();
        while (rows->next()) {
            ObjectMetadata o;
            int c = 0;
            o.id = rows->value(c++).toString();
            o.nameSingular = rows->value(c++).toString();
            o.namePlural = rows->value(c++).toString();
            o.labelSingular = rows->value(c++).toString();
            o.labelPlural = rows->value(c++).toString();
            o.description = rows->value(c++).toString();
            o.icon = rows->value(c++).toString();
            o.shortcut = rows->value(c++).toString();
            o.color = rows->value(c++).toString();
            o.isCustom = rows->value(c++).toBool();
            o.isActive = rows->value(c++).toBool();
            o.isSystem = rows->value(c++).toBool();
            o.isRemote = rows->value(c++).toBool();
            o.isSearchable = rows->value(c++).toBool();
            o.isLabelSyncedWithName = rows->value(c++).toBool();
            o.labelIdentifierFieldMetadataId = rows->value(c++).toString();
            o.imageIdentifierFieldMetadataId = rows->value(c++).toString();
            for (const QJsonValue &alternative : parseJson(rows->value(c++)).toArray()) {
                QStringList columns;
                for (const QJsonValue &column : alternative.toArray())
                    columns << column.toString();
                o.duplicateCriteria << columns;
            }
            o.createdAt = rows->value(c++).toString();
            o.updatedAt = rows->value(c++).toString();
            objectIndex.insert(o.id, int(objects.size()));
            objects.push_back(std::move(o));
        }
    }
    {
        auto rows = database.exec(
            u"SELECT id, objectMetadataId, name, label, type, description, icon, isCustom, isActive, isSystem, "
            "isNullable, isUnique, isLabelSyncedWithName, defaultValue, options, settings, relationType, "
            "relationTargetObjectMetadataId, relationTargetFieldMetadataId, onDelete, createdAt, updatedAt "
            "FROM core_fieldMetadata ORDER BY objectMetadataId, position"_s);
        if (!rows)
            return rows.error();
        while (rows->next()) {
            FieldMetadata f;
            int c = 0;
            f.id = rows->value(c++).toString();
            f.objectMetadataId = rows->value(c++).toString();
            f.name = rows->value(c++).toString();
            f.label = rows->value(c++).toString();
            const auto type = fieldTypeFromName(rows->value(c++).toString());
            f.type = type.value_or(FieldType::Text);
            f.description = rows->value(c++).toString();
            f.icon = rows->value(c++).toString();
            f.isCustom = rows->value(c++).toBool();
            f.isActive = rows->value(c++).toBool();
            f.isSystem = rows->value(c++).toBool();
            f.isNullable = rows->value(c++).toBool();
            f.isUnique = rows->value(c++).toBool();
            f.isLabelSyncedWithName = rows->value(c++).toBool();
            f.defaultValue = parseJson(rows->value(c++));
            f.options = optionsFromJson(parseJson(rows->value(c++)));
            f.settings = parseJson(rows->value(c++)).toObject();
            const QString relationType = rows->value(c++).toString();
            f.relationType = relationType == "MANY_TO_ONE"_L1   ? RelationType::ManyToOne
                             : relationType == "ONE_TO_MANY"_L1 ? RelationType::OneToMany
                                                                : RelationType::None;
            f.relationTargetObjectMetadataId = rows->value(c++).toString();
            f.relationTargetFieldMetadataId = rows->value(c++).toString();
            f.onDelete = metadatavalidation::onDeleteFromName(rows->value(c++).toString()).value_or(OnDelete::SetNull);
            f.createdAt = rows->value(c++).toString();
            f.updatedAt = rows->value(c++).toString();
            const auto it = objectIndex.constFind(f.objectMetadataId);
            if (it != objectIndex.cend())
                objects[*it].fields.push_back(std::move(f));
        }
    }
    return DataModelPtr(std::make_shared<const DataModel>(version, std::move(objects)));
}

} // namespace vingt
