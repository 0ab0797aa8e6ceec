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
    p.waitForFinished(120000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(), p.readAllStandardError()};
}

} // namespace bertlens::test
