#include "graphql/utilities/coerceinputvalue.h"

#include "graphql/utilities/suggestionlist.h"

#include <QJsonObject>

namespace vingt::graphql {

using namespace Qt::StringLiterals;

namespace {

QJsonValue coerce(const QJsonValue &value, TypeRef type, const CoercionErrorHandler &onError, const QJsonArray &path)
{
    if (type.isNonNull()) {
        if (!value.isNull() && !value.isUndefined())
            return coerce(value, type.ofType(), onError, path);
        onError(path, value, u"Expected non-nullable type \"%1\" not to be null."_s.arg(type.toString()));
        return QJsonValue(QJsonValue::Undefined);
    }
    if (value.isNull() || value.isUndefined())
        return QJsonValue(QJsonValue::Null);
    if (type.isList()) {
        const TypeRef itemType = type.ofType();
        if (value.isArray()) {
            QJsonArray result;
            const QJsonArray items = value.toArray();
            for (qsizetype i = 0; i < items.size(); ++i) {
                QJsonArray itemPath = path;
                itemPath.append(i);
                result.append(coerce(items[i], itemType, onError, itemPath));
            }
            return result;
        }
        return QJsonArray{coerce(value, itemType, onError, path)};
    }
    const NamedType *named = type.named();
    if (const InputObjectType *inputObject = named->asInputObject()) {
        if (!value.isObject()) {
            onError(path, value, u"Expected type \"%1\" to be an object."_s.arg(inputObject->name()));
            return QJsonValue(QJsonValue::Undefined);
        }
        const QJsonObject object = value.toObject();
        QJsonObject result;
        for (const InputValue &field : inputObject->fields()) {
            const auto it = object.constFind(field.name);
            if (it == object.constEnd()) {
                if (field.defaultValue)
                    result.insert(field.name, *field.defaultValue);
                else if (field.type.isNonNull())
                    onError(path, value, u"Field \"%1\" of required type \"%2\" was not provided."_s.arg(
                                             field.name, field.type.toString()));
                continue;
            }
            QJsonArray fieldPath = path;
            fieldPath.append(field.name);
            result.insert(field.name, coerce(it.value(), field.type, onError, fieldPath));
        }
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!inputObject->field(it.key())) {
                QStringList names;
                for (const InputValue &field : inputObject->fields())
                    names.append(field.name);
                onError(path, value,
                        u"Field \"%1\" is not defined by type \"%2\"."_s.arg(it.key(), inputObject->name())
                            + didYouMean(suggestionList(it.key(), names)));
            }
        }
        return result;
    }
    if (const EnumType *enumType = named->asEnum()) {
        auto parsed = enumType->parseValue(value);
        if (!parsed.ok()) {
            onError(path, value, parsed.error().message);
            return QJsonValue(QJsonValue::Undefined);
        }
        return *parsed;
    }
    if (const ScalarType *scalar = named->asScalar()) {
        auto parsed = scalar->parseValue(value);
        if (!parsed.ok()) {
            onError(path, value, parsed.error().message);
            return QJsonValue(QJsonValue::Undefined);
        }
        if (parsed->isUndefined()) {
            onError(path, value, u"Expected type \"%1\"."_s.arg(scalar->name()));
            return QJsonValue(QJsonValue::Undefined);
        }
        return *parsed;
    }
    onError(path, value, u"Unexpected input type: \"%1\"."_s.arg(type.toString()));
    return QJsonValue(QJsonValue::Undefined);
}

} // namespace

QJsonValue coerceInputValue(const QJsonValue &value, TypeRef type, const CoercionErrorHandler &onError)
{
    return coerce(value, type, onError, QJsonArray());
}

} // namespace vingt::graphql
