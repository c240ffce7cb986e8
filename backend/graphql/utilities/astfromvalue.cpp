#include "graphql/utilities/astfromvalue.h"

#include "graphql/language/blockstring.h"
#include "graphql/utilities/jsonoutput.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

namespace vingt::graphql {

using namespace Qt::StringLiterals;

namespace {

bool isIntegerString(const QString &text)
{
    static const QRegularExpression pattern(u"^-?(?:0|[1-9][0-9]*)$"_s);
    return pattern.match(text).hasMatch();
}

/// Literal for a JSON value of unknown type (the serialized value of a custom scalar such as JSON).
QString untypedLiteral(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined: return u"null"_s;
    case QJsonValue::Bool: return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double: {
        QByteArray out;
        jsonout::appendValue(out, value);
        return QString::fromLatin1(out);
    }
    case QJsonValue::String: return printString(value.toString());
    case QJsonValue::Array: {
        QStringList items;
        for (const QJsonValue &item : value.toArray())
            items.append(untypedLiteral(item));
        return u'[' + items.join(u", "_s) + u']';
    }
    case QJsonValue::Object: {
        QStringList fields;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            fields.append(it.key() + u": "_s + untypedLiteral(it.value()));
        return u'{' + fields.join(u", "_s) + u'}';
    }
    }
    return {};
}

} // namespace

std::optional<QString> printValueLiteral(const QJsonValue &value, TypeRef type)
{
    if (!type.isValid())
        return std::nullopt;
    if (type.isNonNull()) {
        const std::optional<QString> inner = printValueLiteral(value, type.ofType());
        if (inner && *inner == "null"_L1)
            return std::nullopt;
        return inner;
    }
    if (value.isUndefined())
        return std::nullopt;
    if (value.isNull())
        return u"null"_s;
    if (type.isList()) {
        const TypeRef itemType = type.ofType();
        if (value.isArray()) {
            QStringList items;
            for (const QJsonValue &item : value.toArray()) {
                if (auto printed = printValueLiteral(item, itemType))
                    items.append(*printed);
            }
            return u'[' + items.join(u", "_s) + u']';
        }
        return printValueLiteral(value, itemType);
    }
    const NamedType *named = type.named();
    if (const InputObjectType *inputObject = named->asInputObject()) {
        if (!value.isObject())
            return std::nullopt;
        const QJsonObject object = value.toObject();
        QStringList fields;
        for (const InputValue &field : inputObject->fields()) {
            const auto it = object.constFind(field.name);
            if (it == object.constEnd())
                continue;
            if (auto printed = printValueLiteral(it.value(), field.type))
                fields.append(field.name + u": "_s + *printed);
        }
        return u'{' + fields.join(u", "_s) + u'}';
    }
    QJsonValue serialized;
    if (const EnumType *enumType = named->asEnum()) {
        auto result = enumType->serialize(value);
        if (!result.ok())
            return std::nullopt;
        return result->toString(); // enum values print bare
    }
    if (const ScalarType *scalar = named->asScalar()) {
        auto result = scalar->serialize(value);
        if (!result.ok())
            return std::nullopt;
        serialized = *result;
        if (serialized.isString() && scalar->name() == "ID"_L1 && isIntegerString(serialized.toString()))
            return serialized.toString();
        return untypedLiteral(serialized);
    }
    return std::nullopt;
}

} // namespace vingt::graphql
