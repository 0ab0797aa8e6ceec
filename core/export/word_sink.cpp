#include "export/word_sink.h"

#include "analysis/word_groups.h"

#include <ATen/ATen.h>

namespace bertlens {

namespace {

class WordSink : public SentenceSink {
public:
    WordSink(std::unique_ptr<SentenceSink> inner, const ChineseSegmenter *segmenter) : m_inner(std::move(inner)), m_segmenter(segmenter) {}
    bool needsAttentions() const override { return m_inner->needsAttentions(); }
    std::vector<int> layers() const override { return m_inner->layers(); }
    void finish() override { m_inner->finish(); }

    void add(const SentenceResult &r) override
    {
        const WordGroups words = groupWords(r.encoding, m_segmenter);
        const int64_t w = words.size(), t = r.encoding.size();
        // mean: [W, T] with 1/|word| on a word's tokens; sum: the same with ones.
        at::Tensor mean = at::zeros({w, t}, at::kFloat), sum = at::zeros({w, t}, at::kFloat);
        Encoding encoding;
        for (int64_t i = 0; i < w; ++i) {
            const auto &tokens = words.tokens[size_t(i)];
            for (int token : tokens) {
                mean[i][token] = 1.0 / double(tokens.size());
                sum[i][token] = 1.0;
            }
            const int first = tokens.front(), last = tokens.back();
            encoding.ids.push_back(r.encoding.ids[size_t(first)]);
            encoding.typeIds.push_back(r.encoding.typeIds[size_t(first)]);
            encoding.tokens.push_back(words.labels[size_t(i)]);
            encoding.offsets.emplace_back(r.encoding.offsets[size_t(first)].first, r.encoding.offsets[size_t(last)].second);
            encoding.specialMask.push_back(tokens.size() == 1 && r.encoding.specialMask[size_t(first)]);
            encoding.roles.push_back(tokens.size() == 1 ? r.encoding.roles[size_t(first)] : TokenRole::Text);
            encoding.wordIds.push_back(encoding.specialMask.back() ? -1 : int(i));
            encoding.surfaces.push_back(words.labels[size_t(i)]);
            encoding.labels.push_back(words.labels[size_t(i)]);
        }
        encoding.truncated = r.encoding.truncated;
        encoding.untruncatedLength = r.encoding.untruncatedLength;
        SentenceOutput output;
        output.layers = r.output.layers;
        output.hidden = at::matmul(mean, r.output.hidden).contiguous(); // [K, W, H]
        if (r.output.attentions.defined())
            output.attentions = at::matmul(at::matmul(mean, r.output.attentions), sum.t()).contiguous(); // [L, heads, W, W]
        m_inner->add({r.index, r.input, encoding, output});
    }

private:
    std::unique_ptr<SentenceSink> m_inner;
    const ChineseSegmenter *m_segmenter;
};

} // namespace

std::unique_ptr<SentenceSink> aggregateWords(std::unique_ptr<SentenceSink> inner, const ChineseSegmenter *segmenter)
{
    return std::make_unique<WordSink>(std::move(inner), segmenter);
}

} // namespace bertlens
