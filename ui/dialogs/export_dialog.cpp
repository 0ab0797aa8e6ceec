#include "dialogs/export_dialog.h"

#include "views/view_style.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QPushButton>

#include <algorithm>
#include <QLabel>
#include <QCheckBox>
#include <QSpinBox>

namespace bertlens {

ExportVectorsDialog::ExportVectorsDialog(int numLayers, bool words, QWidget *parent) : QDialog(parent), m_words(words)
{
    setWindowTitle(tr("Export vectors"));
    auto *form = new QFormLayout(this);
    auto *grid = new QGridLayout;
    for (int l = 0; l <= numLayers; ++l) {
        auto *box = new QCheckBox(l == 0 ? tr("0 (embeddings)") : QString::number(l), this);
        box->setChecked(true);
        connect(box, &QCheckBox::toggled, this, &ExportVectorsDialog::update);
        grid->addWidget(box, l / 7, l % 7);
        m_layers << box;
    }
    m_pooling = new QComboBox(this);
    fillPoolingCombo(m_pooling, true);
    connect(m_pooling, &QComboBox::currentIndexChanged, this, &ExportVectorsDialog::update);
    m_format = new QComboBox(this);
    m_format->addItem(tr("CSV (a row per vector)"), int(Format::Csv));
    m_format->addItem(tr("NumPy array (.npy; pooled vectors)"), int(Format::Npy));
    m_format->addItem(tr("Embedding Projector (a folder: vectors.tsv, metadata.tsv, projector_config.json)"), int(Format::Projector));
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportVectorsDialog::update);
    m_clusters = new QSpinBox(this);
    m_clusters->setRange(0, 50);
    m_clusters->setSpecialValueText(tr("none"));
    setSpinBoxName(m_clusters, tr("k-means clusters in the metadata"));
    form->addRow(tr("Layers"), grid);
    form->addRow(tr("Pooling"), m_pooling);
    form->addRow(tr("Format"), m_format);
    form->addRow(tr("k-means clusters"), m_clusters);
    m_columns = new QLabel(this);
    m_columns->setWordWrap(true);
    form->addRow(m_columns);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    update();
}

void ExportVectorsDialog::update()
{
    const bool any = std::any_of(m_layers.begin(), m_layers.end(), [](QCheckBox *b) { return b->isChecked(); });
    m_ok->setEnabled(any && (format() != Format::Npy || pooling() != Pooling::None));
    m_clusters->setEnabled(format() == Format::Projector);
    if (format() == Format::Projector) {
        m_columns->setText(tr("A folder for projector.tensorflow.org (Load: vectors.tsv, then metadata.tsv): a line per %1 and "
                              "layer; the metadata's columns are text, sentence, token, layer, label and cluster (k-means of "
                              "each layer's vectors).")
                               .arg(pooling() != Pooling::None ? tr("sentence") : m_words ? tr("word") : tr("token")));
        return;
    }
    m_columns->setText(
        (pooling() != Pooling::None ? tr("One row per sentence and layer: sentence, layer, then the pooled vector (d0, d1, …).")
         : m_words ? tr("One row per word and layer, as the window shows them (View → Words instead of WordPieces): "
                        "sentence, word index, word, layer, then the mean of the word's WordPiece vectors (d0, d1, …).")
                   : tr("One row per WordPiece and layer: sentence, token index, token, layer, then the vector (d0, d1, …)."))
        + "\n"
        + tr("Numbered as in the window: sentences from 1, layers 0 (the embeddings) to %1, token positions from 0 ([CLS] = 0).")
              .arg(m_layers.size() - 1));
}

QString ExportVectorsDialog::layers() const
{
    QStringList chosen;
    for (int l = 0; l < m_layers.size(); ++l)
        if (m_layers[l]->isChecked())
            chosen << QString::number(l);
    return chosen.size() == m_layers.size() ? QStringLiteral("all") : chosen.join(',');
}

Pooling ExportVectorsDialog::pooling() const { return Pooling(m_pooling->currentData().toInt()); }

ExportVectorsDialog::Format ExportVectorsDialog::format() const { return Format(m_format->currentData().toInt()); }

int ExportVectorsDialog::clusters() const { return format() == Format::Projector ? m_clusters->value() : 0; }

} // namespace bertlens
