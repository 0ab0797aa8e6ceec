#pragma once

#include <string>
#include <unordered_map>
#include <vector>

namespace bertlens {

// A WordPiece vocabulary: token id = 0-based line number of vocab.txt.
class Vocab {
public:
    static Vocab load(const std::string &path);
    static Vocab fromTokens(std::vector<std::string> tokens);

    int size() const { return int(m_tokens.size()); }
    // -1 when the token is not in the vocabulary.
    int id(const std::string &token) const;
    const std::string &token(int id) const { return m_tokens.at(size_t(id)); }
    // The id of a token the model cannot work without ([CLS], [SEP], [UNK]...); throws a model
    // error naming the token and the file when it is absent.
    int requiredId(const std::string &token) const;
    const std::string &path() const { return m_path; }

private:
    std::vector<std::string> m_tokens;
    std::unordered_map<std::string, int> m_ids;
    std::string m_path;
};

} // namespace bertlens
