#pragma once

#include "core/result.h"
#include "graphql/type/schemabuilder.h"
#include "model/datamodel.h"

#include <functional>
#include <memory>
#include <vector>

namespace vingt::graphqlapi {

/// @brief The generated type names of one object (API-CONTRACT §2.2), for extensions that add operations.
struct ObjectTypeNames {
    QString node;       ///< `Person`
    QString connection; ///< `PersonConnection`
    QString filter;     ///< `PersonFilterInput`
    QString orderBy;    ///< `PersonOrderByInput`
    QString create;     ///< `PersonCreateInput`
    QString update;     ///< `PersonUpdateInput`
};

/// @brief Where an extension adds its operations for one object: the builder (for extra types) and the root fields.
struct CoreObjectParts {
    const DataModel &model;
    const ObjectMetadata &object;
    const ObjectTypeNames &names;
    graphql::SchemaBuilder &builder;
    std::vector<graphql::FieldConfig> &queryFields;
    std::vector<graphql::FieldConfig> &mutationFields;
    std::vector<graphql::FieldConfig> &connectionFields; ///< of `PersonConnection`, added after the extensions ran
};

/// An extension of the core schema, called once per object when a schema is built (group-by, duplicates and merge
/// register themselves here). Resolvers reach the request through graphqlapi::requestContext(params.context).
using CoreSchemaExtension = std::function<void(CoreObjectParts &parts)>;

/// `FullName`, `Currency`, ... for a composite field type (API-CONTRACT §2.4); empty for other types.
[[nodiscard]] QString compositeTypeName(FieldType type);

/// Registers an extension for every core schema built afterwards (call at start-up, before serving).
void registerCoreSchemaExtension(CoreSchemaExtension extension);

/// Builds the Core GraphQL schema of a data-model snapshot (API-CONTRACT §2.2–2.4): per active object its node,
/// edge, connection, filter, orderBy, create and update types and its queries and mutations. Resolvers call the
/// RecordService, so REST and GraphQL share every rule. The schema keeps `model` alive.
[[nodiscard]] Result<std::shared_ptr<const graphql::Schema>> buildCoreSchema(const DataModelPtr &model);

} // namespace vingt::graphqlapi
