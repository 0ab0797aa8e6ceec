#include "tokenizer/bpe.h"

#include "common/error.h"

#include <queue>

namespace bertlens {

Bpe::Bpe(std::unordered_map<std::string, int> vocab, const std::vector<std::pair<std::string, std::string>> &merges, int unknownId)
    : m_vocab(std::move(vocab)), m_unknownId(unknownId)
{
    for (size_t rank = 0; rank < merges.size(); ++rank) {
        const auto &[a, b] = merges[rank];
        const int ia = idOf(a), ib = idOf(b), joined = idOf(a + b);
        if (ia < 0 || ib < 0 || joined < 0)
            throw modelError("merge " + std::to_string(rank + 1) + " '" + a + " " + b + "' joins tokens that are not in the vocabulary");
        m_merges.emplace(key(ia, ib), Merge{int(rank), joined}); // the first (lowest) rank of a pair wins
    }
}

int Bpe::idOf(const std::string &token) const
{
    const auto it = m_vocab.find(token);
    return it == m_vocab.end() ? -1 : it->second;
}

void Bpe::tokenize(std::u32string_view word, std::vector<BpeToken> &out) const
{
    // Symbols as a doubly linked list over the word's characters; a merged symbol keeps the first
    // node, the second is marked dead.
    struct Symbol {
        int id, begin, end, prev, next;
        bool alive;
    };
    std::vector<Symbol> s;
    s.reserve(word.size());
    for (size_t i = 0; i < word.size(); ++i) {
        int id = idOf(encodeUtf8(word.substr(i, 1)));
        if (id < 0) {
            if (m_unknownId < 0)
                throw inputError("the character U+" + std::to_string(uint32_t(word[i])) + " is not in the BPE vocabulary, which has no unknown token");
            id = m_unknownId;
        }
        s.push_back({id, int(i), int(i + 1), int(i) - 1, int(i + 1) < int(word.size()) ? int(i + 1) : -1, true});
    }
    // Candidates: (rank, position of the left symbol, the right symbol's id when queued).
    struct Candidate {
        int rank, left, right, rightId;
        bool operator>(const Candidate &o) const { return rank != o.rank ? rank > o.rank : left > o.left; }
    };
    std::priority_queue<Candidate, std::vector<Candidate>, std::greater<Candidate>> heap;
    auto consider = [&](int left) {
        const int right = left >= 0 ? s[size_t(left)].next : -1;
        if (left < 0 || right < 0)
            return;
        const auto it = m_merges.find(key(s[size_t(left)].id, s[size_t(right)].id));
        if (it != m_merges.end())
            heap.push({it->second.rank, left, right, s[size_t(right)].id});
    };
    for (int i = 0; i + 1 < int(s.size()); ++i)
        consider(i);
    while (!heap.empty()) {
        const Candidate c = heap.top();
        heap.pop();
        Symbol &left = s[size_t(c.left)];
        // Stale: a neighbour merged since this candidate was queued.
        if (!left.alive || left.next != c.right || !s[size_t(c.right)].alive || s[size_t(c.right)].id != c.rightId)
            continue;
        const auto it = m_merges.find(key(left.id, s[size_t(c.right)].id));
        if (it == m_merges.end() || it->second.rank != c.rank)
            continue;
        Symbol &right = s[size_t(c.right)];
        left.id = it->second.id;
        left.end = right.end;
        left.next = right.next;
        right.alive = false;
        if (right.next >= 0)
            s[size_t(right.next)].prev = c.left;
        consider(left.prev);
        consider(c.left);
    }
    for (const Symbol &sym : s)
        if (sym.alive)
            out.push_back({sym.id, sym.begin, sym.end});
}

std::vector<std::string> Bpe::tokensById() const
{
    std::vector<std::string> tokens;
    for (const auto &[token, id] : m_vocab) {
        if (size_t(id) >= tokens.size())
            tokens.resize(size_t(id) + 1);
        tokens[size_t(id)] = token;
    }
    return tokens;
}

} // namespace bertlens
