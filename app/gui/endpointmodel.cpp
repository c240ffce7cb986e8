#include "gui/endpointmodel.h"

namespace vingt::gui {

using namespace Qt::StringLiterals;

namespace {

QString parameterLines(const playground::Endpoint &endpoint)
{
    QStringList lines;
    for (const playground::EndpointParameter &p : endpoint.parameters) {
        QString line = u"%1 (%2%3): %4"_s.arg(p.name, p.in, p.required ? u", required"_s : QString(), p.type);
        if (!p.description.isEmpty())
            line += u" — "_s + p.description;
        lines << line;
    }
    return lines.join(u'\n');
}

} // namespace

int EndpointModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_visible.size());
}

QVariant EndpointModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const playground::Endpoint &e = m_all.at(m_visible.at(index.row()));
    switch (role) {
    case Qt::DisplayRole: return u"%1 %2"_s.arg(e.method, e.path);
    case GroupRole: return e.group;
    case GroupDescriptionRole: return e.groupDescription;
    case MethodRole: return e.method;
    case PathRole: return e.path;
    case SummaryRole: return e.summary;
    case DescriptionRole: return e.description;
    case ParametersRole: return parameterLines(e);
    case RequestSchemaRole: return e.requestSchema;
    case ResponseSchemaRole: return e.responseSchema;
    case GroupStartRole: return index.row() == 0 || m_all.at(m_visible.at(index.row() - 1)).group != e.group;
    case CollapsedRole: return m_search.trimmed().isEmpty() && m_collapsed.contains(e.group);
    default: return {};
    }
}

QHash<int, QByteArray> EndpointModel::roleNames() const
{
    return {{Qt::DisplayRole, "display"},
            {GroupRole, "group"},
            {GroupDescriptionRole, "groupDescription"},
            {MethodRole, "method"},
            {PathRole, "path"},
            {SummaryRole, "summary"},
            {DescriptionRole, "description"},
            {ParametersRole, "parameters"},
            {RequestSchemaRole, "requestSchema"},
            {ResponseSchemaRole, "responseSchema"},
            {GroupStartRole, "groupStart"},
            {CollapsedRole, "collapsed"}};
}

void EndpointModel::setSearch(const QString &search)
{
    if (search == m_search)
        return;
    m_search = search;
    Q_EMIT searchChanged();
    filter();
}

void EndpointModel::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged();
}

void EndpointModel::setEndpoints(std::vector<playground::Endpoint> endpoints)
{
    m_all = std::move(endpoints);
    filter();
}

void EndpointModel::filter()
{
    const int before = rowCount();
    beginResetModel();
    m_visible.clear();
    const QString needle = m_search.trimmed();
    for (int i = 0; i < int(m_all.size()); ++i) {
        const playground::Endpoint &e = m_all.at(i);
        const bool folded = needle.isEmpty() && m_collapsed.contains(e.group);
        if (folded) {
            if (i == 0 || m_all.at(i - 1).group != e.group)
                m_visible.push_back(i); // the heading's row
            continue;
        }
        if (needle.isEmpty() || e.path.contains(needle, Qt::CaseInsensitive)
            || e.summary.contains(needle, Qt::CaseInsensitive) || e.group.contains(needle, Qt::CaseInsensitive)
            || e.method.compare(needle, Qt::CaseInsensitive) == 0)
            m_visible.push_back(i);
    }
    endResetModel();
    if (before != rowCount())
        Q_EMIT countChanged();
}

QVariantMap EndpointModel::get(int row) const
{
    QVariantMap out;
    if (row < 0 || row >= rowCount())
        return out;
    const QModelIndex at = index(row);
    const QHash<int, QByteArray> roles = roleNames();
    for (auto it = roles.begin(); it != roles.end(); ++it)
        out.insert(QString::fromLatin1(it.value()), data(at, it.key()));
    return out;
}

void EndpointModel::toggleGroup(const QString &group)
{
    if (!m_collapsed.remove(group))
        m_collapsed.insert(group);
    filter();
}

int EndpointModel::find(const QString &method, const QString &path) const
{
    for (int row = 0; row < rowCount(); ++row) {
        const playground::Endpoint &e = m_all.at(m_visible.at(row));
        if (e.method == method && e.path == path)
            return row;
    }
    return -1;
}

} // namespace vingt::gui
