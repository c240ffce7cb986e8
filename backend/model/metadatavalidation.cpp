#include "model/metadatavalidation.h"

#include "core/uuid.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace vingt::metadatavalidation {

using namespace Qt::StringLiterals;

namespace {

Error fieldError(const QString &message)
{
    return Error::badRequest(message, QString::fromLatin1(metadataerror::kInvalidFieldInput));
}

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return u"null"_s;
    case QJsonValue::Bool: return u"a boolean"_s;
    case QJsonValue::Double: return u"a number"_s;
    case QJsonValue::String: return u"a string"_s;
    case QJsonValue::Array: return u"an array"_s;
    case QJsonValue::Object: return u"an object"_s;
    case QJsonValue::Undefined: break;
    }
    return u"undefined"_s;
}

/// "'abc'" → abc; an unquoted string is taken as it is.
QString unquoted(const QString &s)
{
    return unquoteDefault(QJsonValue(s)).toString();
}

QString quoted(const QString &s)
{
    return u'\'' + s + u'\'';
}

Result<QJsonValue> scalarDefault(const QJsonValue &value, ValueKind kind, const FieldMetadata &field,
                                 const QString &what)
{
    auto expect = [&](const QString &expected) {
        return fieldError(u"Default value of %1 must be %2, got %3"_s.arg(what, expected, typeName(value)));
    };
    switch (kind) {
    case ValueKind::Text:
        if (!value.isString())
            return expect(u"a string such as \"'text'\""_s);
        return QJsonValue(quoted(unquoted(value.toString())));
    case ValueKind::Uuid: {
        if (!value.isString())
            return expect(u"a UUID string or \"uuid\""_s);
        const QString s = unquoted(value.toString());
        if (s != "uuid"_L1 && !uuid::isValid(s))
            return fieldError(u"Default value of %1 must be a UUID or \"uuid\", got '%2'"_s.arg(what, s));
        return QJsonValue(s == "uuid"_L1 ? s : quoted(s));
    }
    case ValueKind::DateTime:
    case ValueKind::Date: {
        if (!value.isString())
            return expect(u"\"now\" or a date string"_s);
        const QString s = unquoted(value.toString());
        if (s == "now"_L1)
            return QJsonValue(s);
        static const QRegularExpression date(u"^\\d{4}-\\d{2}-\\d{2}$"_s);
        static const QRegularExpression dateTime(
            u"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$"_s);
        if (!(kind == ValueKind::Date ? date : dateTime).match(s).hasMatch())
            return fieldError(u"Default value of %1 must be \"now\" or an ISO 8601 %2, got '%3'"_s.arg(
                what, kind == ValueKind::Date ? u"date"_s : u"date and time"_s, s));
        return QJsonValue(quoted(s));
    }
    case ValueKind::Boolean:
        if (!value.isBool())
            return expect(u"true or false"_s);
        return value;
    case ValueKind::Float:
        if (!value.isDouble())
            return expect(u"a number"_s);
        return value;
    case ValueKind::Integer:
        if (!value.isDouble() || value.toDouble() != double(qint64(value.toDouble())))
            return expect(u"an integer"_s);
        return value;
    case ValueKind::Json: return value;
    case ValueKind::Select: {
        if (!value.isString())
            return expect(u"one of the option values, quoted (\"'VALUE'\")"_s);
        const QString s = unquoted(value.toString());
        if (!field.hasOption(s))
            return fieldError(u"Default value '%1' of %2 is not one of its options (%3)"_s.arg(
                s, what, field.optionValues().join(u", "_s)));
        return QJsonValue(quoted(s));
    }
    case ValueKind::MultiSelect: {
        if (!value.isArray())
            return expect(u"an array of option values (\"'VALUE'\")"_s);
        QJsonArray result;
        for (const QJsonValue &item : value.toArray()) {
            auto one = scalarDefault(item, ValueKind::Select, field, what);
            if (!one)
                return one.error();
            result.append(*one);
        }
        return QJsonValue(result);
    }
    }
    return value;
}

} // namespace

bool isReservedName(const QString &name)
{
    static const QSet<QString> reserved = [] {
        QSet<QString> set{u"not"_s,       u"or"_s,      u"and"_s,       u"Int"_s,      u"Float"_s,
                          u"Boolean"_s,   u"String"_s,  u"ID"_s,        u"currency"_s, u"currencies"_s,
                          u"fullNames"_s, u"address"_s, u"addresses"_s, u"index"_s,    u"aggregate"_s};
        for (const auto *base : {"approvedAccessDomain",
                                 "appToken",
                                 "billingCustomer",
                                 "billingEntitlement",
                                 "billingMeter",
                                 "billingProduct",
                                 "billingSubscription",
                                 "billingSubscriptionItem",
                                 "featureFlag",
                                 "job",
                                 "keyValuePair",
                                 "pageLayout",
                                 "pageLayoutTab",
                                 "pageLayoutWidget",
                                 "postgresCredential",
                                 "twoFactorMethod",
                                 "user",
                                 "userWorkspace",
                                 "workspace",
                                 "role",
                                 "userWorkspaceRole",
                                 "plan",
                                 "event",
                                 "field",
                                 "link",
                                 "type",
                                 "object",
                                 "relation"}) {
            set.insert(QString::fromLatin1(base));
            set.insert(QString::fromLatin1(base) + u's');
        }
        return set;
    }();
    return reserved.contains(name);
}

Result<void> validateName(const QString &name, NameKind kind, QLatin1StringView what)
{
    const QString code = QString::fromLatin1(kind == NameKind::Object ? metadataerror::kInvalidObjectInput
                                                                      : metadataerror::kInvalidFieldInput);
    if (name.isEmpty())
        return Error::badRequest(u"'%1' must not be empty"_s.arg(what), code);
    if (name.size() > 63)
        return Error::badRequest(u"'%1' is too long: '%2' has %3 characters, at most 63 are allowed"_s.arg(
                                     what, name, QString::number(name.size())),
                                 code);
    static const QRegularExpression format(u"^[a-z][a-zA-Z0-9]*$"_s);
    if (!format.match(name).hasMatch()) {
        return Error::badRequest(
            u"'%1' value '%2' is not a valid name: use camelCase letters and digits, starting with a lowercase letter"_s
                .arg(what, name),
            code);
    }
    if (isReservedName(name)) {
        const QString reservedCode = QString::fromLatin1(metadataerror::kReservedKeyword);
        if (kind == NameKind::Object)
            return Error::badRequest(u"This name is reserved: '%1' cannot be used as an object name"_s.arg(name),
                                     reservedCode);
        return Error::badRequest(u"The name \"%1\" is not available"_s.arg(name), reservedCode);
    }
    return {};
}

Result<QString> validateLabel(const QJsonValue &value, QLatin1StringView what, const QString &code)
{
    if (!value.isString())
        return Error::badRequest(u"'%1' must be a string, got %2"_s.arg(what, typeName(value)), code);
    const QString label = value.toString().trimmed();
    if (label.isEmpty())
        return Error::badRequest(u"'%1' must not be empty"_s.arg(what), code);
    if (label.size() > 255)
        return Error::badRequest(u"'%1' is too long: at most 255 characters are allowed"_s.arg(what), code);
    return label;
}

QString nameFromLabel(const QString &label)
{
    QStringList words;
    QString word;
    for (const QChar c : label.normalized(QString::NormalizationForm_D)) {
        if (c.isLetterOrNumber() && c.unicode() < 128) {
            word += c;
        } else if (c.category() == QChar::Mark_NonSpacing) {
            continue;
        } else if (!word.isEmpty()) {
            words << word;
            word.clear();
        }
    }
    if (!word.isEmpty())
        words << word;
    QString name;
    for (const QString &w : words) {
        if (name.isEmpty())
            name = w.at(0).toLower() + w.mid(1);
        else
            name += w.at(0).toUpper() + w.mid(1);
    }
    while (!name.isEmpty() && !name.at(0).isLetter())
        name.remove(0, 1);
    if (!name.isEmpty())
        name[0] = name[0].toLower();
    return name;
}

Result<std::vector<SelectOption>> parseOptions(const QJsonValue &value, FieldType type, const QString &fieldName)
{
    std::vector<SelectOption> options;
    if ((value.isUndefined() || value.isNull()) && type == FieldType::Rating) {
        for (int i = 1; i <= 5; ++i)
            options.push_back({uuid::create(), u"RATING_%1"_s.arg(i), QString::number(i), double(i - 1), {}});
        return options;
    }
    const QString typeText = QString(fieldTypeName(type));
    if (!value.isArray() || value.toArray().isEmpty())
        return fieldError(u"Field '%1' of type %2 needs a non-empty array of options"_s.arg(fieldName, typeText));
    static const QRegularExpression valueFormat(u"^[A-Z][A-Z0-9_]*$"_s);
    QSet<QString> ids;
    QSet<QString> values;
    QSet<double> positions;
    const QJsonArray array = value.toArray();
    for (int i = 0; i < array.size(); ++i) {
        if (!array[i].isObject())
            return fieldError(u"Option %1 of field '%2' must be an object {value, label, ...}"_s.arg(i).arg(fieldName));
        const QJsonObject o = array[i].toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            static const QStringList known{u"id"_s, u"value"_s, u"label"_s, u"position"_s, u"color"_s};
            if (!known.contains(it.key()))
                return fieldError(
                    u"Option %1 of field '%2' has an unknown property '%3'"_s.arg(i).arg(fieldName, it.key()));
        }
        SelectOption option;
        const QJsonValue id = o.value("id"_L1);
        if (id.isUndefined() || id.isNull()) {
            option.id = uuid::create();
        } else if (!id.isString() || !uuid::isValid(id.toString())) {
            return fieldError(u"Option %1 of field '%2' has an invalid id: it must be a UUID"_s.arg(i).arg(fieldName));
        } else {
            option.id = id.toString().toLower();
        }
        option.value = o.value("value"_L1).toString();
        if (!o.value("value"_L1).isString() || option.value.isEmpty() || option.value.size() > 63
            || !valueFormat.match(option.value).hasMatch()) {
            return fieldError(
                u"Option value '%1' of field '%2' is invalid: use UPPER_SNAKE_CASE starting with a letter, 1 to 63 "
                "characters"_s.arg(o.value("value"_L1).toVariant().toString(), fieldName));
        }
        if (type == FieldType::Rating && !QRegularExpression(u"^RATING_[1-5]$"_s).match(option.value).hasMatch())
            return fieldError(
                u"Option value '%1' of field '%2' is invalid: RATING options are RATING_1 to RATING_5"_s.arg(
                    option.value, fieldName));
        option.label = o.value("label"_L1).toString();
        if (!o.value("label"_L1).isString() || option.label.isEmpty() || option.label.size() > 63
            || option.label.contains(u',')) {
            return fieldError(u"Option label '%1' of field '%2' is invalid: 1 to 63 characters, no comma"_s.arg(
                o.value("label"_L1).toVariant().toString(), fieldName));
        }
        const QJsonValue position = o.value("position"_L1);
        if (position.isUndefined() || position.isNull())
            option.position = i;
        else if (!position.isDouble())
            return fieldError(
                u"Option '%1' of field '%2' has a position that is not a number"_s.arg(option.value, fieldName));
        else
            option.position = position.toDouble();
        const QJsonValue color = o.value("color"_L1);
        if (!color.isUndefined() && !color.isNull() && !color.isString())
            return fieldError(
                u"Option '%1' of field '%2' has a color that is not a string"_s.arg(option.value, fieldName));
        option.color = color.toString();
        if (ids.contains(option.id))
            return fieldError(u"Option id '%1' of field '%2' is used twice"_s.arg(option.id, fieldName));
        if (values.contains(option.value))
            return fieldError(u"Option value '%1' of field '%2' is used twice"_s.arg(option.value, fieldName));
        if (positions.contains(option.position))
            return fieldError(u"Option position %1 of field '%2' is used twice"_s.arg(option.position).arg(fieldName));
        ids.insert(option.id);
        values.insert(option.value);
        positions.insert(option.position);
        options.push_back(std::move(option));
    }
    return options;
}

Result<QJsonValue> normalizeDefault(const QJsonValue &value, const FieldMetadata &field)
{
    if (value.isUndefined() || value.isNull())
        return QJsonValue(QJsonValue::Null);
    const QString what = u"field '%1'"_s.arg(field.name);
    if (field.type == FieldType::Relation || field.type == FieldType::MorphRelation
        || field.type == FieldType::TsVector) {
        return fieldError(
            u"Field '%1' of type %2 takes no default value"_s.arg(field.name, QString(fieldTypeName(field.type))));
    }
    const auto subs = compositeSubFields(field.type);
    if (subs.empty())
        return scalarDefault(value, field.scalarKind(), field, what);
    if (!value.isObject())
        return fieldError(
            u"Default value of %1 must be an object of its sub-fields, got %2"_s.arg(what, typeName(value)));
    QJsonObject result;
    const QJsonObject input = value.toObject();
    for (auto it = input.begin(); it != input.end(); ++it) {
        const SubField *sub = nullptr;
        for (const SubField &s : subs) {
            if (s.name == it.key())
                sub = &s;
        }
        if (!sub)
            return fieldError(u"Default value of %1 has an unknown sub-field '%2'"_s.arg(what, it.key()));
        if (it.value().isNull()) {
            result.insert(it.key(), QJsonValue::Null);
            continue;
        }
        FieldMetadata subField;
        subField.name = field.name + u'.' + it.key();
        if (sub->kind == ValueKind::Select && field.type == FieldType::Actor) {
            for (const QLatin1StringView source : actorSources())
                subField.options.push_back({{}, QString(source), {}, 0, {}});
        }
        auto one = scalarDefault(it.value(), sub->kind, subField, u"field '%1'"_s.arg(subField.name));
        if (!one)
            return one.error();
        result.insert(it.key(), *one);
    }
    return QJsonValue(result);
}

std::optional<OnDelete> onDeleteFromName(QStringView name)
{
    if (name == "CASCADE"_L1)
        return OnDelete::Cascade;
    if (name == "SET_NULL"_L1)
        return OnDelete::SetNull;
    if (name == "RESTRICT"_L1)
        return OnDelete::Restrict;
    if (name == "NO_ACTION"_L1)
        return OnDelete::NoAction;
    return std::nullopt;
}

Result<QJsonObject> validateSettings(const QJsonValue &value, FieldType type, const QString &fieldName)
{
    if (value.isUndefined() || value.isNull())
        return QJsonObject();
    if (!value.isObject())
        return fieldError(u"'settings' of field '%1' must be an object, got %2"_s.arg(fieldName, typeName(value)));
    const QJsonObject settings = value.toObject();
    if (type == FieldType::Number) {
        const QJsonValue dataType = settings.value("dataType"_L1);
        if (!dataType.isUndefined() && !dataType.isNull()
            && !QStringList{u"int"_s, u"float"_s, u"bigint"_s}.contains(dataType.toString())) {
            return fieldError(u"'settings.dataType' of field '%1' must be one of int, float, bigint"_s.arg(fieldName));
        }
        const QJsonValue decimals = settings.value("decimals"_L1);
        if (!decimals.isUndefined() && !decimals.isNull()
            && (!decimals.isDouble() || decimals.toDouble() < 0 || decimals.toDouble() != double(decimals.toInt()))) {
            return fieldError(u"'settings.decimals' of field '%1' must be a non-negative integer"_s.arg(fieldName));
        }
    }
    if (type == FieldType::Relation) {
        const QJsonValue onDelete = settings.value("onDelete"_L1);
        if (!onDelete.isUndefined() && !onDelete.isNull() && !onDeleteFromName(onDelete.toString())) {
            return fieldError(u"'settings.onDelete' of field '%1' must be one of CASCADE, SET_NULL, RESTRICT, "
                              "NO_ACTION"_s.arg(fieldName));
        }
    }
    return settings;
}

} // namespace vingt::metadatavalidation
