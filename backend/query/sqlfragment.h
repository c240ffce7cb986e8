#pragma once

#include <QString>
#include <QStringList>
#include <QVariantList>

#include <vector>

namespace vingt {

/// @brief A piece of SQL with its `?` placeholders' values, in order. Values are never spliced into `sql`.
struct SqlFragment {
    QString sql;
    QVariantList binds;

    [[nodiscard]] bool isEmpty() const { return sql.isEmpty(); }
};

/// Joins non-empty fragments with AND (`a AND b`, no extra parentheses: each part must bind at least as tightly as
/// AND, which every fragment of query/ does). Empty input gives an empty fragment.
[[nodiscard]] inline SqlFragment sqlAnd(const std::vector<SqlFragment> &parts)
{
    SqlFragment out;
    QStringList sql;
    for (const SqlFragment &part : parts) {
        if (part.isEmpty())
            continue;
        sql << part.sql;
        out.binds << part.binds;
    }
    out.sql = sql.join(QStringLiteral(" AND "));
    return out;
}

} // namespace vingt
