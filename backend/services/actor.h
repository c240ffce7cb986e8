#pragma once

#include <QString>

namespace vingt {

/// @brief Who performs a request: an API key, or a workspace member acting in the desktop app (API-CONTRACT §1.7).
struct Actor {
    QString source = QStringLiteral("API"); ///< ACTOR.source written into createdBy/updatedBy
    QString name;                          ///< the API key's name, or the member's name
    QString apiKeyId;                      ///< set for API keys
    QString workspaceMemberId;             ///< set for workspace members (desktop app)

    [[nodiscard]] static Actor apiKey(const QString &id, const QString &keyName)
    {
        return Actor{QStringLiteral("API"), keyName, id, {}};
    }
    [[nodiscard]] static Actor system() { return Actor{QStringLiteral("SYSTEM"), QStringLiteral("System"), {}, {}}; }
};

} // namespace vingt
