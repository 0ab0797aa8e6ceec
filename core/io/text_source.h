#pragma once

#include <cstdio>
#include <string>
#include <vector>

namespace bertlens {

// Lines of text, one at a time, so that a corpus streams through in constant memory.
class TextSource {
public:
    virtual ~TextSource() = default;
    virtual bool next(std::string &text) = 0;
    // Progress in the source's own unit (bytes of a file); total < 0 if unknown.
    virtual long long done() const = 0;
    virtual long long total() const = 0;
    // For messages: the file's path, "standard input", or empty.
    virtual std::string name() const = 0;
};

// UTF-8 lines of a file or of standard input ("-"), split on '\n' only; a trailing '\r' is
// dropped, every other character (NUL and U+2028 included) belongs to the text. A line longer than
// kMaxLineBytes is an input error naming the file and the line: memory stays bounded whatever the
// input (/dev/zero has no line ends at all). A UTF-8 byte-order mark is dropped; a UTF-16 one, or a
// file that shrinks while it is read, is an input error.
class LineReader : public TextSource {
public:
    static constexpr size_t kMaxLineBytes = 1 << 20;

    explicit LineReader(const std::string &path);
    ~LineReader() override;
    LineReader(const LineReader &) = delete;
    LineReader &operator=(const LineReader &) = delete;

    bool next(std::string &text) override;
    long long done() const override { return m_bytesRead; }
    long long total() const override { return m_totalBytes; }
    std::string name() const override { return m_path == "-" ? "standard input" : m_path; }

private:
    void checkEncoding(std::string &firstLine) const;
    std::FILE *m_file = nullptr;
    bool m_ownsFile = false;
    long long m_lines = 0;
    long long m_bytesRead = 0;
    long long m_totalBytes = -1;
    std::string m_path;
};


} // namespace bertlens
