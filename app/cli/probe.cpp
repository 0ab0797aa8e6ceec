// bertlens-cli probe: which layer knows the labels of a labelled set (format in README.md). The
// figures go to --output as CSV; a table of them to standard output.
#include "commands.h"

#include "options.h"
#include "progress_reporter.h"

#include "analysis/probe/layer_probe.h"
#include "export/probe_csv.h"
#include "model/loaded_model.h"

#include <QCommandLineParser>

#include <cstdio>

namespace bertlens::cli {

namespace {

const QCommandLineOption kLabelled("input", "labelled lines: TEXT<TAB>LABEL, or TEXT<TAB>TEXT_B<TAB>LABEL for pairs", "FILE");
const QCommandLineOption kProbePooling("pooling", "mean, cls, max or mean_sqrt_len: how a line's tokens become its vector", "POOLING", "mean");
const QCommandLineOption kFolds("folds", "cross-validation folds (each label needs at least this many lines)", "K", "5");
const QCommandLineOption kInverseRegularisation("c", "the probe's inverse L2 penalty, as scikit-learn's C", "C", "1");

} // namespace

int probe(const QStringList &args)
{
    QCommandLineParser parser;
    parse(parser, args, {kModel, kLabelled, kOutput, kProbePooling, kFolds, kInverseRegularisation, kThreads, kPrecision});
    if (!parser.positionalArguments().isEmpty())
        throw usage("probe: unexpected argument '" + parser.positionalArguments().front().toStdString() + "'");
    const std::string input = required(parser, kLabelled, "probe");
    const std::string output = checkedOutput(parser, "probe");
    ProbeOptions options;
    options.pooling = parsePooling(parser.value(kProbePooling).toStdString());
    if (options.pooling == Pooling::None)
        throw usage("probe: --pooling none gives no line vector; use mean, cls, max or mean_sqrt_len");
    options.folds = intBetween(parser, kFolds, 2, 100);
    bool ok = false;
    options.c = parser.value(kInverseRegularisation).toDouble(&ok);
    if (!ok || !(options.c > 0))
        throw usage("probe: --c must be a positive number (got '" + parser.value(kInverseRegularisation).toStdString() + "')");
    applyThreads(parser);
    const std::vector<LabelledInput> examples = readLabelledInputs(input);
    const auto model = loadModel(parser, args[0]);
    ProgressReporter reporter;
    options.progress = [&](long long done, long long total) { reporter.update(done, total); };
    const ProbeResult result = probeLayers(*model, examples, options);
    writeProbeCsv(output, result);
    std::string table = "layer  accuracy (± sd)   control (± sd)   above control\n";
    for (const LayerProbe &p : result.layers) {
        char row[128];
        const double accuracy = LayerProbe::mean(p.accuracy), control = LayerProbe::mean(p.control);
        std::snprintf(row, sizeof row, "%5d  %6.1f%% (± %4.1f)  %6.1f%% (± %4.1f)  %+6.1f\n", p.layer, 100 * accuracy,
                      100 * LayerProbe::deviation(p.accuracy), 100 * control, 100 * LayerProbe::deviation(p.control),
                      100 * (accuracy - control));
        table += row;
    }
    table += std::to_string(examples.size()) + " lines, " + std::to_string(result.labels.size()) + " labels, "
             + std::to_string(result.folds) + " folds; always answering the most common label: "
             + std::to_string(int(100 * result.majority + 0.5)) + "%\n";
    writeStdout(table);
    return 0;
}

} // namespace bertlens::cli
