// vingt-seed: creates N companies (and K people per company) on a running Vingt server through
// POST /rest/batch/{companies,people}, over C concurrent keep-alive connections. See bench/README.md.
//
// One QNetworkAccessManager per connection, each with at most one request in flight, so each manager keeps
// exactly one TCP connection open (Qt 6.4 caps a manager at 6 connections per host; DECISIONS "Desktop app").

#include "generator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTextStream>
#include <QTimer>
#include <QUrl>

#include <cstdio>
#include <memory>
#include <vector>

namespace {

using namespace Qt::StringLiterals;
using namespace vingt::seed;

constexpr int kMaxBatch = 60; // API-CONTRACT §8: api.batchMaxRecords

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

struct Options {
    QUrl url;
    QByteArray token;
    quint64 companies = 0;
    quint64 peoplePerCompany = 0;
    quint64 opportunities = 0;
    quint64 offset = 0;
    quint64 seed = 42;
    int connections = 8;
    int batchSize = kMaxBatch;
    int timeoutSeconds = 120;
    bool quiet = false;
};

class Seeder : public QObject
{
public:
    explicit Seeder(const Options &options) : m_options(options)
    {
        for (int i = 0; i < options.connections; ++i) {
            auto manager = std::make_unique<QNetworkAccessManager>();
            manager->setAutoDeleteReplies(true);
            m_managers.push_back(std::move(manager));
        }
        m_progress.setInterval(5000);
        QObject::connect(&m_progress, &QTimer::timeout, this, [this] { reportProgress(); });
    }

    void start()
    {
        m_total.start();
        m_progress.start();
        m_phases = {Phase{"companies", m_options.companies, 0, 0, 0, 0},
                    Phase{"people", m_options.companies * m_options.peoplePerCompany, 0, 0, 0, 0},
                    Phase{"opportunities", m_options.opportunities, 0, 0, 0, 0}};
        nextPhase();
    }

private:
    struct Phase {
        const char *name;
        quint64 records;
        quint64 nextRecord; // first record of the next batch to send (relative to the phase)
        quint64 doneRecords;
        qint64 elapsedMs;
        int inFlight;
    };

    void nextPhase()
    {
        while (m_phase < m_phases.size() && m_phases[m_phase].records == 0)
            ++m_phase;
        if (m_phase >= m_phases.size()) {
            finish();
            return;
        }
        m_phaseTimer.start();
        for (std::size_t c = 0; c < m_managers.size(); ++c)
            issue(c);
    }

    QByteArray body(quint64 first, quint64 count) const
    {
        QByteArray json;
        json.reserve(qsizetype(count) * 900);
        json += '[';
        for (quint64 i = 0; i < count; ++i) {
            if (i > 0)
                json += ',';
            if (m_phase == 0) {
                appendCompany(json, m_options.seed, m_options.offset + first + i);
            } else if (m_phase == 2) {
                appendOpportunity(json, m_options.seed, first + i);
            } else {
                // People are numbered globally: company c owns people c*K .. c*K+K-1.
                const quint64 person = m_options.offset * m_options.peoplePerCompany + first + i;
                appendPerson(json, m_options.seed, person / m_options.peoplePerCompany, person);
            }
        }
        json += ']';
        return json;
    }

    void issue(std::size_t connection)
    {
        Phase &phase = m_phases[m_phase];
        if (m_failed || phase.nextRecord >= phase.records)
            return;
        const quint64 first = phase.nextRecord;
        const quint64 count = qMin<quint64>(quint64(m_options.batchSize), phase.records - first);
        phase.nextRecord += count;
        ++phase.inFlight;

        QUrl url = m_options.url;
        url.setPath(url.path().chopped(url.path().endsWith(u'/') ? 1 : 0) + "/rest/batch/"_L1
                    + QLatin1StringView(phase.name));
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
        request.setRawHeader("Authorization", "Bearer " + m_options.token);
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        request.setTransferTimeout(m_options.timeoutSeconds * 1000);
        QNetworkReply *reply = m_managers[connection]->post(request, body(first, count));
        QObject::connect(reply, &QNetworkReply::finished, this,
                         [this, reply, connection, count] { onFinished(reply, connection, count); });
    }

    void onFinished(QNetworkReply *reply, std::size_t connection, quint64 count)
    {
        Phase &phase = m_phases[m_phase];
        --phase.inFlight;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() != QNetworkReply::NoError && status == 0) {
            fail(u"%1: network error: %2"_s.arg(QLatin1StringView(phase.name), reply->errorString()));
        } else if (status != 201) {
            fail(u"%1: HTTP %2: %3"_s.arg(QLatin1StringView(phase.name))
                     .arg(status)
                     .arg(QString::fromUtf8(reply->readAll().left(600))));
        } else {
            phase.doneRecords += count;
            m_doneRecords += count;
        }
        if (m_failed) {
            if (phase.inFlight == 0)
                QCoreApplication::exit(1);
            return;
        }
        if (phase.nextRecord < phase.records) {
            issue(connection);
        } else if (phase.inFlight == 0) {
            phase.elapsedMs = m_phaseTimer.elapsed();
            ++m_phase;
            nextPhase();
        }
    }

    void fail(const QString &message)
    {
        if (!m_failed)
            err() << "vingt-seed: " << message << Qt::endl;
        m_failed = true;
    }

    void reportProgress()
    {
        if (m_options.quiet || m_phase >= m_phases.size())
            return;
        const Phase &phase = m_phases[m_phase];
        const double seconds = double(m_phaseTimer.elapsed()) / 1000.0;
        err() << "vingt-seed: " << phase.name << ' ' << phase.doneRecords << '/' << phase.records << " after "
              << QString::number(seconds, 'f', 1) << " s ("
              << QString::number(seconds > 0 ? double(phase.doneRecords) / seconds : 0.0, 'f', 0) << " records/s)"
              << Qt::endl;
    }

    static QString rate(quint64 records, qint64 ms)
    {
        const double seconds = double(qMax<qint64>(ms, 1)) / 1000.0;
        return u"%1 records in %2 s (%3 records/s)"_s.arg(records).arg(
            QString::number(seconds, 'f', 2), QString::number(double(records) / seconds, 'f', 0));
    }

    void finish()
    {
        m_progress.stop();
        const qint64 totalMs = m_total.elapsed();
        out() << "first-company-id: " << companyId(m_options.seed, m_options.offset) << '\n';
        for (const Phase &phase : m_phases) {
            if (phase.records > 0)
                out() << phase.name << ": " << rate(phase.doneRecords, phase.elapsedMs) << '\n';
        }
        out() << "total: " << rate(m_doneRecords, totalMs) << " over " << m_managers.size() << " connections"
              << Qt::endl;
        QCoreApplication::exit(0);
    }

    Options m_options;
    std::vector<std::unique_ptr<QNetworkAccessManager>> m_managers;
    std::vector<Phase> m_phases;
    std::size_t m_phase = 0;
    quint64 m_doneRecords = 0;
    bool m_failed = false;
    QElapsedTimer m_total;
    QElapsedTimer m_phaseTimer;
    QTimer m_progress;
};

bool parseCount(const QCommandLineParser &parser, const QString &name, quint64 min, quint64 max, quint64 &value)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const quint64 parsed = parser.value(name).toULongLong(&ok);
    if (!ok || parsed < min || parsed > max) {
        err() << "vingt-seed: --" << name << " must be a number from " << min << " to " << max << ", got '"
              << parser.value(name) << "'" << Qt::endl;
        return false;
    }
    value = parsed;
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"vingt-seed"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Creates deterministic companies and people on a running Vingt server through the batch API.\n"
        "Company i is named \"Company NNNNNNN\" (unique, uniform digits: the name range [\"Company 01\", \"Company "
        "02\")"
        " holds 1% of the rows)."_s);
    parser.addHelpOption();
    parser.addOption({u"url"_s, u"Server base URL, e.g. http://127.0.0.1:3000."_s, u"url"_s});
    parser.addOption({u"token"_s, u"API key token (default: $VINGT_TOKEN)."_s, u"token"_s});
    parser.addOption({u"companies"_s, u"Number of companies to create."_s, u"n"_s});
    parser.addOption({u"people-per-company"_s, u"People per company (default 0)."_s, u"k"_s, u"0"_s});
    parser.addOption({u"opportunities"_s, u"Opportunities to create, without relations (default 0)."_s, u"n"_s,
                      u"0"_s});
    parser.addOption({u"connections"_s, u"Concurrent keep-alive connections (default 8)."_s, u"c"_s, u"8"_s});
    parser.addOption({u"seed"_s, u"Seed of the generated values (default 42)."_s, u"s"_s, u"42"_s});
    parser.addOption(
        {u"offset"_s, u"Index of the first company, to extend an earlier run (default 0)."_s, u"i"_s, u"0"_s});
    parser.addOption({u"batch-size"_s, u"Records per request, 1..60 (default 60)."_s, u"b"_s, u"60"_s});
    parser.addOption({u"timeout"_s, u"Per-request timeout in seconds (default 120)."_s, u"s"_s, u"120"_s});
    parser.addOption({u"print-company-id"_s, u"Print the id of company INDEX and exit (no network)."_s, u"index"_s});
    parser.addOption({u"quiet"_s, u"No progress lines on stderr."_s});
    parser.process(app);

    Options options;
    quint64 connections = 8;
    quint64 batchSize = kMaxBatch;
    quint64 timeout = 120;
    if (!parseCount(parser, u"seed"_s, 0, ~quint64(0), options.seed))
        return 2;
    if (parser.isSet(u"print-company-id"_s)) {
        quint64 index = 0;
        if (!parseCount(parser, u"print-company-id"_s, 0, kNameSpace - 1, index))
            return 2;
        out() << companyId(options.seed, index) << Qt::endl;
        return 0;
    }
    if (!parser.isSet(u"url"_s) || !parser.isSet(u"companies"_s)) {
        err() << "vingt-seed: --url and --companies are required (see --help)" << Qt::endl;
        return 2;
    }
    if (!parseCount(parser, u"companies"_s, 0, kNameSpace, options.companies)
        || !parseCount(parser, u"people-per-company"_s, 0, 1000, options.peoplePerCompany)
        || !parseCount(parser, u"opportunities"_s, 0, kNameSpace, options.opportunities)
        || !parseCount(parser, u"offset"_s, 0, kNameSpace, options.offset)
        || !parseCount(parser, u"connections"_s, 1, 256, connections)
        || !parseCount(parser, u"batch-size"_s, 1, kMaxBatch, batchSize)
        || !parseCount(parser, u"timeout"_s, 1, 3600, timeout))
        return 2;
    if (options.offset + options.companies > kNameSpace) {
        err() << "vingt-seed: --offset + --companies must stay within " << kNameSpace
              << " (names and domains would repeat)" << Qt::endl;
        return 2;
    }
    options.connections = int(connections);
    options.batchSize = int(batchSize);
    options.timeoutSeconds = int(timeout);
    options.quiet = parser.isSet(u"quiet"_s);
    options.url = QUrl(parser.value(u"url"_s));
    if (!options.url.isValid() || options.url.scheme() != "http"_L1 || options.url.host().isEmpty()) {
        err() << "vingt-seed: --url must be an http:// URL, got '" << parser.value(u"url"_s) << "'" << Qt::endl;
        return 2;
    }
    options.token = parser.isSet(u"token"_s) ? parser.value(u"token"_s).toUtf8() : qgetenv("VINGT_TOKEN");
    if (options.token.isEmpty()) {
        err() << "vingt-seed: no token: pass --token or set VINGT_TOKEN" << Qt::endl;
        return 2;
    }

    Seeder seeder(options);
    QTimer::singleShot(0, &seeder, [&seeder] { seeder.start(); });
    return QCoreApplication::exec();
}
