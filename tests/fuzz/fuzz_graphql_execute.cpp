// Fuzz target: a GraphQL document validated and executed against the standard core schema of a workspace (people,
// companies, ...; seeded with a few records) through `POST /graphql`: limits, validation, variables, the batch
// resolvers, mutations and introspection. The input is the document (the `query` member of the request body).
// Properties: HTTP 200, and no INTERNAL_SERVER_ERROR in the answer.

#include "fuzzing.h"
#include "fuzzinstance.h"

#include "server/response.h"

#include <QJsonDocument>
#include <QJsonObject>

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    (void)vingt::fuzz::seededPersonId();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace vingt;
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("query"), fuzz::text(data, size)}})
                                .toJson(QJsonDocument::Compact);
    const http::Response response = fuzz::request("POST", "/graphql", body);
    fuzz::check(response.status == 200, "a document did not get HTTP 200", QString::fromUtf8(response.body));
    fuzz::check(!response.body.contains("INTERNAL_SERVER_ERROR"), "an internal error", QString::fromUtf8(response.body));
    return 0;
}
