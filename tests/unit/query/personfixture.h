#pragma once

#include "model/objectmetadata.h"

#include <QJsonObject>

namespace vingt::test {

/// A `person` object with one field of every kind the query module cares about.
inline ObjectMetadata personObject()
{
    ObjectMetadata object;
    object.id = QStringLiteral("object-person");
    object.nameSingular = QStringLiteral("person");
    object.namePlural = QStringLiteral("people");
    auto add = [&](const char *name, FieldType type) -> FieldMetadata & {
        FieldMetadata field;
        field.id = QStringLiteral("field-") + QLatin1StringView(name);
        field.objectMetadataId = object.id;
        field.name = QLatin1StringView(name);
        field.type = type;
        object.fields.push_back(field);
        return object.fields.back();
    };
    add("id", FieldType::Uuid);
    add("name", FieldType::FullName);
    add("city", FieldType::Text);
    add("emails", FieldType::Emails);
    add("position", FieldType::Position);
    add("employees", FieldType::Number);
    add("score", FieldType::Numeric);
    FieldMetadata &stage = add("stage", FieldType::Select);
    stage.options = {
        {QStringLiteral("o1"), QStringLiteral("NEW"), QStringLiteral("New"), 0, QStringLiteral("red")},
        {QStringLiteral("o2"), QStringLiteral("CUSTOMER"), QStringLiteral("Customer"), 1, QStringLiteral("green")}};
    add("tags", FieldType::MultiSelect);
    add("aliases", FieldType::Array);
    add("data", FieldType::RawJson);
    add("isActive", FieldType::Boolean);
    add("birthday", FieldType::Date);
    add("createdAt", FieldType::DateTime);
    add("deletedAt", FieldType::DateTime);
    FieldMetadata &company = add("company", FieldType::Relation);
    company.relationType = RelationType::ManyToOne;
    company.settings = QJsonObject{{QStringLiteral("relationType"), QStringLiteral("MANY_TO_ONE")},
                                   {QStringLiteral("joinColumnName"), QStringLiteral("companyId")}};
    FieldMetadata &notes = add("notes", FieldType::Relation);
    notes.relationType = RelationType::OneToMany;
    add("searchVector", FieldType::TsVector);
    add("oldField", FieldType::Text).isActive = false;
    object.finalize();
    return object;
}

} // namespace vingt::test
