#include "model/bert_config.h"

#include "common/error.h"
#include "common/small_file.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace bertlens {

namespace {

std::string jsonText(const QJsonValue &v)
{
    const QByteArray wrapped = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2).toStdString(); // without the surrounding [ ]
}

int intField(const QJsonObject &o, const char *key, int fallback, const std::string &path)
{
    if (!o.contains(key))
        return fallback;
    const QJsonValue v = o.value(key);
    const double d = v.toDouble(std::nan(""));
    if (!v.isDouble() || d != std::floor(d) || d < 0 || d > 1e9)
        throw modelError(path + ": " + key + " must be a non-negative integer, found "
                         + jsonText(v));
    return int(d);
}

Activation activationNamed(const std::string &name, const std::string &path, const char *key)
{
    if (name == "gelu")
        return Activation::Gelu;
    if (name == "gelu_new" || name == "gelu_pytorch_tanh")
        return Activation::GeluTanh;
    if (name == "relu")
        return Activation::Relu;
    throw modelError(path + ": " + key + " '" + name + "' is not supported (gelu, gelu_new, gelu_pytorch_tanh or relu)");
}

// DistilBERT's config.json in BERT's terms. It has no token types: BertLens gives it two type
// embeddings of zeros (see LoadedModel::load), so pairs run and types change nothing, as in
// HuggingFace's DistilBertModel, which ignores them.
BertConfig fromDistilBert(const QJsonObject &o, const std::string &path)
{
    BertConfig c;
    c.modelType = "distilbert";
    c.vocabSize = intField(o, "vocab_size", c.vocabSize, path);
    c.hiddenSize = intField(o, "dim", c.hiddenSize, path);
    c.numLayers = intField(o, "n_layers", 6, path);
    c.numHeads = intField(o, "n_heads", c.numHeads, path);
    c.intermediateSize = intField(o, "hidden_dim", c.intermediateSize, path);
    c.maxPositions = intField(o, "max_position_embeddings", c.maxPositions, path);
    c.padTokenId = o.value("pad_token_id").isNull() ? 0 : intField(o, "pad_token_id", 0, path);
    c.typeVocabSize = 2;
    if (o.contains("activation") && !o.value("activation").isString())
        throw modelError(path + ": activation must be a string, found " + jsonText(o.value("activation")));
    c.activationName = o.value("activation").toString("gelu").toStdString();
    c.activation = activationNamed(c.activationName, path, "activation");
    c.validate(path);
    return c;
}

} // namespace

BertConfig BertConfig::fromJsonFile(const std::string &path)
{
    return fromJson(readSmallFile(path, kMaxModelTextBytes, ErrorKind::Model), path);
}

BertConfig BertConfig::fromJson(const std::string &json, const std::string &path)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(json), &error);
    if (!doc.isObject())
        throw modelError(path + ": not a JSON object (" + error.errorString().toStdString() + " at byte "
                         + std::to_string(error.offset) + ")");
    const QJsonObject o = doc.object();
    BertConfig c;
    // Checkpoints from before model_type existed are BERT; anything named otherwise is not.
    for (const char *key : {"model_type", "hidden_act"})
        if (o.contains(key) && !o.value(key).isString())
            throw modelError(path + ": " + key + " must be a string, found " + jsonText(o.value(key)));
    c.modelType = o.value("model_type").toString("bert").toStdString();
    if (c.modelType == "distilbert")
        return fromDistilBert(o, path);
    const bool roberta = c.modelType == "roberta" || c.modelType == "xlm-roberta";
    const bool electra = c.modelType == "electra";
    if (c.modelType != "bert" && !roberta && !electra)
        throw modelError(path + ": model_type '" + c.modelType
                         + "' is not supported (BertLens reads the BERT family: bert, distilbert, roberta, xlm-roberta, electra)");
    if (electra) { // ElectraConfig's defaults (the small discriminator's shapes)
        c.embeddingSize = 128;
        c.hiddenSize = 256;
        c.numHeads = 4;
        c.intermediateSize = 1024;
    }
    if (roberta)
        c.padTokenId = 1;
    c.architecture = o.value("architectures").toArray().at(0).toString(
        roberta ? (c.modelType == "roberta" ? "RobertaForMaskedLM" : "XLMRobertaForMaskedLM")
                : electra ? "ElectraForMaskedLM" : "BertForMaskedLM").toStdString();
    c.vocabSize = intField(o, "vocab_size", c.vocabSize, path);
    c.hiddenSize = intField(o, "hidden_size", c.hiddenSize, path);
    c.numLayers = intField(o, "num_hidden_layers", c.numLayers, path);
    c.numHeads = intField(o, "num_attention_heads", c.numHeads, path);
    c.intermediateSize = intField(o, "intermediate_size", c.intermediateSize, path);
    c.maxPositions = intField(o, "max_position_embeddings", c.maxPositions, path);
    c.typeVocabSize = intField(o, "type_vocab_size", c.typeVocabSize, path);
    c.padTokenId = o.value("pad_token_id").isNull() ? 0 : intField(o, "pad_token_id", c.padTokenId, path);
    if (o.contains("layer_norm_eps")) {
        if (!o.value("layer_norm_eps").isDouble() || o.value("layer_norm_eps").toDouble() <= 0)
            throw modelError(path + ": layer_norm_eps must be a positive number");
        c.layerNormEps = o.value("layer_norm_eps").toDouble();
    }
    c.activationName = o.value("hidden_act").toString("gelu").toStdString();
    c.activation = activationNamed(c.activationName, path, "hidden_act");
    c.headActivation = roberta || electra ? Activation::Gelu : c.activation;
    c.positionsAfterPadding = roberta;
    if (electra)
        c.embeddingSize = intField(o, "embedding_size", c.embeddingSize, path);
    const QString positions = o.value("position_embedding_type").toString("absolute");
    if (positions != "absolute")
        throw modelError(path + ": position_embedding_type '" + positions.toStdString() + "' is not supported (absolute)");
    c.validate(path);
    return c;
}

void BertConfig::validate(const std::string &path) const
{
    auto positive = [&path](const char *name, int v) {
        if (v <= 0)
            throw modelError(path + ": " + name + " must be positive, found " + std::to_string(v));
    };
    positive("vocab_size", vocabSize);
    positive("hidden_size", hiddenSize);
    positive("num_attention_heads", numHeads);
    positive("intermediate_size", intermediateSize);
    positive("max_position_embeddings", maxPositions);
    positive("type_vocab_size", typeVocabSize);
    if (embeddingSize < 0)
        throw modelError(path + ": embedding_size must not be negative");
    if (maxTokens() <= 0)
        throw modelError(path + ": max_position_embeddings " + std::to_string(maxPositions)
                         + " leaves no position after padding_idx " + std::to_string(padTokenId));
    if (numLayers < 0)
        throw modelError(path + ": num_hidden_layers must not be negative");
    if (hiddenSize % numHeads != 0)
        throw modelError(path + ": hidden_size " + std::to_string(hiddenSize) + " is not a multiple of num_attention_heads "
                         + std::to_string(numHeads));
}

std::string BertConfig::toJson() const
{
    QJsonObject o{{"model_type", QString::fromStdString(modelType)},
                  {"architectures", QJsonArray{QString::fromStdString(architecture)}},
                  {"vocab_size", vocabSize},
                  {"hidden_size", hiddenSize},
                  {"num_hidden_layers", numLayers},
                  {"num_attention_heads", numHeads},
                  {"intermediate_size", intermediateSize},
                  {"hidden_act", QString::fromStdString(activationName)},
                  {"hidden_dropout_prob", 0.1},
                  {"attention_probs_dropout_prob", 0.1},
                  {"max_position_embeddings", maxPositions},
                  {"type_vocab_size", typeVocabSize},
                  {"initializer_range", 0.02},
                  {"layer_norm_eps", layerNormEps},
                  {"pad_token_id", padTokenId},
                  {"position_embedding_type", "absolute"}};
    if (embeddingSize > 0)
        o.insert("embedding_size", embeddingSize);
    return QJsonDocument(o).toJson(QJsonDocument::Indented).toStdString();
}

} // namespace bertlens
