#pragma once

#include "graphql/language/sourcelocation.h"

#include <QString>

#include <memory>
#include <vector>

/// @brief The abstract syntax tree of executable GraphQL documents (graphql-js language/ast.ts).
/// Nodes are immutable once parsed; a Document owns all its nodes and can be shared between threads.
namespace vingt::graphql::ast {

enum class OperationType { Query, Mutation, Subscription };

[[nodiscard]] QString operationTypeName(OperationType type); ///< "query", "mutation", "subscription"

struct Value;
using ValuePtr = std::unique_ptr<Value>;

/// `name: value` inside an object literal.
struct ObjectField {
    QString name;
    SourceLocation location; ///< of the name (start of the field)
    ValuePtr value;
};

/// A value literal or a variable reference.
struct Value {
    enum class Kind { Variable, Int, Float, String, Boolean, Null, Enum, List, Object };

    Kind kind = Kind::Null;
    SourceLocation location;
    /// Variable: the name without `$`; Int/Float: the literal as written; String: the cooked value; Enum: the name.
    QString text;
    bool boolean = false;
    bool block = false; ///< String written as a block string
    std::vector<ValuePtr> list;
    std::vector<ObjectField> fields;
};

/// A type reference: `Name`, `[T]` or `T!`.
struct TypeNode {
    enum class Kind { Named, List, NonNull };

    Kind kind = Kind::Named;
    SourceLocation location;
    QString name; ///< Named only
    std::unique_ptr<TypeNode> ofType; ///< List and NonNull only

    [[nodiscard]] const TypeNode &namedType() const;
};

struct Argument {
    QString name;
    SourceLocation location;
    ValuePtr value;
};

struct Directive {
    QString name;
    SourceLocation location; ///< of the `@`
    std::vector<Argument> arguments;
};

struct SelectionSet;

struct Selection {
    enum class Kind { Field, FragmentSpread, InlineFragment };

    explicit Selection(Kind k) : kind(k) {}
    virtual ~Selection() = default;
    Selection(const Selection &) = delete;
    Selection &operator=(const Selection &) = delete;

    Kind kind;
    SourceLocation location;
    std::vector<Directive> directives;
};

struct SelectionSet {
    SourceLocation location; ///< of the `{`
    std::vector<std::unique_ptr<Selection>> selections;
};

struct Field final : Selection {
    Field() : Selection(Kind::Field) {}

    QString alias; ///< empty when there is none
    QString name;
    std::vector<Argument> arguments;
    std::unique_ptr<SelectionSet> selectionSet; ///< null for leaf fields

    /// The key of this field in the response: the alias if any, else the name.
    [[nodiscard]] const QString &responseKey() const { return alias.isEmpty() ? name : alias; }
};

struct FragmentSpread final : Selection {
    FragmentSpread() : Selection(Kind::FragmentSpread) {}

    QString name;
    SourceLocation nameLocation;
};

struct InlineFragment final : Selection {
    InlineFragment() : Selection(Kind::InlineFragment) {}

    std::unique_ptr<TypeNode> typeCondition; ///< null: `... { }` or `... @dir { }`
    SelectionSet selectionSet;
};

struct VariableDefinition {
    SourceLocation location;     ///< of the `$`
    QString name;                ///< without `$`
    SourceLocation nameLocation; ///< of the name after `$`
    TypeNode type;
    ValuePtr defaultValue; ///< null when there is none
    std::vector<Directive> directives;
};

struct Definition {
    enum class Kind { Operation, Fragment, TypeSystem };

    explicit Definition(Kind k) : kind(k) {}
    virtual ~Definition() = default;
    Definition(const Definition &) = delete;
    Definition &operator=(const Definition &) = delete;

    Kind kind;
    SourceLocation location;
};

struct OperationDefinition final : Definition {
    OperationDefinition() : Definition(Kind::Operation) {}

    OperationType operation = OperationType::Query;
    QString name; ///< empty for anonymous operations
    SourceLocation nameLocation;
    std::vector<VariableDefinition> variableDefinitions;
    std::vector<Directive> directives;
    SelectionSet selectionSet;
};

struct FragmentDefinition final : Definition {
    FragmentDefinition() : Definition(Kind::Fragment) {}

    QString name;
    SourceLocation nameLocation;
    TypeNode typeCondition;
    std::vector<Directive> directives;
    SelectionSet selectionSet;
};

/// A type-system definition or extension (schema, type, interface, ...). The parser checks its syntax and keeps
/// only what the ExecutableDefinitions rule reports: such a document is never executed.
struct TypeSystemDefinition final : Definition {
    TypeSystemDefinition() : Definition(Kind::TypeSystem) {}

    QString name;         ///< empty for schema definitions and extensions
    bool isSchema = false;
};

struct Document {
    std::vector<std::unique_ptr<Definition>> definitions;

    [[nodiscard]] std::vector<const OperationDefinition *> operations() const;
    [[nodiscard]] std::vector<const FragmentDefinition *> fragments() const;
    /// The first fragment definition of that name, or null.
    [[nodiscard]] const FragmentDefinition *fragment(const QString &name) const;
};

} // namespace vingt::graphql::ast
