#pragma once

#include "graphql/error/graphqlerror.h"
#include "graphql/type/definition.h"
#include "graphql/type/value.h"

#include <QJsonArray>
#include <QJsonObject>

#include <any>
#include <span>
#include <vector>

namespace vingt::graphql {

class Schema;

namespace ast {
struct Field;
struct OperationDefinition;
} // namespace ast

/// @brief One field of a look-ahead (ResolveInfo::collectSubfields): the merged selections of a response key.
struct SubfieldSelection {
    QString responseKey;
    const Field *definition = nullptr; ///< null for `__typename`
    QJsonObject arguments;             ///< coerced, defaults applied (empty if they do not coerce)
    std::vector<const ast::Field *> nodes;
};

namespace detail {
/// Implemented by the executor; resolvers reach it only through ResolveInfo.
class ResolveHooks
{
public:
    [[nodiscard]] virtual QJsonArray pathOf(const void *handle) const = 0;
    virtual void addError(const void *handle, GraphqlError error) const = 0;
    [[nodiscard]] virtual std::vector<SubfieldSelection> collectSubfields(
        const ObjectType &type, const std::vector<const ast::Field *> &nodes) const = 0;

protected:
    ~ResolveHooks() = default;
};
} // namespace detail

/// @brief What a resolver knows about the field it resolves (graphql-js GraphQLResolveInfo).
struct ResolveInfo {
    const Schema &schema;
    const Field &fieldDefinition;
    const ObjectType &parentType;
    TypeRef returnType;
    /// The field's selections merged under one response key (several with fragments).
    const std::vector<const ast::Field *> &fieldNodes;
    const ast::OperationDefinition &operation;
    /// Coerced variable values.
    const QJsonObject &variableValues;
    const Value &rootValue;

    [[nodiscard]] const QString &fieldName() const { return fieldDefinition.name; }
    /// The response path of this field, e.g. ["people", 3, "name"] (for a batch: the first source's path).
    [[nodiscard]] QJsonArray path() const { return hooks->pathOf(pathHandle); }
    /// Reports an error at this field's path (with its locations) without changing the data: e.g. a partial
    /// failure the resolver works around.
    void addError(GraphqlError error) const { hooks->addError(pathHandle, std::move(error)); }
    /// Look-ahead: the sub-fields selected under this field for a concrete object type, fragments merged,
    /// @skip/@include applied, arguments coerced. Lets a resolver load exactly what is asked.
    [[nodiscard]] std::vector<SubfieldSelection> collectSubfields(const ObjectType &type) const
    {
        return hooks->collectSubfields(type, fieldNodes);
    }

    const detail::ResolveHooks *hooks = nullptr;
    const void *pathHandle = nullptr;
};

/// @brief The arguments of a FieldResolver.
struct ResolveParams {
    const Value &source;     ///< the parent object's value (the root value for root fields)
    const QJsonObject &args; ///< coerced arguments, defaults applied; absent optional arguments are absent
    const std::any &context; ///< the request's context, as given to execute()
    const ResolveInfo &info;
};

/// @brief The arguments of a BatchFieldResolver: all sources sharing the same selection of the field.
struct BatchResolveParams {
    std::span<const Value *const> sources;
    const QJsonObject &args;
    const std::any &context;
    const ResolveInfo &info;
};

} // namespace vingt::graphql
