#include "graphql/execution/collectfields.h"

#include "graphql/execution/values.h"
#include "graphql/type/schema.h"
#include "graphql/utilities/typeinfo.h"

#include <QSet>

namespace vingt::graphql {

namespace {

class FieldCollector
{
public:
    FieldCollector(const Schema &schema, const FragmentMap &fragments, const QJsonObject &variables,
                   const ObjectType &runtimeType)
        : m_schema(schema)
        , m_fragments(fragments)
        , m_variables(variables)
        , m_runtimeType(runtimeType)
    {
    }

    void collect(const ast::SelectionSet &set)
    {
        for (const auto &selection : set.selections) {
            if (!shouldIncludeNode(m_schema, selection->directives, m_variables))
                continue;
            switch (selection->kind) {
            case ast::Selection::Kind::Field: {
                const auto *field = static_cast<const ast::Field *>(selection.get());
                const QString &key = field->responseKey();
                const auto index = m_index.constFind(key);
                if (index == m_index.constEnd()) {
                    m_index.insert(key, int(m_result.size()));
                    m_result.push_back({key, {field}});
                } else {
                    m_result[size_t(*index)].nodes.push_back(field);
                }
                break;
            }
            case ast::Selection::Kind::InlineFragment: {
                const auto *fragment = static_cast<const ast::InlineFragment *>(selection.get());
                if (fragment->typeCondition && !conditionMatches(*fragment->typeCondition))
                    continue;
                collect(fragment->selectionSet);
                break;
            }
            case ast::Selection::Kind::FragmentSpread: {
                const QString &name = static_cast<const ast::FragmentSpread *>(selection.get())->name;
                if (m_visitedFragments.contains(name))
                    continue;
                m_visitedFragments.insert(name);
                const ast::FragmentDefinition *fragment = m_fragments.value(name, nullptr);
                if (!fragment || !conditionMatches(fragment->typeCondition))
                    continue;
                collect(fragment->selectionSet);
                break;
            }
            }
        }
    }

    std::vector<CollectedField> take() { return std::move(m_result); }

private:
    bool conditionMatches(const ast::TypeNode &condition) const
    {
        const NamedType *type = typeFromAst(m_schema, condition).named();
        if (!type)
            return false;
        if (type == &m_runtimeType)
            return true;
        return type->isAbstract() && m_schema.isSubType(*type, m_runtimeType);
    }

    const Schema &m_schema;
    const FragmentMap &m_fragments;
    const QJsonObject &m_variables;
    const ObjectType &m_runtimeType;
    std::vector<CollectedField> m_result;
    QHash<QString, int> m_index;
    QSet<QString> m_visitedFragments;
};

} // namespace

std::vector<CollectedField> collectFields(const Schema &schema, const FragmentMap &fragments,
                                          const QJsonObject &variables, const ObjectType &runtimeType,
                                          const std::vector<const ast::SelectionSet *> &selectionSets)
{
    FieldCollector collector(schema, fragments, variables, runtimeType);
    for (const ast::SelectionSet *set : selectionSets)
        collector.collect(*set);
    return collector.take();
}

} // namespace vingt::graphql
