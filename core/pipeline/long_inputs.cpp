#include "pipeline/long_inputs.h"

#include "common/error.h"
#include "tokenizer/tokenizer.h"

#include <ATen/ATen.h>

#include <algorithm>

namespace bertlens {

namespace {

// The positions of `e`'s text tokens, in order.
std::vector<int> textPositions(const Encoding &e)
{
    std::vector<int> out;
    for (int i = 0; i < e.size(); ++i)
        if (!e.specialMask[size_t(i)])
            out.push_back(i);
    return out;
}

} // namespace

int defaultStride(const Tokenizer &tokenizer, int maxLength)
{
    return std::max(0, std::min(128, (maxLength - tokenizer.postProcessor().added(false)) / 2));
}

InputWindows splitIntoWindows(const Tokenizer &tokenizer, const Encoding &full, int maxLength, int stride)
{
    const int room = maxLength - tokenizer.postProcessor().added(false);
    if (room < 1)
        throw Error(ErrorKind::Usage, "max length " + std::to_string(maxLength) + " leaves no room for text in a window");
    if (stride < 0 || stride >= room)
        throw Error(ErrorKind::Usage, "stride " + std::to_string(stride) + " must be below the " + std::to_string(room)
                                          + " text tokens a window holds");
    const std::vector<int> text = textPositions(full);
    InputWindows out;
    for (size_t start = 0;; start += size_t(room - stride)) {
        const size_t end = std::min(text.size(), start + size_t(room));
        std::vector<TokenPiece> pieces;
        for (size_t i = start; i < end; ++i) {
            const size_t at = size_t(text[i]);
            pieces.push_back({full.ids[at], full.offsets[at].first, full.offsets[at].second, full.wordIds[at]});
        }
        out.windows.push_back(tokenizer.assemble(pieces));
        out.firstText.push_back(text.empty() ? 0 : text[start]);
        if (end == text.size())
            break;
    }
    return out;
}

Encoding oneWindow(const Tokenizer &tokenizer, const Encoding &full, int maxLength, int stride, int window)
{
    if (full.size() <= maxLength)
        return full;
    InputWindows w = splitIntoWindows(tokenizer, full, maxLength, stride);
    const int count = int(w.windows.size()), k = std::clamp(window, 0, count - 1);
    Encoding e = std::move(w.windows[size_t(k)]);
    e.window = k;
    e.windows = count;
    e.untruncatedLength = full.size();
    return e;
}

SentenceOutput stitchWindows(const Encoding &full, const InputWindows &w, const std::vector<SentenceOutput> &outputs)
{
    if (outputs.size() != w.windows.size() || outputs.empty())
        throw std::logic_error("stitchWindows: one output per window");
    const std::vector<int> text = textPositions(full);
    // For each position of `full`: the window and the position in it it is taken from.
    std::vector<std::pair<int64_t, int64_t>> source(size_t(full.size()));
    const std::vector<int> firstWindowText = textPositions(w.windows.front());
    const int leading = firstWindowText.empty() ? w.windows.front().size() : firstWindowText.front();
    for (int i = 0; i < full.size(); ++i) {
        if (text.empty() || i < text.front()) {
            source[size_t(i)] = {0, i};
        } else if (i > text.back()) {
            const Encoding &last = w.windows.back();
            source[size_t(i)] = {int64_t(w.windows.size() - 1), last.size() - (full.size() - i)};
        }
    }
    // Each window's first text token (as an index into `text`) and its number of text tokens.
    std::vector<std::pair<int, int>> spans;
    for (size_t k = 0; k < w.windows.size(); ++k)
        spans.emplace_back(int(std::lower_bound(text.begin(), text.end(), w.firstText[k]) - text.begin()),
                           int(textPositions(w.windows[k]).size()));
    for (int t = 0; t < int(text.size()); ++t) {
        double best = -1;
        for (size_t k = 0; k < spans.size(); ++k) {
            const auto [first, length] = spans[k];
            if (t < first || t >= first + length)
                continue;
            const double score = std::min(t - first, first + length - 1 - t) + 0.01 * length;
            if (score > best) {
                best = score;
                source[size_t(text[size_t(t)])] = {int64_t(k), leading + t - first};
            }
        }
    }
    std::vector<at::Tensor> columns;
    columns.reserve(source.size());
    for (const auto &[window, position] : source)
        columns.push_back(outputs[size_t(window)].hidden.select(1, position));
    SentenceOutput out;
    out.layers = outputs.front().layers;
    out.hidden = at::stack(columns, 1); // [K, T, H]
    return out;
}

} // namespace bertlens
