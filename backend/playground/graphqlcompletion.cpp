#include "playground/graphqlcompletion.h"

#include "graphql/language/lexer.h"
#include "graphql/language/parser.h"
#include "graphql/type/definition.h"
#include "graphql/type/directives.h"
#include "graphql/type/schema.h"
#include "graphql/validation/validate.h"

#include <QHash>
#include <QSet>

namespace vingt::playground {

using namespace Qt::StringLiterals;
using graphql::TokenKind;

QString completionKindName(CompletionKind kind)
{
    switch (kind) {
    case CompletionKind::Field: return u"field"_s;
    case CompletionKind::Argument: return u"argument"_s;
    case CompletionKind::InputField: return u"inputField"_s;
    case CompletionKind::EnumValue: return u"enumValue"_s;
    case CompletionKind::Variable: return u"variable"_s;
    case CompletionKind::Fragment: return u"fragment"_s;
    case CompletionKind::Type: return u"type"_s;
    case CompletionKind::Directive: return u"directive"_s;
    case CompletionKind::Keyword: return u"keyword"_s;
    }
    return {};
}

QStringList Completion::labels() const
{
    QStringList out;
    for (const CompletionItem &item : items)
        out << item.label;
    return out;
}

namespace {

/// One level of nesting at the cursor.
struct Frame {
    enum class Kind { SelectionSet, Arguments, ObjectValue, ListValue, VariableDefinitions };
    Kind kind = Kind::SelectionSet;
    const graphql::NamedType *type = nullptr;               ///< SelectionSet: parent type; ObjectValue: input type
    const std::vector<graphql::InputValue> *args = nullptr; ///< Arguments
    graphql::TypeRef elementType;                           ///< ListValue
    const graphql::Field *lastField = nullptr;              ///< SelectionSet: the field just named
    const graphql::InputValue *key = nullptr;               ///< Arguments/ObjectValue: the key just named
    QSet<QString> usedKeys;
    bool expectingValue = false; ///< after `key:`
    bool aliasColon = false;     ///< SelectionSet: after `alias:`
};

const graphql::NamedType *namedOf(const graphql::TypeRef &type)
{
    return type.named();
}

/// Where the walk stands when it reaches the cursor.
struct Walk {
    std::vector<Frame> stack;
    TokenKind previous = TokenKind::Sof;
    QString previousName;
    const graphql::NamedType *pendingType = nullptr; ///< the type the next `{` opens
    QHash<QString, QString> variables;               ///< of the current operation: name → type text
    bool inTypeCondition = false;                    ///< after `... on` / `fragment X on`
    bool afterSpread = false;
    bool afterAt = false;
    bool afterDollar = false;
    bool variableTypePosition = false;
    const std::vector<graphql::InputValue> *directiveArgs = nullptr; ///< the next `(` opens a directive's arguments
};

const graphql::InputValue *findInput(const std::vector<graphql::InputValue> &values, const QString &name)
{
    for (const graphql::InputValue &value : values) {
        if (value.name == name)
            return &value;
    }
    return nullptr;
}

/// The input type a value at the top of the stack must have, or an invalid TypeRef.
graphql::TypeRef valueType(const Frame &frame)
{
    if (frame.kind == Frame::Kind::ListValue)
        return frame.elementType;
    if (frame.key)
        return frame.key->type;
    return {};
}

void pushValueContainer(Walk &walk, TokenKind kind)
{
    Frame &top = walk.stack.back();
    const graphql::TypeRef type = valueType(top);
    graphql::TypeRef nullable = type.named() ? type.nullable() : type;
    Frame frame;
    if (kind == TokenKind::BraceL) {
        frame.kind = Frame::Kind::ObjectValue;
        frame.type = nullable.named() && !nullable.isList() ? nullable.named() : nullptr;
    } else {
        frame.kind = Frame::Kind::ListValue;
        frame.elementType = nullable.isList() ? nullable.ofType() : nullable;
    }
    walk.stack.push_back(std::move(frame));
}

/// A value ended at this level: the next name is a key again (objects, arguments).
void valueDone(Walk &walk)
{
    if (walk.stack.empty())
        return;
    Frame &top = walk.stack.back();
    if (top.kind == Frame::Kind::Arguments || top.kind == Frame::Kind::ObjectValue)
        top.expectingValue = false;
}

void step(const graphql::Schema &schema, Walk &walk, const graphql::Token &token)
{
    const TokenKind kind = token.kind;
    const bool afterSpread = walk.afterSpread;
    const bool afterAt = walk.afterAt;
    const bool afterDollar = walk.afterDollar;
    walk.afterSpread = walk.afterAt = walk.afterDollar = false;

    if (walk.stack.empty()) {
        // Top level: operations and fragments.
        if (kind == TokenKind::Name) {
            if (token.value == u"query"_s || token.value == u"mutation"_s || token.value == u"subscription"_s) {
                walk.pendingType = schema.rootType(token.value == u"query"_s ? graphql::ast::OperationType::Query
                                                   : token.value == u"mutation"_s
                                                       ? graphql::ast::OperationType::Mutation
                                                       : graphql::ast::OperationType::Subscription);
                walk.variables.clear();
            } else if (token.value == u"fragment"_s) {
                walk.pendingType = nullptr;
                walk.variables.clear();
            } else if (walk.previous == TokenKind::Name && walk.previousName == u"on"_s) {
                walk.pendingType = schema.type(token.value);
                walk.inTypeCondition = false;
            } else if (token.value == u"on"_s) {
                walk.inTypeCondition = true;
            }
        } else if (kind == TokenKind::ParenL) {
            Frame frame;
            frame.kind = Frame::Kind::VariableDefinitions;
            walk.stack.push_back(frame);
        } else if (kind == TokenKind::BraceL) {
            Frame frame;
            frame.type = walk.pendingType ? walk.pendingType : schema.queryType();
            if (walk.previous == TokenKind::Sof || walk.previous == TokenKind::BraceR) {
                frame.type = schema.queryType(); // the query shorthand `{ ... }`
                walk.variables.clear();
            }
            walk.stack.push_back(frame);
            walk.pendingType = nullptr;
        }
        walk.previous = kind;
        walk.previousName = kind == TokenKind::Name ? token.value : QString();
        return;
    }

    Frame &top = walk.stack.back();
    switch (top.kind) {
    case Frame::Kind::VariableDefinitions:
        if (kind == TokenKind::ParenR) {
            walk.stack.pop_back();
        } else if (kind == TokenKind::Dollar) {
            walk.afterDollar = true;
        } else if (kind == TokenKind::Name && afterDollar) {
            walk.previousName = token.value;
            walk.variables.insert(token.value, QString());
            walk.variableTypePosition = false;
            walk.previous = kind;
            return;
        } else if (kind == TokenKind::Colon) {
            walk.variableTypePosition = true;
        } else if (kind == TokenKind::Name && walk.variableTypePosition) {
            // The last variable named gets its type name (list and non-null markers are not kept).
            for (auto it = walk.variables.begin(); it != walk.variables.end(); ++it) {
                if (it.value().isEmpty())
                    it.value() = token.value;
            }
            walk.variableTypePosition = false;
        }
        break;
    case Frame::Kind::SelectionSet:
        if (kind == TokenKind::BraceR) {
            walk.stack.pop_back();
        } else if (kind == TokenKind::Spread) {
            walk.afterSpread = true;
        } else if (kind == TokenKind::At) {
            walk.afterAt = true;
        } else if (kind == TokenKind::Name && afterAt) {
            const graphql::Directive *directive = schema.directive(token.value);
            walk.directiveArgs = directive ? &directive->args : nullptr;
        } else if (kind == TokenKind::Name && afterSpread) {
            if (token.value == u"on"_s) {
                walk.inTypeCondition = true;
            } else {
                top.lastField = nullptr; // a fragment spread
            }
        } else if (kind == TokenKind::Name && walk.inTypeCondition) {
            walk.pendingType = schema.type(token.value);
            walk.inTypeCondition = false;
            top.lastField = nullptr;
        } else if (kind == TokenKind::Name) {
            const graphql::ObjectLikeType *object = top.type ? top.type->asObjectLike() : nullptr;
            if (token.value == u"__typename"_s)
                top.lastField = &schema.typenameMetaField();
            else if (token.value == u"__schema"_s && top.type == schema.queryType())
                top.lastField = &schema.schemaMetaField();
            else if (token.value == u"__type"_s && top.type == schema.queryType())
                top.lastField = &schema.typeMetaField();
            else
                top.lastField = object ? object->field(token.value) : nullptr;
            walk.pendingType = nullptr;
            walk.directiveArgs = nullptr;
        } else if (kind == TokenKind::ParenL) {
            Frame frame;
            frame.kind = Frame::Kind::Arguments;
            frame.args = walk.directiveArgs ? walk.directiveArgs : top.lastField ? &top.lastField->args : nullptr;
            walk.directiveArgs = nullptr;
            walk.stack.push_back(frame);
        } else if (kind == TokenKind::BraceL) {
            Frame frame;
            if (walk.pendingType)
                frame.type = walk.pendingType; // inline fragment `... on T {`
            else if (top.lastField)
                frame.type = namedOf(top.lastField->type);
            else if (afterSpread)
                frame.type = top.type; // `... {` without a type condition
            walk.pendingType = nullptr;
            walk.stack.push_back(frame);
        }
        break;
    case Frame::Kind::Arguments:
    case Frame::Kind::ObjectValue:
    case Frame::Kind::ListValue: {
        const bool isList = top.kind == Frame::Kind::ListValue;
        const bool valuePosition = isList || top.expectingValue;
        if ((kind == TokenKind::ParenR && top.kind == Frame::Kind::Arguments)
            || (kind == TokenKind::BraceR && top.kind == Frame::Kind::ObjectValue)
            || (kind == TokenKind::BracketR && isList)) {
            walk.stack.pop_back();
            valueDone(walk);
        } else if (valuePosition && (kind == TokenKind::BraceL || kind == TokenKind::BracketL)) {
            pushValueContainer(walk, kind);
        } else if (valuePosition && kind == TokenKind::Dollar) {
            walk.afterDollar = true;
        } else if (valuePosition
                   && (kind == TokenKind::Name || kind == TokenKind::Int || kind == TokenKind::Float
                       || kind == TokenKind::String || kind == TokenKind::BlockString)) {
            if (!isList)
                top.expectingValue = false;
        } else if (!valuePosition && kind == TokenKind::Name) {
            const std::vector<graphql::InputValue> *keys = top.args;
            const graphql::InputObjectType *input = top.type ? top.type->asInputObject() : nullptr;
            if (top.kind == Frame::Kind::ObjectValue)
                keys = input ? &input->fields() : nullptr;
            top.key = keys ? findInput(*keys, token.value) : nullptr;
            top.usedKeys.insert(token.value);
        } else if (!valuePosition && kind == TokenKind::Colon) {
            top.expectingValue = true;
        }
        break;
    }
    }
    walk.previous = kind;
    walk.previousName = kind == TokenKind::Name ? token.value : QString();
}

void add(std::vector<CompletionItem> &items, QString label, CompletionKind kind, QString detail = {},
         QString documentation = {})
{
    items.push_back({std::move(label), kind, std::move(detail), std::move(documentation)});
}

void addInputs(std::vector<CompletionItem> &items, const std::vector<graphql::InputValue> &values,
               const QSet<QString> &used, CompletionKind kind)
{
    for (const graphql::InputValue &value : values) {
        if (!used.contains(value.name))
            add(items, value.name, kind, value.type.toString(), value.description);
    }
}

void addValues(std::vector<CompletionItem> &items, const graphql::TypeRef &type)
{
    const graphql::NamedType *named = type.named();
    if (!named || type.nullable().isList())
        return;
    if (const graphql::EnumType *enumType = named->asEnum()) {
        for (const graphql::EnumValue &value : enumType->values())
            add(items, value.name, CompletionKind::EnumValue, named->name(), value.description);
    } else if (named->name() == u"Boolean"_s) {
        add(items, u"true"_s, CompletionKind::Keyword, u"Boolean"_s);
        add(items, u"false"_s, CompletionKind::Keyword, u"Boolean"_s);
    }
}

/// `fragment Name on Type` definitions anywhere in the document (it need not parse).
std::vector<std::pair<QString, QString>> fragmentDefinitions(QStringView document)
{
    std::vector<std::pair<QString, QString>> out;
    const graphql::LexResult lexed = graphql::tokenize(document);
    const std::vector<graphql::Token> &t = lexed.tokens;
    for (size_t i = 0; i + 3 < t.size(); ++i) {
        if (t[i].kind == TokenKind::Name && t[i].value == u"fragment"_s && t[i + 1].kind == TokenKind::Name
            && t[i + 2].kind == TokenKind::Name && t[i + 2].value == u"on"_s && t[i + 3].kind == TokenKind::Name)
            out.emplace_back(t[i + 1].value, t[i + 3].value);
    }
    return out;
}

std::vector<CompletionItem> candidates(const graphql::Schema &schema, const Walk &walk, QStringView document)
{
    std::vector<CompletionItem> items;
    if (walk.afterDollar) {
        for (auto it = walk.variables.cbegin(); it != walk.variables.cend(); ++it)
            add(items, it.key(), CompletionKind::Variable, it.value());
        return items;
    }
    if (walk.afterAt) {
        for (const graphql::Directive *directive : schema.directives())
            add(items, directive->name, CompletionKind::Directive, {}, directive->description);
        return items;
    }
    if (walk.inTypeCondition
        || (!walk.stack.empty() && walk.stack.back().kind == Frame::Kind::VariableDefinitions
            && walk.variableTypePosition)) {
        const bool input = !walk.inTypeCondition;
        for (const graphql::NamedType *type : schema.types()) {
            const bool isInput = type->asScalar() || type->asEnum() || type->asInputObject();
            const bool isComposite = type->asObjectLike() || type->asUnion();
            if ((input && isInput) || (!input && isComposite))
                add(items, type->name(), CompletionKind::Type, {}, type->description());
        }
        return items;
    }
    if (walk.stack.empty()) {
        for (const char *keyword : {"query", "mutation", "subscription", "fragment"})
            add(items, QString::fromLatin1(keyword), CompletionKind::Keyword);
        return items;
    }
    const Frame &top = walk.stack.back();
    switch (top.kind) {
    case Frame::Kind::VariableDefinitions: break;
    case Frame::Kind::SelectionSet:
        if (walk.afterSpread) {
            add(items, u"on"_s, CompletionKind::Keyword);
            for (const auto &[name, typeName] : fragmentDefinitions(document))
                add(items, name, CompletionKind::Fragment, typeName);
            break;
        }
        if (const graphql::ObjectLikeType *object = top.type ? top.type->asObjectLike() : nullptr) {
            for (const graphql::Field &field : object->fields())
                add(items, field.name, CompletionKind::Field, field.type.toString(), field.description);
        }
        if (top.type)
            add(items, u"__typename"_s, CompletionKind::Field, u"String!"_s);
        break;
    case Frame::Kind::Arguments:
    case Frame::Kind::ObjectValue:
    case Frame::Kind::ListValue:
        if (top.kind == Frame::Kind::ListValue || top.expectingValue) {
            addValues(items, valueType(top));
        } else if (top.kind == Frame::Kind::Arguments) {
            if (top.args)
                addInputs(items, *top.args, top.usedKeys, CompletionKind::Argument);
        } else if (const graphql::InputObjectType *input = top.type ? top.type->asInputObject() : nullptr) {
            addInputs(items, input->fields(), top.usedKeys, CompletionKind::InputField);
        }
        break;
    }
    return items;
}

} // namespace

Completion complete(const graphql::Schema &schema, QStringView document, qsizetype cursor)
{
    Completion result;
    cursor = std::clamp<qsizetype>(cursor, 0, document.size());
    const QStringView before = document.left(cursor);
    graphql::LexResult lexed = graphql::tokenize(before);
    if (lexed.error)
        return result; // inside a string or a malformed token: nothing to offer
    std::vector<graphql::Token> &tokens = lexed.tokens;
    if (!tokens.empty() && tokens.back().kind == TokenKind::Eof)
        tokens.pop_back();
    result.replaceStart = cursor;
    // A name (or a keyword being typed) that touches the cursor is the prefix the choice replaces.
    if (!tokens.empty() && tokens.back().kind == TokenKind::Name && tokens.back().end == cursor) {
        result.prefix = tokens.back().value;
        result.replaceStart = tokens.back().start;
        tokens.pop_back();
    }
    // Inside a comment: nothing.
    const qsizetype lineStart = before.lastIndexOf(u'\n') + 1;
    const qsizetype hash = before.indexOf(u'#', lineStart);
    if (hash >= 0 && (tokens.empty() || tokens.back().end <= hash))
        return result;

    Walk walk;
    for (const graphql::Token &token : tokens)
        step(schema, walk, token);
    for (CompletionItem &item : candidates(schema, walk, document)) {
        if (item.label.startsWith(result.prefix, Qt::CaseInsensitive) && item.label != result.prefix)
            result.items.push_back(std::move(item));
    }
    return result;
}

std::vector<Diagnostic> diagnose(const graphql::Schema &schema, QStringView document)
{
    std::vector<Diagnostic> out;
    auto offsetOf = [&](int line, int column) {
        qsizetype offset = 0;
        for (int l = 1; l < line && offset < document.size(); ++l) {
            const qsizetype nl = document.indexOf(u'\n', offset);
            if (nl < 0)
                break;
            offset = nl + 1;
        }
        return std::min<qsizetype>(offset + column - 1, document.size());
    };
    auto addError = [&](const graphql::GraphqlError &error) {
        Diagnostic d;
        d.message = error.message;
        d.code = error.code();
        if (!error.locations.empty()) {
            d.line = error.locations.front().line;
            d.column = error.locations.front().column;
            d.offset = offsetOf(d.line, d.column);
        }
        out.push_back(std::move(d));
    };
    const graphql::ParseResult parsed = graphql::parse(document);
    if (!parsed.ok()) {
        if (parsed.error)
            addError(*parsed.error);
        return out;
    }
    for (const graphql::GraphqlError &error : graphql::validate(schema, *parsed.document))
        addError(error.code().isEmpty() ? error.withCode("GRAPHQL_VALIDATION_FAILED"_L1) : error);
    return out;
}

QStringList operationNames(QStringView document)
{
    QStringList names;
    const graphql::ParseResult parsed = graphql::parse(document);
    if (!parsed.ok())
        return names;
    for (const graphql::ast::OperationDefinition *operation : parsed.document->operations())
        names << operation->name;
    return names;
}

} // namespace vingt::playground
