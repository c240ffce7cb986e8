#pragma once

#include "gui/backendcontext.h"
#include "gui/endpointmodel.h"
#include "gui/schemaexplorermodel.h"
#include "openapi/documentcache.h"
#include "playground/jsonfold.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace vingt::graphql {
class Schema;
}

namespace vingt::gui {

/// @brief The API playground (issue 7): sends REST and GraphQL requests to the local server as one of the
/// workspace's API keys (a short-lived token minted in process, never shown, never in a URL), records them in the
/// workspace's history, and serves GraphQL completion, diagnostics and "Copy as" snippets from backend/playground.
/// The HTTP call is asynchronous (QNetworkAccessManager); minting and history run on the thread pool.
class PlaygroundController : public Controller
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QVariantList keys READ keys NOTIFY keysChanged)
    Q_PROPERTY(QVariantList history READ history NOTIFY historyChanged)
    Q_PROPERTY(QVariantList saved READ saved NOTIFY historyChanged)
    Q_PROPERTY(vingt::gui::EndpointModel *endpoints READ endpoints CONSTANT)
    Q_PROPERTY(vingt::gui::SchemaExplorerModel *schemaExplorer READ schemaExplorer CONSTANT)
    Q_PROPERTY(QVariantList objects READ objects NOTIFY keysChanged)
    Q_PROPERTY(bool sending READ sending NOTIFY responseChanged)
    Q_PROPERTY(int status READ status NOTIFY responseChanged)
    Q_PROPERTY(QString statusLine READ statusLine NOTIFY responseChanged)
    Q_PROPERTY(QString responseBody READ responseBody NOTIFY responseChanged)
    Q_PROPERTY(QString responseHeaders READ responseHeaders NOTIFY responseChanged)
    /// Folding of the response JSON: objects and arrays deeper than this many levels show as `{…n keys}`; -1: none.
    Q_PROPERTY(int foldDepth READ foldDepth WRITE setFoldDepth NOTIFY responseChanged)
    /// The request input the last error names (REST: "filter", "order_by", "limit", "depth", "cursor", "body",
    /// "path"; GraphQL: "query" for an error with locations, "variables"), or empty: the page highlights that input.
    Q_PROPERTY(QString errorPart READ errorPart NOTIFY responseChanged)

public:
    explicit PlaygroundController(QObject *parent = nullptr);
    ~PlaygroundController() override;

    [[nodiscard]] QVariantList keys() const { return m_keys; }
    [[nodiscard]] QVariantList history() const { return m_history; }
    [[nodiscard]] QVariantList saved() const { return m_saved; }
    [[nodiscard]] QVariantList objects() const { return m_objects; }
    [[nodiscard]] EndpointModel *endpoints() { return &m_endpoints; }
    [[nodiscard]] SchemaExplorerModel *schemaExplorer() { return &m_schemaExplorer; }
    [[nodiscard]] QString errorPart() const { return m_errorPart; }
    [[nodiscard]] int foldDepth() const { return m_fold.depth; }
    void setFoldDepth(int depth);
    [[nodiscard]] bool sending() const { return m_sending; }
    [[nodiscard]] int status() const { return m_status; }
    [[nodiscard]] QString statusLine() const { return m_statusLine; }
    [[nodiscard]] QString responseBody() const { return m_responseBody; }
    [[nodiscard]] QString responseHeaders() const { return m_responseHeaders; }

    /// Reloads the active keys, the objects, the history (`search` filters it and is kept for later reloads) and the
    /// saved requests; the endpoint browser and the schema explorer are rebuilt when the data model changed.
    Q_INVOKABLE void refresh(const QString &search = {});
    /// REST: `path` is path and query (`/rest/people?limit=5`). GraphQL: kind "graphql", path `/graphql` or
    /// `/metadata`, body the document, plus variables (JSON text) and operation name.
    Q_INVOKABLE void send(const QString &kind, const QString &method, const QString &path, const QString &body,
                          const QString &variables, const QString &operationName, const QString &keyId);
    /// `{start, items: [{label, kind, detail}]}` for the document at the cursor (`schema`: "core" or "metadata").
    Q_INVOKABLE QVariant complete(const QString &schema, const QString &document, int cursor);
    /// `[{line, column, offset, message}]`: the parser's and the validator's errors.
    Q_INVOKABLE QVariantList diagnose(const QString &schema, const QString &document);
    Q_INVOKABLE QStringList operationNames(const QString &document) const;
    /// "curl", "python", "javascript" or "cpp" for the request (token read from VINGT_API_KEY).
    Q_INVOKABLE QString snippet(const QString &language, const QString &kind, const QString &method,
                                const QString &path, const QString &body, const QString &variables,
                                const QString &operationName) const;
    /// The error of a REST filter text for that object, empty when the server would accept it.
    Q_INVOKABLE QString checkFilter(const QString &objectNamePlural, const QString &filter) const;
    Q_INVOKABLE void copyToClipboard(const QString &text) const;

    /// Saves the request under `name` (it appears in `saved`); an empty name is refused (false).
    Q_INVOKABLE bool saveRequest(const QString &name, const QString &kind, const QString &method, const QString &path,
                                 const QString &body, const QString &variables, const QString &operationName,
                                 const QString &keyId);
    Q_INVOKABLE void removeSaved(const QString &id);

    /// The structured filter editor's fields of an object: `[{path, type, comparators, options}]`.
    Q_INVOKABLE QVariantList filterFields(const QString &objectNamePlural) const;
    /// `{filter, error}`: the REST filter text of the editor's rows (`[{field, comparator, value}]`, joined by and,
    /// or by or when `any`), checked as the server will; `error` names the bad row part.
    Q_INVOKABLE QVariant buildFilter(const QString &objectNamePlural, const QVariantList &rows, bool any) const;
    /// A JSON body for POST/PATCH pre-filled from the object's fields.
    Q_INVOKABLE QString bodyTemplate(const QString &objectNamePlural) const;
    /// `path` with the query parameters that are set (`filter`, `order_by`, `limit`, `depth`, `starting_after`,
    /// `ending_before`), percent-encoded.
    Q_INVOKABLE QString buildPath(const QString &path, const QVariantMap &parameters) const;
    /// Folds or unfolds the object or array that the line at `offset` of the response text opens (nothing else).
    Q_INVOKABLE void toggleFoldAt(int offset);
    /// The parse error of a JSON text (a body or GraphQL variables) with its offset, empty when it parses or is blank.
    Q_INVOKABLE QString jsonError(const QString &text) const;
    /// Shows the core ("core") or metadata ("metadata") schema in the schema explorer.
    Q_INVOKABLE void exploreSchema(const QString &name);

Q_SIGNALS:
    void keysChanged();
    void historyChanged();
    void responseChanged();
    void endpointsLoaded();

private:
    [[nodiscard]] const graphql::Schema *schemaFor(const QString &name);
    [[nodiscard]] std::shared_ptr<const graphql::Schema> sharedSchema(const QString &name);
    void reloadEndpoints();
    void renderResponse();
    [[nodiscard]] QString baseUrl() const;
    [[nodiscard]] static QByteArray requestBody(const QString &kind, const QString &body, const QString &variables,
                                                const QString &operationName);

    QNetworkAccessManager m_network;
    QVariantList m_keys;
    QVariantList m_history;
    QVariantList m_saved;
    EndpointModel m_endpoints;
    qint64 m_endpointsVersion = -1;
    std::shared_ptr<openapi::DocumentCache> m_documents = std::make_shared<openapi::DocumentCache>();
    SchemaExplorerModel m_schemaExplorer;
    QString m_explored = QStringLiteral("core");
    QString m_errorPart;
    QString m_lastMethod;
    QString m_search; ///< the history search the list shows
    QVariantList m_objects;
    bool m_sending = false;
    int m_status = 0;
    QString m_statusLine;
    QString m_responseBody;
    QByteArray m_rawResponse;
    playground::FoldState m_fold;
    std::vector<std::optional<QString>> m_lineNodes; ///< per line of m_responseBody: the node it opens
    QString m_responseHeaders;
    std::shared_ptr<const graphql::Schema> m_coreSchema;
    qint64 m_coreVersion = -1;
    std::shared_ptr<const graphql::Schema> m_metadataSchema;
};

} // namespace vingt::gui
