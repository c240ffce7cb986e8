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

/// RFC 6901 escaping of one reference token.
QString token(QString key)
{
    return key.replace(u'~', u"~0"_s).replace(u'/', u"~1"_s);
}

class Writer
{
public:
    explicit Writer(const FoldState &state) : m_state(state) {}

    void write(const QJsonValue &value, const QString &pointer, int level)
    {
        const bool isObject = value.isObject();
        if (!isObject && !value.isArray()) {
            m_out.text += scalar(value);
            return;
        }
        const qsizetype size = isObject ? value.toObject().size() : value.toArray().size();
        const QChar open = isObject ? u'{' : u'[';
        const QChar close = isObject ? u'}' : u']';
        if (size == 0) {
            m_out.text += open;
            m_out.text += close;
            return;
        }
        m_out.lineNodes.back() = pointer; // this line opens the node (folded or not)
        if (m_state.isFolded(pointer, level)) {
            m_out.text += open + u"…"_s
                          + (isObject ? (size == 1 ? u"1 key"_s : u"%1 keys"_s.arg(size))
                                      : (size == 1 ? u"1 item"_s : u"%1 items"_s.arg(size)))
                          + close;
            return;
        }
        const QString inner(2 * (level + 1), u' ');
        m_out.text += open;
        newLine();
        if (isObject) {
            const QJsonObject object = value.toObject();
            qsizetype i = 0;
            for (auto it = object.begin(); it != object.end(); ++it, ++i) {
                m_out.text += inner + scalar(it.key()) + u": "_s;
                write(it.value(), pointer + u'/' + token(it.key()), level + 1);
                m_out.text += i + 1 < size ? u","_s : QString();
                newLine();
            }
        } else {
            const QJsonArray array = value.toArray();
            for (qsizetype i = 0; i < size; ++i) {
                m_out.text += inner;
                write(array.at(i), pointer + u'/' + QString::number(i), level + 1);
                m_out.text += i + 1 < size ? u","_s : QString();
                newLine();
            }
        }
        m_out.text += QString(2 * level, u' ') + close;
    }

    [[nodiscard]] FoldedJson take() { return std::move(m_out); }

private:
    void newLine()
    {
        m_out.text += u'\n';
        m_out.lineNodes.emplace_back();
    }

    const FoldState &m_state;
    FoldedJson m_out{{}, std::vector<std::optional<QString>>(1)};
};

} // namespace

bool FoldState::isFolded(const QString &pointer, int level) const
{
    if (folded.contains(pointer))
        return true;
    return depth >= 0 && level >= depth && !unfolded.contains(pointer);
}

void FoldState::toggle(const QString &pointer, int level)
{
    if (isFolded(pointer, level)) {
        folded.remove(pointer);
        if (depth >= 0 && level >= depth)
            unfolded.insert(pointer);
    } else {
        unfolded.remove(pointer);
        if (!(depth >= 0 && level >= depth))
            folded.insert(pointer);
    }
}

int pointerLevel(const QString &pointer)
{
    return int(pointer.count(u'/'));
}

FoldedJson foldJson(const QByteArray &json, const FoldState &state)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || document.isNull()) {
        const QString text = QString::fromUtf8(json);
        return {text, std::vector<std::optional<QString>>(std::size_t(text.count(u'\n')) + 1)};
    }
    Writer writer(state);
    writer.write(document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array()), QString(), 0);
    return writer.take();
}

QString foldJson(const QByteArray &json, int depth)
{
    FoldState state;
    state.depth = depth;
    return foldJson(json, state).text;
}

} // namespace vingt::playground
