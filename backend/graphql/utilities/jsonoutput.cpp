#include "graphql/utilities/jsonoutput.h"

#include <QJsonArray>
#include <QJsonObject>

#include <charconv>
#include <cmath>
#include <limits>

namespace vingt::graphql::jsonout {

void appendString(QByteArray &out, QStringView text)
{
    // Straight from UTF-16 to escaped UTF-8 (no temporary QByteArray): size first, then fill. Lone surrogates
    // become U+FFFD, as QString::toUtf8() does; the escapes are JsonWriter's.
    const char16_t *data = text.utf16();
    const qsizetype length = text.size();
    qsizetype bytes = 2;
    for (qsizetype i = 0; i < length; ++i) {
        const char16_t c = data[i];
        if (c < 0x80)
            bytes += (c < 0x20) ? ((c == u'\n' || c == u'\r' || c == u'\t' || c == u'\b' || c == u'\f') ? 2 : 6)
                                : ((c == u'"' || c == u'\\') ? 2 : 1);
        else if (c < 0x800)
            bytes += 2;
        else if (QChar::isHighSurrogate(c) && i + 1 < length && QChar::isLowSurrogate(data[i + 1])) {
            bytes += 4;
            ++i;
        } else
            bytes += 3;
    }
    const qsizetype start = out.size();
    out.resize(start + bytes);
    char *p = out.data() + start;
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
                c = 0xFFFD;
            *p++ = char(0xE0 | (c >> 12));
            *p++ = char(0x80 | ((c >> 6) & 0x3F));
            *p++ = char(0x80 | (c & 0x3F));
        }
    }
    *p++ = '"';
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
void appendInteger(QByteArray &out, qint64 value)
{
    char buffer[32];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, static_cast<long long>(value));
    out.append(buffer, end - buffer);
}
} // namespace

void appendValue(QByteArray &out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined: out.append("null"); return;
    case QJsonValue::Bool: out.append(value.toBool() ? "true" : "false"); return;
    case QJsonValue::Double: {
        // Qt 6 keeps integers exactly (beyond 2^53); toInteger() answers the sentinel for non-integers.
        constexpr qint64 kSentinel = std::numeric_limits<qint64>::min();
        const qint64 integer = value.toInteger(kSentinel);
        if (integer != kSentinel)
            appendInteger(out, integer);
        else
            appendNumber(out, value.toDouble());
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

} // namespace vingt::graphql::jsonout
