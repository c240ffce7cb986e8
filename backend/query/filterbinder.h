#pragma once

#include "core/result.h"
#include "model/objectmetadata.h"
#include "query/filter.h"
#include "query/sqlfragment.h"
#include "storage/sqldialect.h"

#include <QStringView>

namespace vingt {

/// At most this many levels of `not` and of and/or with several operands nest in one filter; deeper → 400
/// "Filter is nested too deeply: at most 16 levels of and/or/not are allowed. ..." (SQLite's parser overflows a few
/// dozen levels of parentheses; Vingt's choice).
inline constexpr int kMaxFilterNesting = 16;

/// Resolves a filter against an object and renders it as a SQL boolean expression with bound values
/// (API-CONTRACT §1.4, §2.3). Columns are written `"alias"."column"`, or `"column"` when `tableAlias` is empty.
///
/// - Fields: API fields and join columns (`companyId`); composites need a sub-field (`name.firstName` → column
///   `nameFirstName`); see resolveColumn() for the errors.
/// - Comparators per kind (§2.3; endsWith and containsExactly come from the REST grammar): text: eq neq gt gte lt lte
///   in startsWith endsWith like ilike regex iregex is · UUID, date-time, date, numbers: eq neq gt gte lt lte in is ·
///   boolean: eq is · select/rating: eq neq in is · multi-select: containsAny containsExactly isEmptyArray is ·
///   ARRAY: containsAny containsExactly containsIlike isEmptyArray is · RAW_JSON and JSON sub-fields: like is.
///   Anything else → 400 naming field and comparator.
/// - Values are cast by the column's kind: numbers (numeric strings accepted), booleans (`"true"`, any case, or
///   JSON true), ISO date-times normalized to the stored form, dates, UUIDs (`'<x>' is not a valid UUID`); select
///   values outside the options are not an error (they match nothing); `is` takes NULL / NOT_NULL.
/// - SQL: `=`, `<>` (SQL semantics: NULL never matches), `IN (?,?)` (`0 = 1` when empty), `IS [NOT] NULL`,
///   startsWith/endsWith as LIKE with `%`, `_` and `\` escaped; like/ilike/regex and the JSON array tests come from
///   the dialect. And/Or with several operands are parenthesized; an empty And is `1 = 1`, an empty Or `0 = 1`.
/// - Nesting: at most kMaxFilterNesting levels of `not` and of and/or with several operands (above).
[[nodiscard]] Result<SqlFragment> bindFilter(const FilterNode &filter, const ObjectMetadata &object,
                                             const SqlDialect &dialect, QStringView tableAlias = {});

/// Escapes LIKE wildcards for a literal match: `\` → `\\`, `%` → `\%`, `_` → `\_` (the dialect's LIKE uses ESCAPE '\').
[[nodiscard]] QString escapeLike(QStringView text);

} // namespace vingt
