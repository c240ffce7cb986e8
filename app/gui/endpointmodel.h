#pragma once

#include "playground/endpointcatalog.h"

#include <QAbstractListModel>
#include <QSet>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <vector>

namespace vingt::gui {

/// @brief The playground's REST endpoint browser: the operations of the workspace's OpenAPI document (the one the
/// server serves, built in process), grouped by object; `search` filters by path, summary and object.
/// Roles: group, groupDescription, method, path, summary, description, parameters (one `name (in): type — text`
/// line each), requestSchema, responseSchema, groupStart. A list (not a tree): views draw a heading where
/// `groupStart` is true.
class EndpointModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by PlaygroundController")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY searchChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)

public:
    enum Role {
        GroupRole = Qt::UserRole + 1,
        GroupDescriptionRole,
        MethodRole,
        PathRole,
        SummaryRole,
        DescriptionRole,
        ParametersRole,
        RequestSchemaRole,
        ResponseSchemaRole,
        GroupStartRole, ///< true on the first visible row of a group: views draw the group's heading above it
        CollapsedRole,  ///< the group is folded: its only row stands for the heading (views hide the operation)
    };

    using QAbstractListModel::QAbstractListModel;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] QString search() const { return m_search; }
    void setSearch(const QString &search);
    [[nodiscard]] bool busy() const { return m_busy; }
    void setBusy(bool busy);

    /// Replaces every endpoint (a new document: the data model changed).
    void setEndpoints(std::vector<playground::Endpoint> endpoints);
    /// Every role of the visible row `row` (empty map when out of range).
    Q_INVOKABLE [[nodiscard]] QVariantMap get(int row) const;
    /// The visible row of `method` + `path` (as listed, e.g. `GET /rest/people`), -1 when absent.
    Q_INVOKABLE [[nodiscard]] int find(const QString &method, const QString &path) const;
    /// Folds or unfolds a group (object): folded, it keeps one row (its heading). A search shows every match.
    Q_INVOKABLE void toggleGroup(const QString &group);

Q_SIGNALS:
    void countChanged();
    void searchChanged();
    void busyChanged();

private:
    void filter();

    std::vector<playground::Endpoint> m_all;
    std::vector<int> m_visible; ///< indexes into m_all
    QSet<QString> m_collapsed;  ///< folded groups
    QString m_search;
    bool m_busy = false;
};

} // namespace vingt::gui
