#include "graphql/language/parser.h"

#include "graphql/language/lexer.h"

namespace vingt::graphql {

using namespace Qt::StringLiterals;

namespace {

/// Recursive-descent parser over the Lexer; syntax errors are thrown as SyntaxError and caught by the entry points.
class Parser
{
public:
    Parser(QStringView source, const ParseOptions &options)
        : m_lexer(source)
        , m_options(options)
    {
    }

    std::unique_ptr<ast::Document> parseDocument()
    {
        auto document = std::make_unique<ast::Document>();
        expectToken(TokenKind::Sof);
        do {
            document->definitions.push_back(parseDefinition());
        } while (!expectOptionalToken(TokenKind::Eof));
        return document;
    }

    ast::ValuePtr parseValueOnly(bool isConst)
    {
        expectToken(TokenKind::Sof);
        ast::ValuePtr value = parseValueLiteral(isConst);
        expectToken(TokenKind::Eof);
        return value;
    }

    std::unique_ptr<ast::TypeNode> parseTypeOnly()
    {
        expectToken(TokenKind::Sof);
        auto type = std::make_unique<ast::TypeNode>(parseTypeReference());
        expectToken(TokenKind::Eof);
        return type;
    }

private:
    // Nesting guard: selection sets, list/object values and list types each count one level.
    class DepthGuard
    {
    public:
        explicit DepthGuard(Parser &parser)
            : m_parser(parser)
        {
            if (++m_parser.m_depth > m_parser.m_options.maxDepth) {
                throw SyntaxError{m_parser.token().start, u"Document is nested too deeply (more than %1 levels)."_s.arg(
                                                              m_parser.m_options.maxDepth)};
            }
        }
        ~DepthGuard() { --m_parser.m_depth; }
        DepthGuard(const DepthGuard &) = delete;
        DepthGuard &operator=(const DepthGuard &) = delete;

    private:
        Parser &m_parser;
    };

    const Token &token() const { return m_lexer.token(); }
    SourceLocation locationOf(const Token &t) const { return {t.line, t.column}; }
    bool peek(TokenKind kind) const { return token().kind == kind; }
    bool peekKeyword(QStringView keyword) const { return token().kind == TokenKind::Name && token().value == keyword; }

    void advance()
    {
        const Token &next = m_lexer.advance();
        if (next.kind != TokenKind::Eof && ++m_tokenCount > m_options.maxTokens) {
            throw SyntaxError{next.start,
                              u"Document contains more than %1 tokens. Parsing aborted."_s.arg(m_options.maxTokens)};
        }
    }

    Token expectToken(TokenKind kind)
    {
        if (token().kind == kind) {
            Token t = token();
            advance();
            return t;
        }
        throw SyntaxError{token().start,
                          u"Expected %1, found %2."_s.arg(tokenKindDescription(kind), tokenDescription(token()))};
    }

    bool expectOptionalToken(TokenKind kind)
    {
        if (token().kind == kind) {
            advance();
            return true;
        }
        return false;
    }

    void expectKeyword(QStringView keyword)
    {
        if (peekKeyword(keyword)) {
            advance();
            return;
        }
        throw SyntaxError{token().start,
                          u"Expected \"%1\", found %2."_s.arg(keyword.toString(), tokenDescription(token()))};
    }

    bool expectOptionalKeyword(QStringView keyword)
    {
        if (peekKeyword(keyword)) {
            advance();
            return true;
        }
        return false;
    }

    [[noreturn]] void unexpected(const Token &at) { throw SyntaxError{at.start, u"Unexpected "_s + tokenDescription(at) + u'.'}; }
    [[noreturn]] void unexpected() { unexpected(token()); }

    QString parseName(SourceLocation *location = nullptr)
    {
        Token t = expectToken(TokenKind::Name);
        if (location)
            *location = locationOf(t);
        return std::move(t.value);
    }

    // Document -------------------------------------------------------------------------------------------------

    std::unique_ptr<ast::Definition> parseDefinition()
    {
        if (peek(TokenKind::BraceL))
            return parseOperationDefinition();
        const bool hasDescription = peekDescription();
        const Token keyword = hasDescription ? m_lexer.lookahead() : token();
        if (keyword.kind == TokenKind::Name) {
            static const QStringList typeSystemKeywords{u"schema"_s,    u"scalar"_s, u"type"_s,  u"interface"_s,
                                                        u"union"_s,     u"enum"_s,   u"input"_s, u"directive"_s};
            if (typeSystemKeywords.contains(keyword.value))
                return parseTypeSystemDefinition();
            if (hasDescription) {
                throw SyntaxError{token().start,
                                  u"Unexpected description, descriptions are supported only on type definitions."_s};
            }
            if (keyword.value == "query"_L1 || keyword.value == "mutation"_L1 || keyword.value == "subscription"_L1)
                return parseOperationDefinition();
            if (keyword.value == "fragment"_L1)
                return parseFragmentDefinition();
            if (keyword.value == "extend"_L1)
                return parseTypeSystemExtension();
        }
        unexpected(keyword);
    }

    // Operations -----------------------------------------------------------------------------------------------

    std::unique_ptr<ast::OperationDefinition> parseOperationDefinition()
    {
        auto operation = std::make_unique<ast::OperationDefinition>();
        operation->location = locationOf(token());
        if (peek(TokenKind::BraceL)) {
            operation->operation = ast::OperationType::Query;
            parseSelectionSet(operation->selectionSet);
            return operation;
        }
        operation->operation = parseOperationType();
        if (peek(TokenKind::Name))
            operation->name = parseName(&operation->nameLocation);
        parseVariableDefinitions(operation->variableDefinitions);
        parseDirectives(operation->directives, false);
        parseSelectionSet(operation->selectionSet);
        return operation;
    }

    ast::OperationType parseOperationType()
    {
        const Token t = expectToken(TokenKind::Name);
        if (t.value == "query"_L1)
            return ast::OperationType::Query;
        if (t.value == "mutation"_L1)
            return ast::OperationType::Mutation;
        if (t.value == "subscription"_L1)
            return ast::OperationType::Subscription;
        unexpected(t);
    }

    void parseVariableDefinitions(std::vector<ast::VariableDefinition> &out)
    {
        if (!expectOptionalToken(TokenKind::ParenL))
            return;
        do {
            ast::VariableDefinition definition;
            definition.location = locationOf(token());
            expectToken(TokenKind::Dollar);
            definition.name = parseName(&definition.nameLocation);
            expectToken(TokenKind::Colon);
            definition.type = parseTypeReference();
            if (expectOptionalToken(TokenKind::Equals))
                definition.defaultValue = parseValueLiteral(true);
            parseDirectives(definition.directives, true);
            out.push_back(std::move(definition));
        } while (!expectOptionalToken(TokenKind::ParenR));
    }

    void parseSelectionSet(ast::SelectionSet &out)
    {
        DepthGuard guard(*this);
        out.location = locationOf(token());
        expectToken(TokenKind::BraceL);
        do {
            out.selections.push_back(parseSelection());
        } while (!expectOptionalToken(TokenKind::BraceR));
    }

    std::unique_ptr<ast::Selection> parseSelection()
    {
        if (peek(TokenKind::Spread))
            return parseFragment();
        return parseField();
    }

    std::unique_ptr<ast::Field> parseField()
    {
        auto field = std::make_unique<ast::Field>();
        field->location = locationOf(token());
        QString nameOrAlias = parseName();
        if (expectOptionalToken(TokenKind::Colon)) {
            field->alias = std::move(nameOrAlias);
            field->name = parseName();
        } else {
            field->name = std::move(nameOrAlias);
        }
        parseArguments(field->arguments, false);
        parseDirectives(field->directives, false);
        if (peek(TokenKind::BraceL)) {
            field->selectionSet = std::make_unique<ast::SelectionSet>();
            parseSelectionSet(*field->selectionSet);
        }
        return field;
    }

    void parseArguments(std::vector<ast::Argument> &out, bool isConst)
    {
        if (!expectOptionalToken(TokenKind::ParenL))
            return;
        do {
            ast::Argument argument;
            argument.location = locationOf(token());
            argument.name = parseName();
            expectToken(TokenKind::Colon);
            argument.value = parseValueLiteral(isConst);
            out.push_back(std::move(argument));
        } while (!expectOptionalToken(TokenKind::ParenR));
    }

    // Fragments ------------------------------------------------------------------------------------------------

    std::unique_ptr<ast::Selection> parseFragment()
    {
        const SourceLocation start = locationOf(token());
        expectToken(TokenKind::Spread);
        const bool hasTypeCondition = expectOptionalKeyword(u"on");
        if (!hasTypeCondition && peek(TokenKind::Name)) {
            auto spread = std::make_unique<ast::FragmentSpread>();
            spread->location = start;
            spread->name = parseFragmentName(&spread->nameLocation);
            parseDirectives(spread->directives, false);
            return spread;
        }
        auto inlineFragment = std::make_unique<ast::InlineFragment>();
        inlineFragment->location = start;
        if (hasTypeCondition)
            inlineFragment->typeCondition = std::make_unique<ast::TypeNode>(parseNamedType());
        parseDirectives(inlineFragment->directives, false);
        parseSelectionSet(inlineFragment->selectionSet);
        return inlineFragment;
    }

    std::unique_ptr<ast::FragmentDefinition> parseFragmentDefinition()
    {
        auto fragment = std::make_unique<ast::FragmentDefinition>();
        fragment->location = locationOf(token());
        expectKeyword(u"fragment");
        fragment->name = parseFragmentName(&fragment->nameLocation);
        expectKeyword(u"on");
        fragment->typeCondition = parseNamedType();
        parseDirectives(fragment->directives, false);
        parseSelectionSet(fragment->selectionSet);
        return fragment;
    }

    QString parseFragmentName(SourceLocation *location)
    {
        if (peekKeyword(u"on"))
            unexpected();
        return parseName(location);
    }

    // Values ---------------------------------------------------------------------------------------------------

    ast::ValuePtr parseValueLiteral(bool isConst)
    {
        const Token t = token();
        auto value = std::make_unique<ast::Value>();
        value->location = locationOf(t);
        switch (t.kind) {
        case TokenKind::BracketL: {
            DepthGuard guard(*this);
            value->kind = ast::Value::Kind::List;
            advance();
            while (!expectOptionalToken(TokenKind::BracketR))
                value->list.push_back(parseValueLiteral(isConst));
            return value;
        }
        case TokenKind::BraceL: {
            DepthGuard guard(*this);
            value->kind = ast::Value::Kind::Object;
            advance();
            while (!expectOptionalToken(TokenKind::BraceR)) {
                ast::ObjectField field;
                field.location = locationOf(token());
                field.name = parseName();
                expectToken(TokenKind::Colon);
                field.value = parseValueLiteral(isConst);
                value->fields.push_back(std::move(field));
            }
            return value;
        }
        case TokenKind::Int:
            advance();
            value->kind = ast::Value::Kind::Int;
            value->text = t.value;
            return value;
        case TokenKind::Float:
            advance();
            value->kind = ast::Value::Kind::Float;
            value->text = t.value;
            return value;
        case TokenKind::String:
        case TokenKind::BlockString:
            advance();
            value->kind = ast::Value::Kind::String;
            value->text = t.value;
            value->block = t.kind == TokenKind::BlockString;
            return value;
        case TokenKind::Name:
            advance();
            if (t.value == "true"_L1 || t.value == "false"_L1) {
                value->kind = ast::Value::Kind::Boolean;
                value->boolean = t.value == "true"_L1;
            } else if (t.value == "null"_L1) {
                value->kind = ast::Value::Kind::Null;
            } else {
                value->kind = ast::Value::Kind::Enum;
                value->text = t.value;
            }
            return value;
        case TokenKind::Dollar:
            if (isConst) {
                advance();
                if (token().kind == TokenKind::Name) {
                    throw SyntaxError{t.start, u"Unexpected variable \"$%1\" in constant value."_s.arg(token().value)};
                }
                unexpected(t);
            }
            advance();
            value->kind = ast::Value::Kind::Variable;
            value->text = parseName();
            return value;
        default: unexpected();
        }
    }

    // Directives -----------------------------------------------------------------------------------------------

    void parseDirectives(std::vector<ast::Directive> &out, bool isConst)
    {
        while (peek(TokenKind::At)) {
            ast::Directive directive;
            directive.location = locationOf(token());
            advance();
            directive.name = parseName();
            parseArguments(directive.arguments, isConst);
            out.push_back(std::move(directive));
        }
    }

    // Types ----------------------------------------------------------------------------------------------------

    ast::TypeNode parseTypeReference()
    {
        const SourceLocation start = locationOf(token());
        ast::TypeNode type;
        if (expectOptionalToken(TokenKind::BracketL)) {
            DepthGuard guard(*this);
            auto inner = std::make_unique<ast::TypeNode>(parseTypeReference());
            expectToken(TokenKind::BracketR);
            type.kind = ast::TypeNode::Kind::List;
            type.location = start;
            type.ofType = std::move(inner);
        } else {
            type = parseNamedType();
        }
        if (expectOptionalToken(TokenKind::Bang)) {
            ast::TypeNode nonNull;
            nonNull.kind = ast::TypeNode::Kind::NonNull;
            nonNull.location = start;
            nonNull.ofType = std::make_unique<ast::TypeNode>(std::move(type));
            return nonNull;
        }
        return type;
    }

    ast::TypeNode parseNamedType()
    {
        ast::TypeNode type;
        type.kind = ast::TypeNode::Kind::Named;
        type.location = locationOf(token());
        type.name = parseName();
        return type;
    }

    // Type system (syntax only) --------------------------------------------------------------------------------

    bool peekDescription() const { return peek(TokenKind::String) || peek(TokenKind::BlockString); }

    void skipDescription()
    {
        if (peekDescription())
            advance();
    }

    std::unique_ptr<ast::TypeSystemDefinition> parseTypeSystemDefinition()
    {
        auto definition = std::make_unique<ast::TypeSystemDefinition>();
        definition->location = locationOf(token());
        skipDescription();
        const QString keyword = token().value;
        if (keyword == "schema"_L1) {
            advance();
            definition->isSchema = true;
            skipConstDirectives();
            expectToken(TokenKind::BraceL);
            do {
                parseOperationTypeDefinition();
            } while (!expectOptionalToken(TokenKind::BraceR));
        } else if (keyword == "scalar"_L1) {
            advance();
            definition->name = parseName();
            skipConstDirectives();
        } else if (keyword == "type"_L1 || keyword == "interface"_L1) {
            advance();
            definition->name = parseName();
            parseImplementsInterfaces();
            skipConstDirectives();
            parseFieldsDefinition();
        } else if (keyword == "union"_L1) {
            advance();
            definition->name = parseName();
            skipConstDirectives();
            parseUnionMemberTypes();
        } else if (keyword == "enum"_L1) {
            advance();
            definition->name = parseName();
            skipConstDirectives();
            parseEnumValuesDefinition();
        } else if (keyword == "input"_L1) {
            advance();
            definition->name = parseName();
            skipConstDirectives();
            parseInputFieldsDefinition();
        } else { // directive
            expectKeyword(u"directive");
            expectToken(TokenKind::At);
            definition->name = parseName();
            parseArgumentDefs();
            expectOptionalKeyword(u"repeatable");
            expectKeyword(u"on");
            expectOptionalToken(TokenKind::Pipe);
            do {
                static const QStringList locations{
                    u"QUERY"_s, u"MUTATION"_s, u"SUBSCRIPTION"_s, u"FIELD"_s, u"FRAGMENT_DEFINITION"_s,
                    u"FRAGMENT_SPREAD"_s, u"INLINE_FRAGMENT"_s, u"VARIABLE_DEFINITION"_s, u"SCHEMA"_s, u"SCALAR"_s,
                    u"OBJECT"_s, u"FIELD_DEFINITION"_s, u"ARGUMENT_DEFINITION"_s, u"INTERFACE"_s, u"UNION"_s,
                    u"ENUM"_s, u"ENUM_VALUE"_s, u"INPUT_OBJECT"_s, u"INPUT_FIELD_DEFINITION"_s};
                const Token start = token();
                if (!locations.contains(parseName()))
                    unexpected(start);
            } while (expectOptionalToken(TokenKind::Pipe));
        }
        return definition;
    }

    std::unique_ptr<ast::TypeSystemDefinition> parseTypeSystemExtension()
    {
        const Token keyword = m_lexer.lookahead();
        auto definition = std::make_unique<ast::TypeSystemDefinition>();
        definition->location = locationOf(token());
        if (keyword.kind != TokenKind::Name)
            unexpected(keyword);
        if (keyword.value == "schema"_L1) {
            expectKeyword(u"extend");
            advance();
            definition->isSchema = true;
            const bool hasDirectives = skipConstDirectives();
            bool hasOperationTypes = false;
            if (expectOptionalToken(TokenKind::BraceL)) {
                hasOperationTypes = true;
                do {
                    parseOperationTypeDefinition();
                } while (!expectOptionalToken(TokenKind::BraceR));
            }
            if (!hasDirectives && !hasOperationTypes)
                unexpected();
        } else if (keyword.value == "scalar"_L1) {
            expectKeyword(u"extend");
            advance();
            definition->name = parseName();
            if (!skipConstDirectives())
                unexpected();
        } else if (keyword.value == "type"_L1 || keyword.value == "interface"_L1) {
            expectKeyword(u"extend");
            advance();
            definition->name = parseName();
            const bool a = parseImplementsInterfaces();
            const bool b = skipConstDirectives();
            const bool c = parseFieldsDefinition();
            if (!a && !b && !c)
                unexpected();
        } else if (keyword.value == "union"_L1) {
            expectKeyword(u"extend");
            advance();
            definition->name = parseName();
            const bool a = skipConstDirectives();
            const bool b = parseUnionMemberTypes();
            if (!a && !b)
                unexpected();
        } else if (keyword.value == "enum"_L1) {
            expectKeyword(u"extend");
            advance();
            definition->name = parseName();
            const bool a = skipConstDirectives();
            const bool b = parseEnumValuesDefinition();
            if (!a && !b)
                unexpected();
        } else if (keyword.value == "input"_L1) {
            expectKeyword(u"extend");
            advance();
            definition->name = parseName();
            const bool a = skipConstDirectives();
            const bool b = parseInputFieldsDefinition();
            if (!a && !b)
                unexpected();
        } else {
            unexpected(keyword);
        }
        return definition;
    }

    bool skipConstDirectives()
    {
        std::vector<ast::Directive> directives;
        parseDirectives(directives, true);
        return !directives.empty();
    }

    void parseOperationTypeDefinition()
    {
        parseOperationType();
        expectToken(TokenKind::Colon);
        parseNamedType();
    }

    bool parseImplementsInterfaces()
    {
        if (!expectOptionalKeyword(u"implements"))
            return false;
        expectOptionalToken(TokenKind::Amp);
        do {
            parseNamedType();
        } while (expectOptionalToken(TokenKind::Amp));
        return true;
    }

    bool parseFieldsDefinition()
    {
        if (!expectOptionalToken(TokenKind::BraceL))
            return false;
        do {
            skipDescription();
            parseName();
            parseArgumentDefs();
            expectToken(TokenKind::Colon);
            parseTypeReference();
            skipConstDirectives();
        } while (!expectOptionalToken(TokenKind::BraceR));
        return true;
    }

    void parseArgumentDefs()
    {
        if (!expectOptionalToken(TokenKind::ParenL))
            return;
        do {
            parseInputValueDef();
        } while (!expectOptionalToken(TokenKind::ParenR));
    }

    void parseInputValueDef()
    {
        skipDescription();
        parseName();
        expectToken(TokenKind::Colon);
        parseTypeReference();
        if (expectOptionalToken(TokenKind::Equals))
            parseValueLiteral(true);
        skipConstDirectives();
    }

    bool parseUnionMemberTypes()
    {
        if (!expectOptionalToken(TokenKind::Equals))
            return false;
        expectOptionalToken(TokenKind::Pipe);
        do {
            parseNamedType();
        } while (expectOptionalToken(TokenKind::Pipe));
        return true;
    }

    bool parseEnumValuesDefinition()
    {
        if (!expectOptionalToken(TokenKind::BraceL))
            return false;
        do {
            skipDescription();
            if (peekKeyword(u"true") || peekKeyword(u"false") || peekKeyword(u"null")) {
                throw SyntaxError{token().start,
                                  tokenDescription(token()) + u" is reserved and cannot be used for an enum value."_s};
            }
            parseName();
            skipConstDirectives();
        } while (!expectOptionalToken(TokenKind::BraceR));
        return true;
    }

    bool parseInputFieldsDefinition()
    {
        if (!expectOptionalToken(TokenKind::BraceL))
            return false;
        do {
            parseInputValueDef();
        } while (!expectOptionalToken(TokenKind::BraceR));
        return true;
    }

    Lexer m_lexer;
    ParseOptions m_options;
    int m_tokenCount = 0;
    int m_depth = 0;
};

} // namespace

ParseResult parse(QStringView source, const ParseOptions &options)
{
    ParseResult result;
    try {
        Parser parser(source, options);
        result.document = parser.parseDocument();
    } catch (const SyntaxError &error) {
        result.error = syntaxError(source, error);
    }
    return result;
}

ValueParseResult parseValue(QStringView source, bool isConst)
{
    ValueParseResult result;
    try {
        Parser parser(source, ParseOptions{});
        result.value = parser.parseValueOnly(isConst);
    } catch (const SyntaxError &error) {
        result.error = syntaxError(source, error);
    }
    return result;
}

TypeParseResult parseType(QStringView source)
{
    TypeParseResult result;
    try {
        Parser parser(source, ParseOptions{});
        result.type = parser.parseTypeOnly();
    } catch (const SyntaxError &error) {
        result.error = syntaxError(source, error);
    }
    return result;
}

} // namespace vingt::graphql
