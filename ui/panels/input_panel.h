#pragma once

#include "analysis/sentence_analysis.h"

#include <QCheckBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QTimer>
#include <QWidget>

namespace bertlens {

// The user's sentences (one per non-empty line, up to kMaxSentences), optional pair texts, and
// the layer shown by every view. Emits the inputs 300 ms after typing stops, or at once on
// Ctrl+Enter.
class InputPanel : public QWidget {
    Q_OBJECT

public:
    static constexpr int kMaxSentences = 64;

    explicit InputPanel(QWidget *parent = nullptr);
    void setText(const QString &sentences, const QString &pairs = QString());
    QString sentencesText() const;
    QString pairsText() const;
    // One sentence per line, "A<TAB>B" for a pair, as `bertlens-cli --pairs` reads them. Returns an
    // error message naming the file, or an empty string.
    QString loadFile(const QString &path);
    std::vector<SentenceInput> inputs() const;
    // Replaces code points [start, end) of a sentence's text (its pair text when `pair`) with
    // `with`: how a token is masked from the token strip. Sentences count non-empty lines, as inputs().
    void replaceInSentence(int sentence, bool pair, int start, int end, const QString &with);
    // Non-empty lines typed, also those beyond kMaxSentences.
    int lineCount() const;
    QString note() const;
    // What the model could not read (sentences cut at its length), shown with the note on lines.
    void setCutNote(const QString &note);
    void setLayerCount(int layers);
    // The model's mask token ("[MASK]", "<mask>"), which the hints tell the user to type.
    void setMaskToken(const QString &mask);
    // A sentence longer than the model takes is shown one overlapping window at a time: the
    // selector appears when there are `count` > 1 windows (`current` 0-based).
    void setWindows(int count, int current);
    int layer() const { return m_layer->value(); }
    void setLayer(int layer) { m_layer->setValue(layer); }

Q_SIGNALS:
    void inputsChanged();
    void layerChanged(int layer);
    // The overlapping window of long sentences the views show (0-based).
    void windowChanged(int window);

protected:
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void retranslateUi();
    void updateNote();
    QLabel *m_sentencesLabel;
    QPlainTextEdit *m_sentences;
    QCheckBox *m_usePairs;
    QPlainTextEdit *m_pairs;
    QLabel *m_layerLabel;
    QSpinBox *m_layer;
    QSlider *m_layerSlider;
    QPushButton *m_analyse;
    QLabel *m_note;
    QLabel *m_windowLabel;
    QSpinBox *m_window;
    QTimer m_debounce;
    QString m_cutNote;
    QString m_maskToken = "[MASK]";
};

} // namespace bertlens
