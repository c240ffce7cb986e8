#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <cstdio>

namespace vingt::test {

/// Runs a program, echoing its output; answers its exit code, or -1 when it could not run, crashed or timed out.
/// Header-only: used by the tests that drive node scripts, unit and end-to-end alike.
inline int runProcess(const QString &program, const QStringList &arguments, const QProcessEnvironment &environment,
                      int timeoutMs)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForStarted(10000))
        return -1;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        std::printf("%s timed out\n", qPrintable(program));
        return -1;
    }
    std::fputs(process.readAll().constData(), stdout);
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

} // namespace vingt::test
