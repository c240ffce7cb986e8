// Fuzz target: the JWT decoder and the HS256 verifier (API-CONTRACT §5). Properties: a failure is the 401-class
// `No payload`-style error of jwt::decode; a forged token never verifies; re-signing a decoded payload verifies.

#include "fuzzing.h"

#include "core/jwt.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace vingt;
    static const QByteArray key = QByteArrayLiteral("fuzz-secret-0123456789abcdef");
    const QByteArray input = fuzz::bytes(data, size);
    auto token = jwt::decode(input);
    if (!token)
        return 0;
    // Nothing the fuzzer writes carries a valid signature under a key it never saw.
    fuzz::check(!jwt::verifyHs256(*token, key), "a fuzzed token verified", QString::fromLatin1(input));
    const QByteArray signedAgain = jwt::signHs256(token->payload, key);
    auto resigned = jwt::decode(signedAgain);
    fuzz::check(resigned.ok(), "a signed token does not decode", QString::fromLatin1(signedAgain));
    fuzz::check(resigned->payload == token->payload, "payload changed by signing");
    fuzz::check(jwt::verifyHs256(*resigned, key), "a signed token does not verify");
    fuzz::check(!jwt::verifyHs256(*resigned, key + 'x'), "verified with the wrong key");
    fuzz::check(jwt::constantTimeEquals(input, input), "constantTimeEquals(x, x) is false");
    return 0;
}
