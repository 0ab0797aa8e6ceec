#pragma once

#include <string>
#include <unordered_map>
#include <vector>

namespace bertlens {

// Chinese word segmentation as jieba does it without its HMM: every dictionary word found in the
// text forms a DAG, and the route with the highest product of word frequencies wins. The
// dictionary is data read at run time — jieba's dict.txt ("word frequency tag" per line; MIT
// licence), which Debian ships in python3-jieba — so BertLens carries no copy of it.
class ChineseSegmenter {
public:
    // Reads a jieba dictionary; an input error names the file and line that is malformed.
    static ChineseSegmenter load(const std::string &path);
    // The dictionary BertLens uses: $BERTLENS_JIEBA_DICT, else Debian's python3-jieba; empty if neither exists.
    static std::string defaultDictionary();

    // The words of a text, in order; they concatenate back to the text.
    std::vector<std::u32string> cut(const std::u32string &text) const;
    size_t size() const { return m_frequency.size(); }

private:
    std::unordered_map<std::u32string, double> m_frequency; // 0 for prefixes that are not words
    double m_logTotal = 0;
};

} // namespace bertlens
