#pragma once

#include "analysis/maps/map_options.h"
#include "analysis/matrix.h"
#include "analysis/pooling_mode.h"
#include "analysis/sentence_analysis.h"

#include <cmath>
#include <optional>
#include <string>
#include <vector>

namespace bertlens {

enum class ProjectionMode { Tokens, Sentences, Trajectory };
// What colours the projection's points: their sentence, their word (every occurrence of a word
// alike), or their k-means cluster.
enum class MapColour { Sentence, Word, Cluster };
// Tokens: the selected sentence's tokens; Sentences: sentence vectors; AcrossSentences: the
// selected sentence's tokens × another sentence's; SameWord: every occurrence of the selected
// token's word in all sentences (the polysemy demonstration: "bank" here and "bank" there).
enum class SimilarityMode { Tokens, Sentences, AcrossSentences, SameWord };

// What the user has picked; every view's numbers follow from this and an AnalysisResult.
struct ViewSelection {
    int sentence = 0;
    int layer = 0;     // 0 = embeddings .. numLayers
    int head = -1;     // -1: mean over heads
    bool rollout = false; // the attention tab shows the rollout up to the layer (heads do not apply)
    bool centre = false;  // similarity of vectors less the mean vector of the current set
    bool words = false;   // rows are words (pieces merged, Chinese words segmented) instead of tokens
    int token = -1;    // -1: none
    bool hideSpecialColumns = false;
    Pooling pooling = Pooling::Mean;
    ProjectionMode projection = ProjectionMode::Tokens;
    // The projection's map (the trajectory is always PCA): computed here for PCA; UMAP and t-SNE
    // are computed by the caller from mapRows (they take seconds), with this seed.
    MapMethod mapMethod = MapMethod::Pca;
    uint64_t mapSeed = 42;
    MapColour colour = MapColour::Sentence;
    int clusters = 4; // k of the k-means colouring
    // The token map without [CLS], [SEP] and the like: at later layers they are a group of their
    // own that UMAP and t-SNE push far off, squeezing the words.
    bool mapWithoutSpecial = false;
    SimilarityMode similarity = SimilarityMode::Tokens;
    int otherSentence = 1; // the columns' sentence of AcrossSentences
};

struct ProjectionPoint {
    double x = 0, y = 0;
    int sentence = 0;
    int token = -1; // -1 for a sentence vector
    int layer = 0;
    std::string label;
};

struct ViewData {
    ViewSelection selection;
    // Attention heatmap of the selected sentence: rows = from-token, columns = to-token.
    int attentionLayer = 1; // 1..numLayers: the attention that produced the selected layer (1 for layer 0)
    Matrix attention;
    std::vector<int> attentionColumns; // row index of each column (special columns may be hidden)
    // The rows of the selected sentence's heatmaps: its tokens, or its words.
    std::vector<std::string> rowLabels;
    std::vector<int> rowFirstToken; // the first token of each row (what a click on the row selects)
    int selectedRow = -1;           // the row holding the selected token
    // Hidden states of the selected sentence at the selected layer, and every token's norm per layer.
    Matrix hidden;      // [T, H]
    Matrix tokenNorms;  // [T, L+1]
    // Projection.
    std::vector<ProjectionPoint> points;
    std::vector<double> explainedRatio; // of PC1, PC2
    std::optional<MapQuality> pcaQuality; // how well the PCA plane keeps neighbourhoods (not the trajectory)
    Matrix mapRows; // the vectors behind the points, one row each (not for the trajectory)
    // With MapColour::Cluster: each point's k-means cluster (seeded with mapSeed, over the
    // vectors' directions) and the clustering's silhouette.
    std::vector<int> clusters;
    double silhouette = std::nan("");
    // Similarity matrix and what its rows are (token indices, or sentence indices).
    Matrix similarity;
    std::vector<std::string> similarityLabels;       // rows (and columns, unless the next is filled)
    std::vector<std::string> similarityColumnLabels; // AcrossSentences: the other sentence's rows
    // What cosine similarity is "normally" at this layer, to read the matrix against (BERT's
    // vectors share a direction, so raw cosines are high for everything): for tokens the mean
    // cosine of the sentence's tokens with the other sentences' tokens (special tokens left out),
    // for sentence vectors the mean cosine between the different sentences. NaN without another
    // sentence.
    double similarityBaseline = std::nan("");
};

// Pools a sentence's token vectors [T, H] at one layer into one vector (as poolTokens does).
std::vector<float> poolMatrix(const Matrix &tokens, Pooling pooling);

// Mean of the selected head(s) of one layer (head -1: all), or with rollout the attention rollout
// up to that layer; with words at word level (see wordAttention); optionally without the
// [CLS]/[SEP] columns and with every row renormalised to sum to 1.
Matrix attentionMap(const SentenceAnalysis &sentence, int layer, int head, bool hideSpecialColumns,
                    std::vector<int> *columns = nullptr, bool rollout = false, bool words = false);

// Everything the views show for this selection. Pure and deterministic; runs off the GUI thread.
ViewData computeViewData(const AnalysisResult &result, const ViewSelection &selection);

} // namespace bertlens
