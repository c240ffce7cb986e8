#include "graphql/validation/specifiedrules.h"

namespace vingt::graphql {

using namespace Qt::StringLiterals;

namespace {

/// Spec §5.5.1.1: fragment names are unique in a document.
class UniqueFragmentNamesRule final : public ValidationRule
{
public:
    using ValidationRule::ValidationRule;

    Action enterOperationDefinition(const ast::OperationDefinition &) override { return Action::SkipChildren; }
    Action enterFragmentDefinition(const ast::FragmentDefinition &node) override
    {
        const auto known = m_known.constFind(node.name);
        if (known != m_known.constEnd()) {
            m_context.reportError(u"There can be only one fragment named \"%1\"."_s.arg(node.name),
                                  {*known, node.nameLocation});
        } else {
            m_known.insert(node.name, node.nameLocation);
        }
        return Action::SkipChildren;
    }

private:
    QHash<QString, SourceLocation> m_known;
};

} // namespace

std::unique_ptr<ValidationRule> makeUniqueFragmentNamesRule(ValidationContext &context)
{
    return std::make_unique<UniqueFragmentNamesRule>(context);
}

} // namespace vingt::graphql
