// End-to-end: the OpenAPI documents of API-CONTRACT §9 (and §0.1, DECISIONS "HTTP") from the real server: the base
// documents without a token, the workspace's documents with a Bearer header or ?token=, validated by a real OpenAPI
// 3.1 validator (@apidevtools/swagger-parser, installed into the build tree), and the documented operations checked
// against what the server really serves. Exits 77 (skipped) only when node or npm is missing.

#include "support/e2e.h"
#include "support/httpclient.h"
#include "support/serverprocess.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <memory>

using namespace vingt::test;
using namespace Qt::StringLiterals;

namespace {

constexpr auto kValidatorName = "@apidevtools/swagger-parser";
constexpr auto kValidatorVersion = "12.1.0"; // pinned
const QString kNodeDir = QStringLiteral(VINGT_OPENAPI_NODE_DIR);

/// Runs a program to completion; its exit code, or -1 (with the reason in `output`) when it did not run or finish.
int run(const QString &program, const QStringList &arguments, QByteArray &output, int timeoutMs,
        const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForStarted(10000)) {
        output = process.errorString().toUtf8();
        return -1;
    }
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        output = process.readAll() + "\n(timed out)";
        return -1;
    }
    output = process.readAll();
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

/// The value at a path of keys through nested objects.
QJsonValue dig(QJsonValue value, const QStringList &keys)
{
    for (const QString &key : keys)
        value = value.toObject().value(key);
    return value;
}

} // namespace

class TestOpenApi : public QObject
{
    Q_OBJECT

    std::unique_ptr<ServerProcess> m_server;
    HttpClient m_http;
    QString m_node;
    QTemporaryDir m_work;

    [[nodiscard]] QString base() const
    {
        return u"http://%1:%2"_s.arg(m_server->baseUrl().host()).arg(m_server->port());
    }

    /// Writes the documents and runs the validator on them; empty when all are valid, else its output.
    QString validate(const QList<QPair<QString, QByteArray>> &documents)
    {
        QStringList files;
        for (const auto &[name, body] : documents) {
            QFile file(m_work.filePath(name));
            if (!file.open(QIODevice::WriteOnly) || file.write(body) != body.size())
                return u"cannot write "_s + file.fileName();
            files << file.fileName();
        }
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"NODE_PATH"_s, kNodeDir + u"/node_modules"_s);
        QByteArray output;
        const int code = run(m_node, QStringList{QStringLiteral(VINGT_OPENAPI_SCRIPT_DIR "/validate.cjs")} + files,
                             output, 120000, environment);
        std::fputs(output.constData(), stdout);
        return code == 0 ? QString() : QString::fromUtf8(output);
    }

    /// GET a document; fails the test unless it is 200 JSON.
    QJsonObject document(HttpClient client, const QString &target, QByteArray *body = nullptr)
    {
        const HttpResponse response = client.get(target);
        if (response.status != 200 || !response.json.isObject()) {
            QTest::qFail(qPrintable(u"expected a JSON document: "_s + response.describe()), __FILE__, __LINE__);
            return {};
        }
        if (body)
            *body = response.body;
        return response.object();
    }

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void baseDocumentsWithoutToken_data();
    void baseDocumentsWithoutToken();
    void invalidTokenGivesTheBaseDocument();
    void workspaceDocumentsValidate();
    void queryTokenIsNeverCopiedIntoTheDocument();
    void serverUrlFollowsTheHost();
    void badRequests();
    void everyDocumentedOperationIsRouted();
    void documentedStatusesAndKeysMatchTheServer();
    void metadataOperationsMatchTheServer();
    void newObjectsAppearAndHiddenOnesDoNot();
};

void TestOpenApi::initTestCase()
{
    QVERIFY(m_work.isValid());
    m_node = QStandardPaths::findExecutable(u"node"_s);
    const QString npm = QStandardPaths::findExecutable(u"npm"_s);
    QVERIFY(!m_node.isEmpty() && !npm.isEmpty()); // main() skipped the test already otherwise

    // The validator, pinned, in the build tree (never committed); one install shared by later runs.
    QDir().mkpath(kNodeDir);
    QLockFile lock(kNodeDir + u"/.lock"_s);
    lock.setStaleLockTime(0);
    QVERIFY(lock.tryLock(300000));
    const QString marker = kNodeDir + u"/node_modules/@apidevtools/swagger-parser/package.json"_s;
    QFile installed(marker);
    const bool current = installed.open(QIODevice::ReadOnly)
                         && QJsonDocument::fromJson(installed.readAll()).object().value("version"_L1).toString()
                                == QLatin1StringView(kValidatorVersion);
    if (!current) {
        QByteArray output;
        const int code = run(npm,
                             {u"install"_s, u"--no-audit"_s, u"--no-fund"_s, u"--no-save"_s, u"--prefix"_s, kNodeDir,
                              u"%1@%2"_s.arg(QLatin1StringView(kValidatorName), QLatin1StringView(kValidatorVersion))},
                             output, 300000);
        QVERIFY2(code == 0 && QFile::exists(marker), output.constData());
    }
    lock.unlock();

    ServerProcess::Options options;
    options.keyName = u"e2e-openapi"_s;
    m_server = std::make_unique<ServerProcess>(options);
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    m_http = HttpClient(m_server->baseUrl(), m_server->token());
}

void TestOpenApi::cleanupTestCase()
{
    if (m_server) {
        QCOMPARE(m_server->stop(), 0);
        QVERIFY2(m_server->sanitizerReport().isEmpty(), qPrintable(m_server->sanitizerReport()));
    }
}

void TestOpenApi::baseDocumentsWithoutToken_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("server");
    QTest::newRow("/rest/open-api/core") << u"/rest/open-api/core"_s << u"/open-api/core"_s << u"/rest/"_s;
    QTest::newRow("/open-api/core") << u"/open-api/core"_s << u"/open-api/core"_s << u"/rest/"_s;
    QTest::newRow("/rest/open-api/metadata")
        << u"/rest/open-api/metadata"_s << u"/open-api/metadata"_s << u"/rest/metadata"_s;
    QTest::newRow("/open-api/metadata") << u"/open-api/metadata"_s << u"/open-api/metadata"_s << u"/rest/metadata"_s;
}

void TestOpenApi::baseDocumentsWithoutToken()
{
    QFETCH(QString, target);
    QFETCH(QString, path);
    QFETCH(QString, server);
    QByteArray body;
    const QJsonObject doc = document(m_http.withoutToken(), target, &body);
    QCOMPARE(doc.value("openapi"_L1).toString(), u"3.1.1"_s);
    QCOMPARE(dig(doc, {u"info"_s, u"title"_s}).toString(), u"Twenty Api"_s);
    QCOMPARE(dig(doc, {u"info"_s, u"version"_s}).toString(), u"v0.1"_s);
    QCOMPARE(doc.value("servers"_L1).toArray().at(0).toObject().value("url"_L1).toString(), base() + server);
    QCOMPARE(doc.value("paths"_L1).toObject().keys(), QStringList{path});
    QCOMPARE(dig(doc, {u"components"_s, u"securitySchemes"_s, u"bearerAuth"_s, u"scheme"_s}).toString(), u"bearer"_s);
    QCOMPARE(doc.value("security"_L1).toArray(), (QJsonArray{QJsonObject{{u"bearerAuth"_s, QJsonArray{}}}}));
    const QString problem = validate({{u"base.json"_s, body}});
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestOpenApi::invalidTokenGivesTheBaseDocument()
{
    for (const QString &token : {u"not-a-jwt"_s, m_server->token() + u"x"_s}) {
        const QJsonObject doc = document(m_http.withToken(token), u"/rest/open-api/core"_s);
        QCOMPARE(doc.value("paths"_L1).toObject().keys(), QStringList{u"/open-api/core"_s});
        const QJsonObject viaQuery = document(m_http.withoutToken(),
                                              u"/rest/open-api/core?"_s + query({{u"token"_s, token}}));
        QCOMPARE(viaQuery.value("paths"_L1).toObject().keys(), QStringList{u"/open-api/core"_s});
    }
}

void TestOpenApi::workspaceDocumentsValidate()
{
    QByteArray core;
    QByteArray metadata;
    const QJsonObject coreDoc = document(m_http, u"/rest/open-api/core"_s, &core);
    const QJsonObject metadataDoc = document(m_http, u"/open-api/metadata"_s, &metadata);
    QVERIFY(coreDoc.value("paths"_L1).toObject().contains("/people/{id}"_L1));
    QVERIFY(dig(coreDoc, {u"components"_s, u"schemas"_s}).toObject().contains("PersonForResponse"_L1));
    QVERIFY(metadataDoc.value("paths"_L1).toObject().contains("/objects/{id}"_L1));
    QCOMPARE(dig(metadataDoc, {u"components"_s, u"parameters"_s, u"limit"_s, u"schema"_s, u"maximum"_s}).toInt(), 1000);

    // operationIds are unique across each document.
    for (const QJsonObject &doc : {coreDoc, metadataDoc}) {
        QSet<QString> ids;
        const QJsonObject paths = doc.value("paths"_L1).toObject();
        for (const QJsonValue &item : paths) {
            for (const QJsonValue &operation : item.toObject()) {
                const QString id = operation.toObject().value("operationId"_L1).toString();
                QVERIFY2(!ids.contains(id), qPrintable(id));
                ids << id;
            }
        }
    }
    const QString problem = validate({{u"core.json"_s, core}, {u"metadata.json"_s, metadata}});
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestOpenApi::queryTokenIsNeverCopiedIntoTheDocument()
{
    // §0.1: ?token= is accepted; DECISIONS "HTTP": the server never writes a token into a URL it generates.
    const QString token = m_server->token();
    for (const QString &target : {u"/rest/open-api/core"_s, u"/open-api/metadata"_s}) {
        QByteArray body;
        const QJsonObject doc = document(m_http.withoutToken(), target + u"?"_s + query({{u"token"_s, token}}), &body);
        QVERIFY2(doc.value("paths"_L1).toObject().size() > 1, "the workspace's document, not the base one");
        QVERIFY(!body.contains(token.toUtf8()));
        QVERIFY(!body.contains("token="));
        QVERIFY(!doc.value("servers"_L1).toArray().at(0).toObject().value("url"_L1).toString().contains(u'?'));
    }
}

void TestOpenApi::serverUrlFollowsTheHost()
{
    const QString host = u"localhost:%1"_s.arg(m_server->port());
    const HttpResponse response = m_http.get(u"/rest/open-api/core"_s, {{"Host", host.toLatin1()}});
    E2E_STATUS(response, 200);
    QCOMPARE(response.value(u"servers.0.url"_s).toString(), u"http://"_s + host + u"/rest/"_s);
    const HttpResponse odd = m_http.get(u"/rest/open-api/metadata"_s, {{"Host", "evil\"host/x?y"}});
    E2E_STATUS(odd, 200);
    QCOMPARE(odd.value(u"servers.0.url"_s).toString(), u"http://localhost/rest/metadata"_s);
}

void TestOpenApi::badRequests()
{
    E2E_ERROR(m_http.get(u"/rest/open-api/graphql"_s), 404, "NotFoundException", "Cannot GET /rest/open-api/graphql");
    E2E_ERROR(m_http.withoutToken().get(u"/open-api"_s), 404, "NotFoundException", "Cannot GET /open-api");
    const HttpResponse post = m_http.post(u"/rest/open-api/core"_s, QJsonObject{});
    E2E_STATUS(post, 405);
    QCOMPARE(post.header("allow"), QByteArray("GET, HEAD"));
    E2E_BAD_REQUEST(m_http.get(u"/rest/open-api/core?limit=5"_s), "Unknown query parameter 'limit'");
}

/// Every documented (method, path) of the core document reaches its route: never 405, never a path or object error.
void TestOpenApi::everyDocumentedOperationIsRouted()
{
    const QJsonObject doc = document(m_http, u"/rest/open-api/core"_s);
    const QJsonObject paths = doc.value("paths"_L1).toObject();
    const QString id = newUuid();
    int checked = 0;
    for (auto path = paths.begin(); path != paths.end(); ++path) {
        if (path.key().startsWith("/open-api/"_L1))
            continue;
        QString target = u"/rest"_s + path.key();
        target.replace(u"{id}"_s, id);
        const QJsonObject item = path.value().toObject();
        for (auto operation = item.begin(); operation != item.end(); ++operation) {
            const QByteArray method = operation.key().toUpper().toLatin1();
            // An empty body where one is documented: the route answers 400 about the body, never about the path.
            const QJsonObject op = operation.value().toObject();
            const QByteArray body = op.contains("requestBody"_L1) ? QByteArray("{}") : QByteArray();
            const HttpResponse response = m_http.send(method, target + u"?filter="_s + pct(u"id[eq]:"_s + id), body);
            QVERIFY2(response.status != 405 && response.status != 0, qPrintable(response.describe()));
            const QString message = response.messages().value(0);
            QVERIFY2(!message.contains("invalid. Valid examples"_L1) && !message.contains("not found. eg:"_L1)
                         && !message.startsWith("Unknown query parameter"_L1),
                     qPrintable(response.describe()));
            ++checked;
        }
    }
    QVERIFY(checked > 100);
}

/// For people: the documented success status and `data` key of each operation are what the server answers.
void TestOpenApi::documentedStatusesAndKeysMatchTheServer()
{
    const QJsonObject doc = document(m_http, u"/rest/open-api/core"_s);
    const QJsonObject paths = doc.value("paths"_L1).toObject();
    auto documented = [&](const QString &path, const QString &method, int &status, QString &key) {
        const QJsonObject responses = dig(paths, {path, method, u"responses"_s}).toObject();
        for (auto it = responses.begin(); it != responses.end(); ++it) {
            if (it.key().startsWith(u'2')) {
                status = it.key().toInt();
                const QJsonObject data = dig(it.value(), {u"content"_s, u"application/json"_s, u"schema"_s,
                                                          u"properties"_s, u"data"_s, u"properties"_s})
                                             .toObject();
                key = data.keys().value(0);
            }
        }
    };
    auto check = [&](const QString &path, const QString &method, const HttpResponse &response) {
        int status = 0;
        QString key;
        documented(path, method, status, key);
        const QString what = method + u' ' + path + u": "_s + response.describe();
        if (response.status != status)
            return u"documented %1, got %2"_s.arg(status).arg(what);
        const QJsonValue value = response.value(u"data."_s + key);
        if (key.isEmpty() || (!value.isObject() && !value.isArray()))
            return u"documented key '%1' missing: %2"_s.arg(key, what);
        return QString();
    };
    const QString tag = uniqueTag();
    const QString filter = u"city[eq]:\"%1\""_s.arg(tag);
    QString problem;
    HttpResponse created = m_http.post(u"/rest/people"_s, QJsonObject{{u"city"_s, tag}});
    QVERIFY2((problem = check(u"/people"_s, u"post"_s, created)).isEmpty(), qPrintable(problem));
    const QString id = created.value(u"data.createPerson.id"_s).toString();
    // Every key of a record is a documented property of PersonForResponse.
    const QJsonObject personSchema = dig(doc, {u"components"_s, u"schemas"_s, u"PersonForResponse"_s, u"properties"_s})
                                         .toObject();
    const QJsonObject withCompany
        = m_http.get(u"/rest/people/"_s + id + u"?depth=1"_s).value(u"data.person"_s).toObject();
    QVERIFY(withCompany.contains("company"_L1));
    for (const QString &key : withCompany.keys())
        QVERIFY2(personSchema.contains(key), qPrintable(key));
    QVERIFY2((problem = check(u"/batch/people"_s, u"post"_s,
                              m_http.post(u"/rest/batch/people"_s, QJsonArray{QJsonObject{{u"city"_s, tag}}})))
                 .isEmpty(),
             qPrintable(problem));
    QVERIFY2((problem = check(u"/people"_s, u"get"_s, m_http.get(u"/rest/people?"_s + query({{u"filter"_s, filter}}))))
                 .isEmpty(),
             qPrintable(problem));
    QVERIFY2((problem = check(u"/people/{id}"_s, u"get"_s, m_http.get(u"/rest/people/"_s + id))).isEmpty(),
             qPrintable(problem));
    QVERIFY2((problem = check(u"/people/{id}"_s, u"patch"_s,
                              m_http.patch(u"/rest/people/"_s + id, QJsonObject{{u"jobTitle"_s, u"Tester"_s}})))
                 .isEmpty(),
             qPrintable(problem));
    QVERIFY2((problem = check(u"/people"_s, u"patch"_s,
                              m_http.patch(u"/rest/people?"_s + query({{u"filter"_s, filter}}),
                                           QJsonObject{{u"jobTitle"_s, u"Many"_s}})))
                 .isEmpty(),
             qPrintable(problem));
    QVERIFY2(
        (problem = check(u"/people/{id}"_s, u"delete"_s, m_http.del(u"/rest/people/"_s + id + u"?soft_delete=true"_s)))
            .isEmpty(),
        qPrintable(problem));
    QVERIFY2((problem = check(u"/people/{id}/restore"_s, u"patch"_s,
                              m_http.patch(u"/rest/people/"_s + id + u"/restore"_s, QJsonObject{})))
                 .isEmpty(),
             qPrintable(problem));
    QVERIFY2((problem = check(
                  u"/people"_s, u"delete"_s,
                  m_http.del(u"/rest/people?"_s + query({{u"filter"_s, filter}, {u"soft_delete"_s, u"true"_s}}))))
                 .isEmpty(),
             qPrintable(problem));
    QVERIFY2((problem = check(u"/people/restore"_s, u"patch"_s,
                              m_http.patch(u"/rest/people/restore?"_s + query({{u"filter"_s, filter}}), QJsonObject{})))
                 .isEmpty(),
             qPrintable(problem));
}

/// The metadata document against the server: API keys and roles are routed as documented (status and envelope);
/// the routes of parts of the Metadata API that this build does not serve yet answer their plain 404, never 405.
void TestOpenApi::metadataOperationsMatchTheServer()
{
    const QJsonObject doc = document(m_http, u"/rest/open-api/metadata"_s);
    const QJsonObject paths = doc.value("paths"_L1).toObject();
    const QString id = newUuid();
    int routed = 0;
    for (auto path = paths.begin(); path != paths.end(); ++path) {
        if (path.key().startsWith("/open-api/"_L1))
            continue;
        QString target = u"/rest/metadata"_s + path.key();
        target.replace(u"{id}"_s, id).replace(u"{deliveryId}"_s, newUuid());
        const QJsonObject item = path.value().toObject();
        for (auto operation = item.begin(); operation != item.end(); ++operation) {
            const QByteArray method = operation.key().toUpper().toLatin1();
            const QByteArray body = operation.value().toObject().contains("requestBody"_L1) ? "{}" : "";
            const HttpResponse response = m_http.send(method, target, body);
            QVERIFY2(response.status != 405 && response.status != 0, qPrintable(response.describe()));
            const bool notYet = response.messages().value(0).contains("not served by this version"_L1);
            if (path.key().startsWith("/apiKeys"_L1) || path.key().startsWith("/roles"_L1)) {
                QVERIFY2(!notYet, qPrintable(response.describe()));
                ++routed;
            }
        }
    }
    QCOMPARE(routed, 15); // API keys: 5 + regenerate + role; roles: 5 + 3 permission PUTs

    // Documented statuses and envelopes: bare API key entities (§5.2), `data.roles` (§6.5).
    const HttpResponse roles = m_http.get(u"/rest/metadata/roles"_s);
    E2E_STATUS(roles, 200);
    QVERIFY(dig(paths, {u"/roles"_s, u"get"_s, u"responses"_s, u"200"_s, u"content"_s, u"application/json"_s,
                        u"schema"_s, u"properties"_s, u"data"_s, u"properties"_s})
                .toObject()
                .contains("roles"_L1));
    QVERIFY(roles.value(u"data.roles"_s).isArray());
    const QString adminId = roles.value(u"data.roles.0.id"_s).toString();
    const QJsonObject roleSchema = dig(doc, {u"components"_s, u"schemas"_s, u"RoleForResponse"_s, u"properties"_s})
                                       .toObject();
    for (const QString &key : roles.value(u"data.roles.0"_s).toObject().keys())
        QVERIFY2(roleSchema.contains(key), qPrintable(key));
    const HttpResponse created = m_http.post(
        u"/rest/metadata/apiKeys"_s,
        QJsonObject{{u"name"_s, uniqueTag()}, {u"expiresAt"_s, u"2100-01-01T00:00:00.000Z"_s}, {u"roleId"_s, adminId}});
    QVERIFY(paths.value("/apiKeys"_L1)
                .toObject()
                .value("post"_L1)
                .toObject()
                .value("responses"_L1)
                .toObject()
                .contains(QString::number(created.status)));
    QCOMPARE(created.status, 201);
    const QJsonObject keySchema = dig(doc, {u"components"_s, u"schemas"_s, u"ApiKeyForResponse"_s, u"properties"_s})
                                      .toObject();
    for (const QString &key : created.object().keys())
        QVERIFY2(keySchema.contains(key), qPrintable(key));
    const HttpResponse list = m_http.get(u"/rest/metadata/apiKeys"_s);
    E2E_STATUS(list, 200);
    QVERIFY(list.json.isArray()); // bare array, as documented
}

/// The documents follow the workspace's data model: every active object is documented, with the paths the router
/// serves for it. (A metadata change publishing a new snapshot rebuilds the cached document; see the unit test.)
void TestOpenApi::newObjectsAppearAndHiddenOnesDoNot()
{
    const QJsonObject doc = document(m_http, u"/rest/open-api/core"_s);
    QStringList tags;
    for (const QJsonValue &tag : doc.value("tags"_L1).toArray())
        tags << tag.toObject().value("name"_L1).toString();
    QStringList sorted = tags;
    sorted.sort();
    QCOMPARE(tags, sorted);
    for (const QString &plural : tags) {
        const HttpResponse response = m_http.get(u"/rest/"_s + plural + u"?limit=1"_s);
        E2E_STATUS(response, 200);
        QVERIFY(doc.value("paths"_L1).toObject().contains(u"/"_s + plural));
    }
    QVERIFY(tags.contains("people"_L1) && tags.contains("companies"_L1));
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (QStandardPaths::findExecutable(u"node"_s).isEmpty() || QStandardPaths::findExecutable(u"npm"_s).isEmpty()) {
        std::printf("SKIP: node or npm is not installed\n");
        return 77;
    }
    TestOpenApi test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_openapi.moc"
