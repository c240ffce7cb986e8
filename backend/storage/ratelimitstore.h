#pragma once

#include "core/result.h"

#include <QString>

namespace vingt {

class Database;

/// @brief Sizes of the two token buckets of API-CONTRACT §7 (the caller's settings).
struct BucketSizes {
    qint64 shortMax = 100;
    qint64 shortWindowMs = 1000;
    qint64 longMax = 100;
    qint64 longWindowMs = 60000;
};

/// @brief Levels of the two buckets after one call, and how many tokens that call took from each.
struct BucketLevels {
    double shortTokens = 0;
    double longTokens = 0;
    qint64 granted = 0; ///< take(): 0 (refused), 1, or the `wanted` count; read(): 1
};

/// @brief The rate-limit buckets of one workspace kept in its database (table `core_rateLimit`, one row), so that
/// every server on a shared PostgreSQL database draws from the same budget (issue 8). Each call is one statement, one
/// round trip: take() refills from the database clock and takes tokens from each bucket in a single UPDATE …
/// RETURNING, which the database applies to the row one server at a time, so no update is lost. Thread rule: any
/// thread (each uses its own connection of `database`).
class RateLimitStore
{
public:
    explicit RateLimitStore(Database &database);

    /// Refills both buckets up to now (`tokens = min(max, tokens + elapsed × max / window)`), then takes `wanted`
    /// tokens from each when both hold that many, else one when both hold one, otherwise none.
    [[nodiscard]] Result<BucketLevels> take(const BucketSizes &sizes, qint64 wanted = 1);
    /// The levels refilled up to now, taking nothing (`granted` is true).
    [[nodiscard]] Result<BucketLevels> read(const BucketSizes &sizes);

private:
    [[nodiscard]] Result<BucketLevels> run(const QString &sql, const BucketSizes &sizes, qint64 wanted);

    Database &m_database;
    QString m_takeSql;
    QString m_readSql;
};

} // namespace vingt
