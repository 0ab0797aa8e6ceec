#include "tokenizer/sentence_piece_tokenizer.h"

#include "common/error.h"
#include "tokenizer/tokenizer_json.h"

namespace bertlens {

namespace {

// SentencePiece's word-start mark, shown as the space it stands for.
std::string spaced(const std::string &token)
{
    static const std::string mark = "\u2581";
    std::string out;
    for (size_t at = 0; at < token.size();) {
        if (token.compare(at, mark.size(), mark) == 0) {
            out += ' ';
            at += mark.size();
        } else {
            out += token[at++];
        }
    }
    return out;
}

} // namespace

std::unique_ptr<SentencePieceTokenizer> SentencePieceTokenizer::fromJson(const TokenizerJson &json, const std::string &path)
{
    const QJsonObject root = json.root();
    // In the order Hugging Face runs them, so that a file's first unsupported stage is the one named.
    NormalizerStages normalizer = NormalizerStages::fromJson(root.value("normalizer"), path);
    PreTokenizerStages preTokenizer = PreTokenizerStages::fromJson(root.value("pre_tokenizer"), path);
    std::unique_ptr<SentencePieceTokenizer> t(
        new SentencePieceTokenizer(json.unigram(), std::move(normalizer), std::move(preTokenizer)));
    std::vector<std::string> tokens(size_t(t->m_model.size()));
    for (int id = 0; id < t->m_model.size(); ++id)
        tokens[size_t(id)] = t->m_model.piece(id);
    t->m_added = json.addedTokens();
    t->m_vocab = json.vocabulary(std::move(tokens));
    t->m_post = PostProcessor::fromJson(root.value("post_processor"), t->m_vocab, path);
    t->m_special = json.specialTokens(t->m_vocab, t->m_post);
    return t;
}

std::vector<TokenPiece> SentencePieceTokenizer::split(std::string_view text, TokenizationSteps *steps) const
{
    const CodePoints cps = codePointsOf(text);
    std::vector<TokenPiece> out;
    std::vector<BpeToken> pieces;
    int word = 0;
    for (const TextSegment &s : splitAddedTokens(cps, m_added)) {
        if (s.addedToken >= 0) {
            out.push_back({m_added[size_t(s.addedToken)].id, s.begin, s.end, word++});
            if (steps) {
                steps->cleaned += m_added[size_t(s.addedToken)].content;
                steps->words.push_back({m_added[size_t(s.addedToken)].content, {}, {m_added[size_t(s.addedToken)].content}});
            }
            continue;
        }
        NormalizedString normalized = NormalizedString::of(std::u32string_view(cps).substr(size_t(s.begin), size_t(s.end - s.begin)));
        for (auto &a : normalized.align)
            a = {a.first + s.begin, a.second + s.begin};
        m_normalizer.apply(normalized);
        if (steps)
            steps->cleaned += encodeUtf8(normalized.text);
        for (const NormalizedString &w : m_preTokenizer.split(std::move(normalized))) {
            pieces.clear();
            m_model.tokenize(w.text, pieces);
            if (steps)
                steps->words.push_back({encodeUtf8(w.text), {}, {}});
            for (const BpeToken &p : pieces) {
                const auto [begin, end] = w.originalRange(p.begin, p.end);
                out.push_back({p.id, begin, end, word});
                if (steps)
                    steps->words.back().pieces.push_back(m_vocab.token(p.id));
            }
            ++word;
        }
    }
    return out;
}

std::string SentencePieceTokenizer::surface(int id, bool continuesWord) const
{
    std::string s = spaced(m_vocab.token(id));
    if (!continuesWord)
        s.erase(0, std::min(s.find_first_not_of(' '), s.size()));
    return s;
}

std::string SentencePieceTokenizer::readable(const std::string &token) const { return spaced(token); }

} // namespace bertlens
