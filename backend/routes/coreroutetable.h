#pragma once

#include <QByteArray>
#include <QLatin1StringView>
#include <QString>
#include <QStringList>

#include <span>

namespace vingt {
struct ObjectMetadata;
}

namespace vingt::routes {

/// @brief The shape of a core REST path (API-CONTRACT §1.1, §1.2): which records it names, whatever the method.
enum class CoreShape { Collection, Batch, One, RestoreOne, RestoreMany, Duplicates, GroupBy, Merge };

/// @brief What one core route does.
enum class CoreOperation {
    FindMany,
    FindOne,
    CreateOne,
    CreateMany,
    UpdateOne,
    UpdateMany,
    DeleteOne,
    DeleteMany,
    RestoreOne,
    RestoreMany,
    FindDuplicates,
    GroupBy,
    Merge,
};

/// @brief The query parameters a route documents (§1.3); the router accepts every known parameter on every route and
/// ignores those that do not apply.
enum CoreParameter : unsigned {
    kFilter = 1u << 0,
    kOrderBy = 1u << 1,
    kLimit = 1u << 2,
    kStartingAfter = 1u << 3,
    kEndingBefore = 1u << 4,
    kDepth = 1u << 5,
    kFields = 1u << 6,
    kOmitNullValues = 1u << 7,
    kSoftDelete = 1u << 8,
    kUpsert = 1u << 9,
    kGroupByParameters = 1u << 10, ///< group_by, aggregate, include_records_sample, order_by_for_records (§1.10)
};

/// @brief What a route takes as body.
enum class CoreBody { None, Record, Records, PartialRecord, Duplicates, Merge };

/// @brief One core REST route. Patterns hold `{plural}`, `{singular}`, `{Plural}`, `{Singular}` (Pascal) and, in
/// paths, `{id}`; expandName() fills them in for an object.
struct CoreRoute {
    QLatin1StringView method; ///< "GET", "POST", "PATCH", "PUT", "DELETE"
    QLatin1StringView path;   ///< below `/rest`, e.g. "/{plural}/{id}/restore"
    CoreShape shape;
    CoreOperation operation;
    int status;                    ///< on success
    QLatin1StringView dataKey;     ///< the key under `data` ("create{Singular}"); "" for a bare array body
    QLatin1StringView operationId; ///< §9; "" for a served route that is not documented (PUT, older restore paths)
    QLatin1StringView summary;
    unsigned parameters; ///< CoreParameter flags
    CoreBody body;
    /// The older `/restore/{plural}[/{id}]` forms exist only for their method (§1.2 step 1): for another method the
    /// path reads as another shape.
    bool onlyForItsMethod = false;
};

/// Every core route, in matching order: the specific suffixes before the generic `{id}` (§1.1).
[[nodiscard]] std::span<const CoreRoute> coreRoutes();

/// @brief The outcome of matching a path (segments below `/rest`) and a method against the table.
struct CoreRouteMatch {
    const CoreRoute *route = nullptr; ///< the route for the method; null when the path takes other methods only
    CoreShape shape = CoreShape::Collection;
    QString object;            ///< the `{plural}` segment, as given
    QString id;                ///< the `{id}` segment, as given (not yet checked to be a UUID)
    QByteArray allowedMethods; ///< "GET,PATCH,PUT,DELETE": for 405 `Allow`
};

/// Matches segments (percent-decoded, empty ones dropped) and a method (HEAD counts as GET). Returns false when no
/// path of the table has this shape.
[[nodiscard]] bool matchCoreRoute(QByteArrayView method, const QStringList &segments, CoreRouteMatch &match);

/// Fills `{plural}`, `{singular}`, `{Plural}`, `{Singular}` in a pattern for an object.
[[nodiscard]] QString expandName(QLatin1StringView pattern, const ObjectMetadata &object);

/// Whether the Core API (REST routes, OpenAPI document) serves an object: active and not remote (§1.2 step 4).
[[nodiscard]] bool servedByCoreApi(const ObjectMetadata &object);

} // namespace vingt::routes
