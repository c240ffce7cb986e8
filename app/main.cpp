#include "cli/cli.h"
#include "gui/guiapp.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdlib>
#include <cstring>

namespace {

const char *kUsage = R"(Usage: vingt [command] [options]

Commands:
  serve                 Run the API server headless (the default when no display is available)
  api-key create|list|revoke
                        Manage API keys of a workspace
  workspace create      Create a workspace
  model export|import   Export the custom objects and fields as JSON, or import such a file

Without a command: the desktop app when a display is available (DISPLAY or WAYLAND_DISPLAY),
otherwise the same as 'vingt serve'.

Common options:
  --data-dir DIR        Data directory (default ~/.local/share/vingt)
  --database URL        PostgreSQL URL (postgresql://user:password@host:port/database)

Desktop app options:
  --page PAGE           Open this page (general, api-keys, api-key-created, roles, role-editor,
                        data-model, object-fields, playground, webhook)
  --screenshot FILE     Render the page at 1280x800 into FILE (PNG) and exit; works headless
                        with QT_QPA_PLATFORM=offscreen
  --theme THEME         Light, Dark or System

Run 'vingt <command> --help' for the options of a command.
)";

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication::setApplicationName(QStringLiteral("vingt"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VINGT_VERSION));
    // DECISIONS "The executable": without a command, the GUI when a display is present. Decided from argv and the
    // environment before any application object exists (QGuiApplication needs a platform, QCoreApplication not).
    const bool noCommand = argc < 2
                           || (argv[1][0] == '-' && argv[1][1] == '-' && std::strcmp(argv[1], "--help") != 0
                               && std::strcmp(argv[1], "--version") != 0);
    if (noCommand && vingt::gui::wantsGui(argc, argv))
        return vingt::gui::run(argc, argv);
    QCoreApplication app(argc, argv);
    qSetMessagePattern(QStringLiteral("%{time yyyy-MM-ddThh:mm:ss.zzz} %{if-category}%{category}: %{endif}%{message}"));
    if (qEnvironmentVariable("VINGT_LOG_LEVEL") == QLatin1String("warning"))
        QLoggingCategory::setFilterRules(QStringLiteral("vingt.*.info=false\nvingt.*.debug=false"));
    else
        QLoggingCategory::setFilterRules(QStringLiteral("vingt.*.debug=false"));

    QStringList arguments = app.arguments().mid(1);
    const QString command = arguments.value(0);
    if (command == QLatin1String("--help") || command == QLatin1String("-h") || command == QLatin1String("help")) {
        vingt::cli::out(QString::fromLatin1(kUsage));
        return 0;
    }
    if (command == QLatin1String("--version")) {
        vingt::cli::out(QStringLiteral("vingt %1").arg(QStringLiteral(VINGT_VERSION)));
        return 0;
    }
    if (command == QLatin1String("serve"))
        return vingt::cli::serve(arguments.mid(1));
    if (command == QLatin1String("api-key"))
        return vingt::cli::apiKey(arguments.mid(1));
    if (command == QLatin1String("workspace"))
        return vingt::cli::workspace(arguments.mid(1));
    if (command == QLatin1String("model"))
        return vingt::cli::model(arguments.mid(1));
    if (command.isEmpty() || command.startsWith(QLatin1String("--"))) {
        // No display: behave as `vingt serve`.
        return vingt::cli::serve(arguments);
    }
    vingt::cli::err(QStringLiteral("vingt: unknown command '%1'\n\n%2").arg(command, QString::fromLatin1(kUsage)));
    return 2;
}
