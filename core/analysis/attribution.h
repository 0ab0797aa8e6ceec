#pragma once

#include "analysis/explain_request.h"
#include "analysis/word_groups.h"
#include "common/cancel.h"
#include "tokenizer/encoding.h"

#include <limits>
#include <string>
#include <utility>
#include <vector>

namespace bertlens {

// How each input token's share of the target is measured, all on the word embeddings (position
// and segment embeddings and the attention mask untouched):
enum class ExplainMethod {
    Occlusion,           // f(x) − f(x with token i's word embedding replaced by [PAD]'s)
    Gradient,            // gradient × input: Σ_d e_{i,d} · ∂f/∂e_{i,d}
    IntegratedGradients, // Σ_d (e − e′)_{i,d} · ∫₀¹ ∂f/∂e_{i,d}(e′ + α(e − e′)) dα, the integral by
                         // Gauss–Legendre quadrature with `steps` nodes; e′ has [PAD]'s word
                         // embedding everywhere but at [CLS], [SEP] and [MASK]
};

// "occlusion", "gradient", "integrated-gradients"; a usage error names anything else.
ExplainMethod parseExplainMethod(const std::string &name);
const char *explainMethodName(ExplainMethod method);

// Gauss–Legendre nodes: exact for polynomials of degree 2·steps − 1 along the path; 24 keeps the
// completeness error under 1 % on BertLens Mini and on a bert-base-shaped model (tests/analysis).
constexpr int kDefaultIntegrationSteps = 24;
constexpr int kMaxIntegrationSteps = 256;

struct Attribution {
    ExplainMethod method = ExplainMethod::Occlusion;
    int steps = 0;                            // integrated gradients' nodes
    std::vector<Encoding> encodings;          // the text, and the second text of a similarity
    std::vector<std::vector<double>> scores;  // per text, per token
    double target = 0;                        // f(x)
    double baseline = std::numeric_limits<double>::quiet_NaN(); // f(x′), integrated gradients only
    double sum = 0;                           // Σ of every score
    int maskPosition = -1;                    // the mask target's [MASK] and token
    int tokenId = -1;

    bool hasBaseline() const { return method == ExplainMethod::IntegratedGradients; }
    // Integrated gradients' completeness: |Σ scores − (f(x) − f(x′))| / |f(x) − f(x′)|.
    double completenessError() const;
};

// Scores each token of the request's text(s) for its target. progress counts passes.
Attribution attribute(const LoadedModel &model, const ExplainRequest &request, ExplainMethod method,
                      int steps = kDefaultIntegrationSteps, const CancelToken *cancel = nullptr, const ProgressFn &progress = {});

// A word's score is the sum of its pieces'.
std::vector<double> wordScores(const std::vector<double> &tokenScores, const WordGroups &words);

// Nodes and weights of Gauss–Legendre quadrature on [0, 1].
std::pair<std::vector<double>, std::vector<double>> gaussLegendre(int nodes);

} // namespace bertlens
