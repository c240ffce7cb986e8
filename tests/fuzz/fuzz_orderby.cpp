// Fuzz target: the REST `order_by` parser (API-CONTRACT §1.4), then resolving the terms against the standard people
// object and printing the ORDER BY clause. Properties: failures are 400s; a resolved order ends with `id`.

#include "fuzzing.h"

#include "query/orderby.h"
#include "query/sqlbuilder.h"
#include "storage/sqldialect.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace vingt;
    auto terms = parseRestOrderBy(fuzz::text(data, size));
    if (!terms) {
        fuzz::check(terms.error().kind == ErrorKind::BadRequest, "parse error is not a 400", terms.error().message);
        return 0;
    }
    const ObjectMetadata *person = fuzz::standardModel().objectBySingular(QStringLiteral("person"));
    auto order = resolveOrder(*terms, *person);
    if (!order) {
        fuzz::check(order.error().kind == ErrorKind::BadRequest, "resolve error is not a 400", order.error().message);
        return 0;
    }
    fuzz::check(!order->empty(), "empty resolved order");
    bool hasId = false;
    for (const ResolvedOrder &term : *order)
        hasId = hasId || term.column == QLatin1StringView("id");
    fuzz::check(hasId, "no id tie-breaker");
    static const SqliteDialect dialect;
    fuzz::check(!orderByClause(*order, dialect).isEmpty(), "empty ORDER BY");
    fuzz::check(reversedOrder(reversedOrder(*order)) == *order, "reversing twice changes the order");
    return 0;
}
