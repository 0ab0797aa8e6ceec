#include "model/precision.h"

#include "common/error.h"

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#endif

namespace bertlens {

std::string precisionName(Precision precision) { return precision == Precision::BFloat16 ? "bf16" : "fp32"; }

Precision parsePrecision(const std::string &name)
{
    if (name == "fp32")
        return Precision::Float32;
    if (name == "bf16")
        return Precision::BFloat16;
    throw Error(ErrorKind::Usage, "precision must be fp32 or bf16, not '" + name + "'");
}

bool cpuHasBf16()
{
#if defined(__x86_64__) || defined(__i386__)
    unsigned a = 0, b = 0, c = 0, d = 0;
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d))
        return false;
    const bool amxBf16 = d & (1u << 22);
    if (a < 1 || !__get_cpuid_count(7, 1, &a, &b, &c, &d))
        return amxBf16;
    const bool avx512Bf16 = a & (1u << 5);
    return avx512Bf16 || amxBf16;
#else
    return false;
#endif
}

Precision effectivePrecision(Precision wanted, std::string *why)
{
    if (wanted == Precision::BFloat16 && !cpuHasBf16()) {
        if (why)
            *why = "this CPU has no bfloat16 instructions (AVX512-BF16 or AMX); running fp32";
        return Precision::Float32;
    }
    return wanted;
}

} // namespace bertlens
