#include "graphql/validation/specifiedrules.h"

#include <QSet>

namespace vingt::graphql {

using namespace Qt::StringLiterals;

namespace {

/// Spec §5.5.2.2: fragments do not spread themselves, directly or through others. A depth-first search that
/// reports every cycle once.
class NoFragmentCyclesRule final : public ValidationRule
{
public:
    using ValidationRule::ValidationRule;

    Action enterOperationDefinition(const ast::OperationDefinition &) override { return Action::SkipChildren; }
    Action enterFragmentDefinition(const ast::FragmentDefinition &node) override
    {
        detectCycle(node);
        return Action::SkipChildren;
    }

private:
    void detectCycle(const ast::FragmentDefinition &fragment)
    {
        if (m_visited.contains(fragment.name))
            return;
        m_visited.insert(fragment.name);
        const auto &spreads = m_context.fragmentSpreads(fragment.selectionSet);
        if (spreads.empty())
            return;
        m_pathIndexByName.insert(fragment.name, int(m_spreadPath.size()));
        for (const ast::FragmentSpread *spread : spreads) {
            const auto cycleIndex = m_pathIndexByName.constFind(spread->name);
            m_spreadPath.push_back(spread);
            if (cycleIndex == m_pathIndexByName.constEnd()) {
                if (const ast::FragmentDefinition *spreadFragment = m_context.fragment(spread->name))
                    detectCycle(*spreadFragment);
            } else {
                QStringList via;
                std::vector<SourceLocation> locations;
                for (size_t i = size_t(*cycleIndex); i < m_spreadPath.size(); ++i) {
                    locations.push_back(m_spreadPath[i]->location);
                    if (i + 1 < m_spreadPath.size())
                        via.append(u'"' + m_spreadPath[i]->name + u'"');
                }
                m_context.reportError(u"Cannot spread fragment \"%1\" within itself"_s.arg(spread->name)
                                          + (via.isEmpty() ? u"."_s : u" via "_s + via.join(u", "_s) + u'.'),
                                      std::move(locations));
            }
            m_spreadPath.pop_back();
        }
        m_pathIndexByName.remove(fragment.name);
    }

    QSet<QString> m_visited;
    std::vector<const ast::FragmentSpread *> m_spreadPath;
    QHash<QString, int> m_pathIndexByName;
};

} // namespace

std::unique_ptr<ValidationRule> makeNoFragmentCyclesRule(ValidationContext &context)
{
    return std::make_unique<NoFragmentCyclesRule>(context);
}

} // namespace vingt::graphql
