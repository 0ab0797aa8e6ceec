#include "io/text_source.h"

#include "common/error.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <sys/stat.h>

namespace bertlens {

LineReader::LineReader(const std::string &path) : m_path(path)
{
    if (path == "-") {
        m_file = stdin;
    } else {
        m_file = std::fopen(path.c_str(), "rb");
        if (!m_file)
            throw inputError(path + ": cannot open (" + std::strerror(errno) + ")");
        m_ownsFile = true;
    }
    struct stat st {};
    if (::fstat(fileno(m_file), &st) == 0 && S_ISREG(st.st_mode))
        m_totalBytes = st.st_size;
    else if (m_ownsFile && ::fstat(fileno(m_file), &st) == 0 && S_ISDIR(st.st_mode))
        throw inputError(path + ": is a folder, not a text file");
}

LineReader::~LineReader()
{
    std::free(m_buffer);
    if (m_ownsFile)
        std::fclose(m_file);
}

bool LineReader::next(std::string &text)
{
    errno = 0;
    const ssize_t n = ::getline(&m_buffer, &m_capacity, m_file);
    if (n < 0) {
        if (std::ferror(m_file))
            throw inputError(m_path + ": read error (" + std::strerror(errno) + ")");
        return false;
    }
    m_bytesRead += n;
    size_t length = size_t(n);
    if (length > 0 && m_buffer[length - 1] == '\n')
        --length;
    if (length > 0 && m_buffer[length - 1] == '\r')
        --length;
    text.assign(m_buffer, length);
    return true;
}

} // namespace bertlens
