#include "views/heatmap_plot.h"

#include "export/csv_format.h"

#include <QToolTip>

namespace bertlens {

HeatmapPlot::HeatmapPlot(QWidget *parent) : PlotWidget(parent)
{
    m_map = new QCPColorMap(xAxis, yAxis);
    m_scale = new QCPColorScale(this);
    plotLayout()->addElement(0, 1, m_scale);
    m_scale->setType(QCPAxis::atRight);
    m_map->setColorScale(m_scale);
    m_map->setInterpolate(false);
    m_map->setVisible(false); // nothing until there is a matrix: no placeholder flashes at start-up
    auto *margins = new QCPMarginGroup(this);
    axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    m_scale->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    yAxis->setRangeReversed(true); // row 0 at the top, as in a matrix
    xAxis->setTickLabelRotation(60);
    xAxis->grid()->setVisible(false);
    yAxis->grid()->setVisible(false);
    m_cursor = new QCPItemRect(this);
    m_cursor->setPen(QPen(QColor(255, 140, 0), 2));
    m_cursor->setVisible(false);
    m_rowHighlight = new QCPItemRect(this);
    m_rowHighlight->setPen(QPen(QColor(220, 30, 60), 3));
    m_rowHighlight->setVisible(false);
    setMouseTracking(true);
    setDataProvider([this] { return matrixCsv(); });
    connect(this, &QCustomPlot::mouseMove, this, &HeatmapPlot::onMouseMove);
    connect(this, &QCustomPlot::mousePress, this, &HeatmapPlot::onMousePress);
}

void HeatmapPlot::setTicks(QCPAxis *axis, const QStringList &labels, int count)
{
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    // With many rows (hidden dimensions) label a readable subset.
    const int step = labels.isEmpty() ? std::max(1, count / 12) : std::max(1, count / 80);
    for (int i = 0; i < count; i += step)
        ticker->addTick(i, labels.isEmpty() ? QString::number(i) : labels.value(i));
    axis->setTicker(ticker);
    axis->setSubTicks(false);
}

void HeatmapPlot::setMatrix(const Matrix &m, const QStringList &rowLabels, const QStringList &columnLabels, QCPRange range,
                            const QCPColorGradient &gradient)
{
    // Another sentence (other rows): the keyboard cursor starts again at the top.
    if (rowLabels != m_rowLabels || m.rows != m_rows) {
        m_cursorRow = m_cursorColumn = 0;
        m_cursor->setVisible(false);
    }
    m_rows = m.rows;
    m_columns = m.cols;
    m_rowLabels = rowLabels;
    m_columnLabels = columnLabels;
    // QCPColorMap spans the centres of its first and last cells, so one row or column would be
    // drawn zero wide: a single cell is stored twice, a quarter cell either side of its centre.
    const int keys = m.cols == 1 ? 2 : std::max(1, m.cols), values = m.rows == 1 ? 2 : std::max(1, m.rows);
    m_map->data()->setSize(keys, values);
    m_map->data()->setRange(m.cols == 1 ? QCPRange(-0.25, 0.25) : QCPRange(0, std::max(0, m.cols - 1)),
                            m.rows == 1 ? QCPRange(-0.25, 0.25) : QCPRange(0, std::max(0, m.rows - 1)));
    for (int k = 0; k < keys && m.cols > 0; ++k)
        for (int v = 0; v < values && m.rows > 0; ++v)
            m_map->data()->setCell(k, v, m.at(std::min(v, m.rows - 1), std::min(k, m.cols - 1)));
    showCellValues(m, range, gradient);
    m_map->setGradient(gradient);
    m_map->setDataRange(range);
    m_map->setVisible(m.rows > 0 && m.cols > 0);
    setTicks(xAxis, columnLabels, m.cols);
    setTicks(yAxis, rowLabels, m.rows);
    xAxis->setRange(-0.5, m.cols - 0.5);
    yAxis->setRange(-0.5, m.rows - 0.5);
    moveCursor(std::min(m_cursorRow, m.rows - 1), std::min(m_cursorColumn, m.cols - 1));
    setHighlightedRow(m_highlightedRow < m.rows ? m_highlightedRow : -1);
}

// A matrix small enough to read at a glance shows its numbers in the cells, dark text on light
// cells and light on dark; larger ones keep them on hover and in the table.
void HeatmapPlot::showCellValues(const Matrix &m, QCPRange range, QCPColorGradient gradient)
{
    for (QCPItemText *text : m_cellTexts)
        removeItem(text);
    m_cellTexts.clear();
    if (m.rows <= 0 || m.cols <= 0 || m.rows > kMaxNumberedSide || m.cols > kMaxNumberedSide)
        return;
    for (int r = 0; r < m.rows; ++r)
        for (int c = 0; c < m.cols; ++c) {
            auto *text = new QCPItemText(this);
            text->position->setCoords(c, r);
            text->setText(QString::number(m.at(r, c), 'f', 2));
            const QColor cell = QColor::fromRgb(gradient.color(m.at(r, c), range));
            text->setColor(cell.lightnessF() < 0.55 ? Qt::white : Qt::black);
            text->setFont(font());
            text->setClipToAxisRect(true);
            m_cellTexts.push_back(text);
        }
}

void HeatmapPlot::setHighlightedRow(int row)
{
    m_highlightedRow = row >= 0 && row < m_rows ? row : -1;
    m_rowHighlight->setVisible(m_highlightedRow >= 0);
    m_rowHighlight->topLeft->setCoords(-0.5, m_highlightedRow - 0.5);
    m_rowHighlight->bottomRight->setCoords(m_columns - 0.5, m_highlightedRow + 0.5);
    replot();
}

std::string HeatmapPlot::matrixCsv() const
{
    // A header of column labels, then one row per matrix row led by its label.
    std::string out = "row";
    for (int c = 0; c < m_columns; ++c) {
        out += ',';
        appendCsvField(out, columnLabel(c).toStdString());
    }
    out += '\n';
    for (int r = 0; r < m_rows; ++r) {
        appendCsvField(out, rowLabel(r).toStdString());
        for (int c = 0; c < m_columns; ++c) {
            out += ',';
            appendFloat(out, float(cellValue(r, c)));
        }
        out += '\n';
    }
    return out;
}

QPoint HeatmapPlot::cursorCell() const
{
    return m_cursor->visible() ? QPoint(m_cursorColumn, m_cursorRow) : QPoint(-1, -1);
}

void HeatmapPlot::clearMatrix() { setMatrix(Matrix(), {}, {}, QCPRange(0, 1), m_map->gradient()); }

void HeatmapPlot::setAxisTitles(const QString &rows, const QString &columns, const QString &scale)
{
    yAxis->setLabel(rows);
    xAxis->setLabel(columns);
    m_scale->axis()->setLabel(scale);
}

double HeatmapPlot::cellValue(int row, int column) const { return m_map->data()->cell(column, row); }

QStringList HeatmapPlot::cellNumbers() const
{
    QStringList numbers;
    for (const QCPItemText *text : m_cellTexts)
        numbers << text->text();
    return numbers;
}

bool HeatmapPlot::cellAt(const QPoint &pos, int &row, int &column) const
{
    double key = 0, value = 0;
    m_map->pixelsToCoords(pos, key, value);
    column = int(std::lround(key));
    row = int(std::lround(value));
    return row >= 0 && row < m_rows && column >= 0 && column < m_columns && axisRect()->rect().contains(pos);
}

QString HeatmapPlot::cellText(int row, int column) const
{
    return QStringLiteral("%1 → %2: %3").arg(rowLabel(row), columnLabel(column)).arg(cellValue(row, column), 0, 'g', 6);
}

void HeatmapPlot::onMouseMove(QMouseEvent *event)
{
    int row = 0, column = 0;
    if (cellAt(event->pos(), row, column))
        QToolTip::showText(event->globalPosition().toPoint(), cellText(row, column), this);
    else
        QToolTip::hideText();
}

void HeatmapPlot::onMousePress(QMouseEvent *event)
{
    int row = 0, column = 0;
    if (event->button() == Qt::LeftButton && cellAt(event->pos(), row, column)) {
        moveCursor(row, column);
        replot();
        Q_EMIT cellActivated(row, column);
    }
}

void HeatmapPlot::moveCursor(int row, int column)
{
    m_cursorRow = std::max(0, row);
    m_cursorColumn = std::max(0, column);
    m_cursor->topLeft->setCoords(m_cursorColumn - 0.5, m_cursorRow - 0.5);
    m_cursor->bottomRight->setCoords(m_cursorColumn + 0.5, m_cursorRow + 0.5);
}

void HeatmapPlot::keyPressEvent(QKeyEvent *event)
{
    if (m_rows == 0 || m_columns == 0)
        return PlotWidget::keyPressEvent(event);
    int row = m_cursorRow, column = m_cursorColumn;
    switch (event->key()) {
    case Qt::Key_Left: column = std::max(0, column - 1); break;
    case Qt::Key_Right: column = std::min(m_columns - 1, column + 1); break;
    case Qt::Key_Up: row = std::max(0, row - 1); break;
    case Qt::Key_Down: row = std::min(m_rows - 1, row + 1); break;
    case Qt::Key_Return:
    case Qt::Key_Enter: Q_EMIT cellActivated(row, column); return;
    default: return PlotWidget::keyPressEvent(event);
    }
    moveCursor(row, column);
    m_cursor->setVisible(true);
    replot();
    const QPointF centre(xAxis->coordToPixel(column), yAxis->coordToPixel(row));
    QToolTip::showText(mapToGlobal(centre.toPoint()), cellText(row, column), this);
}

} // namespace bertlens
