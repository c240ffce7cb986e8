#include "graphql/language/ast.h"

namespace vingt::graphql::ast {

using namespace Qt::StringLiterals;

QString operationTypeName(OperationType type)
{
    switch (type) {
    case OperationType::Query: return u"query"_s;
    case OperationType::Mutation: return u"mutation"_s;
    case OperationType::Subscription: return u"subscription"_s;
    }
    return {};
}

const TypeNode &TypeNode::namedType() const
{
    const TypeNode *node = this;
    while (node->kind != Kind::Named)
        node = node->ofType.get();
    return *node;
}

std::vector<const OperationDefinition *> Document::operations() const
{
    std::vector<const OperationDefinition *> result;
    for (const auto &definition : definitions) {
        if (definition->kind == Definition::Kind::Operation)
            result.push_back(static_cast<const OperationDefinition *>(definition.get()));
    }
    return result;
}

std::vector<const FragmentDefinition *> Document::fragments() const
{
    std::vector<const FragmentDefinition *> result;
    for (const auto &definition : definitions) {
        if (definition->kind == Definition::Kind::Fragment)
            result.push_back(static_cast<const FragmentDefinition *>(definition.get()));
    }
    return result;
}

const FragmentDefinition *Document::fragment(const QString &name) const
{
    for (const auto &definition : definitions) {
        if (definition->kind == Definition::Kind::Fragment) {
            const auto *fragment = static_cast<const FragmentDefinition *>(definition.get());
            if (fragment->name == name)
                return fragment;
        }
    }
    return nullptr;
}

} // namespace vingt::graphql::ast
