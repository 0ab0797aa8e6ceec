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

// The first line's byte-order mark: UTF-8's is dropped (offsets count from the text, not the
// mark); UTF-16's means the file is not UTF-8 at all, which is said so.
void LineReader::checkEncoding(std::string &firstLine) const
{
    if (firstLine.rfind("\xEF\xBB\xBF", 0) == 0)
        firstLine.erase(0, 3);
    else if (firstLine.rfind("\xFF\xFE", 0) == 0 || firstLine.rfind("\xFE\xFF", 0) == 0)
        throw inputError(name() + ": looks like UTF-16 (it starts with a UTF-16 byte-order mark); BertLens reads UTF-8: "
                                  "convert it, e.g. iconv -f UTF-16 -t UTF-8");
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
    if (c == EOF && m_totalBytes >= 0 && m_bytesRead < m_totalBytes)
        throw inputError(name() + ": the file shrank while it was read (" + std::to_string(m_bytesRead) + " of the "
                         + std::to_string(m_totalBytes) + " bytes it had at the start); the results would be short");
    if (!any)
        return false;
    if (m_lines == 0)
        checkEncoding(text);
    ++m_lines;
    if (!text.empty() && text.back() == '\r')
        text.pop_back();
    return true;
}

} // namespace bertlens
