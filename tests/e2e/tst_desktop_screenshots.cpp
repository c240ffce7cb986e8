// `vingt --page P --screenshot F.png` renders each page of the desktop app headless (QT_QPA_PLATFORM=offscreen,
// set by ctest) at 1280×800; the image must be a real rendering, not an empty window.
#include "support/serverprocess.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using vingt::test::ServerProcess;

class TestDesktopScreenshots : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("QT_QPA_PLATFORM", "offscreen");
        qunsetenv("DISPLAY");
        qunsetenv("WAYLAND_DISPLAY");
        // The app remembers window size, last page and server address with QSettings: keep them in the temp dir.
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(u"config"_s).toUtf8());
    }

    void page_data()
    {
        QTest::addColumn<QString>("page");
        for (const char *page : {"general", "api-keys", "api-key-created", "roles", "role-editor", "data-model",
                                 "object-fields", "add-field", "playground", "playground-graphql", "webhook"})
            QTest::newRow(page) << QString::fromLatin1(page);
    }

    void page()
    {
        QFETCH(QString, page);
        const QString file = m_dir.filePath(page + u".png"_s);
        const auto result = ServerProcess::runCli({u"--data-dir"_s, m_dir.filePath(u"data"_s), u"--port"_s, u"0"_s,
                                                   u"--page"_s, page, u"--screenshot"_s, file},
                                                  120000);
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        QVERIFY2(result.outText().startsWith(u"Listening on http://127.0.0.1:"_s), qPrintable(result.describe()));
        const QImage image(file);
        QVERIFY2(!image.isNull(), qPrintable(file));
        QCOMPARE(image.size(), QSize(1280, 800));
        // Not blank: a rendered page has text and borders, hence many colours (antialiasing), in both halves.
        for (const QRect half : {QRect(0, 0, 220, 800), QRect(221, 0, 1059, 800)}) {
            QSet<QRgb> colours;
            for (int y = half.top(); y <= half.bottom(); y += 2) {
                for (int x = half.left(); x <= half.right(); x += 2)
                    colours.insert(image.pixel(x, y));
            }
            QVERIFY2(
                colours.size() > 20,
                qPrintable(
                    u"%1: only %2 colours in %3,%4"_s.arg(page).arg(colours.size()).arg(half.x()).arg(half.width())));
        }
    }

    void savedUrlThatDoesNotOpenFallsBackToTheDataDirectory()
    {
        // General → Storage saved a PostgreSQL URL that no longer opens (nothing listens on port 1): the app still
        // starts, on the default data directory, says why on stderr, and the General page shows it.
        const QString configDir = m_dir.filePath(u"config/vingt"_s);
        QVERIFY(QDir().mkpath(configDir));
        QFile conf(configDir + u"/vingt.conf"_s);
        QVERIFY(conf.open(QIODevice::WriteOnly));
        conf.write("[storage]\ndatabaseUrl=postgresql://vingt:s3cret@127.0.0.1:1/crm\n");
        conf.close();
        qputenv("XDG_DATA_HOME", m_dir.filePath(u"xdg-data"_s).toUtf8()); // the default data directory, in the temp dir
        const QString file = m_dir.filePath(u"fallback.png"_s);
        const auto result = ServerProcess::runCli(
            {u"--port"_s, u"0"_s, u"--page"_s, u"general"_s, u"--screenshot"_s, file}, 120000);
        QFile::remove(conf.fileName()); // the other runs name their data directory; keep them free of it anyway
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        QVERIFY2(result.errText().contains(u"the saved PostgreSQL URL does not open"_s)
                     && result.errText().contains(u"127.0.0.1:1"_s)
                     && result.errText().contains(u"using the data directory"_s),
                 qPrintable(result.describe()));
        QVERIFY2(!result.errText().contains(u"s3cret"_s), qPrintable(result.describe()));
        QVERIFY(QFile::exists(m_dir.filePath(u"xdg-data/vingt/instance.db"_s)));
        QVERIFY(!QImage(file).isNull());
    }

    void underXvfb()
    {
        // The same screenshot on a real X server (Xvfb, installed by packaging/install-deps.sh), xcb platform plugin.
        const QString xvfbRun = QStandardPaths::findExecutable(u"xvfb-run"_s);
        if (xvfbRun.isEmpty())
            QSKIP("xvfb-run is not installed");
        const QString file = m_dir.filePath(u"xvfb-roles.png"_s);
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(u"QT_QPA_PLATFORM"_s);
        // Sanitized build: on X the xcb plugin brings libxkbcommon-x11, which passes strndup() a buffer that is not
        // NUL-terminated (legal: it reads at most n bytes; strict_string_checks reports it), and libdbus/fontconfig
        // allocations kept until exit. Neither is Vingt code, and the same page is leak-checked offscreen above.
        if (env.contains(u"ASAN_OPTIONS"_s)) {
            env.insert(u"ASAN_OPTIONS"_s, env.value(u"ASAN_OPTIONS"_s) + u":strict_string_checks=0:detect_leaks=0"_s);
        }
        process.setProcessEnvironment(env);
        process.start(xvfbRun, {u"-a"_s, u"-s"_s, u"-screen 0 1280x800x24"_s, ServerProcess::binaryPath(),
                                u"--data-dir"_s, m_dir.filePath(u"data-xvfb"_s), u"--port"_s, u"0"_s, u"--page"_s,
                                u"roles"_s, u"--screenshot"_s, file});
        QVERIFY2(process.waitForFinished(120000), "xvfb-run did not finish in 120 s");
        const QString output = QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
        QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0, qPrintable(output));
        const QImage image(file);
        QVERIFY2(!image.isNull(), qPrintable(output));
        QCOMPARE(image.size(), QSize(1280, 800));
    }

    void gui_needs_display_or_screenshot()
    {
        // Without a display and without --screenshot, `vingt` with options only is the headless server: it answers
        // --help with the serve usage. (Starting it would block; the e2e CLI tests cover serving.)
        const auto result = ServerProcess::runCli({u"--help"_s});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.outText().contains(u"--screenshot"_s));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestDesktopScreenshots)
#include "tst_desktop_screenshots.moc"
