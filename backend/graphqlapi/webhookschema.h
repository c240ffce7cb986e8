#pragma once

#include "graphqlapi/metadataschema.h"

namespace vingt::graphqlapi {

/// The webhooks of the Metadata schema (API-CONTRACT §10.1): `webhooks`, `webhook(id)`, `createWebhook`,
/// `updateWebhook` and `deleteWebhook` over WebhookService (which checks API_KEYS_AND_WEBHOOKS). A
/// MetadataSchemaExtension: Endpoint registers it.
void addWebhookSchema(MetadataSchemaParts &parts);

} // namespace vingt::graphqlapi
