#include "services/recordservice.h"

#include "core/clock.h"
#include "core/json.h"
#include "core/jsonwriter.h"
#include "core/uuid.h"
#include "model/ddl.h"
#include "query/cursor.h"
#include "query/filterbinder.h"
#include "query/sqlbuilder.h"
#include "services/recordinternal.h"
#include "services/workspace.h"
#include "storage/database.h"

#include <QSet>

#include <algorithm>

namespace vingt {

using namespace Qt::StringLiterals;


namespace recordinternal {

const QVariant kNullText = QVariant(QMetaType::fromType<QString>());

Error notFoundField(const ObjectMetadata &object, const QString &name)
{
    return Error::badRequest(u"Field '%1' not found on object '%2'"_s.arg(name, object.nameSingular));
}

QString selectColumns(const ObjectMetadata &object, const QString &alias)
{
    if (alias.isEmpty())
        return object.sql.columnList;
    QStringList list;
    list.reserve(int(object.columns.size()));
    for (const StorageColumn &column : object.columns)
        list << alias + u".\""_s + column.name + u'"';
    return list.join(u',');
}

Record readRecord(Rows &rows, const ObjectMetadata &object, int offset)
{
    Record record;
    record.values.reserve(object.columns.size());
    for (int c = 0; c < int(object.columns.size()); ++c)
        record.values.push_back(rows.value(offset + c));
    return record;
}

QString placeholders(qsizetype count)
{
    QString out;
    out.reserve(count * 2);
    for (qsizetype i = 0; i < count; ++i)
        out += i == 0 ? u"?"_s : u",?"_s;
    return out;
}

QString describe(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    return QString::fromUtf8(json::serialize(value));
}

QString stripTrailingSlash(QString url)
{
    while (url.size() > 1 && url.endsWith(u'/'))
        url.chop(1);
    return url;
}

// ---------------------------------------------------------------------------------------------------------------------
// Permissions (API-CONTRACT §6.1, 6.2)

Result<void> require(const AccessPolicy *policy, RecordPermission permission, const ObjectMetadata &object)
{
    if (policy && !policy->can(permission, object))
        return Error::permissionDenied();
    return {};
}

/// The field a filter or ordering names: a field name or a join column (`companyId`); -1 when unknown (the binder
/// reports those).
int namedFieldIndex(const ObjectMetadata &object, const QString &name)
{
    const int index = object.fieldIndexByName.value(name, -1);
    if (index >= 0)
        return index;
    const StorageColumn *column = object.column(name);
    return column && column->subFieldIndex < 0 ? column->fieldIndex : -1;
}

Result<void> requireReadable(const AccessPolicy *policy, const ObjectMetadata &object, const QString &name)
{
    const int index = namedFieldIndex(object, name);
    if (policy && index >= 0 && !policy->canReadField(object, index))
        return Error::permissionDenied();
    return {};
}

Result<void> requireReadable(const AccessPolicy *policy, const ObjectMetadata &object, const FilterNode &node)
{
    if (!policy)
        return {};
    if (node.kind == FilterNode::Kind::Condition)
        return requireReadable(policy, object, node.condition.field);
    for (const FilterNode &child : node.children)
        VINGT_TRY(requireReadable(policy, object, child));
    return {};
}

Result<void> requireReadable(const AccessPolicy *policy, const ObjectMetadata &object,
                             const std::optional<FilterNode> &filter)
{
    return filter ? requireReadable(policy, object, *filter) : Result<void>();
}

} // namespace recordinternal

using namespace recordinternal;

// ---------------------------------------------------------------------------------------------------------------------
// Input conversion (API-CONTRACT §1.7, §0.3 wording)

namespace {

struct FieldPath {
    const ObjectMetadata &object;
    QString path; ///< `employees` or `name.firstName`

    [[nodiscard]] Error expects(const QString &what, const QJsonValue &got) const
    {
        Q_UNUSED(got);
        return Error::badRequest(u"Field '%1' on object '%2' expects %3"_s.arg(path, object.nameSingular, what));
    }
};

Result<QVariant> convertScalar(ValueKind kind, const QJsonValue &value, const FieldPath &where,
                               const std::vector<SelectOption> *options, bool isList)
{
    if (value.isNull() || value.isUndefined())
        return QVariant();
    switch (kind) {
    case ValueKind::Text:
        if (!value.isString())
            return where.expects(u"a string"_s, value);
        return value.toString();
    case ValueKind::Uuid:
        if (!value.isString() || !uuid::isValid(value.toString())) {
            return Error::badRequest(u"Field '%1' on object '%2' expects a UUID, got '%3'"_s.arg(
                where.path, where.object.nameSingular, describe(value)));
        }
        return value.toString().toLower();
    case ValueKind::DateTime: {
        const auto normalized = value.isString() ? clock::normalizeIso(value.toString()) : std::nullopt;
        if (!normalized) {
            return Error::badRequest(u"Field '%1' on object '%2' expects an ISO 8601 date-time, got '%3'"_s.arg(
                where.path, where.object.nameSingular, describe(value)));
        }
        return *normalized;
    }
    case ValueKind::Date: {
        const auto normalized = value.isString() ? clock::normalizeDate(value.toString()) : std::nullopt;
        if (!normalized) {
            return Error::badRequest(u"Field '%1' on object '%2' expects a date (YYYY-MM-DD), got '%3'"_s.arg(
                where.path, where.object.nameSingular, describe(value)));
        }
        return *normalized;
    }
    case ValueKind::Boolean:
        if (!value.isBool())
            return where.expects(u"a boolean"_s, value);
        return value.toBool() ? 1 : 0;
    case ValueKind::Float:
        if (!value.isDouble())
            return where.expects(u"a number"_s, value);
        return value.toDouble();
    case ValueKind::Integer: {
        if (value.isDouble()) {
            const double d = value.toDouble();
            if (d != std::floor(d) || std::fabs(d) > 9.2e18)
                return where.expects(u"an integer"_s, value);
            return qint64(d);
        }
        if (value.isString()) {
            bool ok = false;
            const qint64 n = value.toString().trimmed().toLongLong(&ok);
            if (ok)
                return n;
        }
        return where.expects(u"a number"_s, value);
    }
    case ValueKind::Select: {
        if (!value.isString())
            return where.expects(u"a string"_s, value);
        const QString text = value.toString();
        bool known = false;
        if (options) {
            for (const auto &option : *options)
                known = known || option.value == text;
        } else {
            for (const auto source : actorSources())
                known = known || text == source;
        }
        if (!known) {
            return Error::badRequest(u"Value '%1' is not a valid option for field '%2' on object '%3'"_s.arg(
                text, where.path, where.object.nameSingular));
        }
        return text;
    }
    case ValueKind::MultiSelect: {
        if (!value.isArray())
            return where.expects(u"an array of option values"_s, value);
        for (const QJsonValue &item : value.toArray()) {
            const QString text = item.toString();
            bool known = false;
            if (options) {
                for (const auto &option : *options)
                    known = known || (item.isString() && option.value == text);
            }
            if (!known) {
                return Error::badRequest(u"Value '%1' is not a valid option for field '%2' on object '%3'"_s.arg(
                    describe(item), where.path, where.object.nameSingular));
            }
        }
        return QString::fromUtf8(json::serialize(value));
    }
    case ValueKind::Json:
        if (isList && !value.isArray())
            return where.expects(u"an array"_s, value);
        return QString::fromUtf8(json::serialize(value));
    }
    return QVariant();
}

QJsonValue normalizeLinks(const QJsonValue &secondary)
{
    if (!secondary.isArray())
        return secondary;
    QJsonArray out;
    for (const QJsonValue &item : secondary.toArray()) {
        QJsonObject link = item.toObject();
        if (link.contains("url"_L1) && link.value("url"_L1).isString())
            link.insert("url"_L1, stripTrailingSlash(link.value("url"_L1).toString()));
        out.append(item.isObject() ? QJsonValue(link) : item);
    }
    return out;
}

} // namespace

Result<RecordService::WriteValues> RecordService::convertInput(const DataModel &model, const ObjectMetadata &object,
                                                               const QJsonObject &input, bool forCreate,
                                                               const Actor &actor, const QString &now, bool forMatch)
{
    Q_UNUSED(model);
    const AccessPolicy *policy = forMatch ? nullptr : actor.restrictions();
    WriteValues out;
    QString clientCreatedBySource;
    for (auto it = input.begin(); it != input.end(); ++it) {
        const QString key = it.key();
        const QJsonValue value = it.value();
        const FieldMetadata *field = object.field(key);
        if (!field) {
            // A join column (`companyId`) is writable by name.
            const StorageColumn *column = object.column(key);
            if (column && column->subFieldIndex < 0 && object.fields[column->fieldIndex].isManyToOne()) {
                if (policy && !policy->canUpdateField(object, column->fieldIndex))
                    return Error::permissionDenied();
                auto converted = convertScalar(ValueKind::Uuid, value, FieldPath{object, key}, nullptr, false);
                if (!converted)
                    return converted.error();
                out.set(int(column - object.columns.data()), converted.value());
                continue;
            }
            return notFoundField(object, key);
        }
        if (!object.isApiField(*field) || isRelation(field->type))
            return notFoundField(object, key);
        if (policy && !policy->canUpdateField(object, int(field - object.fields.data())))
            return Error::permissionDenied(); // §6.2: writing a non-updatable field
        const int first = object.fieldFirstColumn[std::size_t(field - object.fields.data())];
        if (key == "id"_L1) {
            if (!forCreate)
                continue; // the path names the record; an id in an update body is ignored
            auto converted = convertScalar(ValueKind::Uuid, value, FieldPath{object, key}, nullptr, false);
            if (!converted)
                return converted.error();
            if (!converted->isNull())
                out.set(first, converted.value());
            continue;
        }
        if (key == "updatedAt"_L1 || key == "updatedBy"_L1)
            continue; // server-set on every write
        if (key == "createdBy"_L1) {
            if (forCreate && value.isObject()) {
                const QJsonObject actorInput = value.toObject();
                for (auto sub = actorInput.begin(); sub != actorInput.end(); ++sub) {
                    bool known = false;
                    for (const SubField &s : compositeSubFields(FieldType::Actor))
                        known = known || sub.key() == s.name;
                    if (!known)
                        return notFoundField(object, key + u'.' + sub.key());
                }
                if (actorInput.contains("source"_L1)) {
                    auto source = convertScalar(ValueKind::Select, actorInput.value("source"_L1),
                                                FieldPath{object, u"createdBy.source"_s}, nullptr, false);
                    if (!source)
                        return source.error();
                    clientCreatedBySource = source->toString();
                }
            } else if (forCreate && !value.isNull()) {
                return FieldPath{object, key}.expects(u"an object"_s, value);
            }
            continue;
        }
        const auto subs = compositeSubFields(field->type);
        if (subs.empty()) {
            if (value.isNull() && !field->isNullable)
                return Error::badRequest(
                    u"Field '%1' on object '%2' cannot be null"_s.arg(key, object.nameSingular));
            auto converted = convertScalar(field->scalarKind(), value, FieldPath{object, key}, &field->options,
                                           field->type == FieldType::Array);
            if (!converted)
                return converted.error();
            if (field->type == FieldType::Array && value.isArray()) {
                for (const QJsonValue &item : value.toArray()) {
                    if (!item.isString())
                        return FieldPath{object, key}.expects(u"an array of strings"_s, value);
                }
            }
            out.set(first, converted.value());
            continue;
        }
        // Composite: an object of sub-fields; null clears every sub-field.
        if (value.isNull()) {
            for (int s = 0; s < int(subs.size()); ++s)
                out.set(first + s, subs[s].textDefaultEmpty ? QVariant(QString()) : QVariant());
            continue;
        }
        if (!value.isObject())
            return FieldPath{object, key}.expects(u"an object"_s, value);
        const QJsonObject composite = value.toObject();
        for (auto sub = composite.begin(); sub != composite.end(); ++sub) {
            int s = 0;
            while (s < int(subs.size()) && sub.key() != subs[s].name)
                ++s;
            if (s == int(subs.size()))
                return notFoundField(object, key + u'.' + sub.key());
            QJsonValue subValue = sub.value();
            if (field->type == FieldType::Links && subs[s].name == "primaryLinkUrl"_L1 && subValue.isString())
                subValue = stripTrailingSlash(subValue.toString());
            if (field->type == FieldType::Links && subs[s].name == "secondaryLinks"_L1)
                subValue = normalizeLinks(subValue);
            auto converted = convertScalar(subs[s].kind, subValue, FieldPath{object, key + u'.' + sub.key()},
                                           nullptr, subs[s].kind == ValueKind::Json && field->type != FieldType::Actor);
            if (!converted)
                return converted.error();
            if (converted->isNull() && subs[s].textDefaultEmpty)
                out.set(first + s, QString());
            else
                out.set(first + s, converted.value());
        }
    }

    if (forMatch)
        return out;
    // Server-set values: actors and timestamps (§1.7).
    auto setActor = [&](const QString &fieldName, const QString &source) {
        const FieldMetadata *f = object.field(fieldName);
        if (!f || f->type != FieldType::Actor)
            return;
        const int first = object.fieldFirstColumn[std::size_t(f - object.fields.data())];
        if (first < 0)
            return;
        out.set(first, source);
        out.set(first + 1, actor.workspaceMemberId.isEmpty() ? kNullText : QVariant(actor.workspaceMemberId));
        out.set(first + 2, actor.name);
        out.set(first + 3, u"{}"_s);
    };
    if (forCreate)
        setActor(u"createdBy"_s, clientCreatedBySource.isEmpty() ? actor.source : clientCreatedBySource);
    setActor(u"updatedBy"_s, actor.source);
    if (const StorageColumn *updatedAt = object.column(u"updatedAt"_s))
        out.set(int(updatedAt - object.columns.data()), now);
    return out;
}

Error RecordService::mapWriteError(const ObjectMetadata &object, const Error &error) const
{
    if (error.code == QLatin1StringView(dberror::kUnique)) {
        // error.message holds "table.column[, table.column]"
        const QString column = error.message.section(u',', 0, 0).section(u'.', 1).trimmed();
        if (column == "id"_L1)
            return Error::badRequest(u"Record already exists"_s);
        QString path = column;
        if (const StorageColumn *c = object.column(column)) {
            const FieldMetadata &f = object.fields[c->fieldIndex];
            path = c->subFieldIndex >= 0
                       ? f.name + u'.' + QString(compositeSubFields(f.type)[c->subFieldIndex].name)
                       : f.name;
        }
        return Error::badRequest(
            u"Value of field '%1' on object '%2' is already used by another record"_s.arg(path, object.nameSingular),
            u"DUPLICATE_VALUE"_s);
    }
    if (error.code == QLatin1StringView(dberror::kNotNull)) {
        const QString column = error.message.section(u'.', 1).trimmed();
        return Error::badRequest(u"Field '%1' on object '%2' cannot be null"_s.arg(column, object.nameSingular));
    }
    if (error.code == QLatin1StringView(dberror::kForeignKey)) {
        return Error::badRequest(
            u"A relation of object '%1' points to a record that does not exist"_s.arg(object.nameSingular));
    }
    if (error.code == QLatin1StringView(dberror::kBusy))
        return Error::unavailable(u"The database is busy; try again"_s);
    return error;
}

// ---------------------------------------------------------------------------------------------------------------------
// Reads

Result<Projection> RecordService::projection(const ObjectMetadata &object, const std::optional<QStringList> &fields,
                                             int depth, bool omitNullValues, int maxFields, const Actor &actor) const
{
    const AccessPolicy *policy = actor.restrictions();
    Projection p;
    p.depth = depth;
    p.omitNullValues = omitNullValues;
    if (policy)
        p.policy = actor.policy;
    const int idIndex = object.fieldIndexByName.value(u"id"_s, -1);
    if (idIndex >= 0)
        p.fieldIndexes.push_back(idIndex);
    auto add = [&p](int index) {
        if (std::find(p.fieldIndexes.begin(), p.fieldIndexes.end(), index) == p.fieldIndexes.end())
            p.fieldIndexes.push_back(index);
    };
    if (fields) {
        for (const QString &raw : *fields) {
            const QString name = raw.trimmed();
            if (name.isEmpty())
                continue;
            const FieldMetadata *f = object.field(name);
            if (!f) {
                const StorageColumn *c = object.column(name);
                if (c && c->subFieldIndex < 0 && object.fields[c->fieldIndex].isManyToOne())
                    f = &object.fields[c->fieldIndex];
            }
            if (!f || !object.isApiField(*f))
                return notFoundField(object, name);
            if (policy && !policy->canReadField(object, int(f - object.fields.data())))
                return Error::permissionDenied(); // §6.2: naming an unreadable field
            add(int(f - object.fields.data()));
        }
        return p;
    }
    // Unreadable fields are absent, never null (§6.2).
    std::vector<int> all;
    for (int i = 0; i < int(object.fields.size()); ++i) {
        if (object.isApiField(object.fields[i]) && (!policy || policy->canReadField(object, i)))
            all.push_back(i);
    }
    if (int(all.size()) <= maxFields) {
        for (int i : all)
            add(i);
        return p;
    }
    // §1.8: id, label identifier, image identifier, timestamps, position, then standard before custom, alphabetically.
    p.capped = true;
    for (const QString &id : {object.labelIdentifierFieldMetadataId, object.imageIdentifierFieldMetadataId}) {
        const FieldMetadata *f = object.fieldById(id);
        if (f && (!policy || policy->canReadField(object, int(f - object.fields.data()))))
            add(int(f - object.fields.data()));
    }
    for (const char *name : {"createdAt", "updatedAt", "deletedAt", "position"}) {
        const int index = object.fieldIndexByName.value(QString::fromLatin1(name), -1);
        if (index >= 0 && (!policy || policy->canReadField(object, index)))
            add(index);
    }
    std::sort(all.begin(), all.end(), [&object](int a, int b) {
        const FieldMetadata &fa = object.fields[a];
        const FieldMetadata &fb = object.fields[b];
        if (fa.isCustom != fb.isCustom)
            return !fa.isCustom;
        return fa.name < fb.name;
    });
    for (int i : all) {
        if (int(p.fieldIndexes.size()) >= maxFields)
            break;
        add(i);
    }
    return p;
}

Result<std::vector<Record>> RecordService::readByIds(const DataModel &model, const ObjectMetadata &object,
                                                     const std::vector<QString> &ids, int depth, bool includeDeleted,
                                                     const AccessPolicy *policy)
{
    std::vector<Record> found;
    Database &db = m_workspace.database();
    const SqlDialect &dialect = db.dialect();
    const QString deletedClause = includeDeleted || !object.column(u"deletedAt"_s)
                                      ? QString()
                                      : u" AND %1 IS NULL"_s.arg(dialect.quote(u"deletedAt"_s));
    constexpr qsizetype kChunk = 200;
    for (qsizetype start = 0; start < qsizetype(ids.size()); start += kChunk) {
        const qsizetype n = std::min<qsizetype>(kChunk, qsizetype(ids.size()) - start);
        QVariantList binds;
        for (qsizetype i = 0; i < n; ++i)
            binds << ids[std::size_t(start + i)];
        const QString sql = n == 1 ? (deletedClause.isEmpty() ? object.sql.selectById
                                                              : object.sql.selectById + deletedClause)
                                   : u"SELECT %1 FROM %2 WHERE %3 IN (%4)%5"_s.arg(
                                         selectColumns(object), dialect.quote(object.tableName()),
                                         dialect.quote(u"id"_s), placeholders(n), deletedClause);
        auto rows = db.exec(sql, binds);
        if (!rows)
            return rows.error();
        while (rows->next())
            found.push_back(readRecord(*rows, object));
    }
    // Keep the callers' order.
    QHash<QString, std::size_t> position;
    for (std::size_t i = 0; i < ids.size(); ++i)
        position.insert(ids[i], i);
    std::sort(found.begin(), found.end(), [&position](const Record &a, const Record &b) {
        return position.value(a.id()) < position.value(b.id());
    });
    if (depth > 0)
        VINGT_TRY(loadRelations(model, object, found, policy));
    return found;
}

Result<void> RecordService::loadRelations(const DataModel &model, const ObjectMetadata &object,
                                          std::vector<Record> &records, const AccessPolicy *policy)
{
    if (records.empty())
        return {};
    Database &db = m_workspace.database();
    const SqlDialect &dialect = db.dialect();
    const int pageMax = m_workspace.settings().pageSizeMax();
    for (int fi = 0; fi < int(object.fields.size()); ++fi) {
        const FieldMetadata &field = object.fields[fi];
        if (!field.isActive || field.type != FieldType::Relation)
            continue;
        const ObjectMetadata *target = model.relationTarget(field);
        if (!target || !target->isActive)
            continue;
        // §6.2: a relation is left out when the field or its target object is unreadable.
        if (policy && (!policy->canReadField(object, fi) || !policy->canRead(*target)))
            continue;
        if (field.isManyToOne()) {
            const int jc = object.fieldFirstColumn[std::size_t(fi)];
            std::vector<QString> ids;
            QSet<QString> seen;
            for (const Record &r : records) {
                const QString id = r.values[std::size_t(jc)].toString();
                if (!id.isEmpty() && !seen.contains(id)) {
                    seen.insert(id);
                    ids.push_back(id);
                }
            }
            auto related = readByIds(model, *target, ids, 0, false, nullptr);
            if (!related)
                return related.error();
            QHash<QString, const Record *> byId;
            for (const Record &r : *related)
                byId.insert(r.id(), &r);
            for (Record &r : records) {
                Record::Relation relation{fi, target, true, {}};
                if (const Record *match = byId.value(r.values[std::size_t(jc)].toString(), nullptr))
                    relation.records.push_back(*match);
                r.relations.push_back(std::move(relation));
            }
            continue;
        }
        if (!field.isOneToMany())
            continue;
        const FieldMetadata *inverse = model.relationInverse(field);
        if (!inverse || !inverse->isActive || !inverse->isManyToOne())
            continue;
        const QString joinColumn = inverse->joinColumnName();
        const int jcIndex = target->columnIndexByName.value(joinColumn, -1);
        if (jcIndex < 0)
            continue;
        QHash<QString, std::vector<Record>> children;
        constexpr qsizetype kChunk = 200;
        for (qsizetype start = 0; start < qsizetype(records.size()); start += kChunk) {
            const qsizetype n = std::min<qsizetype>(kChunk, qsizetype(records.size()) - start);
            QVariantList binds;
            for (qsizetype i = 0; i < n; ++i)
                binds << records[std::size_t(start + i)].id();
            const QString deleted = target->column(u"deletedAt"_s)
                                        ? u" AND %1 IS NULL"_s.arg(dialect.quote(u"deletedAt"_s))
                                        : QString();
            // At most api.pageSizeMax children per parent, ordered by id (a nested page).
            const QString sql =
                u"SELECT %1 FROM (SELECT %1, ROW_NUMBER() OVER (PARTITION BY %2 ORDER BY %3) AS vingt_rn FROM %4 "
                "WHERE %2 IN (%5)%6) AS t WHERE vingt_rn <= %7 ORDER BY %2, %3"_s.arg(
                    selectColumns(*target), dialect.quote(joinColumn), dialect.quote(u"id"_s),
                    dialect.quote(target->tableName()), placeholders(n), deleted)
                    .arg(pageMax);
            auto rows = db.exec(sql, binds);
            if (!rows)
                return rows.error();
            while (rows->next()) {
                Record child = readRecord(*rows, *target);
                children[child.values[std::size_t(jcIndex)].toString()].push_back(std::move(child));
            }
        }
        for (Record &r : records)
            r.relations.push_back(Record::Relation{fi, target, false, children.value(r.id())});
    }
    return {};
}

Result<std::optional<SqlFragment>> RecordService::readWhere(const ObjectMetadata &object,
                                                            const std::optional<FilterNode> &filter) const
{
    const SqlDialect &dialect = m_workspace.database().dialect();
    QStringList whereParts;
    QVariantList whereBinds;
    if (filter) {
        auto bound = bindFilter(*filter, object, dialect);
        if (!bound)
            return bound.error();
        if (!bound->sql.isEmpty()) {
            whereParts << bound->sql;
            whereBinds << bound->binds;
        }
    }
    // §1.4: soft-deleted rows are excluded unless the filter mentions deletedAt.
    if (object.column(u"deletedAt"_s) && !(filter && mentionsField(*filter, u"deletedAt")))
        whereParts << u"%1 IS NULL"_s.arg(dialect.quote(u"deletedAt"_s));
    std::optional<SqlFragment> where;
    if (!whereParts.isEmpty())
        where = SqlFragment{whereParts.size() == 1 ? whereParts.front() : u"("_s + whereParts.join(u") AND ("_s) + u')',
                            whereBinds};
    return where;
}

namespace {

/// Decodes and validates the `after` / `before` cursors of a page (§1.5).
Result<void> readCursors(const QString &startingAfter, const QString &endingBefore,
                         const std::vector<ResolvedOrder> &order, PageQuery &query)
{
    if (!startingAfter.isEmpty() && !endingBefore.isEmpty())
        return Error::badRequest(u"Cannot provide both before and after"_s);
    if (!startingAfter.isEmpty()) {
        auto cursor = decodeCursor(startingAfter);
        if (!cursor)
            return cursor.error();
        VINGT_TRY(validateCursor(*cursor, order));
        query.after = cursor.value();
    }
    if (!endingBefore.isEmpty()) {
        auto cursor = decodeCursor(endingBefore);
        if (!cursor)
            return cursor.error();
        VINGT_TRY(validateCursor(*cursor, order));
        query.before = cursor.value();
    }
    return {};
}

/// Cuts the extra row read past a page, restores the order of a backward read, sets the page flags and cursors.
void finishPage(RecordPage &page, const ObjectMetadata &object, const std::vector<ResolvedOrder> &order, int limit,
                bool backward)
{
    const bool more = int(page.records.size()) > limit;
    if (more)
        page.records.resize(std::size_t(limit));
    if (backward)
        std::reverse(page.records.begin(), page.records.end());
    page.hasNextPage = !backward && more;
    page.hasPreviousPage = backward && more;
    for (const ResolvedOrder &term : order) {
        const int c = object.columnIndexByName.value(term.column, -1);
        if (c >= 0)
            page.cursorColumns.push_back({term.column, c, object.columns[std::size_t(c)].kind});
    }
}

} // namespace

Result<RecordService::ReadPlan> RecordService::planRead(const ObjectMetadata &object,
                                                       const std::optional<FilterNode> &filter,
                                                       const std::vector<OrderTerm> &orderBy,
                                                       const AccessPolicy *policy) const
{
    VINGT_TRY(require(policy, RecordPermission::Read, object));
    VINGT_TRY(requireReadable(policy, object, filter));
    for (const OrderTerm &term : orderBy)
        VINGT_TRY(requireReadable(policy, object, term.field));
    auto where = readWhere(object, filter);
    if (!where)
        return where.error();
    auto order = resolveOrder(orderBy, object);
    if (!order)
        return order.error();
    return ReadPlan{std::move(where.value()), std::move(order.value())};
}

Result<RecordPage> RecordService::findMany(const DataModel &model, const FindManyRequest &request, const Actor &actor)
{
    const ObjectMetadata &object = *request.object;
    const AccessPolicy *policy = actor.restrictions();
    auto plan = planRead(object, request.filter, request.orderBy, policy);
    if (!plan)
        return plan.error();
    const std::optional<SqlFragment> *where = &plan->where;
    const std::vector<ResolvedOrder> *order = &plan->order;
    Database &db = m_workspace.database();
    const SqlDialect &dialect = db.dialect();

    RecordPage page;
    {
        const SqlFragment countSql = count(object, *where, dialect);
        auto counted = db.cachedCount(countSql.sql, countSql.binds);
        if (!counted)
            return counted.error();
        page.totalCount = counted.value();
    }
    if (request.limit <= 0)
        return page;

    PageQuery query;
    query.object = &object;
    for (const StorageColumn &column : object.columns)
        query.columns << column.name;
    query.where = *where;
    query.order = *order;
    query.limit = request.limit;
    query.offset = request.offset;
    query.backward = request.backward;
    VINGT_TRY(readCursors(request.startingAfter, request.endingBefore, *order, query));
    const SqlFragment select = selectPage(query, dialect);
    auto rows = db.exec(select.sql, select.binds);
    if (!rows)
        return rows.error();
    while (rows->next())
        page.records.push_back(readRecord(*rows, object));
    finishPage(page, object, *order, request.limit, (query.before || query.backward) && !query.after);
    if (request.depth > 0)
        VINGT_TRY(loadRelations(model, object, page.records, policy));
    return page;
}

QString RecordPage::cursor(std::size_t i) const
{
    QJsonObject values;
    for (const CursorColumn &term : cursorColumns)
        values.insert(term.name, cursorValue(term.kind, records.at(i).values[std::size_t(term.column)]));
    return QString::fromLatin1(encodeCursor(values));
}

Result<QHash<QString, RecordPage>> RecordService::findRelatedPages(const RelatedPagesRequest &request,
                                                                   const Actor &actor)
{
    const ObjectMetadata &object = *request.object;
    auto plan = planRead(object, request.filter, request.orderBy, actor.restrictions());
    if (!plan)
        return plan.error();
    const std::optional<SqlFragment> *where = &plan->where;
    const std::vector<ResolvedOrder> *order = &plan->order;
    Database &db = m_workspace.database();
    const SqlDialect &dialect = db.dialect();
    PageQuery keyset;
    VINGT_TRY(readCursors(request.startingAfter, request.endingBefore, *order, keyset));
    const bool backward = (keyset.before || request.backward) && !keyset.after;
    const int jcIndex = object.columnIndexByName.value(request.joinColumn, -1);
    if (jcIndex < 0)
        return Error::internal(u"no join column %1 on %2"_s.arg(request.joinColumn, object.nameSingular));

    QHash<QString, RecordPage> pages;
    for (const QString &id : request.parentIds)
        pages.insert(id, RecordPage{});
    const QString jc = dialect.quote(request.joinColumn);
    const QString table = dialect.quote(object.tableName());
    constexpr qsizetype kChunk = 500;
    const qsizetype total = qsizetype(request.parentIds.size());
    for (qsizetype start = 0; start < total; start += kChunk) {
        const qsizetype n = std::min<qsizetype>(kChunk, total - start);
        QVariantList parentBinds;
        for (qsizetype i = 0; i < n; ++i)
            parentBinds << request.parentIds[std::size_t(start + i)];
        const SqlFragment inParents{u"%1 IN (%2)"_s.arg(jc, placeholders(n)), parentBinds};
        std::vector<SqlFragment> countParts{inParents};
        if (*where)
            countParts.push_back(**where);
        const SqlFragment countWhere = sqlAnd(countParts);
        auto counted = db.exec(u"SELECT %1, COUNT(*) FROM %2 WHERE %3 GROUP BY %1"_s.arg(jc, table, countWhere.sql),
                               countWhere.binds);
        if (!counted)
            return counted.error();
        while (counted->next())
            pages[counted->value(0).toString()].totalCount = counted->value(1).toLongLong();
        if (request.limit <= 0)
            continue;
        std::vector<SqlFragment> pageParts = countParts;
        if (keyset.after)
            pageParts.push_back(keysetPredicate(*order, *keyset.after, dialect));
        if (keyset.before)
            pageParts.push_back(keysetPredicate(reversedOrder(*order), *keyset.before, dialect));
        const SqlFragment pageWhere = sqlAnd(pageParts);
        const QString sql
            = u"SELECT %1 FROM (SELECT %1, ROW_NUMBER() OVER (PARTITION BY %2 ORDER BY %3) AS vingt_rn FROM %4 "
              "WHERE %5) AS t WHERE vingt_rn <= %6 ORDER BY %2, vingt_rn"_s.arg(
                  selectColumns(object), jc, orderByClause(backward ? reversedOrder(*order) : *order, dialect), table,
                  pageWhere.sql, QString::number(qint64(request.limit) + 1));
        auto rows = db.exec(sql, pageWhere.binds);
        if (!rows)
            return rows.error();
        while (rows->next()) {
            Record child = readRecord(*rows, object);
            pages[child.values[std::size_t(jcIndex)].toString()].records.push_back(std::move(child));
        }
    }
    for (RecordPage &page : pages)
        finishPage(page, object, *order, request.limit, backward);
    return pages;
}

Result<std::vector<Record>> RecordService::findByIds(const DataModel &model, const ObjectMetadata &object,
                                                     const std::vector<QString> &ids, const Actor &actor)
{
    const AccessPolicy *policy = actor.restrictions();
    VINGT_TRY(require(policy, RecordPermission::Read, object));
    return readByIds(model, object, ids, 0, false, policy);
}

Result<Record> RecordService::findOne(const DataModel &model, const ObjectMetadata &object, const QString &id,
                                      int depth, const Actor &actor)
{
    const AccessPolicy *policy = actor.restrictions();
    VINGT_TRY(require(policy, RecordPermission::Read, object));
    auto records = readByIds(model, object, {id}, depth, false, policy);
    if (!records)
        return records.error();
    if (records->empty())
        return Error::notFound();
    return std::move(records->front());
}

// ---------------------------------------------------------------------------------------------------------------------
// Writes

Result<void> RecordService::insertRow(const ObjectMetadata &object, const WriteValues &values)
{
    Database &db = m_workspace.database();
    const SqlDialect &dialect = db.dialect();
    QVariantList binds;
    binds.reserve(qsizetype(object.columns.size()));
    for (int c = 0; c < int(object.columns.size()); ++c) {
        const QVariant *value = values.find(c);
        binds << (value ? dialect.toSql(object.columns[std::size_t(c)].kind, *value) : QVariant());
    }
    const QString &sql = object.sql.insert;
    auto rows = db.exec(sql, binds);
    if (!rows)
        return mapWriteError(object, rows.error());
    return {};
}

Result<void> RecordService::updateRow(const ObjectMetadata &object, const QString &id, const WriteValues &values)
{
    if (values.columns.empty())
        return {};
    Database &db = m_workspace.database();
    const SqlDialect &dialect = db.dialect();
    QStringList sets;
    QVariantList binds;
    for (const auto &[c, value] : values.columns) {
        const StorageColumn &column = object.columns[std::size_t(c)];
        if (column.name == "id"_L1)
            continue;
        sets << dialect.quote(column.name) + u"=?"_s;
        binds << dialect.toSql(column.kind, value);
    }
    binds << id;
    auto rows = db.exec(u"UPDATE %1 SET %2 WHERE %3=?"_s.arg(dialect.quote(object.tableName()), sets.join(u','),
                                                            dialect.quote(u"id"_s)),
                        binds);
    if (!rows)
        return mapWriteError(object, rows.error());
    return {};
}

namespace {

/// Fills the columns a create leaves unset: id, timestamps, TEXT "", field defaults.
void applyCreateDefaults(const ObjectMetadata &object, std::vector<std::pair<int, QVariant>> &columns,
                         const std::function<const QVariant *(int)> &find, const QString &now)
{
    for (int c = 0; c < int(object.columns.size()); ++c) {
        if (find(c))
            continue;
        const StorageColumn &column = object.columns[std::size_t(c)];
        const FieldMetadata &field = object.fields[std::size_t(column.fieldIndex)];
        QVariant value;
        if (column.name == "id"_L1) {
            value = uuid::create();
        } else if (column.name == "createdAt"_L1 || column.name == "updatedAt"_L1) {
            value = now;
        } else if (column.subFieldIndex >= 0) {
            if (compositeSubFields(field.type)[std::size_t(column.subFieldIndex)].textDefaultEmpty)
                value = QString();
        } else if (!field.isManyToOne()) {
            const QJsonValue def = field.unquotedDefault();
            switch (column.kind) {
            case ValueKind::Text:
                value = def.isString() ? def.toString() : QString();
                break;
            case ValueKind::Select:
                if (def.isString())
                    value = def.toString();
                break;
            case ValueKind::Boolean:
                if (def.isBool())
                    value = def.toBool() ? 1 : 0;
                break;
            case ValueKind::Float:
                if (def.isDouble())
                    value = def.toDouble();
                break;
            case ValueKind::Integer:
                if (def.isDouble())
                    value = qint64(def.toDouble());
                break;
            default: break;
            }
        }
        if (!value.isNull())
            columns.emplace_back(c, value);
    }
}

} // namespace

Result<std::vector<Record>> RecordService::create(const DataModel &model, const ObjectMetadata &object,
                                                  const QJsonArray &inputs, bool upsert, const Actor &actor, int depth)
{
    VINGT_TRY(require(actor.restrictions(), RecordPermission::Update, object)); // §6.1: create and upsert
    const int cap = m_workspace.settings().batchMaxRecords();
    if (inputs.isEmpty())
        return Error::badRequest(u"Input must not be empty"_s);
    if (inputs.size() > cap)
        return Error::badRequest(u"Maximum number of records to upsert is %1."_s.arg(cap), u"TOO_MANY_RECORDS_TO_UPDATE"_s);
    Database &db = m_workspace.database();
    const SqlDialect &dialect = db.dialect();

    // Convert everything before touching the database: a bad record anywhere writes nothing.
    const QString now = clock::nowIso(); // one timestamp: createdAt == updatedAt on create
    std::vector<WriteValues> converted;
    converted.reserve(std::size_t(inputs.size()));
    for (qsizetype i = 0; i < inputs.size(); ++i) {
        if (!inputs[i].isObject())
            return Error::badRequest(u"Record at index %1 must be a JSON object, got %2"_s.arg(i).arg(
                json::typeName(inputs[i])));
        auto values = convertInput(model, object, inputs[i].toObject(), true, actor, now);
        if (!values)
            return values.error();
        converted.push_back(std::move(values.value()));
    }

    // Unique columns usable for upsert matching (§1.7).
    std::vector<int> uniqueColumns;
    for (const FieldMetadata &field : object.fields) {
        const QString column = Ddl::uniqueColumn(object, field);
        if (!column.isEmpty() && object.column(column))
            uniqueColumns.push_back(object.columnIndexByName.value(column));
    }
    const int idColumn = object.columnIndexByName.value(u"id"_s, 0);
    const int positionColumn = object.columnIndexByName.value(u"position"_s, -1);

    std::vector<QString> ids;
    const bool announce = listening(object, RecordAction::Created)
                          || (upsert && listening(object, RecordAction::Updated));
    std::vector<bool> upserted;          // per id: an existing record was updated (§10.2: upsert emits `updated`)
    QHash<QString, Record> upsertBefore; // its state before, for updatedFields
    auto result = db.transaction([&]() -> Result<void> {
        double nextPosition = 0;
        if (positionColumn >= 0) {
            // Over live rows, so the partial (position, id) index answers it without a scan.
            const QString deleted = object.column(u"deletedAt"_s)
                                        ? u" WHERE %1 IS NULL"_s.arg(dialect.quote(u"deletedAt"_s))
                                        : QString();
            auto rows = db.exec(u"SELECT COALESCE(MAX(%1), 0) FROM %2%3"_s.arg(dialect.quote(u"position"_s),
                                                                               object.sql.table, deleted));
            if (!rows)
                return rows.error();
            if (rows->next())
                nextPosition = rows->value(0).toDouble() + 1;
        }
        for (WriteValues &values : converted) {
            if (upsert) {
                QStringList conditions;
                QVariantList binds;
                if (const QVariant *id = values.find(idColumn)) {
                    conditions << dialect.quote(u"id"_s) + u" = ?"_s;
                    binds << *id;
                }
                for (int c : uniqueColumns) {
                    const QVariant *v = values.find(c);
                    if (v && !v->isNull() && !v->toString().isEmpty()) {
                        QString condition = dialect.quote(object.columns[std::size_t(c)].name) + u" = ?"_s;
                        if (object.column(u"deletedAt"_s))
                            condition += u" AND %1 IS NULL"_s.arg(dialect.quote(u"deletedAt"_s));
                        conditions << u'(' + condition + u')';
                        binds << *v;
                    }
                }
                if (!conditions.isEmpty()) {
                    auto rows = db.exec(u"SELECT %1 FROM %2 WHERE %3 LIMIT 3"_s.arg(dialect.quote(u"id"_s),
                                                                                     dialect.quote(object.tableName()),
                                                                                     conditions.join(u" OR "_s)),
                                        binds);
                    if (!rows)
                        return rows.error();
                    QStringList matches;
                    while (rows->next())
                        matches << rows->value(0).toString();
                    if (matches.size() > 1) {
                        return Error::badRequest(
                            u"Upsert is ambiguous: the input matches %1 existing records"_s.arg(matches.size()),
                            u"UPSERT_MULTIPLE_MATCHING_RECORDS_CONFLICT"_s);
                    }
                    if (matches.size() == 1) {
                        // Update with the supplied fields only; createdBy stays as it was.
                        WriteValues update;
                        const FieldMetadata *createdBy = object.field(u"createdBy"_s);
                        const int createdByFirst =
                            createdBy ? object.fieldFirstColumn[std::size_t(createdBy - object.fields.data())] : -1;
                        for (const auto &[c, v] : values.columns) {
                            if (c == idColumn || (createdByFirst >= 0 && c >= createdByFirst && c < createdByFirst + 4))
                                continue;
                            update.set(c, v);
                        }
                        if (announce && !upsertBefore.contains(matches.front())) {
                            auto before = readByIds(model, object, {matches.front()}, 0, true, nullptr);
                            if (!before)
                                return before.error();
                            if (!before->empty())
                                upsertBefore.insert(matches.front(), std::move(before->front()));
                        }
                        VINGT_TRY(updateRow(object, matches.front(), update));
                        ids.push_back(matches.front());
                        upserted.push_back(true);
                        continue;
                    }
                }
            }
            std::vector<std::pair<int, QVariant>> extra;
            applyCreateDefaults(object, extra, [&values](int c) { return values.find(c); }, now);
            for (auto &[c, v] : extra)
                values.set(c, std::move(v));
            if (const QVariant *position = positionColumn >= 0 ? values.find(positionColumn) : nullptr;
                positionColumn >= 0 && (!position || position->isNull()))
                values.set(positionColumn, nextPosition++);
            VINGT_TRY(insertRow(object, values));
            ids.push_back(values.find(idColumn)->toString());
            upserted.push_back(false);
        }
        return {};
    });
    if (!result)
        return result.error();
    auto records = readByIds(model, object, ids, depth, true, actor.restrictions());
    if (records && announce) {
        std::vector<Change> changes;
        for (std::size_t i = 0; i < records->size() && i < upserted.size(); ++i) {
            const Record &record = (*records)[i];
            const auto before = upsertBefore.constFind(record.id());
            changes.push_back(upserted[i] ? Change{RecordAction::Updated, &record,
                                                   before == upsertBefore.cend() ? nullptr : &before.value()}
                                          : Change{RecordAction::Created, &record});
        }
        publish(model, object, changes, actor);
    }
    return records;
}

Result<std::vector<QString>> RecordService::matchingIds(const ObjectMetadata &object,
                                                        const std::optional<FilterNode> &filter, bool deletedOnly,
                                                        int cap, const QString &capMessage)
{
    Database &db = m_workspace.database();
    const SqlDialect &dialect = db.dialect();
    QStringList where;
    QVariantList binds;
    if (filter) {
        auto bound = bindFilter(*filter, object, dialect);
        if (!bound)
            return bound.error();
        if (!bound->sql.isEmpty()) {
            where << bound->sql;
            binds << bound->binds;
        }
    }
    if (object.column(u"deletedAt"_s)) {
        if (deletedOnly)
            where << u"%1 IS NOT NULL"_s.arg(dialect.quote(u"deletedAt"_s));
        else if (!(filter && mentionsField(*filter, u"deletedAt")))
            where << u"%1 IS NULL"_s.arg(dialect.quote(u"deletedAt"_s));
    }
    QString sql = u"SELECT %1 FROM %2"_s.arg(dialect.quote(u"id"_s), dialect.quote(object.tableName()));
    if (!where.isEmpty())
        sql += u" WHERE ("_s + where.join(u") AND ("_s) + u')';
    sql += u" ORDER BY %1 LIMIT %2"_s.arg(dialect.quote(u"id"_s)).arg(cap + 1);
    auto rows = db.exec(sql, binds);
    if (!rows)
        return rows.error();
    std::vector<QString> ids;
    while (rows->next())
        ids.push_back(rows->value(0).toString());
    if (int(ids.size()) > cap)
        return Error::badRequest(capMessage);
    return ids;
}

namespace {
Error filterRequired(const QString &operation)
{
    return Error::badRequest(u"Filters are mandatory for bulk %1 operations. Please provide at least one filter to "
                             "prevent accidental deletion of all records."_s.arg(operation));
}
bool isEmptyFilter(const std::optional<FilterNode> &filter)
{
    return !filter || (filter->kind != FilterNode::Kind::Condition && filter->children.empty());
}
} // namespace

Result<Record> RecordService::updateOne(const DataModel &model, const ObjectMetadata &object, const QString &id,
                                        const QJsonObject &data, const Actor &actor, int depth)
{
    VINGT_TRY(require(actor.restrictions(), RecordPermission::Update, object));
    auto values = convertInput(model, object, data, false, actor, clock::nowIso());
    if (!values)
        return values.error();
    Record before;
    auto result = m_workspace.database().transaction([&]() -> Result<void> {
        auto existing = readByIds(model, object, {id}, 0, false, nullptr);
        if (!existing)
            return existing.error();
        if (existing->empty())
            return Error::notFound();
        before = std::move(existing->front());
        return updateRow(object, id, *values);
    });
    if (!result)
        return result.error();
    if (listening(object, RecordAction::Updated)) {
        auto after = readByIds(model, object, {id}, 0, true, nullptr);
        if (after && !after->empty())
            publish(model, object, {Change{RecordAction::Updated, &after->front(), &before}}, actor);
    }
    return findOne(model, object, id, depth, actor);
}

Result<std::vector<Record>> RecordService::updateMany(const DataModel &model, const ObjectMetadata &object,
                                                      const std::optional<FilterNode> &filter, const QJsonObject &data,
                                                      const Actor &actor, int depth)
{
    VINGT_TRY(require(actor.restrictions(), RecordPermission::Update, object));
    VINGT_TRY(requireReadable(actor.restrictions(), object, filter));
    if (isEmptyFilter(filter))
        return filterRequired(u"update"_s);
    auto values = convertInput(model, object, data, false, actor, clock::nowIso());
    if (!values)
        return values.error();
    const int cap = m_workspace.settings().batchMaxRecords();
    std::vector<QString> ids;
    const bool announce = listening(object, RecordAction::Updated);
    std::vector<Record> before;
    auto result = m_workspace.database().transaction([&]() -> Result<void> {
        auto matched = matchingIds(object, filter, false, cap, u"Cannot update more than %1 records at once"_s.arg(cap));
        if (!matched)
            return matched.error();
        ids = std::move(matched.value());
        if (announce) {
            auto existing = readByIds(model, object, ids, 0, true, nullptr);
            if (!existing)
                return existing.error();
            before = std::move(existing.value());
        }
        for (const QString &id : ids)
            VINGT_TRY(updateRow(object, id, *values));
        return {};
    });
    if (!result)
        return result.error();
    auto records = readByIds(model, object, ids, depth, true, actor.restrictions());
    if (records && announce) {
        std::vector<Change> changes;
        for (std::size_t i = 0; i < records->size(); ++i)
            changes.push_back({RecordAction::Updated, &(*records)[i], i < before.size() ? &before[i] : nullptr});
        publish(model, object, changes, actor);
    }
    return records;
}

Result<Record> RecordService::deleteOne(const DataModel &model, const ObjectMetadata &object, const QString &id,
                                        bool soft, const Actor &actor)
{
    VINGT_TRY(require(actor.restrictions(), soft ? RecordPermission::SoftDelete : RecordPermission::Destroy, object));
    Database &db = m_workspace.database();
    const SqlDialect &dialect = db.dialect();
    Record last;
    auto result = db.transaction([&]() -> Result<void> {
        // Destroy also finds soft-deleted records; soft-deleting a deleted record is a 404 (§1.9).
        auto existing = readByIds(model, object, {id}, 0, !soft, nullptr);
        if (!existing)
            return existing.error();
        if (existing->empty())
            return Error::notFound();
        last = std::move(existing->front());
        if (soft) {
            const QString now = clock::nowIso();
            auto rows = db.exec(u"UPDATE %1 SET %2 = ? WHERE %3 = ?"_s.arg(dialect.quote(object.tableName()),
                                                                           dialect.quote(u"deletedAt"_s),
                                                                           dialect.quote(u"id"_s)),
                                {now, id});
            if (!rows)
                return mapWriteError(object, rows.error());
            const int c = object.columnIndexByName.value(u"deletedAt"_s, -1);
            if (c >= 0)
                last.values[std::size_t(c)] = now;
            return {};
        }
        auto rows = db.exec(u"DELETE FROM %1 WHERE %2 = ?"_s.arg(dialect.quote(object.tableName()),
                                                                 dialect.quote(u"id"_s)),
                            {id});
        if (!rows)
            return mapWriteError(object, rows.error());
        return {};
    });
    if (!result)
        return result.error();
    const RecordAction action = soft ? RecordAction::Deleted : RecordAction::Destroyed;
    if (listening(object, action))
        publish(model, object, {Change{action, &last}}, actor);
    return last;
}

Result<std::vector<Record>> RecordService::deleteMany(const DataModel &model, const ObjectMetadata &object,
                                                      const std::optional<FilterNode> &filter, bool soft,
                                                      const Actor &actor)
{
    VINGT_TRY(require(actor.restrictions(), soft ? RecordPermission::SoftDelete : RecordPermission::Destroy, object));
    VINGT_TRY(requireReadable(actor.restrictions(), object, filter));
    if (isEmptyFilter(filter))
        return filterRequired(soft ? u"delete"_s : u"destroy"_s);
    const int cap = m_workspace.settings().batchMaxRecords();
    Database &db = m_workspace.database();
    const SqlDialect &dialect = db.dialect();
    std::vector<Record> records;
    auto result = db.transaction([&]() -> Result<void> {
        auto matched = matchingIds(object, filter, false, cap,
                                   soft ? u"Cannot delete more than %1 records at once"_s.arg(cap)
                                        : u"Cannot destroy more than %1 records at once"_s.arg(cap));
        if (!matched)
            return matched.error();
        auto existing = readByIds(model, object, *matched, 0, true, nullptr);
        if (!existing)
            return existing.error();
        records = std::move(existing.value());
        const QString now = clock::nowIso();
        const int deletedColumn = object.columnIndexByName.value(u"deletedAt"_s, -1);
        for (Record &record : records) {
            if (soft) {
                auto rows = db.exec(u"UPDATE %1 SET %2 = ? WHERE %3 = ?"_s.arg(dialect.quote(object.tableName()),
                                                                               dialect.quote(u"deletedAt"_s),
                                                                               dialect.quote(u"id"_s)),
                                    {now, record.id()});
                if (!rows)
                    return mapWriteError(object, rows.error());
                if (deletedColumn >= 0)
                    record.values[std::size_t(deletedColumn)] = now;
            } else {
                auto rows = db.exec(u"DELETE FROM %1 WHERE %2 = ?"_s.arg(dialect.quote(object.tableName()),
                                                                         dialect.quote(u"id"_s)),
                                    {record.id()});
                if (!rows)
                    return mapWriteError(object, rows.error());
            }
        }
        return {};
    });
    if (!result)
        return result.error();
    const RecordAction action = soft ? RecordAction::Deleted : RecordAction::Destroyed;
    if (listening(object, action)) {
        std::vector<Change> changes;
        for (const Record &record : records)
            changes.push_back({action, &record});
        publish(model, object, changes, actor);
    }
    return records;
}

Result<Record> RecordService::restoreOne(const DataModel &model, const ObjectMetadata &object, const QString &id,
                                         const Actor &actor, int depth)
{
    VINGT_TRY(require(actor.restrictions(), RecordPermission::SoftDelete, object));
    Database &db = m_workspace.database();
    const SqlDialect &dialect = db.dialect();
    auto result = db.transaction([&]() -> Result<void> {
        auto existing = readByIds(model, object, {id}, 0, true, nullptr);
        if (!existing)
            return existing.error();
        if (existing->empty())
            return Error::notFound();
        auto rows = db.exec(u"UPDATE %1 SET %2 = NULL WHERE %3 = ? AND %2 IS NOT NULL"_s.arg(
                                dialect.quote(object.tableName()), dialect.quote(u"deletedAt"_s),
                                dialect.quote(u"id"_s)),
                            {id});
        if (!rows)
            return mapWriteError(object, rows.error());
        return {};
    });
    if (!result)
        return result.error();
    publishIds(model, object, RecordAction::Restored, {id}, actor);
    return findOne(model, object, id, depth, actor);
}

Result<std::vector<Record>> RecordService::restoreMany(const DataModel &model, const ObjectMetadata &object,
                                                       const std::optional<FilterNode> &filter, const Actor &actor,
                                                       int depth)
{
    VINGT_TRY(require(actor.restrictions(), RecordPermission::SoftDelete, object));
    VINGT_TRY(requireReadable(actor.restrictions(), object, filter));
    if (isEmptyFilter(filter))
        return filterRequired(u"restore"_s);
    const int cap = m_workspace.settings().batchMaxRecords();
    Database &db = m_workspace.database();
    const SqlDialect &dialect = db.dialect();
    std::vector<QString> ids;
    auto result = db.transaction([&]() -> Result<void> {
        auto matched = matchingIds(object, filter, true, cap, u"Cannot restore more than %1 records at once"_s.arg(cap));
        if (!matched)
            return matched.error();
        ids = std::move(matched.value());
        for (const QString &id : ids) {
            auto rows = db.exec(u"UPDATE %1 SET %2 = NULL WHERE %3 = ?"_s.arg(dialect.quote(object.tableName()),
                                                                              dialect.quote(u"deletedAt"_s),
                                                                              dialect.quote(u"id"_s)),
                                {id});
            if (!rows)
                return mapWriteError(object, rows.error());
        }
        return {};
    });
    if (!result)
        return result.error();
    auto records = readByIds(model, object, ids, depth, true, actor.restrictions());
    if (records && listening(object, RecordAction::Restored)) {
        std::vector<Change> changes;
        for (const Record &record : *records)
            changes.push_back({RecordAction::Restored, &record});
        publish(model, object, changes, actor);
    }
    return records;
}

// ---------------------------------------------------------------------------------------------------------------------
// Events (§10.2)

QLatin1StringView recordActionName(RecordAction action)
{
    switch (action) {
    case RecordAction::Created: return "created"_L1;
    case RecordAction::Updated: return "updated"_L1;
    case RecordAction::Deleted: return "deleted"_L1;
    case RecordAction::Destroyed: return "destroyed"_L1;
    case RecordAction::Restored: return "restored"_L1;
    }
    return "created"_L1;
}

namespace {

/// §10.3 updatedFields: the record keys whose value changed (a composite once, a relation as its join column),
/// updatedAt aside (it changes with every update).
QStringList changedFields(const ObjectMetadata &object, const Record &before, const Record &after)
{
    QStringList names;
    for (std::size_t c = 0; c < object.columns.size() && c < before.values.size() && c < after.values.size(); ++c) {
        if (before.values[c] == after.values[c])
            continue;
        const StorageColumn &column = object.columns[c];
        const FieldMetadata &field = object.fields[std::size_t(column.fieldIndex)];
        if (!object.isApiField(field) || field.name == "updatedAt"_L1)
            continue;
        const QString name = field.type == FieldType::Relation ? column.name : field.name;
        if (!names.contains(name))
            names << name;
    }
    return names;
}

} // namespace

bool RecordService::listening(const ObjectMetadata &object, RecordAction action) const
{
    return m_sink && m_sink->wantsEvent(object.nameSingular, action);
}

void RecordService::publish(const DataModel &model, const ObjectMetadata &object, const std::vector<Change> &changes,
                            const Actor &actor)
{
    if (!m_sink || changes.empty())
        return;
    const QString now = clock::nowIso();
    std::vector<RecordEvent> events;
    events.reserve(changes.size());
    for (const Change &change : changes) {
        RecordEvent event;
        event.action = change.action;
        event.objectMetadataId = object.id;
        event.objectNameSingular = object.nameSingular;
        event.recordId = change.after->id();
        event.recordJson = RecordJson::toJson(model, object, *change.after);
        if (change.action == RecordAction::Updated && change.before)
            event.updatedFields = changedFields(object, *change.before, *change.after);
        event.eventDate = now;
        events.push_back(std::move(event));
    }
    RecordEventSink *sink = m_sink;
    m_workspace.database().afterCommit(
        [sink, events = std::move(events), actor] { sink->recordsChanged(events, actor); });
}

void RecordService::publishIds(const DataModel &model, const ObjectMetadata &object, RecordAction action,
                               const std::vector<QString> &ids, const Actor &actor)
{
    if (!listening(object, action))
        return;
    auto records = readByIds(model, object, ids, 0, true, nullptr);
    if (!records)
        return;
    std::vector<Change> changes;
    for (const Record &record : *records)
        changes.push_back({action, &record});
    publish(model, object, changes, actor);
}

// ---------------------------------------------------------------------------------------------------------------------
// JSON output (§1.8, §2.4)

namespace {

void writeValue(JsonWriter &out, ValueKind kind, const QVariant &value)
{
    if (value.isNull()) {
        out.null();
        return;
    }
    switch (kind) {
    case ValueKind::Boolean: out.value(value.toLongLong() != 0); return;
    case ValueKind::Float: out.value(value.toDouble()); return;
    case ValueKind::Integer: out.value(std::int64_t(value.toLongLong())); return;
    case ValueKind::Json:
    case ValueKind::MultiSelect: {
        const QByteArray raw = value.toString().toUtf8();
        out.raw(raw.isEmpty() ? QByteArrayLiteral("null") : raw);
        return;
    }
    default: out.value(QStringView(value.toString())); return;
    }
}

Projection allFields(const ObjectMetadata &object, const AccessPolicy *policy = nullptr)
{
    Projection p;
    for (int i = 0; i < int(object.fields.size()); ++i) {
        if (object.isApiField(object.fields[std::size_t(i)]) && (!policy || policy->canReadField(object, i)))
            p.fieldIndexes.push_back(i);
    }
    return p;
}

} // namespace

void RecordJson::write(JsonWriter &out, const DataModel &model, const ObjectMetadata &object, const Record &record,
                       const Projection &projection)
{
    out.beginObject();
    for (int fi : projection.fieldIndexes) {
        const FieldMetadata &field = object.fields[std::size_t(fi)];
        const int first = object.fieldFirstColumn[std::size_t(fi)];
        if (field.type == FieldType::Relation) {
            if (field.isManyToOne() && first >= 0) {
                const QVariant &joinValue = record.values[std::size_t(first)];
                if (!(projection.omitNullValues && joinValue.isNull())) {
                    out.key(QStringView(object.columns[std::size_t(first)].name));
                    writeValue(out, ValueKind::Uuid, joinValue);
                }
            }
            if (projection.depth < 1)
                continue;
            for (const Record::Relation &relation : record.relations) {
                if (relation.fieldIndex != fi)
                    continue;
                const Projection nested = allFields(*relation.object, projection.policy.get()); // §6.2
                if (relation.single) {
                    if (relation.records.empty()) {
                        if (!projection.omitNullValues) {
                            out.key(QLatin1StringView(object.fieldKeys[std::size_t(fi)]));
                            out.null();
                        }
                    } else {
                        out.key(QLatin1StringView(object.fieldKeys[std::size_t(fi)]));
                        Projection n = nested;
                        n.omitNullValues = projection.omitNullValues;
                        write(out, model, *relation.object, relation.records.front(), n);
                    }
                } else {
                    out.key(QLatin1StringView(object.fieldKeys[std::size_t(fi)]));
                    out.beginArray();
                    Projection n = nested;
                    n.omitNullValues = projection.omitNullValues;
                    for (const Record &child : relation.records)
                        write(out, model, *relation.object, child, n);
                    out.endArray();
                }
            }
            continue;
        }
        if (first < 0)
            continue;
        const auto subs = compositeSubFields(field.type);
        if (subs.empty()) {
            const QVariant &value = record.values[std::size_t(first)];
            if (projection.omitNullValues && value.isNull())
                continue;
            out.key(QLatin1StringView(object.fieldKeys[std::size_t(fi)]));
            writeValue(out, object.columns[std::size_t(first)].kind, value);
            continue;
        }
        out.key(QLatin1StringView(object.fieldKeys[std::size_t(fi)]));
        out.beginObject();
        for (int s = 0; s < int(subs.size()); ++s) {
            const QVariant &value = record.values[std::size_t(first + s)];
            if (value.isNull() && subs[std::size_t(s)].textDefaultEmpty) {
                out.key(subs[std::size_t(s)].name);
                out.value(QStringView());
                continue;
            }
            if (projection.omitNullValues && value.isNull())
                continue;
            out.key(subs[std::size_t(s)].name);
            writeValue(out, subs[std::size_t(s)].kind, value);
        }
        out.endObject();
    }
    out.endObject();
}

QByteArray RecordJson::toJson(const DataModel &model, const ObjectMetadata &object, const Record &record)
{
    JsonWriter out;
    write(out, model, object, record, allFields(object));
    return out.take();
}

} // namespace vingt
