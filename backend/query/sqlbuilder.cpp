#include "query/sqlbuilder.h"

#include "query/columnresolver.h"
#include "query/cursor.h"

#include <algorithm>

namespace vingt {

using namespace Qt::StringLiterals;

namespace {

const QString kId = u"id"_s;

QString directionSql(Direction direction)
{
    switch (direction) {
    case Direction::AscNullsFirst: return u"ASC NULLS FIRST"_s;
    case Direction::AscNullsLast: return u"ASC NULLS LAST"_s;
    case Direction::DescNullsFirst: return u"DESC NULLS FIRST"_s;
    case Direction::DescNullsLast: return u"DESC NULLS LAST"_s;
    }
    return u"ASC"_s;
}

QString fromTable(const ObjectMetadata &object, const SqlDialect &dialect)
{
    return u" FROM "_s + dialect.quote(object.tableName());
}

} // namespace

Result<std::vector<ResolvedOrder>> resolveOrder(const std::vector<OrderTerm> &terms, const ObjectMetadata &object)
{
    std::vector<ResolvedOrder> order;
    for (const OrderTerm &term : terms) {
        auto column = resolveColumn(object, term.field, term.subField);
        if (!column)
            return column.error();
        const QString &name = column->column->name;
        if (std::none_of(order.begin(), order.end(), [&](const ResolvedOrder &o) { return o.column == name; }))
            order.push_back({name, term.direction, column->column->kind, name != kId});
    }
    // API-CONTRACT §1.4: the id tie-breaker makes every ordering total, which keyset paging needs.
    if (std::none_of(order.begin(), order.end(), [](const ResolvedOrder &o) { return o.column == kId; }))
        order.push_back({kId, Direction::AscNullsFirst, ValueKind::Uuid, false});
    return order;
}

QString orderByClause(const std::vector<ResolvedOrder> &order, const SqlDialect &dialect)
{
    QStringList parts;
    for (const ResolvedOrder &term : order)
        parts << dialect.quote(term.column) + u' ' + directionSql(term.direction);
    return parts.join(u',');
}

std::vector<ResolvedOrder> reversedOrder(std::vector<ResolvedOrder> order)
{
    for (ResolvedOrder &term : order)
        term.direction = reversed(term.direction);
    return order;
}

SqlFragment keysetPredicate(const std::vector<ResolvedOrder> &order, const QJsonObject &cursor,
                            const SqlDialect &dialect)
{
    // Row r follows cursor c iff for some k: r equals c on terms 0..k-1 and r follows c on term k.
    // "Follows on a term": ASC: r > v; DESC: r < v; with NULLS LAST also r IS NULL (v non-null);
    // v NULL: r IS NOT NULL with NULLS FIRST, nothing with NULLS LAST. "Equals": r = v, or r IS NULL for a null v.
    QStringList disjuncts;
    QVariantList binds;
    QStringList equalPrefix;
    QVariantList equalBinds;
    for (std::size_t k = 0; k < order.size(); ++k) {
        const ResolvedOrder &term = order[k];
        const QString column = dialect.quote(term.column);
        const QJsonValue value = cursor.value(term.column);
        const bool isNull = value.isNull() || value.isUndefined();
        const QVariant bind = isNull ? QVariant() : dialect.toSql(term.kind, cursorBindValue(term.kind, value));

        QStringList follows;
        QVariantList followBinds;
        if (!isNull) {
            follows << column + (isAscending(term.direction) ? u" > ?"_s : u" < ?"_s);
            followBinds << bind;
            if (!nullsFirst(term.direction) && term.nullable)
                follows << column + u" IS NULL"_s;
        } else if (nullsFirst(term.direction)) {
            follows << column + u" IS NOT NULL"_s;
        }

        if (!follows.isEmpty()) {
            if (k == 0) {
                disjuncts << follows;
                binds << followBinds;
            } else {
                const QString last = follows.size() == 1 ? follows.front() : u'(' + follows.join(u" OR "_s) + u')';
                disjuncts << u'(' + equalPrefix.join(u" AND "_s) + u" AND "_s + last + u')';
                binds << equalBinds << followBinds;
            }
        }
        if (isNull) {
            equalPrefix << column + u" IS NULL"_s;
        } else {
            equalPrefix << column + u" = ?"_s;
            equalBinds << bind;
        }
    }
    if (disjuncts.isEmpty())
        return {u"0 = 1"_s, {}};
    if (disjuncts.size() == 1)
        return {disjuncts.front(), binds};
    return {u'(' + disjuncts.join(u" OR "_s) + u')', binds};
}

SqlFragment selectPage(const PageQuery &query, const SqlDialect &dialect)
{
    const bool backward = (query.before || query.backward) && !query.after;
    std::vector<SqlFragment> conditions;
    if (query.where)
        conditions.push_back(*query.where);
    if (query.after)
        conditions.push_back(keysetPredicate(query.order, *query.after, dialect));
    if (query.before)
        conditions.push_back(keysetPredicate(reversedOrder(query.order), *query.before, dialect));
    const SqlFragment where = sqlAnd(conditions);

    QStringList columns;
    for (const QString &column : query.columns)
        columns << dialect.quote(column);

    SqlFragment out;
    out.sql = u"SELECT "_s + (columns.isEmpty() ? u"*"_s : columns.join(u',')) + fromTable(*query.object, dialect);
    if (!where.isEmpty())
        out.sql += u" WHERE "_s + where.sql;
    out.binds = where.binds;
    if (!query.order.empty())
        out.sql += u" ORDER BY "_s + orderByClause(backward ? reversedOrder(query.order) : query.order, dialect);
    out.sql += u" LIMIT "_s + QString::number(qint64(query.limit) + 1);
    if (query.offset > 0)
        out.sql += u" OFFSET "_s + QString::number(query.offset);
    return out;
}

SqlFragment count(const ObjectMetadata &object, const std::optional<SqlFragment> &where, const SqlDialect &dialect)
{
    SqlFragment out{u"SELECT COUNT(*)"_s + fromTable(object, dialect), {}};
    if (where && !where->isEmpty()) {
        out.sql += u" WHERE "_s + where->sql;
        out.binds = where->binds;
    }
    return out;
}

} // namespace vingt
