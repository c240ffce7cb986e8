#pragma once

#include "model/datamodel.h"

#include <QHash>
#include <QStringList>

#include <utility>
#include <vector>

namespace vingt {

class SqlDialect;

/// @brief Renders the SQL that stores an object's records: its table, foreign keys (relation onDelete) and indexes,
/// and the statements that carry a table from one data model to the next (DECISIONS "Storage").
/// Pure: returns statements, runs nothing (tested by exact SQL text).
class Ddl
{
public:
    /// CREATE TABLE plus CREATE INDEX statements for `object`. `model` resolves relation targets' table names.
    [[nodiscard]] static QStringList createTable(const ObjectMetadata &object, const DataModel &model,
                                                 const SqlDialect &dialect);
    /// The foreign keys of `object`'s table as ALTER TABLE statements, for a dialect that adds them after every table
    /// exists (PostgreSQL); empty where createTable() declares them inline (SQLite).
    [[nodiscard]] static QStringList foreignKeys(const ObjectMetadata &object, const DataModel &model,
                                                 const SqlDialect &dialect);
    /// The column that carries a unique field's uniqueness (first sub-field of a composite), or empty.
    [[nodiscard]] static QString uniqueColumn(const ObjectMetadata &object, const FieldMetadata &field);
    /// The indexes `object`'s table should have: (name, CREATE INDEX statement), in creation order.
    [[nodiscard]] static std::vector<std::pair<QString, QString>> indexes(const ObjectMetadata &object,
                                                                          const SqlDialect &dialect);

    /// Existing index names by table name (SqlDialect::listIndexes()), the input migrate() reconciles indexes against.
    using IndexNames = QHash<QString, QStringList>;
    /// The statements that turn the tables of `before` into those of `after` (objects matched by id, columns by
    /// field id): CREATE / DROP / RENAME TABLE, RENAME / ADD COLUMN, and for a column dropped or its definition
    /// changed either ALTER TABLE … DROP / ALTER COLUMN (a dialect that alters columns in place: PostgreSQL) or
    /// SQLite's documented rebuild: create the new table, copy, drop, rename, recreate indexes. Run them in one
    /// transaction between the dialect's beforeSchemaChange() and afterSchemaChange() (SQLite: foreign keys off).
    [[nodiscard]] static QStringList migrate(const DataModel &before, const DataModel &after, const SqlDialect &dialect,
                                             const IndexNames &existingIndexes);
};

} // namespace vingt
