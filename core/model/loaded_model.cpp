#include "model/loaded_model.h"

#include "common/error.h"
#include "hub/hub_cache.h"

#include <ATen/ATen.h>
#include <c10/core/InferenceMode.h>

#include <QDir>

namespace bertlens {

namespace {

Checkpoint readEncoderCheckpoint(const ModelFolder &folder, const BertConfig &config)
{
    Checkpoint checkpoint = readCheckpoint(folder);
    const char *typeEmbeddings = "embeddings.token_type_embeddings.weight";
    if (config.modelType == "distilbert" && !checkpoint.contains(typeEmbeddings))
        checkpoint.add(typeEmbeddings, at::zeros({config.typeVocabSize, config.hiddenSize}));
    return checkpoint;
}

} // namespace

LoadedTokenizer LoadedTokenizer::load(const std::string &dir, bool weights)
{
    LoadedTokenizer t;
    t.folder = ModelFolder::locate(dir, weights);
    t.config = BertConfig::fromJsonFile(t.folder.configPath);
    t.tokenizer = t.folder.readTokenizer();
    if (t.tokenizer->vocab().size() > t.config.vocabSize)
        throw modelError(t.folder.vocabPath + ": has " + std::to_string(t.tokenizer->vocab().size())
                         + " entries, more than vocab_size " + std::to_string(t.config.vocabSize) + " in " + t.folder.configPath);
    t.maxLength = t.config.maxTokens();
    if (t.folder.modelMaxLength > 0 && t.folder.modelMaxLength < t.maxLength)
        t.maxLength = t.folder.modelMaxLength;
    return t;
}

std::shared_ptr<const LoadedModel> LoadedModel::load(const std::string &dir, Precision precision)
{
    auto model = std::make_shared<LoadedModel>();
    LoadedTokenizer t = LoadedTokenizer::load(dir, true);
    model->folder = std::move(t.folder);
    model->config = t.config;
    model->tokenizer = std::move(t.tokenizer);
    model->maxLength = t.maxLength;
    Checkpoint checkpoint = readEncoderCheckpoint(model->folder, model->config);
    model->weightsDtype = checkpoint.storedDtype();
    for (const auto &[name, tensor] : checkpoint.tensors())
        if (tensor.is_floating_point()
            && (name.rfind("embeddings.", 0) == 0 || name.rfind("embeddings_project.", 0) == 0 || name.rfind("encoder.", 0) == 0))
            model->encoderParameters += tensor.numel();
    model->encoder = std::make_unique<BertModel>(model->config, encoderWeights(model->config, checkpoint), precision);
    MlmHeadWeights head;
    if (mlmHeadWeights(model->config, checkpoint, head, &model->mlmHeadMissing))
        model->mlmHead = std::make_unique<MlmHead>(model->config, std::move(head), model->encoder->wordEmbeddings());
    return model;
}

const LoadedModel::Differentiable &LoadedModel::differentiable() const
{
    std::call_once(m_differentiableOnce, [this] {
        // Tensors made in inference mode could not be saved for backward.
        c10::InferenceMode normal(false);
        Checkpoint checkpoint = readEncoderCheckpoint(folder, config);
        auto d = std::make_unique<Differentiable>();
        d->encoder = std::make_unique<BertModel>(config, encoderWeights(config, checkpoint), Precision::Float32,
                                                 BertModel::Kernels::Differentiable);
        MlmHeadWeights head;
        if (mlmHeadWeights(config, checkpoint, head, nullptr))
            d->mlmHead = std::make_unique<MlmHead>(config, std::move(head), d->encoder->wordEmbeddings());
        m_differentiable = std::move(d);
    });
    return *m_differentiable;
}

std::string LoadedModel::name() const
{
    if (const std::string repo = hubRepoOfSnapshot(folder.dir); !repo.empty())
        return repo;
    return QDir(QString::fromStdString(folder.dir)).dirName().toStdString();
}

} // namespace bertlens

namespace bertlens {

ModelSummary summarize(const LoadedModel &model)
{
    ModelSummary s;
    s.name = model.name();
    s.dir = model.folder.dir;
    s.numLayers = model.config.numLayers;
    s.numHeads = model.config.numHeads;
    s.hiddenSize = model.config.hiddenSize;
    s.vocabSize = model.config.vocabSize;
    s.maxLength = model.maxLength;
    s.parameters = model.encoderParameters;
    s.weightsFile = model.folder.weightsPath;
    s.weightsDtype = model.weightsDtype;
    s.precision = precisionName(model.encoder->precision());
    s.maskToken = model.tokenizer->maskToken();
    return s;
}

} // namespace bertlens
