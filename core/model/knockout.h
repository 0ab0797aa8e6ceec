#pragma once

#include <set>
#include <string>
#include <utility>
#include <vector>

namespace bertlens {

// Parts of the encoder switched off. A knocked-out head's context (its slice of the attention
// output before the output projection) is 0; a knocked-out FFN's output, bias included, is 0, so
// that layer's output is LayerNorm(its attention part).
struct Knockout {
    std::set<std::pair<int, int>> heads; // (layer 1..L, head 0-based)
    std::set<int> ffn;                   // layers 1..L

    bool empty() const { return heads.empty() && ffn.empty(); }
    // The lowest layer touched; 0 when nothing is.
    int firstLayer() const;
    // A usage error names a layer or head the model does not have.
    void check(int numLayers, int numHeads) const;
    // "heads 2:1, 3:4; FFN 5" with heads counted from 1, as the window and the CLI count them.
    std::string describe() const;
    bool operator==(const Knockout &other) const { return heads == other.heads && ffn == other.ffn; }
    bool operator!=(const Knockout &other) const { return !(*this == other); }
};

// "2:1,3:4" (layers 1..L, heads from 1) and "5,6": what --knock-out-heads and --knock-out-ffn
// take. A usage error names the part that is not a layer or head of the model.
Knockout parseKnockout(const std::string &heads, const std::string &ffn, int numLayers, int numHeads);

} // namespace bertlens
