// bertlens-cli fill-mask: what the masked-language-model head predicts at each [MASK], as one JSON
// line per text (format in README.md).
#include "commands.h"

#include "json.h"
#include "options.h"

#include "analysis/mask_predictions.h"
#include "io/text_source.h"
#include "model/loaded_model.h"
#include "pipeline/pipeline.h"


namespace bertlens::cli {

namespace {

void appendPredictions(std::string &out, const std::vector<TokenPrediction> &predictions)
{
    appendJsonArray(out, predictions, [](std::string &o, const TokenPrediction &p) {
        o += "{\"token\": ";
        appendJsonString(o, p.token);
        o += ", \"id\": " + std::to_string(p.id) + ", \"prob\": ";
        appendJsonNumber(o, p.probability);
        o += '}';
    });
}

// Writes each text's predictions to standard output as its result arrives (in input order).
class FillMaskSink : public SentenceSink {
public:
    FillMaskSink(const LoadedModel &model, int topK, bool allLayers) : m_model(model), m_topK(topK), m_allLayers(allLayers) {}

    void add(const SentenceResult &r) override
    {
        std::string out = "{\"text\": ";
        appendJsonString(out, r.input.text);
        if (r.input.hasPair) {
            out += ", \"pair\": ";
            appendJsonString(out, r.input.pair);
        }
        out += ", \"tokens\": ";
        appendJsonArray(out, r.encoding.tokens, appendJsonString);
        out += ", \"masks\": ";
        appendJsonArray(out, predictMasks(m_model, r.encoding, r.output, m_topK, m_allLayers), [this](std::string &o, const MaskPrediction &m) {
            o += "{\"index\": " + std::to_string(m.index) + ", \"predictions\": ";
            appendPredictions(o, m.top);
            if (m_allLayers) {
                o += ", \"layers\": {";
                for (size_t l = 0; l < m.layers.size(); ++l) {
                    o += (l ? ", \"" : "\"") + std::to_string(l) + "\": ";
                    appendPredictions(o, m.layers[l]);
                }
                o += '}';
            }
            o += '}';
        });
        out += "}\n";
        writeStdout(out);
    }

private:
    const LoadedModel &m_model;
    int m_topK;
    bool m_allLayers;
};

} // namespace

int fillMask(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument("TEXT", "text with [MASK] tokens");
    parse(parser, args, {kModel, kInput, kPair, kTopK, kAllLayers, kMaxLength, kThreads, kPrecision, kKnockOutHeads, kKnockOutFfn});
    const QStringList texts = parser.positionalArguments();
    if (parser.isSet(kInput) == !texts.isEmpty())
        throw usage("fill-mask: give either one TEXT or --input FILE");
    if (texts.size() > 1)
        throw usage("fill-mask: one TEXT only (quote it); for many texts use --input");
    if (parser.isSet(kInput) && parser.isSet(kPair))
        throw usage("fill-mask: --pair goes with a TEXT argument, not with --input");
    const int topK = positiveInt(parser, kTopK);
    applyThreads(parser);
    const auto model = loadModel(parser, args[0]);
    if (!model->mlmHead)
        throw modelError(model->mlmHeadMissing + ": fill-mask needs a BertForMaskedLM or BertForPreTraining checkpoint");
    PipelineOptions options;
    options.maxLength = maxLengthOf(parser, *model, parser.isSet(kPair));
    options.onTruncated = reportTruncation;
    options.knockout = knockoutOf(parser, *model);
    FillMaskSink sink(*model, topK, parser.isSet(kAllLayers));
    if (parser.isSet(kInput)) {
        LineReader reader(parser.value(kInput).toStdString());
        LineInputs inputs(reader, false);
        runPipeline(*model, inputs, sink, options);
    } else {
        InputList inputs({{texts[0].toStdString(), parser.value(kPair).toStdString(), parser.isSet(kPair)}});
        runPipeline(*model, inputs, sink, options);
    }
    return 0;
}

} // namespace bertlens::cli
