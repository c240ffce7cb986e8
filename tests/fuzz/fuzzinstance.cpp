#include "fuzzinstance.h"

#include "fuzzing.h"

#include "core/json.h"
#include "rest/apihandler.h"
#include "server/request.h"
#include "services/actor.h"
#include "services/instance.h"
#include "services/workspace.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QTemporaryDir>

#include <memory>

namespace vingt::fuzz {

namespace {

[[noreturn]] void fail(const QString &what)
{
    std::fprintf(stderr, "fuzz instance: %s\n", qPrintable(what));
    std::abort();
}

struct FuzzInstance {
    std::unique_ptr<QCoreApplication> app;
    QTemporaryDir dir;
    std::unique_ptr<Instance> instance;
    std::unique_ptr<rest::ApiHandler> handler;
    QByteArray authorization;
    QByteArray personId;

    FuzzInstance()
    {
        static int argc = 1;
        static char name[] = "vingt-fuzz";
        static char *argv[] = {name, nullptr};
        if (!QCoreApplication::instance())
            app = std::make_unique<QCoreApplication>(argc, argv);
        if (!dir.isValid())
            fail(QStringLiteral("no temporary directory"));
        InstanceOptions options;
        options.dataDir = dir.path();
        options.settingOverrides = {QStringLiteral("rateLimit.shortLimit=1000000000"),
                                    QStringLiteral("rateLimit.longLimit=1000000000")};
        auto opened = Instance::open(options);
        if (!opened)
            fail(opened.error().message);
        instance = std::move(*opened);
        Workspace *workspace = instance->defaultWorkspace();
        auto role = workspace->apiKeys().roleIdByLabel(QStringLiteral("Admin"));
        if (!role)
            fail(role.error().message);
        auto key = workspace->apiKeys().issue(Actor::system(), QStringLiteral("fuzz"),
                                              QDateTime::currentDateTimeUtc().addYears(10), *role);
        if (!key)
            fail(key.error().message);
        authorization = "Bearer " + key->token;
        handler = std::make_unique<rest::ApiHandler>(*instance);
        seed();
    }

    // A company and a person working there, so that reads and relations return data.
    void seed()
    {
        const http::Response company = request(
            "POST", "/rest/companies",
            R"({"name":"Acme","domainName":{"primaryLinkUrl":"https://acme.example"},"employees":12})");
        const auto companyJson = json::parse(company.body);
        if (company.status != 201 || !companyJson)
            fail(QStringLiteral("seeding a company: %1").arg(QString::fromUtf8(company.body)));
        const QString companyId
            = companyJson->toObject()[u"data"].toObject()[u"createCompany"].toObject()[u"id"].toString();
        const http::Response person = request(
            "POST", "/rest/people",
            R"({"name":{"firstName":"Ada","lastName":"Lovelace"},"emails":{"primaryEmail":"ada@acme.example"},"city":"London","companyId":")"
                + companyId.toUtf8() + R"("})");
        const auto personJson = json::parse(person.body);
        if (person.status != 201 || !personJson)
            fail(QStringLiteral("seeding a person: %1").arg(QString::fromUtf8(person.body)));
        personId = personJson->toObject()[u"data"].toObject()[u"createPerson"].toObject()[u"id"].toString().toUtf8();
    }

    http::Response request(const QByteArray &method, const QByteArray &target, const QByteArray &body)
    {
        http::Request r;
        r.method = method;
        r.target = target;
        const qsizetype question = target.indexOf('?');
        r.path = question < 0 ? target : target.left(question);
        r.query = question < 0 ? QByteArray() : target.mid(question + 1);
        r.headers = {{"authorization", authorization}, {"content-type", "application/json"}};
        r.body = body;
        r.remoteAddress = QStringLiteral("127.0.0.1");
        if (auto early = handler->precheck(r))
            return *early;
        return handler->handle(r);
    }
};

FuzzInstance &fuzzInstance()
{
    static FuzzInstance instance;
    return instance;
}

} // namespace

http::Response request(const QByteArray &method, const QByteArray &target, const QByteArray &body)
{
    return fuzzInstance().request(method, target, body);
}

QByteArray seededPersonId()
{
    return fuzzInstance().personId;
}

} // namespace vingt::fuzz
