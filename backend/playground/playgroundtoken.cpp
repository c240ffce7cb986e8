#include "playground/playgroundtoken.h"

#include "core/clock.h"
#include "services/actor.h"
#include "services/apikeyservice.h"

#include <QDateTime>

namespace vingt::playground {

Result<QByteArray> mintPlaygroundToken(ApiKeyService &apiKeys, const QString &apiKeyId)
{
    // The desktop user is the machine's owner (BackendContext::actor()): the system actor.
    const QDateTime expiry = QDateTime::currentDateTimeUtc().addSecs(kPlaygroundTokenSeconds);
    return apiKeys.generateToken(Actor::system(), apiKeyId, clock::toIso(expiry));
}

} // namespace vingt::playground
