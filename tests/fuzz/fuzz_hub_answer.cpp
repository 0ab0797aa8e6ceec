// Any bytes as the Hub's model API answer: the commit and file list are read, and the files a
// model needs are chosen from it — only names that can never leave the snapshot folder.
#include "common/error.h"
#include "hub/hub_download.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace bertlens;
    try {
        const RepoInfo info = parseRepoInfo(QByteArray(reinterpret_cast<const char *>(data), int(size)), "fuzz");
        for (const std::string &file : filesToFetch(info.siblings))
            if (file.empty() || file.find("..") != std::string::npos || file[0] == '/')
                std::abort();
    } catch (const Error &) {
    }
    return 0;
}
