// End-to-end: real GraphQL clients against the real server (API-CONTRACT §2.1, §13.21). graphql-js checks the
// introspection of /graphql and /metadata (the specification's shape, buildClientSchema + assertValidSchema, the
// same types as graphql-js introspects them), and Twenty's client SDK (twenty-client-sdk@2.43.0, pinned) lists
// metadata objects and fields with its pre-built metadata client, generates its core client from the served schema
// and creates, lists, updates, deletes and destroys a company through it (graphql_clients.cjs). The npm packages are
// installed under the build tree; without node or npm the test exits 77 (ctest: skipped).

#include "support/runprocess.h"

#include "support/serverprocess.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLockFile>
#include <QProcess>
#include <QStandardPaths>

#include <cstdio>

using namespace vingt::test;
using namespace Qt::StringLiterals;

namespace {

constexpr int kSkip = 77;

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString node = QStandardPaths::findExecutable(u"node"_s);
    const QString npm = QStandardPaths::findExecutable(u"npm"_s);
    if (node.isEmpty() || npm.isEmpty()) {
        std::printf("SKIP: node or npm is not installed\n");
        return kSkip;
    }
    const QString prefix = QStringLiteral(VINGT_E2E_BUILD_DIR) + u"/npm-graphql-clients"_s;
    QDir().mkpath(prefix);
    QLockFile lock(prefix + u"/.lock"_s);
    lock.setStaleLockTime(0);
    if (!lock.tryLock(300000)) {
        std::printf("FAIL: cannot lock %s\n", qPrintable(prefix));
        return 1;
    }
    const QProcessEnvironment system = QProcessEnvironment::systemEnvironment();
    const QString sdkRoot = prefix + u"/node_modules/twenty-client-sdk"_s;
    if (!QFile::exists(sdkRoot + u"/package.json"_s)
        || !QFile::exists(prefix + u"/node_modules/graphql/package.json"_s)) {
        std::printf("installing twenty-client-sdk@2.43.0 and graphql@16.15.0 into %s\n", qPrintable(prefix));
        // The SDK declares Node 24 and installs with a warning on Node 20 (DECISIONS "Twenty's client SDK in tests").
        const int code = vingt::test::runProcess(npm,
                                                 {u"install"_s, u"--no-audit"_s, u"--no-fund"_s, u"--no-save"_s,
                                                  u"--prefix"_s, prefix, u"twenty-client-sdk@2.43.0"_s,
                                                  u"graphql@16.15.0"_s},
                                                 system, 300000);
        if (code != 0) {
            std::printf("FAIL: npm install exited with %d\n", code);
            return 1;
        }
    }

    ServerProcess server;
    if (!server.start()) {
        std::printf("FAIL: %s\n", qPrintable(server.errorString()));
        return 1;
    }
    QProcessEnvironment environment = system;
    environment.insert(u"NODE_PATH"_s, prefix + u"/node_modules"_s);
    QString baseUrl = server.baseUrl().toString();
    while (baseUrl.endsWith(u'/'))
        baseUrl.chop(1);
    const int code = vingt::test::runProcess(
        node, {QStringLiteral(VINGT_E2E_SOURCE_DIR) + u"/graphql_clients.cjs"_s, baseUrl, server.token(), sdkRoot},
        environment, 300000);
    const int stopped = server.stop();
    if (stopped != 0)
        std::printf("FAIL: the server exited with %d\n", stopped);
    return code == 0 && stopped == 0 ? 0 : 1;
}
