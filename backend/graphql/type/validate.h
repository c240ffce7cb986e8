#pragma once

#include <QStringList>

namespace vingt::graphql {

class Schema;

/// Checks a schema the way graphql-js assertValidSchema does (spec §3): root types, legal and non-reserved
/// names, types with at least one field / value / member, input and output positions, interface implementations
/// (fields present with covariant types, arguments present with equal types, no extra required arguments),
/// union members, non-null input-object cycles, directives. Answers the problems, empty when valid.
[[nodiscard]] QStringList validateSchema(const Schema &schema);

} // namespace vingt::graphql
