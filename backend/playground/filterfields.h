#pragma once

#include "core/result.h"
#include "model/datamodel.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace vingt::playground {

/// @brief A column a REST filter can name, for the structured filter editor: its path (`city`, `name.firstName`,
/// `companyId`), the field's type, the comparators the server's binder accepts for it, and its select values.
struct FilterField {
    QString path;
    QString type;            ///< `TEXT`, `FULL_NAME.firstName`, `RELATION (join column)`
    QStringList comparators; ///< wire names, in the order of API-CONTRACT §2.3
    QStringList options;     ///< SELECT / MULTI_SELECT / RATING values, else empty
};

/// The filterable columns of an object, in field order: scalar fields, each sub-field of a composite, the join
/// column of a MANY_TO_ONE relation (API-CONTRACT §1.4); comparators from the binder (query/filterbinder).
[[nodiscard]] std::vector<FilterField> filterFields(const ObjectMetadata &object);

/// @brief One row of the structured filter editor: `field[comparator]:value`.
struct FilterRow {
    QString field; ///< a FilterField path
    QString comparator;
    QString value; ///< for in / containsAny / containsExactly / containsIlike: comma-separated values
};

/// The REST `filter` text of the rows joined by `and(...)` (or `or(...)` when `any`), written by writeRestFilter and
/// checked as the server will (checkRestFilter): an unknown field or comparator, a comparator the field's type does
/// not take or a value the binder rejects → BadRequest with the server's message. Rows with an empty field are
/// skipped; no row → empty text.
[[nodiscard]] Result<QString> buildRestFilter(const DataModel &model, const QString &objectNamePlural,
                                              const std::vector<FilterRow> &rows, bool any = false);

/// A JSON request body for creating one record of the object, indented: every writable field (not system, not id,
/// the timestamps, position or actor fields, no one-to-many relation; a many-to-one relation as its join column set to null) with a placeholder of its type: the
/// first option of a select, `""` for text, 0 for numbers, composites as objects of their sub-fields.
[[nodiscard]] QString bodyTemplate(const ObjectMetadata &object);

} // namespace vingt::playground

namespace vingt::playground {

/// The part of a REST request an error message names, so that the playground can point at that input: "filter",
/// "order_by", "limit", "depth", "cursor", "body" or "path"; empty when the message names none. `method` decides
/// what "Field 'x' not found" refers to: the filter of a read, the body of a write.
[[nodiscard]] QString errorRequestPart(const QString &method, const QString &message);

} // namespace vingt::playground
