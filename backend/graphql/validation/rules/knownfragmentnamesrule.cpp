#include "graphql/validation/specifiedrules.h"

namespace vingt::graphql {

using namespace Qt::StringLiterals;

namespace {

/// Spec §5.5.2.1: spread fragments are defined in the document (before or after their use).
class KnownFragmentNamesRule final : public ValidationRule
{
public:
    using ValidationRule::ValidationRule;

    Action enterFragmentSpread(const ast::FragmentSpread &node) override
    {
        if (!m_context.fragment(node.name))
            m_context.reportError(u"Unknown fragment \"%1\"."_s.arg(node.name), {node.nameLocation});
        return Action::Continue;
    }
};

} // namespace

std::unique_ptr<ValidationRule> makeKnownFragmentNamesRule(ValidationContext &context)
{
    return std::make_unique<KnownFragmentNamesRule>(context);
}

} // namespace vingt::graphql
