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

namespace bertlens {

ExportVectorsDialog::ExportVectorsDialog(int numLayers, QWidget *parent) : QDialog(parent)
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
    form->addRow(tr("Layers"), grid);
    form->addRow(tr("Pooling"), m_pooling);
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
    m_ok->setEnabled(any);
    m_columns->setText(
        (pooling() == Pooling::None ? tr("One row per token and layer: sentence, token index, token, layer, then the vector (d0, d1, …).")
                                    : tr("One row per sentence and layer: sentence, layer, then the pooled vector (d0, d1, …)."))
        + "\n"
        + tr("Sentences, tokens and heads count from 0 (the window counts sentences and heads from 1); layer 0 is the embeddings."));
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

} // namespace bertlens
