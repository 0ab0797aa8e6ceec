#pragma once
// Runs bertlens-cli (BERTLENS_CLI) as a user's shell would, for the CLI's contract tests.

#include <QByteArray>
#include <QProcess>
#include <QStringList>

namespace bertlens::test {

struct Run {
    int status = -1; // -1: it crashed or hung
    QByteArray out;
    QByteArray err;
};

inline Run cli(const QStringList &args, const QByteArray &stdinData = {})
{
    QProcess p;
    p.start(BERTLENS_CLI, args);
    p.write(stdinData);
    p.closeWriteChannel();
    if (!p.waitForFinished(240000)) { // a hang is a failure, never the exit code 0 of a process still running
        p.kill();
        p.waitForFinished();
        return {-1, p.readAllStandardOutput(), p.readAllStandardError() + "\n(killed: still running after 240 s)"};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(), p.readAllStandardError()};
}

} // namespace bertlens::test
