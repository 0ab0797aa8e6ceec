#pragma once

#include <qcustomplot.h>

#include <functional>
#include <string>

namespace bertlens {

// A QCustomPlot with what every BertLens plot shares: readable fonts, zoom/pan, a context menu
// that saves the plot as PNG or PDF at a size the user picks, and its numbers as a table
// (Ctrl+T) or CSV — what a screen reader's user, or anyone wanting exact values, reads instead.
class PlotWidget : public QCustomPlot {
    Q_OBJECT

public:
    explicit PlotWidget(QWidget *parent = nullptr);
    // Renders the plot offscreen with its title and source above it; the format follows the
    // suffix (.png or .pdf).
    bool saveTo(const QString &path, int width, int height);
    // What the plot shows in words (view, sentence, layer, head, words or pieces): the title of a
    // saved picture, and the name a screen reader gives the plot.
    void setTitle(const QString &title);
    QString title() const { return m_title; }
    // The model the numbers come from: the line under a saved picture's title.
    void setSource(const QString &source) { m_source = source; }
    // The numbers this plot shows, as CSV ("export what this view shows"); the context menu
    // offers to save them when a view provides them.
    void setDataProvider(std::function<std::string()> provider) { m_data = std::move(provider); }
    // The view's numbers, or without a provider every graph's points and colour map's cells.
    std::string dataCsv() const { return m_data ? m_data() : plottedCsv(); }
    // The numbers in a table dialog (Ctrl+T, or the context menu); returns it, shown.
    QDialog *showTable();
    // Gives every axis, colour scale and legend the plot's font (and, in high contrast, bolder lines).
    void applyFonts();

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;
    virtual void retranslateUi() {}

private:
    std::string plottedCsv() const;
    std::function<std::string()> m_data;
    QString m_title, m_source;
};

// Colour gradients: sequential (white to deep blue) for probabilities, diverging (blue, white,
// red) for signed values such as cosine similarity.
QCPColorGradient sequentialGradient();
QCPColorGradient divergingGradient();

} // namespace bertlens
