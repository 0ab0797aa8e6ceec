#pragma once

#include "analysis/matrix.h"
#include "views/plot_widget.h"

#include <QStringList>

namespace bertlens {

// A labelled matrix heatmap with a colour scale: hover shows the exact value, arrow keys move
// a cursor cell, Enter or a click reports the cell.
class HeatmapPlot : public PlotWidget {
    Q_OBJECT

public:
    explicit HeatmapPlot(QWidget *parent = nullptr);
    // Matrices up to this many rows and columns show their numbers in the cells.
    static constexpr int kMaxNumberedSide = 8;

    // rowLabels/columnLabels may be empty (then indices are shown). The colour range is fixed.
    void setMatrix(const Matrix &m, const QStringList &rowLabels, const QStringList &columnLabels, QCPRange range,
                   const QCPColorGradient &gradient);
    void setAxisTitles(const QString &rows, const QString &columns, const QString &scale);
    void clearMatrix();
    // Outlines one whole row (the selected token); -1 for none.
    void setHighlightedRow(int row);
    int highlightedRow() const { return m_highlightedRow; }
    // The keyboard cursor cell, or (-1, -1) while it is hidden.
    QPoint cursorCell() const;
    // The matrix with its row and column labels, as CSV.
    std::string matrixCsv() const;

    int rowCount() const { return m_rows; }
    int columnCount() const { return m_columns; }
    double cellValue(int row, int column) const;
    // The numbers written in the cells (small matrices only), row by row.
    QStringList cellNumbers() const;
    QString rowLabel(int row) const { return m_rowLabels.value(row, QString::number(row)); }
    QString columnLabel(int column) const { return m_columnLabels.value(column, QString::number(column)); }

Q_SIGNALS:
    void cellActivated(int row, int column);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    bool cellAt(const QPoint &pos, int &row, int &column) const;
    virtual QString cellText(int row, int column) const;

private:
    void onMouseMove(QMouseEvent *event);
    void onMousePress(QMouseEvent *event);
    void moveCursor(int row, int column);
    void setTicks(QCPAxis *axis, const QStringList &labels, int count);
    void showCellValues(const Matrix &m, QCPRange range, QCPColorGradient gradient); // color() is not const

    QCPColorMap *m_map;
    QCPColorScale *m_scale;
    QCPItemRect *m_cursor;
    QCPItemRect *m_rowHighlight;
    std::vector<QCPItemText *> m_cellTexts;
    int m_highlightedRow = -1;
    QStringList m_rowLabels, m_columnLabels;
    int m_rows = 0, m_columns = 0;
    int m_cursorRow = 0, m_cursorColumn = 0;
};

} // namespace bertlens
