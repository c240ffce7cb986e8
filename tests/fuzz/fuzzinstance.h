#pragma once
// The in-process server of the fuzz targets that go through the real request path (REST records, GraphQL): a Vingt
// instance on a temporary data directory (standard data model, seeded with a few records), an Admin API key, and
// rest::ApiHandler — everything the HTTP transport would call, without sockets.

#include "server/response.h"

#include <QByteArray>

namespace vingt::fuzz {

/// One request through rest::ApiHandler (precheck, then handle) with the API key and a JSON Content-Type.
[[nodiscard]] http::Response request(const QByteArray &method, const QByteArray &target, const QByteArray &body);

/// A person created at start-up (`/rest/people/<id>` exists for updates).
[[nodiscard]] QByteArray seededPersonId();

} // namespace vingt::fuzz
