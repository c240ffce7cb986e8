// Fuzz target: the GraphQL lexer and parser (documents, values, type references) and the static query limits.
// Properties: a failure is an error value, never a throw; a parsed value or type prints to text that parses back to
// the same printed form.

#include "fuzzing.h"

#include "graphql/language/lexer.h"
#include "graphql/language/parser.h"
#include "graphql/language/printer.h"
#include "graphql/validation/querylimits.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace vingt;
    using namespace vingt::graphql;
    const QString source = fuzz::text(data, size);

    const LexResult tokens = tokenize(source, true);
    fuzz::check(tokens.error.has_value() || !tokens.tokens.empty(), "tokenize gave neither tokens nor an error");

    const ParseResult document = parse(source);
    fuzz::check(document.ok() != document.error.has_value(), "parse gave both or neither of document and error");
    if (document.ok())
        (void)checkQueryLimits(*document.document, QueryLimits{});

    for (const bool isConst : {false, true}) {
        const ValueParseResult value = parseValue(source, isConst);
        if (!value.value)
            continue;
        const QString printed = printValue(*value.value);
        const ValueParseResult again = parseValue(printed, isConst);
        fuzz::check(again.value != nullptr, "a printed value does not parse", printed);
        fuzz::check(printValue(*again.value) == printed, "value print round trip", printed);
    }
    const TypeParseResult type = parseType(source);
    if (type.type) {
        const QString printed = printTypeNode(*type.type);
        const TypeParseResult again = parseType(printed);
        fuzz::check(again.type != nullptr && printTypeNode(*again.type) == printed, "type print round trip", printed);
    }
    return 0;
}
