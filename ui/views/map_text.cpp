#include "views/map_text.h"

namespace bertlens {

namespace {

QString label(MapMethod method) { return QString::fromUtf8(mapMethodName(method).label); }

} // namespace

QString MapText::sampled(const MapQuality &quality)
{
    return quality.sampled < quality.points ? tr(" (measured on %1 points)").arg(quality.sampled) : QString();
}

QString MapText::figures(const MapResult &map)
{
    QString text = tr("%1, seed %2, from each point's %3 nearest neighbours (%4)")
                       .arg(label(map.method))
                       .arg(map.seed)
                       .arg(map.neighbours)
                       .arg(map.exactNeighbours ? tr("exact") : tr("approximate: %1% of the true ones found").arg(100 * map.neighbourRecall, 0, 'f', 1));
    if (map.quality)
        text += QStringLiteral(" · ")
                + tr("trustworthiness %1, %2% of each point's %3 nearest kept on the map")
                      .arg(map.quality->trustworthiness, 0, 'f', 3)
                      .arg(100 * map.quality->neighbourPreservation, 0, 'f', 0)
                      .arg(map.quality->k)
                + sampled(*map.quality);
    return text;
}

QString MapText::planeQuality(const MapQuality &quality)
{
    return tr("PCA: trustworthiness %1, %2% of each point's %3 nearest kept on the plane")
               .arg(quality.trustworthiness, 0, 'f', 3)
               .arg(100 * quality.neighbourPreservation, 0, 'f', 0)
               .arg(quality.k)
           + sampled(quality);
}

QString MapText::forming(MapMethod method, int seed, int step, int steps)
{
    return steps > 0 ? tr("Computing %1 (seed %2): %3 of %4 steps…").arg(label(method)).arg(seed).arg(step).arg(steps)
                     : tr("Computing %1 (seed %2)…").arg(label(method)).arg(seed);
}

QString MapText::stopped(MapMethod method) { return tr("The %1 map was stopped: the PCA plane is shown.").arg(label(method)); }

QString MapText::clusters(int k, double silhouette)
{
    return tr("k-means, k = %1: silhouette %2 (−1 to 1; higher: clusters better apart)").arg(k).arg(silhouette, 0, 'f', 2);
}

QString MapText::axis(MapMethod method, int axis, const std::vector<double> &explainedRatio)
{
    if (method != MapMethod::Pca)
        return QStringLiteral("%1 %2").arg(label(method)).arg(axis + 1);
    const double share = axis < int(explainedRatio.size()) ? explainedRatio[size_t(axis)] * 100 : 0;
    return tr("PC%1 (%2% of variance)").arg(axis + 1).arg(share, 0, 'f', 1);
}

QString MapText::methodToolTip()
{
    return tr("PCA: the plane of largest variance. UMAP and t-SNE: a map that keeps each point's nearest neighbours (by cosine) "
              "near it; distances between far groups mean little.");
}

QString MapText::seedPrefix() { return tr("seed "); }
QString MapText::seedToolTip() { return tr("The same seed gives the same map every time: a lesson's map stays as it was."); }
QString MapText::clustersPrefix() { return tr("k = "); }
QString MapText::stop() { return tr("Stop"); }
QString MapText::stopToolTip() { return tr("Stop computing the map (the PCA plane stays)"); }

} // namespace bertlens
