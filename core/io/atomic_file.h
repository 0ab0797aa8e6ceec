#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace bertlens {

// Output that appears under its name only when complete: written to a temporary file in the
// same folder and renamed by commit(). Destroyed without commit(), it leaves any existing file
// untouched and removes the temporary one. An existing character device or FIFO (/dev/null, a
// pipe) is written through instead, never replaced; any other existing non-regular file is
// refused. Errors are I/O errors naming the path and the system's reason ("No space left on
// device"). Temporary files of killed runs (their process gone) are removed when the next run
// writes the same path.
class AtomicFile {
public:
    explicit AtomicFile(const std::string &path);
    ~AtomicFile();
    AtomicFile(const AtomicFile &) = delete;
    AtomicFile &operator=(const AtomicFile &) = delete;

    void write(const char *data, size_t size);
    void write(const std::string &text) { write(text.data(), text.size()); }
    // Overwrites bytes already written (the .npy header, once the row count is known); only
    // where seekable().
    void writeAt(int64_t position, const std::string &bytes);
    bool seekable() const { return !m_direct; }
    void commit();
    const std::string &path() const { return m_path; }

private:
    [[noreturn]] void fail(const std::string &what, int error);
    std::string m_path;
    std::string m_temporary; // empty when writing through
    int m_fd = -1;
    bool m_direct = false;
    bool m_committed = false;
};

} // namespace bertlens
