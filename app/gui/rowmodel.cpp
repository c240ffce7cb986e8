#include "gui/rowmodel.h"

namespace vingt::gui {

using namespace Qt::StringLiterals;

RowModel::RowModel(QStringList roles, QObject *parent) : QAbstractListModel(parent), m_roles(std::move(roles)) {}

int RowModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant RowModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int column = role - Qt::UserRole;
    if (role == Qt::DisplayRole)
        return m_rows.at(index.row()).value(m_roles.value(0));
    if (column < 0 || column >= m_roles.size())
        return {};
    return m_rows.at(index.row()).value(m_roles.at(column));
}

QHash<int, QByteArray> RowModel::roleNames() const
{
    QHash<int, QByteArray> names;
    // QML reserves `id`: delegates see the row's id as `itemId`.
    for (int i = 0; i < m_roles.size(); ++i)
        names.insert(Qt::UserRole + i, m_roles.at(i) == "id"_L1 ? QByteArray("itemId") : m_roles.at(i).toUtf8());
    return names;
}

void RowModel::setRows(QList<QVariantMap> rows)
{
    bool sameIdentity = rows.size() == m_rows.size();
    for (qsizetype i = 0; sameIdentity && i < rows.size(); ++i)
        sameIdentity = rows.at(i).value(u"id"_s) == m_rows.at(i).value(u"id"_s);
    if (!sameIdentity) {
        const bool countChanges = rows.size() != m_rows.size();
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
        if (countChanges)
            Q_EMIT countChanged();
        return;
    }
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (rows.at(i) == m_rows.at(i))
            continue;
        m_rows[i] = rows.at(i);
        const QModelIndex changed = index(int(i));
        Q_EMIT dataChanged(changed, changed);
    }
}

QVariantMap RowModel::get(int row) const
{
    return m_rows.value(row);
}

int RowModel::indexOfId(const QString &id) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).value(u"id"_s).toString() == id)
            return int(i);
    }
    return -1;
}

} // namespace vingt::gui
