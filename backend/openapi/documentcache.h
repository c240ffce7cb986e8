#pragma once

#include "openapi/openapibuilder.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <mutex>
#include <vector>

namespace vingt::openapi {

/// @brief Built documents, kept per data-model snapshot (DESIGN "Data and storage"): a request on a new snapshot
/// (a metadata change published one) rebuilds at once; requests on the same snapshot share one build. Entries are
/// keyed by workspace, kind and options (the base URL comes from the request's Host); at most kMaxEntries are kept.
/// Thread rule: thread-safe; builds run outside the lock.
class DocumentCache
{
public:
    static constexpr std::size_t kMaxEntries = 32;

    /// The document of `kind` for a workspace on `model`, built on first use.
    [[nodiscard]] QByteArray document(DocumentKind kind, const QString &workspaceId, const DataModelPtr &model,
                                      const DocumentOptions &options);

private:
    struct Entry {
        DocumentKind kind;
        QString workspaceId;
        DocumentOptions options;
        std::weak_ptr<const DataModel> model; ///< weak: an old snapshot is not kept alive by the cache
        QByteArray document;
    };

    std::mutex m_mutex;
    std::vector<Entry> m_entries; ///< oldest first
};

} // namespace vingt::openapi
