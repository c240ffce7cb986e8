#include "graphql/utilities/valuefromast.h"

#include "graphql/language/ast.h"

#include <QJsonArray>

namespace vingt::graphql {

namespace {

bool isMissingVariable(const ast::Value &literal, const QJsonObject *variables)
{
    return literal.kind == ast::Value::Kind::Variable && (!variables || !variables->contains(literal.text));
}

} // namespace

std::optional<QJsonValue> valueFromAst(const ast::Value &literal, TypeRef type, const QJsonObject *variables)
{
    if (!type.isValid())
        return std::nullopt;
    if (literal.kind == ast::Value::Kind::Variable) {
        if (!variables || !variables->contains(literal.text))
            return std::nullopt;
        const QJsonValue value = variables->value(literal.text);
        if (value.isNull() && type.isNonNull())
            return std::nullopt;
        // Variables are coerced already (their type was checked by VariablesInAllowedPosition).
        return value;
    }
    if (type.isNonNull()) {
        if (literal.kind == ast::Value::Kind::Null)
            return std::nullopt;
        return valueFromAst(literal, type.ofType(), variables);
    }
    if (literal.kind == ast::Value::Kind::Null)
        return QJsonValue(QJsonValue::Null);
    if (type.isList()) {
        const TypeRef itemType = type.ofType();
        if (literal.kind == ast::Value::Kind::List) {
            QJsonArray array;
            for (const auto &item : literal.list) {
                if (isMissingVariable(*item, variables)) {
                    if (itemType.isNonNull())
                        return std::nullopt;
                    array.append(QJsonValue::Null);
                    continue;
                }
                const std::optional<QJsonValue> value = valueFromAst(*item, itemType, variables);
                if (!value)
                    return std::nullopt;
                array.append(*value);
            }
            return array;
        }
        const std::optional<QJsonValue> value = valueFromAst(literal, itemType, variables);
        if (!value)
            return std::nullopt;
        return QJsonArray{*value};
    }
    const NamedType *named = type.named();
    if (const InputObjectType *inputObject = named->asInputObject()) {
        if (literal.kind != ast::Value::Kind::Object)
            return std::nullopt;
        QJsonObject object;
        for (const InputValue &field : inputObject->fields()) {
            const ast::ObjectField *node = nullptr;
            for (const ast::ObjectField &candidate : literal.fields) {
                if (candidate.name == field.name) {
                    node = &candidate;
                    break;
                }
            }
            if (!node || isMissingVariable(*node->value, variables)) {
                if (field.defaultValue)
                    object.insert(field.name, *field.defaultValue);
                else if (field.type.isNonNull())
                    return std::nullopt;
                continue;
            }
            const std::optional<QJsonValue> value = valueFromAst(*node->value, field.type, variables);
            if (!value)
                return std::nullopt;
            object.insert(field.name, *value);
        }
        return object;
    }
    if (const EnumType *enumType = named->asEnum()) {
        auto parsed = enumType->parseLiteral(literal);
        if (!parsed.ok())
            return std::nullopt;
        return *parsed;
    }
    if (const ScalarType *scalar = named->asScalar()) {
        auto parsed = scalar->parseLiteral(literal, variables);
        if (!parsed.ok())
            return std::nullopt;
        return *parsed;
    }
    return std::nullopt;
}

std::optional<QJsonValue> valueFromAstUntyped(const ast::Value &literal, const QJsonObject *variables)
{
    using Kind = ast::Value::Kind;
    switch (literal.kind) {
    case Kind::Null: return QJsonValue(QJsonValue::Null);
    case Kind::Int: {
        bool ok = false;
        const qint64 integer = literal.text.toLongLong(&ok);
        if (ok)
            return QJsonValue(integer);
        return QJsonValue(literal.text.toDouble());
    }
    case Kind::Float: return QJsonValue(literal.text.toDouble());
    case Kind::String:
    case Kind::Enum: return QJsonValue(literal.text);
    case Kind::Boolean: return QJsonValue(literal.boolean);
    case Kind::List: {
        QJsonArray array;
        for (const auto &item : literal.list) {
            const std::optional<QJsonValue> value = valueFromAstUntyped(*item, variables);
            if (!value)
                return std::nullopt;
            array.append(*value);
        }
        return array;
    }
    case Kind::Object: {
        QJsonObject object;
        for (const ast::ObjectField &field : literal.fields) {
            const std::optional<QJsonValue> value = valueFromAstUntyped(*field.value, variables);
            if (!value)
                return std::nullopt;
            object.insert(field.name, *value);
        }
        return object;
    }
    case Kind::Variable:
        if (!variables || !variables->contains(literal.text))
            return std::nullopt;
        return variables->value(literal.text);
    }
    return std::nullopt;
}

} // namespace vingt::graphql
