#include "progress_reporter.h"

#include <algorithm>
#include <cstdio>
#include <unistd.h>

namespace bertlens::cli {

ProgressReporter::ProgressReporter(Unit unit)
    : m_unit(unit), m_terminal(::isatty(STDERR_FILENO)), m_start(std::chrono::steady_clock::now())
{
}

void ProgressReporter::notice(const std::string &line)
{
    if (m_drawn && m_terminal)
        std::fputs("\r\033[K", stderr);
    std::fprintf(stderr, "%s\n", line.c_str());
    std::fflush(stderr);
}

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
    const double fraction = std::min(1.0, double(done) / double(total));
    if (m_terminal) {
        constexpr int width = 40;
        const int filled = int(fraction * width);
        std::fprintf(stderr, "\r[%.*s%*s] %3d%%  %.0f s", filled, "########################################",
                     width - filled, "", int(fraction * 100), seconds);
        if (m_unit == Unit::Bytes && done > 0) {
            const double rate = double(done) / seconds;
            std::fprintf(stderr, "  %.1f of %.1f MB, %.1f MB/s, %.0f s left\033[K", double(done) / 1e6, double(total) / 1e6, rate / 1e6,
                         double(total - done) / rate);
        }
        m_drawn = true;
    } else if (int(fraction * 10) > m_lastDecile) {
        m_lastDecile = int(fraction * 10);
        std::fprintf(stderr, "progress: %d%% (%.0f s)\n", m_lastDecile * 10, seconds);
    }
    std::fflush(stderr);
}

} // namespace bertlens::cli
