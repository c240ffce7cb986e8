#include "gui/playgroundcontroller.h"

#include "graphqlapi/coreschema.h"
#include "graphqlapi/metadataschema.h"
#include "openapi/openapibuilder.h"
#include "playground/endpointcatalog.h"
#include "playground/filterfields.h"
#include "playground/graphqlcompletion.h"
#include "playground/jsonfold.h"
#include "playground/playgroundhistory.h"
#include "playground/playgroundtoken.h"
#include "playground/requestsnippets.h"
#include "playground/restfilterwriter.h"
#include "server/localserver.h"
#include "services/apikeyservice.h"
#include "services/workspace.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrl>

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
            {u"savedName"_s, r.savedName},
            {u"createdAt"_s, r.createdAt}};
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
        Result<std::vector<PlaygroundRequest>> saved;
    };
    run(
        [workspace, search] {
            PlaygroundHistory history(workspace->database());
            return Loaded{workspace->apiKeys().list(BackendContext::actor()), history.list(search),
                          history.list({}, true)};
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
            m_saved.clear();
            if (loaded.saved) {
                for (const PlaygroundRequest &r : *loaded.saved)
                    m_saved.append(historyRow(r));
            }
            Q_EMIT historyChanged();
            if (workspace->dataModel()->version() != m_endpointsVersion)
                reloadEndpoints();
        });
}

void PlaygroundController::reloadEndpoints()
{
    Workspace *workspace = &BackendContext::current().workspace();
    const DataModelPtr model = workspace->dataModel();
    m_endpointsVersion = model->version();
    m_endpoints.setBusy(true);
    // The document the server serves for this workspace (API-CONTRACT §9), built in process; its server is
    // `<base>/rest/`, so the browser lists paths under /rest. The core GraphQL schema of the same snapshot is built
    // there too, so that completion, diagnostics and the schema explorer find it ready on the GUI thread.
    struct Built {
        Result<std::vector<Endpoint>> endpoints;
        Result<std::shared_ptr<const graphql::Schema>> schema;
    };
    run(
        [workspace, model, documents = m_documents, base = baseUrl()] {
            const QByteArray document = documents->document(
                openapi::DocumentKind::Core, workspace->id(), model,
                openapi::DocumentOptions::fromSettings(workspace->settings(), base));
            return Built{readEndpoints(document, u"/rest"_s), graphqlapi::buildCoreSchema(model)};
        },
        [this, version = model->version()](Built built) {
            m_endpoints.setBusy(false);
            if (built.endpoints)
                m_endpoints.setEndpoints(std::move(*built.endpoints));
            if (built.schema && m_coreVersion != version) {
                m_coreSchema = *built.schema;
                m_coreVersion = version;
            }
            m_schemaExplorer.setSchema(sharedSchema(m_explored));
            Q_EMIT endpointsLoaded();
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
                m_rawResponse.clear();
                m_lineNodes.clear();
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
                m_rawResponse = replyBody;
                m_fold.folded.clear();
                m_fold.unfolded.clear();
                renderResponse();
                QStringList headers;
                for (const auto &[name, value] : reply->rawHeaderPairs())
                    headers << QString::fromLatin1(name + ": " + value);
                m_responseHeaders = headers.join(u'\n');
                m_errorPart.clear();
                if (m_status >= 400 && request.kind == u"rest"_s) {
                    const QJsonObject error = QJsonDocument::fromJson(replyBody).object();
                    const QJsonValue messages = error.value(u"messages"_s);
                    const QString message = messages.isArray() ? messages.toArray().at(0).toString()
                                                               : error.value(u"message"_s).toString();
                    m_errorPart = errorRequestPart(request.method, message);
                } else if (request.kind == u"graphql"_s) {
                    // GraphQL errors point into the document (locations) or name a variable.
                    const QJsonArray errors = QJsonDocument::fromJson(replyBody).object().value(u"errors"_s).toArray();
                    if (!errors.isEmpty()) {
                        const QJsonObject first = errors.at(0).toObject();
                        m_errorPart = first.value(u"message"_s).toString().startsWith(u"Variable \"$"_s)
                                          ? u"variables"_s
                                      : first.contains(u"locations"_s) ? u"query"_s
                                                                       : QString();
                    }
                }
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
    return sharedSchema(name).get();
}

std::shared_ptr<const graphql::Schema> PlaygroundController::sharedSchema(const QString &name)
{
    if (name == u"metadata"_s) {
        if (!m_metadataSchema) {
            auto schema = graphqlapi::buildMetadataSchema();
            if (schema)
                m_metadataSchema = *schema;
        }
        return m_metadataSchema;
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
    return m_coreSchema;
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

bool PlaygroundController::saveRequest(const QString &name, const QString &kind, const QString &method,
                                       const QString &path, const QString &body, const QString &variables,
                                       const QString &operationName, const QString &keyId)
{
    if (name.trimmed().isEmpty())
        return false;
    PlaygroundRequest request;
    request.kind = kind == u"graphql"_s ? kind : u"rest"_s;
    request.method = kind == u"graphql"_s ? u"POST"_s : method;
    request.path = path;
    request.body = body;
    request.variables = variables;
    request.operationName = operationName;
    request.apiKeyId = keyId;
    Workspace *workspace = &BackendContext::current().workspace();
    run([workspace, request,
         name = name.trimmed()] { return PlaygroundHistory(workspace->database()).save(request, name); },
        [this](Result<PlaygroundRequest>) { refresh(m_search); });
    return true;
}

void PlaygroundController::removeSaved(const QString &id)
{
    Workspace *workspace = &BackendContext::current().workspace();
    run([workspace, id] { return PlaygroundHistory(workspace->database()).remove(id); },
        [this](Result<void>) { refresh(m_search); });
}

QVariantList PlaygroundController::filterFields(const QString &objectNamePlural) const
{
    const DataModelPtr model = BackendContext::current().workspace().dataModel();
    QVariantList out;
    if (const ObjectMetadata *object = model->objectByPlural(objectNamePlural)) {
        for (const FilterField &field : playground::filterFields(*object))
            out.append(QVariantMap{{u"path"_s, field.path},
                                   {u"type"_s, field.type},
                                   {u"comparators"_s, field.comparators},
                                   {u"options"_s, field.options}});
    }
    return out;
}

QVariant PlaygroundController::buildFilter(const QString &objectNamePlural, const QVariantList &rows, bool any) const
{
    std::vector<FilterRow> filterRows;
    for (const QVariant &row : rows) {
        const QVariantMap map = row.toMap();
        filterRows.push_back({map.value(u"field"_s).toString(), map.value(u"comparator"_s).toString(),
                              map.value(u"value"_s).toString()});
    }
    const DataModelPtr model = BackendContext::current().workspace().dataModel();
    auto filter = buildRestFilter(*model, objectNamePlural, filterRows, any);
    return QVariantMap{{u"filter"_s, filter ? *filter : QString()},
                       {u"error"_s, filter ? QString() : filter.error().message}};
}

QString PlaygroundController::bodyTemplate(const QString &objectNamePlural) const
{
    const DataModelPtr model = BackendContext::current().workspace().dataModel();
    const ObjectMetadata *object = model->objectByPlural(objectNamePlural);
    return object ? playground::bodyTemplate(*object) : QString();
}

QString PlaygroundController::buildPath(const QString &path, const QVariantMap &parameters) const
{
    static const QStringList kOrder{u"filter"_s, u"order_by"_s,       u"limit"_s,
                                    u"depth"_s,  u"starting_after"_s, u"ending_before"_s};
    QStringList query;
    for (const QString &name : kOrder) {
        const QString value = parameters.value(name).toString().trimmed();
        if (!value.isEmpty())
            query << name + u'=' + QString::fromLatin1(QUrl::toPercentEncoding(value));
    }
    QString base = path;
    const qsizetype question = base.indexOf(u'?');
    if (question >= 0)
        base.truncate(question);
    return query.isEmpty() ? base : base + u'?' + query.join(u'&');
}

void PlaygroundController::setFoldDepth(int depth)
{
    if (depth == m_fold.depth)
        return;
    m_fold = {depth, {}, {}};
    renderResponse();
    Q_EMIT responseChanged();
}

void PlaygroundController::renderResponse()
{
    FoldedJson folded = foldJson(m_rawResponse, m_fold);
    m_responseBody = std::move(folded.text);
    m_lineNodes = std::move(folded.lineNodes);
}

void PlaygroundController::toggleFoldAt(int offset)
{
    if (offset < 0 || offset > m_responseBody.size())
        return;
    const auto line = std::size_t(QStringView(m_responseBody).left(offset).count(u'\n'));
    if (line >= m_lineNodes.size() || !m_lineNodes[line])
        return;
    const QString pointer = *m_lineNodes[line];
    m_fold.toggle(pointer, pointerLevel(pointer));
    renderResponse();
    Q_EMIT responseChanged();
}

QString PlaygroundController::jsonError(const QString &text) const
{
    if (text.trimmed().isEmpty())
        return {};
    QJsonParseError error;
    QJsonDocument::fromJson(text.toUtf8(), &error);
    return error.error == QJsonParseError::NoError
               ? QString()
               : tr("Invalid JSON at offset %1: %2").arg(error.offset).arg(error.errorString());
}

void PlaygroundController::exploreSchema(const QString &name)
{
    m_explored = name == u"metadata"_s ? name : u"core"_s;
    m_schemaExplorer.setSchema(sharedSchema(m_explored));
}

} // namespace vingt::gui
