#pragma once

#include "analysis/view_data.h"
#include "model/knockout.h"

#include <QByteArray>
#include <QString>

namespace bertlens {

// What File → Save session keeps: enough to bring the window back as it was. The .bertlens file
// is JSON (format in README.md, "Sessions"); `version` grows when a field changes meaning.
struct SessionState {
    static constexpr int kVersion = 1;
    QString model;        // a folder or a Hugging Face model id
    QString compareModel; // the second model of File → Compare with…, or empty
    QString corpus;       // the corpus of File → Open corpus…, or empty
    QString sentences;    // the input, one sentence per line
    QString pairs;        // the second texts of pairs, one per line; empty without pairs
    ViewSelection selection;
    int compareLayer = -1; // the second model's layer (−1: the same as the first's)
    int tab = 0;
    int walkthroughStep = 0;
    Knockout knockout;           // written as the CLI takes it: "knock_out_heads": "2:1, 3:4"
    QString explainMethod;       // the Explain tab's: occlusion, gradient, integrated-gradients
    QString explainTarget;       // mask or similarity
};

QByteArray writeSession(const SessionState &state);
// A usage error names the file and what is wrong with it (not JSON, another format, a newer
// version, a field of the wrong type); unknown fields are ignored, missing ones keep defaults.
SessionState readSession(const QByteArray &json, const QString &path);

} // namespace bertlens
