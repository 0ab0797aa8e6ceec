#include "analysis/probe/lesson_sets.h"

#include <QCoreApplication>
#include <QDir>

namespace bertlens {

std::vector<std::string> lessonSetPaths()
{
    const QStringList candidates = {QDir(QCoreApplication::applicationDirPath()).filePath("../share/bertlens/lessons"),
                                    QStringLiteral(BERTLENS_SOURCE_LESSONS_DIR)};
    for (const QString &dir : candidates) {
        const QStringList files = QDir(dir).entryList({"probe-*.tsv"}, QDir::Files, QDir::Name);
        if (files.isEmpty())
            continue;
        std::vector<std::string> paths;
        for (const QString &file : files)
            paths.push_back(QDir(dir).canonicalPath().toStdString() + "/" + file.toStdString());
        return paths;
    }
    return {};
}

} // namespace bertlens
