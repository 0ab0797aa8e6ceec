#include "tokenizer/tokenizer_files.h"

#include "common/error.h"
#include "tokenizer/byte_level_tokenizer.h"
#include "tokenizer/sentence_piece_tokenizer.h"
#include "tokenizer/tokenizer_json.h"

namespace bertlens {

namespace {

std::unique_ptr<Tokenizer> wordPieceOf(const TokenizerJson &json, TokenizerOptions options)
{
    const QJsonObject root = json.root();
    auto stage = [&root](const char *key) { return root.value(key).toObject().value("type").toString(); };
    auto given = [&root](const char *key) { return root.value(key).isObject(); };
    if (given("normalizer") && stage("normalizer") != "BertNormalizer")
        throw modelError(json.path() + ": normalizer '" + stage("normalizer").toStdString()
                         + "' is not supported with WordPiece (BertNormalizer)");
    if (given("pre_tokenizer") && stage("pre_tokenizer") != "BertPreTokenizer")
        throw modelError(json.path() + ": pre-tokenizer '" + stage("pre_tokenizer").toStdString()
                         + "' is not supported with WordPiece (BertPreTokenizer)");
    json.applyBertNormalizer(options.normalizer);
    Vocab vocab = json.wordPieceVocab();
    PostProcessor post = PostProcessor::fromJson(root.value("post_processor"), vocab, json.path());
    return std::make_unique<BertTokenizer>(std::move(vocab), options, std::move(post));
}

} // namespace

std::unique_ptr<Tokenizer> readTokenizer(const std::string &path, TokenizerOptions options)
{
    if (path.size() < 14 || path.compare(path.size() - 14, 14, "tokenizer.json") != 0)
        return std::make_unique<BertTokenizer>(Vocab::load(path), options);
    const TokenizerJson json = TokenizerJson::read(path);
    const std::string type = json.modelType();
    if (type == "WordPiece")
        return wordPieceOf(json, options);
    if (type == "BPE")
        return ByteLevelTokenizer::fromJson(json, path);
    if (type == "Unigram")
        return SentencePieceTokenizer::fromJson(json, path);
    throw modelError(path + ": tokenizer model '" + (type.empty() ? std::string("(none)") : type)
                     + "' is not supported (WordPiece, BPE, Unigram)");
}

} // namespace bertlens
