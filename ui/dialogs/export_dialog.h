#pragma once

#include "analysis/pooling_mode.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace bertlens {

// Asks which layers (a box per layer), which pooling and which format to export — the options of
// `bertlens-cli embed` — before any file is chosen; OK only with at least one layer.
class ExportVectorsDialog : public QDialog {
    Q_OBJECT

public:
    // `words`: the window shows words, and token rows are written as words.
    ExportVectorsDialog(int numLayers, bool words = false, QWidget *parent = nullptr);
    QString layers() const; // "all" or a list such as "0,4,6", as bertlens-cli --layers spells it
    Pooling pooling() const;
    enum class Format { Csv, Npy, Projector };
    Format format() const;
    int clusters() const; // k-means clusters of the projector's metadata; 0: none
    QList<QCheckBox *> layerBoxes() const { return m_layers; }

private:
    bool m_words;
    void update();
    QList<QCheckBox *> m_layers;
    QComboBox *m_pooling, *m_format;
    QSpinBox *m_clusters;
    QLabel *m_columns;
    QPushButton *m_ok;
};

} // namespace bertlens
