#include "model/bundled_model.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace bertlens {

std::string bundledModelDir()
{
    const QStringList candidates = {
        QDir(QCoreApplication::applicationDirPath()).filePath("../share/bertlens/models/bertlens-mini"),
        QStringLiteral(BERTLENS_SOURCE_MODEL_DIR),
    };
    for (const QString &dir : candidates)
        if (QFileInfo::exists(QDir(dir).filePath("config.json")))
            return QDir(dir).canonicalPath().toStdString();
    return {};
}

} // namespace bertlens
