#pragma once

#include "graphql/error/graphqlerror.h"
#include "graphql/language/sourcelocation.h"
#include "graphql/language/token.h"

#include <QStringView>

#include <optional>
#include <vector>

namespace vingt::graphql {

/// @brief A syntax error at a UTF-16 offset of the source. Thrown by Lexer and the parser, caught by parse() and
/// tokenize(): it never leaves the language/ folder.
struct SyntaxError {
    qsizetype position = 0;
    QString message; ///< without the "Syntax Error: " prefix
};

/// @brief The GraphQL lexer (October 2021 spec §2, graphql-js lexer.ts): a stream of tokens with line/column.
/// Ignored tokens (BOM, white space, line terminators, commas) are skipped; comments are skipped by advance()
/// but can be read with readToken(). Throws SyntaxError.
class Lexer
{
public:
    explicit Lexer(QStringView source);

    /// Moves to the next non-comment token and returns it. After <EOF>, keeps answering <EOF>.
    const Token &advance();
    /// The next non-comment token, without moving.
    const Token &lookahead();
    [[nodiscard]] const Token &token() const { return m_token; }
    [[nodiscard]] const Token &lastToken() const { return m_lastToken; }
    [[nodiscard]] QStringView source() const { return m_source; }

    /// Reads the token (comments included) that follows the current position.
    [[nodiscard]] Token readToken();

private:
    Token makeToken(TokenKind kind, qsizetype start, qsizetype end, QString value = {}) const;
    Token readComment(qsizetype start);
    Token readNumber(qsizetype start, char16_t first);
    qsizetype readDigits(qsizetype start, int first);
    Token readString(qsizetype start);
    Token readBlockString(qsizetype start);
    Token readName(qsizetype start);
    int codeAt(qsizetype position) const;
    [[noreturn]] void fail(qsizetype position, QString message) const;
    [[nodiscard]] QString printCodePointAt(qsizetype position) const;

    QStringView m_source;
    Token m_token;
    Token m_lastToken;
    std::optional<Token> m_lookahead;
    qsizetype m_position = 0; ///< where the next token read starts
    int m_line = 1;
    qsizetype m_lineStart = 0;
};

/// Line and column of a UTF-16 offset (lines end at \n, \r\n or \r).
[[nodiscard]] SourceLocation locationAt(QStringView source, qsizetype position);

/// The GraphQL error for a syntax error: `Syntax Error: <message>` at its location, code GRAPHQL_PARSE_FAILED.
[[nodiscard]] GraphqlError syntaxError(QStringView source, const SyntaxError &error);

/// @brief All tokens of a source up to and including <EOF>, or the first syntax error (used by tests and tools).
struct LexResult {
    std::vector<Token> tokens;
    std::optional<GraphqlError> error;
};
[[nodiscard]] LexResult tokenize(QStringView source, bool includeComments = false);

} // namespace vingt::graphql
