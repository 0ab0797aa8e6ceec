#include "panels/explain_panel.h"

#include "common/error.h"
#include "panels/score_strip.h"

#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

namespace bertlens {

namespace {

QString number(double value) { return QString::number(value, 'f', 3); }

// "2:1, 3:4" and "5" as the line edits show a knock-out (heads from 1, as the CLI).
std::pair<QString, QString> knockoutTexts(const Knockout &k)
{
    QStringList heads, ffn;
    for (const auto &[layer, head] : k.heads)
        heads << QString("%1:%2").arg(layer).arg(head + 1);
    for (int layer : k.ffn)
        ffn << QString::number(layer);
    return {heads.join(", "), ffn.join(", ")};
}

} // namespace

ExplainPanel::ExplainPanel(QWidget *parent) : QWidget(parent)
{
    m_title = new QLabel(this);
    m_title->setWordWrap(true);
    m_methodLabel = new QLabel(this);
    m_method = new QComboBox(this);
    m_methodLabel->setBuddy(m_method);
    m_targetLabel = new QLabel(this);
    m_target = new QComboBox(this);
    m_targetLabel->setBuddy(m_target);
    m_other = new QSpinBox(this);
    m_other->setRange(1, 1);
    m_scores = new ScoreStrip(this);
    m_figures = new QLabel(this);
    m_figures->setWordWrap(true);
    m_figures->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_knockoutLabel = new QLabel(this);
    m_headsLabel = new QLabel(this);
    m_heads = new QLineEdit(this);
    m_headsLabel->setBuddy(m_heads);
    m_ffnLabel = new QLabel(this);
    m_ffn = new QLineEdit(this);
    m_ffnLabel->setBuddy(m_ffn);
    m_ffn->setMaximumWidth(90);
    m_reset = new QPushButton(this);
    m_importance = new QPushButton(this);

    auto *choices = new QHBoxLayout;
    choices->addWidget(m_methodLabel);
    choices->addWidget(m_method);
    choices->addSpacing(8);
    choices->addWidget(m_targetLabel);
    choices->addWidget(m_target);
    choices->addWidget(m_other);
    choices->addStretch(1);
    auto *knockouts = new QHBoxLayout;
    knockouts->addWidget(m_knockoutLabel);
    knockouts->addWidget(m_headsLabel);
    knockouts->addWidget(m_heads, 1);
    knockouts->addWidget(m_ffnLabel);
    knockouts->addWidget(m_ffn);
    knockouts->addWidget(m_reset);
    knockouts->addWidget(m_importance);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->addWidget(m_title);
    layout->addLayout(choices);
    layout->addWidget(m_scores, 1);
    layout->addWidget(m_figures);
    layout->addLayout(knockouts);

    connect(m_method, &QComboBox::currentIndexChanged, this, &ExplainPanel::settingsChanged);
    connect(m_target, &QComboBox::currentIndexChanged, this, [this] {
        m_other->setVisible(target() == TargetKind::Similarity);
        Q_EMIT settingsChanged();
    });
    connect(m_other, &QSpinBox::valueChanged, this, &ExplainPanel::settingsChanged);
    connect(m_heads, &QLineEdit::editingFinished, this, &ExplainPanel::applyTypedKnockout);
    connect(m_ffn, &QLineEdit::editingFinished, this, &ExplainPanel::applyTypedKnockout);
    connect(m_reset, &QPushButton::clicked, this, [this] { Q_EMIT knockoutEdited({}); });
    connect(m_importance, &QPushButton::clicked, this, &ExplainPanel::importanceRequested);
    m_other->setVisible(false);
    retranslateUi();
}

void ExplainPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ExplainPanel::retranslateUi()
{
    const QSignalBlocker methodBlocker(m_method), targetBlocker(m_target);
    const int method = std::max(0, m_method->currentIndex()), target = std::max(0, m_target->currentIndex());
    m_method->clear();
    m_method->addItem(tr("Occlusion"), int(ExplainMethod::Occlusion));
    m_method->addItem(tr("Gradient × input"), int(ExplainMethod::Gradient));
    m_method->addItem(tr("Integrated gradients"), int(ExplainMethod::IntegratedGradients));
    m_method->setCurrentIndex(method);
    m_method->setToolTip(tr("Occlusion: how much the target drops when a token's word embedding is replaced by [PAD]'s.\n"
                            "Gradient × input: the first-order estimate of the same.\n"
                            "Integrated gradients: the gradient averaged along the way from an all-[PAD] input, "
                            "whose scores add up to the change in the target."));
    m_target->clear();
    m_target->addItem(tr("the [MASK]'s prediction"), int(TargetKind::Mask));
    m_target->addItem(tr("similarity with sentence"), int(TargetKind::Similarity));
    m_target->setCurrentIndex(target);
    m_methodLabel->setText(tr("&Method:"));
    m_targetLabel->setText(tr("E&xplain:"));
    m_other->setAccessibleName(tr("The sentence compared"));
    m_knockoutLabel->setText(tr("Knocked out:"));
    m_headsLabel->setText(tr("hea&ds"));
    m_heads->setPlaceholderText(tr("layer:head, e.g. 2:1, 3:4"));
    m_heads->setToolTip(tr("Heads switched off in everything the window computes (layers 1..%1, heads 1..%2); "
                           "right-click a map in the Overview to knock it out.")
                            .arg(m_numLayers).arg(m_numHeads));
    m_ffnLabel->setText(tr("FF&N"));
    m_ffn->setPlaceholderText(tr("layers"));
    m_ffn->setToolTip(tr("Feed-forward blocks switched off (their layer numbers)"));
    m_reset->setText(tr("Rese&t"));
    m_reset->setToolTip(tr("Switch every head and FFN block on again"));
    m_importance->setText(tr("Head &importance"));
    m_importance->setToolTip(tr("What each head and FFN block contributes to the target: "
                                "the target minus the target with that one part knocked out"));
    m_scores->setAccessibleName(tr("The tokens coloured by their scores"));
    refill();
}

ExplainMethod ExplainPanel::method() const { return ExplainMethod(m_method->currentData().toInt()); }
TargetKind ExplainPanel::target() const { return TargetKind(m_target->currentData().toInt()); }
void ExplainPanel::setMethod(ExplainMethod method) { m_method->setCurrentIndex(m_method->findData(int(method))); }
void ExplainPanel::setTarget(TargetKind target) { m_target->setCurrentIndex(m_target->findData(int(target))); }

int ExplainPanel::otherSentence() const { return m_other->value() - 1; }

void ExplainPanel::setSentenceCount(int count)
{
    const QSignalBlocker blocker(m_other);
    m_other->setRange(1, std::max(1, count));
}

void ExplainPanel::setKnockout(const Knockout &knockout, int numLayers, int numHeads)
{
    m_numLayers = numLayers;
    m_numHeads = numHeads;
    const auto [heads, ffn] = knockoutTexts(knockout);
    m_heads->setText(heads);
    m_ffn->setText(ffn);
    m_heads->setStyleSheet(QString());
    m_reset->setEnabled(!knockout.empty());
    retranslateUi();
}

void ExplainPanel::applyTypedKnockout()
{
    try {
        const Knockout k = parseKnockout(m_heads->text().toStdString(), m_ffn->text().toStdString(), m_numLayers, m_numHeads);
        m_heads->setStyleSheet(QString());
        m_heads->setToolTip(QString());
        Q_EMIT knockoutEdited(k);
    } catch (const Error &e) {
        m_heads->setStyleSheet("QLineEdit { border: 2px solid #d55e00; }");
        m_figures->setText(QString::fromStdString(e.what()));
    }
}

void ExplainPanel::showExplanation(std::shared_ptr<const Explanation> explanation, const QString &unavailable, bool words)
{
    m_explanation = std::move(explanation);
    m_unavailable = unavailable;
    m_words = words;
    refill();
}

void ExplainPanel::refill()
{
    const Explanation *e = m_explanation.get();
    if (!e || !m_unavailable.isEmpty()) {
        m_title->setText(m_unavailable.isEmpty() ? tr("Why did the model say that?") : m_unavailable);
        m_scores->clear();
        m_figures->clear();
        return;
    }
    const Attribution &a = e->attribution;
    const bool mask = e->settings.kind == TargetKind::Mask;
    const QString token = QString::fromStdString(e->token);
    m_title->setText(mask ? tr("Which tokens make the model predict “%1” at the [MASK] of sentence %2?").arg(token).arg(e->sentences[0] + 1)
                          : tr("Which tokens make sentences %1 and %2 similar?").arg(e->sentences[0] + 1).arg(e->sentences.size() > 1 ? e->sentences[1] + 1 : 0));
    QStringList rows;
    std::vector<std::vector<QString>> labels;
    std::vector<std::vector<double>> scores;
    for (size_t text = 0; text < a.scores.size(); ++text) {
        if (a.scores.size() > 1)
            rows << tr("%1:").arg(e->sentences[text] + 1);
        std::vector<QString> l;
        for (const std::string &s : m_words ? e->words[text] : a.encodings[text].labels)
            l.push_back(QString::fromStdString(s));
        labels.push_back(l);
        scores.push_back(m_words ? e->wordScores[text] : a.scores[text]);
    }
    m_scores->setScores(rows, labels, scores);
    const QString target = mask ? tr("log p(%1)").arg(token) : tr("cosine");
    QString figures = std::isnan(e->before) ? tr("%1 = %2").arg(target, number(a.target))
                                            : tr("%1 = %2 → %3 with the knock-outs").arg(target, number(e->before), number(a.target));
    if (a.hasBaseline())
        figures += tr("; at the [PAD] baseline %1, a change of %2; Σ scores = %3 (completeness error %4 %, %5 steps)")
                       .arg(number(a.baseline), number(a.target - a.baseline), number(a.sum))
                       .arg(100 * a.completenessError(), 0, 'f', 2).arg(a.steps);
    else
        figures += tr("; Σ scores = %1").arg(number(a.sum));
    m_figures->setText(figures);
}

} // namespace bertlens
