#include "gui/playgroundcontroller.h"

#include "graphqlapi/coreschema.h"
#include "graphqlapi/metadataschema.h"
#include "playground/graphqlcompletion.h"
#include "playground/playgroundhistory.h"
#include "playground/playgroundtoken.h"
#include "playground/requestsnippets.h"
#include "playground/restfilterwriter.h"
#include "server/localserver.h"
#include "services/apikeyservice.h"
#include "services/workspace.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace vingt::gui {

using namespace Qt::StringLiterals;
using namespace vingt::playground;

namespace {

QVariantMap historyRow(const PlaygroundRequest &r)
{
    return {{u"id"_s, r.id},
            {u"kind"_s, r.kind},
            {u"method"_s, r.method},
            {u"path"_s, r.path},
            {u"body"_s, r.body},
            {u"variables"_s, r.variables},
            {u"operationName"_s, r.operationName},
            {u"apiKeyId"_s, r.apiKeyId},
            {u"status"_s, r.status},
            {u"durationMs"_s, r.durationMs},
            {u"createdAt"_s, r.createdAt}};
}

QString pretty(const QByteArray &body)
{
    const QJsonDocument json = QJsonDocument::fromJson(body);
    return json.isNull() ? QString::fromUtf8(body) : QString::fromUtf8(json.toJson(QJsonDocument::Indented));
}

} // namespace

PlaygroundController::PlaygroundController(QObject *parent) : Controller(parent)
{
    refresh();
}

PlaygroundController::~PlaygroundController() = default;

void PlaygroundController::refresh(const QString &search)
{
    m_search = search;
    Workspace *workspace = &BackendContext::current().workspace();
    struct Loaded {
        Result<std::vector<ApiKey>> keys;
        Result<std::vector<PlaygroundRequest>> history;
    };
    run(
        [workspace, search] {
            PlaygroundHistory history(workspace->database());
            return Loaded{workspace->apiKeys().list(BackendContext::actor()), history.list(search)};
        },
        [this, workspace](Loaded loaded) {
            m_keys.clear();
            if (loaded.keys) {
                for (const ApiKey &key : *loaded.keys)
                    m_keys.append(QVariantMap{{u"id"_s, key.id}, {u"name"_s, key.name}});
            }
            m_objects.clear();
            for (const ObjectMetadata &object : workspace->dataModel()->objects()) {
                if (object.isActive && !object.isSystem)
                    m_objects.append(object.namePlural);
            }
            Q_EMIT keysChanged();
            m_history.clear();
            if (loaded.history) {
                for (const PlaygroundRequest &r : *loaded.history)
                    m_history.append(historyRow(r));
            }
            Q_EMIT historyChanged();
        });
}

QString PlaygroundController::baseUrl() const
{
    const LocalServer *server = BackendContext::current().server;
    QString url = server ? server->url() : QString();
    if (url.endsWith(u'/'))
        url.chop(1);
    return url;
}

QByteArray PlaygroundController::requestBody(const QString &kind, const QString &body, const QString &variables,
                                             const QString &operationName)
{
    if (kind != u"graphql"_s)
        return body.toUtf8();
    QJsonObject request{{u"query"_s, body}};
    const QJsonDocument vars = QJsonDocument::fromJson(variables.toUtf8());
    if (vars.isObject())
        request.insert(u"variables"_s, vars.object());
    if (!operationName.isEmpty())
        request.insert(u"operationName"_s, operationName);
    return QJsonDocument(request).toJson(QJsonDocument::Compact);
}

void PlaygroundController::send(const QString &kind, const QString &method, const QString &path, const QString &body,
                                const QString &variables, const QString &operationName, const QString &keyId)
{
    m_sending = true;
    m_statusLine = tr("Sending…");
    Q_EMIT responseChanged();
    Workspace *workspace = &BackendContext::current().workspace();
    PlaygroundRequest request;
    request.kind = kind == u"graphql"_s ? kind : u"rest"_s;
    request.method = kind == u"graphql"_s ? u"POST"_s : method;
    request.path = path;
    request.body = body;
    request.variables = variables;
    request.operationName = operationName;
    request.apiKeyId = keyId;
    run([workspace, keyId] { return mintPlaygroundToken(workspace->apiKeys(), keyId); },
        [this, request, workspace](Result<QByteArray> token) mutable {
            if (!token) {
                m_sending = false;
                m_status = 0;
                m_statusLine = tr("Cannot run as this key: %1").arg(token.error().message);
                m_responseBody.clear();
                m_responseHeaders.clear();
                Q_EMIT responseChanged();
                return;
            }
            QNetworkRequest http(QUrl(baseUrl() + request.path));
            // The token goes into the Authorization header only (DECISIONS "Playground").
            http.setRawHeader("Authorization", "Bearer " + *token);
            const QByteArray payload = requestBody(request.kind, request.body, request.variables, request.operationName);
            if (!payload.isEmpty())
                http.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
            auto timer = std::make_shared<QElapsedTimer>();
            timer->start();
            QNetworkReply *reply = m_network.sendCustomRequest(http, request.method.toLatin1(), payload);
            connect(reply, &QNetworkReply::finished, this, [this, reply, timer, request, workspace]() mutable {
                reply->deleteLater();
                const qint64 elapsed = timer->elapsed();
                const QByteArray replyBody = reply->readAll();
                m_sending = false;
                m_status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
                m_statusLine = m_status == 0 ? reply->errorString()
                                             : u"%1 %2 · %3 ms · %4 B"_s.arg(m_status).arg(reason).arg(elapsed).arg(
                                                 replyBody.size());
                m_responseBody = pretty(replyBody);
                QStringList headers;
                for (const auto &[name, value] : reply->rawHeaderPairs())
                    headers << QString::fromLatin1(name + ": " + value);
                m_responseHeaders = headers.join(u'\n');
                Q_EMIT responseChanged();
                request.status = m_status;
                request.durationMs = elapsed;
                run([workspace, request] { return PlaygroundHistory(workspace->database()).record(request); },
                    [this](Result<PlaygroundRequest>) { refresh(m_search); });
            });
        });
}

const graphql::Schema *PlaygroundController::schemaFor(const QString &name)
{
    if (name == u"metadata"_s) {
        if (!m_metadataSchema) {
            auto schema = graphqlapi::buildMetadataSchema();
            if (schema)
                m_metadataSchema = *schema;
        }
        return m_metadataSchema.get();
    }
    // Regenerated when the data model changes (a new snapshot version).
    const DataModelPtr model = BackendContext::current().workspace().dataModel();
    if (!m_coreSchema || m_coreVersion != model->version()) {
        auto schema = graphqlapi::buildCoreSchema(model);
        if (!schema)
            return nullptr;
        m_coreSchema = *schema;
        m_coreVersion = model->version();
    }
    return m_coreSchema.get();
}

QVariant PlaygroundController::complete(const QString &schemaName, const QString &document, int cursor)
{
    const graphql::Schema *schema = schemaFor(schemaName);
    if (!schema)
        return QVariantMap{};
    const Completion completion = playground::complete(*schema, document, cursor);
    QVariantList items;
    for (const CompletionItem &item : completion.items)
        items.append(QVariantMap{
            {u"label"_s, item.label}, {u"kind"_s, completionKindName(item.kind)}, {u"detail"_s, item.detail}});
    // QVariant, not QVariantMap: QML reads it as a plain object (qmllint types QVariantMap members as unknown).
    return QVariantMap{{u"start"_s, int(completion.replaceStart)}, {u"items"_s, items}};
}

QVariantList PlaygroundController::diagnose(const QString &schemaName, const QString &document)
{
    const graphql::Schema *schema = schemaFor(schemaName);
    QVariantList out;
    if (!schema)
        return out;
    for (const Diagnostic &d : playground::diagnose(*schema, document))
        out.append(QVariantMap{
            {u"line"_s, d.line}, {u"column"_s, d.column}, {u"offset"_s, int(d.offset)}, {u"message"_s, d.message}});
    return out;
}

QStringList PlaygroundController::operationNames(const QString &document) const
{
    return playground::operationNames(document);
}

QString PlaygroundController::snippet(const QString &language, const QString &kind, const QString &method,
                                      const QString &path, const QString &body, const QString &variables,
                                      const QString &operationName) const
{
    SnippetRequest request;
    request.method = kind == u"graphql"_s ? u"POST"_s : method;
    request.url = baseUrl() + path;
    request.body = requestBody(kind, body, variables, operationName);
    if (!request.body.isEmpty())
        request.headers = {{u"Content-Type"_s, u"application/json"_s}};
    return playground::snippet(request, snippetLanguageFromName(language));
}

QString PlaygroundController::checkFilter(const QString &objectNamePlural, const QString &filter) const
{
    const DataModelPtr model = BackendContext::current().workspace().dataModel();
    auto checked = checkRestFilter(*model, objectNamePlural, filter);
    return checked ? QString() : checked.error().message;
}

void PlaygroundController::copyToClipboard(const QString &text) const
{
    if (QClipboard *clipboard = QGuiApplication::clipboard())
        clipboard->setText(text);
}

} // namespace vingt::gui
