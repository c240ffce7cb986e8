#include "model/datamodel.h"

namespace vingt {

using namespace Qt::StringLiterals;

QLatin1StringView relationTypeName(RelationType type)
{
    switch (type) {
    case RelationType::ManyToOne: return "MANY_TO_ONE"_L1;
    case RelationType::OneToMany: return "ONE_TO_MANY"_L1;
    case RelationType::None: break;
    }
    return {};
}

QLatin1StringView onDeleteName(OnDelete onDelete)
{
    switch (onDelete) {
    case OnDelete::SetNull: return "SET_NULL"_L1;
    case OnDelete::Cascade: return "CASCADE"_L1;
    case OnDelete::Restrict: return "RESTRICT"_L1;
    case OnDelete::NoAction: return "NO_ACTION"_L1;
    }
    return "SET_NULL"_L1;
}

QJsonValue unquoteDefault(const QJsonValue &value)
{
    if (value.isString()) {
        const QString s = value.toString();
        if (s.size() >= 2 && s.startsWith(u'\'') && s.endsWith(u'\''))
            return s.mid(1, s.size() - 2);
    }
    return value;
}

QString FieldMetadata::joinColumnName() const
{
    if (!isManyToOne())
        return {};
    const QString configured = settings.value("joinColumnName"_L1).toString();
    return configured.isEmpty() ? name + "Id"_L1 : configured;
}

ValueKind FieldMetadata::scalarKind() const
{
    switch (type) {
    case FieldType::Uuid: return ValueKind::Uuid;
    case FieldType::DateTime: return ValueKind::DateTime;
    case FieldType::Date: return ValueKind::Date;
    case FieldType::Boolean: return ValueKind::Boolean;
    case FieldType::Number: {
        const QString dataType = settings.value("dataType"_L1).toString();
        return (dataType == "int"_L1 || dataType == "bigint"_L1) ? ValueKind::Integer : ValueKind::Float;
    }
    case FieldType::Numeric: return ValueKind::Integer;
    case FieldType::Position: return ValueKind::Float;
    case FieldType::Rating:
    case FieldType::Select: return ValueKind::Select;
    case FieldType::MultiSelect: return ValueKind::MultiSelect;
    case FieldType::RawJson:
    case FieldType::Array: return ValueKind::Json;
    default: return ValueKind::Text;
    }
}

bool FieldMetadata::hasOption(QStringView value) const
{
    for (const auto &option : options) {
        if (option.value == value)
            return true;
    }
    return false;
}

QStringList FieldMetadata::optionValues() const
{
    QStringList values;
    for (const auto &option : options)
        values << option.value;
    return values;
}

QJsonValue FieldMetadata::unquotedDefault() const
{
    return unquoteDefault(defaultValue);
}

const FieldMetadata *ObjectMetadata::field(const QString &name) const
{
    const auto it = fieldIndexByName.constFind(name);
    return it == fieldIndexByName.cend() ? nullptr : &fields[*it];
}

const FieldMetadata *ObjectMetadata::fieldById(const QString &fieldId) const
{
    for (const auto &f : fields) {
        if (f.id == fieldId)
            return &f;
    }
    return nullptr;
}

const StorageColumn *ObjectMetadata::column(const QString &name) const
{
    const auto it = columnIndexByName.constFind(name);
    return it == columnIndexByName.cend() ? nullptr : &columns[*it];
}

bool ObjectMetadata::isApiField(const FieldMetadata &f) const
{
    return f.isActive && f.type != FieldType::TsVector;
}

const FieldMetadata *ObjectMetadata::labelIdentifierField() const
{
    if (const FieldMetadata *f = fieldById(labelIdentifierFieldMetadataId))
        return f;
    return field("name"_L1);
}

std::vector<StorageColumn> ObjectMetadata::storageColumns(bool includeInactive) const
{
    std::vector<StorageColumn> result;
    for (int i = 0; i < int(fields.size()); ++i) {
        const FieldMetadata &f = fields[i];
        if ((!f.isActive && !includeInactive) || f.type == FieldType::TsVector || f.type == FieldType::MorphRelation)
            continue;
        if (f.type == FieldType::Relation) {
            if (f.isManyToOne())
                result.push_back({f.joinColumnName(), ValueKind::Uuid, i, -1});
            continue;
        }
        const auto subs = compositeSubFields(f.type);
        if (subs.empty()) {
            result.push_back({f.name, f.scalarKind(), i, -1});
            continue;
        }
        for (int s = 0; s < int(subs.size()); ++s)
            result.push_back({compositeColumnName(f.name, subs[s].name), subs[s].kind, i, s});
    }
    return result;
}

bool ObjectMetadata::sameRow(const ObjectMetadata &o) const
{
    return id == o.id && nameSingular == o.nameSingular && namePlural == o.namePlural
           && labelSingular == o.labelSingular && labelPlural == o.labelPlural && description == o.description
           && icon == o.icon && shortcut == o.shortcut && color == o.color && isCustom == o.isCustom
           && isActive == o.isActive && isSystem == o.isSystem && isRemote == o.isRemote
           && isSearchable == o.isSearchable && isLabelSyncedWithName == o.isLabelSyncedWithName
           && labelIdentifierFieldMetadataId == o.labelIdentifierFieldMetadataId
           && imageIdentifierFieldMetadataId == o.imageIdentifierFieldMetadataId
           && duplicateCriteria == o.duplicateCriteria && createdAt == o.createdAt && updatedAt == o.updatedAt;
}

void ObjectMetadata::finalize()
{
    columns.clear();
    fieldIndexByName.clear();
    columnIndexByName.clear();
    fieldFirstColumn.assign(fields.size(), -1);
    fieldKeys.clear();
    for (const FieldMetadata &f : fields)
        fieldKeys.push_back(f.name.toUtf8()); // validated identifiers: no character needs escaping
    for (int i = 0; i < int(fields.size()); ++i)
        fieldIndexByName.insert(fields[i].name, i);
    columns = storageColumns(false);
    // Per served field: the index its columns start at (for a ONE_TO_MANY relation, which has none, the next one).
    std::size_t next = 0;
    for (int i = 0; i < int(fields.size()); ++i) {
        const FieldMetadata &f = fields[i];
        if (!f.isActive || f.type == FieldType::TsVector || f.type == FieldType::MorphRelation)
            continue;
        fieldFirstColumn[i] = int(next);
        while (next < columns.size() && columns[next].fieldIndex == i)
            ++next;
    }
    for (int c = 0; c < int(columns.size()); ++c)
        columnIndexByName.insert(columns[c].name, c);

    auto quote = [](const QString &identifier) { return u'"' + QString(identifier).replace(u'"', "\"\""_L1) + u'"'; };
    QStringList quoted;
    QStringList placeholders;
    for (const StorageColumn &column : columns) {
        quoted << quote(column.name);
        placeholders << u"?"_s;
    }
    sql.table = quote(tableName());
    sql.columnList = quoted.join(u',');
    sql.insert = u"INSERT INTO %1 (%2) VALUES (%3)"_s.arg(sql.table, sql.columnList, placeholders.join(u','));
    sql.selectById = u"SELECT %1 FROM %2 WHERE \"id\" = ?"_s.arg(sql.columnList, sql.table);
}

DataModel::DataModel(qint64 version, std::vector<ObjectMetadata> objects)
    : m_version(version)
    , m_objects(std::move(objects))
{
    for (int i = 0; i < int(m_objects.size()); ++i) {
        ObjectMetadata &object = m_objects[i];
        object.finalize();
        m_byId.insert(object.id, i);
        if (object.isActive) {
            m_bySingular.insert(object.nameSingular, i);
            m_byPlural.insert(object.namePlural, i);
        }
    }
}

const ObjectMetadata *DataModel::objectById(const QString &objectId) const
{
    const auto it = m_byId.constFind(objectId);
    return it == m_byId.cend() ? nullptr : &m_objects[*it];
}

const ObjectMetadata *DataModel::objectBySingular(const QString &name) const
{
    const auto it = m_bySingular.constFind(name);
    return it == m_bySingular.cend() ? nullptr : &m_objects[*it];
}

const ObjectMetadata *DataModel::objectByPlural(const QString &name) const
{
    const auto it = m_byPlural.constFind(name);
    return it == m_byPlural.cend() ? nullptr : &m_objects[*it];
}

std::pair<const ObjectMetadata *, const FieldMetadata *> DataModel::fieldById(const QString &fieldId) const
{
    for (const auto &object : m_objects) {
        if (const FieldMetadata *f = object.fieldById(fieldId))
            return {&object, f};
    }
    return {nullptr, nullptr};
}

const ObjectMetadata *DataModel::relationTarget(const FieldMetadata &f) const
{
    return objectById(f.relationTargetObjectMetadataId);
}

const FieldMetadata *DataModel::relationInverse(const FieldMetadata &f) const
{
    const ObjectMetadata *target = relationTarget(f);
    return target ? target->fieldById(f.relationTargetFieldMetadataId) : nullptr;
}

} // namespace vingt
