#include "query/columnresolver.h"

#include <QStringList>

namespace vingt {

using namespace Qt::StringLiterals;

namespace {

Error notFound(const ObjectMetadata &object, const QString &path)
{
    return Error::badRequest(u"Field '%1' not found on object '%2'"_s.arg(path, object.nameSingular));
}

QString subFieldList(FieldType type)
{
    QStringList names;
    for (const SubField &sub : compositeSubFields(type))
        names << QString(sub.name);
    return names.join(u", "_s);
}

} // namespace

QString ResolvedColumn::displayName() const
{
    if (isSubField && field)
        return field->name + u'.' + QString(compositeSubFields(field->type)[column->subFieldIndex].name);
    return column ? column->name : QString();
}

Result<ResolvedColumn> resolveColumn(const ObjectMetadata &object, const QString &field, const QString &subField)
{
    const QString path = subField.isEmpty() ? field : field + u'.' + subField;
    const FieldMetadata *metadata = object.field(field);
    if (!metadata || !object.isApiField(*metadata)) {
        // Not a field: maybe the join column of a MANY_TO_ONE relation (`companyId`).
        const StorageColumn *column = object.column(field);
        if (column && subField.isEmpty() && column->fieldIndex >= 0) {
            const FieldMetadata &owner = object.fields[column->fieldIndex];
            if (owner.isManyToOne() && object.isApiField(owner))
                return ResolvedColumn{column, &owner, false, true};
        }
        return notFound(object, path);
    }
    if (isRelation(metadata->type))
        return notFound(object, path);

    const auto subs = compositeSubFields(metadata->type);
    if (subs.empty()) {
        if (!subField.isEmpty())
            return notFound(object, path);
        const StorageColumn *column = object.column(metadata->name);
        if (!column)
            return notFound(object, path);
        return ResolvedColumn{column, metadata, false, false};
    }
    if (subField.isEmpty()) {
        return Error::badRequest(u"Field '%1' on object '%2' is composite: use one of its sub-fields (%3)"_s.arg(
            field, object.nameSingular, subFieldList(metadata->type)));
    }
    for (const SubField &sub : subs) {
        if (sub.name != subField)
            continue;
        const StorageColumn *column = object.column(compositeColumnName(metadata->name, sub.name));
        if (!column)
            break;
        return ResolvedColumn{column, metadata, true, false};
    }
    return Error::badRequest(u"Field '%1' not found on object '%2'. Sub-fields of '%3': %4"_s.arg(
        path, object.nameSingular, field, subFieldList(metadata->type)));
}

} // namespace vingt
