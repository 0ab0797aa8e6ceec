// bertlens-cli explain and heads: which input tokens move a target (attribution), and what each
// head and FFN block contributes to it (knock-out), as CSV plus one JSON line (README.md).
#include "commands.h"

#include "json.h"
#include "options.h"
#include "progress_reporter.h"

#include "analysis/attribution.h"
#include "analysis/head_importance.h"
#include "analysis/pooling_mode.h"
#include "export/csv_format.h"
#include "io/atomic_file.h"
#include "model/loaded_model.h"
#include "tokenizer/chinese_segmenter.h"

#include <QCommandLineParser>

#include <memory>

namespace bertlens::cli {

namespace {

const QCommandLineOption kMethod("method", "occlusion, gradient or integrated-gradients", "METHOD");
const QCommandLineOption kSteps("steps", "integrated gradients' quadrature nodes", "N", QString::number(kDefaultIntegrationSteps));
const QCommandLineOption kTarget("target", "mask (log-probability at the [MASK]) or similarity (cosine with --pair)", "TARGET", "mask");
const QCommandLineOption kToken("token", "the token whose probability at the [MASK] is explained (default: the model's top-1)", "WORD");
const QCommandLineOption kExplainPair("pair", "mask target: the second text of a pair; similarity: the text compared", "TEXT_B");
const QCommandLineOption kSimilarityPooling("pooling", "similarity: cls, mean, max or mean_sqrt_len", "POOLING", "mean");
const QCommandLineOption kSimilarityLayer("layer", "similarity: the hidden state pooled, 0..N (default: the last)", "L");

// The request that --target, --token, --pair, --pooling, --layer and the knock-outs describe.
ExplainRequest requestOf(const QCommandLineParser &parser, const LoadedModel &model, const QString &command)
{
    const QStringList texts = parser.positionalArguments();
    if (texts.size() != 1)
        throw usage(command.toStdString() + ": give one TEXT (quote it)");
    ExplainRequest r;
    const QString target = parser.value(kTarget);
    if (target != "mask" && target != "similarity")
        throw usage("--target must be mask or similarity, got '" + target.toStdString() + "'");
    r.kind = target == "mask" ? TargetKind::Mask : TargetKind::Similarity;
    r.text.text = texts[0].toStdString();
    const std::string pair = parser.value(kExplainPair).toStdString();
    if (r.kind == TargetKind::Similarity) {
        if (!parser.isSet(kExplainPair))
            throw usage(command.toStdString() + ": --target similarity compares TEXT with --pair TEXT_B");
        if (parser.isSet(kToken))
            throw usage("--token goes with --target mask");
        r.other.text = pair;
        r.pooling = parsePooling(parser.value(kSimilarityPooling).toStdString());
        if (parser.isSet(kSimilarityLayer))
            r.layer = intBetween(parser, kSimilarityLayer, 0, model.config.numLayers);
    } else {
        if (parser.isSet(kSimilarityPooling) || parser.isSet(kSimilarityLayer))
            throw usage("--pooling and --layer go with --target similarity");
        r.text.pair = pair;
        r.text.hasPair = parser.isSet(kExplainPair);
        if (parser.isSet(kToken)) {
            const std::string word = parser.value(kToken).toStdString();
            r.tokenId = model.tokenizer->vocab().id(word);
            if (r.tokenId < 0)
                throw usage("--token '" + word + "' is not one token of the model's vocabulary");
        }
    }
    r.knockout = knockoutOf(parser, model);
    return r;
}

void writeFile(const std::string &path, const std::string &text)
{
    AtomicFile file(path);
    file.write(text);
    file.commit();
}

} // namespace

int explain(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument("TEXT", "the text explained");
    parse(parser, args, {kModel, kMethod, kSteps, kTarget, kToken, kExplainPair, kSimilarityPooling, kSimilarityLayer,
                         kAggregate, kOutput, kThreads, kKnockOutHeads, kKnockOutFfn});
    const ExplainMethod method = parseExplainMethod(required(parser, kMethod, args[0]));
    if (parser.isSet(kSteps) && method != ExplainMethod::IntegratedGradients)
        throw usage("--steps goes with --method integrated-gradients");
    const int steps = intBetween(parser, kSteps, 1, kMaxIntegrationSteps);
    const bool words = wordsOf(parser);
    const std::string output = checkedOutput(parser, args[0]);
    applyThreads(parser);
    const auto model = LoadedModel::load(modelDir(parser, args[0]));
    const ExplainRequest request = requestOf(parser, *model, args[0]);
    ProgressReporter progress;
    const Attribution a = attribute(*model, request, method, steps, nullptr,
                                    [&progress](long long done, long long total) { progress.update(done, total); });

    std::unique_ptr<ChineseSegmenter> segmenter;
    if (words && !ChineseSegmenter::defaultDictionary().empty())
        segmenter = std::make_unique<ChineseSegmenter>(ChineseSegmenter::load(ChineseSegmenter::defaultDictionary()));
    std::string csv = "text,position,token,score\n";
    for (size_t text = 0; text < a.scores.size(); ++text) {
        const WordGroups groups = groupWords(a.encodings[text], segmenter.get());
        const std::vector<double> scores = words ? wordScores(a.scores[text], groups) : a.scores[text];
        const std::vector<std::string> &labels = words ? groups.labels : a.encodings[text].tokens;
        for (size_t i = 0; i < scores.size(); ++i) {
            csv += text ? "b," : "a,";
            csv += std::to_string(i) + ",";
            appendCsvField(csv, labels[i]);
            csv += ",";
            appendFloat(csv, float(scores[i]));
            csv += "\n";
        }
    }
    writeFile(output, csv);

    std::string json = "{\"target\": ";
    appendJsonNumber(json, a.target);
    if (a.hasBaseline()) {
        json += ", \"baseline\": ";
        appendJsonNumber(json, a.baseline);
    }
    json += ", \"sum\": ";
    appendJsonNumber(json, a.sum);
    json += std::string(", \"method\": \"") + explainMethodName(method) + "\"";
    if (a.hasBaseline())
        json += ", \"steps\": " + std::to_string(a.steps);
    if (request.kind == TargetKind::Mask) {
        json += ", \"mask_index\": " + std::to_string(a.maskPosition) + ", \"token\": ";
        appendJsonString(json, model->tokenizer->vocab().token(a.tokenId));
    }
    writeStdout(json + "}\n");
    return 0;
}

int heads(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument("TEXT", "the text explained");
    parse(parser, args, {kModel, kTarget, kToken, kExplainPair, kSimilarityPooling, kSimilarityLayer, kOutput, kThreads,
                         kKnockOutHeads, kKnockOutFfn});
    const std::string output = checkedOutput(parser, args[0]);
    applyThreads(parser);
    const auto model = LoadedModel::load(modelDir(parser, args[0]));
    const ExplainRequest request = requestOf(parser, *model, args[0]);
    ProgressReporter progress;
    const HeadImportance importance = headImportance(*model, request, nullptr, [&progress](long long done, long long total) {
        progress.update(done, total);
    });
    std::string csv = "layer,head,score\n";
    for (int layer = 1; layer <= importance.heads.rows; ++layer) {
        for (int head = 0; head < importance.heads.cols; ++head) {
            csv += std::to_string(layer) + "," + std::to_string(head + 1) + ",";
            appendFloat(csv, importance.heads.at(layer - 1, head));
            csv += "\n";
        }
        csv += std::to_string(layer) + ",ffn,";
        appendFloat(csv, float(importance.ffn[size_t(layer - 1)]));
        csv += "\n";
    }
    writeFile(output, csv);
    std::string json = "{\"target\": ";
    appendJsonNumber(json, importance.target);
    if (request.kind == TargetKind::Mask) {
        json += ", \"mask_index\": " + std::to_string(importance.maskPosition) + ", \"token\": ";
        appendJsonString(json, model->tokenizer->vocab().token(importance.tokenId));
    }
    writeStdout(json + "}\n");
    return 0;
}

} // namespace bertlens::cli
