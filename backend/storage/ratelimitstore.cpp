#include "storage/ratelimitstore.h"

#include "storage/database.h"

#include <algorithm>

namespace vingt {

using namespace Qt::StringLiterals;

namespace {

/// A bucket's level refilled up to `p.nowMs`, capped at its size (SET expressions read the row before the update).
QString refilled(const QString &tokens, const QString &max, const QString &window)
{
    const QString elapsed = u"(CASE WHEN p.nowMs > refilledAtMs THEN p.nowMs - refilledAtMs ELSE 0 END)"_s;
    const QString sum = u"%1 + %2 * %3 / %4"_s.arg(tokens, elapsed, max, window);
    return u"(CASE WHEN %1 > %2 THEN %2 ELSE %1 END)"_s.arg(sum, max);
}

} // namespace

RateLimitStore::RateLimitStore(Database &database) : m_database(database)
{
    // The sizes and the wanted count are bound once, in a one-row subquery next to the database clock (one clock for
    // every server).
    const QString params = u"(SELECT %1 AS nowMs, CAST(? AS DOUBLE PRECISION) AS shortMax, "
                           "CAST(? AS DOUBLE PRECISION) AS shortWindow, CAST(? AS DOUBLE PRECISION) AS longMax, "
                           "CAST(? AS DOUBLE PRECISION) AS longWindow, CAST(? AS DOUBLE PRECISION) AS wanted) AS p"_s
                               .arg(database.dialect().epochMs());
    const QString shortLevel = refilled(u"shortTokens"_s, u"p.shortMax"_s, u"p.shortWindow"_s);
    const QString longLevel = refilled(u"longTokens"_s, u"p.longMax"_s, u"p.longWindow"_s);
    // The epsilon matches the in-memory limiter: a bucket that is full within a rounding error holds its token.
    const auto holds = [&](const QString &count) {
        return u"(%1 >= %3 - 0.000000001 AND %2 >= %3 - 0.000000001)"_s.arg(shortLevel, longLevel, count);
    };
    // `wanted` when both buckets hold that many, else one when both hold one, else none.
    const QString taken = u"(CASE WHEN %1 THEN p.wanted WHEN %2 THEN 1 ELSE 0 END)"_s.arg(holds(u"p.wanted"_s),
                                                                                          holds(u"1"_s));
    m_takeSql = u"UPDATE core_rateLimit SET shortTokens = %2 - %1, longTokens = %3 - %1, granted = %1, "
                "refilledAtMs = CASE WHEN p.nowMs > refilledAtMs THEN p.nowMs ELSE refilledAtMs END "
                "FROM %4 WHERE id = 1 RETURNING shortTokens, longTokens, granted"_s.arg(taken, shortLevel, longLevel,
                                                                                        params);
    m_readSql = u"SELECT %1, %2, 1 FROM core_rateLimit, %3 WHERE id = 1"_s.arg(shortLevel, longLevel, params);
}

Result<BucketLevels> RateLimitStore::take(const BucketSizes &sizes, qint64 wanted)
{
    return run(m_takeSql, sizes, std::max<qint64>(1, wanted));
}

Result<BucketLevels> RateLimitStore::read(const BucketSizes &sizes)
{
    return run(m_readSql, sizes, 1);
}

Result<BucketLevels> RateLimitStore::run(const QString &sql, const BucketSizes &sizes, qint64 wanted)
{
    const QVariantList binds{double(sizes.shortMax), double(sizes.shortWindowMs), double(sizes.longMax),
                             double(sizes.longWindowMs), double(wanted)};
    for (int attempt = 0; attempt < 2; ++attempt) {
        auto rows = m_database.exec(sql, binds);
        if (!rows)
            return rows.error();
        if (rows->next())
            return BucketLevels{rows->value(0).toDouble(), rows->value(1).toDouble(), rows->value(2).toLongLong()};
        // No row (deleted by hand, or a table restored without it): full buckets again, as after the restart of a
        // single server, rather than refusing or failing every request.
        VINGT_TRY(m_database.exec(u"INSERT INTO core_rateLimit (id, shortTokens, longTokens, refilledAtMs, granted) "
                                  "VALUES (1, 1e15, 1e15, 0, 1) ON CONFLICT (id) DO NOTHING"_s));
    }
    return Error::internal(u"The rate-limit row of this workspace cannot be created (table core_rateLimit)"_s);
}

} // namespace vingt
