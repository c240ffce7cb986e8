#include "core/jsonwriter.h"

#include <QLocale>

#include <charconv>
#include <cmath>

namespace vingt {

void JsonWriter::grow(qsizetype n)
{
    m_buffer.resize(std::max(m_buffer.size() * 2, m_size + n + 256));
}

QByteArray JsonWriter::take()
{
    m_buffer.resize(m_size);
    m_size = 0;
    return std::move(m_buffer);
}

void JsonWriter::separator()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_depth > 0) {
        const std::uint64_t bit = std::uint64_t(1) << (m_depth - 1);
        if (m_needComma & bit)
            append(',');
        else
            m_needComma |= bit;
    }
}

void JsonWriter::beginObject()
{
    separator();
    append('{');
    ++m_depth;
    m_needComma &= ~(std::uint64_t(1) << (m_depth - 1));
}

void JsonWriter::endObject()
{
    --m_depth;
    append('}');
}

void JsonWriter::beginArray()
{
    separator();
    append('[');
    ++m_depth;
    m_needComma &= ~(std::uint64_t(1) << (m_depth - 1));
}

void JsonWriter::endArray()
{
    --m_depth;
    append(']');
}

void JsonWriter::key(QStringView name)
{
    separator();
    appendEscaped(name);
    append(':');
    m_afterKey = true;
}

void JsonWriter::key(QLatin1StringView name)
{
    separator();
    append('"');
    append(name.data(), name.size()); // keys given as Latin-1 literals are plain identifiers
    append("\":", 2);
    m_afterKey = true;
}

void JsonWriter::value(QStringView text)
{
    separator();
    appendEscaped(text);
}

void JsonWriter::value(QLatin1StringView text)
{
    value(QStringView(QString(text)));
}

void JsonWriter::value(bool b)
{
    separator();
    if (b)
        append("true", 4);
    else
        append("false", 5);
}

void JsonWriter::value(std::int64_t n)
{
    separator();
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
    append(digits, end - digits);
}

void JsonWriter::value(double d)
{
    separator();
    if (!std::isfinite(d)) {
        append("null", 4);
        return;
    }
    char digits[40];
    if (d == std::floor(d) && std::fabs(d) < 1e15) {
        const auto end = std::to_chars(digits, digits + sizeof digits, static_cast<long long>(d)).ptr;
        append(digits, end - digits);
        return;
    }
    // The shortest text that reads back as the same double (one conversion, no retries).
    const auto end = std::to_chars(digits, digits + sizeof digits, d).ptr;
    append(digits, end - digits);
}

void JsonWriter::null()
{
    separator();
    append("null", 4);
}

void JsonWriter::raw(const QByteArray &json)
{
    separator();
    append(json.constData(), json.size());
}

void JsonWriter::appendEscaped(QStringView text)
{
    static const char hex[] = "0123456789abcdef";
    // Worst case per UTF-16 unit: 6 bytes (\u00XX) for a control character, 3 bytes of UTF-8 otherwise.
    char *out = reserve(2 + 6 * text.size());
    char *const start = out;
    *out++ = '"';
    const char16_t *p = text.utf16();
    const char16_t *const end = p + text.size();
    while (p != end) {
        const char16_t c = *p++;
        if (c < 0x80) {
            if (c >= 0x20 && c != '"' && c != '\\') {
                *out++ = char(c);
                continue;
            }
            *out++ = '\\';
            switch (c) {
            case '"': *out++ = '"'; break;
            case '\\': *out++ = '\\'; break;
            case '\n': *out++ = 'n'; break;
            case '\r': *out++ = 'r'; break;
            case '\t': *out++ = 't'; break;
            case '\b': *out++ = 'b'; break;
            case '\f': *out++ = 'f'; break;
            default:
                *out++ = 'u';
                *out++ = '0';
                *out++ = '0';
                *out++ = hex[c >> 4];
                *out++ = hex[c & 0xF];
            }
        } else if (c < 0x800) {
            *out++ = char(0xC0 | (c >> 6));
            *out++ = char(0x80 | (c & 0x3F));
        } else if (QChar::isHighSurrogate(c) && p != end && QChar::isLowSurrogate(*p)) {
            const char32_t u = QChar::surrogateToUcs4(c, *p++);
            *out++ = char(0xF0 | (u >> 18));
            *out++ = char(0x80 | ((u >> 12) & 0x3F));
            *out++ = char(0x80 | ((u >> 6) & 0x3F));
            *out++ = char(0x80 | (u & 0x3F));
        } else {
            // A lone surrogate is not valid Unicode: written as U+FFFD, as QString::toUtf8 does.
            const char32_t u = QChar::isSurrogate(c) ? 0xFFFD : c;
            *out++ = char(0xE0 | (u >> 12));
            *out++ = char(0x80 | ((u >> 6) & 0x3F));
            *out++ = char(0x80 | (u & 0x3F));
        }
    }
    *out++ = '"';
    m_size += out - start;
}

} // namespace vingt
