#include "analysis/float16_dot.h"

#include <ATen/Parallel.h>
#include <c10/util/Half.h>

#include <cpuid.h>
#include <immintrin.h>

namespace bertlens {

namespace {

float dotScalar(const uint16_t *row, int64_t d, const float *query)
{
    float sum = 0;
    for (int64_t k = 0; k < d; ++k)
        sum += c10::detail::fp16_ieee_to_fp32_value(row[k]) * query[k];
    return sum;
}

__attribute__((target("avx2,f16c,fma"))) float dotF16c(const uint16_t *row, int64_t d, const float *query)
{
    __m256 a0 = _mm256_setzero_ps(), a1 = _mm256_setzero_ps();
    int64_t k = 0;
    for (; k + 16 <= d; k += 16) {
        a0 = _mm256_fmadd_ps(_mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i *>(row + k))), _mm256_loadu_ps(query + k), a0);
        a1 = _mm256_fmadd_ps(_mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i *>(row + k + 8))),
                             _mm256_loadu_ps(query + k + 8), a1);
    }
    for (; k + 8 <= d; k += 8)
        a0 = _mm256_fmadd_ps(_mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i *>(row + k))), _mm256_loadu_ps(query + k), a0);
    const __m256 a = _mm256_add_ps(a0, a1);
    __m128 s = _mm_add_ps(_mm256_castps256_ps128(a), _mm256_extractf128_ps(a, 1));
    s = _mm_hadd_ps(s, s);
    s = _mm_hadd_ps(s, s);
    return _mm_cvtss_f32(s) + dotScalar(row + k, d - k, query + k);
}

bool hasF16c()
{
    // clang's __builtin_cpu_supports knows no "f16c": CPUID leaf 1, ECX bit 29.
    static const bool yes = [] {
        unsigned a = 0, b = 0, c = 0, d = 0;
        return __get_cpuid(1, &a, &b, &c, &d) && (c & (1u << 29)) && __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    }();
    return yes;
}

} // namespace

void dotFloat16(const uint16_t *rows, int64_t n, int64_t d, const float *query, float *scores)
{
    const bool fast = hasF16c();
    at::parallel_for(0, n, 2048, [&](int64_t begin, int64_t end) {
        for (int64_t i = begin; i < end; ++i)
            scores[i] = fast ? dotF16c(rows + i * d, d, query) : dotScalar(rows + i * d, d, query);
    });
}

} // namespace bertlens
