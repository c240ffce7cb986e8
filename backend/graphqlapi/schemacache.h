#pragma once

#include "core/result.h"
#include "graphql/type/schema.h"
#include "model/datamodel.h"

#include <QHash>
#include <QString>

#include <memory>
#include <mutex>

namespace vingt::graphqlapi {

/// @brief The Core GraphQL schema of each workspace, built once per data-model snapshot: a request on a newer
/// snapshot (live metadata changes publish a new one) rebuilds it, and requests still running on the old snapshot
/// keep the schema they started with (both are shared pointers). Thread rule: thread-safe.
class SchemaCache
{
public:
    [[nodiscard]] Result<std::shared_ptr<const graphql::Schema>> core(const QString &workspaceId,
                                                                      const DataModelPtr &model);

private:
    struct Entry {
        DataModelPtr model; ///< keeps the snapshot the resolvers point into alive
        std::shared_ptr<const graphql::Schema> schema;
    };
    std::mutex m_mutex;
    QHash<QString, Entry> m_entries;
};

} // namespace vingt::graphqlapi
