#include "graphql/validation/specifiedrules.h"

namespace vingt::graphql {

using namespace Qt::StringLiterals;

namespace {

/// Spec §5.2.1.1: operation names are unique in a document.
class UniqueOperationNamesRule final : public ValidationRule
{
public:
    using ValidationRule::ValidationRule;

    Action enterOperationDefinition(const ast::OperationDefinition &node) override
    {
        if (!node.name.isEmpty()) {
            const auto known = m_known.constFind(node.name);
            if (known != m_known.constEnd()) {
                m_context.reportError(u"There can be only one operation named \"%1\"."_s.arg(node.name),
                                      {*known, node.nameLocation});
            } else {
                m_known.insert(node.name, node.nameLocation);
            }
        }
        return Action::SkipChildren;
    }
    Action enterFragmentDefinition(const ast::FragmentDefinition &) override { return Action::SkipChildren; }

private:
    QHash<QString, SourceLocation> m_known;
};

} // namespace

std::unique_ptr<ValidationRule> makeUniqueOperationNamesRule(ValidationContext &context)
{
    return std::make_unique<UniqueOperationNamesRule>(context);
}

} // namespace vingt::graphql
