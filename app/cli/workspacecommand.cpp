#include "cli/cli.h"
#include "cli/options.h"
#include "services/instance.h"

namespace vingt::cli {

using namespace Qt::StringLiterals;

int workspace(const QStringList &arguments)
{
    const QString action = arguments.value(0);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Manage workspaces: create --name N (prints the new id)."_s);
    parser.addPositionalArgument(u"action"_s, u"create"_s);
    parser.addOption({u"name"_s, u"Name of the workspace."_s, u"name"_s});
    addInstanceOptions(parser);
    if (!parseOrFail(parser, u"workspace"_s, arguments))
        return 2;
    if (parser.isSet(u"help"_s)) {
        out(parser.helpText());
        return 0;
    }
    if (action != "create"_L1) {
        err(u"vingt workspace: unknown action '%1' (create)"_s.arg(action));
        return 2;
    }
    if (parser.value(u"name"_s).trimmed().isEmpty()) {
        err(u"vingt workspace create: --name is required"_s);
        return 2;
    }
    auto instance = Instance::open(instanceOptions(parser));
    if (!instance) {
        err(u"vingt workspace: %1"_s.arg(instance.error().message));
        return 1;
    }
    auto id = (*instance)->createWorkspace(parser.value(u"name"_s));
    if (!id) {
        err(u"vingt workspace create: %1"_s.arg(id.error().message));
        return 1;
    }
    out(id.value());
    return 0;
}

} // namespace vingt::cli
