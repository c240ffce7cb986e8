#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>

#include <cstdint>
#include <cstring>

namespace vingt {

/// @brief Streaming JSON writer: appends compact JSON to one buffer with correct escaping.
/// Used for hot responses (lists of records) where QJsonObject building dominated (QT-NOTES §4).
/// Commas are inserted automatically; the caller is responsible for balanced begin/end calls.
class JsonWriter
{
public:
    JsonWriter() { m_buffer.resize(1024); }

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

    /// A copy of what was written so far.
    [[nodiscard]] QByteArray buffer() const { return QByteArray(m_buffer.constData(), m_size); }
    /// What was written; the writer is empty afterwards.
    [[nodiscard]] QByteArray take();

private:
    void separator();
    /// Room for `n` more bytes; returns where they go (m_size is not moved).
    char *reserve(qsizetype n)
    {
        if (m_size + n > m_buffer.size())
            grow(n);
        return m_buffer.data() + m_size;
    }
    void grow(qsizetype n);
    void append(char c) { *reserve(1) = c, ++m_size; }
    void append(const char *data, qsizetype n)
    {
        std::memcpy(reserve(n), data, size_t(n));
        m_size += n;
    }
    void appendEscaped(QStringView text);

    /// Written bytes are [0, m_size); the rest is spare capacity. Appending through data() of a QByteArray
    /// that is already detached avoids QByteArray::append's per-call bookkeeping (measured: a third of the time
    /// of a 60-record list response went to append/insert).
    QByteArray m_buffer;
    qsizetype m_size = 0;
    std::uint64_t m_needComma = 0; ///< one bit per nesting level (max 64 levels)
    int m_depth = 0;
    bool m_afterKey = false;
};

} // namespace vingt
