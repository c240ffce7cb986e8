#include "cli/cli.h"
#include "cli/options.h"
#include "core/logging.h"
#include "server/localserver.h"
#include "services/instance.h"

#include <csignal>
#include <pthread.h>

namespace vingt::cli {

using namespace Qt::StringLiterals;

int serve(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Run the Twenty-compatible API server headless."_s);
    parser.addOption({u"host"_s, u"Address to bind (default 127.0.0.1)."_s, u"address"_s, u"127.0.0.1"_s});
    parser.addOption({u"port"_s, u"Port (default 3000; 0 picks a free one)."_s, u"port"_s, u"3000"_s});
    parser.addOption({u"threads"_s, u"I/O threads (default 2 x cores)."_s, u"n"_s, u"0"_s});
    parser.addOption({u"setting"_s,
                      u"Override an instance setting for this run (repeatable), e.g. "
                      "rateLimit.longLimit=1000."_s,
                      u"key=value"_s});
    addInstanceOptions(parser);
    if (!parseOrFail(parser, u"serve"_s, arguments))
        return 2;
    if (parser.isSet(u"help"_s)) {
        out(parser.helpText());
        return 0;
    }
    if (!parser.positionalArguments().isEmpty()) {
        err(u"vingt serve: unexpected argument '%1'"_s.arg(parser.positionalArguments().first()));
        return 2;
    }
    bool portOk = false;
    const uint port = parser.value(u"port"_s).toUInt(&portOk);
    if (!portOk || port > 65535) {
        err(u"vingt serve: --port must be a number from 0 to 65535, got '%1'"_s.arg(parser.value(u"port"_s)));
        return 2;
    }
    bool threadsOk = false;
    const int threads = parser.value(u"threads"_s).toInt(&threadsOk);
    if (!threadsOk || threads < 0 || threads > 256) {
        err(u"vingt serve: --threads must be a number from 0 to 256, got '%1'"_s.arg(parser.value(u"threads"_s)));
        return 2;
    }

    // Block SIGINT/SIGTERM before any thread starts, so every thread inherits the mask and main waits for them.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    InstanceOptions options = instanceOptions(parser);
    options.settingOverrides = parser.values(u"setting"_s);
    auto instance = Instance::open(options);
    if (!instance) {
        err(u"vingt serve: %1"_s.arg(instance.error().message));
        return 1;
    }

    LocalServer server(**instance);
    http::ServerConfig config;
    config.host = parser.value(u"host"_s);
    config.port = quint16(port);
    config.threads = threads;
    auto started = server.start(config);
    if (!started) {
        err(u"vingt serve: %1"_s.arg(started.error().message));
        return 1;
    }
    out(u"Listening on %1"_s.arg(server.url()));
    if (!LocalServer::isLoopback(server.host()))
        err(u"Warning: listening on %1, which other machines may reach. Use --host 127.0.0.1 to stay local."_s.arg(
            server.host()));
    qCInfo(lcHttp).noquote() << ((*instance)->isPostgres() ? "database" : "data directory") << (*instance)->dataDir();
    (*instance)->startBackgroundWork(); // webhook deliveries, off the request path

    int received = 0;
    sigwait(&signals, &received);
    qCInfo(lcHttp) << "signal" << received << "received, stopping";
    server.stop(); // in-flight requests finish and are answered
    return 0;
}

} // namespace vingt::cli
