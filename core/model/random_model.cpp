#include "model/random_model.h"

#include "common/error.h"
#include "io/atomic_file.h"
#include "model/bert_layout.h"

#include <ATen/ATen.h>
#include <QDir>

namespace bertlens {

std::vector<std::string> syntheticVocab(int size)
{
    std::vector<std::string> vocab = {"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"};
    for (char c = '!'; c <= '~'; ++c)
        vocab.emplace_back(1, c);
    for (char c = '!'; c <= '~'; ++c)
        vocab.push_back(std::string("##") + c);
    for (int i = 0; int(vocab.size()) < size; ++i)
        vocab.push_back("[unused" + std::to_string(i) + "]");
    if (int(vocab.size()) > size)
        throw Error(ErrorKind::Usage, "a synthetic vocabulary needs at least " + std::to_string(vocab.size()) + " entries");
    return vocab;
}

std::vector<std::pair<std::string, at::Tensor>> randomWeights(const RandomModelOptions &options)
{
    at::manual_seed(options.seed);
    std::vector<TensorSpec> layout = encoderLayout(options.config);
    if (options.withMlmHead) {
        const auto head = mlmHeadLayout(options.config);
        layout.insert(layout.end(), head.begin(), head.end());
    }
    std::vector<std::pair<std::string, at::Tensor>> tensors;
    for (const TensorSpec &spec : layout) {
        at::Tensor t = at::randn(spec.shape);
        switch (spec.kind) {
        case TensorSpec::Kind::NormWeight: t = 1 + t * 0.1; break;
        case TensorSpec::Kind::NormBias: t = t * 0.1; break;
        default: t = t * options.stddev; break;
        }
        // The MLM head keeps its own names: BertForMaskedLM has no "bert." in front of "cls.".
        const bool head = spec.name.rfind("cls.", 0) == 0;
        tensors.emplace_back((head ? "" : options.keyPrefix) + spec.name, t);
    }
    return tensors;
}

void writeRandomModel(const std::string &dir, const RandomModelOptions &options)
{
    const BertConfig &c = options.config;
    c.validate("random model configuration");
    const std::vector<std::string> vocab = options.vocab.empty() ? syntheticVocab(c.vocabSize) : options.vocab;
    if (int(vocab.size()) > c.vocabSize)
        throw Error(ErrorKind::Usage, "the vocabulary has more entries than vocab_size");
    if (!QDir().mkpath(QString::fromStdString(dir)))
        throw ioError(dir + ": cannot create the folder");

    const auto tensors = randomWeights(options);
    const QDir folder(QString::fromStdString(dir));
    auto path = [&folder](const char *name) { return folder.filePath(name).toStdString(); };
    writeSafetensors(path("model.safetensors"), tensors, options.dtype, {{"format", "pt"}});
    AtomicFile config(path("config.json"));
    config.write(c.toJson());
    config.commit();
    AtomicFile vocabFile(path("vocab.txt"));
    for (const auto &token : vocab)
        vocabFile.write(token + "\n");
    vocabFile.commit();
    AtomicFile tokenizerConfig(path("tokenizer_config.json"));
    tokenizerConfig.write("{\n  \"do_lower_case\": true,\n  \"model_max_length\": " + std::to_string(c.maxPositions) + "\n}\n");
    tokenizerConfig.commit();
}

} // namespace bertlens
