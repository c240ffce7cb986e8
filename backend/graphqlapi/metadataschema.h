#pragma once

#include "core/result.h"
#include "graphql/type/schemabuilder.h"

#include <functional>
#include <memory>
#include <vector>

namespace vingt::graphqlapi {

/// @brief Where an extension adds to the Metadata schema: extra types through the builder, and root fields.
/// The built-in types (`Object`, `Field`, `UUID`, `DateTime`, `JSON`, `PageInfo`, `ConnectionCursor`, `CursorPaging`,
/// `UUIDFilterComparison`, `BooleanFieldComparison`, ...) may be referenced by name.
struct MetadataSchemaParts {
    graphql::SchemaBuilder &builder;
    std::vector<graphql::FieldConfig> &queryFields;
    std::vector<graphql::FieldConfig> &mutationFields;
};

/// An extension of the Metadata schema (object/field mutations, API keys, roles, webhooks). Resolvers reach the
/// request through graphqlapi::requestContext(params.context) (its `auth` carries workspace, snapshot and actor).
using MetadataSchemaExtension = std::function<void(MetadataSchemaParts &parts)>;

/// Registers an extension; call at start-up, before the first /metadata request builds the schema.
void registerMetadataSchemaExtension(MetadataSchemaExtension extension);

/// The Metadata GraphQL schema (API-CONTRACT §3.2, 3.3): `objects`, `object`, `fields`, `field` and the
/// registered extensions. The same for every workspace (resolvers read the request's snapshot): built once.
[[nodiscard]] Result<std::shared_ptr<const graphql::Schema>> metadataSchema();

/// Builds a fresh one (tests).
[[nodiscard]] Result<std::shared_ptr<const graphql::Schema>> buildMetadataSchema();

} // namespace vingt::graphqlapi
