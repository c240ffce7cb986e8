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

} // namespace vingt::graphql::jsonout
