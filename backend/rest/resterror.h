#pragma once

#include "core/error.h"
#include "server/response.h"

namespace vingt::rest {

/// The one mapping from an Error to a REST response (API-CONTRACT §0.3): status, `error` class name, `messages`
/// array, and `code` when the error carries one.
[[nodiscard]] http::Response errorResponse(const Error &error);

} // namespace vingt::rest
