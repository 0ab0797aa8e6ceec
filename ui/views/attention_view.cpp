#include "views/attention_view.h"

#include <QHBoxLayout>
#include <QVBoxLayout>

namespace bertlens {

AttentionView::AttentionView(QWidget *parent) : AnalysisView(parent)
{
    m_title = new QLabel(this);
    m_mode = new QComboBox(this);
    m_mode->addItems({QString(), QString()});
    m_head = new QComboBox(this);
    m_head->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_hideSpecial = new QCheckBox(this);
    m_plot = new HeatmapPlot(this);
    // The title on a line of its own, wrapped: a long one never widens the window past the screen.
    m_title->setWordWrap(true);
    auto *controls = new QHBoxLayout;
    controls->addWidget(m_mode);
    controls->addWidget(m_head);
    controls->addWidget(m_hideSpecial);
    controls->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(controls);
    layout->addWidget(m_plot, 1);
    connect(m_head, &QComboBox::activated, this, [this](int index) { Q_EMIT headChanged(index - 1); });
    connect(m_hideSpecial, &QCheckBox::toggled, this, &AttentionView::hideSpecialColumnsChanged);
    connect(m_mode, &QComboBox::activated, this, [this](int index) { Q_EMIT rolloutChanged(index == 1); });
    connect(m_plot, &HeatmapPlot::cellActivated, this, [this](int row, int) {
        if (row >= 0 && row < int(m_rowFirstToken.size()))
            Q_EMIT tokenActivated(m_rowFirstToken[size_t(row)]);
    });
    retranslateUi();
}

void AttentionView::retranslateUi()
{
    m_mode->setAccessibleName(tr("What the map shows"));
    m_head->setAccessibleName(tr("Attention head"));
    m_hideSpecial->setText(tr("Hide [CLS]/[SEP] columns (rows renormalised)"));
    if (m_head->count() > 0)
        m_head->setItemText(0, tr("Mean of all heads"));
    for (int i = 1; i < m_head->count(); ++i)
        m_head->setItemText(i, tr("Head %1").arg(i));
    m_mode->setItemText(0, tr("Attention of the heads"));
    m_mode->setItemText(1, tr("Rollout (attention flow through the layers)"));
    m_mode->setToolTip(tr("Rollout (Abnar & Zuidema 2020): each layer's mean attention plus the residual path, "
                          "multiplied through the layers up to this one"));
    // One numbering everywhere: the attention of layer ℓ produces hidden state ℓ; layer 0 (the
    // embeddings) has none, so the first layer's, which reads the embeddings, is shown and said so.
    const QString heads = m_rollout ? QString() : m_headShown < 0 ? tr(", mean of the heads") : tr(", head %1").arg(m_headShown + 1);
    const QString title = m_rollout ? tr("Sentence %1 — rollout up to layer %2").arg(m_sentence + 1).arg(m_layer)
                                    : tr("Sentence %1 — layer %2").arg(m_sentence + 1).arg(m_layer);
    if (!m_hasSentence)
        m_title->setText(tr("Type a sentence to see its attention."));
    else if (m_selectedLayer == 0)
        m_title->setText(title + heads + unitsPhrase(m_words) + " — " + tr("layer 0 (the embeddings) has no attention; this is layer 1's, which reads them"));
    else
        m_title->setText(title + heads + unitsPhrase(m_words));
    m_plot->setTitle(m_hasSentence ? title + heads + unitsPhrase(m_words) : QString());
    m_plot->setAxisTitles(tr("attending token (from)"), tr("attended token (to)"), tr("attention weight"));
    m_plot->replot();
}

void AttentionView::showData(const ViewInput &input)
{
    const AnalysisResult &result = input.result;
    const ViewData &view = input.view;
    if (m_head->count() != result.numHeads + 1) {
        m_head->clear();
        m_head->addItem(QString());
        for (int h = 0; h < result.numHeads; ++h)
            m_head->addItem(QString());
    }
    m_head->setCurrentIndex(view.selection.head + 1);
    m_rollout = view.selection.rollout;
    m_mode->setCurrentIndex(m_rollout ? 1 : 0);
    m_head->setEnabled(!m_rollout);
    m_layer = view.attentionLayer;
    m_selectedLayer = view.selection.layer;
    m_sentence = view.selection.sentence;
    m_headShown = view.selection.head;
    m_words = view.selection.words;
    m_hasSentence = !result.sentences.empty();
    QStringList rows, columns;
    for (const auto &label : view.rowLabels)
        rows << QString::fromStdString(label);
    for (int c : view.attentionColumns)
        columns << rows.value(c);
    m_rowFirstToken = view.rowFirstToken;
    m_plot->setMatrix(view.attention, rows, columns, QCPRange(0, 1), sequentialGradient());
    m_plot->setHighlightedRow(view.selectedRow);
    retranslateUi();
}

} // namespace bertlens
