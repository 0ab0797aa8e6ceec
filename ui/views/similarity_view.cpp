#include "views/similarity_view.h"

#include "views/view_style.h"

#include <QHBoxLayout>
#include <QVBoxLayout>

namespace bertlens {

SimilarityView::SimilarityView(QWidget *parent) : AnalysisView(parent)
{
    m_mode = new QComboBox(this);
    m_mode->addItems({QString(), QString()});
    m_pooling = new QComboBox(this);
    m_plot = new HeatmapPlot(this);
    auto *controls = new QHBoxLayout;
    controls->addWidget(m_mode);
    controls->addWidget(m_pooling);
    controls->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_plot, 1);
    connect(m_mode, &QComboBox::activated, this, [this](int i) { Q_EMIT modeChanged(SimilarityMode(i)); });
    connect(m_pooling, &QComboBox::activated, this,
            [this](int i) { Q_EMIT poolingChanged(Pooling(m_pooling->itemData(i).toInt())); });
    retranslateUi();
}

void SimilarityView::retranslateUi()
{
    m_mode->setItemText(0, tr("Tokens of the selected sentence"));
    m_mode->setItemText(1, tr("Sentence vectors"));
    fillPoolingCombo(m_pooling);
    m_plot->setAxisTitles(QString(), QString(), tr("cosine similarity"));
    m_plot->replot();
}

void SimilarityView::showData(const ViewInput &input)
{
    const ViewData &view = input.view;
    m_mode->setCurrentIndex(int(view.selection.similarity));
    m_pooling->setEnabled(view.selection.similarity == SimilarityMode::Sentences);
    QStringList labels;
    for (const auto &l : view.similarityLabels)
        labels << QString::fromStdString(l);
    m_plot->setMatrix(view.similarity, labels, labels, QCPRange(-1, 1), divergingGradient());
}

} // namespace bertlens
