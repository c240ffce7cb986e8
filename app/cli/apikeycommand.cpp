#include "cli/cli.h"
#include "cli/options.h"
#include "core/clock.h"
#include "services/instance.h"
#include "services/workspace.h"

namespace vingt::cli {

using namespace Qt::StringLiterals;

int apiKey(const QStringList &arguments)
{
    const QString action = arguments.value(0);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Manage API keys: create (prints the token, shown once), list, revoke ID."_s);
    parser.addPositionalArgument(u"action"_s, u"create | list | revoke"_s);
    parser.addOption({u"name"_s, u"Name of the key (create)."_s, u"name"_s});
    parser.addOption({u"role"_s, u"Role label or id (create; default Admin)."_s, u"role"_s, u"Admin"_s});
    parser.addOption({u"expires-at"_s, u"Expiry, ISO 8601 (create; default now + 100 years)."_s, u"iso"_s});
    parser.addOption({u"workspace"_s, u"Workspace id (default: the default workspace)."_s, u"id"_s});
    parser.addOption({u"all"_s, u"Include revoked keys (list)."_s});
    addInstanceOptions(parser);
    if (!parseOrFail(parser, u"api-key"_s, arguments))
        return 2;
    if (parser.isSet(u"help"_s) || action.isEmpty()) {
        (parser.isSet(u"help"_s) ? out(parser.helpText()) : err(parser.helpText()));
        return parser.isSet(u"help"_s) ? 0 : 2;
    }
    auto instance = Instance::open(instanceOptions(parser));
    if (!instance) {
        err(u"vingt api-key: %1"_s.arg(instance.error().message));
        return 1;
    }
    Workspace *workspace = parser.isSet(u"workspace"_s) ? (*instance)->workspace(parser.value(u"workspace"_s))
                                                        : (*instance)->defaultWorkspace();
    if (!workspace) {
        err(u"vingt api-key: workspace '%1' not found"_s.arg(parser.value(u"workspace"_s)));
        return 1;
    }
    ApiKeyService &keys = workspace->apiKeys();
    const Actor actor = Actor::system(); // the machine's owner: every permission

    if (action == "create"_L1) {
        if (parser.value(u"name"_s).trimmed().isEmpty()) {
            err(u"vingt api-key create: --name is required"_s);
            return 2;
        }
        QDateTime expiresAt = QDateTime::currentDateTimeUtc().addYears(100);
        if (parser.isSet(u"expires-at"_s)) {
            const auto parsed = clock::parseIso(parser.value(u"expires-at"_s));
            if (!parsed) {
                err(u"vingt api-key create: --expires-at '%1' is not an ISO 8601 date-time "
                    "(e.g. 2027-01-31T00:00:00Z)"_s.arg(parser.value(u"expires-at"_s)));
                return 2;
            }
            expiresAt = *parsed;
        }
        auto role = keys.roleIdByLabel(parser.value(u"role"_s));
        if (!role) {
            err(u"vingt api-key create: %1"_s.arg(role.error().message));
            return 1;
        }
        auto issued = keys.issue(actor, parser.value(u"name"_s), expiresAt, role.value());
        if (!issued) {
            err(u"vingt api-key create: %1"_s.arg(issued.error().message));
            return 1;
        }
        out(QString::fromLatin1(issued->token)); // shown once, stored nowhere
        return 0;
    }
    if (action == "list"_L1) {
        auto list = keys.list(actor, parser.isSet(u"all"_s));
        if (!list) {
            err(u"vingt api-key list: %1"_s.arg(list.error().message));
            return 1;
        }
        QString text;
        for (const ApiKey &key : *list) {
            text += u"%1\t%2\t%3\t%4\t%5\n"_s.arg(key.id, key.name, key.roleLabel, key.expiresAt, key.revokedAt);
        }
        if (!text.isEmpty())
            out(text);
        return 0;
    }
    if (action == "revoke"_L1) {
        const QString id = parser.positionalArguments().value(1);
        if (id.isEmpty()) {
            err(u"vingt api-key revoke: give the key id (see 'vingt api-key list')"_s);
            return 2;
        }
        auto revoked = keys.revoke(actor, id);
        if (!revoked) {
            err(u"vingt api-key revoke: %1"_s.arg(revoked.error().message));
            return 1;
        }
        out(u"revoked %1 at %2"_s.arg(revoked->id, revoked->revokedAt));
        return 0;
    }
    err(u"vingt api-key: unknown action '%1' (create, list or revoke)"_s.arg(action));
    return 2;
}

} // namespace vingt::cli
