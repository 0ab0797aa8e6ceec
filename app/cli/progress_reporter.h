#pragma once

#include <chrono>

namespace bertlens::cli {

// Progress on stderr: a redrawn bar on a terminal, otherwise a line at every 10%. Quiet for
// the first second, so short runs print nothing.
class ProgressReporter {
public:
    ProgressReporter();
    ~ProgressReporter();
    void update(long long done, long long total);

private:
    bool m_terminal;
    bool m_drawn = false;
    int m_lastDecile = -1;
    std::chrono::steady_clock::time_point m_start;
};

} // namespace bertlens::cli
