// Fuzz target: the REST `filter` parser (API-CONTRACT §1.4) and the binding of what it parses to SQL against the
// standard people and companies objects. Properties: every failure is a 400; bound SQL has one `?` per value.

#include "fuzzing.h"

#include "query/filterbinder.h"
#include "query/restfilterparser.h"
#include "storage/sqldialect.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace vingt;
    auto filter = parseRestFilter(fuzz::text(data, size));
    if (!filter) {
        fuzz::check(filter.error().kind == ErrorKind::BadRequest, "parse error is not a 400", filter.error().message);
        return 0;
    }
    static const SqliteDialect dialect;
    for (const char *name : {"person", "company"}) {
        const ObjectMetadata *object = fuzz::standardModel().objectBySingular(QLatin1StringView(name));
        auto sql = bindFilter(*filter, *object, dialect);
        if (!sql) {
            fuzz::check(sql.error().kind == ErrorKind::BadRequest, "bind error is not a 400", sql.error().message);
            continue;
        }
        fuzz::check(sql->sql.count(u'?') == sql->binds.size(), "placeholders and values differ", sql->sql);
    }
    return 0;
}
