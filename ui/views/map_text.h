#pragma once

#include "analysis/maps/map_options.h"

#include <QCoreApplication>
#include <QString>

#include <vector>

namespace bertlens {

// What a map says about itself, in words, for every view that shows one: one wording, one
// translation.
class MapText {
    Q_DECLARE_TR_FUNCTIONS(bertlens::MapText)

public:
    // A finished UMAP / t-SNE: its method, seed, neighbour graph and quality.
    static QString figures(const MapResult &map);
    // How well the PCA plane keeps neighbourhoods.
    static QString planeQuality(const MapQuality &quality);
    static QString forming(MapMethod method, int seed, int step, int steps);
    static QString stopped(MapMethod method);
    static QString clusters(int k, double silhouette);
    // "PC1 (43.1% of variance)" or "UMAP 1".
    static QString axis(MapMethod method, int axis, const std::vector<double> &explainedRatio);
    static QString methodToolTip();
    static QString seedPrefix();
    static QString seedToolTip();
    static QString clustersPrefix();
    static QString stop();
    static QString stopToolTip();

private:
    static QString sampled(const MapQuality &quality);
};

} // namespace bertlens
