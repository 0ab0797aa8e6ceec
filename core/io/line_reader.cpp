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
    if (m_ownsFile)
        std::fclose(m_file);
}

bool LineReader::next(std::string &text)
{
    text.clear();
    int c = 0;
    bool any = false;
    errno = 0;
    while ((c = getc_unlocked(m_file)) != EOF) {
        any = true;
        ++m_bytesRead;
        if (c == '\n')
            break;
        if (text.size() >= kMaxLineBytes)
            throw inputError(name() + ": line " + std::to_string(m_lines + 1) + " is longer than "
                             + std::to_string(kMaxLineBytes >> 20) + " MiB, the limit of one input line");
        text.push_back(char(c));
    }
    if (c == EOF && std::ferror(m_file))
        throw inputError(name() + ": read error (" + std::strerror(errno) + ")");
    if (!any)
        return false;
    ++m_lines;
    if (!text.empty() && text.back() == '\r')
        text.pop_back();
    return true;
}

} // namespace bertlens
