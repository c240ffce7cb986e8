#pragma once

#include "core/result.h"
#include "model/fieldtype.h"

#include <QJsonValue>
#include <QLatin1StringView>
#include <QString>
#include <QStringView>

#include <optional>
#include <vector>

namespace vingt {

/// @brief GraphQL's OrderByDirection, also the REST `order_by` directions (API-CONTRACT §1.4, §2.3).
enum class Direction { AscNullsFirst, AscNullsLast, DescNullsFirst, DescNullsLast };

[[nodiscard]] QLatin1StringView directionName(Direction direction);
[[nodiscard]] std::optional<Direction> directionFromName(QStringView name);
[[nodiscard]] bool isAscending(Direction direction);
[[nodiscard]] bool nullsFirst(Direction direction);
/// The opposite ordering (Asc ↔ Desc and NullsFirst ↔ NullsLast): how backward pages are read.
[[nodiscard]] Direction reversed(Direction direction);

/// @brief One ordering term as the client wrote it: `name.firstName[DescNullsLast]`.
struct OrderTerm {
    QString field;
    QString subField; ///< empty unless composite
    Direction direction = Direction::AscNullsFirst;

    friend bool operator==(const OrderTerm &, const OrderTerm &) = default;
};

/// @brief One ordering term resolved against an object: a storage column, its kind and a direction.
struct ResolvedOrder {
    QString column; ///< `city`, `nameFirstName`, `companyId`, `id`
    Direction direction = Direction::AscNullsFirst;
    ValueKind kind = ValueKind::Text;
    bool nullable = true; ///< false for `id`: the keyset predicate then needs no IS NULL alternatives

    friend bool operator==(const ResolvedOrder &, const ResolvedOrder &) = default;
};

/// Parses REST `order_by=field_1[AscNullsFirst],name.firstName[DescNullsLast],field_3` (API-CONTRACT §1.4). A bare
/// field is AscNullsFirst; empty items are skipped. Field names are checked by resolveOrder() (query/sqlbuilder.h);
/// the `id` tie-breaker is appended there too. Unknown direction → 400 with the contract's wording.
[[nodiscard]] Result<std::vector<OrderTerm>> parseRestOrderBy(QStringView text);

/// GraphQL `orderBy: [{city: AscNullsFirst}, {name: {firstName: DescNullsLast}}]` (API-CONTRACT §2.3). A single
/// object counts as a one-item list, null items are skipped. Within one object the terms follow the object's key
/// order (QJsonObject sorts keys: clients put one key per object, as Twenty's do).
[[nodiscard]] Result<std::vector<OrderTerm>> orderByFromJson(const QJsonValue &input);

} // namespace vingt
