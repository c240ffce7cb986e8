#pragma once

#include "core/jsonwriter.h"
#include "model/datamodel.h"

#include <QJsonObject>

#include <functional>

namespace vingt {

/// @brief The one JSON form of object and field metadata (API-CONTRACT §3.3), shared by the REST Metadata API, the
/// CLI's model export and anything else that writes metadata as JSON.
namespace metadatajson {

/// Which properties to write.
enum class Projection {
    Rest, ///< the default REST projection of §3.1
    Full, ///< every §3.3 property (the read-only fixed ones of the client SDK excepted)
};

/// One Object; with `withFields` its fields are inlined as a plain `fields` array (§3.1), those `includeField`
/// accepts when it is given.
void writeObject(JsonWriter &out, const DataModel &model, const ObjectMetadata &object, bool withFields,
                 Projection projection = Projection::Rest,
                 const std::function<bool(const FieldMetadata &)> &includeField = {});
/// One Field, with its `relation` (null unless a relation).
void writeField(JsonWriter &out, const DataModel &model, const ObjectMetadata &object, const FieldMetadata &field,
                Projection projection = Projection::Rest);

/// `"name": "value"`.
void text(JsonWriter &out, QLatin1StringView name, const QString &value);
/// `"name": "value"`, or `"name": null` when the value is empty (shared by the JSON forms of other entities).
void nullableText(JsonWriter &out, QLatin1StringView name, const QString &value);

/// A SELECT / MULTI_SELECT / RATING option as a JSON object: `{id, value, label, position, color}`.
[[nodiscard]] QJsonObject option(const SelectOption &option);

} // namespace metadatajson

} // namespace vingt
