#include "graphql/validation/specifiedrules.h"

namespace vingt::graphql {

using namespace Qt::StringLiterals;

namespace {

/// Spec §5.2.2.1: an anonymous operation must be the only operation of its document.
class LoneAnonymousOperationRule final : public ValidationRule
{
public:
    using ValidationRule::ValidationRule;

    Action enterDocument(const ast::Document &document) override
    {
        m_operationCount = document.operations().size();
        return Action::Continue;
    }
    Action enterOperationDefinition(const ast::OperationDefinition &node) override
    {
        if (node.name.isEmpty() && m_operationCount > 1)
            m_context.reportError(u"This anonymous operation must be the only defined operation."_s, {node.location});
        return Action::Continue;
    }

private:
    size_t m_operationCount = 0;
};

} // namespace

std::unique_ptr<ValidationRule> makeLoneAnonymousOperationRule(ValidationContext &context)
{
    return std::make_unique<LoneAnonymousOperationRule>(context);
}

} // namespace vingt::graphql
