#pragma once
// Generators of hostile model files, each the smallest file that once crashed, hung, exhausted or
// fooled BertLens (issue "Hostile input"). Plain Qt, no LibTorch: the widget tests use them too.
// Each returns the folder it wrote: the tiny test model's config.json and vocab.txt plus the
// crafted weights file.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <cstring>
#include <utility>
#include <vector>

namespace bertlens::test::hostile {

// Pickle opcodes (protocol 2), enough to write what torch.save writes and worse.
class Pickle {
public:
    Pickle &proto() { return raw("\x80\x02", 2); }
    Pickle &stop() { return op('.'); }
    Pickle &mark() { return op('('); }
    Pickle &emptyDict() { return op('}'); }
    Pickle &emptyList() { return op(']'); }
    Pickle &tuple() { return op('t'); }
    Pickle &tuple1() { return op('\x85'); }
    Pickle &setItem() { return op('s'); }
    Pickle &append() { return op('a'); }
    Pickle &pop() { return op('0'); }
    Pickle &reduce() { return op('R'); }
    Pickle &persistentId() { return op('Q'); }
    Pickle &newFalse() { return op('\x89'); }
    Pickle &int1(uint8_t v) { return op('K').byte(v); }
    Pickle &put(uint32_t i) { return op('r').le32(i); }
    Pickle &get(uint32_t i) { return op('j').le32(i); }
    Pickle &str(const QByteArray &s) { return op('X').le32(uint32_t(s.size())).raw(s.constData(), s.size()); }
    Pickle &global(const char *module, const char *name)
    {
        return op('c').raw(module, qsizetype(strlen(module))).op('\n').raw(name, qsizetype(strlen(name))).op('\n');
    }
    // LONG1 of up to 255 little-endian bytes (the legacy format's magic number).
    Pickle &long1(const QByteArray &le) { return op('\x8a').byte(uint8_t(le.size())).raw(le.constData(), le.size()); }
    // A float32 tensor of `numel` elements viewing storage `key` ([numel], stride 1).
    Pickle &tensor(const QByteArray &key, uint8_t numel)
    {
        global("torch._utils", "_rebuild_tensor_v2").mark();
        mark().str("storage").global("torch", "FloatStorage").str(key).str("cpu").int1(numel).tuple().persistentId();
        int1(0).int1(numel).tuple1().int1(1).tuple1().newFalse().global("collections", "OrderedDict").op(')').reduce();
        return tuple().reduce();
    }
    const QByteArray &bytes() const { return m_bytes; }

private:
    Pickle &op(char c) { return raw(&c, 1); }
    Pickle &byte(uint8_t b) { return op(char(b)); }
    Pickle &le32(uint32_t v)
    {
        for (int i = 0; i < 4; ++i)
            byte(uint8_t(v >> (8 * i)));
        return *this;
    }
    Pickle &raw(const char *p, qsizetype n)
    {
        m_bytes.append(p, n);
        return *this;
    }
    QByteArray m_bytes;
};

// The pickles that open a legacy (pre-1.6) torch.save file: magic number, protocol, system info.
inline QByteArray legacyPreamble()
{
    QByteArray out = Pickle().proto().long1(QByteArray("\x6c\xfc\x9c\x46\xf9\x20\x6a\xa8\x50\x19", 10)).stop().bytes();
    out += Pickle().proto().int1(233).stop().bytes();
    out += Pickle().proto().emptyDict().stop().bytes();
    return out;
}

// A legacy pytorch_model.bin: state dict `root`, storage key list `keys`, then raw storage bytes.
inline QByteArray legacyBin(const QByteArray &root, const QByteArray &keys, const QByteArray &storages = {})
{
    return legacyPreamble() + root + keys + storages;
}

inline QByteArray emptyKeyList() { return Pickle().proto().emptyList().stop().bytes(); }

// A model folder: the tiny fixture's config and vocabulary, and `files` (name → bytes); with no
// files, the tiny fixture's weights.
inline QString writeFolder(const QString &dir, const QString &fixtures, const std::vector<std::pair<QString, QByteArray>> &files,
                           const QByteArray &config = {})
{
    QDir().mkpath(dir);
    const QDir tiny(QDir(fixtures).filePath("models/tiny-safetensors"));
    QFile::copy(tiny.filePath("vocab.txt"), QDir(dir).filePath("vocab.txt"));
    if (config.isEmpty())
        QFile::copy(tiny.filePath("config.json"), QDir(dir).filePath("config.json"));
    if (files.empty())
        QFile::copy(tiny.filePath("model.safetensors"), QDir(dir).filePath("model.safetensors"));
    for (const auto &[name, bytes] : files) {
        QFile f(QDir(dir).filePath(name));
        if (f.open(QIODevice::WriteOnly))
            f.write(bytes);
    }
    if (!config.isEmpty()) {
        QFile f(QDir(dir).filePath("config.json"));
        if (f.open(QIODevice::WriteOnly))
            f.write(config);
    }
    return dir;
}

// safetensors bytes: `header` JSON (padded to 8) then `dataBytes` zero bytes.
inline QByteArray safetensors(const QByteArray &header, qsizetype dataBytes, uint64_t claimedHeaderLength = 0)
{
    QByteArray json = header;
    while (json.size() % 8)
        json.append(' ');
    const uint64_t n = claimedHeaderLength ? claimedHeaderLength : uint64_t(json.size());
    QByteArray out;
    for (int i = 0; i < 8; ++i)
        out.append(char((n >> (8 * i)) & 0xFF));
    return out + json + QByteArray(dataBytes, '\0');
}

// One hostile folder: what it is, its files, and what the refusal must say.
struct Case {
    const char *name;
    std::vector<std::pair<QString, QByteArray>> files;
    QByteArray config; // empty: the tiny model's
    const char *message;
};

inline std::vector<Case> modelCases()
{
    std::vector<Case> cases;
    // A dict that holds itself (once a stack overflow while flattening).
    cases.push_back({"self-containing dict",
                     {{"pytorch_model.bin", legacyBin(Pickle().proto().emptyDict().put(0).str("a").get(0).setItem().stop().bytes(),
                                                      emptyKeyList())}},
                     {},
                     "same dict twice"});
    // A million nested lists as the state dict's only value (once a stack overflow when freed).
    {
        Pickle p;
        p.proto().emptyDict().str("x");
        for (int i = 0; i < 1000000; ++i)
            p.emptyList();
        for (int i = 0; i < 999999; ++i)
            p.append();
        p.setItem().stop();
        QByteArray root = p.bytes();
        cases.push_back({"a million nested lists", {{"pytorch_model.bin", legacyBin(root, emptyKeyList())}}, {},
                         "embeddings.word_embeddings.weight is missing"});
    }
    // Dicts nested a million deep (once a stack overflow while flattening and freeing).
    {
        Pickle p;
        p.proto();
        for (int i = 0; i < 1000000; ++i)
            p.emptyDict().str("d");
        p.emptyDict();
        for (int i = 0; i < 1000000; ++i)
            p.setItem();
        cases.push_back({"dicts nested a million deep", {{"pytorch_model.bin", legacyBin(p.stop().bytes(), emptyKeyList())}}, {},
                         "nested more than"});
    }
    // "Billion laughs": each level holds the previous dict twice, 40 levels (once 7 GB).
    {
        Pickle p;
        p.proto().emptyDict().put(0);
        for (uint32_t level = 1; level <= 40; ++level)
            p.pop().emptyDict().str("a").get(level - 1).setItem().str("b").get(level - 1).setItem().put(level);
        cases.push_back({"billion laughs", {{"pytorch_model.bin", legacyBin(p.stop().bytes(), emptyKeyList())}}, {},
                         "same dict twice"});
    }
    // A tensor whose storage is declared but never in the file (once silent NaN).
    cases.push_back({"storage never read",
                     {{"pytorch_model.bin",
                       legacyBin(Pickle().proto().emptyDict().str("embeddings.word_embeddings.weight").tensor("0", 4).setItem().stop().bytes(),
                                 emptyKeyList())}},
                     {},
                     "tensor embeddings.word_embeddings.weight has no data in the file"});
    // MARK, then POPs below it (once "cannot create std::vector larger than max_size()", exit 1).
    cases.push_back({"pops past a mark",
                     {{"pytorch_model.bin",
                       legacyBin(Pickle().proto().int1(1).int1(1).mark().pop().pop().tuple().stop().bytes(), emptyKeyList())}},
                     {},
                     "mark lies beyond the stack"});
    const QByteArray t = R"("dtype":"F32","shape":[2])";
    cases.push_back({"duplicate tensor names",
                     {{"model.safetensors", safetensors("{\"a\":{" + t + ",\"data_offsets\":[0,8]},\"a\":{" + t + ",\"data_offsets\":[8,16]}}", 16)}},
                     {},
                     "names a tensor more than once"});
    cases.push_back({"overlapping tensors",
                     {{"model.safetensors", safetensors("{\"a\":{" + t + ",\"data_offsets\":[0,8]},\"b\":{" + t + ",\"data_offsets\":[4,12]}}", 12)}},
                     {},
                     "overlap or leave a gap"});
    cases.push_back({"a gap between tensors",
                     {{"model.safetensors", safetensors("{\"a\":{" + t + ",\"data_offsets\":[0,8]},\"b\":{" + t + ",\"data_offsets\":[16,24]}}", 24)}},
                     {},
                     "overlap or leave a gap"});
    cases.push_back({"fractional offsets",
                     {{"model.safetensors", safetensors("{\"a\":{" + t + ",\"data_offsets\":[0.5,8.5]}}", 9)}},
                     {},
                     "data_offsets [begin, end] of whole numbers"});
    cases.push_back({"a 200 MB header", {{"model.safetensors", safetensors("{}", 0, 200000000)}}, {}, "limit of 100 MB"});
    cases.push_back({"a shape whose product overflows",
                     {{"model.safetensors",
                       safetensors(R"({"a":{"dtype":"F32","shape":[4294967296,4294967296,16],"data_offsets":[0,0]}})", 0)}},
                     {},
                     "shape larger than the file's data"});
    cases.push_back({"hidden_act as a number", {}, R"({"hidden_act": 5, "vocab_size": 120})", "hidden_act must be a string"});
    cases.push_back({"model_type as a number", {}, R"({"model_type": 1})", "model_type must be a string"});
    cases.push_back({"a shard index that lists itself",
                     {{"model.safetensors.index.json", R"({"weight_map": {"a": "model.safetensors.index.json"}})"}},
                     {},
                     "not a safetensors weights file"});
    return cases;
}

} // namespace bertlens::test::hostile
