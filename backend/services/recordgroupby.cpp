// RecordService: group-by and aggregates (API-CONTRACT §1.10), computed in SQL.

#include "query/sqlbuilder.h"
#include "services/recordinternal.h"
#include "services/recordservice.h"
#include "services/workspace.h"
#include "storage/database.h"

#include <QLocale>

#include <array>
#include <cmath>

namespace vingt {

using namespace Qt::StringLiterals;
using namespace recordinternal;

namespace {

constexpr std::array<QLatin1StringView, 7> kDayNames{"Monday"_L1, "Tuesday"_L1,  "Wednesday"_L1, "Thursday"_L1,
                                                     "Friday"_L1, "Saturday"_L1, "Sunday"_L1};
constexpr std::array<QLatin1StringView, 12> kMonthNames{"January"_L1,   "February"_L1, "March"_L1,    "April"_L1,
                                                        "May"_L1,       "June"_L1,     "July"_L1,     "August"_L1,
                                                        "September"_L1, "October"_L1,  "November"_L1, "December"_L1};

QString shortestNumber(double value)
{
    if (std::floor(value) == value && std::fabs(value) < 9e15)
        return QString::number(qint64(value));
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

/// A group's dimension value as the contract writes it: a string, null for an empty value (§1.10).
QJsonValue dimensionValue(const QVariant &raw, const ResolvedDimension &dimension, const ObjectMetadata &object)
{
    if (raw.isNull())
        return QJsonValue::Null;
    if (dimension.bucket) {
        const qint64 n = raw.toLongLong();
        switch (*dimension.bucket) {
        case DateBucket::DayOfWeek:
            return n >= 1 && n <= 7 ? QJsonValue(QString(kDayNames[std::size_t(n - 1)])) : QJsonValue::Null;
        case DateBucket::MonthOfYear:
            return n >= 1 && n <= 12 ? QJsonValue(QString(kMonthNames[std::size_t(n - 1)])) : QJsonValue::Null;
        case DateBucket::QuarterOfYear: return u"Q%1"_s.arg(n);
        default: return raw.toString();
        }
    }
    switch (object.columns[std::size_t(dimension.column)].kind) {
    case ValueKind::Boolean: return raw.toLongLong() != 0 ? u"true"_s : u"false"_s;
    case ValueKind::Float: return shortestNumber(raw.toDouble());
    default: return raw.toString();
    }
}

QJsonValue aggregateValue(const QVariant &raw, const AggregateSpec &aggregate)
{
    switch (aggregate.resultKind) {
    case AggregateResultKind::Count: return qint64(raw.toLongLong());
    case AggregateResultKind::Percentage: return raw.isNull() ? 0.0 : raw.toDouble();
    case AggregateResultKind::BigNumber:
        if (raw.isNull())
            return QJsonValue::Null;
        if (raw.typeId() == QMetaType::LongLong || raw.typeId() == QMetaType::Int)
            return QString::number(raw.toLongLong());
        return shortestNumber(raw.toDouble());
    case AggregateResultKind::Number: return raw.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(raw.toDouble());
    case AggregateResultKind::DateTime:
    case AggregateResultKind::Date: return raw.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(raw.toString());
    }
    return QJsonValue::Null;
}

Result<void> requireReadableColumn(const AccessPolicy *policy, const ObjectMetadata &object, int column)
{
    if (policy && column >= 0 && !policy->canReadField(object, object.columns[std::size_t(column)].fieldIndex))
        return Error::permissionDenied();
    return {};
}

Result<std::vector<AggregateSpec>> resolveAggregates(const AccessPolicy *policy, const ObjectMetadata &object,
                                                     const QStringList &names)
{
    std::vector<AggregateSpec> out;
    for (const QString &name : names) {
        auto spec = resolveAggregate(object, name);
        if (!spec)
            return spec.error();
        VINGT_TRY(requireReadableColumn(policy, object, spec->column));
        out.push_back(std::move(spec.value()));
    }
    return out;
}

} // namespace

Result<GroupByResult> RecordService::groupBy(const DataModel &model, const GroupByRequest &request, const Actor &actor)
{
    Q_UNUSED(model);
    const ObjectMetadata &object = *request.object;
    const AccessPolicy *policy = actor.restrictions();
    VINGT_TRY(require(policy, RecordPermission::Read, object));
    VINGT_TRY(requireReadable(policy, object, request.filter));
    Database &db = m_workspace.database();
    const SqlDialect &dialect = db.dialect();

    GroupQuery query;
    query.object = &object;
    query.limit = std::max(0, request.limit);
    auto dimensions = resolveGroupBy(request.groupBy, object, dialect);
    if (!dimensions)
        return dimensions.error();
    for (const ResolvedDimension &dimension : *dimensions)
        VINGT_TRY(requireReadableColumn(policy, object, dimension.column));
    query.dimensions = std::move(dimensions.value());
    auto aggregates = resolveAggregates(policy, object, request.aggregates);
    if (!aggregates)
        return aggregates.error();
    query.aggregates = std::move(aggregates.value());
    auto order = resolveGroupOrder(request.orderBy, query.dimensions, object);
    if (!order)
        return order.error();
    for (const GroupOrder &term : *order) {
        if (term.aggregate)
            VINGT_TRY(requireReadableColumn(policy, object, term.aggregate->column));
    }
    query.order = std::move(order.value());
    std::vector<ResolvedOrder> recordOrder;
    if (request.includeRecordsSample) {
        for (const OrderTerm &term : request.orderByForRecords)
            VINGT_TRY(requireReadable(policy, object, term.field));
        auto resolved = resolveOrder(request.orderByForRecords, object);
        if (!resolved)
            return resolved.error();
        recordOrder = std::move(resolved.value());
    }
    auto where = readWhere(object, request.filter);
    if (!where)
        return where.error();
    query.where = where.value();

    GroupByResult result;
    result.aggregateNames = request.aggregates;
    std::vector<std::vector<QVariant>> rawKeys;
    {
        const SqlFragment select = selectGroups(query, dialect);
        auto rows = db.exec(select.sql, select.binds);
        if (!rows)
            return rows.error();
        const int dimensionCount = int(query.dimensions.size());
        while (rows->next()) {
            RecordGroup group;
            std::vector<QVariant> keys;
            for (int d = 0; d < dimensionCount; ++d) {
                keys.push_back(rows->value(d));
                group.dimensionValues.push_back(dimensionValue(keys.back(), query.dimensions[std::size_t(d)], object));
            }
            for (int a = 0; a < int(query.aggregates.size()); ++a)
                group.aggregates.push_back(
                    aggregateValue(rows->value(dimensionCount + a), query.aggregates[std::size_t(a)]));
            rawKeys.push_back(std::move(keys));
            result.groups.push_back(std::move(group));
        }
    }
    if (!request.includeRecordsSample || request.recordsPerGroup <= 0)
        return result;

    // A sample of each group's records: the same WHERE plus the group's key, null-safe.
    const QString orderSql = orderByClause(recordOrder, dialect);
    for (std::size_t g = 0; g < result.groups.size(); ++g) {
        QStringList conditions;
        QVariantList binds;
        if (query.where && !query.where->isEmpty()) {
            conditions << u'(' + query.where->sql + u')';
            binds << query.where->binds;
        }
        for (std::size_t d = 0; d < query.dimensions.size(); ++d) {
            conditions << dialect.nullSafeEquals(query.dimensions[d].expression, u"?"_s);
            binds << rawKeys[g][d];
        }
        const QString sql = u"SELECT %1 FROM %2 WHERE %3 ORDER BY %4 LIMIT %5 OFFSET %6"_s
                                .arg(selectColumns(object), dialect.quote(object.tableName()),
                                     conditions.join(u" AND "_s), orderSql)
                                .arg(request.recordsPerGroup)
                                .arg(std::max(0, request.offsetForRecords));
        auto rows = db.exec(sql, binds);
        if (!rows)
            return rows.error();
        while (rows->next())
            result.groups[g].records.push_back(readRecord(*rows, object));
    }
    return result;
}

Result<std::vector<QJsonValue>> RecordService::aggregate(const DataModel &model, const ObjectMetadata &object,
                                                         const std::optional<FilterNode> &filter,
                                                         const QStringList &names, const Actor &actor)
{
    Q_UNUSED(model);
    const AccessPolicy *policy = actor.restrictions();
    VINGT_TRY(require(policy, RecordPermission::Read, object));
    VINGT_TRY(requireReadable(policy, object, filter));
    Database &db = m_workspace.database();
    GroupQuery query;
    query.object = &object;
    auto aggregates = resolveAggregates(policy, object, names);
    if (!aggregates)
        return aggregates.error();
    query.aggregates = std::move(aggregates.value());
    auto where = readWhere(object, filter);
    if (!where)
        return where.error();
    query.where = where.value();
    const SqlFragment select = selectGroups(query, db.dialect());
    auto rows = db.exec(select.sql, select.binds);
    if (!rows)
        return rows.error();
    std::vector<QJsonValue> out;
    const bool found = rows->next();
    for (int a = 0; a < int(query.aggregates.size()); ++a)
        out.push_back(aggregateValue(found ? rows->value(a) : QVariant(), query.aggregates[std::size_t(a)]));
    return out;
}

} // namespace vingt
