#pragma once

#include "graphql/type/definition.h"

#include <QJsonValue>
#include <QString>

#include <optional>

namespace vingt::graphql {

/// Prints an internal input value as a GraphQL literal of its type (graphql-js print(astFromValue(...))):
/// `{first: 10, orderBy: ASC}`, `["a", "b"]`, `"text"`, `null`. Enum values print bare, ID integers bare.
/// Answers nullopt when there is nothing to print (undefined, or null in a non-null position).
[[nodiscard]] std::optional<QString> printValueLiteral(const QJsonValue &value, TypeRef type);

} // namespace vingt::graphql
