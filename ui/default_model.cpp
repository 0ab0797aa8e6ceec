#include "default_model.h"

#include "language.h"
#include "model/bundled_model.h"

#include <QString>

namespace bertlens {

QString defaultModelDir() { return QString::fromStdString(bundledModelDir()); }

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
