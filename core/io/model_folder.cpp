#include "io/model_folder.h"

#include "common/error.h"
#include "common/small_file.h"
#include "io/safetensors.h"
#include "io/torch_bin.h"
#include "tokenizer/tokenizer_files.h"
#include "tokenizer/tokenizer_json.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>
#include <sys/stat.h>
#include <iterator>
#include <set>

namespace bertlens {

namespace {

// Whether the folder has this file. One that is there but is not a regular file (a FIFO, a device,
// a folder) is named as such rather than taken as missing: reading it would block or never end.
bool isFile(const QDir &dir, const char *name)
{
    const std::string path = dir.filePath(name).toStdString();
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        return false;
    if (!S_ISREG(st.st_mode))
        throw modelError(path + " is " + describeFileType(st.st_mode) + ", not a regular file");
    return true;
}

QJsonObject readJsonObject(const QString &path)
{
    QJsonParseError error{};
    const auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(readSmallFile(path.toStdString(), kMaxModelTextBytes, ErrorKind::Model)), &error);
    if (!doc.isObject())
        throw modelError(path.toStdString() + ": not a JSON object (" + error.errorString().toStdString() + ")");
    return doc.object();
}

std::vector<std::string> shardsOf(const QDir &dir, const QString &indexName)
{
    const QString indexPath = dir.filePath(indexName);
    const QJsonObject map = readJsonObject(indexPath).value("weight_map").toObject();
    if (map.isEmpty())
        throw modelError(indexPath.toStdString() + ": has no weight_map");
    std::set<QString> files;
    for (const auto &v : map)
        files.insert(v.toString());
    std::vector<std::string> shards;
    for (const QString &f : files) {
        if (f.isEmpty() || f.contains('/') || !QFileInfo(dir.filePath(f)).isFile())
            throw modelError(indexPath.toStdString() + ": lists shard '" + f.toStdString() + "', which is not in the folder");
        const bool safetensorsIndex = indexName.startsWith("model.safetensors");
        if (f.endsWith(".json") || f.endsWith(".safetensors") != safetensorsIndex)
            throw modelError(indexPath.toStdString() + ": lists shard '" + f.toStdString() + "', which is not a "
                             + (safetensorsIndex ? "safetensors" : "pytorch_model.bin") + " weights file");
        shards.push_back(dir.filePath(f).toStdString());
    }
    return shards;
}

void readTokenizerSettings(const QDir &dir, ModelFolder &folder)
{
    auto &n = folder.tokenizerOptions.normalizer;
    if (isFile(dir, "tokenizer_config.json")) {
        const QJsonObject o = readJsonObject(dir.filePath("tokenizer_config.json"));
        n.lowercase = o.value("do_lower_case").toBool(true);
        // null (the default) means: strip accents exactly when lower-casing.
        n.stripAccents = o.value("strip_accents").isBool() ? o.value("strip_accents").toBool() : n.lowercase;
        n.spaceOutCjk = o.value("tokenize_chinese_chars").toBool(true);
        const double maxLength = o.value("model_max_length").toDouble(0);
        if (maxLength > 0 && maxLength < 1e9)
            folder.modelMaxLength = int(maxLength);
    } else if (isFile(dir, "tokenizer.json")) {
        // A fast-tokenizer-only folder: its BertNormalizer carries the same settings.
        TokenizerJson::read(dir.filePath("tokenizer.json").toStdString()).applyBertNormalizer(n);
    }
}

void readSentenceTransformer(const QDir &dir, ModelFolder &folder)
{
    if (!isFile(dir, "modules.json"))
        return;
    const std::string where = dir.filePath("modules.json").toStdString();
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(readSmallFile(where, 1 << 20, ErrorKind::Model)));
    if (!doc.isArray())
        throw modelError(where + ": not a JSON list of modules");
    SentenceTransformerModules &st = folder.sentenceTransformer;
    st.present = true;
    for (const QJsonValue &v : doc.array()) {
        const QString type = v.toObject().value("type").toString(), path = v.toObject().value("path").toString();
        if (type.endsWith(".Transformer") && (path.isEmpty() || path == "."))
            continue;
        if (type.endsWith(".Normalize")) {
            st.normalize = true;
            continue;
        }
        if (type.endsWith(".Pooling")) {
            static const QRegularExpression folderName("^[A-Za-z0-9_\\-][A-Za-z0-9_.\\-]{0,127}$");
            if (!folderName.match(path).hasMatch() || path.contains(".."))
                throw modelError(where + ": the Pooling module's path is not a folder name inside the model folder");
            const QJsonObject c = readJsonObject(dir.filePath(path + "/config.json"));
            const std::pair<const char *, const char *> modes[] = {{"pooling_mode_cls_token", "cls"},
                                                                   {"pooling_mode_mean_tokens", "mean"},
                                                                   {"pooling_mode_max_tokens", "max"},
                                                                   {"pooling_mode_mean_sqrt_len_tokens", "mean_sqrt_len"}};
            for (const auto &[key, name] : modes)
                if (c.value(key).toBool()) {
                    if (!st.pooling.empty())
                        throw modelError(dir.filePath(path + "/config.json").toStdString()
                                         + ": several pooling modes at once (concatenated vectors) are not supported");
                    st.pooling = name;
                }
            if (st.pooling.empty())
                throw modelError(dir.filePath(path + "/config.json").toStdString()
                                 + ": no pooling mode BertLens supports (cls, mean, max, mean_sqrt_len)");
            continue;
        }
        throw modelError(where + ": the module " + type.toStdString() + " (" + path.toStdString()
                         + ") is not supported; BertLens reproduces Transformer, Pooling and Normalize");
    }
    if (isFile(dir, "sentence_bert_config.json")) {
        const QJsonObject c = readJsonObject(dir.filePath("sentence_bert_config.json"));
        const int length = c.value("max_seq_length").toInt(0);
        if (length > 0) {
            st.maxSeqLength = length;
            folder.modelMaxLength = folder.modelMaxLength > 0 ? std::min(folder.modelMaxLength, length) : length;
        }
        if (c.value("do_lower_case").toBool(false))
            folder.tokenizerOptions.normalizer.lowercase = true;
    }
}

} // namespace

std::string SentenceTransformerModules::describe() const
{
    return pooling + " pooling" + (normalize ? ", L2-normalised" : "");
}

ModelFolder ModelFolder::locate(const std::string &dirPath, bool weights)
{
    const QDir dir(QString::fromStdString(dirPath));
    if (!QFileInfo(dir.path()).isDir())
        throw modelError(dirPath + ": not a folder");
    ModelFolder folder;
    folder.dir = dirPath;
    if (!isFile(dir, "config.json"))
        throw modelError(dirPath + ": no config.json in the model folder");
    folder.configPath = dir.filePath("config.json").toStdString();
    if (isFile(dir, "vocab.txt"))
        folder.vocabPath = dir.filePath("vocab.txt").toStdString();
    else if (isFile(dir, "tokenizer.json"))
        folder.vocabPath = dir.filePath("tokenizer.json").toStdString();
    else
        throw modelError(dirPath + ": no vocab.txt (nor tokenizer.json) in the model folder");

    if (isFile(dir, "model.safetensors")) {
        folder.weightsPath = dir.filePath("model.safetensors").toStdString();
    } else if (isFile(dir, "model.safetensors.index.json")) {
        folder.weightsPath = dir.filePath("model.safetensors.index.json").toStdString();
        folder.weightShards = shardsOf(dir, "model.safetensors.index.json");
    } else if (isFile(dir, "pytorch_model.bin")) {
        folder.weightsPath = dir.filePath("pytorch_model.bin").toStdString();
    } else if (isFile(dir, "pytorch_model.bin.index.json")) {
        folder.weightsPath = dir.filePath("pytorch_model.bin.index.json").toStdString();
        folder.weightShards = shardsOf(dir, "pytorch_model.bin.index.json");
    } else if (weights) {
        throw modelError(dirPath + ": no weights in the model folder (looked for model.safetensors, "
                                   "model.safetensors.index.json, pytorch_model.bin, pytorch_model.bin.index.json)");
    }
    readTokenizerSettings(dir, folder);
    readSentenceTransformer(dir, folder);
    return folder;
}

std::unique_ptr<Tokenizer> ModelFolder::readTokenizer() const { return bertlens::readTokenizer(vocabPath, tokenizerOptions); }

NamedTensors ModelFolder::readWeights() const
{
    auto readOne = [](const std::string &path) {
        const bool safetensors = path.size() >= 12 && path.compare(path.size() - 12, 12, ".safetensors") == 0;
        return safetensors ? readSafetensors(path) : readTorchBin(path);
    };
    if (weightShards.empty())
        return readOne(weightsPath);
    NamedTensors all;
    for (const auto &shard : weightShards) {
        NamedTensors part = readOne(shard);
        std::move(part.begin(), part.end(), std::back_inserter(all));
    }
    return all;
}

} // namespace bertlens
