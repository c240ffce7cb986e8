#pragma once

#include "graphql/type/definition.h"

namespace vingt::graphql {

class Schema;

/// Same type, wrappers included (graphql-js isEqualType).
[[nodiscard]] bool isEqualType(TypeRef a, TypeRef b);
/// `maybeSubType` may be used where `superType` is expected: more non-null, a member or implementation of an
/// abstract type (graphql-js isTypeSubTypeOf).
[[nodiscard]] bool isTypeSubTypeOf(const Schema &schema, TypeRef maybeSubType, TypeRef superType);
/// Whether two composite types have a possible object type in common (graphql-js doTypesOverlap).
[[nodiscard]] bool doTypesOverlap(const Schema &schema, const NamedType &a, const NamedType &b);

} // namespace vingt::graphql
