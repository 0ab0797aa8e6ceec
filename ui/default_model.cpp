#include "default_model.h"

#include "language.h"

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
    // The classroom's favourite: "bank" (and 行) in two senses; Chinese only in the Chinese UI.
    if (currentLanguage().startsWith("zh"))
        return QString::fromUtf8("今天天气很好，我们去公园散步。\n银行在河边。\n他在河边走了很久。\n我去银行存钱。");
    return QStringLiteral("The children walked to school in the morning.\n"
                          "She deposited the money in the bank.\n"
                          "We sat on the bank of the river.\n") +
           QString::fromUtf8("今天天气很好，我们去公园散步。\n银行在河边。\n他在河边走了很久。");
}

} // namespace bertlens
