#pragma once

#include "graphql/type/definition.h"
#include "graphql/type/directives.h"
#include "graphql/type/schema.h"

#include "core/result.h"

#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace vingt::graphql {

/// @brief An argument or input field. `type` is a type reference in SDL syntax ("Int", "[ID!]!", "PersonFilter").
struct InputValueConfig {
    QString name;
    QString type;
    QString description = {};
    /// The default in the JSON form a variable would take (`{"first": 10}`, enum values as strings). Coerced and
    /// checked when the schema is built; printed as a GraphQL literal by introspection and printSchema.
    std::optional<QJsonValue> defaultValue = std::nullopt;
    std::optional<QString> deprecationReason = std::nullopt;
};

/// @brief A field of an object or interface type.
struct FieldConfig {
    QString name;
    QString type;
    std::vector<InputValueConfig> args = {};
    FieldResolver resolve = {};
    QString description = {};
    std::optional<QString> deprecationReason = std::nullopt;
    BatchFieldResolver batchResolve = {};
};

struct ObjectTypeConfig {
    QString name;
    std::vector<FieldConfig> fields;
    QStringList interfaces = {};
    QString description = {};
    IsTypeOfFunction isTypeOf = {};
};

struct InterfaceTypeConfig {
    QString name;
    std::vector<FieldConfig> fields;
    QStringList interfaces = {};
    QString description = {};
    TypeResolver resolveType = {};
};

struct UnionTypeConfig {
    QString name;
    QStringList types;
    QString description = {};
    TypeResolver resolveType = {};
};

struct EnumValueConfig {
    QString name;
    QString description = {};
    std::optional<QString> deprecationReason = std::nullopt;
};

struct EnumTypeConfig {
    QString name;
    std::vector<EnumValueConfig> values;
    QString description = {};
};

struct InputObjectTypeConfig {
    QString name;
    std::vector<InputValueConfig> fields;
    QString description = {};
};

/// @brief A custom scalar (UUID, DateTime, JSON, BigFloat, Cursor, ...). Without callbacks values pass through.
struct ScalarTypeConfig {
    QString name;
    QString description = {};
    QString specifiedByUrl = {};
    ScalarSerializer serialize = {};
    ScalarValueParser parseValue = {};
    ScalarLiteralParser parseLiteral = {}; ///< default: the literal as JSON, then parseValue
};

struct DirectiveConfig {
    QString name;
    std::vector<DirectiveLocation> locations;
    std::vector<InputValueConfig> args = {};
    QString description = {};
    bool isRepeatable = false;
};

/// @brief Builds an immutable Schema from type configurations (graphql-js `new GraphQLSchema(...)` plus
/// `assertValidSchema`). Types refer to each other by name, so they may be added in any order and be mutually
/// recursive. The built-in scalars (Int, Float, String, Boolean, ID), the directives @include, @skip,
/// @deprecated, @specifiedBy and the introspection types are always available.
///
/// Cost: linear in the size of the schema; meant to run once per data-model snapshot.
class SchemaBuilder
{
public:
    SchemaBuilder();
    ~SchemaBuilder();
    SchemaBuilder(const SchemaBuilder &) = delete;
    SchemaBuilder &operator=(const SchemaBuilder &) = delete;

    SchemaBuilder &setDescription(QString description);
    SchemaBuilder &setQueryType(QString typeName);
    SchemaBuilder &setMutationType(QString typeName);
    SchemaBuilder &setSubscriptionType(QString typeName);
    /// Replaces the resolver used for fields without one (default: defaultFieldResolver).
    SchemaBuilder &setDefaultResolver(FieldResolver resolver);

    SchemaBuilder &addObjectType(ObjectTypeConfig config);
    SchemaBuilder &addInterfaceType(InterfaceTypeConfig config);
    SchemaBuilder &addUnionType(UnionTypeConfig config);
    SchemaBuilder &addEnumType(EnumTypeConfig config);
    SchemaBuilder &addInputObjectType(InputObjectTypeConfig config);
    SchemaBuilder &addScalarType(ScalarTypeConfig config);
    SchemaBuilder &addDirective(DirectiveConfig config);

    /// Resolves type references, coerces default values and validates the schema (type/validate.h). The error
    /// (kind Internal) lists every problem, one per line, e.g. `Unknown type "Nope" referenced by Query.x.`.
    /// The builder is consumed: call build() once.
    [[nodiscard]] Result<std::shared_ptr<const Schema>> build();

private:
    struct Private;
    class Assembler;
    std::unique_ptr<Private> d;
};

} // namespace vingt::graphql
