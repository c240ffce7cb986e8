#include "query/groupby.h"

#include "query/columnresolver.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <array>

namespace vingt {

using namespace Qt::StringLiterals;

namespace {

struct GranularityName {
    DateGranularity granularity;
    QLatin1StringView name;
};

constexpr std::array kGranularities{
    GranularityName{DateGranularity::None, "NONE"_L1},
    GranularityName{DateGranularity::Day, "DAY"_L1},
    GranularityName{DateGranularity::Week, "WEEK"_L1},
    GranularityName{DateGranularity::Month, "MONTH"_L1},
    GranularityName{DateGranularity::Quarter, "QUARTER"_L1},
    GranularityName{DateGranularity::Year, "YEAR"_L1},
    GranularityName{DateGranularity::DayOfTheWeek, "DAY_OF_THE_WEEK"_L1},
    GranularityName{DateGranularity::MonthOfTheYear, "MONTH_OF_THE_YEAR"_L1},
    GranularityName{DateGranularity::QuarterOfTheYear, "QUARTER_OF_THE_YEAR"_L1},
};

Error invalidGroupBy(const QString &detail)
{
    return Error::badRequest(u"Invalid group_by query parameter - should be a valid array of objects, e.g. "
                             "[{\"stage\":true},{\"closeDate\":{\"granularity\":\"MONTH\"}}]: %1"_s.arg(detail));
}

std::optional<DateBucket> bucketOf(DateGranularity granularity)
{
    switch (granularity) {
    case DateGranularity::None: return std::nullopt;
    case DateGranularity::Day: return DateBucket::Day;
    case DateGranularity::Week: return DateBucket::Week;
    case DateGranularity::Month: return DateBucket::Month;
    case DateGranularity::Quarter: return DateBucket::Quarter;
    case DateGranularity::Year: return DateBucket::Year;
    case DateGranularity::DayOfTheWeek: return DateBucket::DayOfWeek;
    case DateGranularity::MonthOfTheYear: return DateBucket::MonthOfYear;
    case DateGranularity::QuarterOfTheYear: return DateBucket::QuarterOfYear;
    }
    return std::nullopt;
}

/// Free text may hold '' (TEXT defaults to ''); SELECT, UUID and date values are validated on write and are
/// either NULL or non-empty, so they are grouped on the bare column (an index on it can then serve the grouping).
bool isTextual(ValueKind kind)
{
    return kind == ValueKind::Text;
}

bool isJsonList(ValueKind kind)
{
    return kind == ValueKind::Json || kind == ValueKind::MultiSelect;
}

/// The column with empty values (NULL, '', an empty or null JSON list) read as NULL.
QString nonEmpty(const QString &column, ValueKind kind)
{
    if (isJsonList(kind))
        return u"NULLIF(NULLIF(NULLIF(%1, ''), '[]'), 'null')"_s.arg(column);
    if (isTextual(kind))
        return u"NULLIF(%1, '')"_s.arg(column);
    return column;
}

QLatin1StringView opPrefix(AggregateOp op)
{
    switch (op) {
    case AggregateOp::TotalCount: return "totalCount"_L1;
    case AggregateOp::CountEmpty: return "countEmpty"_L1;
    case AggregateOp::CountNotEmpty: return "countNotEmpty"_L1;
    case AggregateOp::CountUniqueValues: return "countUniqueValues"_L1;
    case AggregateOp::PercentageEmpty: return "percentageEmpty"_L1;
    case AggregateOp::PercentageNotEmpty: return "percentageNotEmpty"_L1;
    case AggregateOp::Min: return "min"_L1;
    case AggregateOp::Max: return "max"_L1;
    case AggregateOp::Avg: return "avg"_L1;
    case AggregateOp::Sum: return "sum"_L1;
    case AggregateOp::CountTrue: return "countTrue"_L1;
    case AggregateOp::CountFalse: return "countFalse"_L1;
    }
    return {};
}

QString directionSql(Direction direction)
{
    return u"%1 NULLS %2"_s.arg(isAscending(direction) ? "ASC"_L1 : "DESC"_L1,
                                nullsFirst(direction) ? "FIRST"_L1 : "LAST"_L1);
}

} // namespace

QLatin1StringView granularityName(DateGranularity granularity)
{
    for (const auto &entry : kGranularities) {
        if (entry.granularity == granularity)
            return entry.name;
    }
    return "NONE"_L1;
}

std::optional<DateGranularity> granularityFromName(QStringView name)
{
    for (const auto &entry : kGranularities) {
        if (name == entry.name)
            return entry.granularity;
    }
    return std::nullopt;
}

Result<std::vector<GroupByDimension>> groupByFromJson(const QJsonValue &input)
{
    QJsonArray items;
    if (input.isArray())
        items = input.toArray();
    else if (input.isObject())
        items.append(input);
    else
        return invalidGroupBy(u"expected an array"_s);
    if (items.isEmpty())
        return invalidGroupBy(u"the array is empty"_s);
    std::vector<GroupByDimension> out;
    for (const QJsonValue &item : items) {
        if (!item.isObject() || item.toObject().size() != 1)
            return invalidGroupBy(u"each item must be an object with one field"_s);
        const QJsonObject object = item.toObject();
        GroupByDimension dimension;
        dimension.field = object.begin().key();
        const QJsonValue value = object.begin().value();
        if (value.isBool()) {
            if (!value.toBool())
                return invalidGroupBy(u"'%1' must be true"_s.arg(dimension.field));
        } else if (value.isObject()) {
            const QJsonObject inner = value.toObject();
            if (inner.size() != 1)
                return invalidGroupBy(u"'%1' must name one sub-field or a granularity"_s.arg(dimension.field));
            const QString key = inner.begin().key();
            const QJsonValue innerValue = inner.begin().value();
            if (key == "granularity"_L1) {
                const auto granularity = granularityFromName(innerValue.toString());
                if (!granularity) {
                    QStringList names;
                    for (const auto &entry : kGranularities)
                        names << QString(entry.name);
                    return invalidGroupBy(
                        u"granularity of '%1' must be one of %2"_s.arg(dimension.field, names.join(u", "_s)));
                }
                dimension.granularity = *granularity;
            } else {
                if (innerValue != QJsonValue(true))
                    return invalidGroupBy(u"'%1.%2' must be true"_s.arg(dimension.field, key));
                dimension.subField = key;
            }
        } else {
            return invalidGroupBy(u"'%1' must be true or an object"_s.arg(dimension.field));
        }
        out.push_back(std::move(dimension));
    }
    return out;
}

std::vector<AggregateSpec> availableAggregates(const ObjectMetadata &object)
{
    std::vector<AggregateSpec> out;
    out.push_back(AggregateSpec{u"totalCount"_s, AggregateOp::TotalCount, -1, AggregateResultKind::Count});
    for (int c = 0; c < int(object.columns.size()); ++c) {
        const StorageColumn &column = object.columns[std::size_t(c)];
        const FieldMetadata &field = object.fields[std::size_t(column.fieldIndex)];
        if (!object.isApiField(field) || isRelation(field.type))
            continue;
        const QString suffix = pascal(column.name);
        auto add = [&](AggregateOp op, AggregateResultKind kind) {
            out.push_back(AggregateSpec{QString(opPrefix(op)) + suffix, op, c, kind});
        };
        add(AggregateOp::CountEmpty, AggregateResultKind::Count);
        add(AggregateOp::CountNotEmpty, AggregateResultKind::Count);
        add(AggregateOp::CountUniqueValues, AggregateResultKind::Count);
        add(AggregateOp::PercentageEmpty, AggregateResultKind::Percentage);
        add(AggregateOp::PercentageNotEmpty, AggregateResultKind::Percentage);
        switch (column.kind) {
        case ValueKind::Integer:
        case ValueKind::Float: {
            // NUMERIC and amountMicros are big numbers (strings); NUMBER stays a number even when stored as int.
            const auto kind = column.kind == ValueKind::Integer && field.type != FieldType::Number
                                  ? AggregateResultKind::BigNumber
                                  : AggregateResultKind::Number;
            add(AggregateOp::Min, kind);
            add(AggregateOp::Max, kind);
            add(AggregateOp::Avg, kind);
            add(AggregateOp::Sum, kind);
            break;
        }
        case ValueKind::DateTime:
        case ValueKind::Date: {
            const auto kind = column.kind == ValueKind::Date ? AggregateResultKind::Date
                                                             : AggregateResultKind::DateTime;
            add(AggregateOp::Min, kind);
            add(AggregateOp::Max, kind);
            break;
        }
        case ValueKind::Boolean:
            add(AggregateOp::CountTrue, AggregateResultKind::Count);
            add(AggregateOp::CountFalse, AggregateResultKind::Count);
            break;
        default: break;
        }
    }
    return out;
}

Result<AggregateSpec> resolveAggregate(const ObjectMetadata &object, const QString &name)
{
    for (AggregateSpec &spec : availableAggregates(object)) {
        if (spec.name == name)
            return std::move(spec);
    }
    return Error::badRequest(u"Aggregate '%1' not found on object '%2'"_s.arg(name, object.nameSingular));
}

Result<std::vector<ResolvedDimension>> resolveGroupBy(const std::vector<GroupByDimension> &dimensions,
                                                      const ObjectMetadata &object, const SqlDialect &dialect)
{
    std::vector<ResolvedDimension> out;
    for (const GroupByDimension &dimension : dimensions) {
        auto resolved = resolveColumn(object, dimension.field, dimension.subField);
        if (!resolved)
            return resolved.error();
        ResolvedDimension r;
        r.dimension = dimension;
        r.column = int(resolved->column - object.columns.data());
        const ValueKind kind = resolved->column->kind;
        const QString column = dialect.quote(resolved->column->name);
        r.bucket = bucketOf(dimension.granularity);
        if (r.bucket) {
            if (kind != ValueKind::Date && kind != ValueKind::DateTime) {
                return Error::badRequest(u"Granularity %1 needs a date field; '%2' on object '%3' is not one"_s.arg(
                    granularityName(dimension.granularity), dimension.path(), object.nameSingular));
            }
            r.expression = dialect.dateBucket(nonEmpty(column, kind), *r.bucket);
        } else {
            r.expression = nonEmpty(column, kind);
        }
        out.push_back(std::move(r));
    }
    return out;
}

QString aggregateExpression(const AggregateSpec &aggregate, const ObjectMetadata &object, const SqlDialect &dialect)
{
    if (aggregate.op == AggregateOp::TotalCount || aggregate.column < 0)
        return u"COUNT(*)"_s;
    const StorageColumn &storage = object.columns[std::size_t(aggregate.column)];
    const QString column = dialect.quote(storage.name);
    const QString value = nonEmpty(column, storage.kind);
    switch (aggregate.op) {
    case AggregateOp::TotalCount: return u"COUNT(*)"_s;
    case AggregateOp::CountEmpty: return u"(COUNT(*) - COUNT(%1))"_s.arg(value);
    case AggregateOp::CountNotEmpty: return u"COUNT(%1)"_s.arg(value);
    case AggregateOp::CountUniqueValues: return u"COUNT(DISTINCT %1)"_s.arg(value);
    case AggregateOp::PercentageEmpty: return u"((COUNT(*) - COUNT(%1)) * 1.0 / NULLIF(COUNT(*), 0))"_s.arg(value);
    case AggregateOp::PercentageNotEmpty: return u"(COUNT(%1) * 1.0 / NULLIF(COUNT(*), 0))"_s.arg(value);
    case AggregateOp::Min: return u"MIN(%1)"_s.arg(value);
    case AggregateOp::Max: return u"MAX(%1)"_s.arg(value);
    case AggregateOp::Avg: return u"AVG(%1)"_s.arg(value);
    case AggregateOp::Sum: return u"SUM(%1)"_s.arg(value);
    case AggregateOp::CountTrue: return u"COUNT(CASE WHEN %1 THEN 1 END)"_s.arg(column);
    case AggregateOp::CountFalse: return u"COUNT(CASE WHEN NOT %1 THEN 1 END)"_s.arg(column);
    }
    return u"COUNT(*)"_s;
}

Result<std::vector<GroupOrder>> resolveGroupOrder(const std::vector<OrderTerm> &terms,
                                                  const std::vector<ResolvedDimension> &dimensions,
                                                  const ObjectMetadata &object)
{
    std::vector<GroupOrder> out;
    if (terms.empty()) {
        for (int d = 0; d < int(dimensions.size()); ++d)
            out.push_back(GroupOrder{d, std::nullopt, Direction::AscNullsLast});
        return out;
    }
    for (const OrderTerm &term : terms) {
        const QString path = term.subField.isEmpty() ? term.field : term.field + u'.' + term.subField;
        GroupOrder order;
        order.direction = term.direction;
        for (int d = 0; d < int(dimensions.size()) && order.dimension < 0; ++d) {
            if (dimensions[std::size_t(d)].dimension.path() == path)
                order.dimension = d;
        }
        if (order.dimension < 0 && term.subField.isEmpty()) {
            auto aggregate = resolveAggregate(object, term.field);
            if (aggregate)
                order.aggregate = std::move(aggregate.value());
        }
        if (order.dimension < 0 && !order.aggregate) {
            return Error::badRequest(
                u"'order_by' invalid: '%1' is neither a group_by dimension nor an aggregate"_s.arg(path));
        }
        out.push_back(std::move(order));
    }
    return out;
}

SqlFragment selectGroups(const GroupQuery &query, const SqlDialect &dialect)
{
    const ObjectMetadata &object = *query.object;
    QStringList select;
    QStringList groupBy;
    for (std::size_t d = 0; d < query.dimensions.size(); ++d) {
        select << query.dimensions[d].expression;
        groupBy << QString::number(d + 1);
    }
    for (const AggregateSpec &aggregate : query.aggregates)
        select << aggregateExpression(aggregate, object, dialect);
    SqlFragment out;
    out.sql = u"SELECT %1 FROM %2"_s.arg(select.join(u", "_s), dialect.quote(object.tableName()));
    if (query.where && !query.where->isEmpty()) {
        out.sql += u" WHERE "_s + query.where->sql;
        out.binds = query.where->binds;
    }
    if (groupBy.isEmpty())
        return out;
    out.sql += u" GROUP BY "_s + groupBy.join(u", "_s);
    QStringList order;
    for (const GroupOrder &term : query.order) {
        const QString expression = term.dimension >= 0 ? QString::number(term.dimension + 1)
                                                       : aggregateExpression(*term.aggregate, object, dialect);
        order << expression + u' ' + directionSql(term.direction);
    }
    // Ties (e.g. equal sums) keep a stable order: the dimensions themselves.
    for (std::size_t d = 0; d < query.dimensions.size(); ++d)
        order << QString::number(d + 1) + u" ASC NULLS LAST"_s;
    out.sql += u" ORDER BY "_s + order.join(u", "_s);
    out.sql += u" LIMIT %1"_s.arg(query.limit);
    return out;
}

} // namespace vingt
