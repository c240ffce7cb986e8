#pragma once

#include <QJsonArray>
#include <QJsonValue>
#include <QString>

namespace vingt::graphql {

/// Prints a JSON value the way graphql-js inspect() prints a JavaScript value in error messages:
/// strings quoted, `{ a: 1, b: [1, 2] }`, `[]`, `{}`, `null`.
[[nodiscard]] QString inspect(const QJsonValue &value);
/// `.field[0].other` — a response or input path (graphql-js printPathArray).
[[nodiscard]] QString printPathArray(const QJsonArray &path);

} // namespace vingt::graphql
