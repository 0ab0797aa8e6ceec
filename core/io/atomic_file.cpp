#include "io/atomic_file.h"

#include "common/error.h"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <cstdlib>
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <random>
#include <sys/stat.h>
#include <unistd.h>

namespace bertlens {

namespace {

std::string temporaryNameFor(const std::string &path)
{
    static std::atomic<unsigned> counter{0};
    const size_t slash = path.rfind('/');
    const std::string dir = slash == std::string::npos ? "" : path.substr(0, slash + 1);
    const std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
    std::random_device random;
    return dir + "." + base + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-"
        + std::to_string(random());
}

// A run killed (kill -9, a power cut) leaves its temporary file; the next run to the same path
// removes those whose process no longer exists. A live process's, or another name's, are never
// touched.
void removeTemporariesOfDeadRuns(const std::string &path)
{
    const size_t slash = path.rfind('/');
    const std::string dir = slash == std::string::npos ? "." : path.substr(0, slash + 1);
    const std::string prefix = "." + (slash == std::string::npos ? path : path.substr(slash + 1)) + ".tmp-";
    DIR *d = ::opendir(dir.c_str());
    if (!d)
        return;
    while (const dirent *entry = ::readdir(d)) {
        const std::string name = entry->d_name;
        if (name.compare(0, prefix.size(), prefix) != 0)
            continue;
        char *end = nullptr;
        const long pid = std::strtol(name.c_str() + prefix.size(), &end, 10);
        if (pid <= 0 || *end != '-' || pid == ::getpid() || ::kill(pid_t(pid), 0) == 0 || errno != ESRCH)
            continue;
        ::unlink((slash == std::string::npos ? name : dir + name).c_str());
    }
    ::closedir(d);
}

} // namespace

AtomicFile::AtomicFile(const std::string &path) : m_path(path)
{
    removeTemporariesOfDeadRuns(path);
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0) {
        if (S_ISDIR(st.st_mode))
            throw ioError(path + ": is a folder, not a file");
        if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode)) {
            m_direct = true;
            m_fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
            if (m_fd < 0)
                fail("cannot open", errno);
            return;
        }
        if (!S_ISREG(st.st_mode))
            throw ioError(path + ": is not a regular file, a character device or a FIFO; refusing to replace it");
    }
    for (int attempt = 0; m_fd < 0; ++attempt) {
        m_temporary = temporaryNameFor(path);
        // 0666 less the umask, as any new file; an existing file's mode is kept.
        m_fd = ::open(m_temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (m_fd < 0 && (errno != EEXIST || attempt > 100)) {
            const int error = errno;
            m_temporary.clear();
            fail("cannot create", error);
        }
    }
    if (S_ISREG(st.st_mode))
        ::fchmod(m_fd, st.st_mode & 07777);
}

AtomicFile::~AtomicFile()
{
    if (m_fd >= 0)
        ::close(m_fd);
    if (!m_committed && !m_temporary.empty())
        ::unlink(m_temporary.c_str());
}

void AtomicFile::fail(const std::string &what, int error)
{
    throw ioError(m_path + ": " + what + " (" + std::strerror(error) + ")");
}

void AtomicFile::write(const char *data, size_t size)
{
    while (size > 0) {
        const ssize_t n = ::write(m_fd, data, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            fail("cannot write", n < 0 ? errno : ENOSPC);
        data += n;
        size -= size_t(n);
    }
}

void AtomicFile::writeAt(int64_t position, const std::string &bytes)
{
    if (m_direct)
        throw ioError(m_path + ": cannot go back in a device or pipe to rewrite a header");
    size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::pwrite(m_fd, bytes.data() + done, bytes.size() - done, off_t(position + int64_t(done)));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            fail("cannot write", n < 0 ? errno : ENOSPC);
        done += size_t(n);
    }
}

void AtomicFile::commit()
{
    if (!m_direct && ::fsync(m_fd) != 0)
        fail("cannot save", errno);
    const int fd = m_fd;
    m_fd = -1;
    if (::close(fd) != 0)
        fail("cannot save", errno);
    if (!m_direct && ::rename(m_temporary.c_str(), m_path.c_str()) != 0)
        fail("cannot save", errno);
    m_committed = true;
}

} // namespace bertlens
