#include "io/safetensors.h"

#include "common/error.h"
#include "io/atomic_file.h"
#include "io/mapped_file.h"

#include <ATen/ATen.h>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstring>

namespace bertlens {

namespace {

struct DtypeInfo {
    const char *name;
    at::ScalarType type;
    int size;
};

const DtypeInfo kDtypes[] = {
    {"F32", at::kFloat, 4},    {"F16", at::kHalf, 2},  {"BF16", at::kBFloat16, 2}, {"F64", at::kDouble, 8},
    {"I64", at::kLong, 8},     {"I32", at::kInt, 4},   {"I16", at::kShort, 2},     {"I8", at::kChar, 1},
    {"U8", at::kByte, 1},      {"BOOL", at::kBool, 1},
};

const DtypeInfo *dtypeByName(const QString &name)
{
    for (const auto &d : kDtypes)
        if (name == QLatin1String(d.name))
            return &d;
    return nullptr;
}

const DtypeInfo *dtypeByType(at::ScalarType type)
{
    for (const auto &d : kDtypes)
        if (d.type == type)
            return &d;
    return nullptr;
}

} // namespace

namespace {

// The safetensors library refuses headers above 100 MB; so does BertLens.
constexpr uint64_t kMaxHeaderBytes = 100'000'000;

// The number of members of the top-level JSON object, counted on the text: QJsonObject keeps only
// the last of duplicate names, and a file with duplicates is refused (as the reference does).
size_t countTopLevelMembers(const char *p, size_t n)
{
    size_t members = 0;
    int depth = 0;
    bool inString = false, expectKey = false;
    for (size_t i = 0; i < n; ++i) {
        const char c = p[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
            if (depth == 1 && expectKey)
                ++members, expectKey = false;
        } else if (c == '{' || c == '[') {
            ++depth;
            expectKey = depth == 1;
        } else if (c == '}' || c == ']') {
            --depth;
        } else if (c == ',' && depth == 1) {
            expectKey = true;
        }
    }
    return members;
}

// A JSON number that is a whole number in [0, 2^53].
bool wholeNumber(const QJsonValue &v, uint64_t &out)
{
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    if (!(d >= 0) || d > 9007199254740992.0 || d != double(uint64_t(d)))
        return false;
    out = uint64_t(d);
    return true;
}

} // namespace

NamedTensors readSafetensors(const std::string &path)
{
    auto file = MappedFile::open(path);
    auto fail = [&path](const std::string &what) { return modelError(path + ": " + what); };
    if (file->size() < 8)
        throw fail("too short to be a safetensors file (" + std::to_string(file->size()) + " bytes)");
    uint64_t headerLength = 0;
    for (int i = 7; i >= 0; --i)
        headerLength = (headerLength << 8) | file->data()[i];
    if (headerLength > kMaxHeaderBytes)
        throw fail("header of " + std::to_string(headerLength) + " bytes exceeds the format's limit of 100 MB");
    if (headerLength > file->size() - 8)
        throw fail("header length " + std::to_string(headerLength) + " runs past the end of the file ("
                   + std::to_string(file->size()) + " bytes)");
    const char *headerText = reinterpret_cast<const char *>(file->data() + 8);
    QJsonParseError parseError{};
    const auto header = QJsonDocument::fromJson(QByteArray::fromRawData(headerText, qsizetype(headerLength)), &parseError);
    if (!header.isObject())
        throw fail("header is not a JSON object (" + parseError.errorString().toStdString() + ")");
    const QJsonObject entries = header.object();
    if (countTopLevelMembers(headerText, headerLength) != size_t(entries.size()))
        throw fail("header names a tensor more than once");

    struct Entry {
        std::string name;
        const DtypeInfo *dtype;
        std::vector<int64_t> shape;
        uint64_t begin, end;
    };
    std::vector<Entry> parsed;
    const uint64_t dataStart = 8 + headerLength;
    const uint64_t dataSize = file->size() - dataStart;
    for (auto it = entries.begin(); it != entries.end(); ++it) {
        const std::string name = it.key().toStdString();
        if (name == "__metadata__")
            continue;
        const QJsonObject entry = it.value().toObject();
        const DtypeInfo *dtype = dtypeByName(entry.value("dtype").toString());
        if (!dtype)
            throw fail("tensor " + name + " has unsupported dtype '" + entry.value("dtype").toString().toStdString() + "'");
        Entry e{name, dtype, {}, 0, 0};
        uint64_t numel = 1;
        for (const auto &dim : entry.value("shape").toArray()) {
            uint64_t d = 0;
            if (!wholeNumber(dim, d))
                throw fail("tensor " + name + " has an invalid shape (dimensions are whole numbers)");
            if (__builtin_mul_overflow(numel, d, &numel) || numel > dataSize)
                throw fail("tensor " + name + " has a shape larger than the file's data");
            e.shape.push_back(int64_t(d));
        }
        const QJsonArray range = entry.value("data_offsets").toArray();
        if (range.size() != 2 || !wholeNumber(range[0], e.begin) || !wholeNumber(range[1], e.end))
            throw fail("tensor " + name + " has no data_offsets [begin, end] of whole numbers");
        if (e.begin > e.end || e.end > dataSize)
            throw fail("tensor " + name + " has data_offsets [" + std::to_string(e.begin) + ", " + std::to_string(e.end)
                       + "] outside the data section (" + std::to_string(dataSize) + " bytes)");
        if (e.end - e.begin != numel * uint64_t(dtype->size))
            throw fail("tensor " + name + " holds " + std::to_string(e.end - e.begin) + " bytes, but its shape "
                       + shapeToString(e.shape) + " of " + dtype->name + " needs " + std::to_string(numel * dtype->size));
        parsed.push_back(std::move(e));
    }
    // As the reference reader: the tensors tile the data section, without gaps or overlaps.
    std::vector<const Entry *> byOffset;
    for (const Entry &e : parsed)
        byOffset.push_back(&e);
    std::sort(byOffset.begin(), byOffset.end(), [](const Entry *a, const Entry *b) {
        return a->begin != b->begin ? a->begin < b->begin : a->end < b->end;
    });
    uint64_t expected = 0;
    for (const Entry *e : byOffset) {
        if (e->begin != expected)
            throw fail("tensor " + e->name + " starts at byte " + std::to_string(e->begin) + " of the data section, expected "
                       + std::to_string(expected) + " (tensors overlap or leave a gap)");
        expected = e->end;
    }
    if (expected != dataSize)
        throw fail("the data section has " + std::to_string(dataSize) + " bytes, but the tensors cover "
                   + std::to_string(expected));

    NamedTensors tensors;
    for (const Entry &e : parsed) {
        void *bytes = const_cast<unsigned char *>(file->data() + dataStart + e.begin);
        at::Tensor view = at::from_blob(bytes, e.shape, [file](void *) {}, at::TensorOptions().dtype(e.dtype->type));
        const bool aligned = reinterpret_cast<uintptr_t>(bytes) % e.dtype->size == 0;
        tensors.emplace_back(e.name, aligned ? view : view.clone());
    }
    return tensors;
}

void writeSafetensors(const std::string &path, const NamedTensors &tensors,
                      StoredFloat floatType, const std::map<std::string, std::string> &metadata)
{
    QJsonObject header;
    if (!metadata.empty()) {
        QJsonObject meta;
        for (const auto &[k, v] : metadata)
            meta.insert(QString::fromStdString(k), QString::fromStdString(v));
        header.insert("__metadata__", meta);
    }
    std::vector<at::Tensor> stored;
    uint64_t offset = 0;
    for (const auto &[name, tensor] : tensors) {
        at::Tensor t = tensor.contiguous();
        if (at::isFloatingType(t.scalar_type()))
            t = t.to(floatType == StoredFloat::F16 ? at::kHalf : at::kFloat).contiguous();
        const DtypeInfo *dtype = dtypeByType(t.scalar_type());
        if (!dtype)
            throw ioError(path + ": tensor " + name + " has a type safetensors cannot store");
        QJsonArray shape;
        for (auto d : t.sizes())
            shape.append(qint64(d));
        const uint64_t bytes = uint64_t(t.numel()) * uint64_t(dtype->size);
        header.insert(QString::fromStdString(name),
                      QJsonObject{{"dtype", dtype->name}, {"shape", shape},
                                  {"data_offsets", QJsonArray{qint64(offset), qint64(offset + bytes)}}});
        offset += bytes;
        stored.push_back(t);
    }
    QByteArray json = QJsonDocument(header).toJson(QJsonDocument::Compact);
    // Pad the header with spaces so the data section starts 8-byte aligned, as the reference
    // writer does; readers can then use F32 data in place.
    while ((json.size() + 8) % 8 != 0)
        json.append(' ');

    AtomicFile out(path);
    char length[8];
    uint64_t n = uint64_t(json.size());
    for (int i = 0; i < 8; ++i)
        length[i] = char((n >> (8 * i)) & 0xFF);
    out.write(length, 8);
    out.write(json.constData(), size_t(json.size()));
    for (const auto &t : stored)
        out.write(static_cast<const char *>(t.data_ptr()), t.numel() * t.element_size());
    out.commit();
}

} // namespace bertlens
