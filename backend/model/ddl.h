#pragma once

#include "model/datamodel.h"

#include <QStringList>

namespace vingt {

class SqlDialect;

/// @brief Renders the SQL that stores an object's records: its table, foreign keys (relation onDelete) and indexes.
/// Pure: returns statements, runs nothing (tested by exact SQL text).
class Ddl
{
public:
    /// CREATE TABLE plus CREATE INDEX statements for `object`. `model` resolves relation targets' table names.
    [[nodiscard]] static QStringList createTable(const ObjectMetadata &object, const DataModel &model,
                                                 const SqlDialect &dialect);
    /// The column that carries a unique field's uniqueness (first sub-field of a composite), or empty.
    [[nodiscard]] static QString uniqueColumn(const ObjectMetadata &object, const FieldMetadata &field);
};

} // namespace vingt
