#pragma once

#include <cstddef>
#include <vector>

namespace bertlens {

// A dense row-major float matrix: what core hands to the UI, which never sees a tensor.
struct Matrix {
    int rows = 0;
    int cols = 0;
    std::vector<float> values;

    Matrix() = default;
    Matrix(int r, int c, float fill = 0.f) : rows(r), cols(c), values(size_t(r) * size_t(c), fill) {}
    float at(int r, int c) const { return values[size_t(r) * size_t(cols) + size_t(c)]; }
    float &at(int r, int c) { return values[size_t(r) * size_t(cols) + size_t(c)]; }
    const float *row(int r) const { return values.data() + size_t(r) * size_t(cols); }
};

} // namespace bertlens
