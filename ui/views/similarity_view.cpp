#include "views/similarity_view.h"

#include "views/view_style.h"

#include <QHBoxLayout>

#include <cmath>
#include <QVBoxLayout>

namespace bertlens {

SimilarityView::SimilarityView(QWidget *parent) : AnalysisView(parent)
{
    m_mode = new QComboBox(this);
    m_mode->addItems({QString(), QString(), QString(), QString()});
    m_pooling = new QComboBox(this);
    m_centre = new QCheckBox(this);
    m_other = new QSpinBox(this);
    m_other->setMinimum(1);
    m_baseline = new QLabel(this);
    m_title = new QLabel(this);
    m_title->setWordWrap(true);
    m_plot = new HeatmapPlot(this);
    auto *controls = new QHBoxLayout;
    controls->addWidget(m_mode);
    controls->addWidget(m_pooling);
    controls->addWidget(m_other);
    controls->addWidget(m_centre);
    controls->addStretch();
    controls->addWidget(m_baseline);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(controls);
    layout->addWidget(m_plot, 1);
    connect(m_mode, &QComboBox::activated, this, [this](int i) { Q_EMIT modeChanged(SimilarityMode(i)); });
    connect(m_pooling, &QComboBox::activated, this,
            [this](int i) { Q_EMIT poolingChanged(Pooling(m_pooling->itemData(i).toInt())); });
    connect(m_centre, &QCheckBox::toggled, this, &SimilarityView::centreChanged);
    connect(m_other, &QSpinBox::valueChanged, this, [this](int v) {
        if (v - 1 != m_otherShown)
            Q_EMIT otherSentenceChanged(v - 1);
    });
    retranslateUi();
}

void SimilarityView::retranslateUi()
{
    m_mode->setAccessibleName(tr("What the matrix compares"));
    m_pooling->setAccessibleName(tr("Pooling of the sentence vectors"));
    m_other->setAccessibleName(tr("Sentence of the columns"));
    m_mode->setItemText(0, tr("Tokens of the selected sentence"));
    m_mode->setItemText(1, tr("Sentence vectors"));
    m_mode->setItemText(2, tr("Tokens across two sentences"));
    m_mode->setItemText(3, tr("The selected word in every sentence"));
    m_other->setPrefix(tr("with sentence "));
    m_other->setToolTip(tr("The sentence whose tokens are the columns"));
    fillPoolingCombo(m_pooling);
    m_centre->setText(tr("Centre vectors"));
    m_centre->setToolTip(tr("Subtract the mean vector of the current set (every token, or every sentence vector) "
                            "before the cosine: BERT's vectors share a common direction that makes raw cosines high"));
    m_baseline->setText(baselineText());
    m_title->setText(title());
    m_plot->setTitle(m_plot->rowCount() > 0 ? title() + (m_sentences ? QString() : unitsPhrase(m_words)) : QString());
    m_baseline->setToolTip(m_sentences ? tr("The mean cosine similarity between different sentences: read the matrix against it")
                                       : tr("The mean cosine similarity of this sentence's tokens with the other sentences' "
                                            "tokens at this layer: read the matrix against it"));
    m_plot->setAxisTitles(QString(), QString(), tr("cosine similarity"));
    m_plot->replot();
}

QString SimilarityView::title() const
{
    switch (m_modeShown) {
    case SimilarityMode::Sentences: return tr("Layer %1: cosine similarity of the sentence vectors").arg(m_layer);
    case SimilarityMode::AcrossSentences:
        return tr("Layer %1: tokens of sentence %2 (rows) × tokens of sentence %3 (columns)").arg(m_layer).arg(m_sentence + 1).arg(m_otherShown + 1);
    case SimilarityMode::SameWord:
        return m_word.empty() ? tr("Click a token to compare its word across the sentences")
                              : tr("Layer %1: “%2” in every sentence").arg(m_layer).arg(QString::fromStdString(m_word));
    case SimilarityMode::Tokens: break;
    }
    return tr("Sentence %1, layer %2: cosine similarity of its tokens").arg(m_sentence + 1).arg(m_layer);
}

QString SimilarityView::baselineText() const
{
    if (std::isnan(m_baselineValue))
        return tr("Baseline: needs a second sentence");
    return tr("Baseline %1").arg(m_baselineValue, 0, 'f', 3);
}

void SimilarityView::showData(const ViewInput &input)
{
    const ViewData &view = input.view;
    m_baselineValue = view.similarityBaseline;
    m_sentences = view.selection.similarity == SimilarityMode::Sentences;
    m_modeShown = view.selection.similarity;
    m_otherShown = view.selection.otherSentence;
    m_word = view.selectedRow >= 0 && view.selectedRow < int(view.rowLabels.size()) ? view.rowLabels[size_t(view.selectedRow)] : std::string();
    m_other->setMaximum(std::max(1, int(input.result.sentences.size())));
    m_other->setValue(m_otherShown + 1);
    m_other->setVisible(m_modeShown == SimilarityMode::AcrossSentences);
    m_layer = view.selection.layer;
    m_words = view.selection.words;
    m_sentence = view.selection.sentence;
    m_centre->setChecked(view.selection.centre);
    m_mode->setCurrentIndex(int(view.selection.similarity));
    m_pooling->setEnabled(view.selection.similarity == SimilarityMode::Sentences);
    QStringList labels;
    for (const auto &l : view.similarityLabels)
        labels << QString::fromStdString(l);
    QStringList columns = labels;
    if (!view.similarityColumnLabels.empty()) {
        columns.clear();
        for (const auto &l : view.similarityColumnLabels)
            columns << QString::fromStdString(l);
    }
    m_plot->setMatrix(view.similarity, labels, columns, QCPRange(-1, 1), divergingGradient());
    retranslateUi();
}

} // namespace bertlens
