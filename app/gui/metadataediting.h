#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QString>

namespace vingt::gui {

/// @brief What the Data model pages need to edit objects and fields. The MetadataService (branch `meta`) implements
/// it through a small adapter; until one is set in BackendContext::metadata the pages show the actions disabled.
/// Inputs are shaped like the Metadata API inputs (API-CONTRACT §3): createOneObject / updateOneObject /
/// createOneField / updateOneField. Called on a worker thread.
class MetadataEditing
{
public:
    virtual ~MetadataEditing() = default;
    [[nodiscard]] virtual Result<QString> createObject(const QJsonObject &input) = 0; ///< returns the new id
    [[nodiscard]] virtual Result<void> updateObject(const QString &id, const QJsonObject &update) = 0;
    [[nodiscard]] virtual Result<void> deleteObject(const QString &id) = 0;
    [[nodiscard]] virtual Result<QString> createField(const QJsonObject &input) = 0; ///< returns the new id
    [[nodiscard]] virtual Result<void> updateField(const QString &id, const QJsonObject &update) = 0;
    [[nodiscard]] virtual Result<void> deleteField(const QString &id) = 0;
};

} // namespace vingt::gui
