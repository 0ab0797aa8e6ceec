#pragma once

#include "io/safetensors.h"
#include "pipeline/sentence_input.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QTest>

#include <map>

#include <ATen/ATen.h>

namespace bertlens::test {

inline QString fixture(const QString &relative) { return QDir(BERTLENS_FIXTURES_DIR).filePath(relative); }
inline std::string fixturePath(const QString &relative) { return fixture(relative).toStdString(); }

// The real vocabularies; empty when ../shared/vocab is not on this machine.
inline QString sharedVocab(const QString &model)
{
    const QString path = QDir(BERTLENS_SHARED_DIR).filePath("vocab/" + model + "/vocab.txt");
    return QFile::exists(path) ? path : QString();
}

inline QJsonArray readJsonArray(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(path));
    return QJsonDocument::fromJson(f.readAll()).array();
}

// The sentences (and pairs) of the golden tensors, in their order.
inline std::vector<SentenceInput> goldenSentences()
{
    std::vector<SentenceInput> out;
    for (const auto &v : readJsonArray(fixture("golden_sentences.json"))) {
        const QJsonObject o = v.toObject();
        out.push_back({o["text"].toString().toStdString(), o["pair"].toString().toStdString(), !o["pair"].isNull()});
    }
    return out;
}

// A fixture file's tensors by name, as stored.
inline std::map<std::string, at::Tensor> tensorsOf(const std::string &path)
{
    std::map<std::string, at::Tensor> out;
    for (auto &[name, tensor] : readSafetensors(path))
        out[name] = tensor;
    return out;
}

// Tensors written by tests/fixtures/make_model_fixtures.py from its float64 reference.
inline at::Tensor goldenTensor(const std::string &name)
{
    static const auto golden = tensorsOf(fixturePath("golden.safetensors"));
    return golden.at(name);
}

inline double maxAbsDiff(const at::Tensor &a, const at::Tensor &b)
{
    if (a.sizes() != b.sizes())
        return std::numeric_limits<double>::infinity();
    return (a.to(at::kDouble) - b.to(at::kDouble)).abs().max().item<double>();
}

// The tiny model without its masked-language-model head (cls.*), as a plain BertModel checkpoint is.
inline void writeModelWithoutMlmHead(const QString &dir)
{
    const QDir source(fixture("models/tiny-safetensors"));
    for (const QString &file : {"config.json", "vocab.txt"})
        QFile::copy(source.filePath(file), QDir(dir).filePath(file));
    NamedTensors kept;
    for (const auto &[name, tensor] : readSafetensors(source.filePath("model.safetensors").toStdString()))
        if (name.rfind("cls.", 0) != 0)
            kept.emplace_back(name, tensor);
    writeSafetensors(QDir(dir).filePath("model.safetensors").toStdString(), kept);
}

// Two correct fp32 implementations differ by ~1e-5 per unit of activation.
constexpr double kTolerance = 1e-4;

} // namespace bertlens::test
