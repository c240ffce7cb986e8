#pragma once

#include "graphql/type/definition.h"

#include <QJsonArray>
#include <QJsonValue>

#include <functional>

namespace vingt::graphql {

/// Reports one coercion problem: where (input path), the offending value and the message.
using CoercionErrorHandler = std::function<void(const QJsonArray &path, const QJsonValue &invalidValue, const QString &message)>;

/// Coerces an external JSON value (a variable, a default) to the internal value of an input type (spec §3.10,
/// graphql-js coerceInputValue): input-object defaults applied, single values wrapped into lists, scalars parsed.
/// Every problem goes to `onError`; the result is meaningful only when there was none.
[[nodiscard]] QJsonValue coerceInputValue(const QJsonValue &value, TypeRef type, const CoercionErrorHandler &onError);

} // namespace vingt::graphql
