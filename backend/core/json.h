#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

namespace vingt::json {

/// The deepest nesting of arrays and objects parse() accepts (QJsonDocument's own limit).
inline constexpr int kMaxNesting = 1024;

/// Parses a request body. Errors name the problem and its offset: "Invalid JSON body: unterminated string at offset 12";
/// deeper than kMaxNesting: "Invalid JSON body: arrays and objects nest more than 1024 levels deep at offset N. ...".
[[nodiscard]] Result<QJsonValue> parse(const QByteArray &bytes);
/// Compact serialization of any JSON value (including scalars).
[[nodiscard]] QByteArray serialize(const QJsonValue &value);
/// Name of a JSON type for error messages: "a string", "a number", "an object", ...
[[nodiscard]] QString typeName(const QJsonValue &value);

} // namespace vingt::json
