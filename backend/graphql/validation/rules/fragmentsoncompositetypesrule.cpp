#include "graphql/language/printer.h"
#include "graphql/validation/specifiedrules.h"

namespace vingt::graphql {

using namespace Qt::StringLiterals;

namespace {

/// Spec §5.5.1.3: fragments condition on objects, interfaces or unions.
class FragmentsOnCompositeTypesRule final : public ValidationRule
{
public:
    using ValidationRule::ValidationRule;

    Action enterInlineFragment(const ast::InlineFragment &node) override
    {
        if (node.typeCondition) {
            const TypeRef type = typeFromAst(m_context.schema(), *node.typeCondition);
            if (type.isValid() && !type.named()->isComposite()) {
                m_context.reportError(u"Fragment cannot condition on non composite type \"%1\"."_s.arg(
                                          printTypeNode(*node.typeCondition)),
                                      {node.typeCondition->location});
            }
        }
        return Action::Continue;
    }
    Action enterFragmentDefinition(const ast::FragmentDefinition &node) override
    {
        const TypeRef type = typeFromAst(m_context.schema(), node.typeCondition);
        if (type.isValid() && !type.named()->isComposite()) {
            m_context.reportError(u"Fragment \"%1\" cannot condition on non composite type \"%2\"."_s.arg(
                                      node.name, printTypeNode(node.typeCondition)),
                                  {node.typeCondition.location});
        }
        return Action::Continue;
    }
};

} // namespace

std::unique_ptr<ValidationRule> makeFragmentsOnCompositeTypesRule(ValidationContext &context)
{
    return std::make_unique<FragmentsOnCompositeTypesRule>(context);
}

} // namespace vingt::graphql
