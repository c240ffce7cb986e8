#pragma once

#include <QLatin1StringView>
#include <QString>

#include <optional>
#include <span>

namespace vingt {

/// @brief Twenty's FieldMetadataType (API-CONTRACT §3.3).
enum class FieldType {
    Uuid, Text, Phones, Emails, DateTime, Date, Boolean, Number, Numeric, Links, Currency, FullName, Rating, Select,
    MultiSelect, Relation, MorphRelation, Position, Address, RawJson, RichText, RichTextV2, Actor, Array, TsVector,
};

/// @brief How one stored value is typed: decides the SQL column type, input validation, output JSON and filter casts.
enum class ValueKind {
    Text,        ///< TEXT, JSON string
    Uuid,        ///< TEXT holding a UUID
    DateTime,    ///< TEXT `YYYY-MM-DDTHH:MM:SS.sssZ` (sorts correctly)
    Date,        ///< TEXT `YYYY-MM-DD`
    Boolean,     ///< INTEGER 0/1
    Float,       ///< REAL
    Integer,     ///< INTEGER (int64): NUMERIC, amountMicros, NUMBER with dataType int/bigint
    Json,        ///< TEXT holding JSON (RAW_JSON, ARRAY, list sub-fields)
    Select,      ///< TEXT, one of the field's option values
    MultiSelect, ///< TEXT holding a JSON array of option values
};

/// @brief One sub-field of a composite type; stored as column `<field><Name>` (API-CONTRACT §2.4).
struct SubField {
    QLatin1StringView name;
    ValueKind kind;
    bool textDefaultEmpty; ///< reads "" when never set (TEXT sub-fields)
};

[[nodiscard]] QLatin1StringView fieldTypeName(FieldType type);
[[nodiscard]] std::optional<FieldType> fieldTypeFromName(QStringView name);
[[nodiscard]] bool isComposite(FieldType type);
[[nodiscard]] bool isRelation(FieldType type);
/// Sub-fields of a composite type, in wire order; empty for other types.
[[nodiscard]] std::span<const SubField> compositeSubFields(FieldType type);
/// Storage column name of a composite sub-field: `name` + `PrimaryEmail` → `namePrimaryEmail`... i.e. field + Pascal(sub).
[[nodiscard]] QString compositeColumnName(const QString &field, QLatin1StringView subField);
/// Upper-cases only the first letter (API-CONTRACT: Pascal(x)).
[[nodiscard]] QString pascal(QStringView name);
/// Values allowed in ACTOR.source.
[[nodiscard]] std::span<const QLatin1StringView> actorSources();

} // namespace vingt
