#pragma once

#include "core/result.h"
#include "model/objectmetadata.h"
#include "query/orderby.h"
#include "query/sqlfragment.h"
#include "storage/sqldialect.h"

#include <QJsonValue>
#include <QLatin1StringView>
#include <QString>
#include <QStringView>

#include <optional>
#include <vector>

namespace vingt {

/// @brief Twenty's ObjectRecordGroupByDateGranularity (API-CONTRACT §1.10).
enum class DateGranularity { None, Day, Week, Month, Quarter, Year, DayOfTheWeek, MonthOfTheYear, QuarterOfTheYear };

[[nodiscard]] QLatin1StringView granularityName(DateGranularity granularity);
[[nodiscard]] std::optional<DateGranularity> granularityFromName(QStringView name);

/// @brief One group-by dimension as the client wrote it: `{"stage":true}`, `{"address":{"addressCity":true}}`,
/// `{"closeDate":{"granularity":"MONTH"}}`.
struct GroupByDimension {
    QString field;
    QString subField; ///< composite sub-field, else empty
    DateGranularity granularity = DateGranularity::None;

    /// `stage`, `address.addressCity`: how `order_by` names the dimension.
    [[nodiscard]] QString path() const { return subField.isEmpty() ? field : field + u'.' + subField; }
    friend bool operator==(const GroupByDimension &, const GroupByDimension &) = default;
};

/// Parses REST `group_by` / GraphQL `groupBy` input: an array of one-key objects (a single object counts as a
/// one-item list). Anything else → 400 starting `Invalid group_by query parameter - should be a valid array of
/// objects`. Field names are checked by resolveGroupBy().
[[nodiscard]] Result<std::vector<GroupByDimension>> groupByFromJson(const QJsonValue &input);

/// @brief An aggregate operation (API-CONTRACT §1.10): `<op><StorageColumnPascal>`, or `totalCount`.
enum class AggregateOp {
    TotalCount,
    CountEmpty,
    CountNotEmpty,
    CountUniqueValues,
    PercentageEmpty,
    PercentageNotEmpty,
    Min,
    Max,
    Avg,
    Sum,
    CountTrue,
    CountFalse,
};

/// @brief How an aggregate's value is written: counts are integers, percentages numbers in 0..1, NUMERIC and
/// `amountMicros` strings, NUMBER and POSITION numbers, dates ISO strings. GraphQL types follow
/// (Int, Float, BigFloat as String, Float, DateTime/Date).
enum class AggregateResultKind { Count, Percentage, BigNumber, Number, DateTime, Date };

/// @brief One aggregate of an object: `sumAmountAmountMicros` = Sum over column `amountAmountMicros`.
struct AggregateSpec {
    QString name;
    AggregateOp op = AggregateOp::TotalCount;
    int column = -1; ///< index into ObjectMetadata::columns; -1 for totalCount
    AggregateResultKind resultKind = AggregateResultKind::Count;
};

/// Every aggregate of an object, totalCount first, then per API field (relations and TS_VECTOR excluded) and per
/// storage column (a composite's sub-field columns each): countEmpty, countNotEmpty, countUniqueValues,
/// percentageEmpty, percentageNotEmpty; numbers min, max, avg, sum; dates min, max; booleans countTrue, countFalse.
/// The GraphQL schema lists these as fields of the connection and group types.
[[nodiscard]] std::vector<AggregateSpec> availableAggregates(const ObjectMetadata &object);
/// One aggregate by name; unknown → 400 `Aggregate '<name>' not found on object '<singular>'`.
[[nodiscard]] Result<AggregateSpec> resolveAggregate(const ObjectMetadata &object, const QString &name);

/// @brief A dimension resolved against an object: its storage column and the SQL expression grouped on.
struct ResolvedDimension {
    GroupByDimension dimension;
    int column = -1; ///< index into ObjectMetadata::columns
    std::optional<DateBucket> bucket;
    QString expression; ///< SQL; empty text and empty JSON lists read as NULL (one "empty" group)
};

/// Resolves dimensions (resolveColumn() errors: unknown field, composite without sub-field, relations through their
/// join column `companyId`); a granularity other than NONE on a non-date column → 400 naming the field.
[[nodiscard]] Result<std::vector<ResolvedDimension>> resolveGroupBy(const std::vector<GroupByDimension> &dimensions,
                                                                    const ObjectMetadata &object,
                                                                    const SqlDialect &dialect);

/// The SQL expression of an aggregate (`COUNT(*)`, `SUM("amountAmountMicros")`, ...).
[[nodiscard]] QString aggregateExpression(const AggregateSpec &aggregate, const ObjectMetadata &object,
                                          const SqlDialect &dialect);

/// @brief An ordering of groups: by a dimension (index into the dimensions) or by an aggregate.
struct GroupOrder {
    int dimension = -1;                     ///< >= 0: this dimension
    std::optional<AggregateSpec> aggregate; ///< else this aggregate
    Direction direction = Direction::AscNullsFirst;
};

/// Resolves `order_by` terms for groups: a term naming a dimension (`stage`, `address.addressCity`) orders by it, a
/// term naming an aggregate (`sumAmountAmountMicros`, `totalCount`) by that; else 400
/// `'order_by' invalid: '<x>' is neither a group_by dimension nor an aggregate`. No terms: every dimension ascending,
/// empty values last.
[[nodiscard]] Result<std::vector<GroupOrder>> resolveGroupOrder(const std::vector<OrderTerm> &terms,
                                                                const std::vector<ResolvedDimension> &dimensions,
                                                                const ObjectMetadata &object);

/// @brief Everything one group-by SELECT needs.
struct GroupQuery {
    const ObjectMetadata *object = nullptr;
    std::vector<ResolvedDimension> dimensions;
    std::vector<AggregateSpec> aggregates;
    std::optional<SqlFragment> where;
    std::vector<GroupOrder> order;
    int limit = 50;
};

/// `SELECT <dim>..., <agg>... FROM "<table>" [WHERE ...] GROUP BY 1, 2 ORDER BY ... LIMIT n`: one row per group,
/// the dimensions' raw values first, then the aggregates in order. Without dimensions: one row, no GROUP BY.
[[nodiscard]] SqlFragment selectGroups(const GroupQuery &query, const SqlDialect &dialect);

} // namespace vingt
