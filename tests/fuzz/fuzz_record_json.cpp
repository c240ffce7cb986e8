// Fuzz target: a JSON request body coerced into records of the standard people and companies objects (composite
// fields: FULL_NAME, EMAILS, PHONES, LINKS, ADDRESS, CURRENCY; relations, selects, dates), through the real REST
// path: create (`POST /rest/people`, `/rest/companies`, `/rest/batch/people` for an array) and update
// (`PATCH /rest/people/<id>`). Property: every answer is a contract status below 500.

#include "fuzzing.h"
#include "fuzzinstance.h"

#include "server/response.h"

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    (void)vingt::fuzz::seededPersonId(); // opens the instance before the first input
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace vingt;
    const QByteArray body = fuzz::bytes(data, size);
    const bool array = body.trimmed().startsWith('[');
    const QByteArray targets[][2] = {
        {"POST", array ? "/rest/batch/people" : "/rest/people"},
        {"POST", array ? "/rest/batch/companies" : "/rest/companies"},
        {"PATCH", "/rest/people/" + fuzz::seededPersonId()},
    };
    for (const auto &[method, target] : targets) {
        const http::Response response = fuzz::request(method, target, body);
        fuzz::check(response.status >= 200 && response.status < 500, "a body gave a 5xx",
                    QStringLiteral("%1 %2 -> %3 %4")
                        .arg(QString::fromLatin1(method), QString::fromLatin1(target))
                        .arg(response.status)
                        .arg(QString::fromUtf8(response.body)));
    }
    return 0;
}
