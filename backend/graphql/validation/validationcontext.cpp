#include "graphql/validation/validationcontext.h"

#include "graphql/type/schema.h"

#include <QSet>

namespace vingt::graphql {

ValidationContext::ValidationContext(const Schema &schema, const ast::Document &document, TypeInfo &typeInfo,
                                     std::function<void(GraphqlError)> onError)
    : m_schema(schema)
    , m_document(document)
    , m_typeInfo(typeInfo)
    , m_onError(std::move(onError))
{
    for (const ast::FragmentDefinition *fragment : document.fragments()) {
        if (!m_fragments.contains(fragment->name))
            m_fragments.insert(fragment->name, fragment);
    }
}

void ValidationContext::reportError(const QString &message, std::vector<SourceLocation> locations)
{
    m_onError(GraphqlError(message, std::move(locations)).withCode(errorcode::kValidationFailed));
}

const ast::FragmentDefinition *ValidationContext::fragment(const QString &name) const
{
    return m_fragments.value(name, nullptr);
}

const std::vector<const ast::FragmentSpread *> &ValidationContext::fragmentSpreads(const ast::SelectionSet &set)
{
    auto it = m_fragmentSpreads.find(&set);
    if (it != m_fragmentSpreads.end())
        return it->second;
    std::vector<const ast::FragmentSpread *> spreads;
    std::vector<const ast::SelectionSet *> setsToVisit{&set};
    while (!setsToVisit.empty()) {
        const ast::SelectionSet *current = setsToVisit.back();
        setsToVisit.pop_back();
        for (const auto &selection : current->selections) {
            switch (selection->kind) {
            case ast::Selection::Kind::FragmentSpread:
                spreads.push_back(static_cast<const ast::FragmentSpread *>(selection.get()));
                break;
            case ast::Selection::Kind::Field: {
                const auto *field = static_cast<const ast::Field *>(selection.get());
                if (field->selectionSet)
                    setsToVisit.push_back(field->selectionSet.get());
                break;
            }
            case ast::Selection::Kind::InlineFragment:
                setsToVisit.push_back(&static_cast<const ast::InlineFragment *>(selection.get())->selectionSet);
                break;
            }
        }
    }
    return m_fragmentSpreads.emplace(&set, std::move(spreads)).first->second;
}

const std::vector<const ast::FragmentDefinition *> &ValidationContext::recursivelyReferencedFragments(
    const ast::OperationDefinition &operation)
{
    auto it = m_referencedFragments.find(&operation);
    if (it != m_referencedFragments.end())
        return it->second;
    std::vector<const ast::FragmentDefinition *> fragments;
    QSet<QString> collectedNames;
    std::vector<const ast::SelectionSet *> nodesToVisit{&operation.selectionSet};
    while (!nodesToVisit.empty()) {
        const ast::SelectionSet *node = nodesToVisit.back();
        nodesToVisit.pop_back();
        for (const ast::FragmentSpread *spread : fragmentSpreads(*node)) {
            if (collectedNames.contains(spread->name))
                continue;
            collectedNames.insert(spread->name);
            if (const ast::FragmentDefinition *definition = fragment(spread->name)) {
                fragments.push_back(definition);
                nodesToVisit.push_back(&definition->selectionSet);
            }
        }
    }
    return m_referencedFragments.emplace(&operation, std::move(fragments)).first->second;
}

namespace {

/// Collects the variables of a subtree with the input type at their position.
class VariableUsageCollector final : public AstVisitor
{
public:
    VariableUsageCollector(const TypeInfo &typeInfo, std::vector<VariableUsage> &usages)
        : m_typeInfo(typeInfo)
        , m_usages(usages)
    {
    }

    Action enterVariableDefinition(const ast::VariableDefinition &) override { return Action::SkipChildren; }
    Action enterValue(const ast::Value &node) override
    {
        if (node.kind == ast::Value::Kind::Variable) {
            const InputValue *owner = m_typeInfo.defaultValueOwner();
            m_usages.push_back({&node, m_typeInfo.inputType(), owner && owner->defaultValue ? owner : nullptr});
        }
        return Action::Continue;
    }

private:
    const TypeInfo &m_typeInfo;
    std::vector<VariableUsage> &m_usages;
};

} // namespace

template<typename Node>
const std::vector<VariableUsage> &ValidationContext::collectVariableUsages(const Node &node)
{
    auto it = m_variableUsages.find(&node);
    if (it != m_variableUsages.end())
        return it->second;
    std::vector<VariableUsage> usages;
    TypeInfo typeInfo(m_schema);
    VariableUsageCollector collector(typeInfo, usages);
    TypeInfoVisitor visitor(typeInfo, collector);
    visit(node, visitor);
    return m_variableUsages.emplace(&node, std::move(usages)).first->second;
}

const std::vector<VariableUsage> &ValidationContext::variableUsages(const ast::OperationDefinition &operation)
{
    return collectVariableUsages(operation);
}

const std::vector<VariableUsage> &ValidationContext::variableUsages(const ast::FragmentDefinition &fragment)
{
    return collectVariableUsages(fragment);
}

std::vector<VariableUsage> ValidationContext::recursiveVariableUsages(const ast::OperationDefinition &operation)
{
    std::vector<VariableUsage> usages = variableUsages(operation);
    for (const ast::FragmentDefinition *fragment : recursivelyReferencedFragments(operation)) {
        const auto &fragmentUsages = variableUsages(*fragment);
        usages.insert(usages.end(), fragmentUsages.begin(), fragmentUsages.end());
    }
    return usages;
}

} // namespace vingt::graphql
