#include "playground/playgroundhistory.h"

#include "core/clock.h"
#include "core/uuid.h"
#include "storage/database.h"

namespace vingt::playground {

using namespace Qt::StringLiterals;

namespace {

const QString kColumns
    = u"id, kind, method, path, body, variables, operationName, apiKeyId, status, durationMs, savedName, createdAt"_s;

/// Empty, not NULL: a null QString binds as SQL NULL.
QString text(const QString &value)
{
    return value.isNull() ? u""_s : value;
}

PlaygroundRequest fromRow(const Rows &rows)
{
    PlaygroundRequest r;
    r.id = rows.value(0).toString();
    r.kind = rows.value(1).toString();
    r.method = rows.value(2).toString();
    r.path = rows.value(3).toString();
    r.body = rows.value(4).toString();
    r.variables = rows.value(5).toString();
    r.operationName = rows.value(6).toString();
    r.apiKeyId = rows.value(7).toString();
    r.status = rows.value(8).toInt();
    r.durationMs = rows.value(9).toLongLong();
    r.savedName = rows.value(10).toString();
    r.createdAt = rows.value(11).toString();
    return r;
}

} // namespace

Result<PlaygroundRequest> PlaygroundHistory::insert(PlaygroundRequest request)
{
    if (request.kind != u"rest"_s && request.kind != u"graphql"_s)
        return Error::badRequest(u"A playground request is 'rest' or 'graphql', not '%1'"_s.arg(request.kind));
    request.id = uuid::create();
    request.createdAt = clock::nowIso();
    auto done = m_database.exec(
        u"INSERT INTO core_playgroundRequest (%1) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"_s.arg(kColumns),
        {request.id, request.kind, text(request.method), text(request.path), text(request.body),
         text(request.variables), text(request.operationName), text(request.apiKeyId), request.status,
         request.durationMs, request.savedName.isEmpty() ? QVariant() : QVariant(request.savedName), request.createdAt});
    if (!done)
        return done.error();
    return request;
}

Result<PlaygroundRequest> PlaygroundHistory::record(PlaygroundRequest request)
{
    request.savedName.clear();
    PlaygroundRequest stored;
    VINGT_TRY(m_database.transaction([&]() -> Result<void> {
        auto inserted = insert(std::move(request));
        if (!inserted)
            return inserted.error();
        stored = *inserted;
        auto pruned = m_database.exec(
            u"DELETE FROM core_playgroundRequest WHERE savedName IS NULL AND seq NOT IN "
            u"(SELECT seq FROM core_playgroundRequest WHERE savedName IS NULL ORDER BY seq DESC LIMIT ?)"_s,
            {kHistoryLimit});
        if (!pruned)
            return pruned.error();
        return {};
    }));
    return stored;
}

Result<std::vector<PlaygroundRequest>> PlaygroundHistory::list(const QString &search, bool savedOnly, int limit)
{
    QString sql = u"SELECT %1 FROM core_playgroundRequest WHERE "_s.arg(kColumns);
    sql += savedOnly ? u"savedName IS NOT NULL"_s : u"savedName IS NULL"_s;
    QVariantList binds;
    if (!search.isEmpty()) {
        // A literal substring match on lower-cased text, in SQL both SQLite and PostgreSQL speak: LIKE with the
        // wildcards of the search escaped.
        QString pattern = search;
        pattern.replace(u'\\', u"\\\\"_s).replace(u'%', u"\\%"_s).replace(u'_', u"\\_"_s);
        pattern = u'%' + pattern + u'%';
        sql += u" AND (lower(path) LIKE lower(?) ESCAPE '\\' OR lower(body) LIKE lower(?) ESCAPE '\\' OR "
               u"lower(operationName) LIKE lower(?) ESCAPE '\\' OR lower(coalesce(savedName, '')) LIKE lower(?) ESCAPE '\\')"_s;
        binds << pattern << pattern << pattern << pattern;
    }
    sql += u" ORDER BY seq DESC LIMIT ?"_s;
    binds << limit;
    auto rows = m_database.exec(sql, binds);
    if (!rows)
        return rows.error();
    std::vector<PlaygroundRequest> out;
    while (rows->next())
        out.push_back(fromRow(*rows));
    return out;
}

Result<PlaygroundRequest> PlaygroundHistory::get(const QString &id)
{
    auto rows = m_database.exec(u"SELECT %1 FROM core_playgroundRequest WHERE id = ?"_s.arg(kColumns), {id});
    if (!rows)
        return rows.error();
    if (!rows->next())
        return Error::notFound(u"Playground request '%1' not found"_s.arg(id));
    return fromRow(*rows);
}

Result<PlaygroundRequest> PlaygroundHistory::save(const PlaygroundRequest &request, const QString &name)
{
    if (name.trimmed().isEmpty())
        return Error::badRequest(u"A saved request needs a name"_s);
    PlaygroundRequest copy = request;
    copy.savedName = name.trimmed();
    return insert(std::move(copy));
}

Result<void> PlaygroundHistory::remove(const QString &id)
{
    auto done = m_database.exec(u"DELETE FROM core_playgroundRequest WHERE id = ?"_s, {id});
    if (!done)
        return done.error();
    if (done->rowsAffected() == 0)
        return Error::notFound(u"Playground request '%1' not found"_s.arg(id));
    return {};
}

Result<void> PlaygroundHistory::clearHistory()
{
    auto done = m_database.exec(u"DELETE FROM core_playgroundRequest WHERE savedName IS NULL"_s);
    if (!done)
        return done.error();
    return {};
}

} // namespace vingt::playground
