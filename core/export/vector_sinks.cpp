#include "export/vector_sinks.h"

#include "analysis/attention_rollout.h"
#include "analysis/pooling.h"
#include "common/error.h"
#include "export/npy_format.h"
#include "export/projector_format.h"
#include "io/atomic_file.h"

#include <ATen/ATen.h>

#include <charconv>

namespace bertlens {

namespace {

// Flushes to the file in large pieces: one write per sentence would be slow for big corpora.
constexpr size_t kFlushBytes = 1 << 20;

void appendRow(std::string &out, const float *values, int64_t count)
{
    for (int64_t i = 0; i < count; ++i) {
        out += ',';
        appendFloat(out, values[i]);
    }
    out += '\n';
}

// The vectors an embedding export writes for one sentence: [layers, rows, H], rows being its
// tokens (pooling none) or its one pooled vector.
at::Tensor exportedVectors(const SentenceOutput &output, const VectorSpec &spec)
{
    at::Tensor v = output.layersOf(spec.layers);
    if (spec.pooling != Pooling::None)
        v = poolTokens(v.unsqueeze(1), at::ones({1, v.size(1)}, at::kLong), spec.pooling); // [layers, 1, H]
    if (spec.normalize) // as torch.nn.functional.normalize, sentence-transformers' Normalize
        v = v / v.norm(2, -1, true).clamp_min(1e-12);
    return v;
}

class EmbeddingCsvSink : public SentenceSink {
public:
    EmbeddingCsvSink(const std::string &path, VectorSpec spec, int hiddenSize, at::Tensor centre, bool header)
        : m_file(path), m_spec(std::move(spec)), m_centre(std::move(centre))
    {
        if (!header)
            return;
        m_buffer = m_spec.pooling == Pooling::None ? "sentence,token_index,token,layer" : "sentence,layer";
        for (int d = 0; d < hiddenSize; ++d)
            m_buffer += ",d" + std::to_string(d);
        m_buffer += '\n';
    }
    std::vector<int> layers() const override { return m_spec.layers; }

    void add(const SentenceResult &r) override
    {
        const Encoding &encoding = r.encoding;
        const SentenceOutput &output = r.output;
        const std::string prefix = std::to_string(r.index + 1) + ","; // sentences count from 1, as the window's
        const at::Tensor vectors = vectorsOf(output); // [layers, rows, H]
        if (m_spec.pooling == Pooling::None) {
            for (int t = 0; t < encoding.size(); ++t) {
                std::string tokenPrefix = prefix + std::to_string(t) + ",";
                appendCsvField(tokenPrefix, encoding.tokens[size_t(t)]);
                for (size_t i = 0; i < m_spec.layers.size(); ++i) {
                    m_buffer += tokenPrefix + "," + std::to_string(m_spec.layers[i]);
                    appendRow(m_buffer, vectors[long(i)][t].data_ptr<float>(), vectors.size(2));
                }
            }
        } else {
            for (size_t i = 0; i < m_spec.layers.size(); ++i) {
                m_buffer += prefix + std::to_string(m_spec.layers[i]);
                appendRow(m_buffer, vectors[long(i)][0].data_ptr<float>(), vectors.size(2));
            }
        }
        if (m_buffer.size() > kFlushBytes)
            flush();
    }

    void finish() override
    {
        flush();
        m_file.commit();
    }

protected:
    // What is written: the exported vectors, less the centre when there is one.
    at::Tensor vectorsOf(const SentenceOutput &output) const
    {
        at::Tensor v = exportedVectors(output, m_spec);
        if (m_centre.defined())
            v = v - m_centre.unsqueeze(1);
        return v.contiguous();
    }
    void flush()
    {
        m_file.write(m_buffer);
        m_buffer.clear();
    }

    AtomicFile m_file;
    VectorSpec m_spec;
    at::Tensor m_centre; // [layers, H], or undefined
    std::string m_buffer;
};

// .npy (see npy_format.h); the header is rewritten at the end with the sentence count, so
// sentences stream through without being held in memory.
class EmbeddingNpySink : public EmbeddingCsvSink {
public:
    EmbeddingNpySink(const std::string &path, VectorSpec spec, int hiddenSize, at::Tensor centre)
        : EmbeddingCsvSink(path, std::move(spec), hiddenSize, std::move(centre), false), m_hiddenSize(hiddenSize)
    {
        if (m_spec.pooling == Pooling::None)
            throw Error(ErrorKind::Usage, path + ": .npy output needs a pooling (cls, mean or max); token vectors go to CSV");
        if (!m_file.seekable())
            throw Error(ErrorKind::Usage, path + ": .npy output needs a regular file (its header is written last); "
                                                 "write CSV to a device or pipe");
        m_buffer = header(0);
    }

    void add(const SentenceResult &r) override
    {
        const at::Tensor pooled = vectorsOf(r.output);
        m_buffer.append(static_cast<const char *>(pooled.data_ptr()), size_t(pooled.numel()) * sizeof(float));
        ++m_sentences;
        if (m_buffer.size() > kFlushBytes)
            flush();
    }

    void finish() override
    {
        flush();
        m_file.writeAt(0, header(m_sentences));
        m_file.commit();
    }

private:
    std::string header(long long sentences) const
    {
        return npyHeader(sentences, {int64_t(m_spec.layers.size()), int64_t(m_hiddenSize)});
    }

    int m_hiddenSize;
    long long m_sentences = 0;
};

class AttentionCsvSink : public SentenceSink {
public:
    AttentionCsvSink(const std::string &path, std::vector<int> layers, bool rollout, bool header)
        : m_file(path), m_layers(std::move(layers)), m_rollout(rollout)
    {
        if (header)
            m_buffer = rollout ? "sentence,layer,from_index,to_index,weight,from_token,to_token\n"
                           : "sentence,layer,head,from_index,to_index,weight,from_token,to_token\n";
    }
    bool needsAttentions() const override { return true; }

    void add(const SentenceResult &r) override
    {
        std::vector<std::string> tokens; // as CSV fields, escaped once per sentence
        for (const auto &token : r.encoding.tokens) {
            tokens.emplace_back();
            appendCsvField(tokens.back(), token);
        }
        const std::string sentence = std::to_string(r.index + 1) + ",";
        if (m_rollout) {
            const at::Tensor rollout = attentionRollout(r.output.attentions); // [L,T,T]
            for (int layer : m_layers)
                appendMap(sentence + std::to_string(layer) + ",", rollout[layer - 1].contiguous(), tokens);
        } else {
            for (int layer : m_layers) {
                const at::Tensor maps = r.output.attentions[layer - 1]; // [heads,T,T]
                for (int64_t h = 0; h < maps.size(0); ++h)
                    appendMap(sentence + std::to_string(layer) + "," + std::to_string(h + 1) + ",", maps[h].contiguous(), tokens);
            }
        }
        if (m_buffer.size() > kFlushBytes) {
            m_file.write(m_buffer);
            m_buffer.clear();
        }
    }

    void finish() override
    {
        m_file.write(m_buffer);
        m_file.commit();
    }

private:
    // One row per cell of a [T,T] map: prefix, from, to, weight, and the two tokens.
    void appendMap(const std::string &prefix, const at::Tensor &map, const std::vector<std::string> &tokens)
    {
        const int64_t t = map.size(-1);
        const float *w = map.data_ptr<float>();
        for (int64_t i = 0; i < t; ++i)
            for (int64_t j = 0; j < t; ++j) {
                m_buffer += prefix + std::to_string(i) + "," + std::to_string(j) + ",";
                appendFloat(m_buffer, w[i * t + j]);
                m_buffer += ',' + tokens[size_t(i)] + ',' + tokens[size_t(j)] + '\n';
            }
    }

    AtomicFile m_file;
    std::vector<int> m_layers;
    bool m_rollout;
    std::string m_buffer;
};

bool endsWith(const std::string &s, const std::string &suffix)
{
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

} // namespace

namespace {

class ProjectorSink : public SentenceSink {
public:
    ProjectorSink(const std::string &folder, VectorSpec spec, at::Tensor centre, const ProjectorOptions &options)
        : m_writer(folder, options.tensorName, options.clusters, options.seed), m_spec(std::move(spec)), m_centre(std::move(centre)),
          m_labelOf(options.labelOf)
    {
    }
    std::vector<int> layers() const override { return m_spec.layers; }
    void add(const SentenceResult &r) override
    {
        at::Tensor vectors = exportedVectors(r.output, m_spec); // [layers, rows, H]
        if (m_centre.defined())
            vectors = vectors - m_centre.unsqueeze(1);
        vectors = vectors.to(at::kFloat).contiguous();
        ProjectorPoint point;
        point.sentence = r.index + 1;
        point.label = m_labelOf ? m_labelOf(r.index) : std::string();
        const std::string sentence = r.input.hasPair ? r.input.text + " | " + r.input.pair : r.input.text;
        const Encoding &e = r.encoding;
        for (size_t i = 0; i < m_spec.layers.size(); ++i) {
            point.layer = m_spec.layers[i];
            for (int64_t row = 0; row < vectors.size(1); ++row) {
                point.token = m_spec.pooling == Pooling::None ? int(row) : -1;
                point.text = point.token < 0 ? sentence : size_t(row) < e.labels.size() ? e.labels[size_t(row)] : e.tokens[size_t(row)];
                m_writer.add(vectors[long(i)][row].data_ptr<float>(), int(vectors.size(2)), point);
            }
        }
    }
    void finish() override { m_writer.finish(); }

private:
    ProjectorWriter m_writer;
    VectorSpec m_spec;
    at::Tensor m_centre;
    std::function<std::string(long long)> m_labelOf;
};

} // namespace

std::unique_ptr<SentenceSink> makeProjectorSink(const std::string &folder, const VectorSpec &spec, const at::Tensor &centre,
                                              const ProjectorOptions &options)
{
    return std::make_unique<ProjectorSink>(folder, spec, centre, options);
}

std::unique_ptr<SentenceSink> makeEmbeddingSink(const std::string &path, const VectorSpec &spec, int hiddenSize,
                                              const at::Tensor &centre, bool csvHeader)
{
    if (endsWith(path, ".npy"))
        return std::make_unique<EmbeddingNpySink>(path, spec, hiddenSize, centre);
    return std::make_unique<EmbeddingCsvSink>(path, spec, hiddenSize, centre, csvHeader);
}

namespace {

class MeanSink : public VectorMeanSink {
public:
    explicit MeanSink(VectorSpec spec) : m_spec(std::move(spec)) {}
    std::vector<int> layers() const override { return m_spec.layers; }
    void add(const SentenceResult &r) override
    {
        const at::Tensor v = exportedVectors(r.output, m_spec).to(at::kDouble); // [layers, rows, H]
        m_sum = m_sum.defined() ? m_sum + v.sum(1) : v.sum(1);
        m_count += v.size(1);
    }
    at::Tensor mean() const override
    {
        if (!m_sum.defined())
            throw inputError("no vectors to centre: the input is empty");
        return (m_sum / double(m_count)).to(at::kFloat);
    }
    long long count() const override { return m_count; }

private:
    VectorSpec m_spec;
    at::Tensor m_sum; // [layers, H], float64
    long long m_count = 0;
};

} // namespace

std::unique_ptr<VectorMeanSink> makeMeanSink(const VectorSpec &spec)
{
    return std::make_unique<MeanSink>(spec);
}

std::unique_ptr<SentenceSink> makeAttentionSink(const std::string &path, std::vector<int> layers, bool rollout, bool csvHeader)
{
    return std::make_unique<AttentionCsvSink>(path, std::move(layers), rollout, csvHeader);
}

} // namespace bertlens
