// Writes a BERT model folder with random weights for a given configuration: the models of the
// tests and benchmarks, built by the project itself instead of downloaded.
#include "common/error.h"
#include "model/random_model.h"
#include "tokenizer/vocab.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription("Write a HuggingFace BERT folder with random weights.");
    parser.addHelpOption();
    parser.addPositionalArgument("DIR", "output folder");
    const QCommandLineOption layers("layers", "encoder layers", "N", "2");
    const QCommandLineOption hidden("hidden", "hidden size", "N", "32");
    const QCommandLineOption heads("heads", "attention heads", "N", "4");
    const QCommandLineOption ffn("intermediate", "feed-forward size", "N", "64");
    const QCommandLineOption vocabSize("vocab-size", "vocabulary size (synthetic vocabulary)", "N", "200");
    const QCommandLineOption vocab("vocab", "use this vocab.txt instead of a synthetic one", "FILE");
    const QCommandLineOption positions("max-positions", "max_position_embeddings", "N", "128");
    const QCommandLineOption act("act", "gelu, gelu_new, gelu_pytorch_tanh or relu", "NAME", "gelu");
    const QCommandLineOption seed("seed", "random seed", "N", "0");
    const QCommandLineOption f16("f16", "store weights as float16");
    const QCommandLineOption prefix("bert-prefix", "name tensors bert.* with an MLM head, as BertForMaskedLM does");
    parser.addOptions({layers, hidden, heads, ffn, vocabSize, vocab, positions, act, seed, f16, prefix});
    parser.process(app);
    if (parser.positionalArguments().size() != 1)
        parser.showHelp(2);

    try {
        bertlens::RandomModelOptions options;
        auto &c = options.config;
        c.numLayers = parser.value(layers).toInt();
        c.hiddenSize = parser.value(hidden).toInt();
        c.numHeads = parser.value(heads).toInt();
        c.intermediateSize = parser.value(ffn).toInt();
        c.maxPositions = parser.value(positions).toInt();
        c.activationName = parser.value(act).toStdString();
        c.vocabSize = parser.value(vocabSize).toInt();
        if (parser.isSet(vocab)) {
            const auto v = bertlens::Vocab::load(parser.value(vocab).toStdString());
            for (int i = 0; i < v.size(); ++i)
                options.vocab.push_back(v.token(i));
            c.vocabSize = v.size();
        }
        options.seed = parser.value(seed).toULongLong();
        options.dtype = parser.isSet(f16) ? bertlens::StoredFloat::F16 : bertlens::StoredFloat::F32;
        if (parser.isSet(prefix)) {
            options.keyPrefix = "bert.";
            options.withMlmHead = true;
        }
        // Round-trip through the config parser so a bad activation name is reported the same way.
        options.config = bertlens::BertConfig::fromJson(c.toJson(), "options");
        bertlens::writeRandomModel(parser.positionalArguments()[0].toStdString(), options);
    } catch (const std::exception &e) {
        std::fprintf(stderr, "bertlens-make-model: %s\n", e.what());
        return 3;
    }
    return 0;
}
