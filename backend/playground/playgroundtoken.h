#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>

namespace vingt {
class ApiKeyService;
}

namespace vingt::playground {

/// How long a playground token lives: long enough for one request and its retries, short enough to be worthless
/// if it leaked from memory.
inline constexpr int kPlaygroundTokenSeconds = 300;

/// The key picker's token (DECISIONS "Playground"): a short-lived token minted in process for an existing API key,
/// through ApiKeyService::generateToken (so a revoked or expired key, or a key without a role, is refused with the
/// service's error). The token carries the key's id, so its role's permissions apply to the requests. It goes into
/// an Authorization header only: never shown, never stored, never in a URL.
[[nodiscard]] Result<QByteArray> mintPlaygroundToken(ApiKeyService &apiKeys, const QString &apiKeyId);

} // namespace vingt::playground
