#include "graphql/type/schema.h"

#include "graphql/language/ast.h"
#include "graphql/type/resolveinfo.h"

namespace vingt::graphql {

Schema::Schema() = default;
Schema::~Schema() = default;

const ObjectType *Schema::rootType(ast::OperationType operation) const
{
    switch (operation) {
    case ast::OperationType::Query: return m_queryType;
    case ast::OperationType::Mutation: return m_mutationType;
    case ast::OperationType::Subscription: return m_subscriptionType;
    }
    return nullptr;
}

const NamedType *Schema::type(const QString &name) const
{
    return m_typeMap.value(name, nullptr);
}

const Directive *Schema::directive(const QString &name) const
{
    for (const Directive *directive : m_directives) {
        if (directive->name == name)
            return directive;
    }
    return nullptr;
}

const std::vector<const ObjectType *> &Schema::possibleTypes(const NamedType &abstractType) const
{
    static const std::vector<const ObjectType *> kNone;
    const auto it = m_possibleTypes.constFind(&abstractType);
    return it == m_possibleTypes.constEnd() ? kNone : *it;
}

bool Schema::isSubType(const NamedType &abstractType, const NamedType &maybeSubType) const
{
    const auto it = m_subTypes.constFind(&abstractType);
    return it != m_subTypes.constEnd() && it->contains(&maybeSubType);
}

FieldResult defaultFieldResolver(const ResolveParams &params)
{
    if (params.source.isText())
        return Value();
    const QJsonValue json = params.source.json();
    if (json.isObject())
        return Value(json.toObject().value(params.info.fieldName()));
    return Value();
}

} // namespace vingt::graphql
