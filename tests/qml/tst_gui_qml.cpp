// Qt Quick Tests of the desktop app's pages against a real backend: a temporary data directory, the services in
// process, and the API served on 127.0.0.1 (port 0) so the tests can check through HTTP what the pages changed.
#include "gui/backendcontext.h"
#include "gui/desktop.h"
#include "gui/qmlplugins.h"
#include "gui/servicemetadataediting.h"
#include "server/localserver.h"
#include "services/instance.h"

#include <QQmlContext>
#include <QQmlEngine>
#include <QQuickStyle>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QtQuickTest>

using namespace Qt::StringLiterals;

class Setup : public QObject
{
    Q_OBJECT

public Q_SLOTS:
    void applicationAvailable()
    {
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(u"config"_s).toUtf8()); // QSettings stay in the temp dir
        auto instance = vingt::Instance::open({m_dir.filePath(u"data"_s), {}, {}});
        if (!instance)
            qFatal("cannot open the instance: %s", qPrintable(instance.error().message));
        m_instance = std::move(*instance);
        m_server = std::make_unique<vingt::LocalServer>(*m_instance);
        vingt::http::ServerConfig config;
        config.port = 0;
        config.threads = 2;
        if (auto started = m_server->start(config); !started)
            qFatal("cannot start the server: %s", qPrintable(started.error().message));
        m_editing = std::make_unique<vingt::gui::ServiceMetadataEditing>(*m_instance->defaultWorkspace());
        vingt::gui::BackendContext::setCurrent({m_instance.get(), m_server.get(), m_editing.get()});
        vingt::gui::Desktop::setStartPage({}, true, u"Light"_s);
        QQuickStyle::setStyle(u"Basic"_s);
    }

    void cleanupTestCase()
    {
        QThreadPool::globalInstance()->waitForDone();
        m_server->stop();
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<vingt::Instance> m_instance;
    std::unique_ptr<vingt::LocalServer> m_server;
    std::unique_ptr<vingt::gui::ServiceMetadataEditing> m_editing;
};

QUICK_TEST_MAIN_WITH_SETUP(vingt_gui, Setup)
#include "tst_gui_qml.moc"
