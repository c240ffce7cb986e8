// End-to-end: the playground's "Copy as" snippets (backend/playground) are run as written against the real server:
// cURL through sh, Python `requests` through python3, JavaScript `fetch` through node (skipped per snippet when the
// runtime is missing), with the token in VINGT_API_KEY (DECISIONS "Playground"). Values with quotes, separators and
// non-ASCII text check the quoting of every language; the filter comes from the playground's filter writer.

#include "playground/requestsnippets.h"
#include "playground/restfilterwriter.h"
#include "support/httpclient.h"
#include "support/serverprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <memory>

using namespace vingt;
using namespace vingt::playground;
using namespace vingt::test;
using namespace Qt::StringLiterals;

namespace {

/// What a snippet printed: the status line, then the body.
struct SnippetRun {
    bool ran = false;
    int status = 0;
    QJsonObject body;
    QByteArray output;
};

} // namespace

class TestPlaygroundSnippets : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> m_server;
    QTemporaryDir m_dir;

    /// Runs a Python or JavaScript snippet (they print the status, then the body); `ran` is false without runtime.
    SnippetRun run(SnippetLanguage language, const SnippetRequest &request)
    {
        SnippetRun result;
        const QString code = snippet(request, language);
        QString program;
        QString file;
        if (language == SnippetLanguage::Python) {
            program = u"python3"_s;
            file = m_dir.filePath(u"snippet.py"_s);
        } else {
            program = u"node"_s;
            file = m_dir.filePath(u"snippet.mjs"_s);
        }
        if (QStandardPaths::findExecutable(program).isEmpty())
            return result;
        QFile out(file);
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return result;
        out.write(code.toUtf8());
        out.close();
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"VINGT_API_KEY"_s, m_server->token());
        process.setProcessEnvironment(env);
        process.start(program, {file});
        if (!process.waitForFinished(60000)) {
            process.kill();
            process.waitForFinished();
        }
        result.ran = true;
        result.output = process.readAllStandardOutput() + process.readAllStandardError();
        const qsizetype cut = result.output.indexOf('\n');
        result.status = result.output.left(cut).trimmed().toInt();
        result.body = QJsonDocument::fromJson(result.output.mid(cut + 1)).object();
        return result;
    }

    QString url(const QString &target) const
    {
        QString base = m_server->baseUrl().toString();
        if (base.endsWith(u'/'))
            base.chop(1);
        return base + target;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<ServerProcess>();
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    }

    void cleanupTestCase()
    {
        if (m_server)
            QCOMPARE(m_server->stop(), 0);
    }

    void createWithCurlThenFilterWithEveryLanguage()
    {
        const QString firstName = u"O'Brien \"Q\" Zürich 東京 😀 $HOME `x` \\n"_s;
        const QString city = u"Lyon, (France) %s"_s;
        SnippetRequest create;
        create.method = u"POST"_s;
        create.url = url(u"/rest/people"_s);
        create.headers = {{u"Content-Type"_s, u"application/json"_s}};
        create.body = QJsonDocument(
                          QJsonObject{{u"name"_s, QJsonObject{{u"firstName"_s, firstName}}}, {u"city"_s, city}})
                          .toJson(QJsonDocument::Compact);

        // cURL: the snippet plus `-w` so the test sees the status (the user's snippet prints the body).
        SnippetRequest curlCreate = create;
        SnippetRun made;
        {
            QString code = snippet(curlCreate, SnippetLanguage::Curl);
            QVERIFY(code.contains(u"$VINGT_API_KEY"_s));
            QVERIFY(!code.contains(m_server->token()));
            code.chop(1);
            code += u" \\\n  -w '\\n%{http_code}'\n"_s;
            QFile out(m_dir.filePath(u"create.sh"_s));
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(code.toUtf8());
            out.close();
            QProcess process;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(u"VINGT_API_KEY"_s, m_server->token());
            process.setProcessEnvironment(env);
            process.start(u"sh"_s, {out.fileName()});
            QVERIFY(process.waitForFinished(60000));
            const QByteArray output = process.readAllStandardOutput();
            const qsizetype cut = output.lastIndexOf('\n');
            QCOMPARE(output.mid(cut + 1).trimmed(), QByteArray("201"));
            made.body = QJsonDocument::fromJson(output.left(cut)).object();
        }
        const QJsonObject person = made.body.value(u"data"_s).toObject().value(u"createPerson"_s).toObject();
        QCOMPARE(person.value(u"name"_s).toObject().value(u"firstName"_s).toString(), firstName);
        QCOMPARE(person.value(u"city"_s).toString(), city);
        const QString id = person.value(u"id"_s).toString();
        QVERIFY(!id.isEmpty());

        // The filter the playground's builder writes, run by each language.
        auto filter = writeRestFilter(
            FilterNode::makeAnd({FilterNode::makeCondition(u"city"_s, {}, Comparator::Eq, city),
                                 FilterNode::makeCondition(u"name"_s, u"firstName"_s, Comparator::Eq, firstName)}));
        QVERIFY2(bool(filter), filter ? "" : qPrintable(filter.error().message));
        SnippetRequest list;
        list.url = url(u"/rest/people?filter="_s + QString::fromLatin1(QUrl::toPercentEncoding(*filter)));
        for (const SnippetLanguage language : {SnippetLanguage::Python, SnippetLanguage::JavaScript}) {
            const SnippetRun found = run(language, list);
            if (!found.ran) {
                qInfo("runtime for %d missing: not run", int(language));
                continue;
            }
            QVERIFY2(found.status == 200, found.output.constData());
            const QJsonArray people = found.body.value(u"data"_s).toObject().value(u"people"_s).toArray();
            QCOMPARE(people.size(), 1);
            QCOMPARE(people.first().toObject().value(u"id"_s).toString(), id);
        }

        // GraphQL through Python and JavaScript: a POST with a JSON body holding quotes and newlines.
        SnippetRequest graphql;
        graphql.method = u"POST"_s;
        graphql.url = url(u"/graphql"_s);
        graphql.headers = {{u"Content-Type"_s, u"application/json"_s}};
        graphql.body = QJsonDocument(QJsonObject{{u"query"_s, u"query Q($id: UUID!) {\n  person(filter: {id: {eq: "
                                                              u"$id}}) { city name { firstName } }\n}"_s},
                                                 {u"variables"_s, QJsonObject{{u"id"_s, id}}}})
                           .toJson(QJsonDocument::Compact);
        for (const SnippetLanguage language : {SnippetLanguage::Python, SnippetLanguage::JavaScript}) {
            const SnippetRun answered = run(language, graphql);
            if (!answered.ran)
                continue;
            QVERIFY2(answered.status == 200, answered.output.constData());
            const QJsonObject got = answered.body.value(u"data"_s).toObject().value(u"person"_s).toObject();
            QCOMPARE(got.value(u"city"_s).toString(), city);
            QCOMPARE(got.value(u"name"_s).toObject().value(u"firstName"_s).toString(), firstName);
        }

        // Without the variable the snippets do not authenticate: the token really comes from the environment.
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(u"VINGT_API_KEY"_s);
        process.setProcessEnvironment(env);
        QFile out(m_dir.filePath(u"noauth.sh"_s));
        QVERIFY(out.open(QIODevice::WriteOnly));
        QString code = snippet(list, SnippetLanguage::Curl);
        code.chop(1);
        out.write((code + u" -o /dev/null -w '%{http_code}'\n"_s).toUtf8());
        out.close();
        process.start(u"sh"_s, {out.fileName()});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.readAllStandardOutput().trimmed(),
                 QByteArray("403")); // §5.4 step 1: "Missing authentication token"
    }

    void cppSnippetIsQt()
    {
        SnippetRequest r;
        r.method = u"PATCH"_s;
        r.url = u"http://127.0.0.1:3000/rest/people/1"_s;
        r.body = "{\"city\":\"Zürich?\"}";
        const QString code = snippet(r, SnippetLanguage::CppQt);
        QVERIFY(code.contains(u"qgetenv(\"VINGT_API_KEY\")"_s));
        QVERIFY(code.contains(u"sendCustomRequest(request, \"PATCH\""_s));
        QVERIFY2(code.contains(u"Z\\303\\274rich\\?"_s), qPrintable(code)); // UTF-8 as octal escapes, no trigraph
    }
};

QTEST_GUILESS_MAIN(TestPlaygroundSnippets)
#include "tst_playground_snippets.moc"
