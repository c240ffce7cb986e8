#pragma once

#include <QString>
#include <QStringList>

namespace vingt::graphql {

/// The options close to `input` (Damerau-Levenshtein distance within 40% of its length, case changes count as one
/// edit), best first (graphql-js suggestionList).
[[nodiscard]] QStringList suggestionList(const QString &input, const QStringList &options);
/// ` Did you mean "a", "b", or "c"?` (at most 5), or an empty string without suggestions (graphql-js didYouMean).
[[nodiscard]] QString didYouMean(const QStringList &suggestions);
/// ` Did you mean <subMessage> "a" or "b"?`
[[nodiscard]] QString didYouMean(const QString &subMessage, const QStringList &suggestions);
/// Compares strings with embedded numbers in numeric order ("a2" < "a10") (graphql-js naturalCompare).
[[nodiscard]] int naturalCompare(const QString &a, const QString &b);

} // namespace vingt::graphql
