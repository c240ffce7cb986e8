#pragma once

#include "graphql/type/definition.h"

#include <QJsonObject>
#include <QJsonValue>

#include <optional>

namespace vingt::graphql {

namespace ast {
struct Value;
}

/// Coerces a literal to the internal JSON value of an input type (graphql-js valueFromAST): variables are
/// substituted from `variables` (null: none known). Answers nullopt when the literal is invalid for the type — the
/// caller reports the error (validation has normally caught it before).
[[nodiscard]] std::optional<QJsonValue> valueFromAst(const ast::Value &literal, TypeRef type,
                                                     const QJsonObject *variables);

/// The JSON form of a literal regardless of type (graphql-js valueFromASTUntyped); Int literals become integers,
/// enum values strings. A variable missing from `variables` (or with no variables) answers nullopt.
[[nodiscard]] std::optional<QJsonValue> valueFromAstUntyped(const ast::Value &literal, const QJsonObject *variables);

} // namespace vingt::graphql
