#include "export/npy_format.h"

#include "common/error.h"
#include "io/atomic_file.h"

#include <QFile>

#include <regex>

namespace bertlens {

std::string npyHeader(long long rows, const std::vector<int64_t> &trailing)
{
    std::string dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + std::to_string(rows);
    for (int64_t d : trailing)
        dict += ", " + std::to_string(d);
    dict += "), }";
    const size_t unpadded = 10 + dict.size() + 20 - std::to_string(rows).size() + 1;
    const size_t total = (unpadded + 63) / 64 * 64;
    dict.append(total - 10 - dict.size() - 1, ' ');
    dict += '\n';
    std::string h = "\x93NUMPY\x01";
    h += '\0';
    h += char(dict.size() & 0xFF);
    h += char((dict.size() >> 8) & 0xFF);
    return h + dict;
}

NpyArray readNpyHeader(const std::string &path)
{
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::ReadOnly))
        throw inputError(path + ": cannot open: " + file.errorString().toStdString());
    const QByteArray magic = file.read(12);
    if (magic.size() < 10 || !magic.startsWith("\x93NUMPY") || (magic[6] != 1 && magic[6] != 2))
        throw inputError(path + ": not a .npy file (version 1 or 2)");
    size_t headerLength = 0, prefix = 10;
    if (magic[6] == 1) {
        headerLength = size_t(uint8_t(magic[8])) | size_t(uint8_t(magic[9])) << 8;
    } else {
        if (magic.size() < 12)
            throw inputError(path + ": truncated .npy header");
        headerLength = 0;
        for (int i = 0; i < 4; ++i)
            headerLength |= size_t(uint8_t(magic[8 + i])) << (8 * i);
        prefix = 12;
    }
    if (headerLength > 65536)
        throw inputError(path + ": .npy header of " + std::to_string(headerLength) + " bytes (at most 65536)");
    file.seek(qint64(prefix));
    const std::string dict = file.read(qint64(headerLength)).toStdString();
    if (dict.size() != headerLength)
        throw inputError(path + ": truncated .npy header");
    static const std::regex descr(R"('descr'\s*:\s*'<f4')"), order(R"('fortran_order'\s*:\s*False)"),
        shape(R"('shape'\s*:\s*\(([0-9,\s]*)\))");
    std::smatch m;
    if (!std::regex_search(dict, descr) || !std::regex_search(dict, order) || !std::regex_search(dict, m, shape))
        throw inputError(path + ": not a little-endian float32 C-order array (" + dict.substr(0, 80) + ")");
    NpyArray array;
    std::vector<long long> dims;
    const std::string list = m[1].str();
    static const std::regex number("[0-9]+");
    for (auto it = std::sregex_iterator(list.begin(), list.end(), number); it != std::sregex_iterator(); ++it) {
        if (it->str().size() > 15)
            throw inputError(path + ": .npy dimension " + it->str() + " is too large");
        dims.push_back(std::stoll(it->str()));
    }
    if (dims.empty())
        throw inputError(path + ": a .npy scalar has no rows to join");
    array.rows = dims[0];
    unsigned __int128 floats = (unsigned long long)dims[0];
    for (size_t i = 1; i < dims.size(); ++i) {
        array.trailing.push_back(dims[i]);
        floats *= (unsigned long long)dims[i];
    }
    array.dataOffset = prefix + headerLength;
    if (floats * 4 != (unsigned __int128)(file.size() - qint64(array.dataOffset)))
        throw inputError(path + ": holds " + std::to_string(file.size() - qint64(array.dataOffset))
                         + " bytes of data, not the " + std::to_string((unsigned long long)(floats * 4)) + " its shape needs");
    return array;
}

void concatenateNpy(const std::vector<std::string> &inputs, const std::string &output)
{
    if (inputs.empty())
        throw Error(ErrorKind::Usage, "concat: no input files");
    std::vector<NpyArray> arrays;
    long long rows = 0;
    for (const std::string &path : inputs) {
        arrays.push_back(readNpyHeader(path));
        if (arrays.back().trailing != arrays.front().trailing)
            throw inputError(path + ": its rows have another shape than those of " + inputs.front());
        rows += arrays.back().rows;
    }
    AtomicFile out(output);
    out.write(npyHeader(rows, arrays.front().trailing));
    for (size_t i = 0; i < inputs.size(); ++i) {
        QFile file(QString::fromStdString(inputs[i]));
        if (!file.open(QIODevice::ReadOnly) || !file.seek(qint64(arrays[i].dataOffset)))
            throw inputError(inputs[i] + ": cannot read: " + file.errorString().toStdString());
        while (!file.atEnd()) {
            const QByteArray chunk = file.read(1 << 20);
            if (chunk.isEmpty())
                throw inputError(inputs[i] + ": read error: " + file.errorString().toStdString());
            out.write(chunk.constData(), size_t(chunk.size()));
        }
    }
    out.commit();
}

} // namespace bertlens
