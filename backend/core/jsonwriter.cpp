#include "core/jsonwriter.h"

#include <QLocale>

#include <cmath>

namespace vingt {

void JsonWriter::separator()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_depth > 0) {
        const std::uint64_t bit = std::uint64_t(1) << (m_depth - 1);
        if (m_needComma & bit)
            m_buffer.append(',');
        else
            m_needComma |= bit;
    }
}

void JsonWriter::beginObject()
{
    separator();
    m_buffer.append('{');
    ++m_depth;
    m_needComma &= ~(std::uint64_t(1) << (m_depth - 1));
}

void JsonWriter::endObject()
{
    --m_depth;
    m_buffer.append('}');
}

void JsonWriter::beginArray()
{
    separator();
    m_buffer.append('[');
    ++m_depth;
    m_needComma &= ~(std::uint64_t(1) << (m_depth - 1));
}

void JsonWriter::endArray()
{
    --m_depth;
    m_buffer.append(']');
}

void JsonWriter::key(QStringView name)
{
    separator();
    appendEscaped(m_buffer, name);
    m_buffer.append(':');
    m_afterKey = true;
}

void JsonWriter::key(QLatin1StringView name)
{
    separator();
    m_buffer.append('"');
    m_buffer.append(name.data(), name.size()); // keys given as Latin-1 literals are plain identifiers
    m_buffer.append("\":", 2);
    m_afterKey = true;
}

void JsonWriter::value(QStringView text)
{
    separator();
    appendEscaped(m_buffer, text);
}

void JsonWriter::value(QLatin1StringView text)
{
    value(QStringView(QString(text)));
}

void JsonWriter::value(bool b)
{
    separator();
    m_buffer.append(b ? "true" : "false");
}

void JsonWriter::value(std::int64_t n)
{
    separator();
    m_buffer.append(QByteArray::number(static_cast<qlonglong>(n)));
}

void JsonWriter::value(double d)
{
    separator();
    if (!std::isfinite(d)) {
        m_buffer.append("null");
        return;
    }
    if (d == std::floor(d) && std::fabs(d) < 1e15) {
        m_buffer.append(QByteArray::number(static_cast<qlonglong>(d)));
        return;
    }
    // The shortest text that reads back as the same double (one conversion, no retries).
    m_buffer.append(QByteArray::number(d, 'g', QLocale::FloatingPointShortest));
}

void JsonWriter::null()
{
    separator();
    m_buffer.append("null");
}

void JsonWriter::raw(const QByteArray &json)
{
    separator();
    m_buffer.append(json);
}

void JsonWriter::appendEscaped(QByteArray &out, QStringView text)
{
    static const char hex[] = "0123456789abcdef";
    out.append('"');
    const QByteArray utf8 = text.toUtf8();
    const char *p = utf8.constData();
    const char *end = p + utf8.size();
    const char *run = p;
    for (; p != end; ++p) {
        const auto c = static_cast<unsigned char>(*p);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(run, p - run);
        switch (c) {
        case '"': out.append("\\\"", 2); break;
        case '\\': out.append("\\\\", 2); break;
        case '\n': out.append("\\n", 2); break;
        case '\r': out.append("\\r", 2); break;
        case '\t': out.append("\\t", 2); break;
        case '\b': out.append("\\b", 2); break;
        case '\f': out.append("\\f", 2); break;
        default: {
            const char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF]};
            out.append(esc, 6);
        }
        }
        run = p + 1;
    }
    out.append(run, end - run);
    out.append('"');
}

} // namespace vingt
