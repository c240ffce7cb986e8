#pragma once

#include "model/fieldmetadata.h"

#include <QHash>

#include <vector>

namespace vingt {

/// @brief One stored column of an object's table: a scalar field, a composite sub-field or a join column.
struct StorageColumn {
    QString name; ///< `city`, `nameFirstName`, `companyId`
    ValueKind kind;
    int fieldIndex = -1;    ///< index into ObjectMetadata::fields
    int subFieldIndex = -1; ///< index into compositeSubFields(field.type), or -1
};

/// @brief Metadata of one object (standard or custom) with its fields. Immutable once inside a DataModel.
struct ObjectMetadata {
    QString id;
    QString nameSingular;
    QString namePlural;
    QString labelSingular;
    QString labelPlural;
    QString description;
    QString icon;
    QString shortcut;
    QString color;
    bool isCustom = false;
    bool isActive = true;
    bool isSystem = false;
    bool isRemote = false;
    bool isSearchable = false;
    bool isLabelSyncedWithName = false;
    QString labelIdentifierFieldMetadataId;
    QString imageIdentifierFieldMetadataId;
    QList<QStringList> duplicateCriteria;
    QString createdAt;
    QString updatedAt;
    std::vector<FieldMetadata> fields;

    // Derived by DataModel (finalize()):
    std::vector<StorageColumn> columns;
    QHash<QString, int> fieldIndexByName;
    QHash<QString, int> columnIndexByName;
    std::vector<int> fieldFirstColumn; ///< per field: index of its first column in `columns`, or -1
    std::vector<QByteArray> fieldKeys; ///< per field: its name in UTF-8, for writing JSON keys without conversion
    /// SQL text derived once per snapshot (identifiers double-quoted, as every supported dialect does).
    struct Sql {
        QString table;      ///< `"person"`
        QString columnList; ///< `"id","createdAt",…` in `columns` order
        QString insert;     ///< `INSERT INTO "person" (…) VALUES (?,…)`
        QString selectById; ///< `SELECT … FROM "person" WHERE "id" = ?`
    } sql;

    /// The SQL table holding this object's records.
    [[nodiscard]] QString tableName() const { return nameSingular; }
    [[nodiscard]] const FieldMetadata *field(const QString &name) const;
    [[nodiscard]] const FieldMetadata *fieldById(const QString &id) const;
    [[nodiscard]] const StorageColumn *column(const QString &name) const;
    /// Fields that are active and visible through the API (not TS_VECTOR).
    [[nodiscard]] bool isApiField(const FieldMetadata &field) const;
    [[nodiscard]] const FieldMetadata *labelIdentifierField() const;
    /// The columns of the object's table: those of `columns` plus, with `includeInactive`, the columns of deactivated
    /// fields, which stay in the table (a field can be reactivated) but are not read or written.
    [[nodiscard]] std::vector<StorageColumn> storageColumns(bool includeInactive) const;
    /// True when the stored row of core_objectMetadata would be the same (fields not compared).
    [[nodiscard]] bool sameRow(const ObjectMetadata &other) const;
    /// Builds columns and name indexes from `fields`.
    void finalize();
};

} // namespace vingt
