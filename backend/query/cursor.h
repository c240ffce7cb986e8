#pragma once

#include "core/result.h"
#include "model/fieldtype.h"
#include "query/orderby.h"

#include <QByteArray>
#include <QJsonObject>
#include <QStringView>
#include <QVariant>

#include <vector>

namespace vingt {

/// Encodes a cursor: standard base64 of the compact JSON `{<orderByColumn>: <value>, ..., "id": "<uuid>"}`
/// (API-CONTRACT §1.5). Opaque to clients.
[[nodiscard]] QByteArray encodeCursor(const QJsonObject &values);

/// Decodes a cursor into its values. Standard or URL-safe base64, padding optional; a space is read as `+` (a
/// cursor pasted into a URL unencoded). Not base64, not JSON, or not a JSON object → 400 `Invalid cursor`.
[[nodiscard]] Result<QJsonObject> decodeCursor(QStringView text);

/// Checks decoded cursor values against the current ordering (id tie-breaker included): every column present, each
/// value null or of its column's JSON type (number, boolean or string), `id` a UUID. Else 400 `Invalid cursor`
/// (Vingt's choice for a cursor of another ordering, §1.5).
[[nodiscard]] Result<void> validateCursor(const QJsonObject &values, const std::vector<ResolvedOrder> &order);

/// The JSON form of a stored value read back from SQL: booleans from 0/1, exact integers, doubles, strings, null.
[[nodiscard]] QJsonValue cursorValue(ValueKind kind, const QVariant &sqlValue);

/// The value of a cursor value for the keyset predicate, before SqlDialect::toSql() (null stays null).
[[nodiscard]] QVariant cursorBindValue(ValueKind kind, const QJsonValue &value);

} // namespace vingt
