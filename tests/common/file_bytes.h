#pragma once
// A file's bytes for a test's comparison; empty when it cannot be read.

#include <QByteArray>
#include <QFile>
#include <QString>

namespace bertlens::test {

inline QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace bertlens::test
