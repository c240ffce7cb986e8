#include "graphqlapi/metadataschema.h"

#include "graphqlapi/requestcontext.h"
#include "model/metadatajson.h"
#include "services/metadataservice.h"
#include "services/workspace.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>
#include <mutex>

namespace vingt::graphqlapi {

using namespace Qt::StringLiterals;
using graphql::FieldConfig;
using graphql::FieldResult;
using graphql::InputValueConfig;
using graphql::ResolveParams;
using graphql::Value;

namespace {

std::mutex g_mutex;
std::vector<MetadataSchemaExtension> &extensions()
{
    static std::vector<MetadataSchemaExtension> list;
    return list;
}

QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

/// A field of `Object` / `Field` read from the metadata struct.
template<typename T, typename F>
FieldConfig prop(const QString &name, const QString &type, F read)
{
    return {name, type, {}, [read](const ResolveParams &p) -> FieldResult {
                const T *item = p.source.as<T>();
                if (!item)
                    return Value();
                return read(requestContext(p.context), *item);
            }};
}

// ---------------------------------------------------------------------------------------------------------------------
// Filters (nestjs-query comparisons, §3.2) evaluated in memory: metadata sets are small.

bool matchesUuid(const QJsonObject &comparison, const QString &value)
{
    for (auto it = comparison.begin(); it != comparison.end(); ++it) {
        const QString op = it.key();
        const QJsonValue arg = it.value();
        if (arg.isNull() || arg.isUndefined())
            continue;
        auto pattern = [&arg](bool caseInsensitive) {
            QString re = QRegularExpression::escape(arg.toString());
            re.replace(u"%"_s, u".*"_s).replace(u"_"_s, u"."_s);
            return QRegularExpression(u"^"_s + re + u"$"_s, caseInsensitive ? QRegularExpression::CaseInsensitiveOption
                                                                            : QRegularExpression::NoPatternOption);
        };
        bool ok = true;
        if (op == "eq"_L1)
            ok = value == arg.toString();
        else if (op == "neq"_L1)
            ok = value != arg.toString();
        else if (op == "gt"_L1)
            ok = value > arg.toString();
        else if (op == "gte"_L1)
            ok = value >= arg.toString();
        else if (op == "lt"_L1)
            ok = value < arg.toString();
        else if (op == "lte"_L1)
            ok = value <= arg.toString();
        else if (op == "in"_L1 || op == "notIn"_L1)
            ok = arg.toArray().contains(value) == (op == "in"_L1);
        else if (op == "like"_L1 || op == "notLike"_L1)
            ok = pattern(false).match(value).hasMatch() == (op == "like"_L1);
        else if (op == "iLike"_L1 || op == "notILike"_L1)
            ok = pattern(true).match(value).hasMatch() == (op == "iLike"_L1);
        else if (op == "is"_L1)
            ok = arg.toBool() ? !value.isEmpty() : value.isEmpty();
        else if (op == "isNot"_L1)
            ok = arg.toBool() ? value.isEmpty() : !value.isEmpty();
        if (!ok)
            return false;
    }
    return true;
}

bool matchesBool(const QJsonObject &comparison, bool value)
{
    const QJsonValue is = comparison.value("is"_L1);
    if (is.isBool() && value != is.toBool())
        return false;
    const QJsonValue isNot = comparison.value("isNot"_L1);
    if (isNot.isBool() && value == isNot.toBool())
        return false;
    return true;
}

/// `and`/`or` plus one comparison per property; boolean properties take BooleanFieldComparison, others UUID ones.
template<typename Lookup>
bool matchesFilter(const QJsonObject &filter, const Lookup &lookup)
{
    for (auto it = filter.begin(); it != filter.end(); ++it) {
        const QString key = it.key();
        if (it.value().isNull())
            continue;
        if (key == "and"_L1) {
            for (const QJsonValue &sub : it.value().toArray()) {
                if (!matchesFilter(sub.toObject(), lookup))
                    return false;
            }
            continue;
        }
        if (key == "or"_L1) {
            const QJsonArray subs = it.value().toArray();
            if (subs.isEmpty())
                continue;
            bool any = false;
            for (const QJsonValue &sub : subs)
                any = any || matchesFilter(sub.toObject(), lookup);
            if (!any)
                return false;
            continue;
        }
        const QJsonValue value = lookup(key);
        const bool ok = value.isBool() ? matchesBool(it.value().toObject(), value.toBool())
                                       : matchesUuid(it.value().toObject(), value.toString());
        if (!ok)
            return false;
    }
    return true;
}

QJsonValue objectProperty(const RequestContext &ctx, const ObjectMetadata &o, const QString &key)
{
    if (key == "id"_L1 || key == "universalIdentifier"_L1)
        return o.id;
    if (key == "applicationId"_L1)
        return ctx.auth.workspace->id();
    if (key == "isActive"_L1)
        return o.isActive;
    if (key == "isRemote"_L1)
        return o.isRemote;
    if (key == "isSearchable"_L1)
        return o.isSearchable;
    if (key == "isSystem"_L1 || key == "isUIReadOnly"_L1)
        return o.isSystem;
    if (key == "isUICreatable"_L1 || key == "isUIEditable"_L1)
        return !o.isSystem;
    if (key == "isCustom"_L1)
        return o.isCustom;
    return QJsonValue();
}

QJsonValue fieldProperty(const RequestContext &ctx, const FieldMetadata &f, const QString &key)
{
    if (key == "id"_L1 || key == "universalIdentifier"_L1)
        return f.id;
    if (key == "applicationId"_L1)
        return ctx.auth.workspace->id();
    if (key == "objectMetadataId"_L1)
        return f.objectMetadataId;
    if (key == "isActive"_L1)
        return f.isActive;
    if (key == "isSystem"_L1 || key == "isUIReadOnly"_L1)
        return f.isSystem;
    if (key == "isUIEditable"_L1)
        return !f.isSystem;
    if (key == "isCustom"_L1)
        return f.isCustom;
    if (key == "isNullable"_L1)
        return f.isNullable;
    return QJsonValue();
}

/// A page of metadata items (CursorPaging, §3.2): ordered by id, cursors are the ids.
struct MetaPage {
    std::vector<const void *> items;
    std::vector<QString> ids;
    bool hasNextPage = false;
    bool hasPreviousPage = false;
    qint64 totalCount = 0;
};

template<typename T>
Result<Value> pageOf(RequestContext &ctx, std::vector<const T *> items, const QJsonObject &paging)
{
    std::sort(items.begin(), items.end(), [](const T *a, const T *b) { return a->id < b->id; });
    auto page = std::make_shared<MetaPage>();
    page->totalCount = qint64(items.size());
    const QJsonValue first = paging.value("first"_L1);
    const QJsonValue last = paging.value("last"_L1);
    const QString after = paging.value("after"_L1).toString();
    const QString before = paging.value("before"_L1).toString();
    if (first.isDouble() && last.isDouble())
        return Error::badRequest(u"Cannot provide both first and last"_s, u"ARGS_CONFLICT"_s);
    if (!after.isEmpty() && !before.isEmpty())
        return Error::badRequest(u"Cannot provide both before and after"_s, u"ARGS_CONFLICT"_s);
    if ((first.isDouble() && first.toInt() < 0) || (last.isDouble() && last.toInt() < 0))
        return Error::badRequest(first.isDouble() ? u"First argument must be non-negative"_s
                                                  : u"Last argument must be non-negative"_s);
    qsizetype begin = 0;
    qsizetype end = qsizetype(items.size());
    if (!after.isEmpty()) {
        while (begin < end && items[std::size_t(begin)]->id <= after)
            ++begin;
    }
    if (!before.isEmpty()) {
        while (end > begin && items[std::size_t(end - 1)]->id >= before)
            --end;
    }
    int limit = last.isDouble() ? last.toInt() : first.isDouble() ? first.toInt() : ctx.pageSizeDefault;
    if (limit > ctx.pageSizeMax) {
        limit = ctx.pageSizeMax;
        ctx.clamped = true;
    }
    if (last.isDouble()) {
        page->hasPreviousPage = end - begin > limit;
        begin = std::max(begin, end - limit);
    } else {
        page->hasNextPage = end - begin > limit;
        end = std::min(end, begin + limit);
    }
    for (qsizetype i = begin; i < end; ++i) {
        page->items.push_back(items[std::size_t(i)]);
        page->ids.push_back(items[std::size_t(i)]->id);
    }
    return Value::borrowed(ctx.hold(std::move(page)));
}

std::vector<InputValueConfig> pagingArgs(const QString &filterType)
{
    return {{u"paging"_s, u"CursorPaging"_s, {}, QJsonValue(QJsonObject{{u"first"_s, 10}})},
            {u"filter"_s, filterType, {}, QJsonValue(QJsonObject{})}};
}

/// One edge: the page and an index into it.
struct MetaEdge {
    const MetaPage *page;
    int index;
};

template<typename T>
void addConnectionTypes(graphql::SchemaBuilder &b, const QString &node)
{
    b.addObjectType({node + u"Edge"_s,
                     {{u"node"_s,
                       node + u'!',
                       {},
                       [](const ResolveParams &p) -> FieldResult {
                           const MetaEdge *edge = p.source.as<MetaEdge>();
                           if (!edge)
                               return Value();
                           return Value::borrowed(static_cast<const T *>(edge->page->items[std::size_t(edge->index)]));
                       }},
                      {u"cursor"_s, u"ConnectionCursor!"_s, {}, [](const ResolveParams &p) -> FieldResult {
                           const MetaEdge *edge = p.source.as<MetaEdge>();
                           return edge ? Value(edge->page->ids[std::size_t(edge->index)]) : Value();
                       }}}});
    b.addObjectType({node + u"Connection"_s,
                     {{u"edges"_s,
                       u"[%1Edge!]!"_s.arg(node),
                       {},
                       [](const ResolveParams &p) -> FieldResult {
                           const MetaPage *page = p.source.as<MetaPage>();
                           std::vector<Value> items;
                           if (page) {
                               RequestContext &ctx = requestContext(p.context);
                               auto edges = std::make_shared<std::vector<MetaEdge>>();
                               for (int i = 0; i < int(page->items.size()); ++i)
                                   edges->push_back({page, i});
                               const auto *held = ctx.hold(std::move(edges));
                               for (const MetaEdge &edge : *held)
                                   items.push_back(Value::borrowed(&edge));
                           }
                           return Value::list(std::move(items));
                       }},
                      {u"pageInfo"_s,
                       u"PageInfo!"_s,
                       {},
                       [](const ResolveParams &p) -> FieldResult {
                           const MetaPage *page = p.source.as<MetaPage>();
                           if (!page)
                               return Value();
                           return pageInfo(page->hasNextPage, page->hasPreviousPage, page->ids);
                       }},
                      {u"totalCount"_s, u"Int!"_s, {}, [](const ResolveParams &p) -> FieldResult {
                           const MetaPage *page = p.source.as<MetaPage>();
                           return page ? Value(page->totalCount) : Value();
                       }}}});
}

std::vector<const FieldMetadata *> fieldsMatching(RequestContext &ctx, const ObjectMetadata *only,
                                                  const QJsonObject &filter)
{
    std::vector<const FieldMetadata *> out;
    for (const ObjectMetadata &o : ctx.model().objects()) {
        if (only && &o != only)
            continue;
        for (const FieldMetadata &f : o.fields) {
            if (matchesFilter(filter, [&](const QString &key) { return fieldProperty(ctx, f, key); }))
                out.push_back(&f);
        }
    }
    return out;
}

void addTypes(graphql::SchemaBuilder &b)
{
    b.addScalarType({u"UUID"_s, u"A UUID (RFC 4122 text form)."_s});
    b.addScalarType({u"DateTime"_s, u"An ISO-8601 UTC timestamp with milliseconds."_s});
    b.addScalarType({u"JSON"_s, u"Any JSON value."_s});
    b.addScalarType({u"ConnectionCursor"_s, u"Cursor for paging through collections."_s});
    {
        std::vector<graphql::EnumValueConfig> types;
        for (const char *name :
             {"UUID",         "TEXT",     "PHONES",         "EMAILS",   "DATE_TIME", "DATE",     "BOOLEAN",
              "NUMBER",       "NUMERIC",  "LINKS",          "CURRENCY", "FULL_NAME", "RATING",   "SELECT",
              "MULTI_SELECT", "RELATION", "MORPH_RELATION", "POSITION", "ADDRESS",   "RAW_JSON", "RICH_TEXT",
              "RICH_TEXT_V2", "ACTOR",    "ARRAY",          "TS_VECTOR"})
            types.push_back({QString::fromLatin1(name)});
        b.addEnumType({u"FieldMetadataType"_s, std::move(types)});
    }
    b.addEnumType({u"ObjectOpenRecordIn"_s, {{u"SIDE_PANEL"_s}, {u"RECORD_PAGE"_s}, {u"USER_CHOICE"_s}}});
    b.addEnumType(
        {u"MetadataReadability"_s, {{u"OPEN"_s}, {u"PRIVATE"_s}, {u"INHERITED"_s}, {u"APPLICATION"_s}, {u"SYSTEM"_s}}});
    b.addEnumType({u"MetadataWritability"_s, {{u"OPEN"_s}, {u"APPLICATION"_s}, {u"SYSTEM"_s}}});
    b.addEnumType({u"RelationType"_s, {{u"ONE_TO_MANY"_s}, {u"MANY_TO_ONE"_s}}});
    b.addObjectType({u"PageInfo"_s,
                     {{u"hasNextPage"_s, u"Boolean"_s},
                      {u"hasPreviousPage"_s, u"Boolean"_s},
                      {u"startCursor"_s, u"ConnectionCursor"_s},
                      {u"endCursor"_s, u"ConnectionCursor"_s}}});
    b.addInputObjectType({u"CursorPaging"_s,
                          {{u"before"_s, u"ConnectionCursor"_s},
                           {u"after"_s, u"ConnectionCursor"_s},
                           {u"first"_s, u"Int"_s},
                           {u"last"_s, u"Int"_s}}});
    b.addInputObjectType({u"BooleanFieldComparison"_s, {{u"is"_s, u"Boolean"_s}, {u"isNot"_s, u"Boolean"_s}}});
    {
        std::vector<InputValueConfig> ops;
        for (const char *op : {"eq", "neq", "gt", "gte", "lt", "lte", "like", "notLike", "iLike", "notILike"})
            ops.push_back({QString::fromLatin1(op), u"UUID"_s});
        ops.push_back({u"in"_s, u"[UUID!]"_s});
        ops.push_back({u"notIn"_s, u"[UUID!]"_s});
        ops.push_back({u"is"_s, u"Boolean"_s});
        ops.push_back({u"isNot"_s, u"Boolean"_s});
        b.addInputObjectType({u"UUIDFilterComparison"_s, std::move(ops)});
    }
    {
        std::vector<InputValueConfig> f{{u"and"_s, u"[ObjectFilter!]"_s},
                                        {u"or"_s, u"[ObjectFilter!]"_s},
                                        {u"id"_s, u"UUIDFilterComparison"_s},
                                        {u"universalIdentifier"_s, u"UUIDFilterComparison"_s}};
        for (const char *name : {"isActive", "isRemote", "isSearchable", "isSystem", "isUICreatable", "isUIEditable",
                                 "isUIReadOnly", "isCustom"})
            f.push_back({QString::fromLatin1(name), u"BooleanFieldComparison"_s});
        b.addInputObjectType({u"ObjectFilter"_s, std::move(f)});
    }
    b.addInputObjectType({u"FieldFilter"_s,
                          {{u"and"_s, u"[FieldFilter!]"_s},
                           {u"or"_s, u"[FieldFilter!]"_s},
                           {u"id"_s, u"UUIDFilterComparison"_s},
                           {u"isActive"_s, u"BooleanFieldComparison"_s},
                           {u"isSystem"_s, u"BooleanFieldComparison"_s},
                           {u"isUIEditable"_s, u"BooleanFieldComparison"_s},
                           {u"isUIReadOnly"_s, u"BooleanFieldComparison"_s},
                           {u"objectMetadataId"_s, u"UUIDFilterComparison"_s}}});

    using O = ObjectMetadata;
    auto text = [](QString O::*member) {
        return [member](RequestContext &, const O &o) -> FieldResult { return Value(o.*member); };
    };
    auto optional = [](QString O::*member) {
        return [member](RequestContext &, const O &o) -> FieldResult { return Value(orNull(o.*member)); };
    };
    auto flag = [](bool O::*member) {
        return [member](RequestContext &, const O &o) -> FieldResult { return Value(o.*member); };
    };
    auto constant = [](const char *value) {
        return [value](RequestContext &, const O &) -> FieldResult { return Value(QString::fromLatin1(value)); };
    };
    std::vector<FieldConfig> objectFields{
        prop<O>(u"id"_s, u"UUID!"_s, text(&O::id)),
        prop<O>(u"universalIdentifier"_s, u"UUID"_s, text(&O::id)),
        prop<O>(u"applicationId"_s, u"UUID"_s,
                [](RequestContext &ctx, const O &) -> FieldResult { return Value(ctx.auth.workspace->id()); }),
        prop<O>(u"nameSingular"_s, u"String!"_s, text(&O::nameSingular)),
        prop<O>(u"namePlural"_s, u"String!"_s, text(&O::namePlural)),
        prop<O>(u"labelSingular"_s, u"String!"_s, text(&O::labelSingular)),
        prop<O>(u"labelPlural"_s, u"String!"_s, text(&O::labelPlural)),
        prop<O>(u"description"_s, u"String"_s, optional(&O::description)),
        prop<O>(u"icon"_s, u"String"_s, optional(&O::icon)),
        prop<O>(u"shortcut"_s, u"String"_s, optional(&O::shortcut)),
        prop<O>(u"color"_s, u"String"_s, optional(&O::color)),
        prop<O>(u"isCustom"_s, u"Boolean!"_s, flag(&O::isCustom)),
        prop<O>(u"isRemote"_s, u"Boolean!"_s, flag(&O::isRemote)),
        prop<O>(u"isActive"_s, u"Boolean!"_s, flag(&O::isActive)),
        prop<O>(u"isSystem"_s, u"Boolean!"_s, flag(&O::isSystem)),
        prop<O>(u"isUIReadOnly"_s, u"Boolean!"_s, flag(&O::isSystem)),
        prop<O>(u"isUIEditable"_s, u"Boolean!"_s,
                [](RequestContext &, const O &o) -> FieldResult { return Value(!o.isSystem); }),
        prop<O>(u"isUICreatable"_s, u"Boolean!"_s,
                [](RequestContext &, const O &o) -> FieldResult { return Value(!o.isSystem); }),
        prop<O>(u"isSearchable"_s, u"Boolean!"_s, flag(&O::isSearchable)),
        prop<O>(u"isLabelSyncedWithName"_s, u"Boolean!"_s, flag(&O::isLabelSyncedWithName)),
        prop<O>(u"labelIdentifierFieldMetadataId"_s, u"UUID"_s, optional(&O::labelIdentifierFieldMetadataId)),
        prop<O>(u"imageIdentifierFieldMetadataId"_s, u"UUID"_s, optional(&O::imageIdentifierFieldMetadataId)),
        prop<O>(u"duplicateCriteria"_s, u"[[String!]!]"_s,
                [](RequestContext &, const O &o) -> FieldResult {
                    QJsonArray out;
                    for (const QStringList &criteria : o.duplicateCriteria)
                        out.append(QJsonArray::fromStringList(criteria));
                    return Value(out);
                }),
        prop<O>(u"standardOverrides"_s, u"JSON"_s, [](RequestContext &, const O &) -> FieldResult { return Value(); }),
        prop<O>(u"openRecordIn"_s, u"ObjectOpenRecordIn!"_s, constant("SIDE_PANEL")),
        prop<O>(u"readability"_s, u"MetadataReadability!"_s, constant("OPEN")),
        prop<O>(u"readabilityParentFieldUniversalIdentifiers"_s, u"[UUID!]"_s,
                [](RequestContext &, const O &) -> FieldResult { return Value(); }),
        prop<O>(u"writability"_s, u"MetadataWritability!"_s, constant("OPEN")),
        prop<O>(u"createdAt"_s, u"DateTime!"_s, text(&O::createdAt)),
        prop<O>(u"updatedAt"_s, u"DateTime!"_s, text(&O::updatedAt)),
    };
    FieldConfig nestedFields{u"fields"_s, u"FieldConnection!"_s, pagingArgs(u"FieldFilter"_s)};
    nestedFields.resolve = [](const ResolveParams &p) -> FieldResult {
        const O *o = p.source.as<O>();
        if (!o)
            return Value();
        RequestContext &ctx = requestContext(p.context);
        return pageOf(ctx, fieldsMatching(ctx, o, p.args.value("filter"_L1).toObject()),
                      p.args.value("paging"_L1).toObject());
    };
    objectFields.push_back(std::move(nestedFields));
    b.addObjectType({u"Object"_s, std::move(objectFields)});

    using F = FieldMetadata;
    auto ftext = [](QString F::*member) {
        return [member](RequestContext &, const F &f) -> FieldResult { return Value(f.*member); };
    };
    auto foptional = [](QString F::*member) {
        return [member](RequestContext &, const F &f) -> FieldResult { return Value(orNull(f.*member)); };
    };
    auto fflag = [](bool F::*member) {
        return [member](RequestContext &, const F &f) -> FieldResult { return Value(f.*member); };
    };
    b.addObjectType(
        {u"Field"_s,
         {prop<F>(u"id"_s, u"UUID!"_s, ftext(&F::id)),
          prop<F>(u"universalIdentifier"_s, u"UUID"_s, ftext(&F::id)),
          prop<F>(u"applicationId"_s, u"UUID"_s,
                  [](RequestContext &ctx, const F &) -> FieldResult { return Value(ctx.auth.workspace->id()); }),
          prop<F>(u"type"_s, u"FieldMetadataType!"_s,
                  [](RequestContext &, const F &f) -> FieldResult { return Value(QString(fieldTypeName(f.type))); }),
          prop<F>(u"name"_s, u"String!"_s, ftext(&F::name)),
          prop<F>(u"label"_s, u"String!"_s, ftext(&F::label)),
          prop<F>(u"description"_s, u"String"_s, foptional(&F::description)),
          prop<F>(u"icon"_s, u"String"_s, foptional(&F::icon)),
          prop<F>(u"isCustom"_s, u"Boolean"_s, fflag(&F::isCustom)),
          prop<F>(u"isActive"_s, u"Boolean"_s, fflag(&F::isActive)),
          prop<F>(u"isSystem"_s, u"Boolean"_s, fflag(&F::isSystem)),
          prop<F>(u"isNullable"_s, u"Boolean"_s, fflag(&F::isNullable)),
          prop<F>(u"isUnique"_s, u"Boolean"_s, fflag(&F::isUnique)),
          prop<F>(u"isUIEditable"_s, u"Boolean"_s,
                  [](RequestContext &, const F &f) -> FieldResult { return Value(!f.isSystem); }),
          prop<F>(u"isUIReadOnly"_s, u"Boolean"_s, fflag(&F::isSystem)),
          prop<F>(u"isSearchable"_s, u"Boolean"_s,
                  [](RequestContext &, const F &) -> FieldResult { return Value(false); }),
          prop<F>(u"isAuditLogged"_s, u"Boolean"_s,
                  [](RequestContext &, const F &) -> FieldResult { return Value(true); }),
          prop<F>(u"writability"_s, u"MetadataWritability"_s,
                  [](RequestContext &, const F &) -> FieldResult { return Value(u"OPEN"_s); }),
          prop<F>(u"morphId"_s, u"UUID"_s, [](RequestContext &, const F &) -> FieldResult { return Value(); }),
          prop<F>(u"defaultValue"_s, u"JSON"_s,
                  [](RequestContext &, const F &f) -> FieldResult { return Value(f.defaultValue); }),
          prop<F>(u"options"_s, u"JSON"_s,
                  [](RequestContext &, const F &f) -> FieldResult {
                      if (f.options.empty())
                          return Value();
                      QJsonArray out;
                      for (const SelectOption &o : f.options)
                          out.append(metadatajson::option(o));
                      return Value(out);
                  }),
          prop<F>(u"settings"_s, u"JSON"_s,
                  [](RequestContext &, const F &f) -> FieldResult {
                      return f.settings.isEmpty() ? Value() : Value(f.settings);
                  }),
          prop<F>(u"isLabelSyncedWithName"_s, u"Boolean"_s, fflag(&F::isLabelSyncedWithName)),
          prop<F>(u"objectMetadataId"_s, u"UUID!"_s, ftext(&F::objectMetadataId)),
          prop<F>(u"relation"_s, u"Relation"_s,
                  [](RequestContext &ctx, const F &f) -> FieldResult {
                      if (f.type != FieldType::Relation || !ctx.model().relationTarget(f))
                          return Value();
                      return Value::borrowed(&f, u"Relation"_s);
                  }),
          prop<F>(u"standardOverrides"_s, u"JSON"_s, [](RequestContext &, const F &) -> FieldResult { return Value(); }),
          prop<F>(u"createdAt"_s, u"DateTime!"_s, ftext(&F::createdAt)),
          prop<F>(u"updatedAt"_s, u"DateTime!"_s, ftext(&F::updatedAt))}});
    // `Relation` reads the relation field itself (a FieldMetadata handle).
    b.addObjectType({u"Relation"_s,
                     {prop<F>(u"type"_s, u"RelationType!"_s,
                              [](RequestContext &, const F &f) -> FieldResult {
                                  return Value(QString(relationTypeName(f.relationType)));
                              }),
                      prop<F>(u"sourceObjectMetadata"_s, u"Object!"_s,
                              [](RequestContext &ctx, const F &f) -> FieldResult {
                                  const ObjectMetadata *o = ctx.model().objectById(f.objectMetadataId);
                                  return o ? Value::borrowed(o) : Value();
                              }),
                      prop<F>(u"targetObjectMetadata"_s, u"Object!"_s,
                              [](RequestContext &ctx, const F &f) -> FieldResult {
                                  const ObjectMetadata *o = ctx.model().relationTarget(f);
                                  return o ? Value::borrowed(o) : Value();
                              }),
                      prop<F>(u"sourceFieldMetadata"_s, u"Field!"_s,
                              [](RequestContext &, const F &f) -> FieldResult { return Value::borrowed(&f); }),
                      prop<F>(u"targetFieldMetadata"_s, u"Field"_s, [](RequestContext &ctx, const F &f) -> FieldResult {
                          const F *inverse = ctx.model().relationInverse(f);
                          return inverse ? Value::borrowed(inverse) : Value();
                      })}});
    addConnectionTypes<O>(b, u"Object"_s);
    addConnectionTypes<F>(b, u"Field"_s);
}

void addQueries(std::vector<FieldConfig> &query)
{
    query.push_back({u"objects"_s, u"ObjectConnection!"_s, pagingArgs(u"ObjectFilter"_s),
                     [](const ResolveParams &p) -> FieldResult {
                         RequestContext &ctx = requestContext(p.context);
                         const QJsonObject filter = p.args.value("filter"_L1).toObject();
                         std::vector<const ObjectMetadata *> items;
                         for (const ObjectMetadata &o : ctx.model().objects()) {
                             if (matchesFilter(filter, [&](const QString &key) { return objectProperty(ctx, o, key); }))
                                 items.push_back(&o);
                         }
                         return pageOf(ctx, std::move(items), p.args.value("paging"_L1).toObject());
                     }});
    query.push_back({u"object"_s, u"Object"_s, {{u"id"_s, u"UUID!"_s}}, [](const ResolveParams &p) -> FieldResult {
                         RequestContext &ctx = requestContext(p.context);
                         const ObjectMetadata *o = ctx.model().objectById(p.args.value("id"_L1).toString());
                         if (!o)
                             return Error::notFound(u"Object metadata not found"_s);
                         return Value::borrowed(o);
                     }});
    query.push_back(
        {u"fields"_s, u"FieldConnection!"_s, pagingArgs(u"FieldFilter"_s), [](const ResolveParams &p) -> FieldResult {
             RequestContext &ctx = requestContext(p.context);
             return pageOf(ctx, fieldsMatching(ctx, nullptr, p.args.value("filter"_L1).toObject()),
                           p.args.value("paging"_L1).toObject());
         }});
    query.push_back({u"field"_s, u"Field"_s, {{u"id"_s, u"UUID!"_s}}, [](const ResolveParams &p) -> FieldResult {
                         RequestContext &ctx = requestContext(p.context);
                         const auto [object, field] = ctx.model().fieldById(p.args.value("id"_L1).toString());
                         if (!field)
                             return Error::notFound(u"Field metadata not found"_s);
                         return Value::borrowed(field);
                     }});
}

/// `name: type` input fields, all nullable unless the type says otherwise.
std::vector<InputValueConfig> inputFields(std::initializer_list<std::pair<const char *, const char *>> fields)
{
    std::vector<InputValueConfig> out;
    for (const auto &[name, type] : fields)
        out.push_back({QString::fromLatin1(name), QString::fromLatin1(type)});
    return out;
}

/// The input types of §3.2/3.3, with the accepted-but-ignored names the service knows.
void addMutationInputs(graphql::SchemaBuilder &b)
{
    b.addInputObjectType({u"CreateObjectInput"_s, inputFields({{"nameSingular", "String!"},
                                                               {"namePlural", "String!"},
                                                               {"labelSingular", "String!"},
                                                               {"labelPlural", "String!"},
                                                               {"description", "String"},
                                                               {"icon", "String"},
                                                               {"shortcut", "String"},
                                                               {"color", "String"},
                                                               {"isRemote", "Boolean"},
                                                               {"primaryKeyColumnType", "String"},
                                                               {"primaryKeyFieldMetadataSettings", "JSON"},
                                                               {"isLabelSyncedWithName", "Boolean"},
                                                               {"skipNameField", "Boolean"},
                                                               {"duplicateCriteria", "[[String!]!]"}})});
    b.addInputObjectType({u"UpdateObjectPayload"_s, inputFields({{"labelSingular", "String"},
                                                                 {"labelPlural", "String"},
                                                                 {"nameSingular", "String"},
                                                                 {"namePlural", "String"},
                                                                 {"description", "String"},
                                                                 {"icon", "String"},
                                                                 {"shortcut", "String"},
                                                                 {"color", "String"},
                                                                 {"isActive", "Boolean"},
                                                                 {"labelIdentifierFieldMetadataId", "UUID"},
                                                                 {"imageIdentifierFieldMetadataId", "UUID"},
                                                                 {"isLabelSyncedWithName", "Boolean"},
                                                                 {"isSearchable", "Boolean"},
                                                                 {"openRecordIn", "ObjectOpenRecordIn"},
                                                                 {"readability", "MetadataReadability"},
                                                                 {"translations", "JSON"},
                                                                 {"duplicateCriteria", "[[String!]!]"}})});
    b.addInputObjectType({u"CreateFieldInput"_s, inputFields({{"type", "FieldMetadataType!"},
                                                              {"name", "String!"},
                                                              {"label", "String!"},
                                                              {"objectMetadataId", "UUID!"},
                                                              {"description", "String"},
                                                              {"icon", "String"},
                                                              {"isCustom", "Boolean"},
                                                              {"isActive", "Boolean"},
                                                              {"isSystem", "Boolean"},
                                                              {"isNullable", "Boolean"},
                                                              {"isUnique", "Boolean"},
                                                              {"defaultValue", "JSON"},
                                                              {"options", "JSON"},
                                                              {"settings", "JSON"},
                                                              {"isLabelSyncedWithName", "Boolean"},
                                                              {"standardOverrides", "JSON"},
                                                              {"relationCreationPayload", "JSON"},
                                                              {"morphRelationsCreationPayload", "[JSON!]"},
                                                              {"isRemoteCreation", "Boolean"},
                                                              {"isUIEditable", "Boolean"},
                                                              {"isUIReadOnly", "Boolean"},
                                                              {"isSearchable", "Boolean"},
                                                              {"isAuditLogged", "Boolean"}})});
    b.addInputObjectType({u"UpdateFieldInput"_s, inputFields({{"universalIdentifier", "UUID"},
                                                              {"name", "String"},
                                                              {"label", "String"},
                                                              {"description", "String"},
                                                              {"icon", "String"},
                                                              {"isActive", "Boolean"},
                                                              {"isSystem", "Boolean"},
                                                              {"isUIEditable", "Boolean"},
                                                              {"isUIReadOnly", "Boolean"},
                                                              {"isNullable", "Boolean"},
                                                              {"isUnique", "Boolean"},
                                                              {"isSearchable", "Boolean"},
                                                              {"isAuditLogged", "Boolean"},
                                                              {"defaultValue", "JSON"},
                                                              {"options", "JSON"},
                                                              {"settings", "JSON"},
                                                              {"objectMetadataId", "UUID"},
                                                              {"isLabelSyncedWithName", "Boolean"}})});
    b.addInputObjectType({u"CreateOneObjectInput"_s, inputFields({{"object", "CreateObjectInput!"}})});
    b.addInputObjectType(
        {u"UpdateOneObjectInput"_s, inputFields({{"id", "UUID!"}, {"update", "UpdateObjectPayload!"}})});
    b.addInputObjectType({u"DeleteOneObjectInput"_s, inputFields({{"id", "UUID!"}})});
    b.addInputObjectType({u"CreateOneFieldMetadataInput"_s, inputFields({{"field", "CreateFieldInput!"}})});
    b.addInputObjectType(
        {u"UpdateOneFieldMetadataInput"_s, inputFields({{"id", "UUID!"}, {"update", "UpdateFieldInput!"}})});
    b.addInputObjectType({u"DeleteOneFieldInput"_s, inputFields({{"id", "UUID!"}})});
}

/// The rest of the request reads the snapshot a change published (the old one stays alive for values that
/// already borrow from it).
template<typename Change>
void adopt(RequestContext &ctx, const Change &change)
{
    ctx.keep.push_back(ctx.auth.model);
    ctx.auth.model = change.model;
}

/// A mutation field `name(input: inputType!)` calling the MetadataService with the input object.
template<typename Call>
FieldConfig mutationField(const QString &name, const QString &inputType, const QString &resultType, Call call)
{
    return {name, resultType + u'!', {{u"input"_s, inputType + u'!'}}, [call](const ResolveParams &p) -> FieldResult {
                RequestContext &ctx = requestContext(p.context);
                return call(ctx, ctx.auth.workspace->metadata(), p.args.value("input"_L1).toObject());
            }};
}

void addMutations(std::vector<FieldConfig> &mutation)
{
    auto object = [](RequestContext &ctx, Result<ObjectChange> change) -> FieldResult {
        if (!change)
            return change.error();
        adopt(ctx, *change);
        return Value::borrowed(change->object);
    };
    auto field = [](RequestContext &ctx, Result<FieldChange> change) -> FieldResult {
        if (!change)
            return change.error();
        adopt(ctx, *change);
        return Value::borrowed(change->field);
    };
    mutation.push_back(mutationField(u"createOneObject"_s, u"CreateOneObjectInput"_s, u"Object"_s,
                                     [object](RequestContext &ctx, MetadataService &s, const QJsonObject &in) {
                                         return object(
                                             ctx, s.createObject(ctx.auth.actor, in.value("object"_L1).toObject()));
                                     }));
    mutation.push_back(mutationField(u"updateOneObject"_s, u"UpdateOneObjectInput"_s, u"Object"_s,
                                     [object](RequestContext &ctx, MetadataService &s, const QJsonObject &in) {
                                         return object(ctx, s.updateObject(ctx.auth.actor, in.value("id"_L1).toString(),
                                                                           in.value("update"_L1).toObject()));
                                     }));
    mutation.push_back(mutationField(u"deleteOneObject"_s, u"DeleteOneObjectInput"_s, u"Object"_s,
                                     [](RequestContext &ctx, MetadataService &s, const QJsonObject &in) -> FieldResult {
                                         // The answer is the object as it was: read from the snapshot before the change.
                                         const QString id = in.value("id"_L1).toString().toLower();
                                         const DataModel *before = ctx.hold(ctx.auth.workspace->dataModel());
                                         auto change = s.deleteObject(ctx.auth.actor, id);
                                         if (!change)
                                             return change.error();
                                         adopt(ctx, *change);
                                         const ObjectMetadata *gone = before->objectById(id);
                                         return gone ? Value::borrowed(gone) : Value();
                                     }));
    mutation.push_back(mutationField(u"createOneField"_s, u"CreateOneFieldMetadataInput"_s, u"Field"_s,
                                     [field](RequestContext &ctx, MetadataService &s, const QJsonObject &in) {
                                         return field(ctx,
                                                      s.createField(ctx.auth.actor, in.value("field"_L1).toObject()));
                                     }));
    mutation.push_back(mutationField(u"updateOneField"_s, u"UpdateOneFieldMetadataInput"_s, u"Field"_s,
                                     [field](RequestContext &ctx, MetadataService &s, const QJsonObject &in) {
                                         return field(ctx, s.updateField(ctx.auth.actor, in.value("id"_L1).toString(),
                                                                         in.value("update"_L1).toObject()));
                                     }));
    mutation.push_back(mutationField(u"deleteOneField"_s, u"DeleteOneFieldInput"_s, u"Field"_s,
                                     [](RequestContext &ctx, MetadataService &s, const QJsonObject &in) -> FieldResult {
                                         const QString id = in.value("id"_L1).toString().toLower();
                                         const DataModel *before = ctx.hold(ctx.auth.workspace->dataModel());
                                         auto change = s.deleteField(ctx.auth.actor, id);
                                         if (!change)
                                             return change.error();
                                         adopt(ctx, *change);
                                         const FieldMetadata *gone = before->fieldById(id).second;
                                         return gone ? Value::borrowed(gone) : Value();
                                     }));
}

} // namespace

void registerMetadataSchemaExtension(MetadataSchemaExtension extension)
{
    std::lock_guard lock(g_mutex);
    extensions().push_back(std::move(extension));
}

Result<std::shared_ptr<const graphql::Schema>> buildMetadataSchema()
{
    graphql::SchemaBuilder b;
    b.setQueryType(u"Query"_s);
    addTypes(b);
    std::vector<FieldConfig> query;
    std::vector<FieldConfig> mutation;
    addQueries(query);
    addMutationInputs(b);
    addMutations(mutation);
    std::vector<MetadataSchemaExtension> extra;
    {
        std::lock_guard lock(g_mutex);
        extra = extensions();
    }
    MetadataSchemaParts parts{b, query, mutation};
    for (const MetadataSchemaExtension &extension : extra)
        extension(parts);
    b.addObjectType({u"Query"_s, std::move(query)});
    if (!mutation.empty()) {
        b.setMutationType(u"Mutation"_s);
        b.addObjectType({u"Mutation"_s, std::move(mutation)});
    }
    return b.build();
}

Result<std::shared_ptr<const graphql::Schema>> metadataSchema()
{
    static std::mutex mutex;
    static std::shared_ptr<const graphql::Schema> schema;
    std::lock_guard lock(mutex);
    if (!schema) {
        auto built = buildMetadataSchema();
        if (!built)
            return built.error();
        schema = *built;
    }
    return schema;
}

} // namespace vingt::graphqlapi
