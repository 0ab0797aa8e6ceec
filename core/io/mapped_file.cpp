#include "io/mapped_file.h"

#include "common/small_file.h"

#include "common/error.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace bertlens {

std::shared_ptr<MappedFile> MappedFile::open(const std::string &path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC); // a FIFO must not block open()
    if (fd < 0)
        throw modelError(path + ": cannot open (" + std::strerror(errno) + ")");
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        throw modelError(path + " is " + describeFileType(st.st_mode) + ", not a regular file");
    }
    std::shared_ptr<MappedFile> file(new MappedFile);
    file->m_path = path;
    file->m_size = size_t(st.st_size);
    if (file->m_size > 0) {
        // Private and writable: nothing writes to weights, but if something did, the file on
        // disk would stay untouched.
        void *p = ::mmap(nullptr, file->m_size, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
        if (p == MAP_FAILED) {
            const int err = errno;
            ::close(fd);
            throw modelError(path + ": cannot map into memory (" + std::strerror(err) + ")");
        }
        file->m_data = static_cast<unsigned char *>(p);
    }
    ::close(fd);
    return file;
}

MappedFile::~MappedFile()
{
    if (m_data)
        ::munmap(m_data, m_size);
}

} // namespace bertlens
