#include "analysis/corpus_file.h"

#include "analysis/corpus_index.h"
#include "common/error.h"
#include "common/small_file.h"
#include "io/text_source.h"
#include "tokenizer/unicode_text.h"

#include <sys/stat.h>

namespace bertlens {

namespace {

uint64_t fnv1a(const void *data, size_t size, uint64_t hash = 1469598103934665603ull)
{
    const auto *bytes = static_cast<const unsigned char *>(data);
    for (size_t i = 0; i < size; ++i)
        hash = (hash ^ bytes[i]) * 1099511628211ull;
    return hash;
}

} // namespace

CorpusFile readCorpus(const std::string &path)
{
    CorpusFile corpus;
    // Read again by every search (to check the index against it): a FIFO or a device, which can
    // be read once or never ends, is refused before it is opened.
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode))
        throw inputError(path + " is " + describeFileType(st.st_mode) + ", not a regular file: a corpus is read again by every search");
    LineReader reader(path);
    if (reader.total() > CorpusIndex::kMaxCorpusBytes)
        throw inputError(path + ": the corpus has " + std::to_string(reader.total()) + " bytes; a corpus to search may have at most "
                         + std::to_string(CorpusIndex::kMaxCorpusBytes));
    corpus.hash = fnv1a(nullptr, 0);
    std::string text;
    for (long long line = 0; reader.next(text); ++line) {
        corpus.hash = fnv1a(text.data(), text.size(), fnv1a("\n", 1, corpus.hash));
        corpus.bytes += (long long)text.size() + 1;
        if (text.find_first_not_of(" \t\r") == std::string::npos)
            continue;
        if ((long long)corpus.lines.size() == CorpusIndex::kMaxLines)
            throw inputError(path + ": more than " + std::to_string(CorpusIndex::kMaxLines)
                             + " lines; split the corpus or search a sample of it");
        CodePoints cps;
        size_t bad = 0;
        if (!decodeUtf8(text, cps, &bad))
            throw inputError(path + ": line " + std::to_string(line + 1) + " is not valid UTF-8 (byte " + std::to_string(bad + 1) + ")");
        CorpusLine l;
        l.line = line;
        const size_t tab = text.find('\t');
        l.text = text.substr(0, tab);
        if (tab != std::string::npos)
            l.label = text.substr(tab + 1);
        corpus.lines.push_back(std::move(l));
    }
    return corpus;
}

} // namespace bertlens
