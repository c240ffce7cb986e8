#include "graphql/utilities/jsonoutput.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>

namespace vingt::graphql::jsonout {

namespace {

/// Writes the escaped UTF-8 of `text` with its quotes at `p`; answers the end. `p` must have room for the worst
/// case: 6 bytes per UTF-16 unit (a control character escape) plus the quotes.
char *writeEscaped(char *p, const char16_t *data, qsizetype length)
{
    static const char hex[] = "0123456789abcdef";
    *p++ = '"';
    for (qsizetype i = 0; i < length; ++i) {
        char16_t c = data[i];
        if (c < 0x80) {
            if (c >= 0x20 && c != u'"' && c != u'\\') {
                *p++ = char(c);
                continue;
            }
            *p++ = '\\';
            switch (c) {
            case u'"': *p++ = '"'; break;
            case u'\\': *p++ = '\\'; break;
            case u'\n': *p++ = 'n'; break;
            case u'\r': *p++ = 'r'; break;
            case u'\t': *p++ = 't'; break;
            case u'\b': *p++ = 'b'; break;
            case u'\f': *p++ = 'f'; break;
            default:
                *p++ = 'u';
                *p++ = '0';
                *p++ = '0';
                *p++ = hex[c >> 4];
                *p++ = hex[c & 0xF];
            }
        } else if (c < 0x800) {
            *p++ = char(0xC0 | (c >> 6));
            *p++ = char(0x80 | (c & 0x3F));
        } else if (QChar::isHighSurrogate(c) && i + 1 < length && QChar::isLowSurrogate(data[i + 1])) {
            const char32_t u = QChar::surrogateToUcs4(c, data[++i]);
            *p++ = char(0xF0 | (u >> 18));
            *p++ = char(0x80 | ((u >> 12) & 0x3F));
            *p++ = char(0x80 | ((u >> 6) & 0x3F));
            *p++ = char(0x80 | (u & 0x3F));
        } else {
            if (QChar::isSurrogate(c))
                c = 0xFFFD; // a lone surrogate, as QString::toUtf8() writes it
            *p++ = char(0xE0 | (c >> 12));
            *p++ = char(0x80 | ((c >> 6) & 0x3F));
            *p++ = char(0x80 | (c & 0x3F));
        }
    }
    *p++ = '"';
    return p;
}

} // namespace

void appendString(QByteArray &out, QStringView text)
{
    // Straight from UTF-16 to escaped UTF-8, the escapes of vingt::JsonWriter: room for the worst case, then the
    // buffer is cut to what was written (short strings), or sized exactly first (long ones).
    const qsizetype length = text.size();
    const qsizetype start = out.size();
    qsizetype room = 6 * length + 2;
    if (length > 4096) {
        room = 2;
        for (qsizetype i = 0; i < length; ++i) {
            const char16_t c = text.utf16()[i];
            room += c < 0x20 ? 6 : c < 0x80 ? ((c == u'"' || c == u'\\') ? 2 : 1) : c < 0x800 ? 2 : 3;
        }
    }
    out.resize(start + room);
    char *end = writeEscaped(out.data() + start, text.utf16(), length);
    out.resize(end - out.constData());
}

void appendNumber(QByteArray &out, double value)
{
    if (!std::isfinite(value)) {
        out.append("null");
        return;
    }
    char buffer[64];
    if (value == std::floor(value) && std::fabs(value) < 9007199254740992.0) {
        const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, static_cast<long long>(value));
        out.append(buffer, end - buffer);
        return;
    }
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, end - buffer);
}

namespace {

/// Writes a JSON number (at least 64 bytes of room) and answers the end: Qt 6 keeps integers exactly (beyond
/// 2^53), toInteger() answers the sentinel for non-integers.
char *formatNumber(char *buffer, const QJsonValue &value)
{
    constexpr qint64 kSentinel = std::numeric_limits<qint64>::min();
    const qint64 integer = value.toInteger(kSentinel);
    if (integer != kSentinel)
        return std::to_chars(buffer, buffer + 64, static_cast<long long>(integer)).ptr;
    const double d = value.toDouble();
    if (!std::isfinite(d)) {
        std::memcpy(buffer, "null", 4);
        return buffer + 4;
    }
    if (d == std::floor(d) && std::fabs(d) < 9007199254740992.0)
        return std::to_chars(buffer, buffer + 64, static_cast<long long>(d)).ptr;
    return std::to_chars(buffer, buffer + 64, d).ptr;
}

} // namespace

void appendValue(QByteArray &out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined: out.append("null"); return;
    case QJsonValue::Bool: out.append(value.toBool() ? "true" : "false"); return;
    case QJsonValue::Double: {
        char buffer[64];
        out.append(buffer, formatNumber(buffer, value) - buffer);
        return;
    }
    case QJsonValue::String: appendString(out, value.toString()); return;
    case QJsonValue::Array: {
        out.append('[');
        bool first = true;
        for (const QJsonValue &item : value.toArray()) {
            if (!first)
                out.append(',');
            first = false;
            appendValue(out, item);
        }
        out.append(']');
        return;
    }
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        out.append('{');
        bool first = true;
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!first)
                out.append(',');
            first = false;
            appendString(out, it.key());
            out.append(':');
            appendValue(out, it.value());
        }
        out.append('}');
        return;
    }
    }
}

Buffer::Buffer(qsizetype capacity)
{
    m_bytes.resize(std::max<qsizetype>(capacity, 64));
    m_data = m_bytes.data();
}

void Buffer::grow(qsizetype extra)
{
    m_bytes.resize(std::max(m_bytes.size() * 2, m_size + extra));
    m_data = m_bytes.data();
}

void Buffer::append(const char *bytes, qsizetype length)
{
    reserve(length);
    std::memcpy(m_data + m_size, bytes, size_t(length));
    m_size += length;
}

void Buffer::appendString(QStringView text)
{
    const qsizetype length = text.size();
    qsizetype room = 6 * length + 2;
    if (length > 4096) {
        room = 2;
        for (qsizetype i = 0; i < length; ++i) {
            const char16_t c = text.utf16()[i];
            room += c < 0x20 ? 6 : c < 0x80 ? ((c == u'"' || c == u'\\') ? 2 : 1) : c < 0x800 ? 2 : 3;
        }
    }
    reserve(room);
    m_size = writeEscaped(m_data + m_size, text.utf16(), length) - m_data;
}

void Buffer::appendValue(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String: appendString(value.toString()); return;
    case QJsonValue::Array:
    case QJsonValue::Object: {
        QByteArray nested; // JSON scalars: rare, nested, written the simple way
        jsonout::appendValue(nested, value);
        append(nested);
        return;
    }
    case QJsonValue::Bool: value.toBool() ? append("true", 4) : append("false", 5); return;
    case QJsonValue::Double: {
        char buffer[64];
        append(buffer, formatNumber(buffer, value) - buffer);
        return;
    }
    case QJsonValue::Null:
    case QJsonValue::Undefined: append("null", 4); return;
    }
}

QByteArray Buffer::take()
{
    m_bytes.resize(m_size);
    m_data = nullptr;
    m_size = 0;
    return std::move(m_bytes);
}

} // namespace vingt::graphql::jsonout
