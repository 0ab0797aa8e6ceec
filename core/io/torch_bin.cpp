#include "io/torch_bin.h"

#include "common/error.h"
#include "io/mapped_file.h"
#include "io/torch_pickle.h"
#include "io/zip_archive.h"

#include <ATen/ATen.h>


namespace bertlens {

namespace {

NamedTensors readZipFormat(const std::shared_ptr<MappedFile> &file)
{
    ZipArchive zip(file);
    // Every entry sits under one folder whose name torch.save takes from the file name.
    std::string prefix;
    for (const auto &[name, entry] : zip.entries()) {
        const auto slash = name.find('/');
        if (slash != std::string::npos && name.compare(slash, std::string::npos, "/data.pkl") == 0) {
            prefix = name.substr(0, slash + 1);
            break;
        }
    }
    if (prefix.empty())
        throw modelError(file->path() + ": zip archive without a data.pkl entry: not a torch.save file");
    const auto &pickle = zip.entry(prefix + "data.pkl");
    const StorageLoader load = [&zip, &prefix, &file](const std::string &key, at::ScalarType type, int64_t numel) {
        const auto &entry = zip.entry(prefix + "data/" + key);
        const size_t element = c10::elementSize(type);
        const size_t bytes = numel < 0 ? SIZE_MAX : size_t(numel) * element;
        if (numel < 0 || size_t(numel) > entry.size / element)
            throw modelError(file->path() + ": storage " + key + " holds " + std::to_string(entry.size)
                             + " bytes, fewer than the " + std::to_string(bytes) + " its tensors need");
        void *p = const_cast<unsigned char *>(entry.data);
        at::Tensor storage = at::from_blob(p, {numel}, [file](void *) {}, at::TensorOptions().dtype(type));
        const bool aligned = reinterpret_cast<uintptr_t>(p) % c10::elementSize(type) == 0;
        return aligned ? storage : storage.clone();
    };
    return unpickleStateDict(pickle.data, pickle.size, load, file->path());
}

} // namespace

NamedTensors readTorchBin(const std::string &path)
{
    auto file = MappedFile::open(path);
    return ZipArchive::looksLikeZip(*file) ? readZipFormat(file) : unpickleLegacyStateDict(file->data(), file->size(), path);
}

} // namespace bertlens
