#pragma once

#include "graphql/type/definition.h"
#include "graphql/type/directives.h"

#include <QHash>
#include <QSet>
#include <QString>

#include <memory>
#include <vector>

namespace vingt::graphql {

namespace ast {
enum class OperationType;
}

/// @brief An immutable GraphQL schema (graphql-js GraphQLSchema): named types, root types, directives,
/// introspection. Built by SchemaBuilder; owns every type, field and directive. Thread rule: a built Schema is
/// never modified, so one instance (held by a shared_ptr) may serve any number of threads at once.
class Schema
{
public:
    ~Schema();
    Schema(const Schema &) = delete;
    Schema &operator=(const Schema &) = delete;

    [[nodiscard]] const QString &description() const { return m_description; }
    [[nodiscard]] const ObjectType *queryType() const { return m_queryType; }
    [[nodiscard]] const ObjectType *mutationType() const { return m_mutationType; }
    [[nodiscard]] const ObjectType *subscriptionType() const { return m_subscriptionType; }
    [[nodiscard]] const ObjectType *rootType(ast::OperationType operation) const;

    /// A type by name (user types, referenced built-in scalars, introspection types), or null.
    [[nodiscard]] const NamedType *type(const QString &name) const;
    /// Every type, in `__schema.types` order: the query root type first (API-CONTRACT §2.1), then the types
    /// reachable from it, the other roots, the other added types, and the introspection types.
    [[nodiscard]] const std::vector<const NamedType *> &types() const { return m_types; }
    [[nodiscard]] const std::vector<const Directive *> &directives() const { return m_directives; }
    [[nodiscard]] const Directive *directive(const QString &name) const;

    /// The object types an interface or union may resolve to (empty for other types).
    [[nodiscard]] const std::vector<const ObjectType *> &possibleTypes(const NamedType &abstractType) const;
    /// Whether `maybeSubType` (an object or interface) is a member of the union / implements the interface.
    [[nodiscard]] bool isSubType(const NamedType &abstractType, const NamedType &maybeSubType) const;

    /// The resolver of fields without one: reads the property named like the field from a JSON-object source.
    [[nodiscard]] const FieldResolver &defaultResolver() const { return m_defaultResolver; }

    /// The implicit `__schema`, `__type(name:)` and `__typename` fields.
    [[nodiscard]] const Field &schemaMetaField() const { return *m_schemaMetaField; }
    [[nodiscard]] const Field &typeMetaField() const { return *m_typeMetaField; }
    [[nodiscard]] const Field &typenameMetaField() const { return *m_typenameMetaField; }

private:
    friend class SchemaBuilder;
    Schema();

    QString m_description;
    const ObjectType *m_queryType = nullptr;
    const ObjectType *m_mutationType = nullptr;
    const ObjectType *m_subscriptionType = nullptr;
    std::vector<std::unique_ptr<NamedType>> m_ownedTypes;
    std::vector<std::unique_ptr<Directive>> m_ownedDirectives;
    std::vector<const NamedType *> m_types;
    QHash<QString, const NamedType *> m_typeMap;
    std::vector<const Directive *> m_directives;
    QHash<const NamedType *, std::vector<const ObjectType *>> m_possibleTypes;
    QHash<const NamedType *, QSet<const NamedType *>> m_subTypes;
    FieldResolver m_defaultResolver;
    std::unique_ptr<Field> m_schemaMetaField;
    std::unique_ptr<Field> m_typeMetaField;
    std::unique_ptr<Field> m_typenameMetaField;
};

/// graphql-js defaultFieldResolver: the property of a JSON-object source named like the field (null otherwise).
[[nodiscard]] FieldResult defaultFieldResolver(const ResolveParams &params);

} // namespace vingt::graphql
