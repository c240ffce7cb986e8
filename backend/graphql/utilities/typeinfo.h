#pragma once

#include "graphql/language/visitor.h"
#include "graphql/type/definition.h"
#include "graphql/type/directives.h"

#include <vector>

namespace vingt::graphql {

class Schema;

/// @brief Tracks the schema types at the current position of an AST traversal (graphql-js TypeInfo).
/// Every accessor tolerates an invalid document: an unknown field or type yields an invalid TypeRef / null.
class TypeInfo
{
public:
    explicit TypeInfo(const Schema &schema);

    /// The output type of the current field / operation / fragment.
    [[nodiscard]] TypeRef type() const;
    /// The composite type whose selection set is being visited.
    [[nodiscard]] const NamedType *parentType() const;
    /// The input type expected at the current value position.
    [[nodiscard]] TypeRef inputType() const;
    [[nodiscard]] TypeRef parentInputType() const;
    [[nodiscard]] const Field *fieldDef() const;
    /// The argument or input field of the current value position (for its default value), or null.
    [[nodiscard]] const InputValue *defaultValueOwner() const;
    [[nodiscard]] const Directive *directive() const { return m_directive; }
    [[nodiscard]] const InputValue *argument() const { return m_argument; }
    [[nodiscard]] const EnumValue *enumValue() const { return m_enumValue; }

    void enter(const ast::OperationDefinition &node);
    void leave(const ast::OperationDefinition &node);
    void enter(const ast::VariableDefinition &node);
    void leave(const ast::VariableDefinition &node);
    void enter(const ast::SelectionSet &node);
    void leave(const ast::SelectionSet &node);
    void enter(const ast::Field &node);
    void leave(const ast::Field &node);
    void enter(const ast::InlineFragment &node);
    void leave(const ast::InlineFragment &node);
    void enter(const ast::FragmentDefinition &node);
    void leave(const ast::FragmentDefinition &node);
    void enter(const ast::Directive &node);
    void leave(const ast::Directive &node);
    void enter(const ast::Argument &node);
    void leave(const ast::Argument &node);
    void enter(const ast::Value &node);
    void leave(const ast::Value &node);
    void enter(const ast::ObjectField &node);
    void leave(const ast::ObjectField &node);

    /// The field definition a field node refers to, meta fields (`__typename`, `__schema`, `__type`) included.
    [[nodiscard]] static const Field *fieldDefinition(const Schema &schema, const NamedType *parentType,
                                                      const QString &fieldName);

private:
    const Schema &m_schema;
    std::vector<TypeRef> m_typeStack;
    std::vector<const NamedType *> m_parentTypeStack;
    std::vector<TypeRef> m_inputTypeStack;
    std::vector<const Field *> m_fieldDefStack;
    std::vector<const InputValue *> m_defaultValueStack;
    const Directive *m_directive = nullptr;
    const InputValue *m_argument = nullptr;
    const EnumValue *m_enumValue = nullptr;
};

/// Resolves a type reference of the document against the schema (graphql-js typeFromAST); invalid if unknown.
[[nodiscard]] TypeRef typeFromAst(const Schema &schema, const ast::TypeNode &node);

/// @brief Keeps a TypeInfo in step with a traversal, around an inner visitor (graphql-js visitWithTypeInfo).
class TypeInfoVisitor final : public AstVisitor
{
public:
    TypeInfoVisitor(TypeInfo &typeInfo, AstVisitor &inner);

    Action enterDocument(const ast::Document &node) override;
    void leaveDocument(const ast::Document &node) override;
    Action enterOperationDefinition(const ast::OperationDefinition &node) override;
    void leaveOperationDefinition(const ast::OperationDefinition &node) override;
    Action enterVariableDefinition(const ast::VariableDefinition &node) override;
    void leaveVariableDefinition(const ast::VariableDefinition &node) override;
    Action enterSelectionSet(const ast::SelectionSet &node) override;
    void leaveSelectionSet(const ast::SelectionSet &node) override;
    Action enterField(const ast::Field &node) override;
    void leaveField(const ast::Field &node) override;
    Action enterFragmentSpread(const ast::FragmentSpread &node) override;
    void leaveFragmentSpread(const ast::FragmentSpread &node) override;
    Action enterInlineFragment(const ast::InlineFragment &node) override;
    void leaveInlineFragment(const ast::InlineFragment &node) override;
    Action enterFragmentDefinition(const ast::FragmentDefinition &node) override;
    void leaveFragmentDefinition(const ast::FragmentDefinition &node) override;
    Action enterTypeSystemDefinition(const ast::TypeSystemDefinition &node) override;
    void leaveTypeSystemDefinition(const ast::TypeSystemDefinition &node) override;
    Action enterDirective(const ast::Directive &node) override;
    void leaveDirective(const ast::Directive &node) override;
    Action enterArgument(const ast::Argument &node) override;
    void leaveArgument(const ast::Argument &node) override;
    Action enterValue(const ast::Value &node) override;
    void leaveValue(const ast::Value &node) override;
    Action enterObjectField(const ast::ObjectField &node) override;
    void leaveObjectField(const ast::ObjectField &node) override;
    Action enterNamedType(const ast::TypeNode &node) override;
    void leaveNamedType(const ast::TypeNode &node) override;

private:
    TypeInfo &m_typeInfo;
    AstVisitor &m_inner;
};

} // namespace vingt::graphql
