#pragma once

#include "services/actor.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <vector>

namespace vingt {

/// The record event actions of API-CONTRACT §10.2.
enum class RecordAction { Created, Updated, Deleted, Destroyed, Restored };

/// `created`, `updated`, `deleted`, `destroyed`, `restored`.
[[nodiscard]] QLatin1StringView recordActionName(RecordAction action);

/// @brief One committed change of one record (§10.2, 10.3): the record after the change (depth 0, all fields, as JSON;
/// the last state for `destroyed`) and, for `updated`, the top-level names of the fields that changed.
struct RecordEvent {
    RecordAction action = RecordAction::Created;
    QString objectMetadataId;
    QString objectNameSingular;
    QString recordId;
    QByteArray recordJson;
    QStringList updatedFields;
    QString eventDate; ///< ISO-8601 UTC with milliseconds

    [[nodiscard]] QString eventName() const { return objectNameSingular + u'.' + recordActionName(action); }
};

/// @brief Where RecordService reports committed changes: one event per record, batches included, only after the
/// transaction committed (Database::afterCommit), from every caller alike (REST, GraphQL, the desktop app).
/// Thread rule: implementations are called from any thread, concurrently.
class RecordEventSink
{
public:
    virtual ~RecordEventSink() = default;
    /// Whether anyone listens for this event now; when not, RecordService does not even build the events.
    [[nodiscard]] virtual bool wantsEvent(const QString &objectNameSingular, RecordAction action) const = 0;
    /// Committed changes made by `actor`.
    virtual void recordsChanged(const std::vector<RecordEvent> &events, const Actor &actor) = 0;
};

} // namespace vingt
