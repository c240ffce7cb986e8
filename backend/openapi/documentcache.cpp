#include "openapi/documentcache.h"

namespace vingt::openapi {

QByteArray DocumentCache::document(DocumentKind kind, const QString &workspaceId, const DataModelPtr &model,
                                   const DocumentOptions &options)
{
    auto sameKey = [&](const Entry &entry) {
        return entry.kind == kind && entry.workspaceId == workspaceId && entry.options == options;
    };
    {
        std::lock_guard lock(m_mutex);
        for (const Entry &entry : m_entries) {
            // The snapshot itself is the key: a new snapshot never matches, even at a reused address, because the
            // weak pointer of a destroyed one has expired.
            if (sameKey(entry) && entry.model.lock() == model)
                return entry.document;
        }
    }
    QByteArray built = kind == DocumentKind::Core ? OpenApiBuilder::coreDocument(*model, options)
                                                  : OpenApiBuilder::metadataDocument(options);
    std::lock_guard lock(m_mutex);
    std::erase_if(m_entries, sameKey);
    if (m_entries.size() >= kMaxEntries)
        m_entries.erase(m_entries.begin());
    m_entries.push_back(Entry{kind, workspaceId, options, model, built});
    return built;
}

} // namespace vingt::openapi
