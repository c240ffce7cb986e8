#pragma once

#include "model/objectmetadata.h"

#include <QHash>

#include <memory>
#include <vector>

namespace vingt {

/// @brief An immutable snapshot of one workspace's data model. REST, GraphQL, OpenAPI and the playground all derive
/// from one snapshot (DESIGN invariant 3). Published as a shared_ptr; readers keep the snapshot they started with.
/// Thread rule: immutable after construction, so any thread may read it.
class DataModel
{
public:
    DataModel(qint64 version, std::vector<ObjectMetadata> objects);

    [[nodiscard]] qint64 version() const { return m_version; }
    [[nodiscard]] const std::vector<ObjectMetadata> &objects() const { return m_objects; }
    [[nodiscard]] const ObjectMetadata *objectById(const QString &id) const;
    [[nodiscard]] const ObjectMetadata *objectBySingular(const QString &name) const;
    [[nodiscard]] const ObjectMetadata *objectByPlural(const QString &name) const;
    /// Field by id together with its object.
    [[nodiscard]] std::pair<const ObjectMetadata *, const FieldMetadata *> fieldById(const QString &id) const;
    /// The object a relation field points to.
    [[nodiscard]] const ObjectMetadata *relationTarget(const FieldMetadata &field) const;
    /// The inverse side of a relation field.
    [[nodiscard]] const FieldMetadata *relationInverse(const FieldMetadata &field) const;

private:
    qint64 m_version;
    std::vector<ObjectMetadata> m_objects;
    QHash<QString, int> m_byId;
    QHash<QString, int> m_bySingular;
    QHash<QString, int> m_byPlural;
};

using DataModelPtr = std::shared_ptr<const DataModel>;

} // namespace vingt
