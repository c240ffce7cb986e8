#pragma once

#include "query/columnresolver.h"
#include "query/filter.h"

#include <span>

namespace vingt {

/// The comparators a filter may apply to a resolved column, by its kind (the table of bindFilter(), API-CONTRACT
/// §2.3), in that order. For editors that offer only what the server's binder accepts.
[[nodiscard]] std::span<const Comparator> supportedComparators(const ResolvedColumn &column);

} // namespace vingt
