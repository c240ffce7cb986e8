#pragma once

#include <QString>

#include <cstdint>

namespace vingt::graphql {

/// @brief The kinds of lexical tokens of the GraphQL language (spec §2.1, graphql-js tokenKind.ts).
enum class TokenKind : std::uint8_t {
    Sof,
    Eof,
    Bang,
    Dollar,
    Amp,
    ParenL,
    ParenR,
    Spread,
    Colon,
    Equals,
    At,
    BracketL,
    BracketR,
    BraceL,
    Pipe,
    BraceR,
    Name,
    Int,
    Float,
    String,
    BlockString,
    Comment,
};

/// @brief One lexed token: kind, UTF-16 offsets [start, end), 1-based line/column, and the cooked value
/// (names, numbers as written, strings after escape processing / block-string dedent, comment text).
struct Token {
    TokenKind kind = TokenKind::Sof;
    qsizetype start = 0;
    qsizetype end = 0;
    int line = 0;
    int column = 0;
    QString value;
};

/// `"!"` for punctuators, `Name`, `Int`, `<EOF>`, ... as in graphql-js error messages.
[[nodiscard]] QString tokenKindDescription(TokenKind kind);
/// The kind description plus the value when there is one: `Name "foo"`, `"}"`, `<EOF>`.
[[nodiscard]] QString tokenDescription(const Token &token);
[[nodiscard]] bool isPunctuator(TokenKind kind);

} // namespace vingt::graphql
