#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QJsonObject>

namespace vingt::jwt {

/// @brief A JWT split into its parts; produced by decode(), checked by verifyHs256().
struct Token {
    QJsonObject header;
    QJsonObject payload;
    QByteArray signingInput; ///< "<header b64>.<payload b64>"
    QByteArray signature;    ///< raw bytes
};

/// Encodes and signs a JWT with HS256 (header {"alg":"HS256","typ":"JWT"}).
[[nodiscard]] QByteArray signHs256(const QJsonObject &payload, const QByteArray &key);
/// Splits and decodes a compact JWT. Anything that is not three base64url parts with JSON objects → "No payload".
[[nodiscard]] Result<Token> decode(const QByteArray &compact);
/// True when the header says HS256 and the signature matches (constant-time comparison).
[[nodiscard]] bool verifyHs256(const Token &token, const QByteArray &key);
/// Constant-time equality of two byte strings.
[[nodiscard]] bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

} // namespace vingt::jwt
