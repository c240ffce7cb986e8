// graphql-js compatibility (API-CONTRACT §2.1): the engine's answer to getIntrospectionQuery() must pass graphql-js
// buildClientSchema + assertValidSchema, and print the same SDL. Needs node and the npm registry (graphql@16 is
// installed once into a cache directory); without them the test exits 77, which ctest reports as skipped.
#include "support/runprocess.h"

#include "testschema.h"

#include "graphql/graphql.h"
#include "graphql/utilities/printschema.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLockFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

constexpr int kSkip = 77;

int skip(const QString &reason)
{
    std::printf("SKIP: %s\n", qPrintable(reason));
    return kSkip;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString node = QStandardPaths::findExecutable(u"node"_s);
    const QString npm = QStandardPaths::findExecutable(u"npm"_s);
    if (node.isEmpty() || npm.isEmpty())
        return skip(u"node or npm is not installed"_s);

    // graphql@16 in a cache directory outside the repository (never committed).
    const QString cacheDir = qEnvironmentVariable("VINGT_GRAPHQL_JS_DIR", u"/tmp/vingt-graphql-js-compat"_s);
    QDir().mkpath(cacheDir);
    QLockFile lock(cacheDir + u"/.lock"_s);
    lock.setStaleLockTime(0);
    if (!lock.tryLock(300000))
        return skip(u"cannot lock "_s + cacheDir);
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (!QFile::exists(cacheDir + u"/node_modules/graphql/package.json"_s)) {
        std::printf("installing graphql@16 into %s\n", qPrintable(cacheDir));
        const int code = vingt::test::runProcess(npm,
                                                 {u"install"_s, u"--no-audit"_s, u"--no-fund"_s, u"--no-save"_s,
                                                  u"--cache"_s, cacheDir + u"/.npm-cache"_s, u"--prefix"_s, cacheDir,
                                                  u"graphql@16"_s},
                                                 environment, 240000);
        if (code != 0 || !QFile::exists(cacheDir + u"/node_modules/graphql/package.json"_s))
            return skip(u"npm could not install graphql@16 (registry unreachable?)"_s);
    }
    lock.unlock();

    QFile queryFile(QStringLiteral(VINGT_GRAPHQL_TEST_DIR "/data/introspection.graphql"));
    if (!queryFile.open(QIODevice::ReadOnly)) {
        std::printf("FAIL: cannot read %s\n", qPrintable(queryFile.fileName()));
        return 1;
    }
    const QByteArray query = queryFile.readAll();
    const auto schema = testschema::schema();
    QTemporaryDir work;
    if (!work.isValid()
        || !writeFile(work.filePath(u"introspection.json"_s),
                      vingt::graphql::runRequest(*schema, QString::fromUtf8(query), {}, {}, {}))
        || !writeFile(work.filePath(u"query.graphql"_s), query)
        || !writeFile(work.filePath(u"schema.graphql"_s), vingt::graphql::printSchema(*schema).toUtf8())) {
        std::printf("FAIL: cannot write the inputs\n");
        return 1;
    }
    QProcessEnvironment nodeEnvironment = environment;
    nodeEnvironment.insert(u"NODE_PATH"_s, cacheDir + u"/node_modules"_s);
    const int code = vingt::test::runProcess(
        node, {QStringLiteral(VINGT_GRAPHQL_TEST_DIR "/graphql_js_compat.cjs"), work.path()}, nodeEnvironment, 120000);
    if (code < 0)
        return skip(u"node could not run the check"_s);
    return code == 0 ? 0 : 1;
}
