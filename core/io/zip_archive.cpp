#include "io/zip_archive.h"

#include "common/error.h"

#include <algorithm>

namespace bertlens {

namespace {

uint64_t readLe(const unsigned char *p, int bytes)
{
    uint64_t v = 0;
    for (int i = bytes - 1; i >= 0; --i)
        v = (v << 8) | p[i];
    return v;
}

constexpr uint32_t kLocalHeader = 0x04034b50;
constexpr uint32_t kCentralHeader = 0x02014b50;
constexpr uint32_t kEndOfCentralDir = 0x06054b50;
constexpr uint32_t kZip64EndOfCentralDir = 0x06064b50;
constexpr uint32_t kZip64Locator = 0x07064b50;

} // namespace

bool ZipArchive::looksLikeZip(const MappedFile &file)
{
    return file.size() >= 4 && readLe(file.data(), 4) == kLocalHeader;
}

ZipArchive::ZipArchive(std::shared_ptr<MappedFile> file) : m_file(std::move(file))
{
    const unsigned char *base = m_file->data();
    const size_t size = m_file->size();
    auto fail = [this](const std::string &what) { return modelError(m_file->path() + ": " + what); };
    auto need = [&](uint64_t offset, uint64_t length, const char *what) {
        if (offset > size || length > size - offset)
            throw fail(std::string("corrupt zip archive: ") + what + " runs past the end of the file");
    };

    if (size < 22)
        throw fail("too short to be a zip archive");
    size_t eocd = size - 22;
    const size_t lowest = size > 22 + 65535 ? size - 22 - 65535 : 0;
    while (readLe(base + eocd, 4) != kEndOfCentralDir) {
        if (eocd == lowest)
            throw fail("not a zip archive (no end-of-central-directory record)");
        --eocd;
    }
    uint64_t count = readLe(base + eocd + 10, 2);
    uint64_t dirOffset = readLe(base + eocd + 16, 4);
    if ((count == 0xFFFF || dirOffset == 0xFFFFFFFF) && eocd >= 20 && readLe(base + eocd - 20, 4) == kZip64Locator) {
        const uint64_t z64 = readLe(base + eocd - 20 + 8, 8);
        need(z64, 56, "zip64 directory record");
        if (readLe(base + z64, 4) != kZip64EndOfCentralDir)
            throw fail("corrupt zip64 end-of-central-directory record");
        count = readLe(base + z64 + 32, 8);
        dirOffset = readLe(base + z64 + 48, 8);
    }

    uint64_t p = dirOffset;
    for (uint64_t i = 0; i < count; ++i) {
        need(p, 46, "central directory");
        if (readLe(base + p, 4) != kCentralHeader)
            throw fail("corrupt zip central directory");
        const auto method = readLe(base + p + 10, 2);
        uint64_t compressed = readLe(base + p + 20, 4);
        uint64_t uncompressed = readLe(base + p + 24, 4);
        const auto nameLength = readLe(base + p + 28, 2);
        const auto extraLength = readLe(base + p + 30, 2);
        const auto commentLength = readLe(base + p + 32, 2);
        uint64_t localOffset = readLe(base + p + 42, 4);
        need(p + 46, nameLength + extraLength, "central directory entry");
        const std::string name(reinterpret_cast<const char *>(base + p + 46), nameLength);
        // Zip64 extra field: the 0xFFFFFFFF fields, in order, as 8-byte values.
        for (uint64_t e = p + 46 + nameLength; e + 4 <= p + 46 + nameLength + extraLength;) {
            const auto id = readLe(base + e, 2);
            const auto len = readLe(base + e + 2, 2);
            if (id == 0x0001) {
                uint64_t q = e + 4;
                if (uncompressed == 0xFFFFFFFF && q + 8 <= e + 4 + len)
                    uncompressed = readLe(base + q, 8), q += 8;
                if (compressed == 0xFFFFFFFF && q + 8 <= e + 4 + len)
                    compressed = readLe(base + q, 8), q += 8;
                if (localOffset == 0xFFFFFFFF && q + 8 <= e + 4 + len)
                    localOffset = readLe(base + q, 8);
            }
            e += 4 + len;
        }
        if (method != 0)
            throw fail("entry " + name + " is compressed (method " + std::to_string(method)
                       + "); only stored entries, as torch.save writes them, are supported");
        need(localOffset, 30, "local header");
        if (readLe(base + localOffset, 4) != kLocalHeader)
            throw fail("corrupt local header for entry " + name);
        const uint64_t dataOffset = localOffset + 30 + readLe(base + localOffset + 26, 2) + readLe(base + localOffset + 28, 2);
        need(dataOffset, uncompressed, ("entry " + name).c_str());
        m_entries[name] = Entry{base + dataOffset, size_t(uncompressed)};
        p += 46 + nameLength + extraLength + commentLength;
    }
}

const ZipArchive::Entry &ZipArchive::entry(const std::string &name) const
{
    const auto it = m_entries.find(name);
    if (it == m_entries.end())
        throw modelError(m_file->path() + ": archive entry " + name + " is missing");
    return it->second;
}

} // namespace bertlens
