#include "gui/schemaexplorermodel.h"

#include "graphql/type/definition.h"
#include "graphql/type/schema.h"

#include <algorithm>

namespace vingt::gui {

using namespace Qt::StringLiterals;
using namespace vingt::graphql;

namespace {

QString argumentsText(const std::vector<InputValue> &args)
{
    QStringList lines;
    for (const InputValue &arg : args) {
        QString line = arg.name + u": "_s + arg.type.toString();
        if (!arg.defaultValueLiteral.isEmpty())
            line += u" = "_s + arg.defaultValueLiteral;
        if (!arg.description.isEmpty())
            line += u" — "_s + arg.description;
        lines << line;
    }
    return lines.join(u'\n');
}

/// `name: Type`, or `name(…): Type` when it takes arguments (listed one per line in the arguments role).
QString fieldSignature(const Field &field)
{
    return field.name + (field.args.empty() ? QString() : u"(…)"_s) + u": "_s + field.type.toString();
}

bool matches(const QString &text, const QString &needle)
{
    return needle.isEmpty() || text.contains(needle, Qt::CaseInsensitive);
}

} // namespace

SchemaExplorerModel::~SchemaExplorerModel() = default;

int SchemaExplorerModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant SchemaExplorerModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case SignatureRole: return row.signature;
    case NameRole: return row.name;
    case KindRole: return row.kind;
    case DescriptionRole: return row.description;
    case TargetRole: return row.target;
    case OwnerRole: return row.owner;
    case ArgumentsRole: return row.arguments;
    default: return {};
    }
}

QHash<int, QByteArray> SchemaExplorerModel::roleNames() const
{
    return {
        {Qt::DisplayRole, "display"},     {NameRole, "name"},     {KindRole, "kind"},   {SignatureRole, "signature"},
        {DescriptionRole, "description"}, {TargetRole, "target"}, {OwnerRole, "owner"}, {ArgumentsRole, "arguments"}};
}

QString SchemaExplorerModel::typeKind() const
{
    const NamedType *type = m_schema && !m_typeName.isEmpty() ? m_schema->type(m_typeName) : nullptr;
    return type ? typeKindName(type->kind()) : QString();
}

QString SchemaExplorerModel::typeDescription() const
{
    const NamedType *type = m_schema && !m_typeName.isEmpty() ? m_schema->type(m_typeName) : nullptr;
    return type ? type->description() : QString();
}

void SchemaExplorerModel::setSearch(const QString &search)
{
    if (search == m_search)
        return;
    m_search = search;
    Q_EMIT searchChanged();
    rebuild();
}

void SchemaExplorerModel::setSchema(std::shared_ptr<const Schema> schema)
{
    if (schema == m_schema)
        return;
    m_schema = std::move(schema);
    if (!m_schema || (!m_typeName.isEmpty() && !m_schema->type(m_typeName))) {
        m_typeName.clear();
        m_trail.clear();
        Q_EMIT typeChanged();
    }
    rebuild();
}

void SchemaExplorerModel::open(const QString &name)
{
    if (name == m_typeName || (!name.isEmpty() && (!m_schema || !m_schema->type(name))))
        return;
    m_trail << m_typeName;
    show(name);
}

void SchemaExplorerModel::back()
{
    if (!m_trail.isEmpty())
        show(m_trail.takeLast());
}

void SchemaExplorerModel::show(const QString &name)
{
    m_typeName = name;
    Q_EMIT typeChanged();
    if (!m_search.isEmpty()) {
        m_search.clear();
        Q_EMIT searchChanged();
    }
    rebuild();
}

void SchemaExplorerModel::rebuild()
{
    const int before = rowCount();
    beginResetModel();
    m_rows.clear();
    auto fieldRows = [&](const NamedType &type, const QString &needle, bool qualified) {
        const QString prefix = qualified ? type.name() + u'.' : QString();
        if (const ObjectLikeType *object = type.asObjectLike()) {
            for (const Field &f : object->fields()) {
                if (matches(f.name, needle))
                    m_rows.push_back({f.name, u"field"_s, prefix + fieldSignature(f), f.description,
                                      f.type.named()->name(), type.name(), argumentsText(f.args)});
            }
        } else if (const InputObjectType *input = type.asInputObject()) {
            for (const InputValue &f : input->fields()) {
                if (matches(f.name, needle))
                    m_rows.push_back({f.name,
                                      u"inputField"_s,
                                      prefix + f.name + u": "_s + f.type.toString(),
                                      f.description,
                                      f.type.named()->name(),
                                      type.name(),
                                      {}});
            }
        } else if (const EnumType *enumeration = type.asEnum()) {
            for (const EnumValue &v : enumeration->values()) {
                if (matches(v.name, needle))
                    m_rows.push_back({v.name, u"enumValue"_s, prefix + v.name, v.description, {}, type.name(), {}});
            }
        } else if (const UnionType *unionType = type.asUnion()) {
            for (const ObjectType *member : unionType->types()) {
                if (matches(member->name(), needle))
                    m_rows.push_back({member->name(),
                                      u"member"_s,
                                      prefix + member->name(),
                                      member->description(),
                                      member->name(),
                                      type.name(),
                                      {}});
            }
        }
    };
    if (m_schema) {
        const QString needle = m_search.trimmed();
        if (!m_typeName.isEmpty()) {
            if (const NamedType *type = m_schema->type(m_typeName))
                fieldRows(*type, needle, false);
        } else {
            std::vector<const NamedType *> types;
            for (const ObjectType *root : {m_schema->queryType(), m_schema->mutationType()}) {
                if (root)
                    types.push_back(root);
            }
            for (const NamedType *type : m_schema->types()) {
                if (!type->name().startsWith("__"_L1) && std::find(types.begin(), types.end(), type) == types.end())
                    types.push_back(type);
            }
            for (const NamedType *type : types) {
                if (matches(type->name(), needle))
                    m_rows.push_back({type->name(),
                                      typeKindName(type->kind()),
                                      type->name(),
                                      type->description(),
                                      type->name(),
                                      {},
                                      {}});
            }
            if (!needle.isEmpty()) {
                for (const NamedType *type : types)
                    fieldRows(*type, needle, true);
            }
        }
    }
    endResetModel();
    if (before != rowCount())
        Q_EMIT countChanged();
}

} // namespace vingt::gui
