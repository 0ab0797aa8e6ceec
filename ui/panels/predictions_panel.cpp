#include "panels/predictions_panel.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QTableWidget>
#include <QHBoxLayout>
#include <QVBoxLayout>

namespace bertlens {

namespace {

constexpr int kLensRanks = 3;

// The token (with its probability beside it, for the lens) on a background whose blue deepens
// with the probability; the exact value on hover.
QTableWidgetItem *probabilityItem(const TokenPrediction &p, bool withProbability = false)
{
    auto *item = new QTableWidgetItem(withProbability ? QString("%1 %2%").arg(QString::fromStdString(p.token)).arg(p.probability * 100, 0, 'f', 0)
                                                      : QString::fromStdString(p.token));
    // White to blue with the probability, as the attention maps; dark text stays readable.
    const int shade = int(255 - 150 * std::min(1.0, p.probability));
    item->setBackground(QColor(shade, shade + (255 - shade) / 3, 255));
    item->setToolTip(QString("%1 (id %2): %3").arg(QString::fromStdString(p.token)).arg(p.id).arg(p.probability, 0, 'g', 6));
    return item;
}

// What a table needs to show every row and column whole, from its current font (the presenter's
// zoom changes it): the widgets' own hints lag behind a font change.
QSize wholeTableSize(const QTableWidget *table)
{
    const QFontMetrics metrics(table->font());
    constexpr int kPad = 14;
    const int rowHeight = metrics.height() + 6;
    auto textWidth = [&](const QTableWidgetItem *item) { return item ? metrics.horizontalAdvance(item->text()) + kPad : 0; };
    int width = 2 * table->frameWidth(), header = 0;
    for (int r = 0; table->verticalHeader()->isVisible() && r < table->rowCount(); ++r)
        header = std::max(header, textWidth(table->verticalHeaderItem(r)));
    width += header;
    for (int c = 0; c < table->columnCount(); ++c) {
        int column = textWidth(table->horizontalHeaderItem(c));
        for (int r = 0; r < table->rowCount(); ++r)
            column = std::max(column, textWidth(table->item(r, c)));
        width += column;
    }
    return {width, 2 * table->frameWidth() + rowHeight * (table->rowCount() + 1)};
}

} // namespace

PredictionsPanel::PredictionsPanel(QWidget *parent) : QWidget(parent)
{
    m_title = new QLabel(this);
    m_title->setWordWrap(true);
    m_table = new QTableWidget(this);
    m_table->setColumnCount(2);
    m_table->verticalHeader()->setVisible(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // as wide as its columns once filled
    m_lens = new QTableWidget(this);
    m_lens->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // A layer per row, every layer at once: one-line cells as wide as their text, the panel as
    // tall as the rows need (minimumSizeHint), so nothing is cut to "此…".
    m_lens->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_lens->horizontalHeader()->setStretchLastSection(true);
    m_lens->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_lens->setWordWrap(false);
    auto *tables = new QHBoxLayout;
    tables->addWidget(m_table, 2);
    tables->addWidget(m_lens, 3);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->addWidget(m_title);
    layout->addLayout(tables, 1);
    retranslateUi();
}

void PredictionsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    if (event->type() == QEvent::FontChange && hasPredictions()) // presenter mode's zoom
        fitTables();
    // A current cell without a selection: Tab into the table shows where the focus is.
    m_table->selectionModel()->setCurrentIndex(m_table->model()->index(0, 0), QItemSelectionModel::NoUpdate);
    m_lens->selectionModel()->setCurrentIndex(m_lens->model()->index(0, 0), QItemSelectionModel::NoUpdate);
    QWidget::changeEvent(event);
}

void PredictionsPanel::retranslateUi()
{
    m_table->setHorizontalHeaderLabels({tr("Prediction"), tr("Probability")});
    m_table->setAccessibleName(tr("The model's predictions for the [MASK]"));
    m_lens->setAccessibleName(tr("Per-layer lens: the top predictions at every layer"));
    refill();
}

void PredictionsPanel::fitTables()
{
    m_table->setMinimumWidth(wholeTableSize(m_table).width() + m_table->verticalScrollBar()->sizeHint().width());
    // Wide enough for every column always; as tall as every row where the window can give it
    // (neededHeight, which presenter mode asks for): a small screen scrolls rather than overflows.
    m_lens->setMinimumWidth(wholeTableSize(m_lens).width());
}

int PredictionsPanel::neededHeight() const
{
    return m_title->sizeHint().height() + wholeTableSize(m_lens).height() + 8;
}

bool PredictionsPanel::hasPredictions() const { return m_table->rowCount() > 0; }

void PredictionsPanel::showSentence(std::shared_ptr<const AnalysisResult> result, int sentence,
                                    std::shared_ptr<const AnalysisResult> intact)
{
    m_result = std::move(result);
    m_intact = std::move(intact);
    m_sentence = sentence;
    refill();
}

void PredictionsPanel::refill()
{
    m_table->setRowCount(0);
    m_lens->clear();
    m_lens->setRowCount(0);
    m_lens->setColumnCount(0);
    m_lens->setMinimumSize(0, 0);
    m_table->setMinimumWidth(0);
    const bool usable = m_result && m_result->mlmHeadMissing.empty();
    setEnabled(usable);
    setToolTip(m_result && !usable ? tr("This model has no masked-language-model head: %1")
                                         .arg(QString::fromStdString(m_result->mlmHeadMissing))
                                   : QString());
    if (!m_result || m_sentence >= int(m_result->sentences.size())) {
        m_title->setText(tr("Masked-token predictions"));
        return;
    }
    const SentenceAnalysis &s = m_result->sentences[size_t(m_sentence)];
    if (!usable || s.masks.empty()) {
        QStringList masked; // the other sentences that have a [MASK]
        for (size_t i = 0; usable && i < m_result->sentences.size() && masked.size() < 3; ++i)
            if (!m_result->sentences[i].masks.empty())
                masked << QString::number(i + 1);
        const QString mask = QString::fromStdString(m_result->maskToken);
        m_title->setText(!usable ? tr("No predictions: this model has no masked-language-model head.")
                         : masked.isEmpty() ? tr("Double-click a token, or type %1, to see what the model predicts there.").arg(mask)
                                            : tr("Sentence %1 has no %3; click the %3 of sentence %2 to see its predictions.")
                                                  .arg(m_sentence + 1).arg(masked.join(tr(", ")), mask));
        return;
    }
    // The first [MASK] of the sentence (the table says which).
    const MaskPrediction &m = s.masks.front();
    m_title->setText(tr("Sentence %1, %3 at token %2: the model's predictions")
                         .arg(m_sentence + 1)
                         .arg(m.index)
                         .arg(QString::fromStdString(s.encoding.labels[size_t(m.index)]))
                     + (s.masks.size() > 1 ? tr(" (first of %1 masks)").arg(s.masks.size()) : QString()));
    m_table->setRowCount(int(m.top.size()));
    // Before the knock-outs: the same token's probability at the same [MASK], when it was among
    // the top ten; otherwise below the tenth's.
    const MaskPrediction *before = nullptr;
    if (m_intact && m_sentence < int(m_intact->sentences.size()))
        for (const MaskPrediction &p : m_intact->sentences[size_t(m_sentence)].masks)
            if (p.index == m.index)
                before = &p;
    m_table->setColumnCount(before ? 3 : 2);
    if (before)
        m_table->setHorizontalHeaderItem(2, new QTableWidgetItem(tr("Before the knock-outs")));
    for (int r = 0; r < int(m.top.size()); ++r) {
        m_table->setItem(r, 0, probabilityItem(m.top[size_t(r)]));
        m_table->setItem(r, 1, new QTableWidgetItem(QString("%1%").arg(m.top[size_t(r)].probability * 100, 0, 'f', 2)));
        if (!before || before->top.empty())
            continue;
        QString was = tr("< %1%").arg(before->top.back().probability * 100, 0, 'f', 2);
        for (const TokenPrediction &p : before->top)
            if (p.id == m.top[size_t(r)].id)
                was = QString("%1%").arg(p.probability * 100, 0, 'f', 2);
        m_table->setItem(r, 2, new QTableWidgetItem(was));
    }

    const int layers = int(m.layers.size());
    m_lens->setRowCount(layers);
    m_lens->setColumnCount(kLensRanks);
    QStringList rows, columns;
    for (int l = 0; l < layers; ++l)
        rows << (l == 0 ? tr("embeddings") : tr("layer %1").arg(l));
    for (int k = 0; k < kLensRanks; ++k)
        columns << tr("#%1").arg(k + 1);
    m_lens->setVerticalHeaderLabels(rows);
    m_lens->setHorizontalHeaderLabels(columns);
    for (int l = 0; l < layers; ++l)
        for (int k = 0; k < kLensRanks && k < int(m.layers[size_t(l)].size()); ++k)
            m_lens->setItem(l, k, probabilityItem(m.layers[size_t(l)][size_t(k)], true));
    m_lens->resizeRowsToContents();
    fitTables();
    m_lens->setToolTip(tr("The per-layer lens: the same prediction head applied to every layer's hidden state"));
}

} // namespace bertlens
