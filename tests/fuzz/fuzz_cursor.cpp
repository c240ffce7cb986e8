// Fuzz target: the cursor decoder (API-CONTRACT §1.5), validation against an ordering of the standard people object,
// and the keyset predicate built from a valid cursor. Properties: failures are 400 `Invalid cursor`; a decoded cursor
// re-encodes to a cursor that decodes to the same values; the predicate has one `?` per value.

#include "fuzzing.h"

#include "query/cursor.h"
#include "query/sqlbuilder.h"
#include "storage/sqldialect.h"

#include <QJsonDocument>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace vingt;
    auto values = decodeCursor(fuzz::text(data, size));
    if (!values) {
        fuzz::check(values.error().kind == ErrorKind::BadRequest, "decode error is not a 400", values.error().message);
        return 0;
    }
    auto again = decodeCursor(QString::fromLatin1(encodeCursor(*values)));
    fuzz::check(again.ok() && *again == *values, "encode/decode round trip",
                QString::fromUtf8(QJsonDocument(*values).toJson(QJsonDocument::Compact)));

    static const SqliteDialect dialect;
    const ObjectMetadata *person = fuzz::standardModel().objectBySingular(QStringLiteral("person"));
    static const std::vector<std::vector<OrderTerm>> orderings = {
        {},
        {{QStringLiteral("name"), QStringLiteral("firstName"), Direction::DescNullsLast}},
        {{QStringLiteral("createdAt"), {}, Direction::AscNullsLast},
         {QStringLiteral("city"), {}, Direction::DescNullsFirst}},
        {{QStringLiteral("position"), {}, Direction::AscNullsFirst},
         {QStringLiteral("companyId"), {}, Direction::DescNullsLast}},
    };
    for (const auto &terms : orderings) {
        auto order = resolveOrder(terms, *person);
        fuzz::check(order.ok(), "a fixed ordering does not resolve");
        auto valid = validateCursor(*values, *order);
        if (!valid) {
            fuzz::check(valid.error().kind == ErrorKind::BadRequest, "validation error is not a 400");
            continue;
        }
        for (const auto &direction : {*order, reversedOrder(*order)}) {
            const SqlFragment predicate = keysetPredicate(direction, *values, dialect);
            fuzz::check(predicate.sql.count(u'?') == predicate.binds.size(), "placeholders and values differ",
                        predicate.sql);
        }
    }
    return 0;
}
