#pragma once

#include <cstddef>
#include <memory>
#include <string>

namespace bertlens {

// A read-only view of a whole file through mmap. Tensors that use the bytes in place hold a
// shared_ptr to it, so the mapping lives exactly as long as the last such tensor.
class MappedFile {
public:
    static std::shared_ptr<MappedFile> open(const std::string &path);
    ~MappedFile();
    MappedFile(const MappedFile &) = delete;
    MappedFile &operator=(const MappedFile &) = delete;

    const unsigned char *data() const { return m_data; }
    size_t size() const { return m_size; }
    const std::string &path() const { return m_path; }

private:
    MappedFile() = default;
    unsigned char *m_data = nullptr;
    size_t m_size = 0;
    std::string m_path;
};

} // namespace bertlens
