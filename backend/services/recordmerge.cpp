// RecordService: find duplicates and merge (API-CONTRACT §1.11, §4 duplicate criteria).

#include "core/clock.h"
#include "core/json.h"
#include "core/uuid.h"
#include "services/recordinternal.h"
#include "services/recordservice.h"
#include "services/workspace.h"
#include "storage/database.h"

#include <QSet>

namespace vingt {

using namespace Qt::StringLiterals;
using namespace recordinternal;

namespace {

bool isEmptyValue(const QVariant &value, ValueKind kind)
{
    if (value.isNull())
        return true;
    if (kind == ValueKind::Json || kind == ValueKind::MultiSelect) {
        const QString text = value.toString().trimmed();
        return text.isEmpty() || text == "[]"_L1 || text == "null"_L1 || text == "{}"_L1;
    }
    if (kind == ValueKind::Float || kind == ValueKind::Integer || kind == ValueKind::Boolean)
        return false;
    return value.toString().isEmpty();
}

/// The filter value of a stored value, as the binder expects it.
QJsonValue filterValue(const QVariant &value, ValueKind kind)
{
    switch (kind) {
    case ValueKind::Boolean: return value.toLongLong() != 0;
    case ValueKind::Float: return value.toDouble();
    case ValueKind::Integer: return qint64(value.toLongLong());
    default: return value.toString();
    }
}

/// `field` and `subField` names of a storage column (`nameFirstName` → name, firstName).
std::pair<QString, QString> columnPath(const ObjectMetadata &object, const StorageColumn &column)
{
    const FieldMetadata &field = object.fields[std::size_t(column.fieldIndex)];
    if (column.subFieldIndex < 0)
        return {field.isManyToOne() ? column.name : field.name, {}};
    return {field.name, QString(compositeSubFields(field.type)[std::size_t(column.subFieldIndex)].name)};
}

/// The duplicate filter for one input's values (column index → value): OR over the criteria alternatives whose
/// columns are all non-empty and readable; nullopt when none applies.
std::optional<FilterNode> duplicateFilter(const ObjectMetadata &object, const AccessPolicy *policy,
                                          const std::function<QVariant(int)> &valueOf)
{
    std::vector<FilterNode> alternatives;
    for (const QStringList &criterion : object.duplicateCriteria) {
        std::vector<FilterNode> equalities;
        bool usable = !criterion.isEmpty();
        for (const QString &name : criterion) {
            const int c = object.columnIndexByName.value(name, -1);
            if (c < 0) {
                usable = false;
                break;
            }
            const StorageColumn &column = object.columns[std::size_t(c)];
            const QVariant value = valueOf(c);
            if (isEmptyValue(value, column.kind) || (policy && !policy->canReadField(object, column.fieldIndex))) {
                usable = false;
                break;
            }
            auto [field, subField] = columnPath(object, column);
            equalities.push_back(
                FilterNode::makeCondition(field, subField, Comparator::Eq, filterValue(value, column.kind)));
        }
        if (usable)
            alternatives.push_back(FilterNode::makeAnd(std::move(equalities)));
    }
    if (alternatives.empty())
        return std::nullopt;
    return FilterNode::makeOr(std::move(alternatives));
}

// ---------------------------------------------------------------------------------------------------------------------
// Merge rules

QJsonArray jsonList(const QVariant &value)
{
    if (value.isNull())
        return {};
    auto parsed = json::parse(value.toString().toUtf8());
    return parsed && parsed->isArray() ? parsed->toArray() : QJsonArray();
}

/// Appends `item` unless an item with the same key is there already, or the key is empty or `exclude`.
void appendUnique(QJsonArray &list, const QJsonValue &item, const std::function<QString(const QJsonValue &)> &key,
                  const QString &exclude)
{
    const QString k = key(item);
    if (k.isEmpty() || k == exclude)
        return;
    for (const QJsonValue &existing : list) {
        if (key(existing) == k)
            return;
    }
    list.append(item);
}

/// Merges one field's columns into `merged` (the survivor's values) from `others`, in order.
void mergeField(const ObjectMetadata &object, int fieldIndex, std::vector<QVariant> &merged,
                const std::vector<const Record *> &others)
{
    const FieldMetadata &field = object.fields[std::size_t(fieldIndex)];
    const int first = object.fieldFirstColumn[std::size_t(fieldIndex)];
    const auto subs = compositeSubFields(field.type);
    auto kindAt = [&object](int c) { return object.columns[std::size_t(c)].kind; };
    if (subs.empty()) {
        // A scalar or a join column: fill an empty value from the first other record that has one.
        if (!isEmptyValue(merged[std::size_t(first)], kindAt(first)))
            return;
        for (const Record *other : others) {
            if (!isEmptyValue(other->values[std::size_t(first)], kindAt(first))) {
                merged[std::size_t(first)] = other->values[std::size_t(first)];
                return;
            }
        }
        return;
    }
    if (field.type == FieldType::Emails || field.type == FieldType::Phones || field.type == FieldType::Links) {
        // Primary value (with its companion sub-fields) from the first record that has one; every other primary and
        // secondary value goes to the secondary list, without duplicates.
        const int listColumn = first + int(subs.size()) - 1; // additionalEmails / additionalPhones / secondaryLinks
        const int companions = int(subs.size()) - 1;         // primary sub-fields
        std::vector<const std::vector<QVariant> *> sources;
        sources.push_back(&merged);
        for (const Record *other : others)
            sources.push_back(&other->values);
        std::vector<QVariant> primary(merged.begin() + first, merged.begin() + first + companions);
        if (isEmptyValue(primary[0], kindAt(first))) {
            for (const Record *other : others) {
                if (!isEmptyValue(other->values[std::size_t(first)], kindAt(first))) {
                    primary.assign(other->values.begin() + first, other->values.begin() + first + companions);
                    break;
                }
            }
        }
        const QString primaryKey = primary[0].toString();
        std::function<QString(const QJsonValue &)> key;
        std::function<QJsonValue(const std::vector<QVariant> &)> asItem;
        if (field.type == FieldType::Emails) {
            key = [](const QJsonValue &v) { return v.toString().toLower(); };
            asItem = [first](const std::vector<QVariant> &values) {
                return QJsonValue(values[std::size_t(first)].toString());
            };
        } else if (field.type == FieldType::Phones) {
            key = [](const QJsonValue &v) { return v.toObject().value("number"_L1).toString(); };
            asItem = [first](const std::vector<QVariant> &values) {
                return QJsonValue(QJsonObject{{"number", values[std::size_t(first)].toString()},
                                              {"countryCode", values[std::size_t(first + 1)].toString()},
                                              {"callingCode", values[std::size_t(first + 2)].toString()}});
            };
        } else {
            key = [](const QJsonValue &v) { return v.toObject().value("url"_L1).toString(); };
            asItem = [first](const std::vector<QVariant> &values) {
                return QJsonValue(QJsonObject{{"url", values[std::size_t(first)].toString()},
                                              {"label", values[std::size_t(first + 1)].toString()}});
            };
        }
        const QString exclude = field.type == FieldType::Emails ? primaryKey.toLower() : primaryKey;
        QJsonArray list;
        for (const auto *values : sources) {
            appendUnique(list, asItem(*values), key, exclude);
            for (const QJsonValue &item : jsonList((*values)[std::size_t(listColumn)]))
                appendUnique(list, item, key, exclude);
        }
        for (int s = 0; s < companions; ++s)
            merged[std::size_t(first + s)] = primary[std::size_t(s)];
        const QVariant before = merged[std::size_t(listColumn)];
        if (!list.isEmpty() || !before.isNull())
            merged[std::size_t(listColumn)] = QString::fromUtf8(json::serialize(list));
        if (list.isEmpty() && jsonList(before).isEmpty())
            merged[std::size_t(listColumn)] = before; // unchanged: keep null as null
        return;
    }
    // Other composites (FULL_NAME, ADDRESS, CURRENCY, ...) are taken whole from the first record with any value, so
    // that e.g. an amount never gets another record's currency.
    auto emptyComposite = [&](const std::vector<QVariant> &values) {
        for (int s = 0; s < int(subs.size()); ++s) {
            if (!isEmptyValue(values[std::size_t(first + s)], kindAt(first + s)))
                return false;
        }
        return true;
    };
    if (!emptyComposite(merged))
        return;
    for (const Record *other : others) {
        if (!emptyComposite(other->values)) {
            for (int s = 0; s < int(subs.size()); ++s)
                merged[std::size_t(first + s)] = other->values[std::size_t(first + s)];
            return;
        }
    }
}

bool isServerManaged(const QString &name)
{
    static const QSet<QString> names{u"id"_s,        u"createdAt"_s, u"updatedAt"_s, u"deletedAt"_s,
                                     u"createdBy"_s, u"updatedBy"_s, u"position"_s};
    return names.contains(name);
}

} // namespace

Result<std::vector<RecordPage>> RecordService::findDuplicates(const DataModel &model, const DuplicatesRequest &request,
                                                              const Actor &actor, int depth)
{
    const ObjectMetadata &object = *request.object;
    const AccessPolicy *policy = actor.restrictions();
    VINGT_TRY(require(policy, RecordPermission::Read, object));
    if (request.ids && request.data)
        return Error::badRequest(u"You cannot provide both \"data\" and \"ids\" arguments"_s);
    if (!request.ids && (!request.data || request.data->isEmpty()))
        return Error::badRequest(u"The \"data\" condition can not be empty when \"ids\" input not provided"_s);
    const int cap = m_workspace.settings().batchMaxRecords();
    const qsizetype inputs = request.ids ? request.ids->size() : request.data->size();
    if (inputs > cap)
        return Error::badRequest(u"Cannot find duplicates of more than %1 records at once"_s.arg(cap));

    // Each input as column values.
    std::vector<std::vector<QVariant>> values;
    std::vector<QString> selfIds;
    if (request.ids) {
        std::vector<QString> ids;
        for (const QString &id : *request.ids) {
            if (!uuid::isValid(id))
                return Error::badRequest(u"'%1' is not a valid UUID"_s.arg(id));
            ids.push_back(id.toLower());
        }
        auto records = readByIds(model, object, ids, 0, false, nullptr);
        if (!records)
            return records.error();
        for (const QString &id : ids) {
            std::vector<QVariant> row(object.columns.size());
            for (const Record &record : *records) {
                if (record.id() == id)
                    row = record.values;
            }
            values.push_back(std::move(row));
            selfIds.push_back(id);
        }
    } else {
        const QString now = clock::nowIso();
        for (qsizetype i = 0; i < request.data->size(); ++i) {
            const QJsonValue item = request.data->at(i);
            if (!item.isObject())
                return Error::badRequest(
                    u"Record at index %1 must be a JSON object, got %2"_s.arg(i).arg(json::typeName(item)));
            auto converted = convertInput(model, object, item.toObject(), false, actor, now, true);
            if (!converted)
                return converted.error();
            std::vector<QVariant> row(object.columns.size());
            for (const auto &[c, v] : converted->columns)
                row[std::size_t(c)] = v;
            values.push_back(std::move(row));
            selfIds.push_back({});
        }
    }

    std::vector<RecordPage> pages;
    for (std::size_t i = 0; i < values.size(); ++i) {
        auto filter = duplicateFilter(object, policy, [&](int c) { return values[i][std::size_t(c)]; });
        if (!filter) {
            pages.emplace_back();
            continue;
        }
        if (!selfIds[i].isEmpty()) {
            filter = FilterNode::makeAnd(
                {std::move(*filter), FilterNode::makeCondition(u"id"_s, {}, Comparator::Neq, selfIds[i])});
        }
        FindManyRequest find;
        find.object = &object;
        find.filter = std::move(filter);
        find.limit = m_workspace.settings().pageSizeDefault();
        find.depth = depth;
        auto page = findMany(model, find, actor);
        if (!page)
            return page.error();
        pages.push_back(std::move(page.value()));
    }
    return pages;
}

Result<Record> RecordService::merge(const DataModel &model, const MergeRequest &request, const Actor &actor, int depth)
{
    const ObjectMetadata &object = *request.object;
    const AccessPolicy *policy = actor.restrictions();
    VINGT_TRY(require(policy, RecordPermission::Update, object)); // §6.1: merge → update + soft delete
    VINGT_TRY(require(policy, RecordPermission::SoftDelete, object));
    const int cap = m_workspace.settings().batchMaxRecords();
    if (request.ids.size() < 2)
        return Error::badRequest(u"Merge needs at least 2 ids, got %1"_s.arg(request.ids.size()));
    if (request.ids.size() > cap)
        return Error::badRequest(u"Cannot merge more than %1 records at once"_s.arg(cap));
    std::vector<QString> ids;
    for (const QString &id : request.ids) {
        if (!uuid::isValid(id))
            return Error::badRequest(u"'%1' is not a valid UUID"_s.arg(id));
        const QString lower = id.toLower();
        if (std::find(ids.begin(), ids.end(), lower) != ids.end())
            return Error::badRequest(u"Merge ids must be distinct: '%1' is given twice"_s.arg(id));
        ids.push_back(lower);
    }
    if (request.conflictPriorityIndex < 0 || request.conflictPriorityIndex >= int(ids.size())) {
        return Error::badRequest(u"conflictPriorityIndex %1 is out of range: it must be between 0 and %2"_s
                                     .arg(request.conflictPriorityIndex)
                                     .arg(ids.size() - 1));
    }
    const QString survivorId = ids[std::size_t(request.conflictPriorityIndex)];
    Database &db = m_workspace.database();
    const SqlDialect &dialect = db.dialect();
    const QString now = clock::nowIso();

    Record merged;
    auto body = [&]() -> Result<void> {
        auto records = readByIds(model, object, ids, 0, false, nullptr);
        if (!records)
            return records.error();
        if (records->size() != ids.size())
            return Error::notFound();
        std::vector<const Record *> others;
        const Record *survivor = nullptr;
        for (const Record &record : *records) {
            if (record.id() == survivorId)
                survivor = &record;
            else
                others.push_back(&record);
        }
        merged = *survivor;
        for (int f = 0; f < int(object.fields.size()); ++f) {
            const FieldMetadata &field = object.fields[std::size_t(f)];
            if (!field.isActive || object.fieldFirstColumn[std::size_t(f)] < 0 || isServerManaged(field.name)
                || field.type == FieldType::TsVector || (isRelation(field.type) && !field.isManyToOne()))
                continue;
            mergeField(object, f, merged.values, others);
        }
        // Only changed columns are written; each must be updatable by the actor (§6.2).
        auto changes = convertInput(model, object, QJsonObject{}, false, actor, now); // updatedAt, updatedBy
        if (!changes)
            return changes.error();
        bool changed = false;
        for (int c = 0; c < int(object.columns.size()); ++c) {
            if (merged.values[std::size_t(c)] == survivor->values[std::size_t(c)])
                continue;
            if (policy && !policy->canUpdateField(object, object.columns[std::size_t(c)].fieldIndex))
                return Error::permissionDenied();
            changes->set(c, merged.values[std::size_t(c)]);
            changed = true;
        }
        if (request.dryRun)
            return {};
        // 1. Soft-delete the others first: unique values (emails, domain) they hold become free for the survivor.
        QVariantList otherIds;
        for (const Record *other : others)
            otherIds << other->id();
        QVariantList deleteBinds{now};
        deleteBinds << otherIds;
        auto deleted = db.exec(u"UPDATE %1 SET %2 = ? WHERE %3 IN (%4)"_s.arg(
                                   dialect.quote(object.tableName()), dialect.quote(u"deletedAt"_s),
                                   dialect.quote(u"id"_s), placeholders(otherIds.size())),
                               deleteBinds);
        if (!deleted)
            return mapWriteError(object, deleted.error());
        // 2. Every join column pointing at the others now points at the survivor (soft-deleted children too).
        for (const ObjectMetadata &other : model.objects()) {
            if (!other.isActive)
                continue;
            for (const FieldMetadata &field : other.fields) {
                if (!field.isActive || !field.isManyToOne() || model.relationTarget(field) != &object)
                    continue;
                const QString joinColumn = field.joinColumnName();
                if (!other.column(joinColumn))
                    continue;
                QVariantList binds{survivorId};
                binds << otherIds;
                auto moved = db.exec(u"UPDATE %1 SET %2 = ? WHERE %2 IN (%3)"_s.arg(dialect.quote(other.tableName()),
                                                                                    dialect.quote(joinColumn),
                                                                                    placeholders(otherIds.size())),
                                     binds);
                if (!moved)
                    return mapWriteError(other, moved.error());
            }
        }
        // 3. The survivor's merged values.
        if (changed || !others.empty())
            VINGT_TRY(updateRow(object, survivorId, *changes));
        return {};
    };
    if (request.dryRun) {
        VINGT_TRY(db.transaction(body, false));
        std::vector<Record> result{merged};
        if (depth > 0)
            VINGT_TRY(loadRelations(model, object, result, policy));
        return std::move(result.front());
    }
    VINGT_TRY(db.transaction(body));
    return findOne(model, object, survivorId, depth, actor);
}

} // namespace vingt
