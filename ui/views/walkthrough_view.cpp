#include "views/walkthrough_view.h"

#include "views/heatmap_plot.h"
#include "views/vector_strip.h"

#include <QButtonGroup>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace bertlens {

namespace {

QString number(double v, int decimals = 3) { return QString::number(v, 'f', decimals).replace('-', QChar(0x2212)); }
QString quoted(const std::string &token) { return "“" + QString::fromStdString(token).toHtmlEscaped() + "”"; }

// One page: a column of headings, short texts, labelled vectors, plots and links, scrolled when
// taller than the view.
class PageBuilder {
public:
    PageBuilder() : m_scroll(new QScrollArea), m_body(new QWidget), m_layout(new QVBoxLayout(m_body))
    {
        m_scroll->setWidgetResizable(true);
        m_scroll->setFrameShape(QFrame::NoFrame);
        m_scroll->setWidget(m_body);
        m_layout->setSpacing(m_body->fontMetrics().height() / 2);
    }
    void title(const QString &text)
    {
        auto *label = this->text("<h2>" + text.toHtmlEscaped() + "</h2>");
        label->setObjectName("stepTitle");
    }
    QLabel *text(const QString &html)
    {
        auto *label = new QLabel(html);
        label->setWordWrap(true);
        label->setTextFormat(Qt::RichText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_layout->addWidget(label);
        return label;
    }
    VectorStrip *vector(const QString &label, std::vector<float> values, double scale = 0)
    {
        auto *row = new QHBoxLayout;
        auto *name = new QLabel(label);
        name->setTextFormat(Qt::RichText);
        name->setWordWrap(true);
        name->setFixedWidth(name->fontMetrics().averageCharWidth() * 30);
        auto *strip = new VectorStrip;
        strip->setValues(std::move(values), scale);
        row->addWidget(name, 0, Qt::AlignTop);
        row->addWidget(strip, 1);
        m_layout->addLayout(row);
        return strip;
    }
    void widget(QWidget *w, int minimumLines = 0)
    {
        if (minimumLines > 0)
            w->setMinimumHeight(w->fontMetrics().height() * minimumLines);
        m_layout->addWidget(w);
    }
    QHBoxLayout *buttons()
    {
        auto *row = new QHBoxLayout;
        m_layout->addLayout(row);
        return row;
    }
    QWidget *finish()
    {
        m_layout->addStretch(1);
        return m_scroll;
    }

private:
    QScrollArea *m_scroll;
    QWidget *m_body;
    QVBoxLayout *m_layout;
};

QStringList tokenLabels(const Encoding &e)
{
    QStringList labels;
    for (const std::string &t : e.labels)
        labels << QString::fromStdString(t);
    return labels;
}

HeatmapPlot *matrixPlot(const Matrix &m, const QStringList &rows, int highlighted, const QString &title)
{
    auto *plot = new HeatmapPlot;
    double largest = 1e-12;
    for (float v : m.values)
        largest = std::max(largest, double(std::abs(v)));
    plot->setMatrix(m, rows, {}, QCPRange(-largest, largest), divergingGradient());
    plot->setAxisTitles(QString(), title, QString());
    plot->setHighlightedRow(highlighted);
    return plot;
}

// The search of the greedy longest-match split, as it happens: candidates not in the vocabulary
// struck through, the ones kept in bold.
QString searchHtml(const WordSplit &split)
{
    QStringList shown;
    size_t piece = 0;
    for (const std::string &candidate : split.tried) {
        const bool kept = piece < split.pieces.size() && split.pieces[piece] == candidate;
        shown << (kept ? "<b style='color:#1a7f37'>" + QString::fromStdString(candidate).toHtmlEscaped() + " ✓</b>"
                       : "<s style='color:#777'>" + QString::fromStdString(candidate).toHtmlEscaped() + "</s>");
        piece += kept ? 1 : 0;
    }
    return shown.join(" → ");
}

} // namespace

WalkthroughView::WalkthroughView(QWidget *parent) : QWidget(parent)
{
    m_header = new QLabel(this);
    m_header->setWordWrap(true);
    m_previous = new QToolButton(this);
    m_previous->setText(QStringLiteral("←")); // text, not an arrow icon, so that it grows with the font
    m_next = new QToolButton(this);
    m_next->setText(QStringLiteral("→"));
    auto *steps = new QHBoxLayout;
    steps->addWidget(m_previous);
    auto *group = new QButtonGroup(this);
    for (int i = 0; i < kSteps; ++i) {
        auto *button = new QPushButton(this);
        button->setCheckable(true);
        button->setFocusPolicy(Qt::NoFocus);
        group->addButton(button, i);
        steps->addWidget(button);
        m_stepButtons.push_back(button);
    }
    steps->addWidget(m_next);
    steps->addStretch();
    m_pages = new QStackedWidget(this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addLayout(steps);
    layout->addWidget(m_pages, 1);
    connect(group, &QButtonGroup::idClicked, this, &WalkthroughView::setStep);
    connect(m_previous, &QToolButton::clicked, this, [this] { setStep(m_step - 1); });
    connect(m_next, &QToolButton::clicked, this, [this] { setStep(m_step + 1); });
    // Presentation clickers send PageDown / PageUp.
    const std::pair<QKeySequence, int> keys[] = {{Qt::Key_Right, +1}, {Qt::Key_PageDown, +1}, {Qt::Key_Left, -1},
                                                 {Qt::Key_PageUp, -1}, {Qt::Key_Home, -kSteps}, {Qt::Key_End, +kSteps}};
    for (const auto &[key, delta] : keys) {
        auto *shortcut = new QShortcut(key, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, [this, delta = delta] { setStep(m_step + delta); });
    }
    setFocusPolicy(Qt::StrongFocus);
    rebuildPages();
    retranslateUi();
}

QWidget *WalkthroughView::page(int step) const { return m_pages->widget(step); }

void WalkthroughView::setStep(int step)
{
    step = std::clamp(step, 0, kSteps - 1);
    const bool changed = step != m_step;
    m_step = step;
    m_pages->setCurrentIndex(step);
    m_stepButtons[size_t(step)]->setChecked(true);
    m_previous->setEnabled(step > 0);
    m_next->setEnabled(step < kSteps - 1);
    if (changed)
        Q_EMIT stepChanged(step);
}

void WalkthroughView::showWalkthrough(std::shared_ptr<const Walkthrough> walkthrough)
{
    m_data = std::move(walkthrough);
    rebuildPages();
    retranslateUi();
}

void WalkthroughView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        rebuildPages();
        retranslateUi();
    }
    QWidget::changeEvent(event);
}

void WalkthroughView::addLinks(QHBoxLayout *row, std::initializer_list<Link> links)
{
    for (Link link : links) {
        const QString text = link == Link::Attention      ? tr("Show it in the Attention tab")
                             : link == Link::HiddenStates ? tr("Every token's vector at every layer (Hidden states)")
                                                          : tr("All vectors in a plane (Projection)");
        auto *button = new QPushButton(text);
        connect(button, &QPushButton::clicked, this, [this, link] { Q_EMIT linkActivated(link); });
        row->addWidget(button);
    }
    row->addStretch();
}

QString WalkthroughView::stepName(int step) const
{
    const QString names[kSteps] = {tr("Tokens"), tr("Embeddings"), tr("Q, K, V"), tr("Scores → softmax"),
                                   tr("Weighted sum"), tr("Add && norm, feed-forward"), tr("Output")};
    return QString::number(step + 1) + " " + names[step];
}

void WalkthroughView::retranslateUi()
{
    for (int i = 0; i < kSteps; ++i)
        m_stepButtons[size_t(i)]->setText(stepName(i));
    m_previous->setToolTip(tr("Previous step (← or Page Up)"));
    m_next->setToolTip(tr("Next step (→ or Page Down)"));
    if (!m_data) {
        m_header->setText(tr("Type a sentence and click one of its tokens: this tab walks through what BERT computes for it."));
        return;
    }
    const Walkthrough &w = *m_data;
    m_header->setText(tr("Token %1 %2 of the sentence, layer %3 of %4, head %5 of %6 — click another token, or change "
                         "the layer and head, to follow them here.")
                          .arg(w.request.token)
                          .arg(quoted(w.encoding.labels[size_t(w.request.token)]))
                          .arg(w.request.layer).arg(w.numLayers).arg(w.request.head + 1).arg(w.numHeads));
}

void WalkthroughView::rebuildPages()
{
    const int step = m_step;
    while (m_pages->count() > 0) {
        QWidget *old = m_pages->widget(0);
        m_pages->removeWidget(old);
        old->deleteLater();
    }
    QWidget *(WalkthroughView::*builders[kSteps])() = {
        &WalkthroughView::tokenizationPage, &WalkthroughView::embeddingPage,   &WalkthroughView::projectionPage,
        &WalkthroughView::scoresPage,       &WalkthroughView::weightedSumPage, &WalkthroughView::feedForwardPage,
        &WalkthroughView::outputPage};
    for (auto builder : builders) {
        if (m_data) {
            m_pages->addWidget((this->*builder)());
        } else {
            PageBuilder empty;
            empty.text(tr("No sentence yet."));
            m_pages->addWidget(empty.finish());
        }
    }
    m_step = -1;
    setStep(step);
}

QWidget *WalkthroughView::tokenizationPage()
{
    const Walkthrough &w = *m_data;
    PageBuilder page;
    page.title(tr("1. From text to tokens"));
    if (w.tokenizerModel == "BPE")
        page.text(tr("The model does not read letters: it reads numbers, one per token of a fixed vocabulary. This "
                     "tokenizer (byte-level BPE, as RoBERTa's) writes the text's bytes as characters (a space becomes Ġ), "
                     "splits it into words, and joins neighbouring pieces pair by pair in the order it learned them, as "
                     "far as its vocabulary goes. A piece that starts a word carries its space (Ġ, shown as a space)."));
    else if (w.tokenizerModel == "Unigram")
        page.text(tr("The model does not read letters: it reads numbers, one per token of a fixed vocabulary. This "
                     "tokenizer (SentencePiece's Unigram, as XLM-R's) normalises the text, marks the start of every word "
                     "with ▁ (shown as a space), and splits each word into the pieces whose probabilities together are "
                     "the highest."));
    else
        page.text(tr("BERT does not read letters: it reads numbers, one per token of a fixed vocabulary. The text is "
                     "cleaned (lower-cased and accents removed where the model does so, spaces put around punctuation "
                     "and Chinese characters), split into words, and each word into the longest pieces the vocabulary "
                     "has, from left to right. A piece inside a word starts with ##."));
    const auto stepsHtml = [&](const TokenizationSteps &steps, const std::string &original) {
        QStringList words, splits;
        for (const WordSplit &s : steps.words) {
            words << "<span style='background:#eef'>&nbsp;" + QString::fromStdString(s.word).toHtmlEscaped() + "&nbsp;</span>";
            splits << QString::fromStdString(s.word).toHtmlEscaped() + " → <b>"
                          + QString::fromStdString([&] {
                                std::string joined;
                                for (const std::string &p : s.pieces)
                                    joined += (joined.empty() ? "" : "  ") + p;
                                return joined;
                            }()).toHtmlEscaped()
                          + "</b>";
        }
        return "<table cellspacing=6>"
               "<tr><td>" + tr("Text") + "</td><td>" + QString::fromStdString(original).toHtmlEscaped() + "</td></tr>"
               "<tr><td>" + tr("Cleaned") + "</td><td>" + QString::fromStdString(steps.cleaned).toHtmlEscaped() + "</td></tr>"
               "<tr><td>" + tr("Words") + "</td><td>" + words.join(" ") + "</td></tr>"
               "<tr><td>" + tr("Pieces") + "</td><td>" + splits.join(" &nbsp;|&nbsp; ") + "</td></tr></table>";
    };
    page.text(stepsHtml(w.text, w.request.input.text));
    if (w.request.input.hasPair) {
        page.text("<b>" + tr("Second sentence") + "</b>");
        page.text(stepsHtml(w.pair, w.request.input.pair));
    }
    // The family's own special tokens ([CLS] and [SEP], <s> and </s>…).
    const QString firstToken = QString::fromStdString(w.encoding.tokens.front()).toHtmlEscaped();
    const QString lastToken = QString::fromStdString(w.encoding.tokens.back()).toHtmlEscaped();
    // The selected token's word: its search as it happens.
    const int token = w.request.token;
    int position = 1;
    const WordSplit *selected = nullptr;
    for (const TokenizationSteps *steps : {&w.text, &w.pair}) {
        for (const WordSplit &s : steps->words) {
            if (token >= position && token < position + int(s.pieces.size()))
                selected = &s;
            position += int(s.pieces.size());
        }
        ++position; // [SEP]
    }
    if (selected && !selected->tried.empty())
        page.text(tr("How %1 was split: the longest candidate first, one character shorter until the vocabulary has it, "
                     "then the same for the rest (with ##):").arg(quoted(selected->word))
                  + "<br>" + searchHtml(*selected)
                  + (selected->pieces == std::vector<std::string>{"[UNK]"} ? "<br>" + tr("No split exists: the word becomes [UNK].") : QString()));
    else if (w.encoding.specialMask[size_t(token)])
        page.text(tr("%1 is not from the text: %2 is put first (its last vector is often used for the whole sentence) "
                     "and %3 after each sentence.")
                      .arg(quoted(w.encoding.labels[size_t(token)]), firstToken, lastToken));
    QString table = "<table cellspacing=0 cellpadding=4 border=1 style='border-color:#999'><tr><td><b>" + tr("position") + "</b></td>";
    for (int i = 0; i < w.encoding.size(); ++i)
        table += "<td align=center>" + QString::number(i) + "</td>";
    table += "</tr><tr><td><b>" + tr("token") + "</b></td>";
    for (int i = 0; i < w.encoding.size(); ++i)
        table += QString(i == token ? "<td align=center style='background:#ffd866'>" : "<td align=center>")
                 + QString::fromStdString(w.encoding.labels[size_t(i)]).toHtmlEscaped() + "</td>";
    table += "</tr><tr><td><b>" + tr("id") + "</b></td>";
    for (int id : w.encoding.ids)
        table += "<td align=center>" + QString::number(id) + "</td>";
    table += "</tr><tr><td><b>" + tr("segment") + "</b></td>";
    for (int t : w.encoding.typeIds)
        table += "<td align=center>" + QString::number(t) + "</td>";
    table += "</tr></table>";
    page.text(tr("%1 first, %2 after each sentence; the segment says which sentence a token is in:").arg(firstToken, lastToken)
              + "<br>" + table);
    return page.finish();
}

QWidget *WalkthroughView::embeddingPage()
{
    const Walkthrough &w = *m_data;
    const int t = w.request.token;
    const QString token = quoted(w.encoding.labels[size_t(t)]);
    PageBuilder page;
    page.title(tr("2. From a token to a vector"));
    page.text(tr("The id picks one row of the word-embedding table; the position picks a row of the position table (the "
                 "only way BERT knows word order); the segment picks a row of the segment table. Each row has H = %1 "
                 "numbers. The three are added, then LayerNorm rescales the sum: y = γ · (x − mean) / √(variance + ε) + β.")
                  .arg(w.hiddenSize));
    page.vector(tr("word embedding of %1 (row %2)").arg(token).arg(w.encoding.ids[size_t(t)]), w.row("embeddings.word"));
    page.vector(tr("+ position embedding (row %1)").arg(t), w.row("embeddings.position"));
    page.vector(tr("+ segment embedding (row %1)").arg(w.encoding.typeIds[size_t(t)]), w.row("embeddings.token_type"));
    page.vector(tr("= sum x"), w.row("embeddings.sum"));
    const NormStep &n = w.embeddingNorm;
    page.text(tr("LayerNorm: mean of x = %1, variance = %2, ε = %3").arg(number(n.mean, 4), number(n.variance, 4)).arg(w.layerNormEps));
    page.vector(tr("γ (learned scale)"), n.gamma);
    page.vector(tr("β (learned shift)"), n.beta);
    page.vector(tr("<b>= the layer-0 vector of %1</b>").arg(token), n.output);
    addLinks(page.buttons(), {Link::HiddenStates});
    return page.finish();
}

QWidget *WalkthroughView::projectionPage()
{
    const Walkthrough &w = *m_data;
    const int t = w.request.token, T = w.encoding.size();
    const QStringList labels = tokenLabels(w.encoding);
    PageBuilder page;
    page.title(tr("3. Queries, keys and values: layer %1, head %2").arg(w.request.layer).arg(w.request.head + 1));
    page.text(tr("Each layer has %1 attention heads. This head multiplies every token's vector x (the layer's input) by "
                 "three learned matrices: the query q (what this token looks for), the key k (what it offers) and the "
                 "value v (what it passes on), each with d = H / heads = %2 numbers.")
                  .arg(w.numHeads).arg(w.headSize));
    page.text(QStringLiteral("<p style='font-size:large'>Q = X · W<sub>Q</sub> + b<sub>Q</sub> &nbsp;&nbsp; "
                             "[%1, %2] · [%2, %3] → [%1, %3]</p>").arg(T).arg(w.hiddenSize).arg(w.headSize)
              + tr("K and V in the same way, with their own weights. One row per token:"));
    auto *plots = new QWidget;
    auto *row = new QHBoxLayout(plots);
    row->setContentsMargins(0, 0, 0, 0);
    for (const auto &[name, title] : {std::pair{"attention.q", "Q"}, {"attention.k", "K"}, {"attention.v", "V"}})
        row->addWidget(matrixPlot(w.tensor(name), labels, t, QString::fromLatin1(title)));
    page.widget(plots, std::clamp(T + 7, 14, 40)); // a readable row per token
    page.vector(tr("q of %1").arg(quoted(w.encoding.labels[size_t(t)])), w.row("attention.q"));
    page.vector(tr("k of %1").arg(quoted(w.encoding.labels[size_t(t)])), w.row("attention.k"));
    page.vector(tr("v of %1").arg(quoted(w.encoding.labels[size_t(t)])), w.row("attention.v"));
    addLinks(page.buttons(), {Link::Attention});
    return page.finish();
}

QWidget *WalkthroughView::scoresPage()
{
    const Walkthrough &w = *m_data;
    const int t = w.request.token, T = w.encoding.size();
    const std::vector<float> scores = w.row("attention.scores"), probs = w.row("attention.probs");
    PageBuilder page;
    page.title(tr("4. Who does %1 attend to?").arg(quoted(w.encoding.labels[size_t(t)])));
    page.text(tr("Its query is compared with every token's key: score<sub>j</sub> = q · k<sub>j</sub> / √d, with √d = %1 "
                 "(keeps the scores from growing with d). Padding tokens would get −∞ added here (the mask); one sentence "
                 "alone has no padding, so the mask adds 0. Softmax turns the scores into weights that are positive and "
                 "sum to 1: p<sub>j</sub> = e<sup>score<sub>j</sub></sup> / Σ<sub>k</sub> e<sup>score<sub>k</sub></sup>.")
                  .arg(number(std::sqrt(double(w.headSize)), 3)));
    QString table = "<table cellspacing=0 cellpadding=4 border=1 style='border-color:#999'><tr><td><b>j</b></td><td><b>"
                    + tr("token") + "</b></td><td><b>" + tr("score") + "</b></td><td><b>" + tr("mask") + "</b></td><td><b>"
                    + tr("weight p") + "</b></td></tr>";
    for (int j = 0; j < T; ++j)
        table += "<tr><td>" + QString::number(j) + "</td><td>" + QString::fromStdString(w.encoding.labels[size_t(j)]).toHtmlEscaped()
                 + "</td><td align=right>" + number(scores[size_t(j)]) + "</td><td align=right>+0</td><td align=right>"
                 + number(probs[size_t(j)]) + "</td></tr>";
    table += "<tr><td></td><td></td><td></td><td>Σ</td><td align=right>"
             + number(std::accumulate(probs.begin(), probs.end(), 0.0)) + "</td></tr></table>";
    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *tableLabel = new QLabel(table);
    tableLabel->setTextFormat(Qt::RichText);
    layout->addWidget(tableLabel, 0, Qt::AlignTop);
    auto *plot = new PlotWidget;
    auto *bars = new QCPBars(plot->xAxis, plot->yAxis);
    QVector<double> keys, values;
    for (int j = 0; j < T; ++j) {
        keys << j;
        values << probs[size_t(j)];
    }
    bars->setData(keys, values);
    bars->setBrush(QColor(66, 146, 198));
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (int j = 0; j < T; ++j)
        ticker->addTick(j, QString::fromStdString(w.encoding.labels[size_t(j)]));
    plot->xAxis->setTicker(ticker);
    plot->xAxis->setTickLabelRotation(T > 12 ? 60 : 0);
    plot->xAxis->setRange(-0.6, T - 0.4);
    plot->yAxis->setRange(0, 1);
    plot->yAxis->setLabel(tr("weight p"));
    plot->setInteractions({});
    layout->addWidget(plot, 1);
    page.widget(row, 16);
    page.text(tr("This row of weights is row %1 of the Attention tab at layer %2, head %3.").arg(t).arg(w.request.layer).arg(w.request.head + 1));
    addLinks(page.buttons(), {Link::Attention});
    return page.finish();
}

QWidget *WalkthroughView::weightedSumPage()
{
    const Walkthrough &w = *m_data;
    const int t = w.request.token, T = w.encoding.size();
    const std::vector<float> probs = w.row("attention.probs");
    PageBuilder page;
    page.title(tr("5. The weighted sum of the values"));
    page.text(tr("The head's output for %1 is the sum of every token's value vector, each multiplied by its weight: "
                 "c = Σ<sub>j</sub> p<sub>j</sub> v<sub>j</sub>. The tokens with the largest weights:")
                  .arg(quoted(w.encoding.labels[size_t(t)])));
    std::vector<int> order(static_cast<size_t>(T));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return probs[size_t(a)] > probs[size_t(b)]; });
    const int shown = std::min(T, 6);
    const std::vector<float> context = w.row("attention.context");
    double scale = 0; // one colour scale for the terms and their sum, so that they can be compared
    for (float v : context)
        scale = std::max(scale, double(std::abs(v)));
    for (int i = 0; i < shown; ++i)
        for (float v : w.row("attention.v", order[size_t(i)]))
            scale = std::max(scale, double(std::abs(v * probs[size_t(order[size_t(i)])])));
    for (int i = 0; i < shown; ++i) {
        const int j = order[size_t(i)];
        std::vector<float> weighted = w.row("attention.v", j);
        for (float &v : weighted)
            v *= probs[size_t(j)];
        page.vector(QString("%1 %2 × v(%3)").arg(i ? "+" : "").arg(number(probs[size_t(j)]))
                        .arg(QString::fromStdString(w.encoding.labels[size_t(j)]).toHtmlEscaped()),
                    weighted, scale);
    }
    if (T > shown)
        page.text(tr("+ %n more token(s) with smaller weights", nullptr, T - shown));
    page.vector(tr("<b>= c, this head's output</b>"), context, scale);
    page.text(tr("Every head does the same with its own weights. The %1 outputs of length %2 are put side by side into "
                 "one vector of length H = %3 and multiplied by W<sub>O</sub> [%3, %3] (+ b<sub>O</sub>):")
                  .arg(w.numHeads).arg(w.headSize).arg(w.hiddenSize));
    page.vector(tr("attention output (all heads, after W<sub>O</sub>)"), w.row("attention.output"));
    addLinks(page.buttons(), {Link::Attention});
    return page.finish();
}

QWidget *WalkthroughView::feedForwardPage()
{
    const Walkthrough &w = *m_data;
    PageBuilder page;
    page.title(tr("6. Add & norm, then the feed-forward network (layer %1)").arg(w.request.layer));
    page.text(tr("Residual connection: the attention output is added to the layer's input, so the vector is refined, "
                 "not replaced; then LayerNorm."));
    page.vector(tr("layer input x + attention output"), w.attentionNorm.input);
    page.text(tr("mean = %1, variance = %2").arg(number(w.attentionNorm.mean, 4), number(w.attentionNorm.variance, 4)));
    page.vector(tr("= after LayerNorm"), w.attentionNorm.output);
    page.text(tr("The feed-forward network works on each token alone: W₁ widens the vector to F = %1 numbers, the "
                 "activation (%2) lets mostly positive values through, W₂ brings it back to H = %3.")
                  .arg(w.intermediateSize).arg(QString::fromStdString(w.activation)).arg(w.hiddenSize));
    page.vector(tr("· W₁ + b₁"), w.row("ffn.intermediate"));
    auto *plot = new PlotWidget;
    QVector<double> cx(w.curveX.begin(), w.curveX.end()), cy(w.curveY.begin(), w.curveY.end());
    plot->addGraph();
    plot->graph(0)->setData(cx, cy);
    plot->graph(0)->setPen(QPen(QColor(120, 120, 120), 2));
    plot->addGraph();
    const std::vector<float> before = w.row("ffn.intermediate"), after = w.row("ffn.activated");
    QVector<double> px, py;
    for (size_t i = 0; i < before.size(); ++i)
        if (before[i] >= w.curveX.front() && before[i] <= w.curveX.back()) {
            px << before[i];
            py << after[i];
        }
    plot->graph(1)->setData(px, py);
    plot->graph(1)->setLineStyle(QCPGraph::lsNone);
    plot->graph(1)->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QColor(178, 24, 43), 5));
    plot->xAxis->setLabel(tr("value before the activation"));
    plot->yAxis->setLabel(tr("%1(value)").arg(QString::fromStdString(w.activation)));
    plot->rescaleAxes();
    page.widget(plot, 14);
    page.vector(tr("= activation (%1 values, red dots above)").arg(w.intermediateSize), after);
    page.vector(tr("· W₂ + b₂"), w.row("ffn.output"));
    page.vector(tr("+ the normed vector above"), w.outputNorm.input);
    page.text(tr("mean = %1, variance = %2").arg(number(w.outputNorm.mean, 4), number(w.outputNorm.variance, 4)));
    page.vector(tr("<b>= the output of layer %1</b>").arg(w.request.layer), w.outputNorm.output);
    QHBoxLayout *buttons = page.buttons();
    auto *previous = new QPushButton(tr("← Previous layer"));
    auto *next = new QPushButton(tr("Next layer →"));
    previous->setEnabled(w.request.layer > 1);
    next->setEnabled(w.request.layer < w.numLayers);
    connect(previous, &QPushButton::clicked, this, [this, l = w.request.layer] { Q_EMIT layerRequested(l - 1); });
    connect(next, &QPushButton::clicked, this, [this, l = w.request.layer] { Q_EMIT layerRequested(l + 1); });
    buttons->addWidget(previous);
    buttons->addWidget(next);
    addLinks(buttons, {Link::HiddenStates});
    return page.finish();
}

QWidget *WalkthroughView::outputPage()
{
    const Walkthrough &w = *m_data;
    const QString token = quoted(w.encoding.labels[size_t(w.request.token)]);
    PageBuilder page;
    page.title(tr("7. The contextual embedding"));
    page.text(tr("After all %1 layers the vector of %2 has taken in the whole sentence: this last layer's vector is its "
                 "contextual embedding. The same word in another sentence gets another vector.").arg(w.numLayers).arg(token));
    page.vector(tr("<b>%1 after layer %2</b>").arg(token).arg(w.numLayers), w.top);
    auto *plot = new PlotWidget;
    plot->addGraph();
    QVector<double> layers, norms;
    for (size_t l = 0; l < w.norms.size(); ++l) {
        layers << double(l);
        norms << w.norms[l];
    }
    plot->graph(0)->setData(layers, norms);
    plot->graph(0)->setPen(QPen(QColor(31, 119, 180), 3));
    plot->graph(0)->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 8));
    plot->xAxis->setLabel(tr("layer (0 = embeddings)"));
    // A short axis title (the long one is the plot's name) and room above the highest point.
    plot->yAxis->setLabel(tr("length ‖h‖"));
    plot->setTitle(tr("The length of %1's vector after each layer").arg(token));
    plot->rescaleAxes();
    plot->yAxis->setRange(0, plot->yAxis->range().upper * 1.15);
    plot->xAxis->setRange(-0.3, w.numLayers + 0.3);
    page.widget(plot, 12);
    if (!w.predictions.empty()) {
        QStringList guesses;
        for (const TokenPrediction &p : w.predictions)
            guesses << "<b>" + QString::fromStdString(p.token).toHtmlEscaped() + "</b> " + number(100 * p.probability, 1) + "%";
        page.text(tr("The masked-language-model head turns the vector back into a score for every word of the vocabulary. "
                     "At this position it guesses: %1").arg(guesses.join(", "))
                  + (w.encoding.roles[size_t(w.request.token)] == TokenRole::Mask
                         ? QString()
                         : " " + tr("(It sees the token itself here; double-click the token to mask it and see what the "
                                    "model expects from the context alone.)")));
    } else {
        page.text(tr("This model has no masked-language-model head, so it cannot say which word it expects here (%1).")
                      .arg(QString::fromStdString(w.mlmHeadMissing).toHtmlEscaped()));
    }
    addLinks(page.buttons(), {Link::HiddenStates, Link::Projection});
    return page.finish();
}

} // namespace bertlens
