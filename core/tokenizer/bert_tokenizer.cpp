#include "tokenizer/bert_tokenizer.h"

#include "common/error.h"
#include "tokenizer/pre_tokenizer.h"

namespace bertlens {

BertTokenizer::BertTokenizer(Vocab vocab, TokenizerOptions options)
    : m_vocab(std::move(vocab)), m_options(options), m_normalizer(options.normalizer)
{
    m_special.cls = m_vocab.requiredId("[CLS]");
    m_special.sep = m_vocab.requiredId("[SEP]");
    m_special.unknown = m_vocab.requiredId("[UNK]");
    m_special.pad = m_vocab.id("[PAD]") >= 0 ? m_vocab.id("[PAD]") : 0;
    m_special.mask = m_vocab.id("[MASK]");
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

std::vector<BertTokenizer::Piece> BertTokenizer::tokenize(std::string_view text, TokenizationSteps *steps) const
{
    CodePoints cps;
    size_t bad = 0;
    if (!decodeUtf8(text, cps, &bad))
        throw inputError("text is not valid UTF-8 (byte " + std::to_string(bad) + ")");
    std::vector<Piece> pieces;
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
    return pieces;
}

void BertTokenizer::tokenizeSegment(std::u32string_view segment, int originBase, std::vector<Piece> &out, int &word,
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
        WordSplit *split = nullptr;
        if (steps) {
            steps->words.push_back({encodeUtf8(wordText), {}, {}});
            split = &steps->words.back();
        }
        m_wordPiece->tokenize(wordText, wordPieces, split ? &split->tried : nullptr);
        if (split)
            for (const WordPieceToken &p : wordPieces)
                split->pieces.push_back(m_vocab.token(p.id));
        for (const WordPieceToken &p : wordPieces) {
            const int first = normalized.origin[size_t(span.begin + p.begin)];
            const int last = normalized.origin[size_t(span.begin + p.end - 1)];
            out.push_back({p.id, first, last + 1, word});
        }
        ++word;
    }
}

TokenizationSteps BertTokenizer::explain(std::string_view text) const
{
    TokenizationSteps steps;
    tokenize(text, &steps);
    // Runs of spaces (the normaliser's, and those around CJK characters) shown as one.
    std::string collapsed;
    for (char ch : steps.cleaned)
        if (ch != ' ' || (!collapsed.empty() && collapsed.back() != ' '))
            collapsed += ch;
    if (!collapsed.empty() && collapsed.back() == ' ')
        collapsed.pop_back();
    steps.cleaned = collapsed;
    return steps;
}

Encoding BertTokenizer::encode(std::string_view text, int maxLength) const
{
    return assemble(tokenize(text), nullptr, maxLength);
}

Encoding BertTokenizer::encodePair(std::string_view textA, std::string_view textB, int maxLength) const
{
    const auto b = tokenize(textB);
    return assemble(tokenize(textA), &b, maxLength);
}

Encoding BertTokenizer::assemble(const std::vector<Piece> &a, const std::vector<Piece> *b, int maxLength) const
{
    const int specials = b ? 3 : 2;
    if (maxLength != 0 && maxLength < specials + 1)
        throw inputError("max length " + std::to_string(maxLength) + " leaves no room for text (the special tokens alone take "
                         + std::to_string(specials) + ")");
    size_t keepA = a.size();
    size_t keepB = b ? b->size() : 0;
    const int total = int(keepA + keepB) + specials;
    if (maxLength > 0) {
        // Longest-first: drop one token at a time from the longer sequence (the second on a tie).
        while (int(keepA + keepB) + specials > maxLength) {
            if (keepA > keepB)
                --keepA;
            else
                --keepB;
        }
    }

    Encoding enc;
    enc.untruncatedLength = total;
    enc.truncated = int(keepA + keepB) + specials < total;
    auto add = [&](int id, int typeId, std::pair<int, int> offsets, TokenRole role, int word) {
        const std::string &token = m_vocab.token(id);
        enc.ids.push_back(id);
        enc.typeIds.push_back(typeId);
        enc.tokens.push_back(token);
        enc.offsets.push_back(offsets);
        enc.specialMask.push_back(word < 0);
        enc.roles.push_back(role);
        enc.wordIds.push_back(word);
        const bool continuation = word >= 0 && enc.size() > 1 && enc.wordIds[enc.wordIds.size() - 2] == word
                                  && token.rfind("##", 0) == 0;
        enc.surfaces.push_back(continuation ? token.substr(2) : token);
    };
    auto addText = [&](const Piece &p, int typeId) { add(p.id, typeId, {p.begin, p.end}, m_special.roleOf(p.id), p.word); };
    add(m_special.cls, 0, {0, 0}, TokenRole::Cls, -1);
    for (size_t i = 0; i < keepA; ++i)
        addText(a[i], 0);
    add(m_special.sep, 0, {0, 0}, TokenRole::Sep, -1);
    if (b) {
        for (size_t i = 0; i < keepB; ++i)
            addText((*b)[i], 1);
        add(m_special.sep, 1, {0, 0}, TokenRole::Sep, -1);
    }
    return enc;
}

} // namespace bertlens
