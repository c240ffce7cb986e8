#include "graphql/validation/specifiedrules.h"

#include <QSet>

namespace vingt::graphql {

using namespace Qt::StringLiterals;

namespace {

/// Spec §5.5.1.4: every fragment is used by some operation.
class NoUnusedFragmentsRule final : public ValidationRule
{
public:
    using ValidationRule::ValidationRule;

    Action enterOperationDefinition(const ast::OperationDefinition &node) override
    {
        m_operations.push_back(&node);
        return Action::SkipChildren;
    }
    Action enterFragmentDefinition(const ast::FragmentDefinition &node) override
    {
        m_fragments.push_back(&node);
        return Action::SkipChildren;
    }
    void leaveDocument(const ast::Document &) override
    {
        QSet<QString> used;
        for (const ast::OperationDefinition *operation : m_operations) {
            for (const ast::FragmentDefinition *fragment : m_context.recursivelyReferencedFragments(*operation))
                used.insert(fragment->name);
        }
        for (const ast::FragmentDefinition *fragment : m_fragments) {
            if (!used.contains(fragment->name))
                m_context.reportError(u"Fragment \"%1\" is never used."_s.arg(fragment->name), {fragment->location});
        }
    }

private:
    std::vector<const ast::OperationDefinition *> m_operations;
    std::vector<const ast::FragmentDefinition *> m_fragments;
};

} // namespace

std::unique_ptr<ValidationRule> makeNoUnusedFragmentsRule(ValidationContext &context)
{
    return std::make_unique<NoUnusedFragmentsRule>(context);
}

} // namespace vingt::graphql
