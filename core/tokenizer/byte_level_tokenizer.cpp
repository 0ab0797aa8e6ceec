#include "tokenizer/byte_level_tokenizer.h"

#include "common/error.h"
#include "tokenizer/byte_level.h"
#include "tokenizer/byte_level_bpe.h"
#include "tokenizer/tokenizer_json.h"

#include <QJsonArray>

namespace bertlens {

namespace {

// A token's bytes as text ("Ġworld" → " world"); a piece of a character split across tokens
// stays its bytes.
std::string decodeByteLevel(const std::string &token)
{
    CodePoints cps;
    if (!decodeUtf8(token, cps))
        return token;
    std::string bytes;
    for (char32_t c : cps) {
        const int b = byteOfByteLevelChar(c);
        if (b < 0)
            return token; // not a byte-level token (an added token)
        bytes += char(b);
    }
    return bytes;
}

} // namespace

ByteLevelTokenizer ByteLevelTokenizer::fromJson(const TokenizerJson &json, const std::string &path)
{
    const QJsonObject root = json.root();
    auto typeOf = [](const QJsonValue &v) { return v.toObject().value("type").toString().toStdString(); };
    if (!root.value("normalizer").isNull() && root.contains("normalizer"))
        throw modelError(path + ": normalizer " + typeOf(root.value("normalizer")) + " is not one this tokenizer applies yet");
    if (typeOf(root.value("pre_tokenizer")) != "ByteLevel")
        throw modelError(path + ": pre-tokenizer " + typeOf(root.value("pre_tokenizer")) + " is not ByteLevel");
    if (root.value("pre_tokenizer").toObject().value("add_prefix_space").toBool(false))
        throw modelError(path + ": ByteLevel with add_prefix_space is not supported yet");
    const std::string post = typeOf(root.value("post_processor"));
    if (post != "RobertaProcessing")
        throw modelError(path + ": post-processor " + post + " is not RobertaProcessing");
    ByteLevelTokenizer t(json.bpe());
    t.m_trimOffsets = root.value("post_processor").toObject().value("trim_offsets").toBool(true);
    const QJsonObject vocab = root.value("model").toObject().value("vocab").toObject();
    for (auto it = vocab.begin(); it != vocab.end(); ++it) {
        const size_t id = size_t(it.value().toInt());
        if (id >= t.m_tokens.size())
            t.m_tokens.resize(id + 1);
        t.m_tokens[id] = it.key().toStdString();
    }
    t.m_added = json.addedTokens();
    for (const AddedToken &a : t.m_added) {
        if (size_t(a.id) >= t.m_tokens.size())
            t.m_tokens.resize(size_t(a.id) + 1);
        t.m_tokens[size_t(a.id)] = a.content;
    }
    const QJsonObject p = root.value("post_processor").toObject();
    t.m_special.cls = p.value("cls").toArray().at(1).toInt(-1);
    t.m_special.sep = p.value("sep").toArray().at(1).toInt(-1);
    if (t.m_special.cls < 0 || t.m_special.sep < 0)
        throw modelError(path + ": RobertaProcessing names no cls or sep token");
    t.m_special.pad = t.m_bpe.idOf("<pad>");
    t.m_special.mask = t.m_bpe.idOf("<mask>");
    t.m_special.unknown = t.m_bpe.idOf("<unk>");
    return t;
}

std::vector<ByteLevelTokenizer::Piece> ByteLevelTokenizer::tokenize(std::string_view text) const
{
    CodePoints cps;
    size_t bad = 0;
    if (!decodeUtf8(text, cps, &bad))
        throw inputError("text is not valid UTF-8 (byte " + std::to_string(bad) + ")");
    std::vector<Piece> out;
    int word = 0;
    for (const TextSegment &s : splitAddedTokens(cps, m_added)) {
        if (s.addedToken >= 0) {
            out.push_back({m_added[size_t(s.addedToken)].id, s.begin, s.end, word++});
            continue;
        }
        int last = -1;
        for (const TextPiece &p : byteLevelBpe(std::u32string_view(cps).substr(size_t(s.begin), size_t(s.end - s.begin)), m_bpe, m_trimOffsets)) {
            out.push_back({p.id, s.begin + p.begin, s.begin + p.end, word + p.word});
            last = std::max(last, p.word);
        }
        word += last + 1;
    }
    return out;
}

Encoding ByteLevelTokenizer::encode(std::string_view text, int maxLength) const { return assemble(tokenize(text), nullptr, maxLength); }

Encoding ByteLevelTokenizer::encodePair(std::string_view textA, std::string_view textB, int maxLength) const
{
    const auto b = tokenize(textB);
    return assemble(tokenize(textA), &b, maxLength);
}

Encoding ByteLevelTokenizer::assemble(const std::vector<Piece> &a, const std::vector<Piece> *b, int maxLength) const
{
    const int specials = b ? 4 : 2;
    if (maxLength != 0 && maxLength < specials + 1)
        throw inputError("max length " + std::to_string(maxLength) + " leaves no room for text (the special tokens alone take "
                         + std::to_string(specials) + ")");
    size_t keepA = a.size(), keepB = b ? b->size() : 0;
    const int total = int(keepA + keepB) + specials;
    while (maxLength > 0 && int(keepA + keepB) + specials > maxLength)
        (keepB > keepA ? keepB : keepA)--;
    Encoding enc;
    enc.untruncatedLength = total;
    enc.truncated = int(keepA + keepB) + specials < total;
    auto add = [&](int id, std::pair<int, int> offsets, TokenRole role, int word) {
        enc.ids.push_back(id);
        enc.typeIds.push_back(0);
        enc.tokens.push_back(token(id));
        enc.offsets.push_back(offsets);
        enc.specialMask.push_back(word < 0);
        enc.roles.push_back(role);
        enc.wordIds.push_back(word);
        enc.surfaces.push_back(decodeByteLevel(token(id)));
    };
    auto text = [&](const std::vector<Piece> &pieces, size_t keep) {
        for (size_t i = 0; i < keep; ++i)
            add(pieces[i].id, {pieces[i].begin, pieces[i].end}, m_special.roleOf(pieces[i].id), pieces[i].word);
    };
    add(m_special.cls, {0, 0}, TokenRole::Cls, -1);
    text(a, keepA);
    add(m_special.sep, {0, 0}, TokenRole::Sep, -1);
    if (b) {
        add(m_special.sep, {0, 0}, TokenRole::Sep, -1);
        text(*b, keepB);
        add(m_special.sep, {0, 0}, TokenRole::Sep, -1);
    }
    return enc;
}

} // namespace bertlens
