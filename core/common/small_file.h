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

// The most a text file of a model may hold (vocab.txt, tokenizer.json, config.json, jieba's
// dictionary): the largest real ones are a few tens of MB (XLM-R's tokenizer.json: 17 MB).
constexpr size_t kMaxModelTextBytes = size_t(256) << 20;

// "a FIFO", "a directory", "a character device", … for a file type of stat(); "not a file" otherwise.
std::string describeFileType(unsigned mode);

} // namespace bertlens
