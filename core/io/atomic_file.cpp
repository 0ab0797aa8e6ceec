#include "io/atomic_file.h"

#include "common/error.h"

namespace bertlens {

AtomicFile::AtomicFile(const std::string &path) : m_path(path), m_file(QString::fromStdString(path))
{
    if (!m_file.open(QIODevice::WriteOnly))
        fail("cannot create");
}

void AtomicFile::fail(const std::string &what)
{
    m_file.cancelWriting();
    throw ioError(m_path + ": " + what + " (" + m_file.errorString().toStdString() + ")");
}

void AtomicFile::write(const char *data, size_t size)
{
    if (m_file.write(data, qint64(size)) != qint64(size))
        fail("write failed");
}

void AtomicFile::writeAt(qint64 position, const std::string &bytes)
{
    const qint64 end = m_file.pos();
    if (!m_file.seek(position) || m_file.write(bytes.data(), qint64(bytes.size())) != qint64(bytes.size())
        || !m_file.seek(end))
        fail("write failed");
}

void AtomicFile::commit()
{
    if (!m_file.commit())
        throw ioError(m_path + ": cannot save (" + m_file.errorString().toStdString() + ")");
}

} // namespace bertlens
