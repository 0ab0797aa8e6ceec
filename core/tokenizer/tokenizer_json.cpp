#include "tokenizer/tokenizer_json.h"

#include "common/error.h"
#include "common/small_file.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace bertlens {

TokenizerJson TokenizerJson::read(const std::string &path)
{
    QJsonParseError error{};
    const auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(readSmallFile(path, kMaxModelTextBytes, ErrorKind::Model)), &error);
    if (!doc.isObject())
        throw modelError(path + ": not a JSON object (" + error.errorString().toStdString() + ")");
    return fromObject(doc.object(), path);
}

TokenizerJson TokenizerJson::fromObject(QJsonObject root, const std::string &path)
{
    TokenizerJson json;
    json.m_path = path;
    json.m_root = std::move(root);
    return json;
}

std::string TokenizerJson::modelType() const
{
    const QJsonObject model = m_root.value("model").toObject();
    if (model.value("type").isString())
        return model.value("type").toString().toStdString();
    if (model.contains("merges"))
        return "BPE";
    if (model.value("vocab").isArray())
        return "Unigram";
    return model.contains("continuing_subword_prefix") ? "WordPiece" : "";
}

Vocab TokenizerJson::wordPieceVocab() const
{
    const QJsonObject model = m_root.value("model").toObject();
    const QString type = model.value("type").toString();
    if (type != "WordPiece")
        throw modelError(m_path + ": a " + (type.isEmpty() ? QString("tokenizer without a model") : type).toStdString()
                         + " tokenizer; BertLens reads WordPiece (BERT-family) tokenizers only");
    if (model.value("continuing_subword_prefix").toString("##") != "##")
        throw modelError(m_path + ": continuing_subword_prefix is not \"##\"");
    const QJsonObject entries = model.value("vocab").toObject();
    const double bound = 2.0 * entries.size() + 1024;
    std::vector<std::string> tokens;
    for (auto it = entries.begin(); it != entries.end(); ++it) {
        const double id = it.value().toDouble(-1);
        if (id < 0 || id >= bound || id != double(int64_t(id)))
            throw modelError(m_path + ": the id of '" + it.key().toStdString() + "' is not a whole number in 0.."
                             + std::to_string(int64_t(bound) - 1));
        if (size_t(id) >= tokens.size())
            tokens.resize(size_t(id) + 1);
        if (!tokens[size_t(id)].empty())
            throw modelError(m_path + ": id " + std::to_string(int64_t(id)) + " is given to two tokens");
        tokens[size_t(id)] = it.key().toStdString();
    }
    for (size_t i = 0; i < tokens.size(); ++i)
        if (tokens[i].empty())
            tokens[i] = "[no token " + std::to_string(i) + "]";
    return Vocab::fromTokens(std::move(tokens));
}

Bpe TokenizerJson::bpe() const
{
    const QJsonObject model = m_root.value("model").toObject();
    const QString type = model.value("type").toString();
    if (type != "BPE" && !(type.isEmpty() && model.contains("merges")))
        throw modelError(m_path + ": the model is " + (type.isEmpty() ? QString("of no known type") : type).toStdString() + ", not BPE");
    std::unordered_map<std::string, int> vocab;
    const QJsonObject entries = model.value("vocab").toObject();
    for (auto it = entries.begin(); it != entries.end(); ++it) {
        const double id = it.value().toDouble(-1);
        if (id < 0 || id >= 2.0 * entries.size() + 1024 || id != double(int64_t(id)))
            throw modelError(m_path + ": the id of '" + it.key().toStdString() + "' is not a whole number in range");
        vocab.emplace(it.key().toStdString(), int(id));
    }
    std::vector<std::pair<std::string, std::string>> merges;
    for (const QJsonValue &m : model.value("merges").toArray()) {
        if (m.isArray() && m.toArray().size() == 2) {
            merges.emplace_back(m.toArray()[0].toString().toStdString(), m.toArray()[1].toString().toStdString());
            continue;
        }
        const QString line = m.toString();
        const qsizetype space = line.indexOf(' ', 1);
        if (space < 0)
            throw modelError(m_path + ": merge " + std::to_string(merges.size() + 1) + " is not two tokens");
        merges.emplace_back(line.left(space).toStdString(), line.mid(space + 1).toStdString());
    }
    const auto unk = vocab.find(model.value("unk_token").toString().toStdString());
    const int unknownId = unk == vocab.end() ? -1 : unk->second;
    return Bpe(std::move(vocab), merges, unknownId);
}

Unigram TokenizerJson::unigram() const
{
    const QJsonObject model = m_root.value("model").toObject();
    const QString type = model.value("type").toString();
    if (type != "Unigram" && !(type.isEmpty() && model.value("vocab").isArray()))
        throw modelError(m_path + ": the model is " + (type.isEmpty() ? QString("of no known type") : type).toStdString() + ", not Unigram");
    std::vector<std::pair<std::string, double>> pieces;
    for (const QJsonValue &v : model.value("vocab").toArray()) {
        const QJsonArray entry = v.toArray();
        if (entry.size() != 2 || !entry[0].isString() || !entry[1].isDouble())
            throw modelError(m_path + ": Unigram piece " + std::to_string(pieces.size()) + " is not [piece, score]");
        pieces.emplace_back(entry[0].toString().toStdString(), entry[1].toDouble());
    }
    return Unigram(pieces, model.value("unk_id").toInt(-1));
}

std::vector<AddedToken> TokenizerJson::addedTokens() const
{
    std::vector<AddedToken> out;
    for (const QJsonValue &v : m_root.value("added_tokens").toArray()) {
        const QJsonObject o = v.toObject();
        AddedToken t;
        t.content = o.value("content").toString().toStdString();
        t.id = o.value("id").toInt(-1);
        if (t.content.empty() || t.id < 0)
            throw modelError(m_path + ": added token " + std::to_string(out.size() + 1) + " has no content or no id");
        t.special = o.value("special").toBool();
        t.lstrip = o.value("lstrip").toBool();
        t.rstrip = o.value("rstrip").toBool();
        t.singleWord = o.value("single_word").toBool();
        out.push_back(t);
    }
    return out;
}

Vocab TokenizerJson::vocabulary(std::vector<std::string> tokens) const
{
    const std::vector<AddedToken> added = addedTokens();
    const size_t bound = tokens.size() + added.size() + 1024;
    for (const AddedToken &a : added) {
        if (size_t(a.id) >= bound)
            throw modelError(m_path + ": added token '" + a.content + "' has id " + std::to_string(a.id)
                             + ", far beyond the vocabulary's " + std::to_string(tokens.size()) + " entries");
        if (size_t(a.id) >= tokens.size())
            tokens.resize(size_t(a.id) + 1);
        tokens[size_t(a.id)] = a.content;
    }
    for (size_t i = 0; i < tokens.size(); ++i)
        if (tokens[i].empty())
            tokens[i] = "[no token " + std::to_string(i) + "]";
    return Vocab::fromTokens(std::move(tokens));
}

SpecialTokens TokenizerJson::specialTokens(const Vocab &vocab, const PostProcessor &post) const
{
    SpecialTokens s;
    s.cls = post.firstSpecial();
    s.sep = post.lastSpecial();
    const QJsonObject model = m_root.value("model").toObject();
    if (model.value("unk_id").isDouble())
        s.unknown = model.value("unk_id").toInt(-1);
    else if (model.value("unk_token").isString())
        s.unknown = vocab.id(model.value("unk_token").toString().toStdString());
    if (s.unknown >= vocab.size())
        s.unknown = -1;
    const auto named = [&vocab](std::initializer_list<const char *> names) {
        for (const char *n : names)
            if (vocab.id(n) >= 0)
                return vocab.id(n);
        return -1;
    };
    if (s.unknown < 0)
        s.unknown = named({"<unk>", "[UNK]"});
    s.pad = named({"<pad>", "[PAD]"});
    s.mask = named({"<mask>", "[MASK]"});
    return s;
}

void TokenizerJson::applyBertNormalizer(NormalizerOptions &n) const
{
    const QJsonObject normalizer = m_root.value("normalizer").toObject();
    if (normalizer.value("type").toString() != "BertNormalizer")
        return;
    n.lowercase = normalizer.value("lowercase").toBool(true);
    // null means: strip accents exactly when lower-casing.
    n.stripAccents = normalizer.value("strip_accents").isBool() ? normalizer.value("strip_accents").toBool() : n.lowercase;
    n.spaceOutCjk = normalizer.value("handle_chinese_chars").toBool(true);
}

} // namespace bertlens
