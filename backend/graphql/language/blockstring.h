#pragma once

#include <QString>
#include <QStringList>

namespace vingt::graphql {

/// BlockStringValue() of the spec (§2.9.5): common indentation removed from all lines but the first, leading and
/// trailing blank lines dropped. `lines` are the raw lines between the triple quotes (escapes already applied).
[[nodiscard]] QStringList dedentBlockStringLines(const QStringList &lines);
/// Whether printBlockString() can print `value` so that it reads back identically.
[[nodiscard]] bool isPrintableAsBlockString(QStringView value);
/// Prints a string as a block string `"""..."""` (graphql-js printBlockString).
[[nodiscard]] QString printBlockString(const QString &value);
/// Prints a string as a quoted GraphQL string with escapes (graphql-js printString).
[[nodiscard]] QString printString(QStringView value);

} // namespace vingt::graphql
