#include "cli/cli.h"
#include "cli/options.h"
#include "core/json.h"
#include "services/instance.h"
#include "services/workspace.h"

#include <QFile>

namespace vingt::cli {

using namespace Qt::StringLiterals;

/// `vingt model export [--output FILE]` and `vingt model import FILE`: a workspace's custom objects and fields as
/// JSON, so a data model can be kept in version control and recreated in another data directory.
int model(const QStringList &arguments)
{
    const QString action = arguments.value(0);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Export the custom objects and fields of a workspace as JSON (export [--output FILE]), or create them from "
        "such a file (import FILE); objects and fields that already exist are left alone."_s);
    parser.addPositionalArgument(u"action"_s, u"export | import"_s);
    parser.addOption({u"output"_s, u"Write the export to FILE instead of stdout."_s, u"file"_s});
    parser.addOption({u"workspace"_s, u"Workspace id (default: the default workspace)."_s, u"id"_s});
    addInstanceOptions(parser);
    if (!parseOrFail(parser, u"model"_s, arguments))
        return 2;
    if (parser.isSet(u"help"_s)) {
        out(parser.helpText());
        return 0;
    }
    if (action != "export"_L1 && action != "import"_L1) {
        err(u"vingt model: unknown action '%1' (export, import)"_s.arg(action));
        return 2;
    }
    const QStringList positional = parser.positionalArguments();
    if (action == "import"_L1 && positional.size() != 2) {
        err(u"vingt model import: give the file to import"_s);
        return 2;
    }
    auto instance = Instance::open(instanceOptions(parser));
    if (!instance) {
        err(u"vingt model: %1"_s.arg(instance.error().message));
        return 1;
    }
    Workspace *workspace = parser.isSet(u"workspace"_s) ? (*instance)->workspace(parser.value(u"workspace"_s))
                                                        : (*instance)->defaultWorkspace();
    if (!workspace) {
        err(u"vingt model: workspace '%1' not found"_s.arg(parser.value(u"workspace"_s)));
        return 1;
    }
    if (action == "export"_L1) {
        const QByteArray document = workspace->metadata().exportModel();
        if (!parser.isSet(u"output"_s)) {
            out(QString::fromUtf8(document));
            return 0;
        }
        QFile file(parser.value(u"output"_s));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(document + '\n') < 0) {
            err(u"vingt model export: cannot write '%1': %2"_s.arg(file.fileName(), file.errorString()));
            return 1;
        }
        return 0;
    }
    QFile file(positional[1]);
    if (!file.open(QIODevice::ReadOnly)) {
        err(u"vingt model import: cannot read '%1': %2"_s.arg(file.fileName(), file.errorString()));
        return 1;
    }
    auto document = json::parse(file.readAll());
    if (!document || !document->isObject()) {
        err(u"vingt model import: '%1' is not a JSON object%2"_s.arg(
            file.fileName(), document ? QString() : u": "_s + document.error().message));
        return 1;
    }
    auto created = workspace->metadata().importModel(Actor::system(), document->toObject());
    if (!created) {
        err(u"vingt model import: %1"_s.arg(created.error().message));
        return 1;
    }
    out(u"Imported %1 objects and fields"_s.arg(*created));
    return 0;
}

} // namespace vingt::cli
