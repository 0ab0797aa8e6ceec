#pragma once

#include "common/error.h"

#include <cstddef>
#include <string>

namespace bertlens {

// The whole of a small file a user named (a saved session, a list of sentences). What is not a
// regular file is refused by name before anything is read: a FIFO would block until a writer
// comes, a device (/dev/zero) never ends. The size limit counts the bytes actually read, never the
// size the file reports (0 for a device, stale for a file that grows). Errors are of `kind`.
std::string readSmallFile(const std::string &path, size_t maxBytes, ErrorKind kind = ErrorKind::Input);

// "a FIFO", "a directory", "a character device", … for a file type of stat(); "not a file" otherwise.
std::string describeFileType(unsigned mode);

} // namespace bertlens
