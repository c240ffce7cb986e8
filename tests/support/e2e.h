#pragma once

// Shared helpers for the end-to-end tests: unique values, query strings, JSON shortcuts and assertion macros
// that print the whole exchange when they fail.

#include "support/httpclient.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QTest>

#include <initializer_list>
#include <utility>

namespace vingt::test {

/// A fresh lower-case tag ("t3f9a0c1d2e") that starts with a letter: marks the records of one test.
[[nodiscard]] QString uniqueTag();
/// A fresh lower-case UUID without braces.
[[nodiscard]] QString newUuid();
/// A new role without permission flags (assignable to API keys), and a client whose key has that role; the role's
/// id goes to `roleId`. `admin` must be allowed to manage roles and keys.
[[nodiscard]] HttpClient clientWithNewRole(HttpClient &admin, QString &roleId);

/// Percent-encodes everything but unreserved characters (RFC 3986), so the server sees exactly `value`.
[[nodiscard]] QString pct(const QString &value);
/// "a=1&b=2" with percent-encoded values; names are sent as given.
[[nodiscard]] QString query(std::initializer_list<std::pair<QString, QString>> parameters);

/// The value at a dotted path ("name.firstName") of a JSON object; Undefined when absent.
[[nodiscard]] QJsonValue at(const QJsonObject &object, const QString &path);
/// The value at `path` of each element of an array of objects, as strings (numbers in their shortest form).
[[nodiscard]] QStringList column(const QJsonArray &records, const QString &path);
/// The sorted key names of an object.
[[nodiscard]] QStringList keysOf(const QJsonObject &object);
/// Compact JSON text for messages.
[[nodiscard]] QString jsonText(const QJsonValue &value);

/// Why `response` is not a contract error body (API-CONTRACT §0.3) for `status`, or an empty string when it is:
/// `statusCode` equals the HTTP status, `error` a string, `messages` a non-empty array of strings, optional `code`.
[[nodiscard]] QString envelopeProblem(const HttpResponse &response, int status);
/// envelopeProblem(), plus: the body is sent as application/json and no message leaks internals.
[[nodiscard]] QString errorProblem(const HttpResponse &response, int status);
/// Why a GraphQL response is not a success (HTTP 200, a JSON object, no `errors`), or an empty string.
[[nodiscard]] QString graphqlProblem(const HttpResponse &response);
/// Why an error message leaks internals (SQL text, file paths, source names), or an empty string.
[[nodiscard]] QString leakProblem(const QString &message, const QString &dataDir = {});

} // namespace vingt::test

/// Fails unless the response has this HTTP status; prints the request and the whole response.
#define E2E_STATUS(response, expectedStatus)                                                                           \
    do {                                                                                                               \
        const auto &e2eStatusResponse_ = (response);                                                                   \
        if (e2eStatusResponse_.status != (expectedStatus)) {                                                           \
            QFAIL(qPrintable(                                                                                          \
                QStringLiteral("expected HTTP %1: %2").arg(expectedStatus).arg(e2eStatusResponse_.describe())));       \
        }                                                                                                              \
    } while (false)

/// Fails unless the response is the contract error body with this status, `error` name and single message, sent as
/// JSON, with no internals (SQL, paths) in it.
#define E2E_ERROR(response, expectedStatus, expectedError, expectedMessage)                                            \
    do {                                                                                                               \
        const auto &e2eResponse_ = (response);                                                                         \
        E2E_STATUS(e2eResponse_, expectedStatus);                                                                      \
        const QString e2eProblem_ = vingt::test::errorProblem(e2eResponse_, expectedStatus);                           \
        QVERIFY2(e2eProblem_.isEmpty(), qPrintable(e2eProblem_ + QStringLiteral(": ") + e2eResponse_.describe()));     \
        QCOMPARE(e2eResponse_.error(), QString(expectedError));                                                        \
        QCOMPARE(e2eResponse_.messages(), QStringList{QString(expectedMessage)});                                      \
    } while (false)

/// A 400 BadRequestException with exactly this message.
#define E2E_BAD_REQUEST(response, expectedMessage) E2E_ERROR(response, 400, "BadRequestException", expectedMessage)

/// Fails unless the response is a contract error body with this status whose first message contains `fragment`.
#define E2E_ERROR_CONTAINS(response, expectedStatus, fragment)                                                         \
    do {                                                                                                               \
        const auto &e2eResponse_ = (response);                                                                         \
        E2E_STATUS(e2eResponse_, expectedStatus);                                                                      \
        const QString e2eProblem_ = vingt::test::errorProblem(e2eResponse_, expectedStatus);                           \
        QVERIFY2(e2eProblem_.isEmpty(), qPrintable(e2eProblem_ + QStringLiteral(": ") + e2eResponse_.describe()));     \
        QVERIFY2(e2eResponse_.messages().value(0).contains(QString(fragment)),                                         \
                 qPrintable(QStringLiteral("message does not contain \"%1\": %2")                                      \
                                .arg(QString(fragment), e2eResponse_.describe())));                                    \
    } while (false)

/// Fails unless the GraphQL request succeeded without errors (API-CONTRACT §2.1).
#define GQL_OK(response)                                                                                               \
    do {                                                                                                               \
        const auto &gqlResponse_ = (response);                                                                         \
        const QString gqlProblem_ = vingt::test::graphqlProblem(gqlResponse_);                                         \
        QVERIFY2(gqlProblem_.isEmpty(), qPrintable(gqlProblem_ + QStringLiteral(": ") + gqlResponse_.describe()));     \
    } while (false)

/// Fails unless the response is HTTP 200 with a first GraphQL error of this code and message (§2.5).
#define GQL_ERROR(response, expectedCode, expectedMessage)                                                             \
    do {                                                                                                               \
        const auto &gqlResponse_ = (response);                                                                         \
        E2E_STATUS(gqlResponse_, 200);                                                                                 \
        QVERIFY2(gqlResponse_.value(QStringLiteral("errors.0")).isObject(), qPrintable(gqlResponse_.describe()));      \
        QCOMPARE(gqlResponse_.value(QStringLiteral("errors.0.extensions.code")).toString(), QString(expectedCode));    \
        QCOMPARE(gqlResponse_.value(QStringLiteral("errors.0.message")).toString(), QString(expectedMessage));         \
    } while (false)
