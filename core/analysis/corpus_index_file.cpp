// The saved corpus index (FILE.bertlens-index): a header in JSON that says what made it, then the
// lines, the token occurrences, the token vectors, the projection and the line vectors, raw.
#include "analysis/corpus_index.h"

#include "analysis/corpus_file.h"
#include "io/atomic_file.h"
#include "model/loaded_model.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <ATen/ATen.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <sys/stat.h>

namespace bertlens {

namespace {

constexpr char kMagic[8] = {'B', 'L', 'I', 'D', 'X', '0', '0', '1'};
constexpr int kFormatVersion = 1;
constexpr int64_t kMaxHeaderBytes = 1 << 16;

// Reading a saved index: every count is checked against the bytes that are left before anything
// is allocated, so a damaged or hostile file cannot make it allocate more than its own size.
class Reader {
public:
    // Read with fread, not mapped: the pages of a multi-gigabyte index would otherwise count twice
    // in the process's memory while they are copied into tensors.
    explicit Reader(const std::string &path) : m_file(std::fopen(path.c_str(), "rb"))
    {
        struct stat st {};
        if (m_file && ::fstat(fileno(m_file), &st) == 0 && S_ISREG(st.st_mode))
            m_size = size_t(st.st_size);
        else if (m_file) {
            std::fclose(m_file);
            m_file = nullptr;
        }
    }
    ~Reader()
    {
        if (m_file)
            std::fclose(m_file);
    }
    Reader(const Reader &) = delete;
    Reader &operator=(const Reader &) = delete;
    bool opened() const { return m_file != nullptr; }
    bool take(void *out, size_t bytes)
    {
        if (bytes > m_size - m_at)
            return false;
        if (bytes == 0) // an empty tensor's data may be null
            return true;
        if (std::fread(out, 1, bytes, m_file) != bytes)
            return false;
        m_at += bytes;
        return true;
    }
    bool string(std::string &out)
    {
        uint32_t length = 0;
        if (!take(&length, sizeof length) || length > m_size - m_at)
            return false;
        out.resize(length);
        return take(out.data(), length);
    }
    bool tensor(at::Tensor &out, std::vector<int64_t> shape, at::ScalarType type)
    {
        size_t bytes = c10::elementSize(type);
        for (int64_t d : shape) {
            if (d < 0 || (d > 0 && bytes > (m_size - m_at) / size_t(d)))
                return false;
            bytes *= size_t(d);
        }
        if (bytes > m_size - m_at)
            return false;
        out = at::empty(shape, type);
        return take(out.data_ptr(), bytes);
    }
    size_t left() const { return m_size - m_at; }
    size_t size() const { return m_size; }

private:
    std::FILE *m_file;
    size_t m_size = 0;
    size_t m_at = 0;
};

template <class T> std::string bytesOf(const T &value) { return std::string(reinterpret_cast<const char *>(&value), sizeof value); }

std::string stringBytes(const std::string &s) { return bytesOf(uint32_t(s.size())) + s; }

std::string tensorBytes(const at::Tensor &t)
{
    const at::Tensor c = t.contiguous();
    return std::string(static_cast<const char *>(c.data_ptr()), size_t(c.numel()) * c.element_size());
}

} // namespace

void CorpusIndex::save(const std::string &indexPath) const
{
    QJsonObject header{{"version", kFormatVersion},
                       {"model", QString::fromStdString(m_model)},
                       {"layer", m_layer},
                       {"pooling", poolingName(m_pooling)},
                       {"corpus_bytes", double(m_corpusBytes)},
                       {"corpus_hash", QString::number(qulonglong(m_corpusHash))},
                       {"lines", double(m_lines.size())},
                       {"tokens", double(tokenCount())},
                       {"dims", tokenDims()},
                       {"hidden", int(m_lineVectors.size(1))},
                       {"reduced", reduced()}};
    const std::string json = QJsonDocument(header).toJson(QJsonDocument::Compact).toStdString();
    AtomicFile file(indexPath);
    file.write(kMagic, sizeof kMagic);
    file.write(bytesOf(uint32_t(json.size())) + json);
    std::string block;
    for (const CorpusLine &l : m_lines)
        block += bytesOf(int64_t(l.line)) + stringBytes(l.text) + stringBytes(l.label);
    file.write(block);
    file.write(reinterpret_cast<const char *>(m_occurrences.data()), m_occurrences.size() * sizeof(Occurrence));
    for (const at::Tensor &block : m_tokenBlocks)
        file.write(tensorBytes(block));
    if (reduced())
        file.write(tensorBytes(m_projection));
    file.write(tensorBytes(m_lineVectors));
    file.commit();
}

CorpusIndex CorpusIndex::load(const std::string &indexPath, const LoadedModel &model, const std::string &corpusPath,
                              const CorpusIndexOptions &options, std::string *why)
{
    auto stale = [&](const std::string &reason) {
        if (why)
            *why = indexPath + ": " + reason;
        return CorpusIndex();
    };
    Reader in(indexPath);
    if (!in.opened())
        return stale("no saved index");
    char magic[8];
    uint32_t headerBytes = 0;
    if (!in.take(magic, sizeof magic) || std::memcmp(magic, kMagic, sizeof kMagic) || !in.take(&headerBytes, sizeof headerBytes)
        || headerBytes > kMaxHeaderBytes || headerBytes > in.left())
        return stale("not a BertLens corpus index");
    std::string json(headerBytes, '\0');
    in.take(json.data(), headerBytes);
    const QJsonObject h = QJsonDocument::fromJson(QByteArray::fromStdString(json)).object();
    const int layer = options.layer < 0 ? model.config.numLayers : options.layer;
    if (h["version"].toInt() != kFormatVersion)
        return stale("made by another version of BertLens");
    if (h["model"].toString().toStdString() != modelFingerprint(model))
        return stale("made with another model");
    if (h["layer"].toInt() != layer || h["pooling"].toString() != poolingName(options.pooling))
        return stale("made for another layer or pooling");
    const CorpusFile corpus = readCorpus(corpusPath);
    if (h["corpus_bytes"].toDouble() != double(corpus.bytes) || h["corpus_hash"].toString() != QString::number(qulonglong(corpus.hash)))
        return stale("the corpus has changed since");
    const double lines = h["lines"].toDouble(), tokens = h["tokens"].toDouble();
    const int dims = h["dims"].toInt(), hidden = h["hidden"].toInt();
    if (lines != double(corpus.lines.size()) || tokens < 0 || tokens > double(in.size()) || hidden != model.config.hiddenSize
        || dims <= 0 || dims > hidden || (!h["reduced"].toBool() && dims != hidden))
        return stale("its header does not match its contents");
    CorpusIndex index(model, layer, options.pooling, corpus.bytes, corpus.hash);
    index.m_lines.resize(corpus.lines.size());
    for (CorpusLine &l : index.m_lines) {
        int64_t number = 0;
        if (!in.take(&number, sizeof number) || !in.string(l.text) || !in.string(l.label))
            return stale("truncated");
        l.line = number;
    }
    if (size_t(tokens) > in.left() / sizeof(Occurrence))
        return stale("truncated");
    index.m_occurrences.resize(size_t(tokens));
    in.take(index.m_occurrences.data(), index.m_occurrences.size() * sizeof(Occurrence));
    for (const Occurrence &o : index.m_occurrences)
        if (o.line < 0 || size_t(o.line) >= index.m_lines.size() || o.id < 0 || o.id >= model.tokenizer->vocab().size())
            return stale("a token refers to no line or no vocabulary entry");
    index.m_tokenDims = dims;
    index.m_tokenCount = int64_t(tokens);
    for (int64_t first = 0; first < int64_t(index.m_tokenCount); first += kTokenBlockRows) {
        at::Tensor block;
        if (!in.tensor(block, {std::min<int64_t>(kTokenBlockRows, index.m_tokenCount - first), dims}, at::kHalf))
            return stale("truncated");
        index.m_tokenBlocks.push_back(block);
    }
    if ((h["reduced"].toBool() && !in.tensor(index.m_projection, {hidden, dims}, at::kFloat))
        || !in.tensor(index.m_lineVectors, {int64_t(lines), hidden}, at::kFloat) || in.left() != 0)
        return stale("truncated or too long");
    // What the index itself computed is finite; anything else was not written by it (and would
    // make every score, and the projection, meaningless).
    auto finite = [](const at::Tensor &t) { return !t.defined() || at::isfinite(t).all().item<bool>(); };
    if (!finite(index.m_projection) || !finite(index.m_lineVectors)
        || !std::all_of(index.m_tokenBlocks.begin(), index.m_tokenBlocks.end(), finite))
        return stale("it holds values that are not finite numbers");
    return index;
}

} // namespace bertlens
