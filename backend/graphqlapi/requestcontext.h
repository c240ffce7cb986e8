#pragma once

#include "graphql/type/resolveinfo.h"
#include "services/authenticator.h"
#include "services/recordservice.h"
#include "services/workspace.h"

#include <any>
#include <deque>
#include <memory>
#include <vector>

namespace vingt::graphqlapi {

/// @brief A composite value of one record (`name`, `emails`...): the record and the field's first storage column.
struct CompositeRef {
    const Record *record = nullptr;
    int firstColumn = -1;
};

/// @brief One edge of a connection: a record of a page and its cursor.
struct EdgeRef {
    const Record *record = nullptr;
    const QString *cursor = nullptr;
};

/// @brief A loaded page and its edges, as the connection type's resolvers read it.
struct PageData {
    RecordPage page;
    std::vector<QString> cursors; ///< page.cursor(i) of every record (edges point into it)
    std::vector<EdgeRef> edges;
    QHash<QString, QJsonValue> aggregates; ///< the connection's selected aggregate fields (coreaggregates.h)
};

/// @brief What the resolvers of one GraphQL request share: the caller, the snapshot, and the storage of every value
/// the response borrows (resolvers return non-owning handles into it; it lives until the response is written).
/// One request runs on one thread, so nothing here is locked.
struct RequestContext {
    AuthContext auth;
    int pageSizeDefault = 60;
    int pageSizeMax = 60;
    bool clamped = false; ///< a `first`/`last` was clamped (X-Vingt-Limit-Clamped)

    std::deque<CompositeRef> composites;
    std::vector<std::shared_ptr<const void>> keep;

    [[nodiscard]] const AccessPolicy *restrictions() const { return auth.actor.restrictions(); }
    [[nodiscard]] RecordService &records() const { return auth.workspace->records(); }
    [[nodiscard]] const DataModel &model() const { return *auth.model; }

    /// Keeps `value` alive for the request and returns it.
    template<typename T>
    const T *hold(std::shared_ptr<T> value)
    {
        const T *raw = value.get();
        keep.push_back(std::move(value));
        return raw;
    }
    /// A page with its edges, kept for the request.
    const PageData *holdPage(RecordPage page, QHash<QString, QJsonValue> aggregates = {});
};

/// A `PageInfo` value (§2.2): the flags and the first and last cursors of a page (null when it is empty).
[[nodiscard]] graphql::Value pageInfo(bool hasNextPage, bool hasPreviousPage, const std::vector<QString> &cursors);

/// The request context inside a resolver's `context`.
[[nodiscard]] RequestContext &requestContext(const std::any &context);

} // namespace vingt::graphqlapi
