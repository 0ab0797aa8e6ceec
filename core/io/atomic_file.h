#pragma once

#include <QSaveFile>

#include <string>

namespace bertlens {

// Output that appears under its name only when complete: written to a temporary file in the
// same folder and renamed by commit(). Destroyed without commit(), it leaves any existing file
// untouched and removes the temporary one. Errors are I/O errors naming the path.
class AtomicFile {
public:
    explicit AtomicFile(const std::string &path);
    void write(const char *data, size_t size);
    void write(const std::string &text) { write(text.data(), text.size()); }
    // Overwrites bytes already written (the .npy header, once the row count is known).
    void writeAt(qint64 position, const std::string &bytes);
    void commit();
    const std::string &path() const { return m_path; }

private:
    [[noreturn]] void fail(const std::string &what);
    std::string m_path;
    QSaveFile m_file;
};

} // namespace bertlens
