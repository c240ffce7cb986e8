#pragma once

#include "core/result.h"
#include "model/objectmetadata.h"
#include "query/orderby.h"
#include "query/sqlfragment.h"
#include "storage/sqldialect.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>
#include <vector>

namespace vingt {

/// @brief Everything needed to read one page of records with keyset paging (API-CONTRACT §1.5, §2.1).
struct PageQuery {
    const ObjectMetadata *object = nullptr;
    QStringList columns;               ///< storage columns to select, in order; empty selects `*`
    std::optional<SqlFragment> where;  ///< a single boolean term: bindFilter() output, or sqlAnd() of such terms
    std::vector<ResolvedOrder> order;  ///< from resolveOrder(): ends with the `id` tie-breaker
    int limit = 60;                    ///< page size; the query reads limit + 1 rows
    std::optional<QJsonObject> after;  ///< decoded and validated cursor (validateCursor())
    std::optional<QJsonObject> before; ///< decoded and validated cursor (validateCursor())
    int offset = 0;                    ///< rows to skip after the cursor (GraphQL `offset`)
    bool backward = false;             ///< read from the end without `before` (GraphQL `last` alone)
};

/// Resolves ordering terms against an object (API-CONTRACT §1.4): unknown field → 400
/// `Field '<name>' not found on object '<singular>'`; a whole composite (`name[AscNullsLast]`) → 400 naming it;
/// join columns (`companyId`) are accepted. A column named twice keeps its first direction. `{id, AscNullsFirst}` is
/// appended unless `id` is present; no terms at all means `id` ascending.
[[nodiscard]] Result<std::vector<ResolvedOrder>> resolveOrder(const std::vector<OrderTerm> &terms,
                                                              const ObjectMetadata &object);

/// `SELECT <columns> FROM "<table>" WHERE <where> AND <keyset> ORDER BY ... LIMIT <limit + 1> [OFFSET n]`.
/// The extra row tells the caller whether there is another page; it is not part of the page.
/// Backward paging (`before` or `backward`, without `after`): the ORDER BY is reversed (every direction inverted,
/// nulls included) so that the rows nearest the cursor come first; the caller drops the extra row and then REVERSES
/// the rows to present them in the requested order. With both cursors the page lies between them, read forward.
/// Precondition: the cursors passed validateCursor() for `order` (a missing value would be read as null).
[[nodiscard]] SqlFragment selectPage(const PageQuery &query, const SqlDialect &dialect);

/// `SELECT COUNT(*) FROM "<table>" [WHERE <where>]`: the totalCount of the whole filtered set (§1.5).
[[nodiscard]] SqlFragment count(const ObjectMetadata &object, const std::optional<SqlFragment> &where,
                                const SqlDialect &dialect);

/// The keyset predicate "row comes after `cursor` in `order`", honouring NULLS FIRST / LAST: a lexicographic
/// OR-chain, e.g. for `a ASC NULLS LAST, id ASC` after a non-null `a`: `("a" > ? OR "a" IS NULL OR ("a" = ? AND
/// "id" > ?))`. Pass the reversed order (reversed()) for "before". `0 = 1` when nothing can follow.
[[nodiscard]] SqlFragment keysetPredicate(const std::vector<ResolvedOrder> &order, const QJsonObject &cursor,
                                          const SqlDialect &dialect);

/// `"col" ASC NULLS FIRST,"id" ASC NULLS FIRST`.
[[nodiscard]] QString orderByClause(const std::vector<ResolvedOrder> &order, const SqlDialect &dialect);

/// The same ordering with every direction reversed (reversed(Direction)).
[[nodiscard]] std::vector<ResolvedOrder> reversedOrder(std::vector<ResolvedOrder> order);

} // namespace vingt
