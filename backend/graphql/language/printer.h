#pragma once

#include "graphql/language/ast.h"

#include <QString>

namespace vingt::graphql {

/// Prints a value literal the way graphql-js print() does: `{a: 1, b: [ENUM, "s"]}`, `$var`, `null`.
[[nodiscard]] QString printValue(const ast::Value &value);
/// Prints a value with object fields sorted by name (graphql-js sortValueNode), to compare arguments.
[[nodiscard]] QString printValueSorted(const ast::Value &value);
/// Prints a type reference: `[Person!]!`.
[[nodiscard]] QString printTypeNode(const ast::TypeNode &type);

} // namespace vingt::graphql
