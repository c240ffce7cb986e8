#pragma once

#include <QString>
#include <QStringView>

namespace vingt::uuid {

/// Any RFC 4122 textual UUID (8-4-4-4-12 hex digits), any version: standard ids `20202020-…` are not v4 (DECISIONS "HTTP").
[[nodiscard]] bool isValid(QStringView text);
/// A new random (v4) UUID in lower case without braces.
[[nodiscard]] QString create();

} // namespace vingt::uuid
