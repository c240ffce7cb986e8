#include "graphql/type/definition.h"

#include "graphql/language/ast.h"
#include "graphql/language/printer.h"
#include "graphql/utilities/inspect.h"
#include "graphql/utilities/suggestionlist.h"
#include "graphql/utilities/valuefromast.h"

namespace vingt::graphql {

using namespace Qt::StringLiterals;

QString typeKindName(TypeKind kind)
{
    switch (kind) {
    case TypeKind::Scalar: return u"SCALAR"_s;
    case TypeKind::Object: return u"OBJECT"_s;
    case TypeKind::Interface: return u"INTERFACE"_s;
    case TypeKind::Union: return u"UNION"_s;
    case TypeKind::Enum: return u"ENUM"_s;
    case TypeKind::InputObject: return u"INPUT_OBJECT"_s;
    case TypeKind::List: return u"LIST"_s;
    case TypeKind::NonNull: return u"NON_NULL"_s;
    }
    return {};
}

// TypeRef ------------------------------------------------------------------------------------------------------

TypeRef TypeRef::listOf(TypeRef itemType)
{
    if (!itemType.m_named || itemType.m_depth >= 32)
        return {};
    TypeRef result = itemType;
    result.m_wrappers = (itemType.m_wrappers << 2) | kList;
    result.m_depth = std::uint8_t(itemType.m_depth + 1);
    return result;
}

TypeRef TypeRef::nonNullOf(TypeRef type)
{
    if (!type.m_named || type.isNonNull())
        return type;
    if (type.m_depth >= 32)
        return {};
    TypeRef result = type;
    result.m_wrappers = (type.m_wrappers << 2) | kNonNull;
    result.m_depth = std::uint8_t(type.m_depth + 1);
    return result;
}

TypeKind TypeRef::kind() const
{
    if (m_depth == 0)
        return m_named ? m_named->kind() : TypeKind::Scalar;
    return (m_wrappers & 3u) == kList ? TypeKind::List : TypeKind::NonNull;
}

TypeRef TypeRef::ofType() const
{
    if (m_depth == 0)
        return {};
    TypeRef result = *this;
    result.m_wrappers = m_wrappers >> 2;
    result.m_depth = std::uint8_t(m_depth - 1);
    return result;
}

bool TypeRef::isInputType() const
{
    return m_named && m_named->isInputType();
}

bool TypeRef::isOutputType() const
{
    return m_named && m_named->isOutputType();
}

QString TypeRef::toString() const
{
    if (!m_named)
        return {};
    if (m_depth == 0)
        return m_named->name();
    if (isList())
        return u'[' + ofType().toString() + u']';
    return ofType().toString() + u'!';
}

// Fields -------------------------------------------------------------------------------------------------------

const InputValue *Field::arg(const QString &argName) const
{
    for (const InputValue &argument : args) {
        if (argument.name == argName)
            return &argument;
    }
    return nullptr;
}

NamedType::NamedType(TypeKind kind, QString name, QString description)
    : m_kind(kind)
    , m_name(std::move(name))
    , m_description(std::move(description))
{
}

NamedType::~NamedType() = default;

const ScalarType *NamedType::asScalar() const
{
    return m_kind == TypeKind::Scalar ? static_cast<const ScalarType *>(this) : nullptr;
}

const ObjectType *NamedType::asObject() const
{
    return m_kind == TypeKind::Object ? static_cast<const ObjectType *>(this) : nullptr;
}

const InterfaceType *NamedType::asInterface() const
{
    return m_kind == TypeKind::Interface ? static_cast<const InterfaceType *>(this) : nullptr;
}

const UnionType *NamedType::asUnion() const
{
    return m_kind == TypeKind::Union ? static_cast<const UnionType *>(this) : nullptr;
}

const EnumType *NamedType::asEnum() const
{
    return m_kind == TypeKind::Enum ? static_cast<const EnumType *>(this) : nullptr;
}

const InputObjectType *NamedType::asInputObject() const
{
    return m_kind == TypeKind::InputObject ? static_cast<const InputObjectType *>(this) : nullptr;
}

const ObjectLikeType *NamedType::asObjectLike() const
{
    return (m_kind == TypeKind::Object || m_kind == TypeKind::Interface) ? static_cast<const ObjectLikeType *>(this)
                                                                          : nullptr;
}

// Scalars ------------------------------------------------------------------------------------------------------

ScalarType::ScalarType(QString name, QString description, QString specifiedByUrl, Callbacks callbacks,
                       Builtin builtin)
    : NamedType(TypeKind::Scalar, std::move(name), std::move(description))
    , m_specifiedByUrl(std::move(specifiedByUrl))
    , m_callbacks(std::move(callbacks))
    , m_builtin(builtin)
{
}

Result<QJsonValue> ScalarType::serialize(const QJsonValue &value) const
{
    if (m_callbacks.serialize)
        return m_callbacks.serialize(value);
    return value;
}

Result<QJsonValue> ScalarType::parseValue(const QJsonValue &value) const
{
    if (m_callbacks.parseValue)
        return m_callbacks.parseValue(value);
    return value;
}

Result<QJsonValue> ScalarType::parseLiteral(const ast::Value &literal, const QJsonObject *variables) const
{
    if (m_callbacks.parseLiteral)
        return m_callbacks.parseLiteral(literal, variables);
    const std::optional<QJsonValue> json = valueFromAstUntyped(literal, variables);
    if (!json) {
        if (!variables)
            return QJsonValue(); // a variable inside the literal: checked at execution
        return Error::badRequest(u"Expected value of type \"%1\", found %2."_s.arg(name(), printValue(literal)));
    }
    return parseValue(*json);
}

// Objects and interfaces ---------------------------------------------------------------------------------------

const Field *ObjectLikeType::field(const QString &fieldName) const
{
    const auto it = m_fieldIndex.constFind(fieldName);
    return it == m_fieldIndex.constEnd() ? nullptr : &m_fields[size_t(*it)];
}

ObjectType::ObjectType(QString name, QString description)
    : ObjectLikeType(TypeKind::Object, std::move(name), std::move(description))
{
}

InterfaceType::InterfaceType(QString name, QString description)
    : ObjectLikeType(TypeKind::Interface, std::move(name), std::move(description))
{
}

UnionType::UnionType(QString name, QString description)
    : NamedType(TypeKind::Union, std::move(name), std::move(description))
{
}

// Enums --------------------------------------------------------------------------------------------------------

EnumType::EnumType(QString name, QString description, std::vector<EnumValue> values)
    : NamedType(TypeKind::Enum, std::move(name), std::move(description))
    , m_values(std::move(values))
{
    for (size_t i = 0; i < m_values.size(); ++i)
        m_index.insert(m_values[i].name, int(i));
}

const EnumValue *EnumType::value(const QString &valueName) const
{
    const auto it = m_index.constFind(valueName);
    return it == m_index.constEnd() ? nullptr : &m_values[size_t(*it)];
}

QString EnumType::didYouMean(const QString &input) const
{
    QStringList names;
    for (const EnumValue &v : m_values)
        names.append(v.name);
    return graphql::didYouMean(u"the enum value"_s, suggestionList(input, names));
}

Result<QJsonValue> EnumType::serialize(const QJsonValue &value) const
{
    if (value.isString() && this->value(value.toString()))
        return value;
    return Error::badRequest(u"Enum \"%1\" cannot represent value: %2"_s.arg(name(), inspect(value)));
}

Result<QJsonValue> EnumType::parseValue(const QJsonValue &value) const
{
    if (!value.isString()) {
        const QString text = inspect(value);
        return Error::badRequest(u"Enum \"%1\" cannot represent non-string value: %2."_s.arg(name(), text)
                                 + didYouMean(text));
    }
    const QString text = value.toString();
    if (!this->value(text))
        return Error::badRequest(u"Value \"%1\" does not exist in \"%2\" enum."_s.arg(text, name()) + didYouMean(text));
    return value;
}

Result<QJsonValue> EnumType::parseLiteral(const ast::Value &literal) const
{
    const QString text = printValue(literal);
    if (literal.kind != ast::Value::Kind::Enum)
        return Error::badRequest(u"Enum \"%1\" cannot represent non-enum value: %2."_s.arg(name(), text) + didYouMean(text));
    if (!value(literal.text))
        return Error::badRequest(u"Value \"%1\" does not exist in \"%2\" enum."_s.arg(text, name()) + didYouMean(text));
    return QJsonValue(literal.text);
}

// Input objects ------------------------------------------------------------------------------------------------

InputObjectType::InputObjectType(QString name, QString description)
    : NamedType(TypeKind::InputObject, std::move(name), std::move(description))
{
}

const InputValue *InputObjectType::field(const QString &fieldName) const
{
    const auto it = m_fieldIndex.constFind(fieldName);
    return it == m_fieldIndex.constEnd() ? nullptr : &m_fields[size_t(*it)];
}

} // namespace vingt::graphql
