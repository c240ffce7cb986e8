#include "graphql/validation/specifiedrules.h"

#include <QSet>

namespace vingt::graphql {

using namespace Qt::StringLiterals;

namespace {

/// Spec §5.8.3: every variable used (also through fragments) is defined by the operation.
class NoUndefinedVariablesRule final : public ValidationRule
{
public:
    using ValidationRule::ValidationRule;

    Action enterOperationDefinition(const ast::OperationDefinition &) override
    {
        m_defined.clear();
        return Action::Continue;
    }
    Action enterVariableDefinition(const ast::VariableDefinition &node) override
    {
        m_defined.insert(node.name);
        return Action::Continue;
    }
    void leaveOperationDefinition(const ast::OperationDefinition &operation) override
    {
        for (const VariableUsage &usage : m_context.recursiveVariableUsages(operation)) {
            const QString &name = usage.node->text;
            if (m_defined.contains(name))
                continue;
            m_context.reportError(operation.name.isEmpty()
                                      ? u"Variable \"$%1\" is not defined."_s.arg(name)
                                      : u"Variable \"$%1\" is not defined by operation \"%2\"."_s.arg(name, operation.name),
                                  {usage.node->location, operation.location});
        }
    }

private:
    QSet<QString> m_defined;
};

} // namespace

std::unique_ptr<ValidationRule> makeNoUndefinedVariablesRule(ValidationContext &context)
{
    return std::make_unique<NoUndefinedVariablesRule>(context);
}

} // namespace vingt::graphql
