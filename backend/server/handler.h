#pragma once

#include "server/request.h"
#include "server/response.h"

#include <optional>

namespace vingt::http {

/// @brief What the transport calls. Runs on the I/O thread that read the request, synchronously
/// (DESIGN.md "Threads"): implementations must be thread-safe and use per-thread database connections.
class Handler
{
public:
    virtual ~Handler() = default;

    /// Called once the request head is read, before the body: lets the application answer early
    /// (404 unknown surface, 405 wrong method) before the transport checks the body size (DECISIONS "HTTP").
    /// `request.body` is empty here. Return a response to answer without reading the body.
    [[nodiscard]] virtual std::optional<Response> precheck(const Request &request) = 0;

    /// Handle a complete request.
    [[nodiscard]] virtual Response handle(const Request &request) = 0;
};

} // namespace vingt::http
