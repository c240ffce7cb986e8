#pragma once

#include "core/result.h"
#include "model/datamodel.h"

namespace vingt {

class Database;

/// @brief Reads and writes object and field metadata rows (core_objectMetadata, core_fieldMetadata).
/// Thread rule: uses the calling thread's connection of `database`; callers own the transaction.
class MetadataStore
{
public:
    /// Loads the whole data model of a workspace into a new snapshot.
    [[nodiscard]] static Result<DataModelPtr> load(Database &database);
    /// Inserts one object with all its fields.
    [[nodiscard]] static Result<void> insertObject(Database &database, const ObjectMetadata &object);
    /// Inserts (or replaces) one field row.
    [[nodiscard]] static Result<void> insertField(Database &database, const FieldMetadata &field, int position);
};

} // namespace vingt
