#pragma once

#include "graphql/type/definition.h"

#include <memory>

namespace vingt::graphql {

/// The built-in scalars with the spec's coercion rules (graphql-js scalars.ts). Int is 32-bit.
[[nodiscard]] std::unique_ptr<ScalarType> makeIntScalar();
[[nodiscard]] std::unique_ptr<ScalarType> makeFloatScalar();
[[nodiscard]] std::unique_ptr<ScalarType> makeStringScalar();
[[nodiscard]] std::unique_ptr<ScalarType> makeBooleanScalar();
[[nodiscard]] std::unique_ptr<ScalarType> makeIdScalar();

/// "Int", "Float", "String", "Boolean", "ID".
[[nodiscard]] bool isSpecifiedScalarName(const QString &name);

} // namespace vingt::graphql
