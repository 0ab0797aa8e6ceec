#include "dialogs/export_dialog.h"

#include "views/view_style.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace bertlens {

ExportVectorsDialog::ExportVectorsDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Export vectors"));
    auto *form = new QFormLayout(this);
    m_layers = new QLineEdit("all", this);
    m_layers->setToolTip(tr("all, -1 (last), or a list such as 0,4,12"));
    m_pooling = new QComboBox(this);
    fillPoolingCombo(m_pooling, true);
    form->addRow(tr("Layers"), m_layers);
    form->addRow(tr("Pooling"), m_pooling);
    auto *note = new QLabel(tr("In the file, sentences, tokens and heads count from 0 (the window counts sentences and "
                               "heads from 1); layers count from 0 = embeddings, as in the window."), this);
    note->setWordWrap(true);
    form->addRow(note);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString ExportVectorsDialog::layers() const { return m_layers->text().trimmed(); }

Pooling ExportVectorsDialog::pooling() const { return Pooling(m_pooling->currentData().toInt()); }

} // namespace bertlens
