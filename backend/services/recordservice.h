#pragma once

#include "core/result.h"
#include "model/datamodel.h"
#include "query/filter.h"
#include "query/groupby.h"
#include "query/orderby.h"
#include "services/actor.h"
#include "services/recordevents.h"

#include <QJsonArray>
#include <QHash>
#include <QJsonObject>
#include <QVariant>

#include <optional>
#include <vector>

namespace vingt {

class JsonWriter;
class Workspace;

/// @brief One record as read from its table: values aligned with ObjectMetadata::columns, plus depth-1 relations.
struct Record {
    std::vector<QVariant> values;
    struct Relation {
        int fieldIndex = -1;                    ///< the relation field on the parent object
        const ObjectMetadata *object = nullptr; ///< the related records' object
        bool single = false;                    ///< MANY_TO_ONE: at most one record (null when none)
        std::vector<Record> records;
    };
    std::vector<Relation> relations;

    [[nodiscard]] QString id() const { return values.empty() ? QString() : values.front().toString(); }
};

/// @brief Which fields of a record to write out (API-CONTRACT §1.8).
struct Projection {
    std::vector<int> fieldIndexes; ///< fields to write, in order; `id` always first
    int depth = 0;
    bool omitNullValues = false;
    bool capped = false;    ///< the object has more fields than api.restMaxFieldsReturned
    AccessPolicyPtr policy; ///< field restrictions applied to depth-1 records; null = none (§6.2)
};

/// @brief Arguments of a find-many (REST list, GraphQL connection).
struct FindManyRequest {
    const ObjectMetadata *object = nullptr;
    std::optional<FilterNode> filter;
    std::vector<OrderTerm> orderBy;
    int limit = 60;        ///< already validated and clamped by the caller
    QString startingAfter; ///< cursor
    QString endingBefore;  ///< cursor
    int offset = 0;
    int depth = 0;
    bool backward = false;         ///< read the last `limit` records (GraphQL `last` without `before`)
};

/// @brief One nested page per parent record (GraphQL ONE_TO_MANY connections): the children of every parent whose
/// join column holds one of `parentIds`, each parent's page filtered, ordered and cut alike. Loaded with a constant
/// number of statements whatever the number of parents (up to 500 per statement).
struct RelatedPagesRequest {
    const ObjectMetadata *object = nullptr; ///< the children's object
    QString joinColumn;                     ///< the children's MANY_TO_ONE join column, e.g. `companyId`
    std::vector<QString> parentIds;
    std::optional<FilterNode> filter;
    std::vector<OrderTerm> orderBy;
    int limit = 60; ///< per parent, already validated and clamped
    QString startingAfter;
    QString endingBefore;
    bool backward = false;
};

/// @brief A page of records with the connection data of §1.5.
struct RecordPage {
    std::vector<Record> records;
    /// The opaque cursor of records[i] (its ordering values), encoded on demand: REST needs two per page.
    [[nodiscard]] QString cursor(std::size_t i) const;
    /// The ordering columns a cursor holds: name, column index in Record::values, value kind.
    struct CursorColumn {
        QString name;
        int column = -1;
        ValueKind kind = ValueKind::Text;
    };
    std::vector<CursorColumn> cursorColumns;
    qint64 totalCount = 0;
    bool hasNextPage = false;
    bool hasPreviousPage = false;
};

/// @brief Arguments of a group-by (REST `GET /rest/{plural}/groupBy`, GraphQL `<plural>GroupBy`, API-CONTRACT §1.10).
struct GroupByRequest {
    const ObjectMetadata *object = nullptr;
    std::vector<GroupByDimension> groupBy;   ///< at least one (groupByFromJson())
    QStringList aggregates;                  ///< aggregate names (availableAggregates()), in output order
    std::optional<FilterNode> filter;
    std::vector<OrderTerm> orderBy;          ///< orders groups: dimension paths or aggregate names
    std::vector<OrderTerm> orderByForRecords; ///< orders each group's sample records
    bool includeRecordsSample = false;
    int recordsPerGroup = 10;                ///< sample size when includeRecordsSample
    int offsetForRecords = 0;                ///< GraphQL `offsetForRecords`
    int limit = 50;                          ///< number of groups (api.groupByDefaultGroups when not given)
};

/// @brief One group: its dimension values (strings, null for empty), aggregate values in request order (counts as
/// integers, percentages as doubles, NUMERIC/amountMicros as strings, REAL as doubles, dates as ISO strings, null
/// when no value), and optionally a sample of its records.
struct RecordGroup {
    std::vector<QJsonValue> dimensionValues;
    std::vector<QJsonValue> aggregates;
    std::vector<Record> records;
};

struct GroupByResult {
    QStringList aggregateNames; ///< aligned with RecordGroup::aggregates
    std::vector<RecordGroup> groups;
};

/// @brief Input of a find-duplicates: exactly one of `ids` or `data` (API-CONTRACT §1.11).
struct DuplicatesRequest {
    const ObjectMetadata *object = nullptr;
    std::optional<QStringList> ids;
    std::optional<QJsonArray> data; ///< partial records (create-input shape)
};

/// @brief Input of a merge (API-CONTRACT §1.11).
struct MergeRequest {
    const ObjectMetadata *object = nullptr;
    QStringList ids;
    int conflictPriorityIndex = 0;
    bool dryRun = false;
};

/// @brief Records of one workspace: every rule of API-CONTRACT §1.1–1.9 and §8 lives here, once (validation,
/// soft-delete visibility, batch caps, upsert, normalisation, all-or-nothing writes). REST and GraphQL adapters and
/// the desktop app all call it. Thread rule: callable from any thread; uses the calling thread's connection.
///
/// Permissions (§6.1, 6.2) are enforced here too, from the actor's AccessPolicy (a null policy is unrestricted):
/// find → read; create, update, upsert → update; soft delete and restore → soft delete; destroy → destroy; else
/// PermissionDenied. Naming an unreadable field in `fields`, a filter or an ordering, or writing a field that is not
/// updatable, is PermissionDenied; projection() leaves unreadable fields out, and depth-1 records follow their own
/// object's read permission and field restrictions (relations to unreadable objects are left out).
class RecordService
{
public:
    explicit RecordService(Workspace &workspace) : m_workspace(workspace) {}

    /// Where committed changes are reported (§10.2); set once by the Workspace before any request.
    void setEventSink(RecordEventSink *sink) { m_sink = sink; }

    [[nodiscard]] Result<RecordPage> findMany(const DataModel &model, const FindManyRequest &request,
                                              const Actor &actor);
    /// Pages of children per parent id (parents without children get an empty page).
    [[nodiscard]] Result<QHash<QString, RecordPage>> findRelatedPages(const RelatedPagesRequest &request,
                                                                      const Actor &actor);
    /// Live records by id in the order given (missing and soft-deleted ids are left out); read permission needed.
    [[nodiscard]] Result<std::vector<Record>> findByIds(const DataModel &model, const ObjectMetadata &object,
                                                        const std::vector<QString> &ids, const Actor &actor);
    /// A live record by id (soft-deleted → NotFound).
    [[nodiscard]] Result<Record> findOne(const DataModel &model, const ObjectMetadata &object, const QString &id,
                                         int depth, const Actor &actor);
    /// Creates (or upserts) records; all or nothing; returns them in input order.
    [[nodiscard]] Result<std::vector<Record>> create(const DataModel &model, const ObjectMetadata &object,
                                                     const QJsonArray &inputs, bool upsert, const Actor &actor,
                                                     int depth);
    [[nodiscard]] Result<Record> updateOne(const DataModel &model, const ObjectMetadata &object, const QString &id,
                                           const QJsonObject &data, const Actor &actor, int depth);
    [[nodiscard]] Result<std::vector<Record>> updateMany(const DataModel &model, const ObjectMetadata &object,
                                                         const std::optional<FilterNode> &filter,
                                                         const QJsonObject &data, const Actor &actor, int depth);
    /// Destroys (or soft-deletes) one record; returns its last state.
    [[nodiscard]] Result<Record> deleteOne(const DataModel &model, const ObjectMetadata &object, const QString &id,
                                           bool soft, const Actor &actor);
    [[nodiscard]] Result<std::vector<Record>> deleteMany(const DataModel &model, const ObjectMetadata &object,
                                                         const std::optional<FilterNode> &filter, bool soft,
                                                         const Actor &actor);
    [[nodiscard]] Result<Record> restoreOne(const DataModel &model, const ObjectMetadata &object, const QString &id,
                                            const Actor &actor, int depth);
    [[nodiscard]] Result<std::vector<Record>> restoreMany(const DataModel &model, const ObjectMetadata &object,
                                                          const std::optional<FilterNode> &filter, const Actor &actor,
                                                          int depth);

    /// Groups the live (or, when the filter mentions deletedAt, the matching) records and computes aggregates in
    /// SQL (§1.10). Needs read on the object and on every field used (dimensions, aggregates, filter, orderings).
    [[nodiscard]] Result<GroupByResult> groupBy(const DataModel &model, const GroupByRequest &request,
                                                const Actor &actor);
    /// Aggregates over the whole filtered set (GraphQL connection aggregate fields): values aligned with `names`.
    [[nodiscard]] Result<std::vector<QJsonValue>> aggregate(const DataModel &model, const ObjectMetadata &object,
                                                            const std::optional<FilterNode> &filter,
                                                            const QStringList &names, const Actor &actor);
    /// One page per input (§1.11): live records equal on every column of one of the object's duplicateCriteria
    /// alternatives (all non-empty); an input record itself is excluded. Needs read. More than api.batchMaxRecords
    /// inputs, both or neither of ids/data → 400.
    [[nodiscard]] Result<std::vector<RecordPage>> findDuplicates(const DataModel &model,
                                                                 const DuplicatesRequest &request, const Actor &actor,
                                                                 int depth);
    /// Merges records into ids[conflictPriorityIndex] (§1.11) in one transaction: its non-empty values win, empty
    /// ones are filled from the others in ids order, EMAILS/PHONES/LINKS secondary lists are merged without
    /// duplicates, every MANY_TO_ONE join column pointing at the others moves to the survivor, the others are
    /// soft-deleted. dryRun computes the result and writes nothing. Needs update and soft delete.
    [[nodiscard]] Result<Record> merge(const DataModel &model, const MergeRequest &request, const Actor &actor,
                                       int depth);

    /// Validates `fields=` names and builds the projection (§1.8) of what `actor` may read (§6.2).
    [[nodiscard]] Result<Projection> projection(const ObjectMetadata &object, const std::optional<QStringList> &fields,
                                                int depth, bool omitNullValues, int maxFields,
                                                const Actor &actor) const;

private:
    struct WriteValues;
    /// `forMatch`: the input only describes values to look for (duplicates): no update permission needed, no
    /// server-set values.
    [[nodiscard]] Result<WriteValues> convertInput(const DataModel &model, const ObjectMetadata &object,
                                                   const QJsonObject &input, bool forCreate, const Actor &actor,
                                                   const QString &now, bool forMatch = false);
    /// The WHERE of a read: the bound filter, and `deletedAt IS NULL` unless the filter mentions deletedAt (§1.4).
    /// A read's checks (read permission, readable filter and order fields) and its WHERE and resolved order.
    struct ReadPlan {
        std::optional<SqlFragment> where;
        std::vector<ResolvedOrder> order;
    };
    [[nodiscard]] Result<ReadPlan> planRead(const ObjectMetadata &object, const std::optional<FilterNode> &filter,
                                            const std::vector<OrderTerm> &orderBy, const AccessPolicy *policy) const;
    [[nodiscard]] Result<std::optional<SqlFragment>> readWhere(const ObjectMetadata &object,
                                                               const std::optional<FilterNode> &filter) const;
    [[nodiscard]] Result<std::vector<QString>> matchingIds(const ObjectMetadata &object,
                                                           const std::optional<FilterNode> &filter, bool deletedOnly,
                                                           int cap, const QString &capMessage);
    [[nodiscard]] Result<std::vector<Record>> readByIds(const DataModel &model, const ObjectMetadata &object,
                                                        const std::vector<QString> &ids, int depth, bool includeDeleted,
                                                        const AccessPolicy *policy);
    [[nodiscard]] Result<void> loadRelations(const DataModel &model, const ObjectMetadata &object,
                                             std::vector<Record> &records, const AccessPolicy *policy);
    [[nodiscard]] Result<void> insertRow(const ObjectMetadata &object, const WriteValues &values);
    [[nodiscard]] Result<void> updateRow(const ObjectMetadata &object, const QString &id, const WriteValues &values);
    [[nodiscard]] Error mapWriteError(const ObjectMetadata &object, const Error &error) const;

    /// One committed change for publish(): the record after it, and before it for `updated`.
    struct Change {
        RecordAction action;
        const Record *after;
        const Record *before = nullptr;
    };
    [[nodiscard]] bool listening(const ObjectMetadata &object, RecordAction action) const;
    /// Reports changes to the sink once the current transaction (if any) has committed.
    void publish(const DataModel &model, const ObjectMetadata &object, const std::vector<Change> &changes,
                 const Actor &actor);
    /// publish() of the records with these ids as they are now (unrestricted depth-0 read).
    void publishIds(const DataModel &model, const ObjectMetadata &object, RecordAction action,
                    const std::vector<QString> &ids, const Actor &actor);

    Workspace &m_workspace;
    RecordEventSink *m_sink = nullptr;
};

/// @brief Writes records as JSON (API-CONTRACT §1.8, §2.4): composites as objects, join columns as `<name>Id`,
/// depth-1 relations as objects/arrays, TEXT never set as "". Shared by REST and (later) webhooks.
class RecordJson
{
public:
    static void write(JsonWriter &out, const DataModel &model, const ObjectMetadata &object, const Record &record,
                      const Projection &projection);
    /// All fields, depth 0 (webhook payloads, tests).
    static QByteArray toJson(const DataModel &model, const ObjectMetadata &object, const Record &record);
};

} // namespace vingt
