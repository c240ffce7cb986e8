#pragma once

#include <QString>

namespace vingt::graphql {

class Schema;
class NamedType;

/// The schema in SDL, as graphql-js printSchema prints it: a `schema { }` block only for non-default root names,
/// custom directives, then every type except the built-in scalars and the introspection types, in `types()` order,
/// separated by blank lines. Descriptions print as block strings, defaults as GraphQL literals.
[[nodiscard]] QString printSchema(const Schema &schema);
/// One type's SDL definition.
[[nodiscard]] QString printType(const NamedType &type);

} // namespace vingt::graphql
