#include "progress_reporter.h"

#include <cstdio>
#include <unistd.h>

namespace bertlens::cli {

ProgressReporter::ProgressReporter() : m_terminal(::isatty(STDERR_FILENO)), m_start(std::chrono::steady_clock::now()) {}

ProgressReporter::~ProgressReporter()
{
    if (m_drawn && m_terminal)
        std::fputc('\n', stderr);
}

void ProgressReporter::update(long long done, long long total)
{
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
    if (seconds < 1.0)
        return;
    if (total <= 0) {
        if (m_terminal)
            std::fprintf(stderr, "\r%lld bytes read, %.0f s", done, seconds);
        m_drawn = true;
        return;
    }
    const double fraction = double(done) / double(total);
    if (m_terminal) {
        constexpr int width = 40;
        const int filled = int(fraction * width);
        std::fprintf(stderr, "\r[%.*s%*s] %3d%%  %.0f s", filled, "########################################",
                     width - filled, "", int(fraction * 100), seconds);
        m_drawn = true;
    } else if (int(fraction * 10) > m_lastDecile) {
        m_lastDecile = int(fraction * 10);
        std::fprintf(stderr, "progress: %d%% (%.0f s)\n", m_lastDecile * 10, seconds);
    }
    std::fflush(stderr);
}

} // namespace bertlens::cli
