#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace bertlens {

class AtomicFile;

// One point of an Embedding Projector export: what metadata.tsv says about its vector.
struct ProjectorPoint {
    std::string text;       // the sentence (pooled rows) or the token / word
    long long sentence = 0; // from 1, as the window counts
    int token = -1;         // position in the sentence ([CLS] = 0); -1 for a sentence vector
    int layer = 0;
    std::string label;      // the input's label, if any
    int cluster = -1;       // k-means cluster, -1: none
};

// The TensorFlow Embedding Projector's files (projector.tensorflow.org → Load, or a projector
// served with its config) in a folder:
//   vectors.tsv            one vector a line, tab-separated, no header
//   metadata.tsv           the header text, sentence, token, layer, label, cluster; a line a vector
//   projector_config.json  {"embeddings": [{"tensorName", "tensorShape", "tensorPath", "metadataPath"}]}
// Each file is written to a temporary name and renamed at finish(), the config last. Without
// clusters the rows stream to disk; with them they wait in memory for the k-means of each layer
// (over the vectors' directions, as the maps), which finish() computes.
class ProjectorWriter {
public:
    ProjectorWriter(const std::string &folder, std::string tensorName, int clusters = 0, uint64_t seed = 42);
    ~ProjectorWriter();
    void add(const float *vector, int dims, const ProjectorPoint &point);
    void finish();
    long long points() const { return m_points; }

private:
    void writePoint(const float *vector, const ProjectorPoint &point);
    std::string m_folder, m_tensorName;
    int m_clusters;
    uint64_t m_seed;
    int m_dims = -1;
    long long m_points = 0;
    std::unique_ptr<AtomicFile> m_vectors, m_metadata;
    std::string m_vectorBuffer, m_metadataBuffer;
    std::vector<ProjectorPoint> m_held; // with clusters: every point until finish()
    std::vector<float> m_heldVectors;
};

} // namespace bertlens
