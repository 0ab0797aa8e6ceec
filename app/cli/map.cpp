// bertlens-cli map: a 2-D map (PCA, UMAP or t-SNE) of a file's sentence or token vectors at one
// layer, as CSV, with how well it keeps neighbourhoods on stdout (format in README.md).
#include "commands.h"

#include "json.h"
#include "options.h"
#include "progress_reporter.h"

#include "analysis/maps/collected_vectors.h"
#include "analysis/maps/embedding_map.h"
#include "analysis/maps/kmeans.h"
#include "analysis/maps/neighbour_graph.h"
#include "export/map_csv.h"
#include "io/text_source.h"
#include "model/loaded_model.h"

#include <QCommandLineParser>

#include <ATen/ATen.h>

namespace bertlens::cli {

namespace {

const QCommandLineOption kMethod("method", "pca, umap or tsne", "METHOD", "umap");
const QCommandLineOption kSeed("seed", "the map's seed: the same seed, the same map", "N", "42");
const QCommandLineOption kMapLayer("layer", "the hidden state mapped, 0 (embeddings) .. N; default the last", "L");
const QCommandLineOption kMapPooling("pooling", "none (a point per token) or cls, mean, max, mean_sqrt_len (a point per line)", "POOLING",
                                     "mean");
const QCommandLineOption kMapClusters("clusters", "k-means clusters of the vectors, the CSV's cluster column", "K");
const QCommandLineOption kMapLabelled("labelled", "each line ends in <TAB>LABEL, the CSV's label column");
constexpr long long kMaxPoints = 200000;

} // namespace

int map(const QStringList &args)
{
    QCommandLineParser parser;
    parse(parser, args, {kModel, kInput, kOutput, kPairs, kMethod, kSeed, kMapLayer, kMapPooling, kMapClusters, kMapLabelled, kMaxLength,
                         kThreads, kPrecision});
    if (!parser.positionalArguments().isEmpty())
        throw usage("map: unexpected argument '" + parser.positionalArguments().front().toStdString() + "'");
    const auto method = mapMethodFromId(parser.value(kMethod).toStdString());
    if (!method)
        throw usage("map: --method is pca, umap or tsne (got '" + parser.value(kMethod).toStdString() + "')");
    const std::string input = required(parser, kInput, "map");
    const std::string output = checkedOutput(parser, "map");
    MapOptions options;
    options.method = *method;
    options.seed = uint64_t(intBetween(parser, kSeed, 0, 1 << 30));
    const Pooling pooling = parsePooling(parser.value(kMapPooling).toStdString());
    const int clusters = parser.isSet(kMapClusters) ? intBetween(parser, kMapClusters, 1, 1000) : 0;
    applyThreads(parser);
    const auto model = loadModel(parser, args[0]);
    const int layer = parser.isSet(kMapLayer) ? intBetween(parser, kMapLayer, 0, model->config.numLayers) : model->config.numLayers;
    PipelineOptions run;
    run.maxLength = maxLengthOf(parser, *model, parser.isSet(kPairs));
    run.onTruncated = reportTruncation;
    ProgressReporter reporter;
    run.progress = [&](long long done, long long total) { reporter.update(done, total); };
    std::vector<std::string> labels;
    LineReader reader(input);
    LineInputs lines(reader, parser.isSet(kPairs), parser.isSet(kMapLabelled) ? &labels : nullptr);
    const CollectedVectors points = collectVectors(*model, lines, layer, pooling, run, kMaxPoints);
    if (points.rows.size(0) == 0)
        throw inputError(input + ": no lines to map");
    const MapResult map = computeMap(points.rows, options, [&](const Matrix &, int step, int steps) { reporter.update(step, steps); });
    std::vector<int32_t> cluster;
    double silhouetteValue = 0;
    if (clusters > 0) {
        const at::Tensor unit = unitRowsOf(points.rows);
        cluster = kMeans(unit, clusters, options.seed).cluster;
        silhouetteValue = silhouette(unit, cluster, 5000, options.seed).value;
    }
    writeMapCsv(output, points, map, labels, cluster);
    std::string out = "{\"method\": ";
    appendJsonString(out, mapMethodName(map.method).id);
    out += ", \"seed\": " + std::to_string(map.seed) + ", \"points\": " + std::to_string(points.rows.size(0)) + ", \"layer\": "
           + std::to_string(layer);
    if (map.method == MapMethod::Pca) {
        out += ", \"explained_variance\": [";
        for (size_t i = 0; i < map.explainedRatio.size(); ++i) {
            if (i)
                out += ", ";
            appendJsonNumber(out, map.explainedRatio[i]);
        }
        out += "]";
    } else {
        out += ", \"neighbours\": " + std::to_string(map.neighbours) + ", \"exact_neighbours\": " + (map.exactNeighbours ? "true" : "false");
        if (!map.exactNeighbours) {
            out += ", \"neighbour_recall\": ";
            appendJsonNumber(out, map.neighbourRecall);
            out += ", \"recall_sample\": " + std::to_string(map.recallSample);
        }
    }
    if (map.quality) {
        out += ", \"trustworthiness\": ";
        appendJsonNumber(out, map.quality->trustworthiness);
        out += ", \"knn_preservation\": ";
        appendJsonNumber(out, map.quality->neighbourPreservation);
        out += ", \"quality_k\": " + std::to_string(map.quality->k) + ", \"quality_sample\": " + std::to_string(map.quality->sampled);
    }
    if (clusters > 0) {
        out += ", \"clusters\": " + std::to_string(clusters) + ", \"silhouette\": ";
        appendJsonNumber(out, silhouetteValue);
    }
    writeStdout(out + "}\n");
    return 0;
}

} // namespace bertlens::cli
