#pragma once

#include "gui/backendcontext.h"

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
    Q_PROPERTY(QVariantList objects READ objects NOTIFY keysChanged)
    Q_PROPERTY(bool sending READ sending NOTIFY responseChanged)
    Q_PROPERTY(int status READ status NOTIFY responseChanged)
    Q_PROPERTY(QString statusLine READ statusLine NOTIFY responseChanged)
    Q_PROPERTY(QString responseBody READ responseBody NOTIFY responseChanged)
    Q_PROPERTY(QString responseHeaders READ responseHeaders NOTIFY responseChanged)

public:
    explicit PlaygroundController(QObject *parent = nullptr);
    ~PlaygroundController() override;

    [[nodiscard]] QVariantList keys() const { return m_keys; }
    [[nodiscard]] QVariantList history() const { return m_history; }
    [[nodiscard]] QVariantList objects() const { return m_objects; }
    [[nodiscard]] bool sending() const { return m_sending; }
    [[nodiscard]] int status() const { return m_status; }
    [[nodiscard]] QString statusLine() const { return m_statusLine; }
    [[nodiscard]] QString responseBody() const { return m_responseBody; }
    [[nodiscard]] QString responseHeaders() const { return m_responseHeaders; }

    /// Reloads the active keys, the objects and the history (`search` filters it and is kept for later reloads).
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

Q_SIGNALS:
    void keysChanged();
    void historyChanged();
    void responseChanged();

private:
    [[nodiscard]] const graphql::Schema *schemaFor(const QString &name);
    [[nodiscard]] QString baseUrl() const;
    [[nodiscard]] static QByteArray requestBody(const QString &kind, const QString &body, const QString &variables,
                                                const QString &operationName);

    QNetworkAccessManager m_network;
    QVariantList m_keys;
    QVariantList m_history;
    QString m_search; ///< the history search the list shows
    QVariantList m_objects;
    bool m_sending = false;
    int m_status = 0;
    QString m_statusLine;
    QString m_responseBody;
    QString m_responseHeaders;
    std::shared_ptr<const graphql::Schema> m_coreSchema;
    qint64 m_coreVersion = -1;
    std::shared_ptr<const graphql::Schema> m_metadataSchema;
};

} // namespace vingt::gui
