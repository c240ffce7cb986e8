#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>

#include <cstdint>

namespace vingt {

/// @brief Streaming JSON writer: appends compact JSON to one buffer with correct escaping.
/// Used for hot responses (lists of records) where QJsonObject building dominated (QT-NOTES §4).
/// Commas are inserted automatically; the caller is responsible for balanced begin/end calls.
class JsonWriter
{
public:
    JsonWriter() { m_buffer.reserve(1024); }

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();

    /// Writes `"name":` inside an object. The name is escaped.
    void key(QStringView name);
    void key(QLatin1StringView name);

    void value(QStringView text);
    void value(QLatin1StringView text);
    void value(const char *text) { value(QLatin1StringView(text)); }
    void value(bool b);
    void value(std::int64_t n);
    void value(int n) { value(static_cast<std::int64_t>(n)); }
    void value(double d);
    void null();
    /// Appends already-serialized JSON (must be valid JSON).
    void raw(const QByteArray &json);

    [[nodiscard]] const QByteArray &buffer() const { return m_buffer; }
    [[nodiscard]] QByteArray take() { return std::move(m_buffer); }

    static void appendEscaped(QByteArray &out, QStringView text);

private:
    void separator();

    QByteArray m_buffer;
    std::uint64_t m_needComma = 0; ///< one bit per nesting level (max 64 levels)
    int m_depth = 0;
    bool m_afterKey = false;
};

} // namespace vingt
