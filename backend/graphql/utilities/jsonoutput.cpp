#include "utilities/jsonoutput.h"

#include "core/jsonwriter.h"

#include <QJsonArray>
#include <QJsonObject>

#include <charconv>
#include <cmath>
#include <limits>

namespace vingt::graphql::jsonout {

void appendString(QByteArray &out, QStringView text)
{
    JsonWriter::appendEscaped(out, text);
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
