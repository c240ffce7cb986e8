#pragma once

#include "graphql/type/value.h"

#include "core/result.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <any>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace vingt::graphql {

namespace ast {
struct Value;
}

class NamedType;
class ScalarType;
class ObjectType;
class InterfaceType;
class UnionType;
class EnumType;
class InputObjectType;
class ObjectLikeType;
struct ResolveParams;
struct BatchResolveParams;

/// @brief The kinds of GraphQL types, as introspection names them (`__TypeKind`).
enum class TypeKind : std::uint8_t { Scalar, Object, Interface, Union, Enum, InputObject, List, NonNull };

/// "SCALAR", "OBJECT", ... "NON_NULL".
[[nodiscard]] QString typeKindName(TypeKind kind);

/// @brief A reference to a type: a named type wrapped in List / NonNull layers (at most 32).
/// A small value (pointer + bit string): `[Person!]!` needs no allocation and compares by value, so variable
/// types built from a query compare equal to schema types. Valid as long as its Schema lives.
class TypeRef
{
public:
    TypeRef() = default;
    TypeRef(const NamedType *named) : m_named(named) {}

    [[nodiscard]] static TypeRef listOf(TypeRef itemType);
    /// `type!`; an already non-null type is returned unchanged.
    [[nodiscard]] static TypeRef nonNullOf(TypeRef type);

    [[nodiscard]] bool isValid() const { return m_named != nullptr; }
    [[nodiscard]] bool isNonNull() const { return m_depth > 0 && (m_wrappers & 3u) == kNonNull; }
    [[nodiscard]] bool isList() const { return m_depth > 0 && (m_wrappers & 3u) == kList; }
    /// No List / NonNull wrapper.
    [[nodiscard]] bool isNamed() const { return m_named && m_depth == 0; }
    [[nodiscard]] TypeKind kind() const;
    /// The wrapped type (for List and NonNull), else an invalid TypeRef.
    [[nodiscard]] TypeRef ofType() const;
    /// Without an outer NonNull.
    [[nodiscard]] TypeRef nullable() const { return isNonNull() ? ofType() : *this; }
    /// The innermost named type.
    [[nodiscard]] const NamedType *named() const { return m_named; }

    [[nodiscard]] bool isInputType() const;
    [[nodiscard]] bool isOutputType() const;

    /// `[Person!]!`
    [[nodiscard]] QString toString() const;

    friend bool operator==(const TypeRef &, const TypeRef &) = default;

private:
    static constexpr std::uint64_t kList = 1;
    static constexpr std::uint64_t kNonNull = 2;

    const NamedType *m_named = nullptr;
    std::uint64_t m_wrappers = 0; ///< 2 bits per layer, the outermost layer in the lowest bits
    std::uint8_t m_depth = 0;
};

/// A field resolver: (source, coerced arguments, context, info) → value or error. See ResolveParams.
using FieldResolver = std::function<FieldResult(const ResolveParams &)>;
/// Resolves one field for many sources at once (one entry per source, same order). The executor calls it once per
/// selection of the field for all objects at the same place of the response (e.g. every `company.people` of a
/// page of companies), which is how nested relations load without one query per row.
using BatchFieldResolver = std::function<std::vector<FieldResult>(const BatchResolveParams &)>;
/// Names the concrete object type of a value of an interface or union (empty: unknown).
using TypeResolver = std::function<QString(const Value &value, const std::any &context)>;
/// Whether a value belongs to this object type (used for abstract types without a TypeResolver).
using IsTypeOfFunction = std::function<bool(const Value &value, const std::any &context)>;

/// Output coercion of a scalar: resolver value → response JSON (spec §3.5 "Result Coercion").
using ScalarSerializer = std::function<Result<QJsonValue>(const QJsonValue &value)>;
/// Input coercion of a variable value (JSON) → internal JSON value.
using ScalarValueParser = std::function<Result<QJsonValue>(const QJsonValue &value)>;
/// Input coercion of a literal. `variables` is null during validation (variables not known yet).
using ScalarLiteralParser = std::function<Result<QJsonValue>(const ast::Value &literal, const QJsonObject *variables)>;

/// @brief An argument of a field or directive, or a field of an input object.
struct InputValue {
    QString name;
    QString description;
    TypeRef type;
    /// The default, coerced (internal JSON form; enum values as their names). Absent: no default.
    std::optional<QJsonValue> defaultValue;
    /// The default in GraphQL literal syntax (`{first: 10}`, `ASC`, `"text"`), as introspection and SDL print it.
    QString defaultValueLiteral;
    std::optional<QString> deprecationReason;

    [[nodiscard]] bool isRequired() const { return type.isNonNull() && !defaultValue.has_value(); }
    [[nodiscard]] bool isDeprecated() const { return deprecationReason.has_value(); }
};

/// @brief A field of an object or interface type.
struct Field {
    QString name;
    QString description;
    TypeRef type;
    std::vector<InputValue> args;
    FieldResolver resolve;           ///< empty: the schema's default resolver
    BatchFieldResolver batchResolve; ///< optional, preferred over `resolve` when set
    std::optional<QString> deprecationReason;

    [[nodiscard]] const InputValue *arg(const QString &argName) const;
    [[nodiscard]] bool isDeprecated() const { return deprecationReason.has_value(); }
};

struct EnumValue {
    QString name;
    QString description;
    std::optional<QString> deprecationReason;

    [[nodiscard]] bool isDeprecated() const { return deprecationReason.has_value(); }
};

/// @brief Base of the six named type classes. Owned by a Schema, immutable once the schema is built.
class NamedType
{
public:
    virtual ~NamedType();
    NamedType(const NamedType &) = delete;
    NamedType &operator=(const NamedType &) = delete;

    [[nodiscard]] TypeKind kind() const { return m_kind; }
    [[nodiscard]] const QString &name() const { return m_name; }
    [[nodiscard]] const QString &description() const { return m_description; }

    [[nodiscard]] bool isLeaf() const { return m_kind == TypeKind::Scalar || m_kind == TypeKind::Enum; }
    [[nodiscard]] bool isComposite() const
    {
        return m_kind == TypeKind::Object || m_kind == TypeKind::Interface || m_kind == TypeKind::Union;
    }
    [[nodiscard]] bool isAbstract() const { return m_kind == TypeKind::Interface || m_kind == TypeKind::Union; }
    [[nodiscard]] bool isInputType() const
    {
        return m_kind == TypeKind::Scalar || m_kind == TypeKind::Enum || m_kind == TypeKind::InputObject;
    }
    [[nodiscard]] bool isOutputType() const { return m_kind != TypeKind::InputObject; }

    [[nodiscard]] const ScalarType *asScalar() const;
    [[nodiscard]] const ObjectType *asObject() const;
    [[nodiscard]] const InterfaceType *asInterface() const;
    [[nodiscard]] const UnionType *asUnion() const;
    [[nodiscard]] const EnumType *asEnum() const;
    [[nodiscard]] const InputObjectType *asInputObject() const;
    /// Objects and interfaces (the types with fields).
    [[nodiscard]] const ObjectLikeType *asObjectLike() const;

protected:
    NamedType(TypeKind kind, QString name, QString description);

private:
    friend class SchemaBuilder;
    TypeKind m_kind;
    QString m_name;
    QString m_description;
};

/// @brief A scalar: the five built-in ones (Int, Float, String, Boolean, ID) or a custom one with callbacks.
class ScalarType final : public NamedType
{
public:
    struct Callbacks {
        ScalarSerializer serialize;     ///< empty: the value is returned as is
        ScalarValueParser parseValue;   ///< empty: the value is accepted as is
        ScalarLiteralParser parseLiteral; ///< empty: the literal as JSON (variables substituted), then parseValue
    };

    /// Which built-in scalar this is (the executor completes their common values without the callbacks).
    enum class Builtin : std::uint8_t { None, Int, Float, String, Boolean, Id };

    ScalarType(QString name, QString description, QString specifiedByUrl, Callbacks callbacks,
               Builtin builtin = Builtin::None);

    [[nodiscard]] const QString &specifiedByUrl() const { return m_specifiedByUrl; }
    [[nodiscard]] Builtin builtin() const { return m_builtin; }
    [[nodiscard]] Result<QJsonValue> serialize(const QJsonValue &value) const;
    [[nodiscard]] Result<QJsonValue> parseValue(const QJsonValue &value) const;
    [[nodiscard]] Result<QJsonValue> parseLiteral(const ast::Value &literal, const QJsonObject *variables) const;

private:
    QString m_specifiedByUrl;
    Callbacks m_callbacks;
    Builtin m_builtin;
};

/// @brief Common part of object and interface types: fields (in definition order) and implemented interfaces.
class ObjectLikeType : public NamedType
{
public:
    [[nodiscard]] const std::vector<Field> &fields() const { return m_fields; }
    [[nodiscard]] const Field *field(const QString &fieldName) const;
    [[nodiscard]] const std::vector<const InterfaceType *> &interfaces() const { return m_interfaces; }

protected:
    using NamedType::NamedType;

private:
    friend class SchemaBuilder;
    std::vector<Field> m_fields;
    QHash<QString, int> m_fieldIndex;
    std::vector<const InterfaceType *> m_interfaces;
};

class ObjectType final : public ObjectLikeType
{
public:
    ObjectType(QString name, QString description);

    [[nodiscard]] const IsTypeOfFunction &isTypeOf() const { return m_isTypeOf; }

private:
    friend class SchemaBuilder;
    IsTypeOfFunction m_isTypeOf;
};

class InterfaceType final : public ObjectLikeType
{
public:
    InterfaceType(QString name, QString description);

    [[nodiscard]] const TypeResolver &resolveType() const { return m_resolveType; }

private:
    friend class SchemaBuilder;
    TypeResolver m_resolveType;
};

class UnionType final : public NamedType
{
public:
    UnionType(QString name, QString description);

    [[nodiscard]] const std::vector<const ObjectType *> &types() const { return m_types; }
    [[nodiscard]] const TypeResolver &resolveType() const { return m_resolveType; }

private:
    friend class SchemaBuilder;
    std::vector<const ObjectType *> m_types;
    TypeResolver m_resolveType;
};

/// @brief An enum. Values are exchanged as their names (JSON strings) inside the engine: resolvers return names,
/// coerced arguments hold names.
class EnumType final : public NamedType
{
public:
    EnumType(QString name, QString description, std::vector<EnumValue> values);

    [[nodiscard]] const std::vector<EnumValue> &values() const { return m_values; }
    [[nodiscard]] const EnumValue *value(const QString &valueName) const;

    [[nodiscard]] Result<QJsonValue> serialize(const QJsonValue &value) const;
    [[nodiscard]] Result<QJsonValue> parseValue(const QJsonValue &value) const;
    [[nodiscard]] Result<QJsonValue> parseLiteral(const ast::Value &literal) const;

private:
    [[nodiscard]] QString didYouMean(const QString &input) const;

    std::vector<EnumValue> m_values;
    QHash<QString, int> m_index;
};

class InputObjectType final : public NamedType
{
public:
    InputObjectType(QString name, QString description);

    [[nodiscard]] const std::vector<InputValue> &fields() const { return m_fields; }
    [[nodiscard]] const InputValue *field(const QString &fieldName) const;

private:
    friend class SchemaBuilder;
    std::vector<InputValue> m_fields;
    QHash<QString, int> m_fieldIndex;
};

} // namespace vingt::graphql
