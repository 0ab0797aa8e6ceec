#include "views/corpus_view.h"

#include "session/corpus_session.h"
#include "views/map_controls.h"
#include "views/map_text.h"
#include "views/plot_widget.h"
#include "views/view_style.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QComboBox>
#include <QSpinBox>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <map>

namespace bertlens {

namespace {

constexpr int kColouredLabels = 8;  // the most frequent labels get colours; the others are grey

// The line with the hit's token marked «like this».
QString markedLine(const std::string &text, int begin, int end)
{
    const QList<uint> cps = QString::fromStdString(text).toUcs4();
    auto part = [&](int from, int to) {
        from = std::clamp(from, 0, int(cps.size()));
        to = std::clamp(to, from, int(cps.size()));
        return QString::fromUcs4(reinterpret_cast<const char32_t *>(cps.constData()) + from, to - from);
    };
    return part(0, begin) + "«" + part(begin, end) + "»" + part(end, int(cps.size()));
}

} // namespace

CorpusView::CorpusView(const CorpusSession *corpus, QWidget *parent) : QWidget(parent), m_corpus(corpus)
{
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_open = new QPushButton(this);
    m_word = new QLineEdit(this);
    m_word->setClearButtonEnabled(true);
    m_query = new QLineEdit(this);
    m_query->setClearButtonEnabled(true);
    m_tokenTitle = new QLabel(this);
    m_tokenTitle->setWordWrap(true);
    m_lineHits = new QListWidget(this);
    m_tokenHits = new QListWidget(this);
    m_plot = new PlotWidget(this);
    m_plot->legend->setVisible(true);
    m_plot->setMouseTracking(true);
    m_controls = new MapControls(2, 8, 50, this);

    auto *top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(m_open);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_word);
    leftLayout->addWidget(m_controls);
    leftLayout->addWidget(m_plot, 1);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_query);
    rightLayout->addWidget(m_lineHits, 1);
    rightLayout->addWidget(m_tokenTitle);
    rightLayout->addWidget(m_tokenHits, 1);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);

    connect(m_open, &QPushButton::clicked, this, &CorpusView::openRequested);
    connect(m_controls->methodBox(), &QComboBox::activated, this, &CorpusView::requestMap);
    connect(m_controls->seedBox(), &QSpinBox::editingFinished, this, &CorpusView::requestMap);
    auto requestClusters = [this] {
        Q_EMIT clustersRequested(m_controls->colourBox()->currentIndex() == 1 ? m_controls->clustersBox()->value() : 0);
    };
    connect(m_controls->colourBox(), &QComboBox::activated, this, requestClusters);
    connect(m_controls->clustersBox(), &QSpinBox::editingFinished, this, requestClusters);
    connect(m_controls->stopButton(), &QToolButton::clicked, this, &CorpusView::stopRequested);
    connect(m_query, &QLineEdit::returnPressed, this, [this] { Q_EMIT searchRequested(m_query->text()); });
    connect(m_word, &QLineEdit::textChanged, this, [this] {
        ringWord();
        m_plot->replot();
    });
    for (QListWidget *list : {m_lineHits, m_tokenHits})
        connect(list, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) { Q_EMIT lineChosen(item->data(Qt::UserRole).toString()); });
    connect(m_plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent *event) {
        const int i = lineAt(event->position());
        if (i < 0) {
            QToolTip::hideText();
            return;
        }
        const CorpusLine &l = m_corpus->lines()[size_t(i)];
        QToolTip::showText(event->globalPosition().toPoint(),
                           tr("line %1: %2").arg(l.line + 1).arg(QString::fromStdString(l.text))
                               + (l.label.empty() ? QString() : " [" + QString::fromStdString(l.label) + "]"),
                           m_plot);
    });
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, [this](QMouseEvent *event) {
        const int i = lineAt(event->position());
        if (i >= 0)
            Q_EMIT lineChosen(QString::fromStdString(m_corpus->lines()[size_t(i)].text));
    });
    retranslateUi();
}

void CorpusView::requestMap()
{
    m_controls->seedBox()->setVisible(m_controls->method() != MapMethod::Pca);
    Q_EMIT mapRequested(m_controls->method(), m_controls->seedBox()->value());
}

QString CorpusView::qualityText() const { return m_controls->description(); }

QComboBox *CorpusView::methodBox() const { return m_controls->methodBox(); }

void CorpusView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void CorpusView::retranslateUi()
{
    m_word->setAccessibleName(tr("Ring the lines containing a word"));
    m_query->setAccessibleName(tr("Find lines like this one"));
    m_lineHits->setAccessibleName(tr("Corpus lines nearest to the query"));
    m_tokenHits->setAccessibleName(tr("Occurrences nearest to the selected token"));
    m_open->setText(tr("Open corpus…"));
    m_open->setToolTip(tr("A text file, one sentence per line (TEXT or TEXT<TAB>LABEL), up to 100,000 lines"));
    m_word->setPlaceholderText(tr("Ring the lines containing a word…"));
    m_query->setPlaceholderText(tr("Find lines like this one (Enter)…"));
    m_summary->setText(m_corpus->isOpen() ? m_corpus->summary()
                                          : tr("No corpus: open a text file to search it by meaning and see all its lines at once."));
    m_controls->retranslate(tr("Map method of the corpus"), tr("Seed of the corpus map"), tr("Colour the corpus lines by"),
                            tr("Number of k-means clusters of the corpus"), {tr("Colour by label"), tr("Colour by k-means cluster")});
    const auto projection = m_corpus->projection();
    const MapMethod shown = projection ? projection->method : MapMethod::Pca;
    QStringList quality;
    if (projection && shown != MapMethod::Pca)
        quality << (projection->map ? MapText::figures(*projection->map) : MapText::forming(shown, m_controls->seedBox()->value(), projection->step, projection->steps));
    if (projection && shown == MapMethod::Pca && projection->pcaQuality)
        quality << MapText::planeQuality(*projection->pcaQuality);
    if (projection && !projection->clusters.empty())
        quality << MapText::clusters(m_controls->clustersBox()->value(), projection->silhouette);
    m_controls->setDescription(quality);
    m_controls->stopButton()->setVisible(projection && projection->method != MapMethod::Pca && !projection->map);
    const std::vector<double> noRatio;
    m_plot->xAxis->setLabel(MapText::axis(shown, 0, projection ? projection->explainedRatio : noRatio));
    m_plot->yAxis->setLabel(MapText::axis(shown, 1, projection ? projection->explainedRatio : noRatio));
    for (int g = 0; g < m_plot->graphCount() && g < int(m_labels.size()); ++g)
        m_plot->graph(g)->setName(m_labels[size_t(g)].isEmpty() ? tr("lines") : m_labels[size_t(g)]);
    if (m_ringed)
        m_ringed->setName(tr("containing “%1”").arg(m_word->text()));
    m_tokenTitle->setText(m_corpus->tokenHits().empty()
                              ? tr("Click a token in the window: its nearest occurrences in the corpus appear here.")
                              : tr("Occurrences nearest to “%1” (cosine; double-click one to add its line to the input):").arg(m_corpus->query()));
    m_plot->replot();
}

void CorpusView::showCorpus()
{
    m_plot->clearGraphs();
    m_ringed = nullptr;
    m_labels.clear();
    const auto projection = m_corpus->projection();
    const auto &lines = m_corpus->lines();
    if (projection) { // the controls say what is shown, however it was asked for
        m_controls->methodBox()->setCurrentIndex(m_controls->methodBox()->findData(int(projection->method)));
        m_controls->seedBox()->setVisible(projection->method != MapMethod::Pca);
        if (!projection->clusters.empty()) // (while they are computed, the choice stays as the user made it)
            m_controls->colourBox()->setCurrentIndex(1);
        m_controls->clustersBox()->setVisible(m_controls->colourBox()->currentIndex() == 1);
    }
    if (m_corpus->isOpen() && projection) {
        // One graph per frequent label (their colours), one for the rest — or one per cluster.
        const bool byCluster = projection->clusters.size() == lines.size();
        auto groupOf = [&](size_t i) { return byCluster ? tr("cluster %1").arg(projection->clusters[i] + 1).toStdString() : lines[i].label; };
        std::map<std::string, int> counts;
        for (size_t i = 0; i < lines.size(); ++i)
            ++counts[groupOf(i)];
        std::vector<std::pair<int, std::string>> byCount;
        for (const auto &[label, n] : counts)
            byCount.push_back({-n, label});
        std::sort(byCount.begin(), byCount.end());
        if (byCluster) // clusters in their order
            std::sort(byCount.begin(), byCount.end(), [&](const auto &a, const auto &b) {
                return QString::fromStdString(a.second).section(' ', -1).toInt() < QString::fromStdString(b.second).section(' ', -1).toInt();
            });
        std::map<std::string, int> graphOf;
        const size_t coloured = byCluster ? byCount.size() : size_t(kColouredLabels);
        for (size_t i = 0; i < byCount.size() && i < coloured; ++i)
            graphOf[byCount[i].second] = int(i);
        const int others = int(std::min(byCount.size(), coloured));
        std::vector<QVector<QCPGraphData>> data(size_t(others + 1));
        for (size_t i = 0; i < lines.size(); ++i) {
            const auto it = graphOf.find(groupOf(i));
            data[size_t(it == graphOf.end() ? others : it->second)].push_back({projection->x[i], projection->y[i]});
        }
        for (size_t g = 0; g < data.size(); ++g) {
            if (data[g].isEmpty())
                continue;
            QCPGraph *graph = m_plot->addGraph();
            const QColor colour = int(g) == others ? QColor(150, 150, 150) : sentenceColour(int(g));
            graph->setLineStyle(QCPGraph::lsNone);
            // A shape per label as well as a colour (colour-blind readers); dots only where 100k points
            // would make shapes a blur anyway.
            graph->setScatterStyle(lines.size() > 20000 ? QCPScatterStyle(QCPScatterStyle::ssDot, QPen(colour, 3), Qt::NoBrush, 1)
                                                        : QCPScatterStyle(int(g) == others ? QCPScatterStyle::ssCircle : sentenceShape(int(g)), QPen(colour, 2), colour, 7));
            // Antialiased discs cost most of a frame at 100k points; at 3 px nobody sees the difference.
            graph->setAntialiasedScatters(lines.size() <= 20000);
            std::sort(data[g].begin(), data[g].end(), [](const QCPGraphData &a, const QCPGraphData &b) { return a.key < b.key; });
            graph->data()->set(data[g], true);
            m_labels.push_back(int(g) == others ? tr("other labels") : QString::fromStdString(byCount[g].second));
        }
        m_plot->legend->setVisible(counts.size() > 1);
        m_plot->rescaleAxes();
        m_plot->xAxis->scaleRange(1.1);
        m_plot->yAxis->scaleRange(1.1);
    }
    ringWord();
    showHits();
}

void CorpusView::ringWord()
{
    if (m_ringed) {
        m_plot->removeGraph(m_ringed);
        m_ringed = nullptr;
    }
    const auto projection = m_corpus->projection();
    const QString word = m_word->text().trimmed();
    if (word.isEmpty() || !projection)
        return;
    QVector<QCPGraphData> ringed;
    for (int i : m_corpus->linesContaining(word))
        ringed.push_back({projection->x[size_t(i)], projection->y[size_t(i)]});
    std::sort(ringed.begin(), ringed.end(), [](const QCPGraphData &a, const QCPGraphData &b) { return a.key < b.key; });
    m_ringed = m_plot->addGraph();
    m_ringed->setLineStyle(QCPGraph::lsNone);
    m_ringed->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(QColor(230, 120, 0), 2), Qt::NoBrush, 11));
    m_ringed->data()->set(ringed, true);
    m_ringed->setName(tr("containing “%1”").arg(word));
}

void CorpusView::showHits()
{
    m_lineHits->clear();
    m_tokenHits->clear();
    if (m_corpus->isOpen()) {
        for (const SentenceHit &h : m_corpus->lineHits()) {
            const auto it = std::lower_bound(m_corpus->lines().begin(), m_corpus->lines().end(), h.line,
                                             [](const CorpusLine &l, long long n) { return l.line < n; });
            const QString text = QString::fromStdString(it->text);
            auto *item = new QListWidgetItem(QString("%1   %2: %3").arg(h.score, 0, 'f', 3).arg(h.line + 1).arg(text), m_lineHits);
            item->setData(Qt::UserRole, text);
        }
        for (const TokenHit &h : m_corpus->tokenHits()) {
            const auto it = std::lower_bound(m_corpus->lines().begin(), m_corpus->lines().end(), h.line,
                                             [](const CorpusLine &l, long long n) { return l.line < n; });
            auto *item = new QListWidgetItem(QString("%1   %2: %3").arg(h.score, 0, 'f', 3).arg(h.line + 1).arg(markedLine(it->text, h.begin, h.end)),
                                             m_tokenHits);
            item->setData(Qt::UserRole, QString::fromStdString(it->text));
        }
    }
    retranslateUi();
}

int CorpusView::lineAt(const QPointF &pixel) const
{
    const auto projection = m_corpus->projection();
    if (!projection)
        return -1;
    int best = -1;
    double bestDistance = 6;
    for (size_t i = 0; i < projection->x.size(); ++i) {
        const double d = QLineF(pixel, QPointF(m_plot->xAxis->coordToPixel(projection->x[i]), m_plot->yAxis->coordToPixel(projection->y[i]))).length();
        if (d < bestDistance) {
            bestDistance = d;
            best = int(i);
        }
    }
    return best;
}

int CorpusView::pointCount() const
{
    int n = 0;
    for (int g = 0; g < m_plot->graphCount(); ++g)
        if (m_plot->graph(g) != m_ringed)
            n += m_plot->graph(g)->dataCount();
    return n;
}

int CorpusView::ringedCount() const { return m_ringed ? m_ringed->dataCount() : 0; }

} // namespace bertlens
