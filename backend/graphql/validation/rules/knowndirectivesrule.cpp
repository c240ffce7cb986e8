#include "graphql/type/schema.h"
#include "graphql/validation/specifiedrules.h"

namespace vingt::graphql {

using namespace Qt::StringLiterals;

namespace {

/// Spec §5.7.1, §5.7.2: directives exist and appear only where their definition allows.
class KnownDirectivesRule final : public ValidationRule
{
public:
    using ValidationRule::ValidationRule;

    Action enterOperationDefinition(const ast::OperationDefinition &node) override
    {
        switch (node.operation) {
        case ast::OperationType::Query: m_locations.push_back(DirectiveLocation::Query); break;
        case ast::OperationType::Mutation: m_locations.push_back(DirectiveLocation::Mutation); break;
        case ast::OperationType::Subscription: m_locations.push_back(DirectiveLocation::Subscription); break;
        }
        return Action::Continue;
    }
    void leaveOperationDefinition(const ast::OperationDefinition &) override { m_locations.pop_back(); }
    Action enterVariableDefinition(const ast::VariableDefinition &) override
    {
        m_locations.push_back(DirectiveLocation::VariableDefinition);
        return Action::Continue;
    }
    void leaveVariableDefinition(const ast::VariableDefinition &) override { m_locations.pop_back(); }
    Action enterField(const ast::Field &) override
    {
        m_locations.push_back(DirectiveLocation::Field);
        return Action::Continue;
    }
    void leaveField(const ast::Field &) override { m_locations.pop_back(); }
    Action enterFragmentSpread(const ast::FragmentSpread &) override
    {
        m_locations.push_back(DirectiveLocation::FragmentSpread);
        return Action::Continue;
    }
    void leaveFragmentSpread(const ast::FragmentSpread &) override { m_locations.pop_back(); }
    Action enterInlineFragment(const ast::InlineFragment &) override
    {
        m_locations.push_back(DirectiveLocation::InlineFragment);
        return Action::Continue;
    }
    void leaveInlineFragment(const ast::InlineFragment &) override { m_locations.pop_back(); }
    Action enterFragmentDefinition(const ast::FragmentDefinition &) override
    {
        m_locations.push_back(DirectiveLocation::FragmentDefinition);
        return Action::Continue;
    }
    void leaveFragmentDefinition(const ast::FragmentDefinition &) override { m_locations.pop_back(); }

    Action enterDirective(const ast::Directive &node) override
    {
        const Directive *directive = m_context.schema().directive(node.name);
        if (!directive) {
            m_context.reportError(u"Unknown directive \"@%1\"."_s.arg(node.name), {node.location});
            return Action::Continue;
        }
        if (!m_locations.empty() && !directive->hasLocation(m_locations.back())) {
            m_context.reportError(u"Directive \"@%1\" may not be used on %2."_s.arg(
                                      node.name, directiveLocationName(m_locations.back())),
                                  {node.location});
        }
        return Action::Continue;
    }

private:
    std::vector<DirectiveLocation> m_locations;
};

} // namespace

std::unique_ptr<ValidationRule> makeKnownDirectivesRule(ValidationContext &context)
{
    return std::make_unique<KnownDirectivesRule>(context);
}

} // namespace vingt::graphql
