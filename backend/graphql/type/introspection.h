#pragma once

#include "graphql/type/schemabuilder.h"

#include <vector>

namespace vingt::graphql {

/// The introspection types (__Schema, __Type, __Field, __InputValue, __EnumValue, __Directive, __TypeKind,
/// __DirectiveLocation) with their resolvers, as graphql-js introspection.ts defines them. SchemaBuilder adds
/// them to every schema.
[[nodiscard]] std::vector<ObjectTypeConfig> introspectionObjectTypes();
[[nodiscard]] std::vector<EnumTypeConfig> introspectionEnumTypes();
/// `__schema: __Schema!`, `__type(name: String!): __Type`, `__typename: String!`.
[[nodiscard]] FieldConfig schemaMetaFieldConfig();
[[nodiscard]] FieldConfig typeMetaFieldConfig();
[[nodiscard]] FieldConfig typenameMetaFieldConfig();
[[nodiscard]] bool isIntrospectionTypeName(const QString &name);

} // namespace vingt::graphql
