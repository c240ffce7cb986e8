#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QStringView>

namespace vingt::graphql::jsonout {

/// Compact JSON writing into a byte buffer, without the nesting limit of vingt::JsonWriter (GraphQL results
/// and JSON scalars can nest deeper than 64 levels). Strings are escaped as vingt::JsonWriter escapes them.
void appendString(QByteArray &out, QStringView text);
/// Integral values print without a fraction (2^53 range), others in the shortest round-trip form;
/// non-finite values print as null.
void appendNumber(QByteArray &out, double value);
void appendValue(QByteArray &out, const QJsonValue &value);

/// @brief A growing byte buffer for large JSON documents (GraphQL responses): writes through a raw pointer, so
/// appending a comma or a key costs a few instructions. take() hands the bytes over.
class Buffer
{
public:
    explicit Buffer(qsizetype capacity = 4096);

    void append(char c)
    {
        reserve(1);
        m_data[m_size++] = c;
    }
    void append(const char *bytes, qsizetype length);
    void append(const QByteArray &bytes) { append(bytes.constData(), bytes.size()); }
    void appendString(QStringView text);
    void appendValue(const QJsonValue &value);

    [[nodiscard]] QByteArray take();

private:
    void reserve(qsizetype extra)
    {
        if (m_size + extra > m_bytes.size())
            grow(extra);
    }
    void grow(qsizetype extra);

    QByteArray m_bytes;
    char *m_data = nullptr;
    qsizetype m_size = 0;
};

} // namespace vingt::graphql::jsonout
