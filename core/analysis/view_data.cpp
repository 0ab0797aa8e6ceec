#include "analysis/view_data.h"

#include "analysis/attention_rollout.h"
#include "analysis/maps/embedding_map.h"
#include "analysis/maps/kmeans.h"
#include "analysis/maps/map_quality.h"
#include "analysis/maps/neighbour_graph.h"
#include "analysis/projection.h"
#include "analysis/tensor_matrix.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace bertlens {

std::vector<float> poolMatrix(const Matrix &tokens, Pooling pooling)
{
    std::vector<float> out(size_t(tokens.cols), 0.f);
    if (tokens.rows == 0)
        return out;
    for (int c = 0; c < tokens.cols; ++c) {
        double acc = pooling == Pooling::Max ? -INFINITY : 0.0;
        for (int r = 0; r < tokens.rows; ++r) {
            if (pooling == Pooling::Max)
                acc = std::max(acc, double(tokens.at(r, c)));
            else
                acc += tokens.at(r, c);
        }
        out[size_t(c)] = pooling == Pooling::Cls ? tokens.at(0, c) : pooling == Pooling::Max ? float(acc) : float(acc / tokens.rows);
    }
    return out;
}

namespace {

// Whether each row (token, or word) is [CLS]/[SEP].
std::vector<bool> specialRows(const SentenceAnalysis &sentence, bool words)
{
    if (!words)
        return sentence.encoding.specialMask;
    std::vector<bool> special;
    for (const auto &tokens : sentence.words.tokens)
        special.push_back(tokens.size() == 1 && sentence.encoding.specialMask[size_t(tokens[0])]);
    return special;
}

// Drops the special columns when asked, renormalising every row to sum to 1.
Matrix hideColumns(Matrix map, const std::vector<bool> &special, bool hide, std::vector<int> *columns)
{
    std::vector<int> keep;
    for (int j = 0; j < map.cols; ++j)
        if (!hide || !special[size_t(j)])
            keep.push_back(j);
    if (columns)
        *columns = keep;
    if (!hide)
        return map;
    Matrix out(map.rows, int(keep.size()));
    for (int i = 0; i < map.rows; ++i) {
        double sum = 0;
        for (int k : keep)
            sum += map.at(i, k);
        for (size_t k = 0; k < keep.size(); ++k)
            out.at(i, int(k)) = sum > 0 ? float(map.at(i, keep[k]) / sum) : 0.f;
    }
    return out;
}

// A sentence's rows at a layer: token vectors, or word vectors.
Matrix rowVectors(const SentenceAnalysis &sentence, int layer, bool words)
{
    return words ? wordVectors(sentence.hidden[size_t(layer)], sentence.words) : sentence.hidden[size_t(layer)];
}

const std::vector<std::string> &rowLabels(const SentenceAnalysis &sentence, bool words)
{
    return words ? sentence.words.labels : sentence.encoding.labels;
}

// The rollout up to `layer`, through the one implementation in attention_rollout.
Matrix rolloutMap(const SentenceAnalysis &sentence, int layer)
{
    const int64_t t = sentence.encoding.size(), heads = int64_t(sentence.attention.at(0).size());
    at::Tensor maps = at::empty({int64_t(layer), heads, t, t}, at::kFloat);
    for (int l = 0; l < layer; ++l)
        for (int64_t h = 0; h < heads; ++h)
            std::memcpy(maps[l][h].data_ptr<float>(), sentence.attention[size_t(l)][size_t(h)].values.data(), size_t(t * t) * sizeof(float));
    const at::Tensor rollout = attentionRollout(maps)[layer - 1].contiguous();
    Matrix out(static_cast<int>(t), static_cast<int>(t));
    std::memcpy(out.values.data(), rollout.data_ptr<float>(), out.values.size() * sizeof(float));
    return out;
}

} // namespace

Matrix attentionMap(const SentenceAnalysis &sentence, int layer, int head, bool hideSpecialColumns, std::vector<int> *columns,
                    bool rollout, bool words)
{
    if (words) {
        Matrix full = wordAttention(attentionMap(sentence, layer, head, false, nullptr, rollout), sentence.words);
        const auto special = specialRows(sentence, true);
        return hideColumns(std::move(full), special, hideSpecialColumns, columns);
    }
    const auto &heads = sentence.attention.at(size_t(layer - 1));
    const int t = sentence.encoding.size();
    Matrix mean(t, t);
    const int first = head < 0 ? 0 : head;
    const int last = head < 0 ? int(heads.size()) - 1 : head;
    if (rollout)
        mean = rolloutMap(sentence, layer);
    else
        for (int h = first; h <= last; ++h)
            for (size_t i = 0; i < mean.values.size(); ++i)
                mean.values[i] += heads[size_t(h)].values[i] / float(last - first + 1);
    return hideColumns(std::move(mean), specialRows(sentence, false), hideSpecialColumns, columns);
}

namespace {

// The PCA map of the points (UMAP and t-SNE are the caller's: they take seconds), with its quality
// over at most 1,000 of them: this runs on every change of the selection.
void project(const Matrix &rows, ViewData &view)
{
    MapOptions options;
    options.method = MapMethod::Pca;
    options.measureQuality = false;
    const MapResult map = computeMap(rows, options);
    view.explainedRatio = map.explainedRatio;
    if (rows.rows >= 3) {
        c10::InferenceMode inference;
        view.pcaQuality = measureMap(unitRowsOf(tensorView(rows)), map.layout, 10, 1000, view.selection.mapSeed);
    }
    for (size_t i = 0; i < view.points.size(); ++i) {
        view.points[i].x = map.layout.at(int(i), 0);
        view.points[i].y = map.layout.at(int(i), 1);
    }
}

void appendRow(Matrix &m, const float *row, int cols)
{
    m.cols = cols;
    m.values.insert(m.values.end(), row, row + cols);
    ++m.rows;
}

} // namespace

namespace {

// Unit-length copy of a row (zero stays zero), in double.
std::vector<double> unit(const float *row, int n, const std::vector<double> &minus)
{
    std::vector<double> u(static_cast<size_t>(n));
    double norm = 0;
    for (int d = 0; d < n; ++d) {
        u[size_t(d)] = double(row[d]) - (minus.empty() ? 0.0 : minus[size_t(d)]);
        norm += u[size_t(d)] * u[size_t(d)];
    }
    for (double &x : u)
        x = norm > 0 ? x / std::sqrt(norm) : 0.0;
    return u;
}

std::vector<double> meanRow(const Matrix &m)
{
    std::vector<double> mean(static_cast<size_t>(m.cols), 0.0);
    for (int r = 0; r < m.rows; ++r)
        for (int c = 0; c < m.cols; ++c)
            mean[size_t(c)] += m.at(r, c) / double(m.rows);
    return mean;
}

Matrix minusRow(Matrix m, const std::vector<double> &mean)
{
    for (int r = 0; r < m.rows; ++r)
        for (int c = 0; c < m.cols; ++c)
            m.at(r, c) = float(m.at(r, c) - mean[size_t(c)]);
    return m;
}

// Cosines of the rows of `a` with the rows of `b` (less `mean` when not empty): [a.rows, b.rows].
Matrix crossCosine(const Matrix &a, const Matrix &b, const std::vector<double> &mean)
{
    Matrix both = a;
    for (int r = 0; r < b.rows; ++r)
        appendRow(both, b.row(r), b.cols);
    if (!mean.empty())
        both = minusRow(both, mean);
    const Matrix all = cosineSimilarity(both);
    Matrix out(a.rows, b.rows);
    for (int i = 0; i < a.rows; ++i)
        for (int j = 0; j < b.rows; ++j)
            out.at(i, j) = all.at(i, a.rows + j);
    return out;
}

// The selected sentence's rows × another sentence's.
void acrossSentences(const AnalysisResult &result, const ViewSelection &sel, const std::vector<Matrix> &rows,
                     const std::vector<double> &mean, ViewData &view)
{
    const int n = int(result.sentences.size());
    int other = std::clamp(sel.otherSentence, 0, n - 1);
    if (other == sel.sentence && n > 1)
        other = (sel.sentence + 1) % n;
    view.selection.otherSentence = other;
    view.similarity = crossCosine(rows[size_t(sel.sentence)], rows[size_t(other)], mean);
    view.similarityColumnLabels = rowLabels(result.sentences[size_t(other)], sel.words);
}

// Every occurrence of the selected row's word, in every sentence, against each other.
void sameWord(const AnalysisResult &result, const ViewSelection &sel, const std::vector<Matrix> &rows,
              const std::vector<double> &mean, ViewData &view)
{
    view.similarity = Matrix();
    view.similarityLabels.clear();
    if (view.selectedRow < 0)
        return;
    const std::string word = rowLabels(result.sentences[size_t(sel.sentence)], sel.words)[size_t(view.selectedRow)];
    Matrix occurrences;
    for (size_t si = 0; si < result.sentences.size(); ++si) {
        const auto &labels = rowLabels(result.sentences[si], sel.words);
        const auto special = specialRows(result.sentences[si], sel.words);
        for (size_t r = 0; r < labels.size(); ++r)
            if (labels[r] == word && !special[r]) {
                appendRow(occurrences, rows[si].row(int(r)), rows[si].cols);
                view.similarityLabels.push_back("S" + std::to_string(si + 1) + " " + word);
            }
    }
    view.similarity = crossCosine(occurrences, occurrences, mean);
}

// The similarity matrix and its baseline (see ViewData::similarityBaseline). The mean cosine over
// pairs is computed as the dot product of mean unit vectors: O(N·H), not O(N²·H).
void similarity(const AnalysisResult &result, const ViewSelection &sel, Pooling pooling, ViewData &view)
{
    const int h = result.hiddenSize;
    const size_t n = result.sentences.size();
    if (sel.similarity != SimilarityMode::Sentences) {
        // The current set: every token of every sentence at this layer.
        std::vector<Matrix> rows; // per sentence: its token (or word) vectors at the layer
        Matrix all;
        for (const auto &other : result.sentences) {
            rows.push_back(rowVectors(other, sel.layer, sel.words));
            for (int i = 0; i < rows.back().rows; ++i)
                appendRow(all, rows.back().row(i), h);
        }
        const std::vector<double> mean = sel.centre ? meanRow(all) : std::vector<double>();
        const SentenceAnalysis &s = result.sentences[size_t(sel.sentence)];
        view.similarity = cosineSimilarity(sel.centre ? minusRow(view.hidden, mean) : view.hidden);
        view.similarityLabels = rowLabels(s, sel.words);
        if (sel.similarity == SimilarityMode::AcrossSentences)
            acrossSentences(result, sel, rows, mean, view);
        else if (sel.similarity == SimilarityMode::SameWord)
            sameWord(result, sel, rows, mean, view);
        std::vector<double> here(static_cast<size_t>(h), 0.0), there(static_cast<size_t>(h), 0.0);
        double hereCount = 0, thereCount = 0;
        for (size_t si = 0; si < n; ++si) {
            const auto special = specialRows(result.sentences[si], sel.words);
            for (int i = 0; i < rows[si].rows; ++i) {
                if (special[size_t(i)])
                    continue;
                const auto u = unit(rows[si].row(i), h, mean);
                auto &sum = si == size_t(sel.sentence) ? here : there;
                (si == size_t(sel.sentence) ? hereCount : thereCount) += 1;
                for (int d = 0; d < h; ++d)
                    sum[size_t(d)] += u[size_t(d)];
            }
        }
        if (hereCount > 0 && thereCount > 0) {
            double dot = 0;
            for (int d = 0; d < h; ++d)
                dot += here[size_t(d)] * there[size_t(d)];
            view.similarityBaseline = dot / (hereCount * thereCount);
        }
        return;
    }
    Matrix vectors;
    for (size_t si = 0; si < n; ++si) {
        const auto pooled = poolMatrix(result.sentences[si].hidden[size_t(sel.layer)], pooling);
        appendRow(vectors, pooled.data(), h);
        view.similarityLabels.push_back("S" + std::to_string(si + 1));
    }
    if (sel.centre)
        vectors = minusRow(vectors, meanRow(vectors));
    view.similarity = cosineSimilarity(vectors);
    if (n > 1) {
        double sum = 0;
        for (size_t i = 0; i < n; ++i)
            for (size_t j = 0; j < n; ++j)
                sum += i == j ? 0.0 : view.similarity.at(int(i), int(j));
        view.similarityBaseline = sum / double(n * (n - 1));
    }
}

} // namespace

ViewData computeViewData(const AnalysisResult &result, const ViewSelection &requested)
{
    ViewData view;
    ViewSelection sel = requested;
    if (result.sentences.empty())
        return view;
    sel.sentence = std::clamp(sel.sentence, 0, int(result.sentences.size()) - 1);
    sel.layer = std::clamp(sel.layer, 0, result.numLayers);
    sel.head = std::clamp(sel.head, -1, result.numHeads - 1);
    const SentenceAnalysis &s = result.sentences[size_t(sel.sentence)];
    const int t = s.encoding.size();
    sel.token = std::clamp(sel.token, -1, t - 1);
    view.selection = sel;

    if (result.numLayers > 0) {
        view.attentionLayer = std::max(1, sel.layer);
        view.attention = attentionMap(s, view.attentionLayer, sel.head, sel.hideSpecialColumns, &view.attentionColumns, sel.rollout,
                                      sel.words);
    }
    view.rowLabels = rowLabels(s, sel.words);
    for (int r = 0; r < int(view.rowLabels.size()); ++r)
        view.rowFirstToken.push_back(sel.words ? s.words.tokens[size_t(r)].front() : r);
    view.selectedRow = sel.token < 0 ? -1 : sel.words ? s.words.wordOfToken[size_t(sel.token)] : sel.token;
    view.hidden = rowVectors(s, sel.layer, sel.words);
    view.tokenNorms = Matrix(view.hidden.rows, result.numLayers + 1);
    for (int l = 0; l <= result.numLayers; ++l) {
        const Matrix rows = rowVectors(s, l, sel.words);
        for (int i = 0; i < rows.rows; ++i) {
            double sq = 0;
            for (int d = 0; d < result.hiddenSize; ++d)
                sq += double(rows.at(i, d)) * rows.at(i, d);
            view.tokenNorms.at(i, l) = float(std::sqrt(sq));
        }
    }

    const Pooling pooling = sel.pooling == Pooling::None ? Pooling::Mean : sel.pooling;
    Matrix rows;
    switch (sel.projection) {
    case ProjectionMode::Tokens:
        for (size_t si = 0; si < result.sentences.size(); ++si) {
            const auto &other = result.sentences[si];
            const Matrix vectors = rowVectors(other, sel.layer, sel.words);
            const auto special = specialRows(other, sel.words);
            for (int i = 0; i < vectors.rows; ++i) {
                if (sel.mapWithoutSpecial && special[size_t(i)])
                    continue;
                appendRow(rows, vectors.row(i), result.hiddenSize);
                const int token = sel.words ? other.words.tokens[size_t(i)].front() : i;
                view.points.push_back({0, 0, int(si), token, sel.layer, rowLabels(other, sel.words)[size_t(i)]});
            }
        }
        break;
    case ProjectionMode::Sentences:
        for (size_t si = 0; si < result.sentences.size(); ++si) {
            const auto pooled = poolMatrix(result.sentences[si].hidden[size_t(sel.layer)], pooling);
            appendRow(rows, pooled.data(), result.hiddenSize);
            view.points.push_back({0, 0, int(si), -1, sel.layer, "S" + std::to_string(si + 1)});
        }
        break;
    case ProjectionMode::Trajectory: {
        // Fit on every layer's vectors of the sentence; show the selected token's path.
        for (int l = 0; l <= result.numLayers; ++l)
            for (int i = 0; i < t; ++i)
                appendRow(rows, s.hidden[size_t(l)].row(i), result.hiddenSize);
        const PcaResult p = pca(rows, 2);
        view.explainedRatio = p.explainedRatio;
        const int token = sel.token >= 0 ? sel.token : std::min(1, t - 1);
        for (int l = 0; l <= result.numLayers; ++l) {
            const int r = l * t + token;
            view.points.push_back({p.projected.cols > 0 ? p.projected.at(r, 0) : 0.0, p.projected.cols > 1 ? p.projected.at(r, 1) : 0.0,
                                   sel.sentence, token, l, "L" + std::to_string(l)});
        }
        break;
    }
    }
    if (sel.projection != ProjectionMode::Trajectory) {
        project(rows, view);
        if (sel.colour == MapColour::Cluster && rows.rows > 0) {
            c10::InferenceMode inference;
            const at::Tensor unit = unitRowsOf(tensorView(rows));
            const KMeansResult k = kMeans(unit, sel.clusters, sel.mapSeed);
            view.clusters.assign(k.cluster.begin(), k.cluster.end());
            view.silhouette = silhouette(unit, k.cluster, 5000, sel.mapSeed).value;
        }
        view.mapRows = std::move(rows);
    }

    similarity(result, sel, pooling, view);
    return view;
}

} // namespace bertlens
