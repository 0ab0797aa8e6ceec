#pragma once

#include <chrono>
#include <string>
#include <string>

namespace bertlens::cli {

// Progress on stderr: a redrawn bar on a terminal, otherwise a line at every 10%. Quiet for
// the first second, so short runs print nothing.
class ProgressReporter {
public:
    enum class Unit { Items, Bytes };
    explicit ProgressReporter(Unit unit = Unit::Items);
    ~ProgressReporter();
    void update(long long done, long long total);
    // A line of its own (which file, a retry), between the bar's redraws.
    void notice(const std::string &line);

private:
    Unit m_unit;
    bool m_terminal;
    bool m_drawn = false;
    int m_lastDecile = -1;
    std::chrono::steady_clock::time_point m_start;
};

} // namespace bertlens::cli
