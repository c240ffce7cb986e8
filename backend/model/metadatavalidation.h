#pragma once

#include "core/result.h"
#include "model/fieldmetadata.h"

#include <QJsonValue>
#include <QString>

#include <vector>

namespace vingt {

/// Error codes of metadata validation (API-CONTRACT §3.4), carried in Error::code for GraphQL's BAD_USER_INPUT.
namespace metadataerror {
inline constexpr auto kInvalidObjectInput = "INVALID_OBJECT_INPUT";
inline constexpr auto kInvalidFieldInput = "INVALID_FIELD_INPUT";
inline constexpr auto kReservedKeyword = "RESERVED_KEYWORD";
} // namespace metadataerror

/// @brief The pure rules of API-CONTRACT §3.4: names, options, default values and settings of object and field
/// metadata. Each returns a 400 naming the problem (messages are Vingt's choice where the contract gives none).
namespace metadatavalidation {

enum class NameKind { Object, Field };

/// `^[a-z][a-zA-Z0-9]*$`, 1..63 characters, not a reserved keyword. `what` names the input ("nameSingular").
[[nodiscard]] Result<void> validateName(const QString &name, NameKind kind, QLatin1StringView what);
/// True for the names Twenty reserves (RESERVED_METADATA_NAME_KEYWORDS and the GraphQL scalars/operators).
[[nodiscard]] bool isReservedName(const QString &name);
/// A label: non-empty string of at most 255 characters.
[[nodiscard]] Result<QString> validateLabel(const QJsonValue &value, QLatin1StringView what, const QString &code);
/// camelCase name derived from a label ("Pet Owners" → "petOwners"); empty when nothing usable remains.
[[nodiscard]] QString nameFromLabel(const QString &label);
/// Options of a SELECT, MULTI_SELECT or RATING field: non-empty, `{id?, value, label, position?, color?}` with
/// UPPER_SNAKE_CASE values, labels without commas, unique ids, values and positions. Missing ids are generated,
/// missing positions are the index. A RATING without options gets RATING_1..RATING_5.
[[nodiscard]] Result<std::vector<SelectOption>> parseOptions(const QJsonValue &value, FieldType type,
                                                             const QString &fieldName);
/// Checks and normalises a default value for `field` (type and options already set): SQL-quoted strings for
/// TEXT-like and SELECT values ("'NEW'"), plain numbers and booleans, objects of sub-values for composites.
[[nodiscard]] Result<QJsonValue> normalizeDefault(const QJsonValue &value, const FieldMetadata &field);
/// Checks `settings` for `type`: an object; NUMBER `dataType` int|float|bigint and integer `decimals`; relation
/// `onDelete` one of CASCADE, SET_NULL, RESTRICT, NO_ACTION.
[[nodiscard]] Result<QJsonObject> validateSettings(const QJsonValue &value, FieldType type, const QString &fieldName);
/// Parses an onDelete name.
[[nodiscard]] std::optional<OnDelete> onDeleteFromName(QStringView name);

} // namespace metadatavalidation

} // namespace vingt
