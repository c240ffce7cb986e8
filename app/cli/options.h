#pragma once

#include "cli/cli.h"
#include "services/instance.h"

#include <QCommandLineParser>

namespace vingt::cli {

/// Adds --data-dir and --database to a command's parser.
inline void addInstanceOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("data-dir"), QStringLiteral("Data directory (default ~/.local/share/vingt)."),
                      QStringLiteral("dir")});
    parser.addOption({QStringLiteral("database"),
                      QStringLiteral("PostgreSQL URL: postgresql://user:password@host:port/database."),
                      QStringLiteral("url")});
}

/// Parses `arguments` (prefixed with the command name for messages); prints errors and returns false on failure.
inline bool parseOrFail(QCommandLineParser &parser, const QString &command, const QStringList &arguments)
{
    parser.addHelpOption();
    if (!parser.parse(QStringList{command} + arguments)) {
        err(QStringLiteral("vingt %1: %2\n\n%3").arg(command, parser.errorText(), parser.helpText()));
        return false;
    }
    return true;
}

inline InstanceOptions instanceOptions(const QCommandLineParser &parser)
{
    InstanceOptions options;
    options.dataDir = parser.value(QStringLiteral("data-dir"));
    options.databaseUrl = parser.value(QStringLiteral("database"));
    // The desktop app (and any command) uses VINGT_DATABASE_URL when neither option is given, so a desktop entry or
    // a shell profile can point Vingt at a PostgreSQL database once.
    if (options.dataDir.isEmpty() && options.databaseUrl.isEmpty())
        options.databaseUrl = qEnvironmentVariable("VINGT_DATABASE_URL");
    return options;
}

} // namespace vingt::cli
