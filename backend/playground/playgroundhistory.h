#pragma once

#include "core/result.h"

#include <QString>

#include <vector>

namespace vingt {
class Database;
}

namespace vingt::playground {

/// @brief One request the playground ran (or saved): what to re-run, never a token (the key by id).
struct PlaygroundRequest {
    QString id;
    QString kind = QStringLiteral("rest"); ///< "rest" or "graphql"
    QString method = QStringLiteral("GET");
    QString path;          ///< path and query, e.g. `/rest/people?limit=5`; `/graphql` or `/metadata` for GraphQL
    QString body;          ///< JSON body, or the GraphQL document
    QString variables;     ///< GraphQL variables (JSON text)
    QString operationName; ///< GraphQL
    QString apiKeyId;
    int status = 0;
    qint64 durationMs = 0;
    QString savedName; ///< non-empty: a saved request
    QString createdAt;
};

/// @brief The playground's history and saved requests of one workspace, in its database (migration 0004): history
/// keeps the newest kHistoryLimit unsaved rows; saved requests stay until deleted. Thread rule: stateless over the
/// workspace Database; callable from any thread.
class PlaygroundHistory
{
public:
    static constexpr int kHistoryLimit = 500;

    explicit PlaygroundHistory(Database &database) : m_database(database) {}

    /// Appends a run to the history (a new id and createdAt), pruning the oldest unsaved rows.
    [[nodiscard]] Result<PlaygroundRequest> record(PlaygroundRequest request);
    /// Newest first. `search` matches path, body, operation name and saved name (case-insensitive substring);
    /// `savedOnly` lists the saved requests.
    [[nodiscard]] Result<std::vector<PlaygroundRequest>> list(const QString &search = {}, bool savedOnly = false,
                                                              int limit = 100);
    [[nodiscard]] Result<PlaygroundRequest> get(const QString &id);
    /// Saves a copy of a request under a name (the history row itself stays history).
    [[nodiscard]] Result<PlaygroundRequest> save(const PlaygroundRequest &request, const QString &name);
    [[nodiscard]] Result<void> remove(const QString &id);
    /// Deletes the history (saved requests stay).
    [[nodiscard]] Result<void> clearHistory();

private:
    [[nodiscard]] Result<PlaygroundRequest> insert(PlaygroundRequest request);

    Database &m_database;
};

} // namespace vingt::playground
