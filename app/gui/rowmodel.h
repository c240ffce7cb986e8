#pragma once

#include <QAbstractListModel>
#include <QList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace vingt::gui {

/// @brief The list model behind every table of the desktop app: rows are plain maps built by a controller from
/// service results, the role names are the map keys. setRows() keeps row identity (the `id` key): a refresh that
/// changes values emits dataChanged only (QML delegates see `id` as `itemId`, since QML reserves `id`), so views keep their selection and scroll position while other clients
/// change data through the API.
class RowModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the controllers")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    explicit RowModel(QStringList roles, QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /// Replaces the rows; a row without `id` is matched by position.
    void setRows(QList<QVariantMap> rows);
    [[nodiscard]] const QList<QVariantMap> &rows() const { return m_rows; }

    /// The row at `row` (empty map when out of range).
    Q_INVOKABLE [[nodiscard]] QVariantMap get(int row) const;
    /// The row index of `id`, -1 when absent.
    Q_INVOKABLE [[nodiscard]] int indexOfId(const QString &id) const;

Q_SIGNALS:
    void countChanged();

private:
    QStringList m_roles;
    QList<QVariantMap> m_rows;
};

} // namespace vingt::gui
