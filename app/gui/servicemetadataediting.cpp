#include "servicemetadataediting.h"

#include "backendcontext.h"

#include "services/metadataservice.h"
#include "services/workspace.h"

namespace vingt::gui {

namespace {

template<typename Change>
Result<void> done(const Result<Change> &change)
{
    if (!change)
        return change.error();
    return {};
}

} // namespace

Result<QString> ServiceMetadataEditing::createObject(const QJsonObject &input)
{
    auto change = m_workspace.metadata().createObject(BackendContext::actor(), input);
    if (!change)
        return change.error();
    return change->object->id;
}

Result<void> ServiceMetadataEditing::updateObject(const QString &id, const QJsonObject &update)
{
    return done(m_workspace.metadata().updateObject(BackendContext::actor(), id, update));
}

Result<void> ServiceMetadataEditing::deleteObject(const QString &id)
{
    return done(m_workspace.metadata().deleteObject(BackendContext::actor(), id));
}

Result<QString> ServiceMetadataEditing::createField(const QJsonObject &input)
{
    auto change = m_workspace.metadata().createField(BackendContext::actor(), input);
    if (!change)
        return change.error();
    return change->field->id;
}

Result<void> ServiceMetadataEditing::updateField(const QString &id, const QJsonObject &update)
{
    return done(m_workspace.metadata().updateField(BackendContext::actor(), id, update));
}

Result<void> ServiceMetadataEditing::deleteField(const QString &id)
{
    return done(m_workspace.metadata().deleteField(BackendContext::actor(), id));
}

} // namespace vingt::gui
