#include "tokenizer/tokenizer.h"

#include "common/error.h"

namespace bertlens {

Encoding Tokenizer::encode(std::string_view text, int maxLength) const
{
    return finish(m_post.assemble(split(text, nullptr), nullptr, maxLength, m_vocab));
}

Encoding Tokenizer::encodePair(std::string_view textA, std::string_view textB, int maxLength) const
{
    const std::vector<TokenPiece> b = split(textB, nullptr);
    return finish(m_post.assemble(split(textA, nullptr), &b, maxLength, m_vocab));
}

Encoding Tokenizer::assemble(const std::vector<TokenPiece> &text) const
{
    return finish(m_post.assemble(text, nullptr, 0, m_vocab));
}

TokenizationSteps Tokenizer::explain(std::string_view text) const
{
    TokenizationSteps steps;
    const std::vector<TokenPiece> pieces = split(text, &steps);
    if (steps.cleaned.empty())
        steps.cleaned = std::string(text);
    if (steps.words.empty() && !pieces.empty()) {
        // A family that does not describe its words: each word is the text its pieces cover.
        CodePoints cps;
        decodeUtf8(text, cps);
        int word = -1, begin = 0;
        for (const TokenPiece &p : pieces) {
            if (p.word != word) {
                word = p.word;
                begin = p.begin;
                steps.words.push_back({});
            }
            WordSplit &w = steps.words.back();
            if (p.end > begin && size_t(p.end) <= cps.size())
                w.word = encodeUtf8(std::u32string_view(cps).substr(size_t(begin), size_t(p.end - begin)));
            w.pieces.push_back(m_vocab.token(p.id)); // as the vocabulary holds it (Ġ…)
        }
    }
    return steps;
}

CodePoints Tokenizer::codePointsOf(std::string_view text)
{
    CodePoints cps;
    size_t bad = 0;
    if (!decodeUtf8(text, cps, &bad))
        throw inputError("text is not valid UTF-8 (byte " + std::to_string(bad) + ")");
    return cps;
}

std::string Tokenizer::label(int id) const { return shown(readable(m_vocab.token(id))); }

std::string Tokenizer::shown(std::string readableText)
{
    // A token that is only spaces would be an empty-looking chip: each space shown as ␣.
    if (readableText.empty() || readableText.find_first_not_of(' ') != std::string::npos)
        return readableText;
    std::string marks;
    for (size_t i = 0; i < readableText.size(); ++i)
        marks += "\u2423";
    return marks;
}

Encoding Tokenizer::finish(Encoding e) const
{
    const size_t n = e.ids.size();
    e.roles.resize(n);
    e.surfaces.resize(n);
    e.labels.resize(n);
    for (size_t i = 0; i < n; ++i) {
        const int id = e.ids[i];
        const TokenRole role = m_special.roleOf(id);
        if (e.specialMask[i]) {
            e.roles[i] = role == TokenRole::Text ? TokenRole::Sep : role;
            e.surfaces[i] = e.tokens[i];
            e.labels[i] = e.tokens[i];
        } else {
            e.roles[i] = role;
            e.surfaces[i] = role == TokenRole::Text ? surface(id, e.continuesWord(int(i))) : e.tokens[i];
            e.labels[i] = role == TokenRole::Text ? shown(readable(e.tokens[i])) : e.tokens[i];
        }
    }
    return e;
}

} // namespace bertlens
