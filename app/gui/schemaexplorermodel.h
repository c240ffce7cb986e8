#pragma once

#include <QAbstractListModel>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

#include <memory>
#include <vector>

namespace vingt::graphql {
class Schema;
}

namespace vingt::gui {

/// @brief The GraphQL schema explorer of the playground, over the engine's own schema objects (core or metadata).
/// With no `typeName` it lists the schema's types (root types first, introspection types left out) and, when
/// `search` is set, the fields of any type whose name matches (`Person.city`); with a `typeName` it lists that type's
/// fields (with their arguments), input fields, enum values or union members. `open()` navigates, `back()` returns.
/// Roles: name, kind (`OBJECT`, `field`, `inputField`, `enumValue`, `member`…), signature (`people(…):
/// PersonConnection`), description, target (the named type a row leads to), owner (the type a row belongs to),
/// arguments (one `name: Type — description` line each).
class SchemaExplorerModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by PlaygroundController")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY searchChanged)
    Q_PROPERTY(QString typeName READ typeName NOTIFY typeChanged)
    Q_PROPERTY(QString typeKind READ typeKind NOTIFY typeChanged)
    Q_PROPERTY(QString typeDescription READ typeDescription NOTIFY typeChanged)
    Q_PROPERTY(bool canGoBack READ canGoBack NOTIFY typeChanged)

public:
    enum Role {
        NameRole = Qt::UserRole + 1,
        KindRole,
        SignatureRole,
        DescriptionRole,
        TargetRole,
        OwnerRole,
        ArgumentsRole
    };

    using QAbstractListModel::QAbstractListModel;
    ~SchemaExplorerModel() override;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] QString search() const { return m_search; }
    void setSearch(const QString &search);
    [[nodiscard]] QString typeName() const { return m_typeName; }
    [[nodiscard]] QString typeKind() const;
    [[nodiscard]] QString typeDescription() const;
    [[nodiscard]] bool canGoBack() const { return !m_trail.isEmpty(); }

    /// Shows another schema (a rebuilt core schema keeps the current type when it still exists).
    void setSchema(std::shared_ptr<const graphql::Schema> schema);
    /// Shows the type `name` (empty: the type list); an unknown name is ignored.
    Q_INVOKABLE void open(const QString &name);
    Q_INVOKABLE void back();

Q_SIGNALS:
    void countChanged();
    void searchChanged();
    void typeChanged();

private:
    struct Row {
        QString name;
        QString kind;
        QString signature;
        QString description;
        QString target;
        QString owner;
        QString arguments;
    };
    void rebuild();
    void show(const QString &name);

    std::shared_ptr<const graphql::Schema> m_schema;
    std::vector<Row> m_rows;
    QString m_search;
    QString m_typeName;
    QStringList m_trail; ///< the types `back()` returns to
};

} // namespace vingt::gui
