#include "tokenizer/bert_tokenizer.h"

#include "common/error.h"
#include "tokenizer/pre_tokenizer.h"

namespace bertlens {

BertTokenizer::BertTokenizer(Vocab vocab, TokenizerOptions options, std::optional<PostProcessor> post)
    : m_options(options), m_normalizer(options.normalizer)
{
    m_vocab = std::move(vocab);
    m_special.cls = m_vocab.requiredId("[CLS]");
    m_special.sep = m_vocab.requiredId("[SEP]");
    m_special.unknown = m_vocab.requiredId("[UNK]");
    m_special.pad = m_vocab.id("[PAD]") >= 0 ? m_vocab.id("[PAD]") : 0;
    m_special.mask = m_vocab.id("[MASK]");
    m_post = post ? *post : PostProcessor::bert(m_special.cls, m_special.sep, PostProcessor::Truncation::OriginalBert);
    m_wordPiece = std::make_unique<WordPiece>(m_vocab, m_special.unknown, options.maxCharsPerWord);
    for (const char *name : {"[CLS]", "[SEP]", "[PAD]", "[UNK]", "[MASK]"}) {
        const int id = m_vocab.id(name);
        if (id < 0)
            continue;
        CodePoints cps;
        decodeUtf8(name, cps);
        m_literalSpecials.emplace_back(std::move(cps), id);
    }
}

std::vector<TokenPiece> BertTokenizer::split(std::string_view text, TokenizationSteps *steps) const
{
    const CodePoints cps = codePointsOf(text);
    std::vector<TokenPiece> pieces;
    int word = 0;
    const std::u32string_view all(cps);
    size_t segmentStart = 0;
    size_t i = 0;
    while (i < cps.size()) {
        const std::pair<CodePoints, int> *match = nullptr;
        if (cps[i] == U'[') {
            for (const auto &special : m_literalSpecials) {
                if (all.substr(i, special.first.size()) == special.first) {
                    match = &special;
                    break;
                }
            }
        }
        if (!match) {
            ++i;
            continue;
        }
        tokenizeSegment(all.substr(segmentStart, i - segmentStart), int(segmentStart), pieces, word, steps);
        pieces.push_back({match->second, int(i), int(i + match->first.size()), word++});
        if (steps) {
            const std::string special = encodeUtf8(match->first);
            steps->cleaned += " " + special + " ";
            steps->words.push_back({special, {}, {special}});
        }
        i += match->first.size();
        segmentStart = i;
    }
    tokenizeSegment(all.substr(segmentStart), int(segmentStart), pieces, word, steps);
    if (steps) {
        // Runs of spaces (the normaliser's, and those around CJK characters) shown as one.
        std::string collapsed;
        for (char ch : steps->cleaned)
            if (ch != ' ' || (!collapsed.empty() && collapsed.back() != ' '))
                collapsed += ch;
        if (!collapsed.empty() && collapsed.back() == ' ')
            collapsed.pop_back();
        steps->cleaned = collapsed;
    }
    return pieces;
}

void BertTokenizer::tokenizeSegment(std::u32string_view segment, int originBase, std::vector<TokenPiece> &out, int &word,
                                    TokenizationSteps *steps) const
{
    if (segment.empty())
        return;
    NormalizedText normalized;
    m_normalizer.normalize(segment, originBase, normalized);
    if (steps)
        steps->cleaned += encodeUtf8(normalized.text);
    std::vector<WordPieceToken> wordPieces;
    for (const WordSpan &span : splitWords(normalized.text)) {
        wordPieces.clear();
        const auto wordText = std::u32string_view(normalized.text).substr(size_t(span.begin), size_t(span.end - span.begin));
        WordSplit *record = nullptr;
        if (steps) {
            steps->words.push_back({encodeUtf8(wordText), {}, {}});
            record = &steps->words.back();
        }
        m_wordPiece->tokenize(wordText, wordPieces, record ? &record->tried : nullptr);
        if (record)
            for (const WordPieceToken &p : wordPieces)
                record->pieces.push_back(m_vocab.token(p.id));
        for (const WordPieceToken &p : wordPieces) {
            const int first = normalized.origin[size_t(span.begin + p.begin)];
            const int last = normalized.origin[size_t(span.begin + p.end - 1)];
            out.push_back({p.id, first, last + 1, word});
        }
        ++word;
    }
}

std::string BertTokenizer::surface(int id, bool continuesWord) const
{
    const std::string &token = m_vocab.token(id);
    return continuesWord && token.rfind("##", 0) == 0 ? token.substr(2) : token;
}

} // namespace bertlens
