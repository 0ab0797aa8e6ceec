// Probing by layer against scikit-learn: the lesson sets through BertLens Mini, every layer's
// probe and control accuracies per fold as probe_golden.json has them (make_probe_fixture.py fits
// scikit-learn's StandardScaler + LogisticRegression on the vectors `bertlens-cli embed` exports,
// with the folds and shuffles written again there) — agreeing within 1 point (they agree exactly
// today); the solver's optimum checked by its gradient; bad sets refused with what is wrong.
#include "fixtures.h"

#include "analysis/probe/labelled_inputs.h"
#include "analysis/probe/layer_probe.h"
#include "analysis/probe/logistic_regression.h"
#include "export/probe_csv.h"
#include "model/bundled_model.h"
#include "model/loaded_model.h"

#include <QTemporaryDir>
#include <QtTest>

#include <ATen/ATen.h>

using namespace bertlens;

namespace {

QString lesson(const QString &name) { return QDir(BERTLENS_SOURCE_DIR "/resources/lessons").filePath(name); }

std::string writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    QFile f(dir.filePath(name));
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(name));
    return dir.filePath(name).toStdString();
}

void expectInputError(const std::function<void()> &run, const QString &needle)
{
    try {
        run();
        QFAIL(qPrintable("no error; expected one containing: " + needle));
    } catch (const Error &e) {
        QVERIFY2(QString::fromStdString(e.what()).contains(needle), e.what());
    }
}

} // namespace

class TestProbe : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void lessonSetsProbeAsScikitLearn()
    {
        const auto model = LoadedModel::load(bundledModelDir());
        const QJsonObject golden = QJsonDocument::fromJson([] {
                                       QFile f(test::fixture("probe_golden.json"));
                                       f.open(QIODevice::ReadOnly);
                                       return f.readAll();
                                   }())
                                       .object();
        QCOMPARE(golden.size(), 2);
        for (const QString &name : golden.keys()) {
            const auto examples = readLabelledInputs(lesson(name).toStdString());
            QCOMPARE(int(examples.size()), 80);
            const ProbeResult result = probeLayers(*model, examples, ProbeOptions());
            const QJsonArray layers = golden[name].toArray();
            QCOMPARE(int(result.layers.size()), layers.size());
            QCOMPARE(result.majority, 0.5);
            for (int l = 0; l < layers.size(); ++l) {
                const QJsonObject expected = layers[l].toObject();
                for (const char *field : {"accuracy", "control"}) {
                    const auto &ours = std::string(field) == "accuracy" ? result.layers[size_t(l)].accuracy : result.layers[size_t(l)].control;
                    const QJsonArray theirs = expected[field].toArray();
                    double mean = 0;
                    for (int f = 0; f < theirs.size(); ++f)
                        mean += theirs[f].toDouble() / theirs.size();
                    QVERIFY2(std::abs(LayerProbe::mean(ours) - mean) <= 0.01,
                             qPrintable(QString("%1 layer %2 %3: %4 vs scikit-learn %5").arg(name).arg(l).arg(field).arg(LayerProbe::mean(ours)).arg(mean)));
                }
            }
            // What a teacher shows: the embeddings (a bag of words here) near chance, a later layer
            // far above its control.
            QVERIFY(LayerProbe::mean(result.layers[0].accuracy) < 0.65);
            double best = 0;
            for (const LayerProbe &p : result.layers)
                best = std::max(best, LayerProbe::mean(p.accuracy) - LayerProbe::mean(p.control));
            QVERIFY(best > 0.3);
        }
    }

    void theSolverReachesTheOptimum()
    {
        at::manual_seed(1);
        const at::Tensor x = at::randn({60, 4}, at::kDouble);
        std::vector<int> labels;
        for (int i = 0; i < 60; ++i)
            labels.push_back((x[i][0].item<double>() + 0.5 * x[i][1].item<double>() > 0 ? 1 : 0) + (x[i][2].item<double>() > 1 ? 1 : 0));
        LogisticRegression model;
        model.fit(x, labels, 3, 0.5);
        QVERIFY(model.converged());
        // The optimum of Σ −log p(y) + ‖W‖²/(2C) found here by plain gradient descent, run until
        // its gradient vanishes: the fitted model predicts as it does.
        const at::Tensor z = (x - x.mean(0)) / x.std(0, false);
        const at::Tensor a = at::cat({z, at::ones({60, 1}, at::kDouble)}, 1);
        at::Tensor target = at::zeros({60, 3}, at::kDouble);
        for (int i = 0; i < 60; ++i)
            target[i][labels[size_t(i)]] = 1;
        at::Tensor w = at::zeros({5, 3}, at::kDouble), mask = at::ones({5, 1}, at::kDouble);
        mask[4] = 0;
        for (int it = 0; it < 200000; ++it) {
            const at::Tensor p = at::softmax(at::mm(a, w), 1);
            const at::Tensor g = at::mm(a.t(), p - target) + mask * w / 0.5;
            if (g.abs().max().item<double>() < 1e-9)
                break;
            w -= 0.01 * g;
        }
        const at::Tensor expected = at::mm(a, w).argmax(1);
        const std::vector<int> predicted = model.predict(x);
        for (int i = 0; i < 60; ++i)
            QCOMPARE(predicted[size_t(i)], int(expected[i].item<int64_t>()));
    }

    void badSetsAreRefusedByLine()
    {
        QTemporaryDir dir;
        expectInputError([&] { readLabelledInputs(writeFile(dir, "a.tsv", "a cat\tanimal\nno label here\n")); }, "line 2 has 0 TABs");
        expectInputError([&] { readLabelledInputs(writeFile(dir, "b.tsv", "a\tx\nb\tc\ty\n")); }, "line 2 has 3 columns");
        expectInputError([&] { readLabelledInputs(writeFile(dir, "c.tsv", "a\t \n")); }, "line 1 has an empty label");
        expectInputError([&] { readLabelledInputs(writeFile(dir, "d.tsv", "a\tx\n\xff\tx\n")); }, "line 2 is not valid UTF-8");
        const auto pairs = readLabelledInputs(writeFile(dir, "e.tsv", "# comment\n\nthe cat\ta cat\tsame\n"));
        QCOMPARE(int(pairs.size()), 1);
        QVERIFY(pairs[0].input.hasPair);
        QCOMPARE(pairs[0].input.pair, std::string("a cat"));
        QCOMPARE(pairs[0].label, std::string("same"));
        QCOMPARE(pairs[0].line, 2ll);
        const at::Tensor vectors = at::randn({12, 2, 3});
        expectInputError([&] { probeVectors(vectors, std::vector<std::string>(12, "x"), ProbeOptions()); }, "at least two labels");
        std::vector<std::string> labels(12, "x");
        labels[0] = labels[1] = "rare";
        expectInputError([&] { probeVectors(vectors, labels, ProbeOptions()); }, "the label \"rare\" has 2 lines");
    }

    void foldsAndCsv()
    {
        QCOMPARE(probeFolds({0, 0, 1, 0, 1, 1, 0}, 2, 2), (std::vector<int>{0, 1, 0, 0, 1, 0, 1}));
        ProbeResult result;
        result.folds = 2;
        result.majority = 0.5;
        result.layers.push_back({0, {0.5, 1.0}, {0.25, 0.75}});
        QCOMPARE(QString::fromStdString(probeCsv(result)),
                 QString("layer,accuracy,accuracy_sd,control,control_sd,selectivity,majority,fold_1,fold_2,control_1,control_2\n"
                         "0,0.750000,0.250000,0.500000,0.250000,0.250000,0.500000,0.500000,1.000000,0.250000,0.750000\n"));
    }
};

QTEST_GUILESS_MAIN(TestProbe)
#include "test_probe.moc"
