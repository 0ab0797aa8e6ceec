// bertlens-cli trace: what one layer and head compute for one text, step by step, as JSON —
// the numbers of the forward pass itself (ForwardTrace), for scripts, lessons and tests.
#include "commands.h"
#include "json.h"
#include "options.h"

#include "export/csv_format.h"
#include "io/atomic_file.h"
#include "model/forward_trace.h"
#include "model/loaded_model.h"
#include "pipeline/batch.h"
#include "model/knockout_hook.h"

#include <QCommandLineParser>

#include <ATen/ATen.h>
#include <c10/core/InferenceMode.h>

namespace bertlens::cli {

namespace {

const QCommandLineOption kLayer("layer", "the layer traced, 1..N", "L", "1");
const QCommandLineOption kHead("head", "the head traced, from 1", "H", "1");

void appendTensor(std::string &out, const at::Tensor &t)
{
    out += "{\"shape\": [";
    for (int64_t i = 0; i < t.dim(); ++i)
        out += (i ? ", " : "") + std::to_string(t.size(i));
    out += "], \"data\": [";
    const at::Tensor flat = t.contiguous().view({-1});
    const float *data = flat.data_ptr<float>();
    for (int64_t i = 0; i < flat.numel(); ++i) {
        if (i)
            out += ", ";
        appendFloat(out, data[i]);
    }
    out += "]}";
}

} // namespace

int trace(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument("TEXT", "the text traced");
    parse(parser, args, {kModel, kPair, kLayer, kHead, kOutput, kMaxLength, kThreads, kKnockOutHeads, kKnockOutFfn});
    const QStringList texts = parser.positionalArguments();
    if (texts.size() != 1)
        throw usage("trace: give one TEXT (quote it)");
    const std::string output = checkedOutput(parser, args[0]);
    applyThreads(parser);
    const auto model = LoadedModel::load(modelDir(parser, args[0]));
    ForwardTrace trace;
    trace.layer = intBetween(parser, kLayer, 1, model->config.numLayers);
    trace.head = intBetween(parser, kHead, 1, model->config.numHeads) - 1;
    const int maxLength = maxLengthOf(parser, *model, parser.isSet(kPair));
    const std::string text = texts[0].toStdString();
    const Encoding e = parser.isSet(kPair) ? model->tokenizer->encodePair(text, parser.value(kPair).toStdString(), maxLength)
                                           : model->tokenizer->encode(text, maxLength);
    if (e.truncated)
        reportTruncation(0, e.untruncatedLength, e.size());
    c10::InferenceMode inference;
    ForwardOptions options;
    KnockoutHook knockout(knockoutOf(parser, *model)); // first: the trace shows what the pass computes with it
    options.hooks = {&knockout, &trace};
    model->encoder->forward(makeBatch({&e}, model->tokenizer->padId()), options);

    std::string out = "{";
    appendEncodingIds(out, e);
    out += ", \"layer\": " + std::to_string(trace.layer) + ", \"head\": " + std::to_string(trace.head + 1) + ", \"tensors\": {";
    for (size_t i = 0; i < trace.tensors.size(); ++i) {
        out += i ? ",\n  " : "\n  ";
        appendJsonString(out, trace.tensors[i].first);
        out += ": ";
        appendTensor(out, trace.tensors[i].second);
    }
    out += "\n}}\n";
    AtomicFile file(output);
    file.write(out);
    file.commit();
    return 0;
}

} // namespace bertlens::cli
