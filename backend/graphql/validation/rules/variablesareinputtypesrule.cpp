#include "graphql/language/printer.h"
#include "graphql/validation/specifiedrules.h"

namespace vingt::graphql {

using namespace Qt::StringLiterals;

namespace {

/// Spec §5.8.2: variables are of input types (scalars, enums, input objects).
class VariablesAreInputTypesRule final : public ValidationRule
{
public:
    using ValidationRule::ValidationRule;

    Action enterVariableDefinition(const ast::VariableDefinition &node) override
    {
        const TypeRef type = typeFromAst(m_context.schema(), node.type);
        if (type.isValid() && !type.isInputType()) {
            m_context.reportError(
                u"Variable \"$%1\" cannot be non-input type \"%2\"."_s.arg(node.name, printTypeNode(node.type)),
                {node.type.location});
        }
        return Action::Continue;
    }
};

} // namespace

std::unique_ptr<ValidationRule> makeVariablesAreInputTypesRule(ValidationContext &context)
{
    return std::make_unique<VariablesAreInputTypesRule>(context);
}

} // namespace vingt::graphql
