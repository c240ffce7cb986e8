#pragma once

// Helpers shared by the RecordService source files (recordservice.cpp, recordgroupby.cpp, recordmerge.cpp). Not part
// of the services API.

#include "core/result.h"
#include "model/objectmetadata.h"
#include "query/filter.h"
#include "services/accesspolicy.h"
#include "services/recordservice.h"

#include <QString>
#include <QVariant>

#include <utility>
#include <vector>

#include <optional>

namespace vingt {

class Rows;

/// Converted input of one write: column index → SQL-ready value.
struct RecordService::WriteValues {
    std::vector<std::pair<int, QVariant>> columns;

    [[nodiscard]] const QVariant *find(int column) const
    {
        for (const auto &[index, value] : columns) {
            if (index == column)
                return &value;
        }
        return nullptr;
    }
    void set(int column, QVariant value)
    {
        for (auto &entry : columns) {
            if (entry.first == column) {
                entry.second = std::move(value);
                return;
            }
        }
        columns.emplace_back(column, std::move(value));
    }
};

namespace recordinternal {

/// `Field '<name>' not found on object '<singular>'`.
[[nodiscard]] Error notFoundField(const ObjectMetadata &object, const QString &name);
/// The object's column list, optionally prefixed by a table alias.
[[nodiscard]] QString selectColumns(const ObjectMetadata &object, const QString &alias = {});
/// One record from the current row, columns from `offset` on.
[[nodiscard]] Record readRecord(Rows &rows, const ObjectMetadata &object, int offset = 0);
/// `?,?,?`.
[[nodiscard]] QString placeholders(qsizetype count);
/// PermissionDenied unless `policy` (null = unrestricted) grants `permission` on `object` (§6.1).
[[nodiscard]] Result<void> require(const AccessPolicy *policy, RecordPermission permission,
                                   const ObjectMetadata &object);
/// PermissionDenied when `name` (a field or join column) is unreadable (§6.2).
[[nodiscard]] Result<void> requireReadable(const AccessPolicy *policy, const ObjectMetadata &object,
                                           const QString &name);
/// PermissionDenied when the filter names an unreadable field (§6.2).
[[nodiscard]] Result<void> requireReadable(const AccessPolicy *policy, const ObjectMetadata &object,
                                           const std::optional<FilterNode> &filter);

} // namespace recordinternal
} // namespace vingt
