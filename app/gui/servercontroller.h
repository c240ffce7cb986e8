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
/// host and port (remembered), the store (the data directory, or PostgreSQL: a URL checked here and used from the next
/// start) and the instance limits of API-CONTRACT §0.5.
class ServerController : public vingt::gui::Controller
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
    Q_PROPERTY(bool postgres READ postgres CONSTANT)
    Q_PROPERTY(QString savedDatabaseUrl READ savedDatabaseUrl NOTIFY storageChanged)
    Q_PROPERTY(bool storeGiven READ storeGiven CONSTANT)
    Q_PROPERTY(QString storageMessage READ storageMessage NOTIFY storageChanged)
    Q_PROPERTY(QString storageError READ storageError NOTIFY storageChanged)
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
    [[nodiscard]] bool postgres() const;
    /// The PostgreSQL URL the desktop app opens at its next start (password hidden); empty: the data directory.
    [[nodiscard]] static QString savedDatabaseUrl();
    /// The saved URL itself (with its password), for the desktop app's start; empty when none.
    [[nodiscard]] static QString databaseUrlForStart();
    /// The store was named by --data-dir, --database or VINGT_DATABASE_URL: a saved URL does not apply to it (set at
    /// start).
    static void setStoreGiven(bool given) { s_storeGiven = given; }
    [[nodiscard]] static bool storeGiven() { return s_storeGiven; }
    /// Why the saved URL did not open at start (the app fell back to the data directory): the first storageError.
    static void setStartupStorageError(const QString &error) { s_startupStorageError = error; }
    [[nodiscard]] const QString &storageMessage() const { return m_storageMessage; }
    [[nodiscard]] const QString &storageError() const { return m_storageError; }
    [[nodiscard]] QString workspaceName() const;
    [[nodiscard]] RowModel *limits() { return &m_limits; }

    /// Restarts the server on host:port and remembers them (QSettings) when it starts.
    Q_INVOKABLE bool start(const QString &host, int port);
    Q_INVOKABLE void stop();
    Q_INVOKABLE [[nodiscard]] static bool isLoopback(const QString &host);
    /// Connects to `url` off the GUI thread and reports what is there (storageMessage) or why not (storageError).
    Q_INVOKABLE void testDatabase(const QString &url);
    /// Remembers `url` for the next start (checked as a URL first, not connected); an empty `url` goes back to the data
    /// directory. The settings file is made readable by its owner only: the URL may carry a password.
    Q_INVOKABLE bool saveDatabaseUrl(const QString &url);
    /// Starts a new Vingt process with this one's arguments and quits this one (the store is chosen at start).
    Q_INVOKABLE void restartApp();

Q_SIGNALS:
    void statusChanged();
    void requestsChanged();
    void storageChanged();

private:
    void sample();

    void setStorageResult(const QString &message, const QString &error);

    static inline bool s_storeGiven = false;
    static inline QString s_startupStorageError;
    QString m_error;
    QString m_storageMessage;
    QString m_storageError;
    QString m_lastHost;
    int m_lastPort = 0;
    RowModel m_limits;
    QTimer m_sampler;
    std::deque<std::pair<qint64, quint64>> m_samples; ///< (msecs, request count), the last minute
    int m_perMinute = 0;
};

} // namespace vingt::gui
