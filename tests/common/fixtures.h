#pragma once

#include "io/safetensors.h"
#include "model/weight_store.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QString>
#include <QTest>

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

// Tensors written by tests/fixtures/make_model_fixtures.py from its float64 reference.
inline const WeightStore &golden()
{
    static const WeightStore store = [] {
        WeightStore s;
        readSafetensors(fixturePath("golden.safetensors"), s);
        return s;
    }();
    return store;
}

inline at::Tensor goldenTensor(const std::string &name) { return golden().tensors().at(name); }

inline double maxAbsDiff(const at::Tensor &a, const at::Tensor &b)
{
    if (a.sizes() != b.sizes())
        return std::numeric_limits<double>::infinity();
    return (a.to(at::kDouble) - b.to(at::kDouble)).abs().max().item<double>();
}

// Two correct fp32 implementations differ by ~1e-5 per unit of activation.
constexpr double kTolerance = 1e-4;

} // namespace bertlens::test
