#pragma once

#include "io/mapped_file.h"

#include <map>
#include <memory>
#include <string>

namespace bertlens {

// The entries of an uncompressed ("stored") zip archive, as torch.save writes them, viewed in
// place in a memory-mapped file. Zip64 sizes and offsets are understood.
class ZipArchive {
public:
    struct Entry {
        const unsigned char *data = nullptr;
        size_t size = 0;
    };

    static bool looksLikeZip(const MappedFile &file);
    explicit ZipArchive(std::shared_ptr<MappedFile> file);

    const std::map<std::string, Entry> &entries() const { return m_entries; }
    // Throws a model error naming the archive and the entry when it is absent.
    const Entry &entry(const std::string &name) const;
    const std::shared_ptr<MappedFile> &file() const { return m_file; }

private:
    std::shared_ptr<MappedFile> m_file;
    std::map<std::string, Entry> m_entries;
};

} // namespace bertlens
