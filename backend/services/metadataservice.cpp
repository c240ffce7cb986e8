#include "services/metadataservice.h"

#include "core/clock.h"
#include "core/json.h"
#include "core/logging.h"
#include "core/uuid.h"
#include "model/ddl.h"
#include "model/metadatajson.h"
#include "model/metadatastore.h"
#include "model/metadatavalidation.h"
#include "model/standardobjects.h"
#include "services/workspace.h"

#include <QJsonArray>
#include <QSet>

namespace vingt {

using namespace Qt::StringLiterals;
using namespace metadatavalidation;

namespace {

const QString kObjectCode = QString::fromLatin1(metadataerror::kInvalidObjectInput);
const QString kFieldCode = QString::fromLatin1(metadataerror::kInvalidFieldInput);

Error objectError(const QString &message)
{
    return Error::badRequest(message, kObjectCode);
}

Error fieldError(const QString &message)
{
    return Error::badRequest(message, kFieldCode);
}

/// §0.4 strict input: every member must be a known input name.
Result<void> checkKnown(const QJsonObject &input, const QStringList &known, QLatin1StringView inputType)
{
    for (auto it = input.begin(); it != input.end(); ++it) {
        if (!known.contains(it.key()))
            return Error::badRequest(u"Field '%1' not found on %2"_s.arg(it.key(), inputType));
    }
    return {};
}

bool present(const QJsonObject &input, QLatin1StringView name)
{
    const QJsonValue v = input.value(name);
    return !v.isUndefined();
}

Result<std::optional<bool>> optionalBool(const QJsonObject &input, QLatin1StringView name, const QString &code)
{
    const QJsonValue v = input.value(name);
    if (v.isUndefined() || v.isNull())
        return std::optional<bool>();
    if (!v.isBool())
        return Error::badRequest(u"'%1' must be a boolean"_s.arg(name), code);
    return std::optional<bool>(v.toBool());
}

/// A nullable string input (description, icon, ...): absent → unchanged, null → empty.
Result<std::optional<QString>> optionalText(const QJsonObject &input, QLatin1StringView name, const QString &code)
{
    const QJsonValue v = input.value(name);
    if (v.isUndefined())
        return std::optional<QString>();
    if (v.isNull())
        return std::optional<QString>(QString());
    if (!v.isString())
        return Error::badRequest(u"'%1' must be a string"_s.arg(name), code);
    return std::optional<QString>(v.toString());
}

/// `duplicateCriteria` (API-CONTRACT §1.11, §4): absent → unchanged; null or [] → none; otherwise an array of
/// criteria, each a non-empty array of the object's active storage columns (`name`, `emailsPrimaryEmail`): two
/// records are duplicates when they agree on every column of one criterion.
Result<std::optional<QList<QStringList>>> optionalDuplicateCriteria(const QJsonObject &input,
                                                                    const ObjectMetadata &object)
{
    constexpr qsizetype kMaxCriteria = 10;
    constexpr qsizetype kMaxColumns = 10;
    const QJsonValue v = input.value("duplicateCriteria"_L1);
    if (v.isUndefined())
        return std::optional<QList<QStringList>>();
    if (v.isNull())
        return std::optional<QList<QStringList>>(QList<QStringList>());
    const auto shapeError = [] {
        return objectError(u"'duplicateCriteria' must be an array of criteria, each an array of column names, "
                           "e.g. [[\"name\"], [\"emailsPrimaryEmail\"]]"_s);
    };
    if (!v.isArray())
        return shapeError();
    const QJsonArray criteria = v.toArray();
    if (criteria.size() > kMaxCriteria)
        return objectError(
            u"'duplicateCriteria' has %1 criteria; at most %2 are allowed"_s.arg(criteria.size()).arg(kMaxCriteria));
    QSet<QString> columns;
    for (const StorageColumn &column : object.storageColumns(false))
        columns.insert(column.name);
    QList<QStringList> result;
    for (const QJsonValue &criterion : criteria) {
        if (!criterion.isArray() || criterion.toArray().isEmpty())
            return shapeError();
        const QJsonArray names = criterion.toArray();
        if (names.size() > kMaxColumns)
            return objectError(
                u"A duplicate criterion names %1 columns; at most %2 are allowed"_s.arg(names.size()).arg(kMaxColumns));
        QStringList columnNames;
        for (const QJsonValue &name : names) {
            if (!name.isString())
                return shapeError();
            if (!columns.contains(name.toString())) {
                return objectError(u"'duplicateCriteria': '%1' is not an active column of object '%2'; name a field, "
                                   "or a composite field's column as <field><SubField> (emailsPrimaryEmail)"_s.arg(
                                       name.toString(), object.nameSingular));
            }
            if (!columnNames.contains(name.toString()))
                columnNames << name.toString();
        }
        result << columnNames;
    }
    return std::optional<QList<QStringList>>(std::move(result));
}

Result<QString> requiredName(const QJsonObject &input, QLatin1StringView name, NameKind kind, const QString &code)
{
    const QJsonValue v = input.value(name);
    if (v.isUndefined() || v.isNull())
        return Error::badRequest(u"'%1' is required"_s.arg(name), code);
    if (!v.isString())
        return Error::badRequest(u"'%1' must be a string"_s.arg(name), code);
    VINGT_TRY(validateName(v.toString(), kind, name));
    return v.toString();
}

/// Object names are unique across singular and plural forms, case-insensitively; apiKey(s) and webhook(s) too.
Result<void> checkObjectNamesFree(const std::vector<ObjectMetadata> &objects, const QString &selfId,
                                  const QString &singular, const QString &plural)
{
    if (singular.compare(plural, Qt::CaseInsensitive) == 0)
        return objectError(u"The singular and plural names of an object must differ ('%1')"_s.arg(singular));
    for (const QString &name : {singular, plural}) {
        for (const auto *taken : {"apiKey", "apiKeys", "webhook", "webhooks"}) {
            if (name.compare(QLatin1StringView(taken), Qt::CaseInsensitive) == 0)
                return Error::badRequest(u"This name is reserved: '%1' cannot be used as an object name"_s.arg(name),
                                         QString::fromLatin1(metadataerror::kReservedKeyword));
        }
        for (const ObjectMetadata &o : objects) {
            if (o.id == selfId)
                continue;
            if (name.compare(o.nameSingular, Qt::CaseInsensitive) == 0
                || name.compare(o.namePlural, Qt::CaseInsensitive) == 0) {
                return objectError(u"An object with the name '%1' already exists"_s.arg(name));
            }
        }
    }
    return {};
}

Result<void> checkFieldNameFree(const ObjectMetadata &object, const QString &name, const QString &selfId)
{
    for (const FieldMetadata &f : object.fields) {
        if (f.id != selfId && f.name.compare(name, Qt::CaseInsensitive) == 0)
            return fieldError(u"Field '%1' already exists on object '%2'"_s.arg(name, object.nameSingular));
    }
    return {};
}

/// Every stored column name of every object is unique (a composite's `<field><Sub>`, a join column `<field>Id`).
Result<void> checkColumns(const DataModel &model)
{
    for (const ObjectMetadata &object : model.objects()) {
        QHash<QString, int> seen;
        for (const StorageColumn &column : object.storageColumns(true)) {
            const QString key = column.name.toLower();
            const auto it = seen.constFind(key);
            if (it != seen.cend() && *it != column.fieldIndex) {
                return fieldError(u"The name \"%1\" is not available on object '%2': it is the storage column of "
                                  "another field"_s.arg(column.name, object.nameSingular));
            }
            seen.insert(key, column.fieldIndex);
        }
    }
    return {};
}

bool canBeUnique(FieldType type)
{
    switch (type) {
    case FieldType::Uuid:
    case FieldType::Text:
    case FieldType::Phones:
    case FieldType::Emails:
    case FieldType::DateTime:
    case FieldType::Date:
    case FieldType::Number:
    case FieldType::Numeric:
    case FieldType::Links:
    case FieldType::Select: return true;
    default: return false;
    }
}

bool hasOptions(FieldType type)
{
    return type == FieldType::Select || type == FieldType::MultiSelect || type == FieldType::Rating;
}

/// The system fields a record needs to exist (never deactivated).
bool isCoreField(const FieldMetadata &field)
{
    static const QStringList core{u"id"_s,       u"createdAt"_s, u"updatedAt"_s, u"deletedAt"_s,
                                  u"position"_s, u"createdBy"_s, u"updatedBy"_s};
    return field.isSystem || (!field.isCustom && core.contains(field.name));
}

FieldMetadata *findField(ObjectMetadata &object, const QString &id)
{
    for (FieldMetadata &f : object.fields) {
        if (f.id == id)
            return &f;
    }
    return nullptr;
}

const QStringList kCreateObjectKeys{u"nameSingular"_s,
                                    u"namePlural"_s,
                                    u"labelSingular"_s,
                                    u"labelPlural"_s,
                                    u"description"_s,
                                    u"icon"_s,
                                    u"shortcut"_s,
                                    u"isRemote"_s,
                                    u"primaryKeyColumnType"_s,
                                    u"primaryKeyFieldMetadataSettings"_s,
                                    u"isLabelSyncedWithName"_s,
                                    u"color"_s,
                                    u"skipNameField"_s,
                                    u"dataSourceId"_s,
                                    u"duplicateCriteria"_s};
const QStringList kUpdateObjectKeys{u"id"_s,
                                    u"labelSingular"_s,
                                    u"labelPlural"_s,
                                    u"nameSingular"_s,
                                    u"namePlural"_s,
                                    u"description"_s,
                                    u"icon"_s,
                                    u"shortcut"_s,
                                    u"isActive"_s,
                                    u"labelIdentifierFieldMetadataId"_s,
                                    u"imageIdentifierFieldMetadataId"_s,
                                    u"isLabelSyncedWithName"_s,
                                    u"color"_s,
                                    u"isSearchable"_s,
                                    u"openRecordIn"_s,
                                    u"readability"_s,
                                    u"translations"_s,
                                    u"duplicateCriteria"_s};
const QStringList kCreateFieldKeys{u"objectMetadataId"_s,
                                   u"type"_s,
                                   u"name"_s,
                                   u"label"_s,
                                   u"description"_s,
                                   u"icon"_s,
                                   u"isCustom"_s,
                                   u"isActive"_s,
                                   u"isSystem"_s,
                                   u"isNullable"_s,
                                   u"isUnique"_s,
                                   u"defaultValue"_s,
                                   u"options"_s,
                                   u"settings"_s,
                                   u"isLabelSyncedWithName"_s,
                                   u"relationCreationPayload"_s,
                                   u"morphRelationsCreationPayload"_s,
                                   u"isRemoteCreation"_s,
                                   u"isUIEditable"_s,
                                   u"isUIReadOnly"_s,
                                   u"isSearchable"_s,
                                   u"isAuditLogged"_s,
                                   u"standardOverrides"_s,
                                   u"universalIdentifier"_s};
const QStringList kUpdateFieldKeys{u"id"_s,
                                   u"type"_s,
                                   u"universalIdentifier"_s,
                                   u"name"_s,
                                   u"label"_s,
                                   u"description"_s,
                                   u"icon"_s,
                                   u"isActive"_s,
                                   u"isSystem"_s,
                                   u"isUIEditable"_s,
                                   u"isUIReadOnly"_s,
                                   u"isNullable"_s,
                                   u"isUnique"_s,
                                   u"isSearchable"_s,
                                   u"isAuditLogged"_s,
                                   u"defaultValue"_s,
                                   u"options"_s,
                                   u"settings"_s,
                                   u"objectMetadataId"_s,
                                   u"isLabelSyncedWithName"_s,
                                   u"standardOverrides"_s};

/// Applies description / icon (both surfaces share them) to a field or object.
template<typename T>
Result<void> applyDescriptionAndIcon(T &target, const QJsonObject &input, const QString &code)
{
    auto description = optionalText(input, "description"_L1, code);
    if (!description)
        return description.error();
    if (*description)
        target.description = **description;
    auto icon = optionalText(input, "icon"_L1, code);
    if (!icon)
        return icon.error();
    if (*icon)
        target.icon = **icon;
    return {};
}

} // namespace

std::pair<ObjectMetadata *, FieldMetadata *> MetadataService::Draft::field(const QString &id)
{
    for (ObjectMetadata &o : objects) {
        if (FieldMetadata *f = findField(o, id.toLower()))
            return {&o, f};
    }
    return {nullptr, nullptr};
}

ObjectMetadata *MetadataService::Draft::object(const QString &id)
{
    for (ObjectMetadata &o : objects) {
        if (o.id.compare(id, Qt::CaseInsensitive) == 0)
            return &o;
    }
    return nullptr;
}

Result<DataModelPtr> MetadataService::apply(const Actor &actor, const Mutation &mutate)
{
    VINGT_TRY(actor.requireFlag(PermissionFlag::DataModel));
    std::unique_lock exclusive(m_workspace.modelLock());
    const DataModelPtr before = m_workspace.dataModel();
    Draft draft{*before, before->objects(), {}};
    VINGT_TRY(mutate(draft));
    const auto afterPtr = std::make_shared<const DataModel>(before->version() + 1, std::move(draft.objects));
    const DataModel &after = *afterPtr;
    VINGT_TRY(checkColumns(after));

    Database &db = m_workspace.database();
    auto existing = m_workspace.existingIndexes();
    if (!existing)
        return existing.error();
    const QStringList ddl = Ddl::migrate(*before, after, db.dialect(), *existing);
    const bool dropsTable = std::any_of(ddl.begin(), ddl.end(),
                                        [](const QString &sql) { return sql.startsWith(u"DROP TABLE"_s); });

    // SQLite's table rebuild runs with foreign keys off (a DROP TABLE would otherwise run the ON DELETE actions of
    // the rows pointing at it); they are checked before the commit instead. The pragma is a no-op inside a
    // transaction, so it is set around it, on this thread's connection (SqlDialect::beforeSchemaChange()).
    const SqlDialect &dialect = db.dialect();
    if (!dialect.beforeSchemaChange().isEmpty())
        VINGT_TRY(db.execScript(dialect.beforeSchemaChange()));
    auto done = db.transaction([&]() -> Result<void> {
        // Several servers on one database: the change applies only to the version it was made from. First, so that
        // the version row's lock orders concurrent changes: on PostgreSQL a second server's change waits here for
        // the first one's commit, then matches no row and gets the 409, instead of running into the first one's
        // rows and tables (a unique violation reported as something else, or a half-applied DDL error).
        auto bumped = db.exec(u"UPDATE core_workspaceInfo SET dataModelVersion = ? WHERE dataModelVersion = ?"_s,
                              {after.version(), before->version()});
        if (!bumped)
            return bumped.error();
        if (bumped->rowsAffected() != 1) {
            return Error::conflict(u"The data model was changed meanwhile (by another server); reload it and try "
                                   "again"_s);
        }
        VINGT_TRY(MetadataStore::save(db, *before, after));
        for (const QString &statement : ddl)
            VINGT_TRY(db.execScript(statement));
        for (const auto &[sql, binds] : draft.afterDdl)
            VINGT_TRY(db.exec(sql, binds));
        // Only dropping a table (and the rebuild, which drops one) can leave dangling references; the check reads
        // every row of every table with a foreign key, so it is skipped for ADD / RENAME changes.
        if (!dropsTable || dialect.foreignKeyCheck().isEmpty())
            return {};
        auto violations = db.exec(dialect.foreignKeyCheck());
        if (!violations)
            return violations.error();
        if (violations->next()) {
            return Error::badRequest(
                u"The change would leave records of '%1' pointing to records that do not exist"_s.arg(
                    violations->value(0).toString()));
        }
        return {};
    });
    const auto restored = dialect.afterSchemaChange().isEmpty() ? Result<void>{}
                                                                : db.execScript(dialect.afterSchemaChange());
    if (!done) {
        if (done.error().code == QLatin1StringView(dberror::kUnique)) {
            return fieldError(u"Existing records have duplicate values, so the field cannot be unique"_s);
        }
        return done.error();
    }
    if (!restored)
        return restored.error();
    // The committed rows are exactly `after`: publish it (MetadataStore::load would rebuild the same snapshot).
    m_workspace.publishDataModel(afterPtr);
    qCInfo(lcServices).noquote() << "data model of workspace" << m_workspace.id() << "now at version" << after.version()
                                 << "(" << ddl.size() << "DDL statements)";
    return m_workspace.dataModel();
}

Result<ObjectChange> MetadataService::createObject(const Actor &actor, const QJsonObject &input)
{
    QString newId;
    auto model = apply(actor, [&](Draft &draft) -> Result<void> {
        VINGT_TRY(checkKnown(input, kCreateObjectKeys, "CreateObjectInput"_L1));
        auto singular = requiredName(input, "nameSingular"_L1, NameKind::Object, kObjectCode);
        if (!singular)
            return singular.error();
        auto plural = requiredName(input, "namePlural"_L1, NameKind::Object, kObjectCode);
        if (!plural)
            return plural.error();
        VINGT_TRY(checkObjectNamesFree(draft.objects, {}, *singular, *plural));
        auto labelSingular = validateLabel(input.value("labelSingular"_L1), "labelSingular"_L1, kObjectCode);
        if (!labelSingular)
            return labelSingular.error();
        auto labelPlural = validateLabel(input.value("labelPlural"_L1), "labelPlural"_L1, kObjectCode);
        if (!labelPlural)
            return labelPlural.error();

        ObjectMetadata o;
        o.id = uuid::create();
        o.nameSingular = *singular;
        o.namePlural = *plural;
        o.labelSingular = *labelSingular;
        o.labelPlural = *labelPlural;
        o.isCustom = true;
        o.isSearchable = true;
        o.createdAt = clock::nowIso();
        o.updatedAt = o.createdAt;
        VINGT_TRY(applyDescriptionAndIcon(o, input, kObjectCode));
        for (const auto &[name, target] : {std::pair{"shortcut"_L1, &o.shortcut}, std::pair{"color"_L1, &o.color}}) {
            auto value = optionalText(input, name, kObjectCode);
            if (!value)
                return value.error();
            *target = value->value_or(QString());
        }
        for (const auto &[name, target] :
             {std::pair{"isRemote"_L1, &o.isRemote}, std::pair{"isLabelSyncedWithName"_L1, &o.isLabelSyncedWithName}}) {
            auto value = optionalBool(input, name, kObjectCode);
            if (!value)
                return value.error();
            *target = value->value_or(false);
        }
        if (o.isRemote)
            return objectError(u"Remote objects are not supported"_s);

        // §3.5: the default fields; they belong to the object, not to the user, so they are not custom fields.
        addSystemFields(o, true, true);
        FieldMetadata name;
        name.id = uuid::create();
        name.objectMetadataId = o.id;
        name.name = u"name"_s;
        name.label = u"Name"_s;
        name.icon = u"IconAbc"_s;
        name.type = FieldType::Text;
        name.defaultValue = u"''"_s;
        name.createdAt = o.createdAt;
        name.updatedAt = o.createdAt;
        o.fields.insert(o.fields.begin() + 1, name);
        o.labelIdentifierFieldMetadataId = name.id;
        for (FieldMetadata &f : o.fields)
            f.isCustom = false;
        auto criteria = optionalDuplicateCriteria(input, o);
        if (!criteria)
            return criteria.error();
        o.duplicateCriteria = criteria->value_or(QList<QStringList>());
        newId = o.id;
        draft.objects.push_back(std::move(o));

        // The system relations: noteTargets, taskTargets, attachments with their inverse `<nameSingular>`.
        const std::pair<const char *, const char *> system[] = {
            {"noteTarget", "noteTargets"}, {"taskTarget", "taskTargets"}, {"attachment", "attachments"}};
        for (const auto &[targetName, inverseName] : system) {
            ObjectMetadata *target = nullptr;
            for (ObjectMetadata &candidate : draft.objects) {
                if (candidate.nameSingular == QLatin1StringView(targetName))
                    target = &candidate;
            }
            if (!target)
                continue;
            ObjectMetadata &created = *draft.object(newId);
            for (const FieldMetadata &f : target->fields) {
                if (f.name.compare(created.nameSingular, Qt::CaseInsensitive) == 0
                    || f.name.compare(created.nameSingular + u"Id"_s, Qt::CaseInsensitive) == 0) {
                    return Error::badRequest(
                        u"This name is reserved: '%1' is already a field of the system object '%2'"_s.arg(
                            created.nameSingular, target->nameSingular),
                        QString::fromLatin1(metadataerror::kReservedKeyword));
                }
            }
            addRelation(*target, created.nameSingular, created.labelSingular, created, QString::fromLatin1(inverseName),
                        QString::fromLatin1(inverseName).at(0).toUpper() + QString::fromLatin1(inverseName).mid(1),
                        OnDelete::Cascade, created.icon);
            for (FieldMetadata &f : draft.object(newId)->fields) {
                if (f.name == QLatin1StringView(inverseName)) {
                    f.isCustom = false;
                    f.isSystem = true;
                }
            }
            for (FieldMetadata &f : target->fields) {
                if (f.relationTargetObjectMetadataId == newId) {
                    f.isCustom = false;
                    f.isSystem = true;
                }
            }
        }
        return {};
    });
    if (!model)
        return model.error();
    return ObjectChange{*model, (*model)->objectById(newId)};
}

Result<ObjectChange> MetadataService::updateObject(const Actor &actor, const QString &id, const QJsonObject &update)
{
    QString objectId;
    auto model = apply(actor, [&](Draft &draft) -> Result<void> {
        ObjectMetadata *o = draft.object(id);
        if (!o)
            return Error::notFound(u"Object metadata not found"_s);
        objectId = o->id;
        VINGT_TRY(checkKnown(update, kUpdateObjectKeys, "UpdateObjectPayload"_L1));
        if (present(update, "id"_L1) && update.value("id"_L1).toString().compare(o->id, Qt::CaseInsensitive) != 0)
            return objectError(u"'id' in the update does not match the object being updated ('%1')"_s.arg(o->id));
        QString singular = o->nameSingular;
        QString plural = o->namePlural;
        for (const auto &[name, target] :
             {std::pair{"nameSingular"_L1, &singular}, std::pair{"namePlural"_L1, &plural}}) {
            if (!present(update, name))
                continue;
            auto value = requiredName(update, name, NameKind::Object, kObjectCode);
            if (!value)
                return value.error();
            *target = *value;
        }
        if (singular != o->nameSingular || plural != o->namePlural) {
            if (!o->isCustom)
                return objectError(u"The names of the standard object '%1' cannot be changed; change its labels "
                                   "instead"_s.arg(o->nameSingular));
            VINGT_TRY(checkObjectNamesFree(draft.objects, o->id, singular, plural));
        }
        o->nameSingular = singular;
        o->namePlural = plural;
        for (const auto &[name, target] :
             {std::pair{"labelSingular"_L1, &o->labelSingular}, std::pair{"labelPlural"_L1, &o->labelPlural}}) {
            if (!present(update, name))
                continue;
            auto label = validateLabel(update.value(name), name, kObjectCode);
            if (!label)
                return label.error();
            *target = *label;
        }
        VINGT_TRY(applyDescriptionAndIcon(*o, update, kObjectCode));
        for (const auto &[name, target] : {std::pair{"shortcut"_L1, &o->shortcut}, std::pair{"color"_L1, &o->color}}) {
            auto value = optionalText(update, name, kObjectCode);
            if (!value)
                return value.error();
            if (*value)
                *target = **value;
        }
        for (const auto &[name, target] :
             {std::pair{"isLabelSyncedWithName"_L1, &o->isLabelSyncedWithName},
              std::pair{"isSearchable"_L1, &o->isSearchable}, std::pair{"isActive"_L1, &o->isActive}}) {
            auto value = optionalBool(update, name, kObjectCode);
            if (!value)
                return value.error();
            if (*value)
                *target = **value;
        }
        if (!o->isActive && o->isSystem)
            return objectError(u"The system object '%1' cannot be deactivated"_s.arg(o->nameSingular));
        for (const auto &[name, target] :
             {std::pair{"labelIdentifierFieldMetadataId"_L1, &o->labelIdentifierFieldMetadataId},
              std::pair{"imageIdentifierFieldMetadataId"_L1, &o->imageIdentifierFieldMetadataId}}) {
            const QJsonValue value = update.value(name);
            if (value.isUndefined())
                continue;
            if (value.isNull()) {
                *target = QString();
                continue;
            }
            const FieldMetadata *field = value.isString() ? o->fieldById(value.toString().toLower()) : nullptr;
            if (!field || field->type == FieldType::Relation || !field->isActive) {
                return objectError(u"'%1' must be the id of an active, non-relation field of object '%2'"_s.arg(
                    name, o->nameSingular));
            }
            *target = field->id;
        }
        auto criteria = optionalDuplicateCriteria(update, *o);
        if (!criteria)
            return criteria.error();
        if (*criteria)
            o->duplicateCriteria = std::move(**criteria);
        o->updatedAt = clock::nowIso();
        return {};
    });
    if (!model)
        return model.error();
    return ObjectChange{*model, (*model)->objectById(objectId)};
}

Result<ObjectChange> MetadataService::deleteObject(const Actor &actor, const QString &id)
{
    QString objectId;
    auto model = apply(actor, [&](Draft &draft) -> Result<void> {
        ObjectMetadata *o = draft.object(id);
        if (!o)
            return Error::notFound(u"Object metadata not found"_s);
        if (!o->isCustom)
            return objectError(
                u"The standard object '%1' cannot be deleted; deactivate it instead"_s.arg(o->nameSingular));
        if (o->isActive)
            return objectError(u"Object '%1' must be deactivated before it can be deleted"_s.arg(o->nameSingular));
        objectId = o->id;
        std::erase_if(draft.objects, [&](const ObjectMetadata &candidate) { return candidate.id == objectId; });
        for (ObjectMetadata &other : draft.objects) {
            std::erase_if(other.fields, [&](const FieldMetadata &f) {
                return f.type == FieldType::Relation && f.relationTargetObjectMetadataId == objectId;
            });
        }
        return {};
    });
    if (!model)
        return model.error();
    return ObjectChange{*model, nullptr};
}

Result<FieldChange> MetadataService::createField(const Actor &actor, const QJsonObject &input)
{
    QString fieldId;
    QString objectId;
    auto model = apply(actor, [&](Draft &draft) -> Result<void> {
        VINGT_TRY(checkKnown(input, kCreateFieldKeys, "CreateFieldInput"_L1));
        const QJsonValue objectValue = input.value("objectMetadataId"_L1);
        if (!objectValue.isString())
            return fieldError(u"'objectMetadataId' is required and must be a UUID"_s);
        if (!uuid::isValid(objectValue.toString()))
            return fieldError(u"'%1' is not a valid UUID"_s.arg(objectValue.toString()));
        ObjectMetadata *object = draft.object(objectValue.toString());
        if (!object)
            return Error::notFound(u"Object metadata not found"_s);
        objectId = object->id;
        const QJsonValue typeValue = input.value("type"_L1);
        if (!typeValue.isString())
            return fieldError(u"'type' is required and must be a FieldMetadataType"_s);
        const auto type = fieldTypeFromName(typeValue.toString());
        if (!type)
            return fieldError(u"'%1' is not a valid field type"_s.arg(typeValue.toString()));
        if (*type == FieldType::TsVector || *type == FieldType::MorphRelation)
            return fieldError(u"Fields of type %1 cannot be created through the API"_s.arg(typeValue.toString()));
        auto name = requiredName(input, "name"_L1, NameKind::Field, kFieldCode);
        if (!name)
            return name.error();
        VINGT_TRY(checkFieldNameFree(*object, *name, {}));
        auto label = validateLabel(input.value("label"_L1), "label"_L1, kFieldCode);
        if (!label)
            return label.error();

        FieldMetadata f;
        f.id = uuid::create();
        f.objectMetadataId = object->id;
        f.name = *name;
        f.label = *label;
        f.type = *type;
        f.isCustom = true;
        f.createdAt = clock::nowIso();
        f.updatedAt = f.createdAt;
        VINGT_TRY(applyDescriptionAndIcon(f, input, kFieldCode));
        for (const auto &[key, target, fallback] :
             {std::tuple{"isNullable"_L1, &f.isNullable, true}, std::tuple{"isUnique"_L1, &f.isUnique, false},
              std::tuple{"isActive"_L1, &f.isActive, true},
              std::tuple{"isLabelSyncedWithName"_L1, &f.isLabelSyncedWithName, false}}) {
            auto value = optionalBool(input, key, kFieldCode);
            if (!value)
                return value.error();
            *target = value->value_or(fallback);
        }
        if (f.isUnique && !canBeUnique(f.type))
            return fieldError(u"Fields of type %1 cannot be unique"_s.arg(typeValue.toString()));
        auto settings = validateSettings(input.value("settings"_L1), f.type, f.name);
        if (!settings)
            return settings.error();
        f.settings = *settings;
        if (hasOptions(f.type)) {
            auto options = parseOptions(input.value("options"_L1), f.type, f.name);
            if (!options)
                return options.error();
            f.options = std::move(*options);
        } else if (!input.value("options"_L1).isUndefined() && !input.value("options"_L1).isNull()) {
            return fieldError(u"Field '%1' of type %2 takes no options"_s.arg(f.name, typeValue.toString()));
        }
        auto defaultValue = normalizeDefault(input.value("defaultValue"_L1), f);
        if (!defaultValue)
            return defaultValue.error();
        f.defaultValue = *defaultValue;
        fieldId = f.id;

        if (f.type != FieldType::Relation) {
            if (present(input, "relationCreationPayload"_L1) && !input.value("relationCreationPayload"_L1).isNull())
                return fieldError(u"'relationCreationPayload' is only allowed on RELATION fields"_s);
            object->fields.push_back(std::move(f));
            return {};
        }

        // RELATION: the inverse field on the target object, and the join column on the MANY_TO_ONE side.
        const QJsonValue payloadValue = input.value("relationCreationPayload"_L1);
        if (!payloadValue.isObject())
            return fieldError(u"A RELATION field needs 'relationCreationPayload' {targetObjectMetadataId, "
                              "targetFieldLabel, targetFieldIcon, type}"_s);
        const QJsonObject payload = payloadValue.toObject();
        VINGT_TRY(checkKnown(payload,
                             {u"targetObjectMetadataId"_s, u"targetFieldLabel"_s, u"targetFieldIcon"_s, u"type"_s},
                             "RelationCreationPayload"_L1));
        const QString relationTypeText = payload.value("type"_L1).toString();
        RelationType relationType = RelationType::None;
        if (relationTypeText == "MANY_TO_ONE"_L1)
            relationType = RelationType::ManyToOne;
        else if (relationTypeText == "ONE_TO_MANY"_L1)
            relationType = RelationType::OneToMany;
        else
            return fieldError(u"'relationCreationPayload.type' must be MANY_TO_ONE or ONE_TO_MANY"_s);
        const QString targetId = payload.value("targetObjectMetadataId"_L1).toString();
        if (!uuid::isValid(targetId))
            return fieldError(u"'relationCreationPayload.targetObjectMetadataId' must be a UUID"_s);
        ObjectMetadata *target = draft.object(targetId);
        if (!target)
            return fieldError(
                u"'relationCreationPayload.targetObjectMetadataId': object '%1' not found"_s.arg(targetId));
        auto targetLabel = validateLabel(payload.value("targetFieldLabel"_L1),
                                         "relationCreationPayload.targetFieldLabel"_L1, kFieldCode);
        if (!targetLabel)
            return targetLabel.error();
        const QString inverseName = nameFromLabel(*targetLabel);
        VINGT_TRY(validateName(inverseName, NameKind::Field, "relationCreationPayload.targetFieldLabel"_L1));
        VINGT_TRY(checkFieldNameFree(*target, inverseName, {}));
        if (target->id == object->id && inverseName.compare(f.name, Qt::CaseInsensitive) == 0)
            return fieldError(u"The two sides of relation '%1' need different names"_s.arg(f.name));
        const OnDelete onDelete = onDeleteFromName(f.settings.value("onDelete"_L1).toString())
                                      .value_or(OnDelete::SetNull);

        FieldMetadata inverse;
        inverse.id = uuid::create();
        inverse.objectMetadataId = target->id;
        inverse.name = inverseName;
        inverse.label = *targetLabel;
        inverse.icon = payload.value("targetFieldIcon"_L1).toString(object->icon);
        inverse.type = FieldType::Relation;
        inverse.isCustom = true;
        inverse.createdAt = f.createdAt;
        inverse.updatedAt = f.createdAt;
        f.relationTargetObjectMetadataId = target->id;
        f.relationTargetFieldMetadataId = inverse.id;
        inverse.relationTargetObjectMetadataId = object->id;
        inverse.relationTargetFieldMetadataId = f.id;
        FieldMetadata &many = relationType == RelationType::ManyToOne ? f : inverse;
        FieldMetadata &one = relationType == RelationType::ManyToOne ? inverse : f;
        many.relationType = RelationType::ManyToOne;
        many.onDelete = onDelete;
        many.settings = QJsonObject{{u"relationType"_s, u"MANY_TO_ONE"_s},
                                    {u"onDelete"_s, QString(onDeleteName(onDelete))},
                                    {u"joinColumnName"_s, many.name + u"Id"_s}};
        one.relationType = RelationType::OneToMany;
        one.settings = QJsonObject{{u"relationType"_s, u"ONE_TO_MANY"_s}};
        object->fields.push_back(std::move(f));
        draft.object(targetId)->fields.push_back(std::move(inverse));
        return {};
    });
    if (!model)
        return model.error();
    const auto [object, field] = (*model)->fieldById(fieldId);
    return FieldChange{*model, object, field};
}

Result<FieldChange> MetadataService::updateField(const Actor &actor, const QString &id, const QJsonObject &update)
{
    QString fieldId;
    auto model = apply(actor, [&](Draft &draft) -> Result<void> {
        auto [object, f] = draft.field(id);
        if (!f)
            return Error::notFound(u"Field metadata not found"_s);
        fieldId = f->id;
        VINGT_TRY(checkKnown(update, kUpdateFieldKeys, "UpdateFieldInput"_L1));
        if (present(update, "id"_L1) && update.value("id"_L1).toString().compare(f->id, Qt::CaseInsensitive) != 0)
            return fieldError(u"'id' in the update does not match the field being updated ('%1')"_s.arg(f->id));
        if (present(update, "type"_L1) && update.value("type"_L1).toString() != fieldTypeName(f->type)) {
            return fieldError(u"The type of field '%1' cannot be changed from %2 to %3; create a new field and copy "
                              "the values instead"_s.arg(f->name, QString(fieldTypeName(f->type)),
                                                         update.value("type"_L1).toVariant().toString()));
        }
        if (present(update, "objectMetadataId"_L1)
            && update.value("objectMetadataId"_L1).toString().compare(object->id, Qt::CaseInsensitive) != 0) {
            return fieldError(u"Field '%1' cannot be moved to another object"_s.arg(f->name));
        }
        if (present(update, "name"_L1)) {
            auto name = requiredName(update, "name"_L1, NameKind::Field, kFieldCode);
            if (!name)
                return name.error();
            if (*name != f->name) {
                if (!f->isCustom)
                    return fieldError(u"The name of the standard field '%1' cannot be changed; change its label "
                                      "instead"_s.arg(f->name));
                VINGT_TRY(checkFieldNameFree(*object, *name, f->id));
                f->name = *name;
            }
        }
        if (present(update, "label"_L1)) {
            auto label = validateLabel(update.value("label"_L1), "label"_L1, kFieldCode);
            if (!label)
                return label.error();
            f->label = *label;
        }
        VINGT_TRY(applyDescriptionAndIcon(*f, update, kFieldCode));
        const bool wasActive = f->isActive;
        for (const auto &[key, target] : {std::pair{"isNullable"_L1, &f->isNullable},
                                          std::pair{"isUnique"_L1, &f->isUnique}, std::pair{"isActive"_L1, &f->isActive},
                                          std::pair{"isLabelSyncedWithName"_L1, &f->isLabelSyncedWithName}}) {
            auto value = optionalBool(update, key, kFieldCode);
            if (!value)
                return value.error();
            if (*value)
                *target = **value;
        }
        if (f->isUnique && !canBeUnique(f->type))
            return fieldError(u"Fields of type %1 cannot be unique"_s.arg(QString(fieldTypeName(f->type))));
        if (wasActive && !f->isActive) {
            if (isCoreField(*f))
                return fieldError(u"The system field '%1' cannot be deactivated"_s.arg(f->name));
            if (object->labelIdentifierFieldMetadataId == f->id)
                return fieldError(u"Field '%1' is the label identifier of object '%2' and cannot be deactivated"_s.arg(
                    f->name, object->nameSingular));
        }
        if (present(update, "settings"_L1)) {
            auto settings = validateSettings(update.value("settings"_L1), f->type, f->name);
            if (!settings)
                return settings.error();
            if (f->type == FieldType::Relation) {
                // The relation's shape is fixed; only onDelete may change (on the MANY_TO_ONE side).
                QJsonObject merged = f->settings;
                if (settings->contains("onDelete"_L1) && f->isManyToOne()) {
                    merged.insert(u"onDelete"_s, settings->value("onDelete"_L1));
                    f->onDelete = *onDeleteFromName(settings->value("onDelete"_L1).toString());
                }
                f->settings = merged;
            } else {
                f->settings = *settings;
            }
        }
        QStringList removedOptions;
        if (present(update, "options"_L1)) {
            if (!hasOptions(f->type)) {
                if (!update.value("options"_L1).isNull())
                    return fieldError(
                        u"Field '%1' of type %2 takes no options"_s.arg(f->name, QString(fieldTypeName(f->type))));
            } else {
                auto options = parseOptions(update.value("options"_L1), f->type, f->name);
                if (!options)
                    return options.error();
                const QStringList before = f->optionValues();
                f->options = std::move(*options);
                for (const QString &value : before) {
                    if (!f->hasOption(value))
                        removedOptions << value;
                }
                if (!present(update, "defaultValue"_L1)) {
                    auto kept = normalizeDefault(f->defaultValue, *f);
                    if (!kept)
                        return kept.error();
                }
            }
        }
        if (present(update, "defaultValue"_L1)) {
            auto defaultValue = normalizeDefault(update.value("defaultValue"_L1), *f);
            if (!defaultValue)
                return defaultValue.error();
            f->defaultValue = *defaultValue;
        }
        f->updatedAt = clock::nowIso();
        // Records holding a removed option lose it (SELECT and RATING; MULTI_SELECT arrays keep their text).
        if (!removedOptions.isEmpty() && f->type != FieldType::MultiSelect) {
            QStringList marks;
            QVariantList binds;
            for (const QString &value : removedOptions) {
                marks << u"?"_s;
                binds << value;
            }
            const SqlDialect &dialect = m_workspace.database().dialect();
            draft.afterDdl.emplace_back(
                u"UPDATE %1 SET %2 = NULL WHERE %2 IN (%3)"_s.arg(dialect.quote(object->tableName()),
                                                                  dialect.quote(f->name), marks.join(u',')),
                binds);
        }
        // Both sides of a relation are active together.
        if (f->type == FieldType::Relation && wasActive != f->isActive) {
            if (ObjectMetadata *target = draft.object(f->relationTargetObjectMetadataId)) {
                if (FieldMetadata *inverse = findField(*target, f->relationTargetFieldMetadataId)) {
                    inverse->isActive = f->isActive;
                    inverse->updatedAt = f->updatedAt;
                }
            }
        }
        return {};
    });
    if (!model)
        return model.error();
    const auto [object, field] = (*model)->fieldById(fieldId);
    return FieldChange{*model, object, field};
}

Result<FieldChange> MetadataService::deleteField(const Actor &actor, const QString &id)
{
    auto model = apply(actor, [&](Draft &draft) -> Result<void> {
        auto [object, f] = draft.field(id);
        if (!f)
            return Error::notFound(u"Field metadata not found"_s);
        if (!f->isCustom)
            return fieldError(u"The standard field '%1' of object '%2' cannot be deleted; deactivate it instead"_s.arg(
                f->name, object->nameSingular));
        if (object->labelIdentifierFieldMetadataId == f->id || object->imageIdentifierFieldMetadataId == f->id) {
            return fieldError(u"Field '%1' is the %2 identifier of object '%3'; choose another one before deleting "
                              "it"_s.arg(f->name,
                                         object->labelIdentifierFieldMetadataId == f->id ? u"label"_s : u"image"_s,
                                         object->nameSingular));
        }
        const QString fieldId = f->id;
        if (f->type == FieldType::Relation) {
            ObjectMetadata *target = draft.object(f->relationTargetObjectMetadataId);
            FieldMetadata *inverse = target ? findField(*target, f->relationTargetFieldMetadataId) : nullptr;
            if (inverse && !inverse->isCustom) {
                return fieldError(u"Field '%1' of object '%2' cannot be deleted: the relation '%3.%4' depends on "
                                  "it"_s.arg(f->name, object->nameSingular, target->nameSingular, inverse->name));
            }
            if (inverse) {
                const QString inverseId = inverse->id;
                std::erase_if(target->fields, [&](const FieldMetadata &c) { return c.id == inverseId; });
            }
        }
        std::erase_if(object->fields, [&](const FieldMetadata &c) { return c.id == fieldId; });
        return {};
    });
    if (!model)
        return model.error();
    return FieldChange{*model, nullptr, nullptr};
}

QByteArray MetadataService::exportModel() const
{
    const DataModelPtr model = m_workspace.dataModel();
    JsonWriter out;
    out.beginObject();
    out.key("vingtDataModel"_L1);
    out.value(1);
    out.key("objects"_L1);
    out.beginArray();
    for (const ObjectMetadata &object : model->objects()) {
        const bool anyCustomField = std::any_of(object.fields.begin(), object.fields.end(),
                                                [](const FieldMetadata &f) { return f.isCustom; });
        if (!object.isCustom && !anyCustomField)
            continue;
        metadatajson::writeObject(out, *model, object, true, metadatajson::Projection::Full,
                                  [](const FieldMetadata &field) { return field.isCustom; });
    }
    out.endArray();
    out.endObject();
    return out.take();
}

Result<int> MetadataService::importModel(const Actor &actor, const QJsonObject &document)
{
    if (!document.value("objects"_L1).isArray())
        return Error::badRequest(u"Not a Vingt data model export: 'objects' must be an array"_s);
    const QJsonArray objects = document.value("objects"_L1).toArray();
    int created = 0;
    // 1. Objects.
    for (const QJsonValue &value : objects) {
        const QJsonObject o = value.toObject();
        if (!o.value("isCustom"_L1).toBool())
            continue;
        if (m_workspace.dataModel()->objectBySingular(o.value("nameSingular"_L1).toString()))
            continue;
        QJsonObject input;
        for (const QLatin1StringView key :
             {"nameSingular"_L1, "namePlural"_L1, "labelSingular"_L1, "labelPlural"_L1, "description"_L1, "icon"_L1}) {
            input.insert(key, o.value(key));
        }
        auto object = createObject(actor, input);
        if (!object)
            return object.error();
        ++created;
    }
    // 2. Fields; a relation is created once, from the side met first (its inverse is then found by name).
    auto objectByName = [](const DataModel &model, const QString &name) -> const ObjectMetadata * {
        for (const ObjectMetadata &o : model.objects()) {
            if (o.nameSingular == name)
                return &o;
        }
        return nullptr;
    };
    for (const QJsonValue &value : objects) {
        const QJsonObject o = value.toObject();
        const QString objectName = o.value("nameSingular"_L1).toString();
        for (const QJsonValue &fieldValue : o.value("fields"_L1).toArray()) {
            const QJsonObject f = fieldValue.toObject();
            const DataModelPtr model = m_workspace.dataModel();
            const ObjectMetadata *object = objectByName(*model, objectName);
            if (!object)
                return Error::badRequest(u"Import: object '%1' does not exist"_s.arg(objectName));
            if (object->field(f.value("name"_L1).toString()))
                continue;
            QJsonObject input;
            for (const QLatin1StringView key :
                 {"type"_L1, "name"_L1, "label"_L1, "description"_L1, "icon"_L1, "isNullable"_L1, "isUnique"_L1,
                  "isActive"_L1, "defaultValue"_L1, "options"_L1, "settings"_L1}) {
                if (!f.value(key).isNull() && !f.value(key).isUndefined())
                    input.insert(key, f.value(key));
            }
            input.insert(u"objectMetadataId"_s, object->id);
            if (f.value("type"_L1).toString() == "RELATION"_L1) {
                const QJsonObject relation = f.value("relation"_L1).toObject();
                const QString targetName
                    = relation.value("targetObjectMetadata"_L1).toObject().value("nameSingular"_L1).toString();
                const ObjectMetadata *target = objectByName(*model, targetName);
                if (!target)
                    return Error::badRequest(u"Import: relation target '%1' does not exist"_s.arg(targetName));
                const QString inverseName
                    = relation.value("targetFieldMetadata"_L1).toObject().value("name"_L1).toString();
                QString inverseLabel = inverseName;
                QString inverseIcon;
                for (const QJsonValue &t : objects) {
                    if (t.toObject().value("nameSingular"_L1).toString() != targetName)
                        continue;
                    for (const QJsonValue &tf : t.toObject().value("fields"_L1).toArray()) {
                        if (tf.toObject().value("name"_L1).toString() == inverseName) {
                            inverseLabel = tf.toObject().value("label"_L1).toString();
                            inverseIcon = tf.toObject().value("icon"_L1).toString();
                        }
                    }
                }
                QJsonObject settings = f.value("settings"_L1).toObject();
                settings.remove(u"joinColumnName"_s);
                settings.remove(u"relationType"_s);
                input.insert(u"settings"_s, settings);
                input.insert(u"relationCreationPayload"_s, QJsonObject{{u"targetObjectMetadataId"_s, target->id},
                                                                       {u"targetFieldLabel"_s, inverseLabel},
                                                                       {u"targetFieldIcon"_s, inverseIcon},
                                                                       {u"type"_s, relation.value("type"_L1)}});
            }
            auto field = createField(actor, input);
            if (!field)
                return Error{field.error().kind,
                             u"Import of field '%1.%2': %3"_s.arg(objectName, f.value("name"_L1).toString(),
                                                                  field.error().message),
                             field.error().code};
            ++created;
        }
    }
    return created;
}

} // namespace vingt
