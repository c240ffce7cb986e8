#pragma once

#include "graphql/language/ast.h"

#include <vector>

namespace vingt::graphql {

/// @brief A depth-first AST visitor (graphql-js visitor.ts), in graphql-js key order: e.g. a field visits its
/// arguments, then its directives, then its selection set. Returning SkipChildren from an enter hook skips the
/// node's children and its leave hook.
class AstVisitor
{
public:
    enum class Action { Continue, SkipChildren };

    virtual ~AstVisitor() = default;

    virtual Action enterDocument(const ast::Document &) { return Action::Continue; }
    virtual void leaveDocument(const ast::Document &) {}
    virtual Action enterOperationDefinition(const ast::OperationDefinition &) { return Action::Continue; }
    virtual void leaveOperationDefinition(const ast::OperationDefinition &) {}
    virtual Action enterVariableDefinition(const ast::VariableDefinition &) { return Action::Continue; }
    virtual void leaveVariableDefinition(const ast::VariableDefinition &) {}
    virtual Action enterSelectionSet(const ast::SelectionSet &) { return Action::Continue; }
    virtual void leaveSelectionSet(const ast::SelectionSet &) {}
    virtual Action enterField(const ast::Field &) { return Action::Continue; }
    virtual void leaveField(const ast::Field &) {}
    virtual Action enterFragmentSpread(const ast::FragmentSpread &) { return Action::Continue; }
    virtual void leaveFragmentSpread(const ast::FragmentSpread &) {}
    virtual Action enterInlineFragment(const ast::InlineFragment &) { return Action::Continue; }
    virtual void leaveInlineFragment(const ast::InlineFragment &) {}
    virtual Action enterFragmentDefinition(const ast::FragmentDefinition &) { return Action::Continue; }
    virtual void leaveFragmentDefinition(const ast::FragmentDefinition &) {}
    virtual Action enterTypeSystemDefinition(const ast::TypeSystemDefinition &) { return Action::Continue; }
    virtual void leaveTypeSystemDefinition(const ast::TypeSystemDefinition &) {}
    virtual Action enterDirective(const ast::Directive &) { return Action::Continue; }
    virtual void leaveDirective(const ast::Directive &) {}
    virtual Action enterArgument(const ast::Argument &) { return Action::Continue; }
    virtual void leaveArgument(const ast::Argument &) {}
    /// Every value node: variables, scalars, enums, lists and objects.
    virtual Action enterValue(const ast::Value &) { return Action::Continue; }
    virtual void leaveValue(const ast::Value &) {}
    virtual Action enterObjectField(const ast::ObjectField &) { return Action::Continue; }
    virtual void leaveObjectField(const ast::ObjectField &) {}
    /// Named types only (the wrappers of `[T!]` are walked through).
    virtual Action enterNamedType(const ast::TypeNode &) { return Action::Continue; }
    virtual void leaveNamedType(const ast::TypeNode &) {}
};

void visit(const ast::Document &document, AstVisitor &visitor);
void visit(const ast::OperationDefinition &operation, AstVisitor &visitor);
void visit(const ast::FragmentDefinition &fragment, AstVisitor &visitor);

/// @brief Runs several visitors in one traversal; each one's SkipChildren affects only itself (graphql-js
/// visitInParallel).
class ParallelVisitor final : public AstVisitor
{
public:
    explicit ParallelVisitor(std::vector<AstVisitor *> visitors);

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
    template<typename Node, typename Enter>
    void enter(const Node &node, Enter call);
    template<typename Node, typename Leave>
    void leave(const Node &node, Leave call);

    std::vector<AstVisitor *> m_visitors;
    std::vector<const void *> m_skipping;
};

} // namespace vingt::graphql
