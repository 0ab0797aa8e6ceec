#include "analysis/model_comparison.h"

#include "analysis/tensor_matrix.h"
#include "analysis/view_data.h"
#include "common/error.h"

#include <ATen/ATen.h>
#include <c10/core/InferenceMode.h>

#include <algorithm>

namespace bertlens {

namespace {

at::Tensor centred(const Matrix &m)
{
    const at::Tensor x = tensorView(m).to(at::kDouble);
    return x - x.mean(0, true);
}

// The rows compared of one sentence: its tokens, or its words.
Matrix rowsOf(const SentenceAnalysis &s, int layer, bool byWords)
{
    return byWords ? wordVectors(s.hidden[size_t(layer)], s.words) : s.hidden[size_t(layer)];
}

Matrix stacked(const std::vector<Matrix> &parts)
{
    Matrix out;
    for (const Matrix &m : parts) {
        out.cols = m.cols;
        out.rows += m.rows;
        out.values.insert(out.values.end(), m.values.begin(), m.values.end());
    }
    return out;
}

// Every layer of A against every layer of B. With fewer rows than kGramRows each layer's centred
// Gram matrix is made once and a pair costs one dot product of two [n, n] matrices (the kernel
// form of linear CKA); with more, the feature form per pair.
Matrix ckaMatrix(const std::vector<Matrix> &a, const std::vector<Matrix> &b)
{
    constexpr int kGramRows = 2048;
    Matrix out(int(a.size()), int(b.size()));
    const int n = a.empty() ? 0 : a.front().rows;
    if (n > kGramRows) {
        for (size_t i = 0; i < a.size(); ++i)
            for (size_t j = 0; j < b.size(); ++j)
                out.at(int(i), int(j)) = float(linearCka(a[i], b[j]));
        return out;
    }
    c10::InferenceMode inference;
    auto grams = [](const std::vector<Matrix> &layers) {
        std::vector<at::Tensor> g;
        for (const Matrix &m : layers) {
            const at::Tensor x = centred(m);
            const at::Tensor k = at::matmul(x, x.t());
            g.push_back(k / k.norm().clamp_min(1e-300));
        }
        return g;
    };
    const auto ga = grams(a), gb = grams(b);
    for (size_t i = 0; i < ga.size(); ++i)
        for (size_t j = 0; j < gb.size(); ++j)
            out.at(int(i), int(j)) = float((ga[i] * gb[j]).sum().item<double>());
    return out;
}

} // namespace

double linearCka(const Matrix &x, const Matrix &y)
{
    if (x.rows != y.rows)
        throw Error(ErrorKind::Usage, "CKA compares the same items: " + std::to_string(x.rows) + " rows against " + std::to_string(y.rows));
    c10::InferenceMode inference;
    const at::Tensor cx = centred(x), cy = centred(y);
    const double cross = at::matmul(cy.t(), cx).pow(2).sum().item<double>();
    const double self = at::matmul(cx.t(), cx).norm().item<double>() * at::matmul(cy.t(), cy).norm().item<double>();
    return self > 0 ? cross / self : 0.0;
}

ModelComparison compareModels(const AnalysisResult &a, const AnalysisResult &b, int sentence, int layerA, int layerB, int head)
{
    if (a.sentences.size() != b.sentences.size())
        throw Error(ErrorKind::Usage, "the two models have analysed different inputs");
    ModelComparison c;
    const size_t n = a.sentences.size();
    for (size_t i = 0; i < n; ++i)
        c.byWords = c.byWords || a.sentences[i].encoding.tokens != b.sentences[i].encoding.tokens;
    std::vector<size_t> compared;
    for (size_t i = 0; i < n; ++i) {
        if (c.byWords && a.sentences[i].words.labels != b.sentences[i].words.labels)
            c.skippedSentences.push_back(int(i));
        else
            compared.push_back(i);
    }
    c.comparedSentences = int(compared.size());
    if (!compared.empty()) {
        std::vector<Matrix> rowsA(size_t(a.numLayers + 1)), rowsB(size_t(b.numLayers + 1));
        for (int l = 0; l <= a.numLayers; ++l) {
            std::vector<Matrix> parts;
            for (size_t i : compared)
                parts.push_back(rowsOf(a.sentences[i], l, c.byWords));
            rowsA[size_t(l)] = stacked(parts);
        }
        for (int l = 0; l <= b.numLayers; ++l) {
            std::vector<Matrix> parts;
            for (size_t i : compared)
                parts.push_back(rowsOf(b.sentences[i], l, c.byWords));
            rowsB[size_t(l)] = stacked(parts);
        }
        c.cka = ckaMatrix(rowsA, rowsB);
    }

    c.layerA = std::clamp(layerA, 0, a.numLayers);
    c.layerB = std::clamp(layerB, 0, b.numLayers);
    c.head = head;
    if (sentence < 0 || size_t(sentence) >= n)
        return c;
    const SentenceAnalysis &sa = a.sentences[size_t(sentence)], &sb = b.sentences[size_t(sentence)];
    c.sentenceCompared = std::find(compared.begin(), compared.end(), size_t(sentence)) != compared.end();
    if (!c.sentenceCompared)
        return c;
    c.rowLabels = c.byWords ? sa.words.labels : sa.encoding.labels;
    const Matrix va = rowsOf(sa, c.layerA, c.byWords), vb = rowsOf(sb, c.layerB, c.byWords);
    if (va.cols == vb.cols) {
        c10::InferenceMode inference;
        const at::Tensor x = tensorView(va).to(at::kDouble), y = tensorView(vb).to(at::kDouble);
        const at::Tensor cosine = (x * y).sum(1) / (x.norm(2, 1) * y.norm(2, 1)).clamp_min(1e-300);
        for (int64_t r = 0; r < cosine.size(0); ++r)
            c.rowCosine.push_back(cosine[r].item<double>());
    }
    // Attention: layer 0 has none, so the first layer's is shown there (as in the Attention tab).
    const int attA = std::max(1, c.layerA), attB = std::max(1, c.layerB);
    const int headA = head < a.numHeads ? head : -1, headB = head < b.numHeads ? head : -1;
    c.attentionA = attentionMap(sa, attA, headA, false, nullptr, false, c.byWords);
    c.attentionB = attentionMap(sb, attB, headB, false, nullptr, false, c.byWords);
    c.attentionDifference = Matrix(c.attentionA.rows, c.attentionA.cols);
    for (size_t i = 0; i < c.attentionA.values.size(); ++i)
        c.attentionDifference.values[i] = c.attentionB.values[i] - c.attentionA.values[i];
    return c;
}

} // namespace bertlens
