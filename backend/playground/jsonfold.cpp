#include "playground/jsonfold.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace vingt::playground {

using namespace Qt::StringLiterals;

namespace {

QString scalar(const QJsonValue &value)
{
    // QJsonDocument writes scalars exactly as in the pretty form (escapes, numbers); wrap and unwrap one.
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

void write(const QJsonValue &value, int level, int depth, QString &out)
{
    const bool isObject = value.isObject();
    if (!isObject && !value.isArray()) {
        out += scalar(value);
        return;
    }
    const qsizetype size = isObject ? value.toObject().size() : value.toArray().size();
    const QChar open = isObject ? u'{' : u'[';
    const QChar close = isObject ? u'}' : u']';
    if (size == 0) {
        out += open;
        out += close;
        return;
    }
    if (depth >= 0 && level >= depth) {
        out += open + u"…"_s
               + (isObject ? (size == 1 ? u"1 key"_s : u"%1 keys"_s.arg(size))
                           : (size == 1 ? u"1 item"_s : u"%1 items"_s.arg(size)))
               + close;
        return;
    }
    const QString inner(2 * (level + 1), u' ');
    out += open;
    out += u'\n';
    if (isObject) {
        const QJsonObject object = value.toObject();
        qsizetype i = 0;
        for (auto it = object.begin(); it != object.end(); ++it, ++i) {
            out += inner + scalar(it.key()) + u": "_s;
            write(it.value(), level + 1, depth, out);
            out += i + 1 < size ? u",\n"_s : u"\n"_s;
        }
    } else {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < size; ++i) {
            out += inner;
            write(array.at(i), level + 1, depth, out);
            out += i + 1 < size ? u",\n"_s : u"\n"_s;
        }
    }
    out += QString(2 * level, u' ') + close;
}

} // namespace

QString foldJson(const QByteArray &json, int depth)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || document.isNull())
        return QString::fromUtf8(json);
    QString out;
    write(document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array()), 0, depth, out);
    return out;
}

} // namespace vingt::playground
