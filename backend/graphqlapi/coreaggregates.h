#pragma once

#include "graphql/type/resolveinfo.h"
#include "graphql/type/schemabuilder.h"
#include "graphqlapi/coreschema.h"
#include "graphqlapi/requestcontext.h"
#include "query/filter.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>
#include <vector>

namespace vingt::graphqlapi {

/// The `filter` argument of a field as a filter tree (absent or null: none).
[[nodiscard]] Result<std::optional<FilterNode>> filterArg(const QJsonObject &args);

/// The types the group-by operations of every object share: `ObjectRecordGroupByDateGranularity`,
/// `GroupByDateGranularityInput` and one `<Composite>GroupByInput` per composite type. Called once per schema.
void addGroupByCommonTypes(graphql::SchemaBuilder &builder);

/// The aggregate fields of a connection type (API-CONTRACT §1.10, §2.2: `countEmptyCity`, `sumAmountAmountMicros`,
/// ...; `totalCount` is the connection's own). They read PageData::aggregates, filled by the field that loads the
/// page, so a connection whose selection names no aggregate runs no aggregate SQL.
void addAggregateFields(const ObjectMetadata &object, std::vector<graphql::FieldConfig> &connectionFields);

/// Look-ahead: the aggregate fields (other than totalCount) selected on the connection this field returns.
[[nodiscard]] QStringList selectedAggregates(const graphql::ResolveInfo &info);

/// Computes `names` over the filtered set (one SELECT, RecordService::aggregate) for a root connection.
[[nodiscard]] Result<QHash<QString, QJsonValue>> rootAggregates(RequestContext &ctx, const ObjectMetadata &object,
                                                                const std::optional<FilterNode> &filter,
                                                                const QStringList &names);

/// Computes `names` for nested connections (`company { people { sumX } }`) in one grouped SELECT: per parent id,
/// over `filter` (the connection's `filter` argument, GraphQL JSON) AND `<joinColumn> IN (parents)`.
[[nodiscard]] Result<QHash<QString, QHash<QString, QJsonValue>>> nestedAggregates(
    RequestContext &ctx, const ObjectMetadata &target, const QString &joinColumn, const std::vector<QString> &parentIds,
    const QJsonValue &filter, const QStringList &names);

/// `<plural>GroupBy`, `<singular>Duplicates` and `merge<Plural>` of one object (§2.2), over RecordService.
void addGroupByDuplicatesMerge(CoreObjectParts &parts);

} // namespace vingt::graphqlapi
