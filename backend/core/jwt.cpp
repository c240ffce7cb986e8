#include "core/jwt.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>

namespace vingt::jwt {

namespace {
constexpr auto kB64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QByteArray encodePart(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toBase64(kB64);
}

std::optional<QJsonObject> decodePart(const QByteArray &part)
{
    const auto decoded = QByteArray::fromBase64Encoding(part, QByteArray::Base64UrlEncoding);
    if (!decoded)
        return std::nullopt;
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(*decoded, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}
} // namespace

QByteArray signHs256(const QJsonObject &payload, const QByteArray &key)
{
    static const QByteArray header =
        QByteArrayLiteral(R"({"alg":"HS256","typ":"JWT"})").toBase64(kB64);
    const QByteArray input = header + '.' + encodePart(payload);
    const QByteArray mac = QMessageAuthenticationCode::hash(input, key, QCryptographicHash::Sha256);
    return input + '.' + mac.toBase64(kB64);
}

Result<Token> decode(const QByteArray &compact)
{
    const Error noPayload = Error::unauthenticated(QStringLiteral("No payload"));
    const qsizetype first = compact.indexOf('.');
    const qsizetype second = first < 0 ? -1 : compact.indexOf('.', first + 1);
    if (first <= 0 || second <= first + 1 || compact.indexOf('.', second + 1) >= 0)
        return noPayload;
    auto header = decodePart(compact.left(first));
    auto payload = decodePart(compact.mid(first + 1, second - first - 1));
    if (!header || !payload)
        return noPayload;
    const auto signature = QByteArray::fromBase64Encoding(compact.mid(second + 1), QByteArray::Base64UrlEncoding);
    if (!signature)
        return Error::unauthenticated(QStringLiteral("Token invalid."));
    return Token{*header, *payload, compact.left(second), *signature};
}

bool verifyHs256(const Token &token, const QByteArray &key)
{
    if (token.header.value(QLatin1String("alg")).toString() != QLatin1String("HS256"))
        return false;
    const QByteArray mac = QMessageAuthenticationCode::hash(token.signingInput, key, QCryptographicHash::Sha256);
    return constantTimeEquals(mac, token.signature);
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

} // namespace vingt::jwt
