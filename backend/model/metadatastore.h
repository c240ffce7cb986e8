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
    /// Inserts or updates one object row (not its fields).
    [[nodiscard]] static Result<void> upsertObjectRow(Database &database, const ObjectMetadata &object);
    /// Inserts or updates one field row.
    [[nodiscard]] static Result<void> insertField(Database &database, const FieldMetadata &field, int position);
    /// Deletes one field row and the permissions that name it.
    [[nodiscard]] static Result<void> deleteField(Database &database, const QString &fieldId);
    /// Deletes one object row, its fields and the permissions that name it.
    [[nodiscard]] static Result<void> deleteObject(Database &database, const QString &objectId);
    /// Writes the rows that differ between two data models (objects and fields matched by id).
    [[nodiscard]] static Result<void> save(Database &database, const DataModel &before, const DataModel &after);
};

} // namespace vingt
