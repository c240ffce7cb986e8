#include "graphql/type/scalars.h"

#include "graphql/language/ast.h"
#include "graphql/language/printer.h"
#include "graphql/utilities/inspect.h"
#include "graphql/utilities/jsonoutput.h"

#include <cmath>

namespace vingt::graphql {

using namespace Qt::StringLiterals;

namespace {

constexpr double kMaxInt = 2147483647.0;
constexpr double kMinInt = -2147483648.0;

bool isInteger(double d)
{
    return std::isfinite(d) && d == std::floor(d);
}

QString numberText(double d)
{
    QByteArray out;
    jsonout::appendNumber(out, d);
    return QString::fromLatin1(out);
}

/// JavaScript Number(string) for the common forms: decimal, exponent, surrounding white space.
std::optional<double> numberFromString(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return 0.0;
    bool ok = false;
    const double d = trimmed.toDouble(&ok);
    if (!ok)
        return std::nullopt;
    return d;
}

Error coercionError(const QString &message)
{
    return Error::badRequest(message);
}

} // namespace

std::unique_ptr<ScalarType> makeIntScalar()
{
    ScalarType::Callbacks callbacks;
    callbacks.serialize = [](const QJsonValue &value) -> Result<QJsonValue> {
        double number = 0;
        if (value.isBool()) {
            return QJsonValue(value.toBool() ? 1 : 0);
        } else if (value.isString() && !value.toString().isEmpty()) {
            const auto parsed = numberFromString(value.toString());
            if (!parsed || !isInteger(*parsed))
                return coercionError(u"Int cannot represent non-integer value: "_s + inspect(value));
            number = *parsed;
        } else if (value.isDouble()) {
            number = value.toDouble();
            if (!isInteger(number))
                return coercionError(u"Int cannot represent non-integer value: "_s + inspect(value));
        } else {
            return coercionError(u"Int cannot represent non-integer value: "_s + inspect(value));
        }
        if (number > kMaxInt || number < kMinInt)
            return coercionError(u"Int cannot represent non 32-bit signed integer value: "_s + inspect(value));
        return QJsonValue(qint64(number));
    };
    callbacks.parseValue = [](const QJsonValue &value) -> Result<QJsonValue> {
        if (!value.isDouble() || !isInteger(value.toDouble()))
            return coercionError(u"Int cannot represent non-integer value: "_s + inspect(value));
        const double number = value.toDouble();
        if (number > kMaxInt || number < kMinInt)
            return coercionError(u"Int cannot represent non 32-bit signed integer value: "_s + numberText(number));
        return QJsonValue(qint64(number));
    };
    callbacks.parseLiteral = [](const ast::Value &literal, const QJsonObject *) -> Result<QJsonValue> {
        if (literal.kind != ast::Value::Kind::Int)
            return coercionError(u"Int cannot represent non-integer value: "_s + printValue(literal));
        bool ok = false;
        const qint64 number = literal.text.toLongLong(&ok);
        if (!ok || number > qint64(kMaxInt) || number < qint64(kMinInt))
            return coercionError(u"Int cannot represent non 32-bit signed integer value: "_s + literal.text);
        return QJsonValue(number);
    };
    return std::make_unique<ScalarType>(
        u"Int"_s,
        u"The `Int` scalar type represents non-fractional signed whole numeric values. Int can represent values between -(2^31) and 2^31 - 1."_s,
        QString(), std::move(callbacks), ScalarType::Builtin::Int);
}

std::unique_ptr<ScalarType> makeFloatScalar()
{
    ScalarType::Callbacks callbacks;
    callbacks.serialize = [](const QJsonValue &value) -> Result<QJsonValue> {
        if (value.isBool())
            return QJsonValue(value.toBool() ? 1 : 0);
        if (value.isString() && !value.toString().isEmpty()) {
            const auto parsed = numberFromString(value.toString());
            if (!parsed || !std::isfinite(*parsed))
                return coercionError(u"Float cannot represent non numeric value: "_s + inspect(value));
            return QJsonValue(*parsed);
        }
        if (!value.isDouble() || !std::isfinite(value.toDouble()))
            return coercionError(u"Float cannot represent non numeric value: "_s + inspect(value));
        return value;
    };
    callbacks.parseValue = [](const QJsonValue &value) -> Result<QJsonValue> {
        if (!value.isDouble() || !std::isfinite(value.toDouble()))
            return coercionError(u"Float cannot represent non numeric value: "_s + inspect(value));
        return value;
    };
    callbacks.parseLiteral = [](const ast::Value &literal, const QJsonObject *) -> Result<QJsonValue> {
        if (literal.kind != ast::Value::Kind::Float && literal.kind != ast::Value::Kind::Int)
            return coercionError(u"Float cannot represent non numeric value: "_s + printValue(literal));
        return QJsonValue(literal.text.toDouble());
    };
    return std::make_unique<ScalarType>(
        u"Float"_s,
        u"The `Float` scalar type represents signed double-precision fractional values as specified by [IEEE 754](https://en.wikipedia.org/wiki/IEEE_floating_point)."_s,
        QString(), std::move(callbacks), ScalarType::Builtin::Float);
}

std::unique_ptr<ScalarType> makeStringScalar()
{
    ScalarType::Callbacks callbacks;
    callbacks.serialize = [](const QJsonValue &value) -> Result<QJsonValue> {
        if (value.isString())
            return value;
        if (value.isBool())
            return QJsonValue(value.toBool() ? u"true"_s : u"false"_s);
        if (value.isDouble() && std::isfinite(value.toDouble())) {
            QByteArray out;
            jsonout::appendValue(out, value);
            return QJsonValue(QString::fromLatin1(out));
        }
        return coercionError(u"String cannot represent value: "_s + inspect(value));
    };
    callbacks.parseValue = [](const QJsonValue &value) -> Result<QJsonValue> {
        if (!value.isString())
            return coercionError(u"String cannot represent a non string value: "_s + inspect(value));
        return value;
    };
    callbacks.parseLiteral = [](const ast::Value &literal, const QJsonObject *) -> Result<QJsonValue> {
        if (literal.kind != ast::Value::Kind::String)
            return coercionError(u"String cannot represent a non string value: "_s + printValue(literal));
        return QJsonValue(literal.text);
    };
    return std::make_unique<ScalarType>(
        u"String"_s,
        u"The `String` scalar type represents textual data, represented as UTF-8 character sequences. The String type is most often used by GraphQL to represent free-form human-readable text."_s,
        QString(), std::move(callbacks), ScalarType::Builtin::String);
}

std::unique_ptr<ScalarType> makeBooleanScalar()
{
    ScalarType::Callbacks callbacks;
    callbacks.serialize = [](const QJsonValue &value) -> Result<QJsonValue> {
        if (value.isBool())
            return value;
        if (value.isDouble() && std::isfinite(value.toDouble()))
            return QJsonValue(value.toDouble() != 0);
        return coercionError(u"Boolean cannot represent a non boolean value: "_s + inspect(value));
    };
    callbacks.parseValue = [](const QJsonValue &value) -> Result<QJsonValue> {
        if (!value.isBool())
            return coercionError(u"Boolean cannot represent a non boolean value: "_s + inspect(value));
        return value;
    };
    callbacks.parseLiteral = [](const ast::Value &literal, const QJsonObject *) -> Result<QJsonValue> {
        if (literal.kind != ast::Value::Kind::Boolean)
            return coercionError(u"Boolean cannot represent a non boolean value: "_s + printValue(literal));
        return QJsonValue(literal.boolean);
    };
    return std::make_unique<ScalarType>(u"Boolean"_s, u"The `Boolean` scalar type represents `true` or `false`."_s,
                                        QString(), std::move(callbacks), ScalarType::Builtin::Boolean);
}

std::unique_ptr<ScalarType> makeIdScalar()
{
    ScalarType::Callbacks callbacks;
    auto fromJson = [](const QJsonValue &value) -> std::optional<QJsonValue> {
        if (value.isString())
            return value;
        if (value.isDouble() && isInteger(value.toDouble())) {
            QByteArray out;
            jsonout::appendValue(out, value);
            return QJsonValue(QString::fromLatin1(out));
        }
        return std::nullopt;
    };
    callbacks.serialize = [fromJson](const QJsonValue &value) -> Result<QJsonValue> {
        if (auto id = fromJson(value))
            return *id;
        return coercionError(u"ID cannot represent value: "_s + inspect(value));
    };
    callbacks.parseValue = [fromJson](const QJsonValue &value) -> Result<QJsonValue> {
        if (auto id = fromJson(value))
            return *id;
        return coercionError(u"ID cannot represent value: "_s + inspect(value));
    };
    callbacks.parseLiteral = [](const ast::Value &literal, const QJsonObject *) -> Result<QJsonValue> {
        if (literal.kind != ast::Value::Kind::String && literal.kind != ast::Value::Kind::Int)
            return coercionError(u"ID cannot represent a non-string and non-integer value: "_s + printValue(literal));
        return QJsonValue(literal.text);
    };
    return std::make_unique<ScalarType>(
        u"ID"_s,
        u"The `ID` scalar type represents a unique identifier, often used to refetch an object or as key for a cache. The ID type appears in a JSON response as a String; however, it is not intended to be human-readable. When expected as an input type, any string (such as `\"4\"`) or integer (such as `4`) input value will be accepted as an ID."_s,
        QString(), std::move(callbacks), ScalarType::Builtin::Id);
}

bool isSpecifiedScalarName(const QString &name)
{
    return name == "Int"_L1 || name == "Float"_L1 || name == "String"_L1 || name == "Boolean"_L1 || name == "ID"_L1;
}

} // namespace vingt::graphql
