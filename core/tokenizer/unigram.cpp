#include "tokenizer/unigram.h"

#include "common/error.h"

#include <algorithm>
#include <limits>

namespace bertlens {

namespace {
constexpr double kUnknownPenalty = 10.0; // SentencePiece's and Hugging Face's
}

Unigram::Unigram(const std::vector<std::pair<std::string, double>> &pieces, int unknownId) : m_unknownId(unknownId)
{
    if (unknownId < 0 || unknownId >= int(pieces.size()))
        throw modelError("the Unigram model's unk_id " + std::to_string(unknownId) + " is not one of its " + std::to_string(pieces.size()) + " pieces");
    double lowest = std::numeric_limits<double>::max();
    for (size_t id = 0; id < pieces.size(); ++id) {
        CodePoints cps;
        decodeUtf8(pieces[id].first, cps);
        m_byId.push_back(pieces[id].first);
        lowest = std::min(lowest, pieces[id].second);
        if (!cps.empty() && int(id) != unknownId) {
            m_longest = std::max(m_longest, cps.size());
            m_pieces.emplace(std::move(cps), std::make_pair(int(id), pieces[id].second)); // the first of duplicates wins
        }
    }
    m_unknownScore = lowest - kUnknownPenalty;
}

void Unigram::tokenize(std::u32string_view word, std::vector<BpeToken> &out) const
{
    const size_t n = word.size();
    struct Best {
        double score = -std::numeric_limits<double>::infinity();
        int start = -1; // where the piece ending here starts; -1: not reached
        int id = -1;
    };
    std::vector<Best> best(n + 1);
    best[0].score = 0;
    best[0].start = 0;
    for (size_t at = 0; at < n; ++at) {
        if (best[at].start < 0)
            continue;
        bool single = false;
        for (size_t length = 1; length <= m_longest && at + length <= n; ++length) {
            const auto it = m_pieces.find(std::u32string(word.substr(at, length)));
            if (it == m_pieces.end())
                continue;
            single = single || length == 1;
            const double score = best[at].score + it->second.second;
            Best &b = best[at + length];
            if (b.start < 0 || score > b.score)
                b = {score, int(at), it->second.first};
        }
        if (!single) {
            const double score = best[at].score + m_unknownScore;
            Best &b = best[at + 1];
            if (b.start < 0 || score > b.score)
                b = {score, int(at), m_unknownId};
        }
    }
    std::vector<BpeToken> pieces;
    for (int end = int(n); end > 0; end = best[size_t(end)].start)
        pieces.push_back({best[size_t(end)].id, best[size_t(end)].start, end});
    std::reverse(pieces.begin(), pieces.end());
    for (const BpeToken &p : pieces) {
        if (p.id == m_unknownId && !out.empty() && out.back().id == m_unknownId && out.back().end == p.begin)
            out.back().end = p.end; // fused
        else
            out.push_back(p);
    }
}

} // namespace bertlens
