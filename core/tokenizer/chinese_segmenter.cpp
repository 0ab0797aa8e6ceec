#include "tokenizer/chinese_segmenter.h"

#include "common/error.h"
#include "common/small_file.h"
#include "tokenizer/unicode_text.h"

#include <cmath>
#include <cstdlib>
#include <sstream>
#include <limits>
#include <sys/stat.h>

namespace bertlens {

ChineseSegmenter ChineseSegmenter::load(const std::string &path)
{
    std::istringstream in(readSmallFile(path, kMaxModelTextBytes, ErrorKind::Input));
    ChineseSegmenter s;
    double total = 0;
    std::string line;
    for (long long n = 1; std::getline(in, line); ++n) {
        if (line.empty())
            continue;
        const size_t space = line.find(' ');
        CodePoints word;
        if (space == std::string::npos || space == 0 || !decodeUtf8(line.substr(0, space), word))
            throw inputError(path + ": line " + std::to_string(n) + " is not 'word frequency [tag]'");
        const double frequency = std::atof(line.c_str() + space + 1);
        s.m_frequency[word] = frequency;
        total += frequency;
        for (size_t i = 1; i < word.size(); ++i)
            s.m_frequency.emplace(word.substr(0, i), 0.0); // prefixes end the DAG search early
    }
    s.m_logTotal = std::log(std::max(total, 1.0));
    return s;
}

std::string ChineseSegmenter::defaultDictionary()
{
    struct stat st {};
    if (const char *env = std::getenv("BERTLENS_JIEBA_DICT"); env && ::stat(env, &st) == 0)
        return env;
    const char *debian = "/usr/lib/python3/dist-packages/jieba/dict.txt";
    return ::stat(debian, &st) == 0 ? debian : "";
}

std::vector<std::u32string> ChineseSegmenter::cut(const std::u32string &text) const
{
    const size_t n = text.size();
    // route[i]: the best log-probability of text[i..] and where its first word ends.
    std::vector<std::pair<double, size_t>> route(n + 1, {0.0, 0});
    for (size_t i = n; i-- > 0;) {
        route[i] = {-std::numeric_limits<double>::infinity(), i};
        for (size_t end = i; end < n; ++end) {
            const auto it = m_frequency.find(text.substr(i, end - i + 1));
            if (it == m_frequency.end())
                break; // not even a prefix of a word
            if (it->second <= 0)
                continue; // a prefix only
            const double score = std::log(it->second) - m_logTotal + route[end + 1].first;
            if (score >= route[i].first) // ties: the longer word, as jieba's max over (score, end)
                route[i] = {score, end};
        }
        if (route[i].first == -std::numeric_limits<double>::infinity()) // a character no word starts with
            route[i] = {std::log(1.0) - m_logTotal + route[i + 1].first, i};
    }
    std::vector<std::u32string> words;
    for (size_t i = 0; i < n; i = route[i].second + 1)
        words.push_back(text.substr(i, route[i].second - i + 1));
    return words;
}

} // namespace bertlens
