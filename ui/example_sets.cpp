#include "example_sets.h"

#include <QCoreApplication>

namespace bertlens {

QList<ExampleSet> exampleSets()
{
    return {
        {QCoreApplication::translate("ExampleSets", "Polysemy: one word, two meanings (bank, 打)"),
         QString::fromUtf8("She deposited the money in the bank.\nWe sat on the bank of the river.\n"
                           "他每天晚上给妈妈打电话。\n我们周末去打篮球。"),
         {}},
        {QCoreApplication::translate("ExampleSets", "Agreement across distance (the keys … are)"),
         QString::fromUtf8("The keys to the old cabinet are on the table.\nThe key to the old cabinets is on the table.\n"
                           "The author of the books that the students like is famous.\n我昨天在图书馆借的那本书很有意思。"),
         {}},
        {QCoreApplication::translate("ExampleSets", "Coreference: who is \"it\", who is 他?"),
         QString::fromUtf8("The trophy did not fit in the suitcase because it was too big.\n"
                           "The trophy did not fit in the suitcase because it was too small.\n小明告诉小刚他明天会来。"),
         {}},
        {QCoreApplication::translate("ExampleSets", "Word order: who bit whom"),
         QString::fromUtf8("The dog bit the man.\nThe man bit the dog.\n猫在追狗。\n狗在追猫。"), {}},
        {QCoreApplication::translate("ExampleSets", "A sentence pair: [SEP] and segment ids"),
         QString::fromUtf8("How old are you?\n你叫什么名字？"), QString::fromUtf8("I am nine years old.\n我叫小明。")},
        {QCoreApplication::translate("ExampleSets", "Masked words: what does the model predict?"),
         QString::fromUtf8("The children walked to [MASK] in the morning.\nParis is the capital of [MASK].\n"
                           "今天天气很[MASK]，我们去公园散步。"),
         {}},
    };
}

} // namespace bertlens
