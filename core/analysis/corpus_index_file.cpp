// The saved corpus index (FILE.bertlens-index): a checksum of everything after it, a header in JSON
// that says what made it, then the lines, the token occurrences, the token vectors, the projection
// and the line vectors, raw. Loading proves the file's integrity (the checksum, streamed while
// reading) and ties it to the corpus by content (every line's text compared with the corpus's),
// and checks every record's bounds: what fails is refused (and rebuilt by the caller), never used.
#include "analysis/corpus_index.h"

#include "analysis/corpus_file.h"
#include "common/small_file.h"
#include "io/atomic_file.h"
#include "model/loaded_model.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <ATen/ATen.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace bertlens {

namespace {

constexpr char kMagic[8] = {'B', 'L', 'I', 'D', 'X', '0', '0', '2'};
constexpr int kFormatVersion = 2;

// A 64-bit checksum of a byte stream in four lanes of 8 bytes (the structure of xxHash64, with its
// published primes): several GB/s, so a multi-gigabyte index still loads at disk speed. It finds
// damage; lies are found by the checks on content (a checksum anyone can recompute proves nothing
// against a forger).
class StreamChecksum {
public:
    void add(const void *data, size_t size)
    {
        if (size == 0) // an empty tensor's data may be null
            return;
        const auto *p = static_cast<const unsigned char *>(data);
        m_length += size;
        if (m_buffered) {
            const size_t n = std::min(size, sizeof m_buffer - m_buffered);
            std::memcpy(m_buffer + m_buffered, p, n);
            m_buffered += n, p += n, size -= n;
            if (m_buffered < sizeof m_buffer)
                return;
            stripe(m_buffer);
            m_buffered = 0;
        }
        for (; size >= sizeof m_buffer; p += sizeof m_buffer, size -= sizeof m_buffer)
            stripe(p);
        std::memcpy(m_buffer, p, size);
        m_buffered = size;
    }
    uint64_t value() const
    {
        uint64_t h = rotl(m_lane[0], 1) + rotl(m_lane[1], 7) + rotl(m_lane[2], 12) + rotl(m_lane[3], 18) + m_length;
        for (size_t i = 0; i < m_buffered; ++i)
            h = rotl(h ^ (m_buffer[i] * kPrime5), 11) * kPrime1;
        h ^= h >> 33, h *= kPrime2, h ^= h >> 29, h *= kPrime3, h ^= h >> 32;
        return h;
    }

private:
    static constexpr uint64_t kPrime1 = 11400714785074694791ull, kPrime2 = 14029467366897019727ull,
                              kPrime3 = 1609587929392839161ull, kPrime5 = 2870177450012600261ull;
    static uint64_t rotl(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }
    void stripe(const unsigned char *p)
    {
        for (int i = 0; i < 4; ++i) {
            uint64_t word;
            std::memcpy(&word, p + 8 * i, 8);
            m_lane[i] = rotl(m_lane[i] + word * kPrime2, 31) * kPrime1;
        }
    }
    uint64_t m_lane[4] = {kPrime1 + kPrime2, kPrime2, 0, 0 - kPrime1};
    unsigned char m_buffer[32];
    size_t m_buffered = 0;
    uint64_t m_length = 0;
};

int codePoints(const std::string &utf8)
{
    return int(std::count_if(utf8.begin(), utf8.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}
constexpr int64_t kMaxHeaderBytes = 1 << 16;
constexpr double kUnitTolerance = 1e-2; // float16 rounding of a unit vector stays well inside

// Reading a saved index: every count is checked against the bytes that are left before anything
// is allocated, so a damaged or hostile file cannot make it allocate more than its own size.
class Reader {
public:
    // Read with fread, not mapped: the pages of a multi-gigabyte index would otherwise count twice
    // in the process's memory while they are copied into tensors.
    // Not a regular file (a FIFO would block, a device never end) is not opened: `kind` says why.
    explicit Reader(const std::string &path)
    {
        const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        struct stat st {};
        if (fd >= 0 && ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (m_file = ::fdopen(fd, "rb")))
            m_size = size_t(st.st_size);
        else if (fd >= 0) {
            m_kind = describeFileType(st.st_mode);
            ::close(fd);
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
        m_checksum.add(out, bytes);
        m_at += bytes;
        return true;
    }
    uint64_t checksum() const { return m_checksum.value(); }
    void restartChecksum() { m_checksum = StreamChecksum(); }
    const std::string &kind() const { return m_kind; }
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
    std::FILE *m_file = nullptr;
    std::string m_kind; // what the path is when it is not a regular file
    size_t m_size = 0;
    size_t m_at = 0;
    StreamChecksum m_checksum;
};

// Writes through an AtomicFile and sums what it writes.
class SummedWriter {
public:
    explicit SummedWriter(AtomicFile &file) : m_file(file) {}
    void write(const void *data, size_t size)
    {
        m_file.write(static_cast<const char *>(data), size);
        m_checksum.add(data, size);
    }
    void write(const std::string &bytes) { write(bytes.data(), bytes.size()); }
    uint64_t checksum() const { return m_checksum.value(); }

private:
    AtomicFile &m_file;
    StreamChecksum m_checksum;
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
    // Only ever a regular file: a path that is a device or a FIFO (a link to /dev/zero) would
    // swallow the index, or hang.
    struct stat st {};
    if (::stat(indexPath.c_str(), &st) == 0 && !S_ISREG(st.st_mode))
        throw ioError(indexPath + " is " + describeFileType(st.st_mode) + ", not a regular file: the index is not saved there");
    AtomicFile file(indexPath);
    file.write(kMagic, sizeof kMagic);
    file.write(bytesOf(uint64_t(0))); // the checksum, once known
    SummedWriter out(file);
    out.write(bytesOf(uint32_t(json.size())) + json);
    std::string block;
    for (const CorpusLine &l : m_lines)
        block += bytesOf(int64_t(l.line)) + stringBytes(l.text) + stringBytes(l.label);
    out.write(block);
    out.write(m_occurrences.data(), m_occurrences.size() * sizeof(Occurrence));
    for (const at::Tensor &block : m_tokenBlocks)
        out.write(tensorBytes(block));
    if (reduced())
        out.write(tensorBytes(m_projection));
    out.write(tensorBytes(m_lineVectors));
    file.writeAt(sizeof kMagic, bytesOf(out.checksum()));
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
        return stale(in.kind().empty() ? "no saved index" : "is " + in.kind() + ", not a regular file");
    char magic[8];
    uint64_t checksum = 0;
    uint32_t headerBytes = 0;
    if (!in.take(magic, sizeof magic) || std::memcmp(magic, kMagic, 5) || !in.take(&checksum, sizeof checksum))
        return stale("not a BertLens corpus index");
    if (std::memcmp(magic, kMagic, sizeof kMagic))
        return stale("made by another version of BertLens");
    in.restartChecksum();
    if (!in.take(&headerBytes, sizeof headerBytes) || headerBytes > kMaxHeaderBytes || headerBytes > in.left())
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
    std::vector<int> lineLengths; // in code points, for the occurrences' bounds
    for (size_t i = 0; i < index.m_lines.size(); ++i) {
        CorpusLine &l = index.m_lines[i];
        int64_t number = 0;
        if (!in.take(&number, sizeof number) || !in.string(l.text) || !in.string(l.label))
            return stale("truncated");
        l.line = number;
        // Tied to the corpus by its content: every line as the corpus has it, not a field that
        // another corpus's index could carry.
        if (l.line != corpus.lines[i].line || l.text != corpus.lines[i].text || l.label != corpus.lines[i].label)
            return stale("its line " + std::to_string(i + 1) + " is not the corpus's");
        lineLengths.push_back(codePoints(l.text));
    }
    if (size_t(tokens) > in.left() / sizeof(Occurrence))
        return stale("truncated");
    index.m_occurrences.resize(size_t(tokens));
    in.take(index.m_occurrences.data(), index.m_occurrences.size() * sizeof(Occurrence));
    for (const Occurrence &o : index.m_occurrences)
        if (o.line < 0 || size_t(o.line) >= index.m_lines.size() || o.id < 0 || o.id >= model.tokenizer->vocab().size()
            || o.position < 1 || o.position >= model.config.maxPositions || o.begin < 0 || o.begin > o.end
            || o.end > lineLengths[size_t(o.line)])
            return stale("a token occurrence lies outside its line, the model's positions or the vocabulary");
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
    // Every vector it keeps is unit length (a projected one shorter), so every score is a cosine.
    // A file whose checksum was recomputed after its vectors were changed is otherwise taken as it
    // is: the checksum finds damage, not forgery.
    auto withinUnit = [](const at::Tensor &rows) {
        return rows.numel() == 0 || rows.to(at::kFloat).norm(2, -1).max().item<double>() <= 1.0 + kUnitTolerance;
    };
    if (!withinUnit(index.m_lineVectors) || !std::all_of(index.m_tokenBlocks.begin(), index.m_tokenBlocks.end(), withinUnit)
        || (index.reduced() && !withinUnit(index.m_projection.t())))
        return stale("it holds vectors longer than unit length");
    if (in.checksum() != checksum)
        return stale("damaged (its checksum does not match its contents)");
    return index;
}

} // namespace bertlens
