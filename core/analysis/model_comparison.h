#pragma once

#include "analysis/matrix.h"
#include "analysis/sentence_analysis.h"

#include <string>
#include <vector>

namespace bertlens {

// Linear CKA (Kornblith et al. 2019) of two representations of the same n items, rows = items:
// ‖YᵀX‖²_F / (‖XᵀX‖_F ‖YᵀY‖_F) after centring each column; in [0, 1], 1 for representations that
// differ only by rotation and scale. X and Y may have different widths. float64.
double linearCka(const Matrix &x, const Matrix &y);

// What the comparison of two models on the same sentences shows for one selection.
struct ModelComparison {
    // Rows are tokens where both models tokenise every sentence alike, otherwise words (pieces
    // merged; the same words in both) — and sentences whose words still differ are left out.
    bool byWords = false;
    std::vector<int> skippedSentences;
    int comparedSentences = 0; // with none, cka is empty
    // CKA of every hidden state of A (rows, 0..La) with every hidden state of B (columns, 0..Lb),
    // over the rows of all compared sentences; empty when no sentence could be compared.
    Matrix cka;
    // The selected sentence at A's layer a and B's layer b:
    std::vector<std::string> rowLabels;
    std::vector<double> rowCosine; // per row, the cosine of A's and B's vectors; empty when widths differ
    Matrix attentionA, attentionB, attentionDifference; // B − A; attention of layers ≥ 1 (or the mean of the heads, head −1)
    int layerA = 0, layerB = 0, head = -1;
    bool sentenceCompared = false; // false when the selected sentence is one of the skipped
};

// Both results must hold the same inputs (in order). head −1: the mean over heads.
ModelComparison compareModels(const AnalysisResult &a, const AnalysisResult &b, int sentence, int layerA, int layerB, int head);

} // namespace bertlens
