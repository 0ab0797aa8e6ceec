#pragma once

#include <string>

namespace bertlens {

// How the encoder's matrix products are computed. Float32 is exact (the reference's numbers
// within float rounding); BFloat16 rounds the inputs of every matrix product to bfloat16 and
// accumulates in float32, while embeddings, LayerNorm, softmax and the residual stream stay
// float32 (bench_corpus reports its error against Float32).
enum class Precision { Float32, BFloat16 };

// "fp32" / "bf16".
std::string precisionName(Precision precision);
// Accepts "fp32" and "bf16"; a usage error names the value otherwise.
Precision parsePrecision(const std::string &name);

// Whether this CPU has bfloat16 instructions (AVX512-BF16 or AMX-BF16). Without them oneDNN
// would emulate bf16 more slowly than fp32 runs, so BFloat16 is then not used.
bool cpuHasBf16();

// The precision that will run: `wanted`, or Float32 with `why` set when the CPU lacks bf16.
Precision effectivePrecision(Precision wanted, std::string *why = nullptr);

} // namespace bertlens
