#pragma once

#include "core/result.h"

#include <QString>

namespace vingt {

class Database;

/// @brief Applies the numbered migrations `:/migrations/<dialect>/<scope>/NNNN_name.sql` in order, each in its own
/// transaction, recording them in `core_migration`. Refuses a database migrated by a newer Vingt.
class Migrator
{
public:
    /// `scope` is "instance" or "workspace".
    [[nodiscard]] static Result<int> migrate(Database &database, const QString &scope);
    /// Highest migration number shipped for a dialect and scope.
    [[nodiscard]] static int latestVersion(const QString &dialect, const QString &scope);
};

} // namespace vingt
