#include "panels/input_panel.h"

#include "views/view_style.h"

#include "common/small_file.h"

#include <QFileInfo>

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QHBoxLayout>
#include <QMessageBox>
#include <QMimeData>
#include <QShortcut>
#include <QVBoxLayout>

namespace bertlens {

InputPanel::InputPanel(QWidget *parent) : QWidget(parent)
{
    m_sentencesLabel = new QLabel(this);
    m_sentences = new QPlainTextEdit(this);
    setFocusProxy(m_sentences);
    m_usePairs = new QCheckBox(this);
    m_pairs = new QPlainTextEdit(this);
    m_pairs->setVisible(false);
    m_layerLabel = new QLabel(this);
    m_layer = new QSpinBox(this);
    m_layerSlider = new QSlider(Qt::Horizontal, this);
    m_analyse = new QPushButton(this);
    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    m_windowLabel = new QLabel(this);
    m_window = new QSpinBox(this);
    m_window->setMinimum(1);
    m_windowLabel->setBuddy(m_window);
    keepFontScaled(m_sentences, 1.2);
    keepFontScaled(m_pairs, 1.2);
    // A sentence never needs a tab character: Tab moves on (a keyboard user is never trapped).
    m_sentences->setTabChangesFocus(true);
    m_pairs->setTabChangesFocus(true);
    m_sentencesLabel->setBuddy(m_sentences);
    m_layerLabel->setBuddy(m_layer);

    auto *layerRow = new QHBoxLayout;
    layerRow->addWidget(m_layerLabel);
    layerRow->addWidget(m_layer);
    layerRow->addWidget(m_layerSlider, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_sentencesLabel);
    layout->addWidget(m_sentences, 2);
    layout->addWidget(m_usePairs);
    layout->addWidget(m_pairs, 1);
    layout->addLayout(layerRow);
    layout->addWidget(m_analyse);
    layout->addWidget(m_note);
    auto *windowRow = new QHBoxLayout;
    windowRow->addWidget(m_windowLabel);
    windowRow->addWidget(m_window);
    windowRow->addStretch(1);
    layout->addLayout(windowRow);
    setWindows(1, 0);

    setAcceptDrops(true); // a text file dropped on the panel is opened
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(300);
    connect(&m_debounce, &QTimer::timeout, this, &InputPanel::inputsChanged);
    connect(m_sentences, &QPlainTextEdit::textChanged, &m_debounce, qOverload<>(&QTimer::start));
    connect(m_sentences, &QPlainTextEdit::textChanged, this, &InputPanel::updateNote); // at once, not after the pause
    connect(m_pairs, &QPlainTextEdit::textChanged, &m_debounce, qOverload<>(&QTimer::start));
    connect(m_usePairs, &QCheckBox::toggled, this, [this](bool on) {
        m_pairs->setVisible(on);
        m_debounce.start();
    });
    auto run = [this] {
        m_debounce.stop();
        Q_EMIT inputsChanged();
    };
    connect(m_analyse, &QPushButton::clicked, this, run);
    for (auto key : {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(key, this);
        shortcut->setContext(Qt::WindowShortcut);
        connect(shortcut, &QShortcut::activated, this, run);
    }
    connect(m_layer, &QSpinBox::valueChanged, m_layerSlider, &QSlider::setValue);
    connect(m_layerSlider, &QSlider::valueChanged, m_layer, &QSpinBox::setValue);
    connect(m_layer, &QSpinBox::valueChanged, this, &InputPanel::layerChanged);
    connect(m_window, &QSpinBox::valueChanged, this, [this](int shown) { Q_EMIT windowChanged(shown - 1); });
    setLayerCount(0);
    retranslateUi();
}

void InputPanel::setWindows(int count, int current)
{
    const QSignalBlocker quiet(m_window);
    m_window->setMaximum(std::max(1, count));
    m_window->setValue(current + 1);
    m_window->setVisible(count > 1);
    m_windowLabel->setVisible(count > 1);
}

void InputPanel::setMaskToken(const QString &mask)
{
    m_maskToken = mask.isEmpty() ? QString("[MASK]") : mask;
    retranslateUi();
}

void InputPanel::retranslateUi()
{
    m_sentencesLabel->setText(tr("Sentences (one per line, up to %1):").arg(kMaxSentences));
    m_sentences->setPlaceholderText(tr("Type a sentence, then another on the next line…"));
    m_usePairs->setText(tr("Sentence pairs: a second text for each line"));
    m_pairs->setPlaceholderText(tr("Second text of the pair, line by line"));
    m_layerLabel->setText(tr("Layer:"));
    m_windowLabel->setText(tr("&Long-sentence window:"));
    m_window->setToolTip(tr("Long sentences are read in overlapping windows of the model's length: which one the views show"));
    m_window->setAccessibleName(tr("Window of the long sentences"));
    m_layer->setToolTip(tr("0 = embeddings; every view shows this layer"));
    // Names a screen reader speaks (the labels are buddies, but not every reader follows them).
    m_sentences->setAccessibleName(tr("Sentences"));
    m_sentences->setAccessibleDescription(tr("One sentence per line; type %1 for a word the model should predict. "
                                             "The views follow 0.3 s after typing stops; Ctrl+Enter at once.")
                                              .arg(m_maskToken));
    m_pairs->setAccessibleName(tr("Second texts of the pairs"));
    m_layer->setAccessibleName(tr("Layer"));
    m_layerSlider->setAccessibleName(tr("Layer"));
    m_layer->setAccessibleDescription(m_layer->toolTip());
    m_layerSlider->setAccessibleDescription(m_layer->toolTip());
    m_analyse->setText(tr("Analyse (Ctrl+Enter)"));
    updateNote();
}

QString InputPanel::note() const { return m_note->text(); }

QString InputPanel::sentencesText() const { return m_sentences->toPlainText(); }

QString InputPanel::pairsText() const { return m_usePairs->isChecked() ? m_pairs->toPlainText() : QString(); }

QString InputPanel::loadFile(const QString &path)
{
    constexpr size_t kMaxBytes = 4 << 20; // far more than the window's 64 sentences
    QByteArray bytes;
    try {
        bytes = QByteArray::fromStdString(readSmallFile(path.toStdString(), kMaxBytes));
    } catch (const std::exception &e) {
        return QString::fromUtf8(e.what()) + (QFileInfo(path).size() > qint64(kMaxBytes) ? tr("; for corpora use bertlens-cli") : QString());
    }
    const QString text = QString::fromUtf8(bytes);
    if (text.toUtf8() != bytes)
        return tr("%1: not valid UTF-8").arg(path);
    QStringList sentences, pairs;
    bool anyPair = false;
    for (QString line : text.split('\n')) {
        if (line.endsWith('\r'))
            line.chop(1);
        const int tab = line.indexOf('\t');
        anyPair = anyPair || tab >= 0;
        sentences << (tab >= 0 ? line.left(tab) : line);
        pairs << (tab >= 0 ? line.mid(tab + 1) : QString());
    }
    while (!sentences.isEmpty() && sentences.last().trimmed().isEmpty()) {
        sentences.removeLast();
        pairs.removeLast();
    }
    setText(sentences.join('\n'), anyPair ? pairs.join('\n') : QString());
    return {};
}

void InputPanel::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls() && event->mimeData()->urls().size() == 1 && event->mimeData()->urls()[0].isLocalFile())
        event->acceptProposedAction();
}

void InputPanel::dropEvent(QDropEvent *event)
{
    const QString error = loadFile(event->mimeData()->urls()[0].toLocalFile());
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("Cannot open the sentences"), error);
    event->acceptProposedAction();
}

void InputPanel::replaceInSentence(int sentence, bool pair, int start, int end, const QString &with)
{
    QStringList lines = m_sentences->toPlainText().split('\n');
    QStringList pairLines = m_pairs->toPlainText().split('\n');
    int seen = -1;
    for (int i = 0; i < lines.size(); ++i) {
        if (lines[i].trimmed().isEmpty() || ++seen != sentence)
            continue;
        if (pair && i >= pairLines.size())
            return;
        QString &line = pair ? pairLines[i] : lines[i];
        // Offsets count code points; QString counts UTF-16 units.
        const QList<uint> cps = line.toUcs4();
        if (start < 0 || end > cps.size() || start >= end)
            return;
        line = QString::fromUcs4(reinterpret_cast<const char32_t *>(cps.constData()), start) + with
               + QString::fromUcs4(reinterpret_cast<const char32_t *>(cps.constData()) + end, cps.size() - end);
        if (pair)
            m_pairs->setPlainText(pairLines.join('\n'));
        else
            m_sentences->setPlainText(lines.join('\n'));
        return;
    }
}

int InputPanel::lineCount() const
{
    int count = 0;
    for (const QString &line : m_sentences->toPlainText().split('\n'))
        count += !line.trimmed().isEmpty();
    return count;
}

void InputPanel::setCutNote(const QString &note)
{
    m_cutNote = note;
    updateNote();
}

void InputPanel::updateNote()
{
    const int lines = lineCount();
    QStringList notes;
    if (lines > kMaxSentences)
        notes << tr("%1 sentences: only the first %2 are analysed.").arg(lines).arg(kMaxSentences);
    if (!m_cutNote.isEmpty())
        notes << m_cutNote;
    m_note->setText(notes.join('\n'));
    m_note->setVisible(!m_note->text().isEmpty());
}

void InputPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void InputPanel::setText(const QString &sentences, const QString &pairs)
{
    m_sentences->setPlainText(sentences);
    m_pairs->setPlainText(pairs);
    m_usePairs->setChecked(!pairs.isEmpty());
}

std::vector<SentenceInput> InputPanel::inputs() const
{
    std::vector<SentenceInput> out;
    const QStringList lines = m_sentences->toPlainText().split('\n');
    const QStringList pairLines = m_pairs->toPlainText().split('\n');
    for (int i = 0; i < lines.size() && int(out.size()) < kMaxSentences; ++i) {
        if (lines[i].trimmed().isEmpty())
            continue;
        SentenceInput in;
        in.text = lines[i].toStdString();
        if (m_usePairs->isChecked() && i < pairLines.size() && !pairLines[i].trimmed().isEmpty()) {
            in.pair = pairLines[i].toStdString();
            in.hasPair = true;
        }
        out.push_back(in);
    }
    return out;
}

void InputPanel::setLayerCount(int layers)
{
    m_layer->setRange(0, layers);
    m_layerSlider->setRange(0, layers);
    m_layerSlider->setTickPosition(QSlider::TicksBelow);
}

} // namespace bertlens
