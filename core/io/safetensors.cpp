#include "io/safetensors.h"

#include "common/error.h"
#include "io/atomic_file.h"
#include "io/mapped_file.h"

#include <ATen/ATen.h>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

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

NamedTensors readSafetensors(const std::string &path)
{
    NamedTensors tensors;
    auto file = MappedFile::open(path);
    auto fail = [&path](const std::string &what) { return modelError(path + ": " + what); };
    if (file->size() < 8)
        throw fail("too short to be a safetensors file (" + std::to_string(file->size()) + " bytes)");
    uint64_t headerLength = 0;
    for (int i = 7; i >= 0; --i)
        headerLength = (headerLength << 8) | file->data()[i];
    if (headerLength > file->size() - 8)
        throw fail("header length " + std::to_string(headerLength) + " runs past the end of the file ("
                   + std::to_string(file->size()) + " bytes)");
    QJsonParseError parseError{};
    const auto header = QJsonDocument::fromJson(
        QByteArray::fromRawData(reinterpret_cast<const char *>(file->data() + 8), qsizetype(headerLength)), &parseError);
    if (!header.isObject())
        throw fail("header is not a JSON object (" + parseError.errorString().toStdString() + ")");

    const uint64_t dataStart = 8 + headerLength;
    const uint64_t dataSize = file->size() - dataStart;
    const QJsonObject entries = header.object();
    for (auto it = entries.begin(); it != entries.end(); ++it) {
        const std::string name = it.key().toStdString();
        if (name == "__metadata__")
            continue;
        const QJsonObject entry = it.value().toObject();
        const DtypeInfo *dtype = dtypeByName(entry.value("dtype").toString());
        if (!dtype)
            throw fail("tensor " + name + " has unsupported dtype '" + entry.value("dtype").toString().toStdString() + "'");
        std::vector<int64_t> shape;
        int64_t numel = 1;
        for (const auto &dim : entry.value("shape").toArray()) {
            if (!dim.isDouble() || dim.toDouble() < 0)
                throw fail("tensor " + name + " has an invalid shape");
            shape.push_back(int64_t(dim.toDouble()));
            numel *= shape.back();
        }
        const QJsonArray range = entry.value("data_offsets").toArray();
        if (range.size() != 2)
            throw fail("tensor " + name + " has no data_offsets [begin, end]");
        const auto begin = uint64_t(range[0].toDouble());
        const auto end = uint64_t(range[1].toDouble());
        if (begin > end || end > dataSize)
            throw fail("tensor " + name + " has data_offsets [" + std::to_string(begin) + ", " + std::to_string(end)
                       + "] outside the data section (" + std::to_string(dataSize) + " bytes)");
        if (end - begin != uint64_t(numel) * uint64_t(dtype->size))
            throw fail("tensor " + name + " holds " + std::to_string(end - begin) + " bytes, but its shape "
                       + shapeToString(shape) + " of " + dtype->name + " needs " + std::to_string(numel * dtype->size));

        void *bytes = const_cast<unsigned char *>(file->data() + dataStart + begin);
        at::Tensor view = at::from_blob(bytes, shape, [file](void *) {}, at::TensorOptions().dtype(dtype->type));
        const bool aligned = reinterpret_cast<uintptr_t>(bytes) % dtype->size == 0;
        tensors.emplace_back(name, aligned ? view : view.clone());
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
