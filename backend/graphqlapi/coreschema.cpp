#include "graphqlapi/coreschema.h"

#include "core/json.h"
#include "graphqlapi/coreaggregates.h"
#include "graphqlapi/requestcontext.h"
#include "query/filter.h"
#include "query/orderby.h"
#include "services/workspace.h"

#include <QRegularExpression>
#include <QSet>

#include <mutex>

namespace vingt::graphqlapi {

using namespace Qt::StringLiterals;
using graphql::BatchResolveParams;
using graphql::FieldConfig;
using graphql::FieldResult;
using graphql::GraphqlError;
using graphql::InputValueConfig;
using graphql::ResolveParams;
using graphql::Value;

namespace {

std::mutex g_extensionsMutex;
std::vector<CoreSchemaExtension> &extensions()
{
    static std::vector<CoreSchemaExtension> list;
    return list;
}

// ---------------------------------------------------------------------------------------------------------------------
// Values

/// A stored value as a GraphQL leaf (API-CONTRACT §2.4): JSON columns parsed, booleans from 0/1, text as QString.
Value leaf(ValueKind kind, const QVariant &value, bool textDefaultEmpty = false)
{
    if (value.isNull())
        return textDefaultEmpty ? Value(QString()) : Value();
    switch (kind) {
    case ValueKind::Boolean: return Value(value.toLongLong() != 0);
    case ValueKind::Float: return Value(value.toDouble());
    case ValueKind::Integer: return Value(qint64(value.toLongLong()));
    case ValueKind::Json:
    case ValueKind::MultiSelect: {
        const QByteArray raw = value.toString().toUtf8();
        if (raw.isEmpty())
            return Value();
        auto parsed = json::parse(raw);
        return parsed ? Value(*parsed) : Value();
    }
    default: return Value(value.toString());
    }
}

Error argsConflict(const QString &message)
{
    return Error::badRequest(message, u"ARGS_CONFLICT"_s);
}

bool isEmptyFilter(const FilterNode &node)
{
    return node.kind == FilterNode::Kind::And && node.children.empty();
}

/// The filter of a plural update/delete/destroy/restore: required and non-empty (§2.2 empty-filter guard).
Result<std::optional<FilterNode>> requiredFilter(const QJsonObject &args)
{
    auto filter = filterArg(args);
    if (!filter)
        return filter.error();
    if (!*filter || isEmptyFilter(**filter))
        return Error::badRequest(u"A non-empty filter is required"_s, u"INVALID_QUERY_INPUT"_s);
    return filter;
}

FieldResult emptyFilterAware(const Error &error)
{
    GraphqlError out = GraphqlError::fromError(error);
    if (error.code == "INVALID_QUERY_INPUT"_L1)
        out.extensions.insert(u"userFriendlyMessage"_s, u"An error occurred."_s);
    return out;
}

/// Connection arguments (§2.1): first/last/after/before/offset checked and clamped.
struct PageArgs {
    std::optional<FilterNode> filter;
    std::vector<OrderTerm> orderBy;
    int limit = 60;
    QString after;
    QString before;
    bool backward = false;
    int offset = 0;
};

Result<PageArgs> pageArgs(const QJsonObject &args, RequestContext &ctx)
{
    PageArgs out;
    auto filter = filterArg(args);
    if (!filter)
        return filter.error();
    out.filter = std::move(*filter);
    const QJsonValue order = args.value("orderBy"_L1);
    if (!order.isNull() && !order.isUndefined()) {
        auto terms = orderByFromJson(order);
        if (!terms)
            return terms.error();
        out.orderBy = std::move(*terms);
    }
    const QJsonValue first = args.value("first"_L1);
    const QJsonValue last = args.value("last"_L1);
    const bool hasFirst = first.isDouble();
    const bool hasLast = last.isDouble();
    out.after = args.value("after"_L1).toString();
    out.before = args.value("before"_L1).toString();
    if (hasFirst && hasLast)
        return argsConflict(u"Cannot provide both first and last"_s);
    if (!out.before.isEmpty() && !out.after.isEmpty())
        return argsConflict(u"Cannot provide both before and after"_s);
    if (!out.before.isEmpty() && hasFirst)
        return argsConflict(u"Cannot provide both before and first"_s);
    if (!out.after.isEmpty() && hasLast)
        return argsConflict(u"Cannot provide both after and last"_s);
    if (hasFirst && first.toInt() < 0)
        return Error::badRequest(u"First argument must be non-negative"_s);
    if (hasLast && last.toInt() < 0)
        return Error::badRequest(u"Last argument must be non-negative"_s);
    int limit = ctx.pageSizeDefault;
    if (hasFirst || hasLast)
        limit = hasFirst ? first.toInt() : last.toInt();
    if (limit > ctx.pageSizeMax) {
        limit = ctx.pageSizeMax;
        ctx.clamped = true;
    }
    out.limit = limit;
    out.backward = hasLast;
    const QJsonValue offset = args.value("offset"_L1);
    if (offset.isDouble()) {
        if (offset.toInt() < 0)
            return Error::badRequest(u"Offset argument must be non-negative"_s);
        out.offset = offset.toInt();
    }
    return out;
}

/// The arguments of a connection field; `offset` (Vingt's choice, §2.1) on root plural queries only.
std::vector<InputValueConfig> connectionArgs(const ObjectTypeNames &names, bool withOffset)
{
    std::vector<InputValueConfig> args{{u"filter"_s, names.filter}, {u"orderBy"_s, u"[%1]"_s.arg(names.orderBy)},
                                       {u"first"_s, u"Int"_s},      {u"last"_s, u"Int"_s},
                                       {u"after"_s, u"String"_s},   {u"before"_s, u"String"_s}};
    if (withOffset)
        args.push_back({u"offset"_s, u"Int"_s});
    return args;
}

// ---------------------------------------------------------------------------------------------------------------------
// Types

const QRegularExpression kGraphqlName(u"^[_A-Za-z][_0-9A-Za-z]*$"_s);

constexpr FieldType kComposites[] = {FieldType::FullName, FieldType::Currency, FieldType::Links, FieldType::Emails,
                                     FieldType::Phones,   FieldType::Address,  FieldType::Actor, FieldType::RichTextV2};

/// GraphQL type of a stored value kind (outputs and inputs).
QString kindType(ValueKind kind)
{
    switch (kind) {
    case ValueKind::Uuid: return u"UUID"_s;
    case ValueKind::DateTime: return u"DateTime"_s;
    case ValueKind::Date: return u"Date"_s;
    case ValueKind::Boolean: return u"Boolean"_s;
    case ValueKind::Float: return u"Float"_s;
    case ValueKind::Integer: return u"BigFloat"_s;
    case ValueKind::Json: return u"JSON"_s;
    case ValueKind::MultiSelect: return u"[String]"_s;
    default: return u"String"_s;
    }
}

QString kindFilter(ValueKind kind)
{
    switch (kind) {
    case ValueKind::Uuid: return u"UUIDFilter"_s;
    case ValueKind::DateTime: return u"DateTimeFilter"_s;
    case ValueKind::Date: return u"DateFilter"_s;
    case ValueKind::Boolean: return u"BooleanFilter"_s;
    case ValueKind::Float: return u"FloatFilter"_s;
    case ValueKind::Integer: return u"BigFloatFilter"_s;
    case ValueKind::Json: return u"RawJsonFilter"_s;
    case ValueKind::MultiSelect: return u"MultiSelectFilter"_s;
    default: return u"StringFilter"_s;
    }
}

std::vector<InputValueConfig> comparisons(const QString &type, std::initializer_list<const char *> ops,
                                          bool withIn = true)
{
    std::vector<InputValueConfig> fields;
    for (const char *op : ops)
        fields.push_back({QString::fromLatin1(op), type});
    if (withIn)
        fields.push_back({u"in"_s, u"[%1]"_s.arg(type)});
    fields.push_back({u"is"_s, u"FilterIs"_s});
    return fields;
}

void addCommonTypes(graphql::SchemaBuilder &b)
{
    auto passthrough = [](const QString &name, const QString &description, bool stringOnly) {
        graphql::ScalarTypeConfig config{name, description};
        if (stringOnly) {
            config.parseValue = [name](const QJsonValue &v) -> Result<QJsonValue> {
                if (!v.isString())
                    return Error::badRequest(u"%1 cannot represent a non-string value"_s.arg(name));
                return v;
            };
        }
        return config;
    };
    b.addScalarType(passthrough(u"UUID"_s, u"A UUID (RFC 4122 text form)."_s, true));
    b.addScalarType(passthrough(u"DateTime"_s, u"An ISO-8601 UTC timestamp with milliseconds."_s, true));
    b.addScalarType(passthrough(u"Date"_s, u"A calendar date, YYYY-MM-DD."_s, true));
    b.addScalarType(passthrough(u"JSON"_s, u"Any JSON value."_s, false));
    b.addScalarType(passthrough(u"BigFloat"_s, u"An arbitrary-precision number."_s, false));
    b.addEnumType({u"OrderByDirection"_s,
                   {{u"AscNullsFirst"_s}, {u"AscNullsLast"_s}, {u"DescNullsFirst"_s}, {u"DescNullsLast"_s}}});
    b.addEnumType({u"FilterIs"_s, {{u"NULL"_s}, {u"NOT_NULL"_s}}});
    b.addObjectType({u"PageInfo"_s,
                     {{u"hasNextPage"_s, u"Boolean"_s},
                      {u"hasPreviousPage"_s, u"Boolean"_s},
                      {u"startCursor"_s, u"String"_s},
                      {u"endCursor"_s, u"String"_s}}});

    b.addInputObjectType(
        {u"StringFilter"_s, comparisons(u"String"_s, {"eq", "neq", "gt", "gte", "lt", "lte", "startsWith", "like",
                                                      "ilike", "regex", "iregex"})});
    for (const auto &[name, type] :
         {std::pair{"UUIDFilter", "UUID"}, std::pair{"DateTimeFilter", "DateTime"}, std::pair{"DateFilter", "Date"},
          std::pair{"FloatFilter", "Float"}, std::pair{"IntFilter", "Int"}, std::pair{"BigFloatFilter", "BigFloat"}}) {
        b.addInputObjectType({QString::fromLatin1(name),
                              comparisons(QString::fromLatin1(type), {"eq", "neq", "gt", "gte", "lt", "lte"})});
    }
    b.addInputObjectType({u"BooleanFilter"_s, comparisons(u"Boolean"_s, {"eq"}, false)});
    b.addInputObjectType(
        {u"MultiSelectFilter"_s,
         {{u"containsAny"_s, u"[String]"_s}, {u"is"_s, u"FilterIs"_s}, {u"isEmptyArray"_s, u"Boolean"_s}}});
    b.addInputObjectType(
        {u"ArrayFilter"_s,
         {{u"containsIlike"_s, u"String"_s}, {u"is"_s, u"FilterIs"_s}, {u"isEmptyArray"_s, u"Boolean"_s}}});
    b.addInputObjectType({u"RawJsonFilter"_s, {{u"like"_s, u"String"_s}, {u"is"_s, u"FilterIs"_s}}});

    // Composite types (§2.4) with their filter, orderBy and input types.
    for (FieldType type : kComposites) {
        const QString name = compositeTypeName(type);
        const auto subs = compositeSubFields(type);
        std::vector<FieldConfig> fields;
        std::vector<InputValueConfig> filter;
        std::vector<InputValueConfig> order;
        std::vector<InputValueConfig> input;
        for (int s = 0; s < int(subs.size()); ++s) {
            const SubField &sub = subs[std::size_t(s)];
            const QString subName = QString(sub.name);
            const ValueKind kind = sub.kind;
            const bool textDefaultEmpty = sub.textDefaultEmpty;
            fields.push_back(
                {subName, kindType(kind), {}, [s, kind, textDefaultEmpty](const ResolveParams &p) -> FieldResult {
                     const CompositeRef *ref = p.source.as<CompositeRef>();
                     if (!ref)
                         return Value();
                     return leaf(kind, ref->record->values[std::size_t(ref->firstColumn + s)], textDefaultEmpty);
                 }});
            filter.push_back({subName, kindFilter(kind)});
            order.push_back({subName, u"OrderByDirection"_s});
            input.push_back({subName, kindType(kind)});
        }
        b.addObjectType({name, std::move(fields)});
        b.addInputObjectType({name + u"Filter"_s, std::move(filter)});
        b.addInputObjectType({name + u"OrderByInput"_s, std::move(order)});
        b.addInputObjectType({name + u"CreateInput"_s, input});
        b.addInputObjectType({name + u"UpdateInput"_s, std::move(input)});
    }
}

/// The GraphQL shape of one field: output type, filter type, orderBy type, input types.
struct FieldShape {
    QString output;
    QString filter;
    QString orderBy = u"OrderByDirection"_s;
    QString create;
    QString update;
};

/// An enum for a SELECT / MULTI_SELECT / RATING field when its values are legal GraphQL names (else String).
QString selectEnum(graphql::SchemaBuilder &b, QSet<QString> &added, const ObjectMetadata &object,
                   const FieldMetadata &field)
{
    QStringList values = field.optionValues();
    if (field.type == FieldType::Rating && values.isEmpty())
        values = {u"RATING_1"_s, u"RATING_2"_s, u"RATING_3"_s, u"RATING_4"_s, u"RATING_5"_s};
    if (values.isEmpty())
        return {};
    std::vector<graphql::EnumValueConfig> enumValues;
    for (const QString &v : values) {
        if (!kGraphqlName.match(v).hasMatch() || v == "true"_L1 || v == "false"_L1 || v == "null"_L1)
            return {};
        enumValues.push_back({v});
    }
    const QString name = pascal(object.nameSingular) + pascal(field.name) + u"Enum"_s;
    if (!added.contains(name)) {
        added.insert(name);
        b.addEnumType({name, std::move(enumValues)});
        const bool multi = field.type == FieldType::MultiSelect;
        if (multi) {
            b.addInputObjectType({name + u"Filter"_s,
                                  {{u"containsAny"_s, u"[%1]"_s.arg(name)},
                                   {u"is"_s, u"FilterIs"_s},
                                   {u"isEmptyArray"_s, u"Boolean"_s}}});
        } else {
            b.addInputObjectType({name + u"Filter"_s, comparisons(name, {"eq", "neq"})});
        }
    }
    return name;
}

FieldShape shapeOf(graphql::SchemaBuilder &b, QSet<QString> &enums, const ObjectMetadata &object,
                   const FieldMetadata &field)
{
    FieldShape s;
    if (isComposite(field.type)) {
        const QString name = compositeTypeName(field.type);
        return {name, name + u"Filter"_s, name + u"OrderByInput"_s, name + u"CreateInput"_s, name + u"UpdateInput"_s};
    }
    switch (field.type) {
    case FieldType::Select:
    case FieldType::Rating:
    case FieldType::MultiSelect: {
        const QString e = selectEnum(b, enums, object, field);
        const bool multi = field.type == FieldType::MultiSelect;
        if (e.isEmpty()) {
            s.output = multi ? u"[String]"_s : u"String"_s;
            s.filter = multi ? u"MultiSelectFilter"_s : u"StringFilter"_s;
        } else {
            s.output = multi ? u"[%1]"_s.arg(e) : e;
            s.filter = e + u"Filter"_s;
        }
        break;
    }
    case FieldType::Array:
        s.output = u"[String]"_s;
        s.filter = u"ArrayFilter"_s;
        break;
    case FieldType::Number:
        if (field.scalarKind() == ValueKind::Integer) {
            s.output = u"Int"_s;
            s.filter = u"IntFilter"_s;
        } else {
            s.output = u"Float"_s;
            s.filter = u"FloatFilter"_s;
        }
        break;
    case FieldType::Position:
        s.output = u"Float"_s;
        s.filter = u"FloatFilter"_s;
        break;
    default:
        s.output = kindType(field.scalarKind());
        s.filter = kindFilter(field.scalarKind());
        break;
    }
    s.create = s.output;
    s.update = s.output;
    return s;
}

ObjectTypeNames namesOf(const ObjectMetadata &object)
{
    const QString node = pascal(object.nameSingular);
    return {node,
            node + u"Connection"_s,
            node + u"FilterInput"_s,
            node + u"OrderByInput"_s,
            node + u"CreateInput"_s,
            node + u"UpdateInput"_s};
}

/// A field resolver that enforces the caller's field read permission (§6.2: selecting it → FORBIDDEN).
template<typename F>
graphql::FieldResolver guarded(const ObjectMetadata *object, int fieldIndex, F body)
{
    return [object, fieldIndex, body = std::move(body)](const ResolveParams &p) -> FieldResult {
        RequestContext &ctx = requestContext(p.context);
        if (const AccessPolicy *policy = ctx.restrictions(); policy && !policy->canReadField(*object, fieldIndex))
            return Error::permissionDenied();
        const Record *record = p.source.as<Record>();
        if (!record)
            return Value();
        return body(ctx, *record);
    };
}

Value recordValue(const Record *record)
{
    return record ? Value::borrowed(record) : Value();
}

Value recordList(RequestContext &ctx, std::vector<Record> records)
{
    const auto *held = ctx.hold(std::make_shared<std::vector<Record>>(std::move(records)));
    std::vector<Value> items;
    items.reserve(held->size());
    for (const Record &r : *held)
        items.push_back(Value::borrowed(&r));
    return Value::list(std::move(items));
}

/// Adds the node, edge and connection types and the input types of one object.
void addObjectTypes(graphql::SchemaBuilder &b, QSet<QString> &enums, const DataModel &model,
                    const ObjectMetadata &object, const ObjectTypeNames &names, std::vector<FieldConfig> &connection)
{
    const ObjectMetadata *obj = &object;
    std::vector<FieldConfig> fields;
    std::vector<InputValueConfig> filter;
    std::vector<InputValueConfig> order;
    std::vector<InputValueConfig> create;
    std::vector<InputValueConfig> update;
    for (int fi = 0; fi < int(object.fields.size()); ++fi) {
        const FieldMetadata &field = object.fields[std::size_t(fi)];
        if (!object.isApiField(field))
            continue;
        const int first = object.fieldFirstColumn[std::size_t(fi)];
        if (field.type == FieldType::Relation) {
            const ObjectMetadata *target = model.relationTarget(field);
            const bool servedTarget = target && target->isActive && !target->isRemote;
            if (field.isManyToOne() && first >= 0) {
                const QString joinName = object.columns[std::size_t(first)].name;
                fields.push_back(
                    {joinName, u"UUID"_s, {}, guarded(obj, fi, [first](RequestContext &, const Record &r) -> FieldResult {
                         return leaf(ValueKind::Uuid, r.values[std::size_t(first)]);
                     })});
                filter.push_back({joinName, u"UUIDFilter"_s});
                order.push_back({joinName, u"OrderByDirection"_s});
                create.push_back({joinName, u"UUID"_s});
                update.push_back({joinName, u"UUID"_s});
                if (!servedTarget)
                    continue;
                FieldConfig relation{field.name, pascal(target->nameSingular)};
                relation.batchResolve = [obj, fi, first, target](const BatchResolveParams &p) {
                    std::vector<FieldResult> out;
                    RequestContext &ctx = requestContext(p.context);
                    if (const AccessPolicy *policy = ctx.restrictions(); policy && !policy->canReadField(*obj, fi)) {
                        out.assign(p.sources.size(), FieldResult(Error::permissionDenied()));
                        return out;
                    }
                    std::vector<QString> ids;
                    QSet<QString> seen;
                    for (const Value *source : p.sources) {
                        const Record *r = source->as<Record>();
                        const QString id = r ? r->values[std::size_t(first)].toString() : QString();
                        if (!id.isEmpty() && !seen.contains(id)) {
                            seen.insert(id);
                            ids.push_back(id);
                        }
                    }
                    auto loaded = ctx.records().findByIds(ctx.model(), *target, ids, ctx.auth.actor);
                    if (!loaded) {
                        out.assign(p.sources.size(), FieldResult(loaded.error()));
                        return out;
                    }
                    const auto *held = ctx.hold(std::make_shared<std::vector<Record>>(std::move(*loaded)));
                    QHash<QString, const Record *> byId;
                    for (const Record &r : *held)
                        byId.insert(r.id(), &r);
                    out.reserve(p.sources.size());
                    for (const Value *source : p.sources) {
                        const Record *r = source->as<Record>();
                        out.emplace_back(r ? recordValue(byId.value(r->values[std::size_t(first)].toString()))
                                           : Value());
                    }
                    return out;
                };
                fields.push_back(std::move(relation));
                continue;
            }
            if (!field.isOneToMany() || !servedTarget)
                continue;
            const FieldMetadata *inverse = model.relationInverse(field);
            if (!inverse || !inverse->isActive || !inverse->isManyToOne())
                continue;
            const QString joinColumn = inverse->joinColumnName();
            const ObjectTypeNames targetNames = namesOf(*target);
            FieldConfig relation{field.name, targetNames.connection, connectionArgs(targetNames, false)};
            relation.batchResolve = [obj, fi, target, joinColumn](const BatchResolveParams &p) {
                std::vector<FieldResult> out;
                RequestContext &ctx = requestContext(p.context);
                auto fail = [&](const Error &error) {
                    out.assign(p.sources.size(), FieldResult(error));
                    return out;
                };
                if (const AccessPolicy *policy = ctx.restrictions(); policy && !policy->canReadField(*obj, fi))
                    return fail(Error::permissionDenied());
                auto args = pageArgs(p.args, ctx);
                if (!args)
                    return fail(args.error());
                RelatedPagesRequest request;
                request.object = target;
                request.joinColumn = joinColumn;
                for (const Value *source : p.sources) {
                    if (const Record *r = source->as<Record>())
                        request.parentIds.push_back(r->id());
                }
                request.filter = std::move(args->filter);
                request.orderBy = std::move(args->orderBy);
                request.limit = args->limit;
                request.startingAfter = args->after;
                request.endingBefore = args->before;
                request.backward = args->backward;
                const QJsonValue filterJson = p.args.value("filter"_L1);
                auto pages = ctx.records().findRelatedPages(request, ctx.auth.actor);
                if (!pages)
                    return fail(pages.error());
                auto aggregates = nestedAggregates(ctx, *target, joinColumn, request.parentIds, filterJson,
                                                   selectedAggregates(p.info));
                if (!aggregates)
                    return fail(aggregates.error());
                out.reserve(p.sources.size());
                for (const Value *source : p.sources) {
                    const Record *r = source->as<Record>();
                    if (!r) {
                        out.emplace_back(Value());
                        continue;
                    }
                    out.emplace_back(Value::borrowed(ctx.holdPage(pages->value(r->id()), aggregates->value(r->id()))));
                }
                return out;
            };
            fields.push_back(std::move(relation));
            continue;
        }
        if (first < 0)
            continue;
        const FieldShape shape = shapeOf(b, enums, object, field);
        const bool isId = field.name == "id"_L1;
        if (isComposite(field.type)) {
            fields.push_back({field.name,
                              shape.output,
                              {},
                              guarded(obj, fi, [first](RequestContext &ctx, const Record &r) -> FieldResult {
                                  ctx.composites.push_back({&r, first});
                                  return Value::borrowed(&ctx.composites.back());
                              })});
        } else {
            const ValueKind kind = object.columns[std::size_t(first)].kind;
            fields.push_back({field.name,
                              isId ? u"UUID!"_s : shape.output,
                              {},
                              guarded(obj, fi, [first, kind](RequestContext &, const Record &r) -> FieldResult {
                                  return leaf(kind, r.values[std::size_t(first)]);
                              })});
        }
        filter.push_back({field.name, shape.filter});
        order.push_back({field.name, shape.orderBy});
        create.push_back({field.name, shape.create});
        update.push_back({field.name, shape.update});
    }
    b.addObjectType({names.node, std::move(fields)});
    b.addObjectType({names.node + u"Edge"_s,
                     {{u"node"_s,
                       names.node + u'!',
                       {},
                       [](const ResolveParams &p) -> FieldResult {
                           const EdgeRef *edge = p.source.as<EdgeRef>();
                           return edge ? Value::borrowed(edge->record) : Value();
                       }},
                      {u"cursor"_s, u"String!"_s, {}, [](const ResolveParams &p) -> FieldResult {
                           const EdgeRef *edge = p.source.as<EdgeRef>();
                           return edge ? Value(*edge->cursor) : Value();
                       }}}});
    connection = {{u"edges"_s,
                   u"[%1Edge!]!"_s.arg(names.node),
                   {},
                   [](const ResolveParams &p) -> FieldResult {
                       const PageData *page = p.source.as<PageData>();
                       std::vector<Value> items;
                       if (page) {
                           items.reserve(page->edges.size());
                           for (const EdgeRef &edge : page->edges)
                               items.push_back(Value::borrowed(&edge));
                       }
                       return Value::list(std::move(items));
                   }},
                  {u"pageInfo"_s,
                   u"PageInfo!"_s,
                   {},
                   [](const ResolveParams &p) -> FieldResult {
                       const PageData *page = p.source.as<PageData>();
                       if (!page)
                           return Value();
                       return pageInfo(page->page.hasNextPage, page->page.hasPreviousPage, page->cursors);
                   }},
                  {u"totalCount"_s, u"Int"_s, {}, [](const ResolveParams &p) -> FieldResult {
                       const PageData *page = p.source.as<PageData>();
                       return page ? Value(qint64(page->page.totalCount)) : Value();
                   }}};
    addAggregateFields(object, connection);
    filter.push_back({u"and"_s, u"[%1]"_s.arg(names.filter)});
    filter.push_back({u"or"_s, u"[%1]"_s.arg(names.filter)});
    filter.push_back({u"not"_s, names.filter});
    b.addInputObjectType({names.filter, std::move(filter)});
    b.addInputObjectType({names.orderBy, std::move(order)});
    b.addInputObjectType({names.create, std::move(create)});
    b.addInputObjectType({names.update, std::move(update)});
}

/// The queries and mutations of one object (§2.2).
void addOperations(const ObjectMetadata &object, const ObjectTypeNames &names, std::vector<FieldConfig> &query,
                   std::vector<FieldConfig> &mutation)
{
    const ObjectMetadata *obj = &object;
    const QString singular = pascal(object.nameSingular);
    const QString plural = pascal(object.namePlural);

    FieldConfig list{object.namePlural, names.connection, connectionArgs(names, true)};
    list.resolve = [obj](const ResolveParams &p) -> FieldResult {
        RequestContext &ctx = requestContext(p.context);
        auto args = pageArgs(p.args, ctx);
        if (!args)
            return args.error();
        FindManyRequest find;
        find.object = obj;
        find.filter = std::move(args->filter);
        find.orderBy = std::move(args->orderBy);
        find.limit = args->limit;
        find.startingAfter = args->after;
        find.endingBefore = args->before;
        find.backward = args->backward;
        find.offset = args->offset;
        // Aggregate fields only when selected (one SELECT over the filtered set, not the page).
        auto aggregates = rootAggregates(ctx, *obj, find.filter, selectedAggregates(p.info));
        if (!aggregates)
            return aggregates.error();
        auto page = ctx.records().findMany(ctx.model(), find, ctx.auth.actor);
        if (!page)
            return page.error();
        return Value::borrowed(ctx.holdPage(std::move(*page), std::move(*aggregates)));
    };
    query.push_back(std::move(list));

    FieldConfig one{object.nameSingular, singular, {{u"filter"_s, names.filter}}};
    one.resolve = [obj](const ResolveParams &p) -> FieldResult {
        RequestContext &ctx = requestContext(p.context);
        auto filter = filterArg(p.args);
        if (!filter)
            return filter.error();
        FindManyRequest find;
        find.object = obj;
        find.filter = std::move(*filter);
        find.limit = 1;
        auto page = ctx.records().findMany(ctx.model(), find, ctx.auth.actor);
        if (!page)
            return page.error();
        if (page->records.empty())
            return Value();
        return recordList(ctx, std::move(page->records)).items().front();
    };
    query.push_back(std::move(one));

    auto single = [](Result<Record> record, RequestContext &ctx) -> FieldResult {
        if (!record)
            return record.error();
        std::vector<Record> records;
        records.push_back(std::move(*record));
        return recordList(ctx, std::move(records)).items().front();
    };
    auto many = [](Result<std::vector<Record>> records, RequestContext &ctx) -> FieldResult {
        if (!records)
            return records.error();
        return recordList(ctx, std::move(*records));
    };

    mutation.push_back({u"create"_s + singular,
                        singular,
                        {{u"data"_s, names.create + u'!'}, {u"upsert"_s, u"Boolean"_s}},
                        [obj, single](const ResolveParams &p) -> FieldResult {
                            RequestContext &ctx = requestContext(p.context);
                            auto created = ctx.records().create(ctx.model(), *obj, QJsonArray{p.args.value("data"_L1)},
                                                                p.args.value("upsert"_L1).toBool(), ctx.auth.actor, 0);
                            if (!created)
                                return created.error();
                            return single(std::move(created->front()), ctx);
                        }});
    mutation.push_back({u"create"_s + plural,
                        u"[%1]"_s.arg(singular),
                        {{u"data"_s, u"[%1!]!"_s.arg(names.create)}, {u"upsert"_s, u"Boolean"_s}},
                        [obj, many](const ResolveParams &p) -> FieldResult {
                            RequestContext &ctx = requestContext(p.context);
                            return many(ctx.records().create(ctx.model(), *obj, p.args.value("data"_L1).toArray(),
                                                             p.args.value("upsert"_L1).toBool(), ctx.auth.actor, 0),
                                        ctx);
                        }});
    mutation.push_back({u"update"_s + singular,
                        singular,
                        {{u"id"_s, u"UUID!"_s}, {u"data"_s, names.update + u'!'}},
                        [obj, single](const ResolveParams &p) -> FieldResult {
                            RequestContext &ctx = requestContext(p.context);
                            return single(ctx.records().updateOne(ctx.model(), *obj, p.args.value("id"_L1).toString(),
                                                                  p.args.value("data"_L1).toObject(), ctx.auth.actor, 0),
                                          ctx);
                        }});
    mutation.push_back({u"update"_s + plural,
                        u"[%1]"_s.arg(singular),
                        {{u"filter"_s, names.filter + u'!'}, {u"data"_s, names.update + u'!'}},
                        [obj, many](const ResolveParams &p) -> FieldResult {
                            RequestContext &ctx = requestContext(p.context);
                            auto filter = requiredFilter(p.args);
                            if (!filter)
                                return emptyFilterAware(filter.error());
                            return many(ctx.records().updateMany(ctx.model(), *obj, *filter,
                                                                 p.args.value("data"_L1).toObject(), ctx.auth.actor, 0),
                                        ctx);
                        }});
    for (const bool soft : {true, false}) {
        const QString verb = soft ? u"delete"_s : u"destroy"_s;
        mutation.push_back({verb + singular,
                            singular,
                            {{u"id"_s, u"UUID!"_s}},
                            [obj, single, soft](const ResolveParams &p) -> FieldResult {
                                RequestContext &ctx = requestContext(p.context);
                                return single(ctx.records().deleteOne(ctx.model(), *obj,
                                                                      p.args.value("id"_L1).toString(), soft,
                                                                      ctx.auth.actor),
                                              ctx);
                            }});
        mutation.push_back({verb + plural,
                            u"[%1]"_s.arg(singular),
                            {{u"filter"_s, names.filter + u'!'}},
                            [obj, many, soft](const ResolveParams &p) -> FieldResult {
                                RequestContext &ctx = requestContext(p.context);
                                auto filter = requiredFilter(p.args);
                                if (!filter)
                                    return emptyFilterAware(filter.error());
                                return many(ctx.records().deleteMany(ctx.model(), *obj, *filter, soft, ctx.auth.actor),
                                            ctx);
                            }});
    }
    mutation.push_back({u"restore"_s + singular,
                        singular,
                        {{u"id"_s, u"UUID!"_s}},
                        [obj, single](const ResolveParams &p) -> FieldResult {
                            RequestContext &ctx = requestContext(p.context);
                            return single(ctx.records().restoreOne(ctx.model(), *obj, p.args.value("id"_L1).toString(),
                                                                   ctx.auth.actor, 0),
                                          ctx);
                        }});
    mutation.push_back({u"restore"_s + plural,
                        u"[%1]"_s.arg(singular),
                        {{u"filter"_s, names.filter + u'!'}},
                        [obj, many](const ResolveParams &p) -> FieldResult {
                            RequestContext &ctx = requestContext(p.context);
                            auto filter = requiredFilter(p.args);
                            if (!filter)
                                return emptyFilterAware(filter.error());
                            return many(ctx.records().restoreMany(ctx.model(), *obj, *filter, ctx.auth.actor, 0), ctx);
                        }});
}

} // namespace

const PageData *RequestContext::holdPage(RecordPage page, QHash<QString, QJsonValue> aggregates)
{
    auto data = std::make_shared<PageData>();
    data->page = std::move(page);
    data->aggregates = std::move(aggregates);
    data->cursors.reserve(data->page.records.size());
    for (std::size_t i = 0; i < data->page.records.size(); ++i)
        data->cursors.push_back(data->page.cursor(i));
    data->edges.reserve(data->page.records.size());
    for (std::size_t i = 0; i < data->page.records.size(); ++i)
        data->edges.push_back({&data->page.records[i], &data->cursors[i]});
    return hold(std::move(data));
}

graphql::Value pageInfo(bool hasNextPage, bool hasPreviousPage, const std::vector<QString> &cursors)
{
    QJsonObject info{{u"hasNextPage"_s, hasNextPage}, {u"hasPreviousPage"_s, hasPreviousPage}};
    info.insert(u"startCursor"_s, cursors.empty() ? QJsonValue() : QJsonValue(cursors.front()));
    info.insert(u"endCursor"_s, cursors.empty() ? QJsonValue() : QJsonValue(cursors.back()));
    return info;
}

RequestContext &requestContext(const std::any &context)
{
    // The endpoint always passes a RequestContext*; std::any_cast by value throws only on a programming error.
    return *std::any_cast<RequestContext *>(context);
}

QString compositeTypeName(FieldType type)
{
    switch (type) {
    case FieldType::FullName: return u"FullName"_s;
    case FieldType::Currency: return u"Currency"_s;
    case FieldType::Links: return u"Links"_s;
    case FieldType::Emails: return u"Emails"_s;
    case FieldType::Phones: return u"Phones"_s;
    case FieldType::Address: return u"Address"_s;
    case FieldType::Actor: return u"Actor"_s;
    case FieldType::RichTextV2: return u"RichTextV2"_s;
    default: return {};
    }
}

/// `filter` argument → AST (absent or null: none).
Result<std::optional<FilterNode>> filterArg(const QJsonObject &args)
{
    const QJsonValue value = args.value("filter"_L1);
    if (!value.isObject())
        return std::optional<FilterNode>();
    auto node = filterFromJson(value.toObject());
    if (!node)
        return node.error();
    return std::optional<FilterNode>(std::move(node.value()));
}

void registerCoreSchemaExtension(CoreSchemaExtension extension)
{
    std::lock_guard lock(g_extensionsMutex);
    extensions().push_back(std::move(extension));
}

Result<std::shared_ptr<const graphql::Schema>> buildCoreSchema(const DataModelPtr &model)
{
    graphql::SchemaBuilder b;
    b.setQueryType(u"Query"_s);
    b.setMutationType(u"Mutation"_s);
    addCommonTypes(b);
    addGroupByCommonTypes(b);
    std::vector<FieldConfig> query;
    std::vector<FieldConfig> mutation;
    QSet<QString> enums;
    std::vector<CoreSchemaExtension> extra;
    {
        std::lock_guard lock(g_extensionsMutex);
        extra = extensions();
    }
    for (const ObjectMetadata &object : model->objects()) {
        if (!object.isActive || object.isRemote)
            continue;
        const ObjectTypeNames names = namesOf(object);
        std::vector<FieldConfig> connection;
        addObjectTypes(b, enums, *model, object, names, connection);
        addOperations(object, names, query, mutation);
        CoreObjectParts parts{*model, object, names, b, query, mutation, connection};
        addGroupByDuplicatesMerge(parts);
        for (const CoreSchemaExtension &extension : extra)
            extension(parts);
        b.addObjectType({names.connection, std::move(connection)});
    }
    b.addObjectType({u"Query"_s, std::move(query)});
    b.addObjectType({u"Mutation"_s, std::move(mutation)});
    return b.build();
}

} // namespace vingt::graphqlapi
