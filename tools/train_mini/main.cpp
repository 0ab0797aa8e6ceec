// bertlens-train-mini: builds BertLens Mini, the default model (see its model card for the exact
// commands that made the shipped one).
//   vocab     --corpus train.txt --size N --output vocab.txt [--required-chars FILE]
//   examples  --corpus train.txt | --pairs pairs.tsv  --vocab vocab.txt --output train.blex [--seq N]
//   train     --corpus train.txt | --examples A.blex [--examples B.blex ...]  --vocab vocab.txt
//             --output MODEL_DIR --checkpoint CKPT_DIR [--init MODEL_DIR]
//             [--steps N] [--minutes M] [--batch N] [--seq N] [--lr X] [--hidden N] [--layers N]
//             [--heads N] [--ffn N] [--seed N]     (on the CPU; resumes from CKPT_DIR)
//   package   --weights weights-1.safetensors [--weights ...] --vocab vocab.txt --output MODEL_DIR
//             [architecture options]   (a model folder, F16, from what bertlens-train-gpu wrote)
//   evaluate  --model MODEL_DIR --corpus heldout.txt --baseline-corpus train.txt [--everyday FILE]...
//             [--pairs pairs.tsv --lexicon lexicon.tsv]
#include "corpus.h"
#include "example_file.h"
#include "mlm_training.h"
#include "vocab_builder.h"

#include "common/error.h"
#include "common/threads.h"
#include "io/atomic_file.h"
#include "io/model_folder.h"
#include "io/safetensors.h"
#include "model/loaded_model.h"
#include "model/model_writer.h"
#include "tokenizer/unicode_text.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>
#include <fstream>
#include <random>

using namespace bertlens;
using namespace bertlens::train;

namespace {

BertConfig configFrom(const QCommandLineParser &p, int vocabSize)
{
    BertConfig config;
    config.vocabSize = vocabSize;
    config.hiddenSize = p.value("hidden").toInt();
    config.numLayers = p.value("layers").toInt();
    config.numHeads = p.value("heads").toInt();
    config.intermediateSize = p.value("ffn").toInt();
    config.maxPositions = p.value("seq").toInt();
    config.validate("options");
    return config;
}

void exportModel(const BertConfig &config, NamedTensors tensors, const Vocab &vocab, const std::string &dir, const std::string &note)
{
    ModelFolderContents contents;
    contents.config = config;
    for (int i = 0; i < vocab.size(); ++i)
        contents.vocab.push_back(vocab.token(i));
    contents.tensors = std::move(tensors);
    contents.dtype = StoredFloat::F16;
    contents.metadata = {{"bertlens", note}};
    writeModelFolder(dir, contents);
}

void writeText(const std::string &path, const std::string &text)
{
    AtomicFile f(path);
    f.write(text);
    f.commit();
}

int vocabCommand(const QCommandLineParser &p)
{
    std::u32string required;
    if (p.isSet("required-chars")) {
        std::ifstream in(p.value("required-chars").toStdString());
        const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        CodePoints cps;
        if (!decodeUtf8(text, cps))
            throw inputError(p.value("required-chars").toStdString() + ": not UTF-8");
        for (char32_t c : cps)
            if (c > 0x20 && !unicode::isWordSeparator(c) && !unicode::isBertControl(c))
                required += c;
    }
    const auto vocab = buildWordPieceVocab(p.value("corpus").toStdString(), p.value("size").toInt(),
                                           miniTokenizerOptions().normalizer, 3, required);
    std::string text;
    for (const auto &t : vocab)
        text += t + "\n";
    writeText(p.value("output").toStdString(), text);
    std::printf("%zu entries\n", vocab.size());
    return 0;
}

int examplesCommand(const QCommandLineParser &p)
{
    const BertTokenizer tok(Vocab::load(p.value("vocab").toStdString()), miniTokenizerOptions());
    std::mt19937 rng(uint32_t(p.value("seed").toUInt()));
    const auto examples = p.isSet("pairs") ? makePairExamples(tok, p.value("pairs").toStdString(), p.value("seq").toInt())
                                           : makeExamples(tokenizeCorpus(tok, p.value("corpus").toStdString()), tok, p.value("seq").toInt(), rng);
    long long tokens = 0, unknown = 0;
    for (const auto &e : examples)
        for (int32_t id : e.ids) {
            ++tokens;
            unknown += id == tok.unknownId();
        }
    writeExamples(p.value("output").toStdString(), examples);
    std::printf("%zu examples, %lld tokens, %.3f%% [UNK]\n", examples.size(), tokens,
                100.0 * double(unknown) / double(std::max(1LL, tokens)));
    return 0;
}

int trainCommand(const QCommandLineParser &p)
{
    setComputeThreads(defaultComputeThreads());
    // Backward passes are dominated by element-wise kernels, which LibTorch's own pool speeds up.
    at::set_num_threads(p.value("torch-threads").toInt());
    const BertTokenizer tok(Vocab::load(p.value("vocab").toStdString()), miniTokenizerOptions());
    const BertConfig config = configFrom(p, tok.vocab().size());
    TrainOptions options;
    options.steps = p.value("steps").toInt();
    options.batch = p.value("batch").toInt();
    options.lr = p.value("lr").toDouble();
    options.minutes = p.value("minutes").toDouble();
    options.stopAfterMinutes = p.value("stop-after").toDouble();
    options.seed = p.value("seed").toULongLong();
    options.checkpointDir = p.value("checkpoint").toStdString();
    MlmModel model(config, options.seed);
    if (p.isSet("init"))
        model.loadWeights(ModelFolder::locate(p.value("init").toStdString()).readWeights());
    options.onSave = [&](int step) {
        exportModel(config, model.named(), tok.vocab(), p.value("output").toStdString(),
                    "BertLens Mini, step " + std::to_string(step));
    };
    Examples examples;
    if (p.isSet("corpus")) {
        std::mt19937 rng(uint32_t(options.seed));
        examples = makeExamples(tokenizeCorpus(tok, p.value("corpus").toStdString()), tok, config.maxPositions, rng);
    }
    // A file named twice is seen twice as often: the mixture's weights.
    for (const QString &file : p.values("examples")) {
        auto more = readExamples(file.toStdString());
        std::move(more.begin(), more.end(), std::back_inserter(examples));
    }
    std::printf("%zu examples\n", examples.size());
    trainMlm(model, std::move(examples), specialIdsOf(tok.vocab()), options);
    return 0;
}

int packageCommand(const QCommandLineParser &p)
{
    const Vocab vocab = Vocab::load(p.value("vocab").toStdString());
    const BertConfig config = configFrom(p, vocab.size());
    NamedTensors tensors;
    for (const QString &file : p.values("weights")) {
        NamedTensors shard = readSafetensors(file.toStdString());
        std::move(shard.begin(), shard.end(), std::back_inserter(tensors));
    }
    exportModel(config, std::move(tensors), vocab, p.value("output").toStdString(), p.value("note").toStdString());
    // Loading it back checks every tensor against the config.
    const auto loaded = LoadedModel::load(p.value("output").toStdString());
    std::printf("%s: %lld parameters\n", p.value("output").toUtf8().constData(), summarize(*loaded).parameters);
    return 0;
}

} // namespace

int evaluateCommand(const QCommandLineParser &p); // evaluate.cpp

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addPositionalArgument("command", "vocab, examples, train, package or evaluate");
    p.addOptions({{"corpus", "text, one per line", "FILE"}, {"size", "vocabulary size", "N", "12000"},
                  {"required-chars", "characters the vocabulary must hold", "FILE"},
                  {"output", "output file or folder", "PATH"}, {"vocab", "vocab.txt", "FILE"},
                  {"weights", "weights written by bertlens-train-gpu (repeatable)", "FILE"}, {"note", "metadata note", "TEXT", "BertLens Mini"},
                  {"checkpoint", "checkpoint folder", "DIR"}, {"pairs", "sentence pairs, TEXT_A<TAB>TEXT_B per line", "FILE"},
                  {"examples", "examples made by `examples` (repeatable)", "FILE"}, {"init", "start from this model folder's weights", "DIR"}, {"steps", "total optimizer steps", "N", "4000"},
                  {"minutes", "the schedule's time budget: stop (and save) after this long", "M", "1e9"},
                  {"stop-after", "end this run (saving) after this long; resume later", "M", "1e9"}, {"batch", "sequences per step", "N", "32"},
                  {"seq", "max sequence length = max_position_embeddings", "N", "128"}, {"lr", "peak learning rate", "X", "1e-3"},
                  {"hidden", "hidden size", "N", "256"}, {"layers", "layers", "N", "4"}, {"heads", "heads", "N", "4"},
                  {"ffn", "intermediate size", "N", "1024"}, {"seed", "random seed", "N", "1"}, {"torch-threads", "LibTorch intra-op threads while training", "N", "2"},
                  {"model", "model folder", "DIR"}, {"baseline-corpus", "text for the unigram baseline", "FILE"},
                  {"everyday", "sentences to mask word by word (repeatable)", "FILE"},
                  {"lexicon", "ENGLISH<TAB>CHINESE words, for the pairs' alignment", "FILE"}});
    p.process(app);
    const QString command = p.positionalArguments().value(0);
    try {
        if (command == "vocab")
            return vocabCommand(p);
        if (command == "examples")
            return examplesCommand(p);
        if (command == "train")
            return trainCommand(p);
        if (command == "package")
            return packageCommand(p);
        if (command == "evaluate")
            return evaluateCommand(p);
        std::fprintf(stderr, "usage: bertlens-train-mini vocab|examples|train|package|evaluate ...\n");
        return 2;
    } catch (const std::exception &e) {
        std::fprintf(stderr, "bertlens-train-mini: %s\n", e.what());
        return 1;
    }
}
