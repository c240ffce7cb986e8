#pragma once

#include "metadataediting.h"

namespace vingt {
class Workspace;
} // namespace vingt

namespace vingt::gui {

/// @brief The Data model pages' editing, done by the workspace's MetadataService as the desktop's actor: the same
/// validation, DDL transaction and live snapshot as the Metadata API (API-CONTRACT §3).
class ServiceMetadataEditing final : public MetadataEditing
{
public:
    explicit ServiceMetadataEditing(Workspace &workspace) : m_workspace(workspace) {}

    [[nodiscard]] Result<QString> createObject(const QJsonObject &input) override;
    [[nodiscard]] Result<void> updateObject(const QString &id, const QJsonObject &update) override;
    [[nodiscard]] Result<void> deleteObject(const QString &id) override;
    [[nodiscard]] Result<QString> createField(const QJsonObject &input) override;
    [[nodiscard]] Result<void> updateField(const QString &id, const QJsonObject &update) override;
    [[nodiscard]] Result<void> deleteField(const QString &id) override;

private:
    Workspace &m_workspace;
};

} // namespace vingt::gui
