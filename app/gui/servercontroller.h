#pragma once

#include "gui/backendcontext.h"
#include "gui/rowmodel.h"

#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <deque>

class QQmlEngine;
class QJSEngine;

namespace vingt::gui {

/// @brief General → Server: the API server this process runs (status, URL, requests per minute), start/stop on a
/// host and port (remembered), the data directory and the instance limits of API-CONTRACT §0.5.
class ServerController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool running READ running NOTIFY statusChanged)
    Q_PROPERTY(QString url READ url NOTIFY statusChanged)
    Q_PROPERTY(QString host READ host NOTIFY statusChanged)
    Q_PROPERTY(int port READ port NOTIFY statusChanged)
    Q_PROPERTY(QString error READ error NOTIFY statusChanged)
    Q_PROPERTY(int requestsPerMinute READ requestsPerMinute NOTIFY requestsChanged)
    Q_PROPERTY(QString dataDir READ dataDir CONSTANT)
    Q_PROPERTY(QString workspaceName READ workspaceName CONSTANT)
    Q_PROPERTY(vingt::gui::RowModel *limits READ limits CONSTANT)

public:
    explicit ServerController(QObject *parent = nullptr);
    static ServerController *create(QQmlEngine *, QJSEngine *) { return new ServerController; }

    [[nodiscard]] bool running() const;
    [[nodiscard]] QString url() const;
    [[nodiscard]] QString host() const;
    [[nodiscard]] int port() const;
    [[nodiscard]] const QString &error() const { return m_error; }
    [[nodiscard]] int requestsPerMinute() const { return m_perMinute; }
    [[nodiscard]] QString dataDir() const;
    [[nodiscard]] QString workspaceName() const;
    [[nodiscard]] RowModel *limits() { return &m_limits; }

    /// Restarts the server on host:port and remembers them (QSettings) when it starts.
    Q_INVOKABLE bool start(const QString &host, int port);
    Q_INVOKABLE void stop();
    Q_INVOKABLE [[nodiscard]] static bool isLoopback(const QString &host);

Q_SIGNALS:
    void statusChanged();
    void requestsChanged();

private:
    void sample();

    QString m_error;
    QString m_lastHost;
    int m_lastPort = 0;
    RowModel m_limits;
    QTimer m_sampler;
    std::deque<std::pair<qint64, quint64>> m_samples; ///< (msecs, request count), the last minute
    int m_perMinute = 0;
};

} // namespace vingt::gui
