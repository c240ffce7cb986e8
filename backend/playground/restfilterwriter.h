#pragma once

#include "core/result.h"
#include "model/datamodel.h"
#include "query/filter.h"

#include <QString>

namespace vingt::playground {

/// Writes a filter tree in the REST `filter` syntax (API-CONTRACT §1.4) so that parseRestFilter() reads back the
/// same tree: `and(...)`/`or(...)`/`not(...)`, `field[.sub][op]:value`, arrays `[a,b]` for the array comparators.
/// A value is quoted (`"..."`, or `'...'` when it holds a double quote) when it holds a character the grammar treats
/// specially (`,()[]`), starts with a space or a quote, or is empty. A value holding both quote characters and a
/// special character cannot be written (the grammar has no escapes): BadRequest naming it. A top-level And is written
/// as `and(...)` (never a bare list), so that one condition stays one condition.
[[nodiscard]] Result<QString> writeRestFilter(const FilterNode &filter);

/// Checks a filter text as the server will: the grammar (parseRestFilter) and the field names and sub-fields against
/// an object of the model, with the server's messages. Empty text is valid (no filter).
[[nodiscard]] Result<FilterNode> checkRestFilter(const DataModel &model, const QString &objectNamePlural,
                                                 const QString &text);

} // namespace vingt::playground
