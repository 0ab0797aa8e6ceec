#include "views/head_importance_view.h"

#include "views/heatmap_plot.h"
#include "views/view_style.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

#include <cmath>

namespace bertlens {

HeadImportanceView::HeadImportanceView(QWidget *parent) : QWidget(parent)
{
    m_title = new QLabel(this);
    m_title->setWordWrap(true);
    m_title->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_plot = new HeatmapPlot(this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_plot, 1);
    connect(m_plot, &HeatmapPlot::cellActivated, this, [this](int row, int column) {
        if (m_map && column < m_map->importance.heads.cols)
            Q_EMIT headActivated(row + 1, column);
    });
    retranslateUi();
}

void HeadImportanceView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void HeadImportanceView::showImportance(std::shared_ptr<const ImportanceMap> map, const Knockout &knockout)
{
    m_map = std::move(map);
    m_knockout = knockout;
    retranslateUi();
}

void HeadImportanceView::retranslateUi()
{
    m_plot->setAxisTitles(tr("layer"), tr("head"), tr("contribution"));
    if (!m_map) {
        m_title->setText(tr("Press “Head importance” in the Explain panel: this map then shows what each head and FFN block "
                            "contributes to its target."));
        m_plot->clearMatrix();
        m_plot->setTitle(QString());
        m_plot->setVisible(false);
        return;
    }
    m_plot->setVisible(true);
    const HeadImportance &h = m_map->importance;
    const bool mask = m_map->settings.kind == TargetKind::Mask;
    const QString target = mask ? tr("log p(%1) at the [MASK] of sentence %2").arg(QString::fromStdString(m_map->token)).arg(m_map->settings.sentence + 1)
                                : tr("the similarity of sentences %1 and %2").arg(m_map->sentences[0] + 1).arg(m_map->sentences.back() + 1);
    m_title->setText(tr("What each head (and each layer's FFN, last column) contributes to %1 = %2: the target minus "
                        "the target with that part knocked out. Positive: the part helps. Click a head to open its map.")
                         .arg(target).arg(h.target, 0, 'f', 3)
                     + (m_knockout.empty() ? QString() : tr(" Already knocked out: %1.").arg(knockoutLabel(m_knockout))));
    Matrix m(h.heads.rows, h.heads.cols + 1);
    double largest = 1e-9;
    for (int l = 0; l < h.heads.rows; ++l) {
        for (int c = 0; c < h.heads.cols; ++c)
            m.at(l, c) = h.heads.at(l, c);
        m.at(l, h.heads.cols) = float(h.ffn[size_t(l)]);
        for (int c = 0; c <= h.heads.cols; ++c)
            largest = std::max(largest, double(std::abs(m.at(l, c))));
    }
    QStringList rows, columns;
    for (int l = 0; l < h.heads.rows; ++l)
        rows << QString::number(l + 1);
    for (int c = 0; c < h.heads.cols; ++c)
        columns << QString::number(c + 1);
    columns << tr("FFN");
    m_plot->setMatrix(m, rows, columns, QCPRange(-largest, largest), divergingGradient());
    m_plot->setTitle(tr("Head importance for %1").arg(target));
}

} // namespace bertlens
