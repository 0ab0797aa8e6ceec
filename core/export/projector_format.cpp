#include "export/projector_format.h"

#include "analysis/maps/kmeans.h"
#include "common/error.h"
#include "export/csv_format.h"
#include "io/atomic_file.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <ATen/ATen.h>

#include <cerrno>
#include <cstring>
#include <map>
#include <sys/stat.h>

namespace bertlens {

namespace {

constexpr size_t kFlushBytes = 1 << 20;
constexpr long long kMaxClusteredPoints = 2000000; // held in memory for k-means

// A metadata field: TABs and line ends would break the table's columns.
void appendField(std::string &out, const std::string &text)
{
    for (char c : text)
        out += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
}

} // namespace

ProjectorWriter::ProjectorWriter(const std::string &folder, std::string tensorName, int clusters, uint64_t seed)
    : m_folder(folder), m_tensorName(std::move(tensorName)), m_clusters(clusters), m_seed(seed)
{
    struct stat st {};
    if (::stat(folder.c_str(), &st) == 0) {
        if (!S_ISDIR(st.st_mode))
            throw ioError(folder + " is not a folder: an Embedding Projector export is a folder of three files");
    } else if (::mkdir(folder.c_str(), 0777) != 0) {
        throw ioError("cannot create the folder " + folder + ": " + std::strerror(errno));
    }
    m_vectors = std::make_unique<AtomicFile>(folder + "/vectors.tsv");
    m_metadata = std::make_unique<AtomicFile>(folder + "/metadata.tsv");
    m_metadataBuffer = "text\tsentence\ttoken\tlayer\tlabel\tcluster\n";
}

ProjectorWriter::~ProjectorWriter() = default;

void ProjectorWriter::add(const float *vector, int dims, const ProjectorPoint &point)
{
    if (m_dims < 0)
        m_dims = dims;
    else if (dims != m_dims)
        throw ioError(m_folder + ": vectors of " + std::to_string(dims) + " and " + std::to_string(m_dims) + " values in one export");
    ++m_points;
    if (m_clusters > 0) {
        if (m_points > kMaxClusteredPoints)
            throw Error(ErrorKind::Usage, m_folder + ": more than " + std::to_string(kMaxClusteredPoints)
                                              + " points to cluster; export without clusters, or fewer layers or sentences");
        m_held.push_back(point);
        m_heldVectors.insert(m_heldVectors.end(), vector, vector + dims);
        return;
    }
    writePoint(vector, point);
}

void ProjectorWriter::writePoint(const float *vector, const ProjectorPoint &point)
{
    for (int d = 0; d < m_dims; ++d) {
        if (d)
            m_vectorBuffer += '\t';
        appendFloat(m_vectorBuffer, vector[d]);
    }
    m_vectorBuffer += '\n';
    appendField(m_metadataBuffer, point.text);
    m_metadataBuffer += '\t' + std::to_string(point.sentence) + '\t' + (point.token < 0 ? std::string() : std::to_string(point.token)) + '\t'
                        + std::to_string(point.layer) + '\t';
    appendField(m_metadataBuffer, point.label);
    m_metadataBuffer += '\t' + (point.cluster < 0 ? std::string() : std::to_string(point.cluster)) + '\n';
    if (m_vectorBuffer.size() > kFlushBytes) {
        m_vectors->write(m_vectorBuffer);
        m_metadata->write(m_metadataBuffer);
        m_vectorBuffer.clear(), m_metadataBuffer.clear();
    }
}

void ProjectorWriter::finish()
{
    if (m_clusters > 0 && !m_held.empty()) {
        // Each layer's vectors clustered on their own: layers live in different regions.
        std::map<int, std::vector<int64_t>> byLayer;
        for (size_t i = 0; i < m_held.size(); ++i)
            byLayer[m_held[i].layer].push_back(int64_t(i));
        const at::Tensor all = at::from_blob(m_heldVectors.data(), {int64_t(m_held.size()), int64_t(m_dims)}, at::kFloat);
        for (const auto &[layer, rows] : byLayer) {
            const at::Tensor v = all.index_select(0, at::tensor(rows, at::kLong));
            const KMeansResult k = kMeans(v / v.norm(2, 1, true).clamp_min(1e-12), m_clusters, m_seed);
            for (size_t r = 0; r < rows.size(); ++r)
                m_held[size_t(rows[r])].cluster = k.cluster[r];
        }
        for (size_t i = 0; i < m_held.size(); ++i)
            writePoint(m_heldVectors.data() + i * size_t(m_dims), m_held[i]);
    }
    m_vectors->write(m_vectorBuffer);
    m_metadata->write(m_metadataBuffer);
    m_vectors->commit();
    m_metadata->commit();
    const QJsonObject embedding{{"tensorName", QString::fromStdString(m_tensorName)},
                                {"tensorShape", QJsonArray{double(m_points), double(std::max(m_dims, 0))}},
                                {"tensorPath", "vectors.tsv"},
                                {"metadataPath", "metadata.tsv"}};
    AtomicFile config(m_folder + "/projector_config.json");
    config.write(QJsonDocument(QJsonObject{{"embeddings", QJsonArray{embedding}}}).toJson().toStdString());
    config.commit();
}

} // namespace bertlens
