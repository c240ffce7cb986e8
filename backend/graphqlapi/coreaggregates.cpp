// The Core GraphQL API's aggregates, group-by, duplicates and merge (API-CONTRACT §1.10, §1.11, §2.2): thin adapters
// over RecordService::aggregate / groupBy / findDuplicates / merge, which hold every rule (permissions, soft-delete
// visibility, limits, errors), shared with REST.

#include "graphqlapi/coreaggregates.h"

#include "query/groupby.h"
#include "query/orderby.h"
#include "services/workspace.h"

#include <QSet>

namespace vingt::graphqlapi {

using namespace Qt::StringLiterals;
using graphql::FieldConfig;
using graphql::FieldResult;
using graphql::InputValueConfig;
using graphql::ResolveParams;
using graphql::Value;

namespace {

QString aggregateType(AggregateResultKind kind)
{
    switch (kind) {
    case AggregateResultKind::Count: return u"Int"_s;
    case AggregateResultKind::Percentage:
    case AggregateResultKind::Number: return u"Float"_s;
    case AggregateResultKind::BigNumber: return u"BigFloat"_s;
    case AggregateResultKind::DateTime: return u"DateTime"_s;
    case AggregateResultKind::Date: return u"Date"_s;
    }
    return u"Float"_s;
}

/// The aggregate names an object offers, totalCount excluded (the connection has its own field).
QSet<QString> aggregateNames(const ObjectMetadata &object)
{
    QSet<QString> names;
    for (const AggregateSpec &spec : availableAggregates(object)) {
        if (spec.op != AggregateOp::TotalCount)
            names.insert(spec.name);
    }
    return names;
}

/// The object type a field returns, lists and non-null unwrapped.
const graphql::ObjectType *returnedObject(const graphql::ResolveInfo &info)
{
    graphql::TypeRef type = info.returnType;
    while (type.isValid() && !type.isNamed())
        type = type.ofType();
    return type.isValid() ? type.named()->asObject() : nullptr;
}

/// A group of `<plural>GroupBy`: its dimension values, aggregates by name and sampled records as a page.
struct GroupData {
    QJsonArray dimensionValues;
    QHash<QString, QJsonValue> aggregates;
    const PageData *sample = nullptr;
};

/// A record as a node value, kept for the request.
Value heldRecord(RequestContext &ctx, Record record)
{
    return Value::borrowed(ctx.hold(std::make_shared<Record>(std::move(record))));
}

Result<std::vector<OrderTerm>> orderArg(const QJsonObject &args, const QString &name)
{
    const QJsonValue value = args.value(name);
    if (value.isNull() || value.isUndefined())
        return std::vector<OrderTerm>();
    return orderByFromJson(value);
}

/// `PersonGroupByInput`: one key per groupable field: Boolean, a date granularity, or a composite's sub-fields.
std::vector<InputValueConfig> groupByInputFields(const ObjectMetadata &object)
{
    std::vector<InputValueConfig> fields;
    for (int fi = 0; fi < int(object.fields.size()); ++fi) {
        const FieldMetadata &field = object.fields[std::size_t(fi)];
        if (!object.isApiField(field) || field.type == FieldType::TsVector)
            continue;
        const int first = object.fieldFirstColumn[std::size_t(fi)];
        if (field.type == FieldType::Relation) {
            if (field.isManyToOne() && first >= 0)
                fields.push_back({object.columns[std::size_t(first)].name, u"Boolean"_s});
            continue;
        }
        if (isComposite(field.type))
            fields.push_back({field.name, compositeTypeName(field.type) + u"GroupByInput"_s});
        else if (field.type == FieldType::DateTime || field.type == FieldType::Date)
            fields.push_back({field.name, u"GroupByDateGranularityInput"_s});
        else
            fields.push_back({field.name, u"Boolean"_s});
    }
    return fields;
}

/// `PersonOrderByWithGroupByInput`: a dimension (as in PersonOrderByInput) or an aggregate name, each a direction.
std::vector<InputValueConfig> groupOrderFields(const ObjectMetadata &object)
{
    std::vector<InputValueConfig> fields;
    for (int fi = 0; fi < int(object.fields.size()); ++fi) {
        const FieldMetadata &field = object.fields[std::size_t(fi)];
        if (!object.isApiField(field) || field.type == FieldType::TsVector)
            continue;
        const int first = object.fieldFirstColumn[std::size_t(fi)];
        if (field.type == FieldType::Relation) {
            if (field.isManyToOne() && first >= 0)
                fields.push_back({object.columns[std::size_t(first)].name, u"OrderByDirection"_s});
            continue;
        }
        fields.push_back({field.name, isComposite(field.type) ? compositeTypeName(field.type) + u"OrderByInput"_s
                                                              : u"OrderByDirection"_s});
    }
    for (const AggregateSpec &spec : availableAggregates(object))
        fields.push_back({spec.name, u"OrderByDirection"_s});
    return fields;
}

FieldResult groupByResolver(const ObjectMetadata *obj, const ResolveParams &p)
{
    RequestContext &ctx = requestContext(p.context);
    if (const QJsonValue view = p.args.value("viewId"_L1); view.isString())
        return Error::badRequest(u"View '%1' not found"_s.arg(view.toString()));
    GroupByRequest request;
    request.object = obj;
    auto dimensions = groupByFromJson(p.args.value("groupBy"_L1));
    if (!dimensions)
        return dimensions.error();
    request.groupBy = std::move(*dimensions);
    auto filter = filterArg(p.args);
    if (!filter)
        return filter.error();
    request.filter = std::move(*filter);
    auto order = orderArg(p.args, u"orderBy"_s);
    if (!order)
        return order.error();
    request.orderBy = std::move(*order);
    auto recordOrder = orderArg(p.args, u"orderByForRecords"_s);
    if (!recordOrder)
        return recordOrder.error();
    request.orderByForRecords = std::move(*recordOrder);
    request.limit = ctx.auth.workspace->settings().groupByDefaultGroups();
    if (const QJsonValue limit = p.args.value("limit"_L1); limit.isDouble()) {
        if (limit.toInt() < 0)
            return Error::badRequest(u"Limit argument must be non-negative"_s);
        request.limit = limit.toInt();
    }
    if (const QJsonValue offset = p.args.value("offsetForRecords"_L1); offset.isDouble()) {
        if (offset.toInt() < 0)
            return Error::badRequest(u"Offset argument must be non-negative"_s);
        request.offsetForRecords = offset.toInt();
    }
    // Look-ahead: only the selected aggregates are computed, and records only when `edges` is selected.
    request.aggregates << u"totalCount"_s;
    if (const graphql::ObjectType *group = returnedObject(p.info)) {
        const QSet<QString> known = aggregateNames(*obj);
        for (const graphql::SubfieldSelection &sub : p.info.collectSubfields(*group)) {
            if (!sub.definition)
                continue;
            const QString &name = sub.definition->name;
            if (known.contains(name) && !request.aggregates.contains(name))
                request.aggregates << name;
            if (name == "edges"_L1)
                request.includeRecordsSample = true;
        }
    }
    auto result = ctx.records().groupBy(ctx.model(), request, ctx.auth.actor);
    if (!result)
        return result.error();
    std::vector<Value> groups;
    groups.reserve(result->groups.size());
    for (RecordGroup &group : result->groups) {
        auto data = std::make_shared<GroupData>();
        for (const QJsonValue &value : group.dimensionValues)
            data->dimensionValues.append(value);
        for (qsizetype a = 0; a < result->aggregateNames.size(); ++a)
            data->aggregates.insert(result->aggregateNames[a], group.aggregates[std::size_t(a)]);
        RecordPage page;
        page.records = std::move(group.records);
        page.totalCount = data->aggregates.value(u"totalCount"_s).toInteger();
        page.cursorColumns.push_back({u"id"_s, 0, ValueKind::Uuid});
        data->sample = ctx.holdPage(std::move(page));
        groups.push_back(Value::borrowed(ctx.hold(std::move(data))));
    }
    return Value::list(std::move(groups));
}

} // namespace

void addGroupByCommonTypes(graphql::SchemaBuilder &b)
{
    std::vector<graphql::EnumValueConfig> granularities;
    for (const char *name : {"NONE", "DAY", "WEEK", "MONTH", "QUARTER", "YEAR", "DAY_OF_THE_WEEK", "MONTH_OF_THE_YEAR",
                             "QUARTER_OF_THE_YEAR"})
        granularities.push_back({QString::fromLatin1(name)});
    b.addEnumType({u"ObjectRecordGroupByDateGranularity"_s, std::move(granularities)});
    b.addInputObjectType(
        {u"GroupByDateGranularityInput"_s, {{u"granularity"_s, u"ObjectRecordGroupByDateGranularity"_s}}});
    for (FieldType type : {FieldType::FullName, FieldType::Currency, FieldType::Links, FieldType::Emails,
                           FieldType::Phones, FieldType::Address, FieldType::Actor, FieldType::RichTextV2}) {
        std::vector<InputValueConfig> subs;
        for (const SubField &sub : compositeSubFields(type))
            subs.push_back({QString(sub.name), u"Boolean"_s});
        b.addInputObjectType({compositeTypeName(type) + u"GroupByInput"_s, std::move(subs)});
    }
}

void addAggregateFields(const ObjectMetadata &object, std::vector<FieldConfig> &connectionFields)
{
    for (const AggregateSpec &spec : availableAggregates(object)) {
        if (spec.op == AggregateOp::TotalCount)
            continue;
        connectionFields.push_back(
            {spec.name, aggregateType(spec.resultKind), {}, [name = spec.name](const ResolveParams &p) -> FieldResult {
                 const PageData *page = p.source.as<PageData>();
                 return page ? Value(page->aggregates.value(name)) : Value();
             }});
    }
}

QStringList selectedAggregates(const graphql::ResolveInfo &info)
{
    QStringList names;
    const graphql::ObjectType *connection = returnedObject(info);
    if (!connection)
        return names;
    for (const graphql::SubfieldSelection &sub : info.collectSubfields(*connection)) {
        if (!sub.definition)
            continue;
        const QString &name = sub.definition->name;
        if (name != "edges"_L1 && name != "pageInfo"_L1 && name != "totalCount"_L1 && !names.contains(name))
            names << name;
    }
    return names;
}

Result<QHash<QString, QJsonValue>> rootAggregates(RequestContext &ctx, const ObjectMetadata &object,
                                                  const std::optional<FilterNode> &filter, const QStringList &names)
{
    QHash<QString, QJsonValue> out;
    if (names.isEmpty())
        return out;
    auto values = ctx.records().aggregate(ctx.model(), object, filter, names, ctx.auth.actor);
    if (!values)
        return values.error();
    for (qsizetype i = 0; i < names.size(); ++i)
        out.insert(names[i], values->at(std::size_t(i)));
    return out;
}

Result<QHash<QString, QHash<QString, QJsonValue>>> nestedAggregates(RequestContext &ctx, const ObjectMetadata &target,
                                                                    const QString &joinColumn,
                                                                    const std::vector<QString> &parentIds,
                                                                    const QJsonValue &filter, const QStringList &names)
{
    QHash<QString, QHash<QString, QJsonValue>> out;
    if (names.isEmpty() || parentIds.empty())
        return out;
    QJsonArray ids;
    for (const QString &id : parentIds)
        ids.append(id);
    QJsonArray conditions{QJsonObject{{joinColumn, QJsonObject{{u"in"_s, ids}}}}};
    if (filter.isObject())
        conditions.append(filter);
    auto node = filterFromJson(QJsonObject{{u"and"_s, conditions}});
    if (!node)
        return node.error();
    GroupByRequest request;
    request.object = &target;
    request.groupBy.push_back({joinColumn, {}, DateGranularity::None});
    request.aggregates = names;
    request.filter = std::move(*node);
    request.limit = int(parentIds.size());
    auto result = ctx.records().groupBy(ctx.model(), request, ctx.auth.actor);
    if (!result)
        return result.error();
    // A parent without children forms no group: its counts are 0, its percentages 0, the rest null.
    for (const QString &id : parentIds) {
        QHash<QString, QJsonValue> empty;
        for (const QString &name : names) {
            const bool zero = name.startsWith("count"_L1) || name.startsWith("percentage"_L1);
            empty.insert(name, zero ? QJsonValue(name.startsWith("count"_L1) ? QJsonValue(0) : QJsonValue(0.0))
                                    : QJsonValue(QJsonValue::Null));
        }
        out.insert(id, std::move(empty));
    }
    for (const RecordGroup &group : result->groups) {
        QHash<QString, QJsonValue> values;
        for (qsizetype a = 0; a < result->aggregateNames.size(); ++a)
            values.insert(result->aggregateNames[a], group.aggregates[std::size_t(a)]);
        out.insert(group.dimensionValues.front().toString(), std::move(values));
    }
    return out;
}

void addGroupByDuplicatesMerge(CoreObjectParts &parts)
{
    const ObjectMetadata *obj = &parts.object;
    const ObjectTypeNames &names = parts.names;
    const QString groupInput = names.node + u"GroupByInput"_s;
    const QString groupOrder = names.node + u"OrderByWithGroupByInput"_s;
    const QString groupType = names.node + u"GroupByConnection"_s;
    parts.builder.addInputObjectType({groupInput, groupByInputFields(*obj)});
    parts.builder.addInputObjectType({groupOrder, groupOrderFields(*obj)});

    std::vector<FieldConfig> groupFields;
    groupFields.push_back({u"groupByDimensionValues"_s, u"[String]"_s, {}, [](const ResolveParams &p) -> FieldResult {
                               const GroupData *group = p.source.as<GroupData>();
                               return group ? Value(QJsonValue(group->dimensionValues)) : Value();
                           }});
    for (const AggregateSpec &spec : availableAggregates(*obj)) {
        groupFields.push_back(
            {spec.name, aggregateType(spec.resultKind), {}, [name = spec.name](const ResolveParams &p) -> FieldResult {
                 const GroupData *group = p.source.as<GroupData>();
                 return group ? Value(group->aggregates.value(name)) : Value();
             }});
    }
    groupFields.push_back({u"edges"_s, u"[%1Edge!]!"_s.arg(names.node), {}, [](const ResolveParams &p) -> FieldResult {
                               const GroupData *group = p.source.as<GroupData>();
                               std::vector<Value> items;
                               if (group && group->sample) {
                                   for (const EdgeRef &edge : group->sample->edges)
                                       items.push_back(Value::borrowed(&edge));
                               }
                               return Value::list(std::move(items));
                           }});
    groupFields.push_back({u"pageInfo"_s, u"PageInfo!"_s, {}, [](const ResolveParams &p) -> FieldResult {
                               const GroupData *group = p.source.as<GroupData>();
                               if (!group || !group->sample)
                                   return Value();
                               return pageInfo(false, false, group->sample->cursors);
                           }});
    parts.builder.addObjectType({groupType, std::move(groupFields)});

    parts.queryFields.push_back({obj->namePlural + u"GroupBy"_s,
                                 u"[%1]"_s.arg(groupType),
                                 {{u"groupBy"_s, u"[%1!]!"_s.arg(groupInput)},
                                  {u"filter"_s, names.filter},
                                  {u"orderBy"_s, u"[%1!]"_s.arg(groupOrder)},
                                  {u"orderByForRecords"_s, u"[%1]"_s.arg(names.orderBy)},
                                  {u"viewId"_s, u"UUID"_s},
                                  {u"limit"_s, u"Int"_s},
                                  {u"offsetForRecords"_s, u"Int"_s}},
                                 [obj](const ResolveParams &p) { return groupByResolver(obj, p); }});

    parts.queryFields.push_back({obj->nameSingular + u"Duplicates"_s,
                                 u"[%1]"_s.arg(names.connection),
                                 {{u"ids"_s, u"[UUID]"_s}, {u"data"_s, u"[%1]"_s.arg(names.create)}},
                                 [obj](const ResolveParams &p) -> FieldResult {
                                     RequestContext &ctx = requestContext(p.context);
                                     DuplicatesRequest request;
                                     request.object = obj;
                                     if (const QJsonValue ids = p.args.value("ids"_L1); ids.isArray()) {
                                         QStringList list;
                                         for (const QJsonValue &id : ids.toArray())
                                             list << id.toString();
                                         request.ids = list;
                                     }
                                     if (const QJsonValue data = p.args.value("data"_L1); data.isArray())
                                         request.data = data.toArray();
                                     auto pages = ctx.records().findDuplicates(ctx.model(), request, ctx.auth.actor, 0);
                                     if (!pages)
                                         return pages.error();
                                     std::vector<Value> out;
                                     out.reserve(pages->size());
                                     for (RecordPage &page : *pages)
                                         out.push_back(Value::borrowed(ctx.holdPage(std::move(page))));
                                     return Value::list(std::move(out));
                                 }});

    parts.mutationFields.push_back(
        {u"merge"_s + pascal(obj->namePlural),
         names.node,
         {{u"ids"_s, u"[UUID!]!"_s}, {u"conflictPriorityIndex"_s, u"Int!"_s}, {u"dryRun"_s, u"Boolean"_s}},
         [obj](const ResolveParams &p) -> FieldResult {
             RequestContext &ctx = requestContext(p.context);
             MergeRequest request;
             request.object = obj;
             for (const QJsonValue &id : p.args.value("ids"_L1).toArray())
                 request.ids << id.toString();
             request.conflictPriorityIndex = p.args.value("conflictPriorityIndex"_L1).toInt();
             request.dryRun = p.args.value("dryRun"_L1).toBool(false);
             auto merged = ctx.records().merge(ctx.model(), request, ctx.auth.actor, 0);
             if (!merged)
                 return merged.error();
             return heldRecord(ctx, std::move(*merged));
         }});
}

} // namespace vingt::graphqlapi
