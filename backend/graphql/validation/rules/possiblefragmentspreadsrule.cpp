#include "graphql/utilities/typecomparators.h"
#include "graphql/validation/specifiedrules.h"

namespace vingt::graphql {

using namespace Qt::StringLiterals;

namespace {

/// Spec §5.5.2.3: a fragment is spread only where its type can apply.
class PossibleFragmentSpreadsRule final : public ValidationRule
{
public:
    using ValidationRule::ValidationRule;

    Action enterInlineFragment(const ast::InlineFragment &node) override
    {
        const NamedType *fragmentType = m_context.type().named();
        const NamedType *parentType = m_context.parentType();
        if (fragmentType && fragmentType->isComposite() && parentType && parentType->isComposite()
            && !doTypesOverlap(m_context.schema(), *fragmentType, *parentType)) {
            m_context.reportError(
                u"Fragment cannot be spread here as objects of type \"%1\" can never be of type \"%2\"."_s.arg(
                    parentType->name(), fragmentType->name()),
                {node.location});
        }
        return Action::Continue;
    }
    Action enterFragmentSpread(const ast::FragmentSpread &node) override
    {
        const ast::FragmentDefinition *fragment = m_context.fragment(node.name);
        if (!fragment)
            return Action::Continue;
        const NamedType *fragmentType = typeFromAst(m_context.schema(), fragment->typeCondition).named();
        const NamedType *parentType = m_context.parentType();
        if (fragmentType && fragmentType->isComposite() && parentType
            && !doTypesOverlap(m_context.schema(), *fragmentType, *parentType)) {
            m_context.reportError(
                u"Fragment \"%1\" cannot be spread here as objects of type \"%2\" can never be of type \"%3\"."_s.arg(
                    node.name, parentType->name(), fragmentType->name()),
                {node.location});
        }
        return Action::Continue;
    }
};

} // namespace

std::unique_ptr<ValidationRule> makePossibleFragmentSpreadsRule(ValidationContext &context)
{
    return std::make_unique<PossibleFragmentSpreadsRule>(context);
}

} // namespace vingt::graphql
