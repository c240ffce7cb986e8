#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QLatin1StringView>
#include <QString>
#include <QStringView>

#include <optional>
#include <span>
#include <vector>

namespace vingt {

/// @brief A filter comparator, REST (`city[eq]:x`) and GraphQL (`{city:{eq:"x"}}`) alike (API-CONTRACT §1.4, §2.3).
enum class Comparator {
    Eq,
    Neq,
    In,
    ContainsAny,
    ContainsExactly,
    Is,
    Gt,
    Gte,
    Lt,
    Lte,
    StartsWith,
    EndsWith,
    Like,
    Ilike,
    Regex,
    Iregex,
    IsEmptyArray,
    ContainsIlike,
};

/// Wire name of a comparator: `eq`, `containsAny`, `isEmptyArray`, ...
[[nodiscard]] QLatin1StringView comparatorName(Comparator op);
/// Any comparator by wire name (case-sensitive), GraphQL-only ones included.
[[nodiscard]] std::optional<Comparator> comparatorFromName(QStringView name);
/// The comparators of the REST grammar, in the order the contract lists them (§1.4).
[[nodiscard]] std::span<const Comparator> restComparators();

/// @brief One leaf of a filter: `<field>[.<subField>] <op> <value>`.
/// REST values are strings or arrays of strings; GraphQL values are typed JSON. The binder casts by field type.
struct FilterCondition {
    QString field;
    QString subField; ///< empty unless the field is composite (`name.firstName`)
    Comparator op = Comparator::Eq;
    QJsonValue value;

    friend bool operator==(const FilterCondition &, const FilterCondition &) = default;
};

/// @brief The filter AST shared by REST and GraphQL: And{children} | Or{children} | Not{child} | Condition.
/// An empty And matches everything, an empty Or matches nothing.
struct FilterNode {
    enum class Kind { And, Or, Not, Condition };

    Kind kind = Kind::And;
    std::vector<FilterNode> children; ///< And/Or: the operands; Not: exactly one
    FilterCondition condition;        ///< Kind::Condition only

    [[nodiscard]] static FilterNode makeAnd(std::vector<FilterNode> children);
    [[nodiscard]] static FilterNode makeOr(std::vector<FilterNode> children);
    [[nodiscard]] static FilterNode makeNot(FilterNode child);
    [[nodiscard]] static FilterNode makeCondition(FilterCondition condition);
    [[nodiscard]] static FilterNode makeCondition(QString field, QString subField, Comparator op, QJsonValue value);

    friend bool operator==(const FilterNode &, const FilterNode &) = default;
};

/// True when any condition of the tree names `field` (API-CONTRACT §1.4: soft-deleted rows are hidden unless the
/// filter mentions `deletedAt`; §2.3 likewise for GraphQL).
[[nodiscard]] bool mentionsField(const FilterNode &node, QStringView field);

/// Builds the AST from GraphQL-style filter input (API-CONTRACT §2.3):
/// `{and:[...], or:[...], not:{...}, city:{eq:"x"}, name:{firstName:{ilike:"%a%"}}, deletedAt:{is:"NULL"}}`.
/// Keys at one level are ANDed (one key gives its node alone, none an empty And); several comparators on one field
/// are ANDed; a null field value is no condition. Field names are not checked here (bindFilter() does that).
[[nodiscard]] Result<FilterNode> filterFromJson(const QJsonObject &input);

/// The GraphQL-style JSON form of a tree, the inverse of filterFromJson():
/// `and(f[eq]:1,not(g[eq]:2))` → `{"and":[{"f":{"eq":"1"}},{"not":{"g":{"eq":"2"}}}]}`. For tests and logs.
[[nodiscard]] QJsonObject filterToJson(const FilterNode &node);

} // namespace vingt
