#include "analysis/corpus_index.h"

#include "analysis/corpus_file.h"

#include "analysis/float16_dot.h"
#include "analysis/pooling.h"
#include "analysis/randomised_pca.h"
#include "analysis/tensor_matrix.h"
#include "common/error.h"
#include "model/loaded_model.h"
#include "pipeline/pipeline.h"

#include <QString>

#include <ATen/ATen.h>
#include <c10/core/InferenceMode.h>

#include <cstring>
#include <algorithm>
#include <cmath>

namespace bertlens {

namespace {

constexpr int64_t kSearchBlock = kTokenBlockRows;

at::Tensor unit(const at::Tensor &x) // rows of [.., H] to unit length (zero rows stay zero)
{
    return x / x.norm(2, -1, true).clamp_min(1e-12);
}

// Token vectors in blocks of kSearchBlock rows: appended without ever copying what is stored (no
// doubling of a multi-gigabyte array at the end), searched and saved block by block.
class TokenBlocks {
public:
    explicit TokenBlocks(int dims) : m_dims(dims) {}
    void append(const at::Tensor &rows) // [n, dims] float16
    {
        for (int64_t done = 0; done < rows.size(0);) {
            if (m_blocks.empty() || m_filled == kSearchBlock) {
                m_blocks.push_back(at::empty({kSearchBlock, m_dims}, at::kHalf));
                m_filled = 0;
            }
            const int64_t n = std::min(rows.size(0) - done, kSearchBlock - m_filled);
            m_blocks.back().slice(0, m_filled, m_filled + n).copy_(rows.slice(0, done, done + n));
            m_filled += n;
            done += n;
        }
    }
    int64_t rows() const { return m_blocks.empty() ? 0 : int64_t(m_blocks.size() - 1) * kSearchBlock + m_filled; }
    // The blocks, the last cut to its filled rows.
    std::vector<at::Tensor> finish()
    {
        if (!m_blocks.empty() && m_filled < kSearchBlock)
            m_blocks.back() = m_blocks.back().slice(0, 0, m_filled).clone();
        return std::move(m_blocks);
    }
    // Every stored row mapped through `f` ([n, dims] float32 → [n, newDims] float32), one block at
    // a time (the rows of the last block past those filled are never read).
    template <class F> void transform(int newDims, F &&f)
    {
        for (at::Tensor &block : m_blocks)
            block = f(block.to(at::kFloat)).to(at::kHalf).contiguous();
        m_dims = newDims;
    }
    const std::vector<at::Tensor> &blocks() const { return m_blocks; }
    int64_t filledOfLast() const { return m_filled; }

private:
    int m_dims;
    std::vector<at::Tensor> m_blocks;
    int64_t m_filled = 0;
};

// Collects, per line, the pooled vector and every real token's vector at one layer.
class IndexSink : public SentenceSink {
public:
    IndexSink(int layer, const CorpusIndexOptions &options, int hidden, size_t lines)
        : m_layer(layer), m_pooling(options.pooling), m_budget(options.tokenBudgetBytes), m_sample(options.reductionSample),
          m_reducedDims(options.reducedDims), m_hidden(hidden), tokens(hidden)
    {
        m_lineVectors = at::empty({int64_t(lines), hidden}, at::kFloat);
    }
    std::vector<int> layers() const override { return {m_layer}; }
    void add(const SentenceResult &r) override
    {
        const at::Tensor hidden = r.output.hidden[0];                                                 // [T, H]
        const at::Tensor mask = at::ones({1, hidden.size(0)}, at::kLong);
        m_lineVectors[r.index] = unit(poolTokens(hidden.unsqueeze(0), mask, m_pooling)[0].to(at::kFloat));
        std::vector<int64_t> keep;
        for (int t = 0; t < r.encoding.size(); ++t)
            if (!r.encoding.specialMask[size_t(t)]) {
                keep.push_back(t);
                occurrences.push_back({int32_t(r.index), t, r.encoding.ids[size_t(t)], r.encoding.offsets[size_t(t)].first,
                                       r.encoding.offsets[size_t(t)].second});
            }
        if (keep.empty())
            return;
        at::Tensor rows = unit(hidden.index_select(0, at::tensor(keep)).to(at::kFloat));
        if (projection.defined())
            rows = at::matmul(rows, projection);
        tokens.append(rows.to(at::kHalf));
        if (!projection.defined() && m_reducedDims < m_hidden && tokens.rows() * m_hidden * 2 > m_budget
            && tokens.rows() >= m_sample)
            reduce();
    }
    at::Tensor lineVectors() const { return m_lineVectors; }

    std::vector<CorpusIndex::Occurrence> occurrences;
    at::Tensor projection;
    TokenBlocks tokens;

private:
    // From here on, token vectors are kept as their coordinates on the leading eigenvectors of the
    // second-moment matrix of those seen so far (no centring: dot products — cosines — are what is
    // to be kept best).
    void reduce()
    {
        at::Tensor moments = at::zeros({m_hidden, m_hidden}, at::kDouble);
        int64_t seen = 0;
        const auto &blocks = tokens.blocks();
        for (size_t b = 0; b < blocks.size() && seen < 4 * m_sample; ++b) {
            const int64_t rows = b + 1 == blocks.size() ? tokens.filledOfLast() : blocks[b].size(0);
            const at::Tensor x = blocks[b].slice(0, 0, rows).to(at::kFloat);
            moments += at::matmul(x.t(), x).to(at::kDouble);
            seen += rows;
        }
        const auto [values, vectors] = at::linalg_eigh(moments); // ascending
        projection = vectors.slice(1, m_hidden - m_reducedDims).flip({1}).to(at::kFloat).contiguous();
        tokens.transform(m_reducedDims, [this](const at::Tensor &x) { return at::matmul(x, projection); });
    }

    int m_layer;
    Pooling m_pooling;
    long long m_budget;
    long long m_sample;
    int m_reducedDims;
    int m_hidden;
    at::Tensor m_lineVectors;
};

// The k best of a score vector, best first.
std::pair<std::vector<double>, std::vector<int64_t>> best(const at::Tensor &scores, int k)
{
    const auto [values, indices] = scores.topk(std::min<int64_t>(std::max(k, 0), scores.size(0)));
    std::vector<double> v(size_t(values.size(0)));
    std::vector<int64_t> i(v.size());
    for (size_t j = 0; j < v.size(); ++j) {
        v[j] = values[int64_t(j)].item<double>();
        i[j] = indices[int64_t(j)].item<int64_t>();
    }
    return {v, i};
}

} // namespace

CorpusIndex::CorpusIndex(const LoadedModel &model, int layer, Pooling pooling, long long corpusBytes, uint64_t corpusHash)
    : m_layer(layer), m_pooling(pooling), m_model(modelFingerprint(model)), m_corpusBytes(corpusBytes), m_corpusHash(corpusHash)
{
}

std::string CorpusIndex::modelFingerprint(const LoadedModel &model)
{
    // The architecture and the weights' identity: a sum over the word embeddings changes with any
    // other checkpoint (fine-tuned ones included), and the vocabulary's size with its tokenizer.
    const BertConfig &c = model.config;
    const double sum = model.encoder->wordEmbeddings().to(at::kDouble).sum().item<double>();
    const double squares = model.encoder->wordEmbeddings().to(at::kDouble).pow(2).sum().item<double>();
    char text[256];
    std::snprintf(text, sizeof text, "L%d H%d A%d F%d V%d %.17g %.17g", c.numLayers, c.hiddenSize, c.numHeads,
                  c.intermediateSize, model.tokenizer->vocab().size(), sum, squares);
    return text;
}

CorpusIndex CorpusIndex::build(const LoadedModel &model, const std::string &corpusPath, const CorpusIndexOptions &options)
{
    c10::InferenceMode inference;
    const int layers = model.config.numLayers;
    const int layer = options.layer < 0 ? layers : options.layer;
    if (layer > layers)
        throw Error(ErrorKind::Usage, "layer " + std::to_string(layer) + " does not exist: the model has layers 0.." + std::to_string(layers));
    if (options.pooling == Pooling::None)
        throw Error(ErrorKind::Usage, "a corpus index needs a pooling (cls, mean, max or mean_sqrt_len)");
    CorpusFile corpus = readCorpus(corpusPath);
    CorpusIndex index(model, layer, options.pooling, corpus.bytes, corpus.hash);
    std::vector<SentenceInput> inputs;
    inputs.reserve(corpus.lines.size());
    for (const CorpusLine &l : corpus.lines)
        inputs.push_back({l.text, {}, false});
    if (options.reducedDims < 1)
        throw Error(ErrorKind::Usage, "a corpus index needs at least one dimension");
    IndexSink sink(layer, options, model.config.hiddenSize, inputs.size());
    InputList source(std::move(inputs));
    PipelineOptions run;
    run.cancel = options.cancel;
    if (options.progress)
        run.progress = [&](long long done, long long total) { options.progress(done * std::max(1ll, corpus.bytes) / std::max(1ll, total), corpus.bytes); };
    runPipeline(model, source, sink, run);
    index.m_lines = std::move(corpus.lines);
    index.m_occurrences = std::move(sink.occurrences);
    index.m_tokenDims = sink.projection.defined() ? int(sink.projection.size(1)) : model.config.hiddenSize;
    index.m_tokenCount = sink.tokens.rows();
    index.m_tokenBlocks = sink.tokens.finish();
    index.m_projection = sink.projection;
    index.m_lineVectors = sink.lineVectors();
    return index;
}

const CorpusLine &CorpusIndex::lineAt(long long line) const
{
    const auto it = std::lower_bound(m_lines.begin(), m_lines.end(), line, [](const CorpusLine &l, long long n) { return l.line < n; });
    if (it == m_lines.end() || it->line != line)
        throw Error(ErrorKind::Usage, "line " + std::to_string(line) + " is not in the corpus index");
    return *it;
}

long long CorpusIndex::memoryBytes() const
{
    long long bytes = (long long)(m_occurrences.size() * sizeof(Occurrence));
    for (const at::Tensor &block : m_tokenBlocks)
        bytes += block.numel() * block.element_size();
    for (const at::Tensor *t : {&m_projection, &m_lineVectors})
        if (t->defined())
            bytes += t->numel() * t->element_size();
    for (const CorpusLine &l : m_lines)
        bytes += (long long)(sizeof l + l.text.capacity() + l.label.capacity());
    return bytes;
}

PcaResult CorpusIndex::projectLines(int k) const
{
    c10::InferenceMode inference;
    const int64_t n = m_lineVectors.size(0), d = m_lineVectors.size(1);
    if (n * d <= kExactPcaElements)
        return pca(toMatrix(m_lineVectors), k);
    return randomisedPca(m_lineVectors, k);
}

std::vector<int> CorpusIndex::linesContaining(const std::string &word) const
{
    std::vector<int> found;
    if (word.empty())
        return found;
    const QString needle = QString::fromStdString(word);
    for (size_t i = 0; i < m_lines.size(); ++i)
        if (QString::fromStdString(m_lines[i].text).contains(needle, Qt::CaseInsensitive))
            found.push_back(int(i));
    return found;
}

at::Tensor CorpusIndex::queryHidden(const LoadedModel &model, const std::string &query, at::Tensor *tokens) const
{
    c10::InferenceMode inference;
    const Encoding e = model.tokenizer->encode(query, model.maxLength);
    ForwardOptions options;
    options.layers = {m_layer};
    const at::Tensor hidden = model.encoder->forward(makeBatch({&e}, model.tokenizer->padId()), options).hidden[0][0]; // [T, H]
    if (tokens)
        *tokens = hidden;
    return poolTokens(hidden.unsqueeze(0), at::ones({1, hidden.size(0)}, at::kLong), m_pooling)[0];
}

std::vector<SentenceHit> CorpusIndex::nearestLines(const LoadedModel &model, const std::string &query, int k) const
{
    return nearestLines(queryHidden(model, query, nullptr), k);
}

std::vector<TokenHit> CorpusIndex::nearestTokens(const LoadedModel &model, const std::string &query, int token, int k) const
{
    at::Tensor hidden;
    queryHidden(model, query, &hidden);
    if (token < 0 || token >= hidden.size(0))
        throw Error(ErrorKind::Usage, "token " + std::to_string(token) + " does not exist: the query has tokens 0.."
                                          + std::to_string(hidden.size(0) - 1) + " ([CLS] = 0)");
    return nearestTokens(hidden[token], k, *model.tokenizer);
}

std::vector<SentenceHit> CorpusIndex::nearestLines(const at::Tensor &vector, int k) const
{
    c10::InferenceMode inference;
    const at::Tensor scores = at::mv(m_lineVectors, unit(vector.to(at::kFloat)));
    const auto [values, indices] = best(scores, k);
    std::vector<SentenceHit> hits;
    for (size_t i = 0; i < values.size(); ++i)
        hits.push_back({m_lines[size_t(indices[i])].line, values[i]});
    return hits;
}

std::vector<TokenHit> CorpusIndex::nearestTokens(const at::Tensor &vector, int k, const Tokenizer &tokenizer) const
{
    c10::InferenceMode inference;
    at::Tensor query = unit(vector.to(at::kFloat));
    if (reduced())
        query = at::mv(m_projection.t(), query);
    query = query.contiguous();
    at::Tensor scores = at::empty({tokenCount()}, at::kFloat);
    int64_t first = 0;
    for (const at::Tensor &block : m_tokenBlocks) {
        dotFloat16(reinterpret_cast<const uint16_t *>(block.data_ptr<at::Half>()), block.size(0), block.size(1), query.data_ptr<float>(),
                   scores.data_ptr<float>() + first);
        first += block.size(0);
    }
    const auto [values, indices] = best(scores, k);
    std::vector<TokenHit> hits;
    for (size_t i = 0; i < values.size(); ++i) {
        const Occurrence &o = m_occurrences[size_t(indices[i])];
        hits.push_back({m_lines[size_t(o.line)].line, o.position, o.begin, o.end, tokenizer.label(o.id), values[i]});
    }
    return hits;
}

} // namespace bertlens
