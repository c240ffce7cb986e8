#include "graphqlapi/schemacache.h"

#include "graphqlapi/coreschema.h"

namespace vingt::graphqlapi {

Result<std::shared_ptr<const graphql::Schema>> SchemaCache::core(const QString &workspaceId, const DataModelPtr &model)
{
    std::lock_guard lock(m_mutex);
    auto it = m_entries.find(workspaceId);
    if (it != m_entries.end() && it->model == model)
        return it->schema;
    // Built under the lock: concurrent first requests wait for one build instead of each building.
    auto schema = buildCoreSchema(model);
    if (!schema)
        return schema.error();
    m_entries.insert(workspaceId, Entry{model, *schema});
    return *schema;
}

} // namespace vingt::graphqlapi
