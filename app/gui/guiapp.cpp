#include "gui/guiapp.h"

#include "cli/cli.h"
#include "cli/options.h"
#include "gui/apikeyscontroller.h"
#include "gui/backendcontext.h"
#include "gui/desktop.h"
#include "gui/qmlplugins.h"
#include "gui/servercontroller.h"
#include "gui/servicemetadataediting.h"
#include "server/localserver.h"
#include "services/instance.h"
#include "services/workspace.h"

#include <QCommandLineParser>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSettings>
#include <QThreadPool>
#include <QTimer>

#include <cstring>
#include <optional>

namespace vingt::gui {

using namespace Qt::StringLiterals;

namespace {

const QStringList kPages{u"general"_s,     u"api-keys"_s,           u"api-key-created"_s, u"roles"_s,
                         u"role-editor"_s, u"data-model"_s,         u"object-fields"_s,   u"add-field"_s,
                         u"playground"_s,  u"playground-graphql"_s, u"webhook"_s};

/// Saves the window once everything the page loads in the background has arrived (controllers idle), then quits.
void screenshotWhenIdle(QQuickWindow *window, const QString &file, int *exitCode)
{
    auto *timer = new QTimer(window);
    timer->setInterval(150);
    auto quietTicks = std::make_shared<int>(0);
    auto ticks = std::make_shared<int>(0);
    QObject::connect(timer, &QTimer::timeout, window, [=] {
        const bool idle = QThreadPool::globalInstance()->activeThreadCount() == 0;
        *quietTicks = idle ? *quietTicks + 1 : 0;
        if (*quietTicks < 4 && ++*ticks < 60)
            return;
        timer->stop();
        const QImage image = window->grabWindow();
        if (image.isNull() || !image.save(file)) {
            cli::err(u"vingt: could not write the screenshot to %1"_s.arg(file));
            *exitCode = 1;
        }
        QCoreApplication::quit();
    });
    timer->start();
}

} // namespace

bool wantsGui(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--screenshot") == 0)
            return true;
    }
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
}

int run(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    // The desktop app's settings (window, theme, server address, saved PostgreSQL URL) in ~/.config/vingt/vingt.conf;
    // without an organisation Qt would use "~/.config/Unknown Organization/". The data directory does not depend on it
    // (Instance::defaultDataDir).
    QCoreApplication::setOrganizationName(u"vingt"_s);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Vingt desktop app."_s);
    parser.addOption({u"page"_s, u"Page to open: %1."_s.arg(kPages.join(u", "_s)), u"page"_s});
    parser.addOption({u"screenshot"_s, u"Render the page at 1280x800 into this PNG file and exit."_s, u"file"_s});
    parser.addOption({u"theme"_s, u"Light, Dark or System (default: the saved choice)."_s, u"theme"_s});
    parser.addOption({u"host"_s, u"Address the API server binds (default: the saved one, 127.0.0.1)."_s, u"address"_s});
    parser.addOption({u"port"_s, u"API server port (default: the saved one, 3000)."_s, u"port"_s});
    cli::addInstanceOptions(parser);
    if (!cli::parseOrFail(parser, u"vingt"_s, app.arguments().mid(1)))
        return 2;
    if (parser.isSet(u"help"_s)) {
        cli::out(parser.helpText());
        return 0;
    }
    const QString page = parser.value(u"page"_s);
    if (!page.isEmpty() && !kPages.contains(page)) {
        cli::err(u"vingt: unknown page '%1' (%2)"_s.arg(page, kPages.join(u", "_s)));
        return 2;
    }
    const bool screenshot = parser.isSet(u"screenshot"_s);
    QString theme = parser.value(u"theme"_s);
    if (!theme.isEmpty())
        theme = theme.left(1).toUpper() + theme.mid(1).toLower();
    if (screenshot && theme.isEmpty())
        theme = u"Light"_s;

    // The store: --data-dir or --database, else VINGT_DATABASE_URL (cli::instanceOptions), else the PostgreSQL URL saved
    // in General → Storage, else the default data directory.
    InstanceOptions options = cli::instanceOptions(parser);
    const bool storeGiven = !options.dataDir.isEmpty() || !options.databaseUrl.isEmpty();
    ServerController::setStoreGiven(storeGiven);
    if (!storeGiven)
        options.databaseUrl = ServerController::databaseUrlForStart();
    auto instance = Instance::open(options);
    if (!instance && !storeGiven && !options.databaseUrl.isEmpty()) {
        // The saved URL does not open (the server is away, the password changed): the app still starts, on the data
        // directory, and General → Storage says why, so the person can fix or forget the URL without a terminal.
        const QString reason = instance.error().message;
        cli::err(u"vingt: the saved PostgreSQL URL does not open (%1); using the data directory"_s.arg(reason));
        ServerController::setStartupStorageError(
            u"The saved PostgreSQL URL did not open at start, so this run uses the data directory: %1"_s.arg(reason));
        options.databaseUrl.clear();
        instance = Instance::open(options);
    }
    if (!instance) {
        cli::err(u"vingt: %1"_s.arg(instance.error().message));
        return 1;
    }

    LocalServer server(**instance);
    QSettings settings;
    http::ServerConfig config;
    config.host = parser.isSet(u"host"_s) ? parser.value(u"host"_s)
                                          : settings.value(u"server/host"_s, u"127.0.0.1"_s).toString();
    config.port = quint16(parser.isSet(u"port"_s) ? parser.value(u"port"_s).toUInt()
                                                  : settings.value(u"server/port"_s, 3000).toUInt());
    auto started = server.start(config);
    if (!started && screenshot) {
        config.port = 0; // a screenshot only needs some server; another Vingt may hold the usual port
        started = server.start(config);
    }
    if (!screenshot)
        (*instance)->startBackgroundWork(); // webhook deliveries, as `vingt serve` does
    if (started)
        cli::out(u"Listening on %1"_s.arg(server.url()));
    else
        cli::err(u"vingt: the API server did not start: %1"_s.arg(started.error().message));

    // Data-model editing goes through the same MetadataService as the Metadata API.
    std::optional<ServiceMetadataEditing> editing;
    if (Workspace *workspace = (*instance)->defaultWorkspace())
        editing.emplace(*workspace);
    BackendContext::setCurrent({instance->get(), &server, editing ? &*editing : nullptr});
    Desktop::setStartPage(page, screenshot, theme);

    QQuickStyle::setStyle(u"Basic"_s);
    int exitCode = 0;
    {
        QQmlApplicationEngine engine;
        engine.load(QUrl(u"qrc:/qt-project.org/imports/Vingt/Shell/Main.qml"_s));
        if (engine.rootObjects().isEmpty()) {
            cli::err(u"vingt: the user interface failed to load"_s);
            exitCode = 1;
        } else {
            auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
            if (screenshot && window)
                screenshotWhenIdle(window, parser.value(u"screenshot"_s), &exitCode);
            const int code = QGuiApplication::exec();
            if (exitCode == 0)
                exitCode = code;
        }
        QThreadPool::globalInstance()->waitForDone(); // service calls in flight finish before the backend goes
    }
    server.stop();
    BackendContext::setCurrent({});
    return exitCode;
}

} // namespace vingt::gui
