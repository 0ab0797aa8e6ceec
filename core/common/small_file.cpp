#include "common/small_file.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace bertlens {

std::string describeFileType(unsigned mode)
{
    switch (mode & S_IFMT) {
    case S_IFREG: return "a regular file";
    case S_IFDIR: return "a directory";
    case S_IFIFO: return "a FIFO (named pipe)";
    case S_IFCHR: return "a character device";
    case S_IFBLK: return "a block device";
    case S_IFSOCK: return "a socket";
    default: return "not a file";
    }
}

std::string readSmallFile(const std::string &path, size_t maxBytes, ErrorKind kind)
{
    // O_NONBLOCK: opening a FIFO without a writer returns at once instead of waiting for one.
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        throw Error(kind, path + ": cannot open (" + std::strerror(errno) + ")");
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    struct stat st {};
    if (::fstat(fd, &st) != 0)
        throw Error(kind, path + ": cannot read (" + std::strerror(errno) + ")");
    if (!S_ISREG(st.st_mode))
        throw Error(kind, path + " is " + describeFileType(st.st_mode) + ", not a regular file");
    std::string bytes;
    char buffer[1 << 16];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            throw Error(kind, path + ": cannot read (" + std::strerror(errno) + ")");
        if (n == 0)
            return bytes;
        if (bytes.size() + size_t(n) > maxBytes)
            throw Error(kind, path + " is larger than " + std::to_string(maxBytes) + " bytes");
        bytes.append(buffer, size_t(n));
    }
}

} // namespace bertlens
