#include "analysis/maps/collected_vectors.h"

#include "analysis/pooling.h"
#include "common/error.h"

#include <ATen/ATen.h>

namespace bertlens {

namespace {

class CollectingSink : public SentenceSink {
public:
    CollectingSink(int layer, Pooling pooling, long long maxRows) : m_layer(layer), m_pooling(pooling), m_maxRows(maxRows) {}
    std::vector<int> layers() const override { return {m_layer}; }
    void add(const SentenceResult &r) override
    {
        at::Tensor hidden = r.output.layersOf({m_layer})[0].to(at::kFloat); // [T, H]
        if (m_pooling != Pooling::None)
            hidden = poolTokens(hidden.unsqueeze(0), at::ones({1, hidden.size(0)}, at::kFloat), m_pooling); // [1, H]
        if (m_count + hidden.size(0) > m_maxRows)
            throw inputError("more than " + std::to_string(m_maxRows) + " vectors to map: map fewer lines"
                             + (m_pooling == Pooling::None ? std::string(", or sentence vectors (--pooling)") : std::string()));
        m_parts.push_back(hidden.contiguous());
        m_count += hidden.size(0);
        for (int64_t row = 0; row < hidden.size(0); ++row) {
            m_out.sentence.push_back(r.index);
            m_out.token.push_back(m_pooling == Pooling::None ? int(row) : -1);
            m_out.text.push_back(m_pooling != Pooling::None ? (r.input.hasPair ? r.input.text + " | " + r.input.pair : r.input.text)
                                                            : r.encoding.labels[size_t(row)]);
        }
    }
    CollectedVectors take()
    {
        m_out.rows = m_parts.empty() ? at::zeros({0, 0}, at::kFloat) : at::cat(m_parts);
        return std::move(m_out);
    }

private:
    int m_layer;
    Pooling m_pooling;
    long long m_maxRows;
    long long m_count = 0;
    std::vector<at::Tensor> m_parts;
    CollectedVectors m_out;
};

} // namespace

CollectedVectors collectVectors(const LoadedModel &model, InputSource &inputs, int layer, Pooling pooling, const PipelineOptions &options,
                                long long maxRows)
{
    CollectingSink sink(layer, pooling, maxRows);
    runPipeline(model, inputs, sink, options);
    return sink.take();
}

} // namespace bertlens
