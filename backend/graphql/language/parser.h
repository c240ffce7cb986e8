#pragma once

#include "graphql/error/graphqlerror.h"
#include "graphql/language/ast.h"

#include <QStringView>

#include <memory>
#include <optional>

namespace vingt::graphql {

/// @brief Limits that keep a hostile document from exhausting the stack or the CPU. The document size itself is
/// the caller's business (the HTTP layer caps the body).
struct ParseOptions {
    int maxTokens = 100000; ///< tokens (comments excluded) before "Document contains more than N tokens"
    int maxDepth = 200;     ///< nesting of selection sets, list/object values and list types
};

/// @brief A parsed document, or the syntax error (code GRAPHQL_PARSE_FAILED) that stopped the parser.
struct ParseResult {
    std::shared_ptr<const ast::Document> document;
    std::optional<GraphqlError> error;

    [[nodiscard]] bool ok() const { return document != nullptr; }
};

/// Parses a GraphQL document (October 2021 spec, graphql-js parser.ts): the full executable grammar; type-system
/// definitions are parsed for syntax only and kept as ast::TypeSystemDefinition (validation rejects them).
[[nodiscard]] ParseResult parse(QStringView source, const ParseOptions &options = {});

/// Parses a single value literal (`{first: 10}`, `[1, 2]`, `$var`), e.g. for tests and tools.
struct ValueParseResult {
    std::shared_ptr<const ast::Value> value;
    std::optional<GraphqlError> error;
};
[[nodiscard]] ValueParseResult parseValue(QStringView source, bool isConst = false);

/// Parses a type reference such as `[Person!]!`.
struct TypeParseResult {
    std::shared_ptr<const ast::TypeNode> type;
    std::optional<GraphqlError> error;
};
[[nodiscard]] TypeParseResult parseType(QStringView source);

} // namespace vingt::graphql
