#pragma once

#include "tokenizer/encoding.h"

namespace bertlens {

// The ids of a vocabulary's special tokens (-1 where it has none), and what each id is for.
struct SpecialTokens {
    int cls = -1, sep = -1, pad = -1, mask = -1, unknown = -1;

    TokenRole roleOf(int id) const
    {
        if (id == mask)
            return TokenRole::Mask;
        if (id == unknown)
            return TokenRole::Unknown;
        if (id == pad)
            return TokenRole::Pad;
        if (id == cls)
            return TokenRole::Cls;
        if (id == sep)
            return TokenRole::Sep;
        return TokenRole::Text;
    }
};

} // namespace bertlens
