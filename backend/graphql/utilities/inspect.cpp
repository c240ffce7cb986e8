#include "graphql/utilities/inspect.h"

#include "graphql/utilities/jsonoutput.h"

#include <QJsonObject>

namespace vingt::graphql {

using namespace Qt::StringLiterals;

namespace {

QString inspectValue(const QJsonValue &value, int depth)
{
    switch (value.type()) {
    case QJsonValue::Null: return u"null"_s;
    case QJsonValue::Undefined: return u"undefined"_s;
    case QJsonValue::Bool: return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double: {
        QByteArray out;
        jsonout::appendValue(out, value);
        return QString::fromLatin1(out);
    }
    case QJsonValue::String: {
        QByteArray out;
        jsonout::appendString(out, value.toString());
        return QString::fromUtf8(out);
    }
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        if (array.isEmpty())
            return u"[]"_s;
        if (depth > 2)
            return u"[Array]"_s;
        QStringList items;
        for (const QJsonValue &item : array)
            items.append(inspectValue(item, depth + 1));
        return u'[' + items.join(u", "_s) + u']';
    }
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        if (object.isEmpty())
            return u"{}"_s;
        if (depth > 2)
            return u"[Object]"_s;
        QStringList members;
        for (auto it = object.begin(); it != object.end(); ++it)
            members.append(it.key() + u": "_s + inspectValue(it.value(), depth + 1));
        return u"{ "_s + members.join(u", "_s) + u" }"_s;
    }
    }
    return {};
}

} // namespace

QString inspect(const QJsonValue &value)
{
    return inspectValue(value, 0);
}

QString printPathArray(const QJsonArray &path)
{
    QString out;
    for (const QJsonValue &segment : path) {
        if (segment.isString())
            out += u'.' + segment.toString();
        else
            out += u'[' + QString::number(segment.toInteger()) + u']';
    }
    return out;
}

} // namespace vingt::graphql
