#pragma once

#include "model/objectmetadata.h"

#include <vector>

namespace vingt {

/// @brief The standard objects of a new workspace (API-CONTRACT §4), with fresh ids, their relations
/// (both sides), select options, unique fields, label identifiers and duplicate criteria.
[[nodiscard]] std::vector<ObjectMetadata> standardObjects();

/// The system fields every object gets: id, createdAt, updatedAt, deletedAt (+ position, createdBy, updatedBy when
/// asked). Used by the standard objects and by custom objects (§3.5).
void addSystemFields(ObjectMetadata &object, bool withPosition, bool withActors);

/// Creates both sides of a MANY_TO_ONE relation: `source.<fieldName>` (join column `<fieldName>Id`) and
/// `target.<inverseName>` (ONE_TO_MANY).
void addRelation(ObjectMetadata &source, const QString &fieldName, const QString &label, ObjectMetadata &target,
                 const QString &inverseName, const QString &inverseLabel, OnDelete onDelete, const QString &icon = {});

} // namespace vingt
