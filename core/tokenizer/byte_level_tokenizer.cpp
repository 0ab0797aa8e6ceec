#include "tokenizer/byte_level_tokenizer.h"

#include "common/error.h"
#include "tokenizer/byte_level.h"
#include "tokenizer/byte_level_bpe.h"
#include "tokenizer/tokenizer_json.h"

#include <QJsonArray>

namespace bertlens {

namespace {

// The bytes a byte-level token stands for ("Ġworld" → " world"); false for a token outside the
// byte alphabet (an added token such as <s>).
bool byteLevelBytes(const std::string &token, std::string &bytes)
{
    CodePoints cps;
    if (!decodeUtf8(token, cps))
        return false;
    bytes.clear();
    for (char32_t c : cps) {
        const int b = byteOfByteLevelChar(c);
        if (b < 0)
            return false;
        bytes += char(b);
    }
    return true;
}

std::string typeName(const QJsonValue &v)
{
    const QString type = v.toObject().value("type").toString();
    return type.isEmpty() ? "(none)" : type.toStdString();
}

} // namespace

std::unique_ptr<ByteLevelTokenizer> ByteLevelTokenizer::fromJson(const TokenizerJson &json, const std::string &path)
{
    const QJsonObject root = json.root();
    if (!root.value("normalizer").isNull() && root.contains("normalizer"))
        throw modelError(path + ": normalizer " + typeName(root.value("normalizer"))
                         + " is not one a byte-level tokenizer applies (none)");
    const QJsonObject pre = root.value("pre_tokenizer").toObject();
    if (typeName(pre) != "ByteLevel")
        throw modelError(path + ": pre-tokenizer " + typeName(pre) + " is not ByteLevel");
    if (pre.value("add_prefix_space").toBool(false))
        throw modelError(path + ": ByteLevel with add_prefix_space is not supported");
    std::unique_ptr<ByteLevelTokenizer> t(new ByteLevelTokenizer(json.bpe()));
    const QJsonObject post = root.value("post_processor").toObject();
    t->m_trimOffsets = post.value("trim_offsets").toBool(true);
    for (const QJsonValue &p : post.value("processors").toArray())
        if (typeName(p) == "ByteLevel")
            t->m_trimOffsets = p.toObject().value("trim_offsets").toBool(true);
    t->m_added = json.addedTokens();
    t->m_vocab = json.vocabulary(t->m_bpe.tokensById());
    t->m_post = PostProcessor::fromJson(root.value("post_processor"), t->m_vocab, path);
    t->m_special = json.specialTokens(t->m_vocab, t->m_post);
    return t;
}

std::vector<TokenPiece> ByteLevelTokenizer::split(std::string_view text, TokenizationSteps *) const
{
    const CodePoints cps = codePointsOf(text);
    std::vector<TokenPiece> out;
    int word = 0;
    for (const TextSegment &s : splitAddedTokens(cps, m_added)) {
        if (s.addedToken >= 0) {
            out.push_back({m_added[size_t(s.addedToken)].id, s.begin, s.end, word++});
            continue;
        }
        int last = -1;
        for (const TokenPiece &p : byteLevelBpe(std::u32string_view(cps).substr(size_t(s.begin), size_t(s.end - s.begin)), m_bpe, m_trimOffsets)) {
            out.push_back({p.id, s.begin + p.begin, s.begin + p.end, word + p.word});
            last = std::max(last, p.word);
        }
        word += last + 1;
    }
    return out;
}

std::string ByteLevelTokenizer::surface(int id, bool continuesWord) const
{
    std::string bytes;
    if (!byteLevelBytes(m_vocab.token(id), bytes))
        return m_vocab.token(id);
    if (!continuesWord)
        bytes.erase(0, bytes.find_first_not_of(' ') == std::string::npos ? bytes.size() : bytes.find_first_not_of(' '));
    return bytes;
}

std::string ByteLevelTokenizer::readable(const std::string &token) const
{
    std::string bytes;
    if (!byteLevelBytes(token, bytes))
        return token;
    CodePoints cps;
    if (decodeUtf8(bytes, cps))
        return bytes;
    // Part of a character split across tokens: its bytes, as Hugging Face's byte fallback writes them.
    static const char hex[] = "0123456789ABCDEF";
    std::string shown;
    for (unsigned char b : bytes)
        shown += b < 0x80 ? std::string(1, char(b)) : std::string("<0x") + hex[b >> 4] + hex[b & 15] + ">";
    return shown;
}

} // namespace bertlens
