#pragma once

#include "core/result.h"
#include "query/filter.h"

#include <QStringView>

namespace vingt {

/// Parses the REST `filter` mini-language (API-CONTRACT §1.4) into the filter AST:
///
///     filter    := conj '(' item (',' item)* ')'  |  item (',' item)*     # a bare list means and(...)
///     conj      := 'and' | 'or' | 'not'                                   # not() takes exactly one item
///     item      := filter | base
///     base      := fieldPath '[' comparator ']' ':' value                 # fieldPath: name or name.subName
///     value     := raw | "quoted" | 'quoted' | '[' v1 ',' v2 ... ']'     # arrays for in/containsAny/containsExactly
///
/// Commas split items only outside parentheses, `[...]` and quoted values; a quote opens a quoted value only where a
/// value (or an array item) starts, so `O'Brien` stays a raw value. Quotes are removed; leading spaces of an item or
/// an array item are ignored. Values stay strings (arrays of strings for the array comparators); bindFilter() casts
/// them by field type. The text must already be form-decoded (§1.3). Every error is a 400 with the contract's wording.
[[nodiscard]] Result<FilterNode> parseRestFilter(QStringView text);

} // namespace vingt
