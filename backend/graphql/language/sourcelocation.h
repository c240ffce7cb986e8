#pragma once

namespace vingt::graphql {

/// @brief A 1-based line and column (in UTF-16 code units, like graphql-js) in a GraphQL source text.
struct SourceLocation {
    int line = 0;
    int column = 0;

    [[nodiscard]] bool isValid() const { return line > 0; }
    friend bool operator==(const SourceLocation &, const SourceLocation &) = default;
};

} // namespace vingt::graphql
