#include "hub/blob_lock.h"

#include <QDir>
#include <QFileInfo>
#include <QThread>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace bertlens {

BlobLock::BlobLock(const std::string &path, const CancelToken *cancel, const std::function<void()> &waiting)
{
    QDir().mkpath(QFileInfo(QString::fromStdString(path)).path());
    m_fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (m_fd < 0)
        throw Error(ErrorKind::Io, path + ": cannot create the download lock: " + std::strerror(errno));
    bool announced = false;
    while (::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK && errno != EINTR) {
            const int e = errno;
            ::close(m_fd);
            throw Error(ErrorKind::Io, path + ": cannot lock: " + std::strerror(e));
        }
        if (!announced && waiting)
            waiting();
        announced = true;
        if (cancel && cancel->isCancelled()) {
            ::close(m_fd);
            cancel->throwIfCancelled();
        }
        QThread::msleep(100);
    }
}

BlobLock::~BlobLock()
{
    if (m_fd >= 0)
        ::close(m_fd); // releases the flock
}

} // namespace bertlens
