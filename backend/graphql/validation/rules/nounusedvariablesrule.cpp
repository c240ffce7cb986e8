#include "graphql/validation/specifiedrules.h"

#include <QSet>

namespace vingt::graphql {

using namespace Qt::StringLiterals;

namespace {

/// Spec §5.8.4: every variable an operation defines is used (also through fragments).
class NoUnusedVariablesRule final : public ValidationRule
{
public:
    using ValidationRule::ValidationRule;

    Action enterOperationDefinition(const ast::OperationDefinition &) override
    {
        m_definitions.clear();
        return Action::Continue;
    }
    Action enterVariableDefinition(const ast::VariableDefinition &node) override
    {
        m_definitions.push_back(&node);
        return Action::Continue;
    }
    void leaveOperationDefinition(const ast::OperationDefinition &operation) override
    {
        QSet<QString> used;
        for (const VariableUsage &usage : m_context.recursiveVariableUsages(operation))
            used.insert(usage.node->text);
        for (const ast::VariableDefinition *definition : m_definitions) {
            if (used.contains(definition->name))
                continue;
            m_context.reportError(operation.name.isEmpty()
                                      ? u"Variable \"$%1\" is never used."_s.arg(definition->name)
                                      : u"Variable \"$%1\" is never used in operation \"%2\"."_s.arg(definition->name,
                                                                                                  operation.name),
                                  {definition->location});
        }
    }

private:
    std::vector<const ast::VariableDefinition *> m_definitions;
};

} // namespace

std::unique_ptr<ValidationRule> makeNoUnusedVariablesRule(ValidationContext &context)
{
    return std::make_unique<NoUnusedVariablesRule>(context);
}

} // namespace vingt::graphql
