#include "model/metadatajson.h"

#include "core/json.h"

#include <QJsonArray>
#include <QJsonObject>

namespace vingt::metadatajson {

using namespace Qt::StringLiterals;

void text(JsonWriter &out, QLatin1StringView name, const QString &value)
{
    out.key(name);
    out.value(QStringView(value));
}

void nullableText(JsonWriter &out, QLatin1StringView name, const QString &value)
{
    out.key(name);
    if (value.isEmpty())
        out.null();
    else
        out.value(QStringView(value));
}

namespace {

void boolean(JsonWriter &out, QLatin1StringView name, bool value)
{
    out.key(name);
    out.value(value);
}

void json(JsonWriter &out, QLatin1StringView name, const QJsonValue &value)
{
    out.key(name);
    if (value.isNull() || value.isUndefined())
        out.null();
    else
        out.raw(json::serialize(value));
}

void objectRef(JsonWriter &out, QLatin1StringView name, const ObjectMetadata *object)
{
    out.key(name);
    if (!object) {
        out.null();
        return;
    }
    out.beginObject();
    text(out, "id"_L1, object->id);
    text(out, "nameSingular"_L1, object->nameSingular);
    text(out, "namePlural"_L1, object->namePlural);
    out.endObject();
}

void fieldRef(JsonWriter &out, QLatin1StringView name, const FieldMetadata *field)
{
    out.key(name);
    if (!field) {
        out.null();
        return;
    }
    out.beginObject();
    text(out, "id"_L1, field->id);
    text(out, "name"_L1, field->name);
    out.endObject();
}

} // namespace

void writeField(JsonWriter &out, const DataModel &model, const ObjectMetadata &object, const FieldMetadata &field,
                Projection projection)
{
    const bool full = projection == Projection::Full;
    out.beginObject();
    text(out, "id"_L1, field.id);
    text(out, "type"_L1, QString(fieldTypeName(field.type)));
    text(out, "name"_L1, field.name);
    text(out, "label"_L1, field.label);
    nullableText(out, "description"_L1, field.description);
    nullableText(out, "icon"_L1, field.icon);
    boolean(out, "isCustom"_L1, field.isCustom);
    boolean(out, "isActive"_L1, field.isActive);
    boolean(out, "isSystem"_L1, field.isSystem);
    boolean(out, "isNullable"_L1, field.isNullable);
    if (full) {
        boolean(out, "isUnique"_L1, field.isUnique);
        boolean(out, "isLabelSyncedWithName"_L1, field.isLabelSyncedWithName);
        text(out, "objectMetadataId"_L1, field.objectMetadataId);
        json(out, "settings"_L1, field.settings.isEmpty() ? QJsonValue() : QJsonValue(field.settings));
    }
    text(out, "createdAt"_L1, field.createdAt);
    text(out, "updatedAt"_L1, field.updatedAt);
    json(out, "defaultValue"_L1, field.defaultValue);
    out.key("options"_L1);
    if (field.options.empty()) {
        out.null();
    } else {
        out.beginArray();
        for (const SelectOption &option : field.options) {
            out.beginObject();
            text(out, "id"_L1, option.id);
            text(out, "value"_L1, option.value);
            text(out, "label"_L1, option.label);
            out.key("position"_L1);
            out.value(option.position);
            text(out, "color"_L1, option.color);
            out.endObject();
        }
        out.endArray();
    }
    out.key("relation"_L1);
    if (field.type != FieldType::Relation || field.relationType == RelationType::None) {
        out.null();
    } else {
        out.beginObject();
        text(out, "type"_L1, QString(relationTypeName(field.relationType)));
        objectRef(out, "sourceObjectMetadata"_L1, &object);
        objectRef(out, "targetObjectMetadata"_L1, model.relationTarget(field));
        fieldRef(out, "sourceFieldMetadata"_L1, &field);
        fieldRef(out, "targetFieldMetadata"_L1, model.relationInverse(field));
        out.endObject();
    }
    out.endObject();
}

void writeObject(JsonWriter &out, const DataModel &model, const ObjectMetadata &object, bool withFields,
                 Projection projection, const std::function<bool(const FieldMetadata &)> &includeField)
{
    const bool full = projection == Projection::Full;
    out.beginObject();
    text(out, "id"_L1, object.id);
    text(out, "nameSingular"_L1, object.nameSingular);
    text(out, "namePlural"_L1, object.namePlural);
    text(out, "labelSingular"_L1, object.labelSingular);
    text(out, "labelPlural"_L1, object.labelPlural);
    nullableText(out, "description"_L1, object.description);
    nullableText(out, "icon"_L1, object.icon);
    boolean(out, "isCustom"_L1, object.isCustom);
    boolean(out, "isActive"_L1, object.isActive);
    boolean(out, "isSystem"_L1, object.isSystem);
    if (full) {
        nullableText(out, "shortcut"_L1, object.shortcut);
        nullableText(out, "color"_L1, object.color);
        boolean(out, "isRemote"_L1, object.isRemote);
        boolean(out, "isUIReadOnly"_L1, false);
        boolean(out, "isSearchable"_L1, object.isSearchable);
        boolean(out, "isLabelSyncedWithName"_L1, object.isLabelSyncedWithName);
        QJsonArray criteria;
        for (const QStringList &alternative : object.duplicateCriteria)
            criteria.append(QJsonArray::fromStringList(alternative));
        json(out, "duplicateCriteria"_L1, criteria);
    }
    text(out, "createdAt"_L1, object.createdAt);
    text(out, "updatedAt"_L1, object.updatedAt);
    nullableText(out, "labelIdentifierFieldMetadataId"_L1, object.labelIdentifierFieldMetadataId);
    nullableText(out, "imageIdentifierFieldMetadataId"_L1, object.imageIdentifierFieldMetadataId);
    if (withFields) {
        out.key("fields"_L1);
        out.beginArray();
        for (const FieldMetadata &field : object.fields) {
            if (!includeField || includeField(field))
                writeField(out, model, object, field, projection);
        }
        out.endArray();
    }
    out.endObject();
}

QJsonObject option(const SelectOption &option)
{
    return {{u"id"_s, option.id},
            {u"value"_s, option.value},
            {u"label"_s, option.label},
            {u"position"_s, option.position},
            {u"color"_s, option.color}};
}

} // namespace vingt::metadatajson
