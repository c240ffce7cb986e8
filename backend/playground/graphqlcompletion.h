#pragma once

#include "graphql/error/graphqlerror.h"

#include <QString>
#include <QStringList>
#include <QStringView>

#include <vector>

namespace vingt::graphql {
class Schema;
}

namespace vingt::playground {

/// @brief What a completion candidate is (the popup shows it as an icon or a tag).
enum class CompletionKind { Field, Argument, InputField, EnumValue, Variable, Fragment, Type, Directive, Keyword };

[[nodiscard]] QString completionKindName(CompletionKind kind);

/// @brief One candidate: the text to insert, its kind, a detail (the type, `Int!`) and the schema's description.
struct CompletionItem {
    QString label;
    CompletionKind kind = CompletionKind::Field;
    QString detail;
    QString documentation;
};

/// @brief The candidates at a cursor: `replaceStart`..cursor is the partly typed name the choice replaces.
struct Completion {
    std::vector<CompletionItem> items;
    qsizetype replaceStart = 0;
    QString prefix;

    [[nodiscard]] QStringList labels() const;
};

/// Completion candidates for a GraphQL document at a cursor offset (UTF-16), tolerant of an incomplete document:
/// the text before the cursor is lexed with the engine's own lexer and walked with a small stack of contexts
/// (selection set of a type, arguments of a field or directive, input object, list, variable definitions).
/// Candidates: fields (with `__typename`) of the type at the cursor, arguments not yet given, input object fields,
/// enum values and booleans where a value of that type goes, the operation's variables after `$`, fragment names
/// after `...`, type names after `on` and in variable definitions, directives after `@`, keywords at the top level.
/// Filtered by the typed prefix (case-insensitive "starts with"), in schema order.
[[nodiscard]] Completion complete(const graphql::Schema &schema, QStringView document, qsizetype cursor);

/// @brief One inline diagnostic: the server's own message, where it points, and its code.
struct Diagnostic {
    QString message;
    int line = 0;   ///< 1-based
    int column = 0; ///< 1-based, UTF-16
    qsizetype offset = 0;
    QString code; ///< GRAPHQL_PARSE_FAILED or GRAPHQL_VALIDATION_FAILED
};

/// The errors the server would answer for this document before executing it: the parser's syntax error, else every
/// error of the validator (the same specified rules /graphql runs).
[[nodiscard]] std::vector<Diagnostic> diagnose(const graphql::Schema &schema, QStringView document);

/// Names of the document's operations in order (anonymous ones as empty strings); empty when it does not parse.
[[nodiscard]] QStringList operationNames(QStringView document);

} // namespace vingt::playground
