#include "core/json.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace vingt::json {

Result<QJsonValue> parse(const QByteArray &bytes)
{
    const QByteArray trimmed = bytes.trimmed();
    if (trimmed.isEmpty())
        return Error::badRequest(QStringLiteral("Invalid JSON body: the body is empty"));
    // QJsonDocument only takes objects and arrays at the top level; wrap scalars so "3" or "\"x\"" parse too.
    const bool container = trimmed.startsWith('{') || trimmed.startsWith('[');
    QJsonParseError error{};
    const QByteArray input = container ? trimmed : QByteArray("[" + trimmed + "]");
    const QJsonDocument doc = QJsonDocument::fromJson(input, &error);
    if (error.error != QJsonParseError::NoError) {
        const int offset = container ? error.offset : qMax(0, error.offset - 1);
        if (error.error == QJsonParseError::DeepNesting) {
            return Error::badRequest(
                QStringLiteral("Invalid JSON body: arrays and objects nest more than %1 levels deep at offset %2. "
                               "Flatten the document")
                    .arg(kMaxNesting)
                    .arg(offset));
        }
        return Error::badRequest(
            QStringLiteral("Invalid JSON body: %1 at offset %2").arg(error.errorString()).arg(offset));
    }
    if (!container)
        return doc.array().at(0);
    return doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
}

QByteArray serialize(const QJsonValue &value)
{
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return QStringLiteral("a boolean");
    case QJsonValue::Double: return QStringLiteral("a number");
    case QJsonValue::String: return QStringLiteral("a string");
    case QJsonValue::Array: return QStringLiteral("an array");
    case QJsonValue::Object: return QStringLiteral("an object");
    case QJsonValue::Undefined: break;
    }
    return QStringLiteral("undefined");
}

} // namespace vingt::json
