#include "model/random_model.h"

#include "common/error.h"
#include "io/atomic_file.h"

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
    const BertConfig &c = options.config;
    at::manual_seed(options.seed);
    const double s = options.stddev;
    const int64_t h = c.hiddenSize;
    std::vector<std::pair<std::string, at::Tensor>> tensors;
    auto add = [&](const std::string &name, at::Tensor t) { tensors.emplace_back(options.keyPrefix + name, t); };
    auto linear = [&](const std::string &scope, int64_t out, int64_t in) {
        add(scope + ".weight", at::randn({out, in}) * s);
        add(scope + ".bias", at::randn({out}) * s);
    };
    auto norm = [&](const std::string &scope) {
        add(scope + ".weight", 1 + at::randn({h}) * 0.1);
        add(scope + ".bias", at::randn({h}) * 0.1);
    };
    add("embeddings.word_embeddings.weight", at::randn({c.vocabSize, h}) * s);
    add("embeddings.position_embeddings.weight", at::randn({c.maxPositions, h}) * s);
    add("embeddings.token_type_embeddings.weight", at::randn({c.typeVocabSize, h}) * s);
    norm("embeddings.LayerNorm");
    for (int i = 0; i < c.numLayers; ++i) {
        const std::string scope = "encoder.layer." + std::to_string(i);
        linear(scope + ".attention.self.query", h, h);
        linear(scope + ".attention.self.key", h, h);
        linear(scope + ".attention.self.value", h, h);
        linear(scope + ".attention.output.dense", h, h);
        norm(scope + ".attention.output.LayerNorm");
        linear(scope + ".intermediate.dense", c.intermediateSize, h);
        linear(scope + ".output.dense", h, c.intermediateSize);
        norm(scope + ".output.LayerNorm");
    }
    if (options.withMlmHead) {
        // The decoder is tied to the word embeddings, so only its bias is stored.
        tensors.emplace_back("cls.predictions.transform.dense.weight", at::randn({h, h}) * s);
        tensors.emplace_back("cls.predictions.transform.dense.bias", at::randn({h}) * s);
        tensors.emplace_back("cls.predictions.transform.LayerNorm.weight", 1 + at::randn({h}) * 0.1);
        tensors.emplace_back("cls.predictions.transform.LayerNorm.bias", at::randn({h}) * 0.1);
        tensors.emplace_back("cls.predictions.bias", at::randn({c.vocabSize}) * s);
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
