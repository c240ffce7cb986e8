#include "graphql/validation/querylimits.h"

#include <QHash>

#include <algorithm>

namespace vingt::graphql {

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kSaturated = qint64(1) << 50;
constexpr int kMaxFragmentNesting = 1000;

struct Stats {
    qint64 fields = 0;     ///< fields below, fragments expanded
    qint64 rootFields = 0; ///< fields at this level, fragments expanded
    int depth = 0;         ///< deepest field nesting below

    void merge(const Stats &other)
    {
        fields = std::min(kSaturated, fields + other.fields);
        rootFields = std::min(kSaturated, rootFields + other.rootFields);
        depth = std::max(depth, other.depth);
    }
};

class Measurer
{
public:
    explicit Measurer(const ast::Document &document)
    {
        for (const ast::FragmentDefinition *fragment : document.fragments()) {
            if (!m_fragments.contains(fragment->name))
                m_fragments.insert(fragment->name, fragment);
        }
    }

    Stats measure(const ast::SelectionSet &set)
    {
        Stats stats;
        for (const auto &selection : set.selections) {
            switch (selection->kind) {
            case ast::Selection::Kind::Field: {
                const auto &field = static_cast<const ast::Field &>(*selection);
                Stats fieldStats;
                if (field.selectionSet)
                    fieldStats = measure(*field.selectionSet);
                stats.fields = std::min(kSaturated, stats.fields + 1 + fieldStats.fields);
                stats.rootFields = std::min(kSaturated, stats.rootFields + 1);
                stats.depth = std::max(stats.depth, 1 + fieldStats.depth);
                break;
            }
            case ast::Selection::Kind::InlineFragment:
                stats.merge(measure(static_cast<const ast::InlineFragment &>(*selection).selectionSet));
                break;
            case ast::Selection::Kind::FragmentSpread:
                stats.merge(measureFragment(static_cast<const ast::FragmentSpread &>(*selection).name));
                break;
            }
        }
        return stats;
    }

    bool tooManyNestedFragments() const { return m_tooManyNestedFragments; }

private:
    Stats measureFragment(const QString &name)
    {
        const auto cached = m_cache.constFind(name);
        if (cached != m_cache.constEnd())
            return *cached;
        const ast::FragmentDefinition *fragment = m_fragments.value(name, nullptr);
        if (!fragment || m_inProgress.contains(name))
            return {}; // unknown or cyclic: validation reports it
        if (m_inProgress.size() >= kMaxFragmentNesting) {
            m_tooManyNestedFragments = true;
            return {};
        }
        m_inProgress.insert(name, true);
        const Stats stats = measure(fragment->selectionSet);
        m_inProgress.remove(name);
        m_cache.insert(name, stats);
        return stats;
    }

    QHash<QString, const ast::FragmentDefinition *> m_fragments;
    QHash<QString, Stats> m_cache;
    QHash<QString, bool> m_inProgress;
    bool m_tooManyNestedFragments = false;
};

GraphqlError limitError(const QString &message)
{
    return GraphqlError(message).withCode(errorcode::kBadUserInput);
}

} // namespace

std::vector<GraphqlError> checkQueryLimits(const ast::Document &document, const QueryLimits &limits)
{
    Measurer measurer(document);
    Stats total;
    for (const ast::OperationDefinition *operation : document.operations())
        total.merge(measurer.measure(operation->selectionSet));
    std::vector<GraphqlError> errors;
    if (measurer.tooManyNestedFragments())
        errors.push_back(limitError(u"Query nests more than %1 fragments."_s.arg(kMaxFragmentNesting)));
    if (limits.maxDepth > 0 && total.depth > limits.maxDepth) {
        errors.push_back(
            limitError(u"Query is too deep: depth %1 exceeds the maximum of %2."_s.arg(total.depth).arg(limits.maxDepth)));
    }
    if (limits.maxRootFields > 0 && total.rootFields > limits.maxRootFields) {
        errors.push_back(limitError(
            u"Query has too many root fields: %1 exceeds the maximum of %2."_s.arg(total.rootFields).arg(limits.maxRootFields)));
    }
    if (limits.maxSelectedFields > 0 && total.fields > limits.maxSelectedFields) {
        const QString count = total.fields >= kSaturated ? u"more than %1"_s.arg(limits.maxSelectedFields)
                                                         : QString::number(total.fields);
        errors.push_back(limitError(u"Query selects too many fields: %1 exceeds the maximum of %2."_s.arg(count).arg(
            limits.maxSelectedFields)));
    }
    return errors;
}

} // namespace vingt::graphql
