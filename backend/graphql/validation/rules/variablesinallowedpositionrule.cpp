#include "graphql/utilities/typecomparators.h"
#include "graphql/validation/specifiedrules.h"

namespace vingt::graphql {

using namespace Qt::StringLiterals;

namespace {

/// Spec §5.8.5: a variable's type fits every position it is used in. A nullable variable may feed a non-null
/// position when the variable or the position has a non-null default.
class VariablesInAllowedPositionRule final : public ValidationRule
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
        m_definitions.insert(node.name, &node);
        return Action::Continue;
    }
    void leaveOperationDefinition(const ast::OperationDefinition &operation) override
    {
        for (const VariableUsage &usage : m_context.recursiveVariableUsages(operation)) {
            const ast::VariableDefinition *definition = m_definitions.value(usage.node->text, nullptr);
            if (!definition || !usage.type.isValid())
                continue;
            const TypeRef variableType = typeFromAst(m_context.schema(), definition->type);
            if (variableType.isValid() && !allowed(variableType, definition->defaultValue.get(), usage)) {
                m_context.reportError(u"Variable \"$%1\" of type \"%2\" used in position expecting type \"%3\"."_s.arg(
                                          usage.node->text, variableType.toString(), usage.type.toString()),
                                      {definition->location, usage.node->location});
            }
        }
    }

private:
    bool allowed(TypeRef variableType, const ast::Value *variableDefault, const VariableUsage &usage) const
    {
        if (usage.type.isNonNull() && !variableType.isNonNull()) {
            const bool hasNonNullVariableDefault = variableDefault && variableDefault->kind != ast::Value::Kind::Null;
            const bool hasLocationDefault = usage.locationDefault != nullptr;
            if (!hasNonNullVariableDefault && !hasLocationDefault)
                return false;
            return isTypeSubTypeOf(m_context.schema(), variableType, usage.type.ofType());
        }
        return isTypeSubTypeOf(m_context.schema(), variableType, usage.type);
    }

    QHash<QString, const ast::VariableDefinition *> m_definitions;
};

} // namespace

std::unique_ptr<ValidationRule> makeVariablesInAllowedPositionRule(ValidationContext &context)
{
    return std::make_unique<VariablesInAllowedPositionRule>(context);
}

} // namespace vingt::graphql
