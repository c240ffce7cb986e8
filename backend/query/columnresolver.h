#pragma once

#include "core/result.h"
#include "model/objectmetadata.h"

#include <QString>

namespace vingt {

/// @brief The storage column a filter or an ordering names, with the field it belongs to.
struct ResolvedColumn {
    const StorageColumn *column = nullptr;
    const FieldMetadata *field = nullptr; ///< the owning field (the relation field for a join column)
    bool isSubField = false;              ///< a composite sub-field (`name.firstName`)
    bool isJoinColumn = false;            ///< `companyId` of a MANY_TO_ONE relation

    /// `city`, `name.firstName`, `companyId`: how error messages name it.
    [[nodiscard]] QString displayName() const;
};

/// Resolves `field` (and `subField`) against an object's API fields (API-CONTRACT §1.4, §2.3):
/// - unknown or inactive field, relation field (`company`), sub-field of a non-composite →
///   400 `Field '<path>' not found on object '<singular>'` (relations are filtered through `companyId`);
/// - composite without sub-field → 400 naming it and listing its sub-fields;
/// - unknown sub-field → 400 naming it and listing the valid ones.
/// Join columns (`companyId`) are accepted by name.
[[nodiscard]] Result<ResolvedColumn> resolveColumn(const ObjectMetadata &object, const QString &field,
                                                   const QString &subField);

} // namespace vingt
