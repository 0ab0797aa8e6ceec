#pragma once

#include <cstdint>

namespace bertlens {

// SplitMix64 (Steele, Lea & Flood 2014): the maps' only source of randomness, so that a seed gives
// the same map with any compiler and standard library (std::uniform_int_distribution's output is
// not specified by the standard).
class SeededRandom {
public:
    explicit SeededRandom(uint64_t seed) : m_state(seed) {}
    uint64_t next()
    {
        uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    // Uniform in [0, n), n > 0 (Lemire's multiply-shift; its bias of n / 2^64 does not matter here).
    uint32_t below(uint32_t n) { return uint32_t(((next() >> 32) * uint64_t(n)) >> 32); }
    double uniform() { return double(next() >> 11) * 0x1.0p-53; }

private:
    uint64_t m_state;
};

} // namespace bertlens
