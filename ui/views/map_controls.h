#pragma once

#include "analysis/maps/map_options.h"

#include <QStringList>
#include <QWidget>

class QComboBox;
class QHBoxLayout;
class QLabel;
class QSpinBox;
class QToolButton;

namespace bertlens {

// What every map view offers: the method (PCA, UMAP, t-SNE from the name table), its seed, what
// colours the points, k of the k-means colouring, Stop while a map forms — and under them the line
// that says what the map is (MapText). The view names them for screen readers, fills the colour
// choices and decides what each change means.
class MapControls : public QWidget {
    Q_OBJECT

public:
    MapControls(int colours, int clusters, int maxClusters, QWidget *parent = nullptr);
    QComboBox *methodBox() const { return m_method; }
    QSpinBox *seedBox() const { return m_seed; }
    QComboBox *colourBox() const { return m_colour; }
    QSpinBox *clustersBox() const { return m_clusters; }
    QToolButton *stopButton() const { return m_stop; }
    MapMethod method() const;
    // A widget at the row's right end.
    void addTrailing(QWidget *widget);
    // Names (for screen readers) and the colour choices in the current language.
    void retranslate(const QString &methodName, const QString &seedName, const QString &colourName, const QString &clustersName,
                     const QStringList &colourChoices);
    // The line under the controls; hidden when empty.
    void setDescription(const QStringList &parts);
    QString description() const;

private:
    QComboBox *m_method, *m_colour;
    QSpinBox *m_seed, *m_clusters;
    QToolButton *m_stop;
    QLabel *m_description;
    QHBoxLayout *m_row;
};

} // namespace bertlens
