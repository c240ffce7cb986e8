#include "playground/filterfields.h"

#include "playground/restfilterwriter.h"
#include "query/columnresolver.h"
#include "query/comparatorsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace vingt::playground {

using namespace Qt::StringLiterals;

namespace {

bool takesList(Comparator op)
{
    return op == Comparator::In || op == Comparator::ContainsAny || op == Comparator::ContainsExactly
           || op == Comparator::ContainsIlike;
}

QJsonValue placeholder(ValueKind kind, const FieldMetadata &field)
{
    switch (kind) {
    case ValueKind::Text: return u""_s;
    case ValueKind::Uuid: return QJsonValue::Null;
    case ValueKind::DateTime: return u"2026-01-01T00:00:00.000Z"_s;
    case ValueKind::Date: return u"2026-01-01"_s;
    case ValueKind::Boolean: return false;
    case ValueKind::Float:
    case ValueKind::Integer: return 0;
    case ValueKind::Json: return field.type == FieldType::Array ? QJsonValue(QJsonArray()) : QJsonValue::Null;
    case ValueKind::Select: return field.options.empty() ? QJsonValue::Null : QJsonValue(field.options.front().value);
    case ValueKind::MultiSelect: return field.options.empty() ? QJsonArray() : QJsonArray{field.options.front().value};
    }
    return QJsonValue::Null;
}

} // namespace

std::vector<FilterField> filterFields(const ObjectMetadata &object)
{
    std::vector<FilterField> out;
    auto add = [&](const QString &field, const QString &sub, const QString &path, const QString &type,
                   const QStringList &options) {
        auto column = resolveColumn(object, field, sub);
        if (!column)
            return;
        QStringList comparators;
        for (const Comparator op : supportedComparators(*column))
            comparators << comparatorName(op);
        out.push_back({path, type, comparators, options});
    };
    for (const FieldMetadata &field : object.fields) {
        if (!object.isApiField(field))
            continue;
        const QString type = fieldTypeName(field.type);
        if (field.isManyToOne()) {
            add(field.joinColumnName(), {}, field.joinColumnName(), type + u" (join column)"_s, {});
        } else if (isComposite(field.type)) {
            for (const SubField &sub : compositeSubFields(field.type))
                add(field.name, sub.name, field.name + u'.' + sub.name, type + u'.' + sub.name, {});
        } else if (!isRelation(field.type)) {
            add(field.name, {}, field.name, type, field.optionValues());
        }
    }
    return out;
}

Result<QString> buildRestFilter(const DataModel &model, const QString &objectNamePlural,
                                const std::vector<FilterRow> &rows, bool any)
{
    std::vector<FilterNode> conditions;
    for (const FilterRow &row : rows) {
        if (row.field.trimmed().isEmpty())
            continue;
        const auto op = comparatorFromName(row.comparator);
        if (!op)
            return Error::badRequest(u"Unknown comparator '%1' for field '%2'"_s.arg(row.comparator, row.field));
        const qsizetype dot = row.field.indexOf(u'.');
        const QString field = dot < 0 ? row.field : row.field.left(dot);
        const QString sub = dot < 0 ? QString() : row.field.mid(dot + 1);
        QJsonValue value = row.value;
        if (takesList(*op)) {
            QJsonArray items;
            for (const QString &item : row.value.split(u',', Qt::SkipEmptyParts))
                items.append(item.trimmed());
            value = items;
        }
        conditions.push_back(FilterNode::makeCondition(field, sub, *op, value));
    }
    if (conditions.empty())
        return QString();
    const FilterNode tree = any ? FilterNode::makeOr(std::move(conditions))
                                : FilterNode::makeAnd(std::move(conditions));
    auto text = writeRestFilter(tree);
    if (!text)
        return text.error();
    auto checked = checkRestFilter(model, objectNamePlural, *text);
    if (!checked)
        return checked.error();
    return text;
}

QString bodyTemplate(const ObjectMetadata &object)
{
    QJsonObject body;
    for (const FieldMetadata &field : object.fields) {
        // What the server sets itself: system fields, the id, the timestamps, position and the actor fields.
        static const QStringList kServerSet{u"id"_s, u"createdAt"_s, u"updatedAt"_s, u"deletedAt"_s};
        if (!object.isApiField(field) || field.isSystem || field.type == FieldType::Position
            || field.type == FieldType::Actor || kServerSet.contains(field.name))
            continue;
        if (field.isManyToOne()) {
            body.insert(field.joinColumnName(), QJsonValue::Null);
        } else if (isComposite(field.type)) {
            QJsonObject composite;
            for (const SubField &sub : compositeSubFields(field.type))
                composite.insert(sub.name, placeholder(sub.kind, field));
            body.insert(field.name, composite);
        } else if (!isRelation(field.type)) {
            const int column = object.fieldFirstColumn.at(&field - object.fields.data());
            if (column >= 0)
                body.insert(field.name, placeholder(object.columns.at(column).kind, field));
        }
    }
    return QString::fromUtf8(QJsonDocument(body).toJson(QJsonDocument::Indented));
}

} // namespace vingt::playground

namespace vingt::playground {

QString errorRequestPart(const QString &method, const QString &message)
{
    auto has = [&](QLatin1StringView word) { return message.contains(word, Qt::CaseInsensitive); };
    const bool write = method == "POST"_L1 || method == "PATCH"_L1 || method == "PUT"_L1;
    if (has("depth"_L1))
        return u"depth"_s;
    if (has("limit '"_L1) || has("limit="_L1))
        return u"limit"_s;
    if (has("orderBy"_L1) || has("order_by"_L1))
        return u"order_by"_s;
    if (has("cursor"_L1) || has("starting_after"_L1) || has("ending_before"_L1) || has("startingAfter"_L1))
        return u"cursor"_s;
    if (has("filter"_L1) || has("comparator"_L1) || (!write && has("Field '"_L1)))
        return u"filter"_s;
    if (has("body"_L1) || has("JSON"_L1) || (write && has("Field '"_L1)) || has("\"data\""_L1))
        return u"body"_s;
    if (has("Query path"_L1) || has("object '"_L1) || has("UUID"_L1))
        return u"path"_s;
    return {};
}

} // namespace vingt::playground
