#include "graphql/language/visitor.h"

namespace vingt::graphql {

namespace {

using Action = AstVisitor::Action;

void walkValue(const ast::Value &value, AstVisitor &visitor);
void walkSelectionSet(const ast::SelectionSet &selectionSet, AstVisitor &visitor);

void walkTypeNode(const ast::TypeNode &type, AstVisitor &visitor)
{
    if (type.kind != ast::TypeNode::Kind::Named) {
        walkTypeNode(*type.ofType, visitor);
        return;
    }
    if (visitor.enterNamedType(type) == Action::Continue)
        visitor.leaveNamedType(type);
}

void walkValue(const ast::Value &value, AstVisitor &visitor)
{
    if (visitor.enterValue(value) == Action::SkipChildren)
        return;
    if (value.kind == ast::Value::Kind::List) {
        for (const auto &item : value.list)
            walkValue(*item, visitor);
    } else if (value.kind == ast::Value::Kind::Object) {
        for (const ast::ObjectField &field : value.fields) {
            if (visitor.enterObjectField(field) == Action::SkipChildren)
                continue;
            walkValue(*field.value, visitor);
            visitor.leaveObjectField(field);
        }
    }
    visitor.leaveValue(value);
}

void walkArguments(const std::vector<ast::Argument> &arguments, AstVisitor &visitor)
{
    for (const ast::Argument &argument : arguments) {
        if (visitor.enterArgument(argument) == Action::SkipChildren)
            continue;
        walkValue(*argument.value, visitor);
        visitor.leaveArgument(argument);
    }
}

void walkDirectives(const std::vector<ast::Directive> &directives, AstVisitor &visitor)
{
    for (const ast::Directive &directive : directives) {
        if (visitor.enterDirective(directive) == Action::SkipChildren)
            continue;
        walkArguments(directive.arguments, visitor);
        visitor.leaveDirective(directive);
    }
}

void walkSelection(const ast::Selection &selection, AstVisitor &visitor)
{
    switch (selection.kind) {
    case ast::Selection::Kind::Field: {
        const auto &field = static_cast<const ast::Field &>(selection);
        if (visitor.enterField(field) == Action::SkipChildren)
            return;
        walkArguments(field.arguments, visitor);
        walkDirectives(field.directives, visitor);
        if (field.selectionSet)
            walkSelectionSet(*field.selectionSet, visitor);
        visitor.leaveField(field);
        return;
    }
    case ast::Selection::Kind::FragmentSpread: {
        const auto &spread = static_cast<const ast::FragmentSpread &>(selection);
        if (visitor.enterFragmentSpread(spread) == Action::SkipChildren)
            return;
        walkDirectives(spread.directives, visitor);
        visitor.leaveFragmentSpread(spread);
        return;
    }
    case ast::Selection::Kind::InlineFragment: {
        const auto &fragment = static_cast<const ast::InlineFragment &>(selection);
        if (visitor.enterInlineFragment(fragment) == Action::SkipChildren)
            return;
        if (fragment.typeCondition)
            walkTypeNode(*fragment.typeCondition, visitor);
        walkDirectives(fragment.directives, visitor);
        walkSelectionSet(fragment.selectionSet, visitor);
        visitor.leaveInlineFragment(fragment);
        return;
    }
    }
}

void walkSelectionSet(const ast::SelectionSet &selectionSet, AstVisitor &visitor)
{
    if (visitor.enterSelectionSet(selectionSet) == Action::SkipChildren)
        return;
    for (const auto &selection : selectionSet.selections)
        walkSelection(*selection, visitor);
    visitor.leaveSelectionSet(selectionSet);
}

} // namespace

void visit(const ast::OperationDefinition &operation, AstVisitor &visitor)
{
    if (visitor.enterOperationDefinition(operation) == Action::SkipChildren)
        return;
    for (const ast::VariableDefinition &definition : operation.variableDefinitions) {
        if (visitor.enterVariableDefinition(definition) == Action::SkipChildren)
            continue;
        walkTypeNode(definition.type, visitor);
        if (definition.defaultValue)
            walkValue(*definition.defaultValue, visitor);
        walkDirectives(definition.directives, visitor);
        visitor.leaveVariableDefinition(definition);
    }
    walkDirectives(operation.directives, visitor);
    walkSelectionSet(operation.selectionSet, visitor);
    visitor.leaveOperationDefinition(operation);
}

void visit(const ast::FragmentDefinition &fragment, AstVisitor &visitor)
{
    if (visitor.enterFragmentDefinition(fragment) == Action::SkipChildren)
        return;
    walkTypeNode(fragment.typeCondition, visitor);
    walkDirectives(fragment.directives, visitor);
    walkSelectionSet(fragment.selectionSet, visitor);
    visitor.leaveFragmentDefinition(fragment);
}

void visit(const ast::Document &document, AstVisitor &visitor)
{
    if (visitor.enterDocument(document) == Action::SkipChildren)
        return;
    for (const auto &definition : document.definitions) {
        switch (definition->kind) {
        case ast::Definition::Kind::Operation:
            visit(static_cast<const ast::OperationDefinition &>(*definition), visitor);
            break;
        case ast::Definition::Kind::Fragment:
            visit(static_cast<const ast::FragmentDefinition &>(*definition), visitor);
            break;
        case ast::Definition::Kind::TypeSystem: {
            const auto &typeSystem = static_cast<const ast::TypeSystemDefinition &>(*definition);
            if (visitor.enterTypeSystemDefinition(typeSystem) == Action::Continue)
                visitor.leaveTypeSystemDefinition(typeSystem);
            break;
        }
        }
    }
    visitor.leaveDocument(document);
}

ParallelVisitor::ParallelVisitor(std::vector<AstVisitor *> visitors)
    : m_visitors(std::move(visitors))
    , m_skipping(m_visitors.size(), nullptr)
{
}

template<typename Node, typename Enter>
void ParallelVisitor::enter(const Node &node, Enter call)
{
    for (size_t i = 0; i < m_visitors.size(); ++i) {
        if (m_skipping[i])
            continue;
        if (call(*m_visitors[i]) == Action::SkipChildren)
            m_skipping[i] = &node;
    }
}

template<typename Node, typename Leave>
void ParallelVisitor::leave(const Node &node, Leave call)
{
    for (size_t i = 0; i < m_visitors.size(); ++i) {
        if (!m_skipping[i])
            call(*m_visitors[i]);
        else if (m_skipping[i] == &node)
            m_skipping[i] = nullptr;
    }
}

#define VINGT_PARALLEL_HOOKS(Name, Type)                                                                               \
    AstVisitor::Action ParallelVisitor::enter##Name(const Type &node)                                                 \
    {                                                                                                                  \
        enter(node, [&](AstVisitor &v) { return v.enter##Name(node); });                                               \
        return Action::Continue;                                                                                       \
    }                                                                                                                  \
    void ParallelVisitor::leave##Name(const Type &node)                                                                \
    {                                                                                                                  \
        leave(node, [&](AstVisitor &v) { v.leave##Name(node); });                                                      \
    }

VINGT_PARALLEL_HOOKS(Document, ast::Document)
VINGT_PARALLEL_HOOKS(OperationDefinition, ast::OperationDefinition)
VINGT_PARALLEL_HOOKS(VariableDefinition, ast::VariableDefinition)
VINGT_PARALLEL_HOOKS(SelectionSet, ast::SelectionSet)
VINGT_PARALLEL_HOOKS(Field, ast::Field)
VINGT_PARALLEL_HOOKS(FragmentSpread, ast::FragmentSpread)
VINGT_PARALLEL_HOOKS(InlineFragment, ast::InlineFragment)
VINGT_PARALLEL_HOOKS(FragmentDefinition, ast::FragmentDefinition)
VINGT_PARALLEL_HOOKS(TypeSystemDefinition, ast::TypeSystemDefinition)
VINGT_PARALLEL_HOOKS(Directive, ast::Directive)
VINGT_PARALLEL_HOOKS(Argument, ast::Argument)
VINGT_PARALLEL_HOOKS(Value, ast::Value)
VINGT_PARALLEL_HOOKS(ObjectField, ast::ObjectField)
VINGT_PARALLEL_HOOKS(NamedType, ast::TypeNode)

#undef VINGT_PARALLEL_HOOKS

} // namespace vingt::graphql
