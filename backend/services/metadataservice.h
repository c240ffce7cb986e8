#pragma once

#include "core/result.h"
#include "model/datamodel.h"
#include "services/actor.h"

#include <QJsonObject>

#include <functional>

namespace vingt {

class Workspace;

/// @brief The result of a metadata change: the snapshot published by it and the item inside it (null after a
/// delete: callers that answer with the deleted item read it from the snapshot they started with).
struct ObjectChange {
    DataModelPtr model;
    const ObjectMetadata *object = nullptr;
};
struct FieldChange {
    DataModelPtr model;
    const ObjectMetadata *object = nullptr;
    const FieldMetadata *field = nullptr;
};

/// @brief Changes a workspace's data model live (API-CONTRACT §3): objects and fields, their tables and columns.
/// Inputs are the JSON inputs of §3.3 (REST bodies, GraphQL input objects, the desktop app), so every surface shares
/// the rules of §3.4. Each change: the `DATA_MODEL` flag (§6.3) → validation (400 naming the problem) → the
/// workspace's ModelLock exclusively (running requests finish first) → metadata rows, DDL and the model version in
/// one transaction (a failure leaves the workspace exactly as it was) → the new snapshot, published atomically.
/// Thread rule: callable from any thread, but never by a thread that holds the ModelLock shared.
class MetadataService
{
public:
    explicit MetadataService(Workspace &workspace) : m_workspace(workspace) {}

    [[nodiscard]] Result<ObjectChange> createObject(const Actor &actor, const QJsonObject &input);
    [[nodiscard]] Result<ObjectChange> updateObject(const Actor &actor, const QString &id, const QJsonObject &update);
    /// Custom, deactivated objects only; drops the table and the relations pointing to it.
    [[nodiscard]] Result<ObjectChange> deleteObject(const Actor &actor, const QString &id);
    /// Any type of §3.3 but TS_VECTOR and MORPH_RELATION; a RELATION creates its inverse (relationCreationPayload).
    [[nodiscard]] Result<FieldChange> createField(const Actor &actor, const QJsonObject &input);
    [[nodiscard]] Result<FieldChange> updateField(const Actor &actor, const QString &id, const QJsonObject &update);
    /// Custom fields only; a relation is deleted with its inverse.
    [[nodiscard]] Result<FieldChange> deleteField(const Actor &actor, const QString &id);

    /// The workspace's custom objects and custom fields as a JSON document (`vingt model export`).
    [[nodiscard]] QByteArray exportModel() const;
    /// Recreates the objects and fields of an exported document that do not exist yet (matched by name); returns
    /// the number of objects and fields created.
    [[nodiscard]] Result<int> importModel(const Actor &actor, const QJsonObject &document);

    /// A change under construction: a copy of the objects to edit, and statements to run after the DDL.
    struct Draft {
        const DataModel &before;
        std::vector<ObjectMetadata> objects;
        std::vector<std::pair<QString, QVariantList>> afterDdl;
        ObjectMetadata *object(const QString &id);
        /// A field by id, with its object; {nullptr, nullptr} when there is none.
        std::pair<ObjectMetadata *, FieldMetadata *> field(const QString &id);
    };
    using Mutation = std::function<Result<void>(Draft &draft)>;

private:
    [[nodiscard]] Result<DataModelPtr> apply(const Actor &actor, const Mutation &mutate);

    Workspace &m_workspace;
};

} // namespace vingt
