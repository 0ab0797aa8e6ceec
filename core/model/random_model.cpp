#include "model/random_model.h"

#include "common/error.h"
#include "model/bert_weights.h"
#include "model/model_writer.h"

#include <ATen/ATen.h>

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

NamedTensors randomWeights(const RandomModelOptions &options)
{
    at::manual_seed(options.seed);
    NamedTensors tensors;
    // The MLM head keeps its own names: BertForMaskedLM has no "bert." in front of "cls.".
    auto randomise = [&](const std::string &prefix) {
        return [&tensors, &options, prefix](const std::string &name, const std::vector<int64_t> &shape, TensorRole role,
                                            at::Tensor &slot) {
            slot = at::randn(shape);
            switch (role) {
            case TensorRole::NormWeight: slot = 1 + slot * 0.1; break;
            case TensorRole::NormBias: slot = slot * 0.1; break;
            default: slot = slot * options.stddev; break;
            }
            tensors.emplace_back(prefix + name, slot);
        };
    };
    EncoderWeights encoder;
    visitEncoder(options.config, encoder, randomise(options.keyPrefix));
    if (options.withMlmHead) {
        MlmHeadWeights head;
        visitMlmHead(options.config, head, randomise(""));
    }
    return tensors;
}

void writeRandomModel(const std::string &dir, const RandomModelOptions &options)
{
    options.config.validate("random model configuration");
    ModelFolderContents contents;
    contents.config = options.config;
    contents.vocab = options.vocab.empty() ? syntheticVocab(options.config.vocabSize) : options.vocab;
    contents.tensors = randomWeights(options);
    contents.dtype = options.dtype;
    writeModelFolder(dir, contents);
}

} // namespace bertlens
