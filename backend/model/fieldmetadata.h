#pragma once

#include "model/fieldtype.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <vector>

namespace vingt {

enum class RelationType { None, ManyToOne, OneToMany };
enum class OnDelete { SetNull, Cascade, Restrict, NoAction };

[[nodiscard]] QLatin1StringView relationTypeName(RelationType type);
[[nodiscard]] QLatin1StringView onDeleteName(OnDelete onDelete);

/// @brief One option of a SELECT / MULTI_SELECT / RATING field (API-CONTRACT §3.4).
struct SelectOption {
    QString id;
    QString value;
    QString label;
    double position = 0;
    QString color;

    bool operator==(const SelectOption &) const = default;
};

/// @brief Metadata of one field, as stored in core_fieldMetadata. Plain data; lives inside an immutable DataModel.
struct FieldMetadata {
    QString id;
    QString objectMetadataId;
    QString name;
    QString label;
    QString description;
    QString icon;
    FieldType type = FieldType::Text;
    bool isCustom = false;
    bool isActive = true;
    bool isSystem = false;
    bool isNullable = true;
    bool isUnique = false;
    bool isLabelSyncedWithName = false;
    QJsonValue
        defaultValue; ///< Twenty's form: SQL-quoted strings ("'NEW'"), plain numbers/booleans, objects for composites
    std::vector<SelectOption> options;
    QJsonObject settings; ///< e.g. {dataType:"int"} for NUMBER, {relationType, onDelete, joinColumnName} for relations
    QString createdAt;
    QString updatedAt;

    // Relations (type RELATION): the other side.
    RelationType relationType = RelationType::None;
    QString relationTargetObjectMetadataId;
    QString relationTargetFieldMetadataId;
    OnDelete onDelete = OnDelete::SetNull;

    /// The join column of a MANY_TO_ONE relation (`companyId`); empty otherwise.
    [[nodiscard]] QString joinColumnName() const;
    [[nodiscard]] bool isManyToOne() const
    {
        return type == FieldType::Relation && relationType == RelationType::ManyToOne;
    }
    [[nodiscard]] bool isOneToMany() const
    {
        return type == FieldType::Relation && relationType == RelationType::OneToMany;
    }
    /// The value kind of a scalar (non-composite, non-relation) field.
    [[nodiscard]] ValueKind scalarKind() const;
    [[nodiscard]] bool hasOption(QStringView value) const;
    [[nodiscard]] QStringList optionValues() const;
    /// Unquoted default of a scalar field ("'NEW'" → "NEW"); null when there is none.
    [[nodiscard]] QJsonValue unquotedDefault() const;

    bool operator==(const FieldMetadata &) const = default;
};

/// Removes Twenty's SQL quoting from a default value string: "'NEW'" → "NEW"; other values unchanged.
[[nodiscard]] QJsonValue unquoteDefault(const QJsonValue &value);

} // namespace vingt
