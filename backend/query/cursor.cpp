#include "query/cursor.h"

#include "core/json.h"
#include "core/uuid.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace vingt {

using namespace Qt::StringLiterals;

namespace {

Error invalidCursor()
{
    return Error::badRequest(u"Invalid cursor"_s);
}

bool hasJsonTypeOf(ValueKind kind, const QJsonValue &value)
{
    switch (kind) {
    case ValueKind::Float:
    case ValueKind::Integer: return value.isDouble();
    case ValueKind::Boolean: return value.isBool();
    default: return value.isString();
    }
}

} // namespace

QByteArray encodeCursor(const QJsonObject &values)
{
    return QJsonDocument(values).toJson(QJsonDocument::Compact).toBase64();
}

Result<QJsonObject> decodeCursor(QStringView text)
{
    QByteArray bytes = text.trimmed().toLatin1();
    if (bytes.isEmpty())
        return invalidCursor();
    bytes.replace(' ', '+');
    auto decoded = QByteArray::fromBase64Encoding(bytes,
                                                  QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        decoded = QByteArray::fromBase64Encoding(bytes, QByteArray::Base64UrlEncoding
                                                            | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty())
        return invalidCursor();
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(decoded.decoded, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return invalidCursor();
    return document.object();
}

Result<void> validateCursor(const QJsonObject &values, const std::vector<ResolvedOrder> &order)
{
    for (const ResolvedOrder &term : order) {
        const auto it = values.constFind(term.column);
        if (it == values.constEnd())
            return invalidCursor();
        const QJsonValue value = it.value();
        if (value.isNull())
            continue;
        if (!hasJsonTypeOf(term.kind, value))
            return invalidCursor();
    }
    const QJsonValue id = values.value("id"_L1);
    if (!id.isString() || !uuid::isValid(id.toString()))
        return invalidCursor();
    return {};
}

QJsonValue cursorValue(ValueKind kind, const QVariant &sqlValue)
{
    if (sqlValue.isNull() || !sqlValue.isValid())
        return QJsonValue::Null;
    switch (kind) {
    case ValueKind::Boolean: return sqlValue.toLongLong() != 0 || sqlValue.toString() == "true"_L1;
    case ValueKind::Integer: return sqlValue.toLongLong();
    case ValueKind::Float: return sqlValue.toDouble();
    default: return sqlValue.toString();
    }
}

QVariant cursorBindValue(ValueKind kind, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined: return {};
    case QJsonValue::Bool: return value.toBool();
    case QJsonValue::Double: return kind == ValueKind::Integer ? QVariant(value.toInteger()) : value.toVariant();
    case QJsonValue::String: return value.toString();
    default: return QString::fromUtf8(json::serialize(value));
    }
}

} // namespace vingt
