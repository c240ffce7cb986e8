#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

namespace vingt::json {

/// Parses a request body. Errors name the problem and its offset: "Invalid JSON body: unterminated string at offset 12".
[[nodiscard]] Result<QJsonValue> parse(const QByteArray &bytes);
/// Compact serialization of any JSON value (including scalars).
[[nodiscard]] QByteArray serialize(const QJsonValue &value);
/// Name of a JSON type for error messages: "a string", "a number", "an object", ...
[[nodiscard]] QString typeName(const QJsonValue &value);

} // namespace vingt::json
