#pragma once

#include <QList>
#include <QString>

namespace bertlens {

// A lesson's worth of sentences: what BERT does with meaning in context, in English and Chinese.
struct ExampleSet {
    QString title;     // in the UI language
    QString sentences; // one per line
    QString pairs;     // second texts, line by line; empty unless the set is about pairs
};

// The built-in sets, in the order of the Examples menu: polysemy, agreement across distance,
// coreference, word order, a sentence pair ([SEP] and segment ids), masked words.
QList<ExampleSet> exampleSets();

} // namespace bertlens
