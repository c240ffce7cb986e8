#include "storage/migrator.h"

#include "core/clock.h"
#include "storage/database.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <map>

namespace vingt {

using namespace Qt::StringLiterals;

namespace {
std::map<int, QString> migrationFiles(const QString &dialect, const QString &scope)
{
    std::map<int, QString> files;
    const QDir dir(u":/migrations/%1/%2"_s.arg(dialect, scope));
    for (const QString &name : dir.entryList({u"*.sql"_s}, QDir::Files, QDir::Name)) {
        bool ok = false;
        const int number = name.section(u'_', 0, 0).toInt(&ok);
        if (ok)
            files.emplace(number, dir.filePath(name));
    }
    return files;
}
} // namespace

int Migrator::latestVersion(const QString &dialect, const QString &scope)
{
    const auto files = migrationFiles(dialect, scope);
    return files.empty() ? 0 : files.rbegin()->first;
}

Result<int> Migrator::migrate(Database &database, const QString &scope)
{
    const QString dialect = QString(database.dialect().name());
    VINGT_TRY(database.exec(u"CREATE TABLE IF NOT EXISTS core_migration (version INTEGER PRIMARY KEY NOT NULL, "
                            "name TEXT NOT NULL, appliedAt TEXT NOT NULL)"_s));
    int current = 0;
    {
        auto rows = database.exec(u"SELECT COALESCE(MAX(version), 0) FROM core_migration"_s);
        if (!rows)
            return rows.error();
        if (rows->next())
            current = rows->value(0).toInt();
    }
    const auto files = migrationFiles(dialect, scope);
    const int latest = files.empty() ? 0 : files.rbegin()->first;
    if (current > latest) {
        return Error::badRequest(u"The %1 database is at schema version %2, newer than this Vingt supports (%3). "
                                 "Upgrade Vingt to open it."_s.arg(scope)
                                     .arg(current)
                                     .arg(latest));
    }
    for (const auto &[number, path] : files) {
        if (number <= current)
            continue;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Error::internal(u"cannot read migration %1"_s.arg(path));
        const QString script = QString::fromUtf8(file.readAll());
        // Plain copies: clang 14 (the fuzz build) cannot capture structured bindings.
        const auto version = number;
        const QString name = QFileInfo(path).fileName();
        VINGT_TRY(database.transaction([&]() -> Result<void> {
            if (const QString lock = database.dialect().migrationLock(); !lock.isEmpty()) {
                // Another server may have applied it while we waited for the lock.
                VINGT_TRY(database.exec(lock));
                auto applied = database.exec(u"SELECT COUNT(*) FROM core_migration WHERE version = ?"_s, {version});
                if (!applied)
                    return applied.error();
                if (applied->next() && applied->value(0).toInt() > 0)
                    return {};
            }
            VINGT_TRY(database.execScript(script));
            VINGT_TRY(database.exec(u"INSERT INTO core_migration (version, name, appliedAt) VALUES (?, ?, ?)"_s,
                                    {version, name, clock::nowIso()}));
            return {};
        }));
        current = number;
    }
    return current;
}

} // namespace vingt
