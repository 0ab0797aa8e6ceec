#include "default_model.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace bertlens {

QString defaultModelDir()
{
    const QStringList candidates = {
        QDir(QCoreApplication::applicationDirPath()).filePath("../share/bertlens/models/bertlens-mini"),
        QStringLiteral(BERTLENS_SOURCE_MODEL_DIR),
    };
    for (const QString &dir : candidates)
        if (QFileInfo::exists(QDir(dir).filePath("config.json")))
            return QDir(dir).canonicalPath();
    return {};
}

QString exampleSentences()
{
    return QStringLiteral("The cat sat on the mat.\n"
                          "A dog is a domestic animal that barks.\n"
                          "The bank of the river was covered with trees.\n"
                          "She deposited the money in the bank.\n") +
           QString::fromUtf8("显示帮助信息并退出。\n列出目录的内容。");
}

} // namespace bertlens
