#pragma once
// The benchmarks' clock: the median of several runs, in seconds.

#include <algorithm>
#include <chrono>
#include <functional>
#include <vector>

namespace bertlens::bench {

inline double medianSeconds(const std::function<void()> &work, int repeats)
{
    std::vector<double> times;
    for (int i = 0; i < repeats; ++i) {
        const auto start = std::chrono::steady_clock::now();
        work();
        times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

} // namespace bertlens::bench
