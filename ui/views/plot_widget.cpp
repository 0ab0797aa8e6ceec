#include "views/plot_widget.h"

#include "io/atomic_file.h"
#include "views/view_style.h"

#include "export/csv_format.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QShortcut>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace bertlens {

PlotWidget::PlotWidget(QWidget *parent) : QCustomPlot(parent)
{
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    setFocusPolicy(Qt::StrongFocus);
    setAntialiasedElements(QCP::aeAll);
    keepFontScaled(this, 1.15);
    auto *table = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_T), this, this, [this] { showTable(); });
    table->setContext(Qt::WidgetShortcut);
    setTitle(QString());
    setAccessibleDescription(tr("A plot. Ctrl+T shows its numbers as a table; the context menu saves them as CSV."));
}

// Tab reaches every plot; where it is, a ring in the highlight colour shows it.
void PlotWidget::paintEvent(QPaintEvent *event)
{
    QCustomPlot::paintEvent(event);
    if (!hasFocus())
        return;
    QPainter p(this);
    p.setPen(QPen(palette().color(QPalette::Highlight), 3));
    p.drawRect(rect().adjusted(1, 1, -2, -2));
}

std::string PlotWidget::plottedCsv() const
{
    std::string out = "series,x,y\n";
    for (int g = 0; g < graphCount(); ++g) {
        const QCPGraph *graph = const_cast<PlotWidget *>(this)->graph(g);
        for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it) {
            appendCsvField(out, graph->name().isEmpty() ? std::to_string(g + 1) : graph->name().toStdString());
            out += ',';
            appendFloat(out, float(it->key));
            out += ',';
            appendFloat(out, float(it->value));
            out += '\n';
        }
    }
    for (int i = 0; i < plottableCount(); ++i)
        if (const auto *map = qobject_cast<const QCPColorMap *>(const_cast<PlotWidget *>(this)->plottable(i))) {
            out += "column,row,value\n";
            for (int r = 0; r < map->data()->valueSize(); ++r)
                for (int c = 0; c < map->data()->keySize(); ++c)
                    if (const double v = map->data()->cell(c, r); !std::isnan(v)) {
                        out += std::to_string(c) + "," + std::to_string(r) + ",";
                        appendFloat(out, float(v));
                        out += '\n';
                    }
        }
    return out;
}

QDialog *PlotWidget::showTable()
{
    const std::vector<std::vector<std::string>> rows = parseCsv(dataCsv());
    auto *dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(m_title.isEmpty() ? tr("The plot's numbers") : m_title);
    auto *table = new QTableWidget(dialog);
    table->setAccessibleName(tr("Numbers of: %1").arg(m_title));
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    if (!rows.empty()) {
        table->setColumnCount(int(rows.front().size()));
        QStringList header;
        for (const std::string &h : rows.front())
            header << QString::fromStdString(h);
        table->setHorizontalHeaderLabels(header);
        table->setRowCount(int(rows.size()) - 1);
        for (size_t r = 1; r < rows.size(); ++r)
            for (size_t c = 0; c < rows[r].size() && int(c) < table->columnCount(); ++c)
                table->setItem(int(r) - 1, int(c), new QTableWidgetItem(QString::fromStdString(rows[r][c])));
    }
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(table);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(close, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    layout->addWidget(close);
    dialog->resize(700, 500);
    dialog->show();
    table->setFocus();
    return dialog;
}

// QCustomPlot's axes, legend and colour scales copy the plot's font when they are made; they
// follow it here when it changes (presenter mode's zoom).
void PlotWidget::applyFonts()
{
    const QFont f = font();
    QFont label = f;
    label.setBold(highContrast());
    auto setAxis = [&](QCPAxis *axis) {
        axis->setTickLabelFont(f);
        axis->setLabelFont(label);
        const double width = highContrast() ? 2 : 1;
        axis->setBasePen(QPen(Qt::black, width));
        axis->setTickPen(QPen(Qt::black, width));
    };
    for (QCPAxisRect *rect : axisRects())
        for (QCPAxis *axis : rect->axes())
            setAxis(axis);
    for (QCPLayoutElement *element : plotLayout()->elements(true)) {
        if (auto *scale = qobject_cast<QCPColorScale *>(element))
            setAxis(scale->axis());
        else if (auto *legend = qobject_cast<QCPLegend *>(element))
            legend->setFont(f);
        else if (auto *text = qobject_cast<QCPTextElement *>(element))
            text->setFont(label);
    }
    replot();
}

void PlotWidget::setTitle(const QString &title)
{
    m_title = title;
    setAccessibleName(title.isEmpty() ? tr("Plot: nothing shown yet") : title);
}

bool PlotWidget::saveTo(const QString &path, int width, int height)
{
    // A picture on a slide or in a report must say what it shows: the title goes above the plot
    // for the file only.
    QCPTextElement *heading = nullptr;
    if (!m_title.isEmpty()) {
        plotLayout()->insertRow(0);
        QFont bold = font();
        bold.setBold(true);
        heading = new QCPTextElement(this, m_source.isEmpty() ? m_title : m_title + "\n" + m_source, bold);
        plotLayout()->addElement(0, 0, heading);
    }
    const bool saved = path.endsWith(".pdf", Qt::CaseInsensitive) ? savePdf(path, width, height) : savePng(path, width, height);
    if (heading) {
        plotLayout()->remove(heading);
        plotLayout()->simplify();
        replot();
    }
    return saved;
}

void PlotWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    if (event->type() == QEvent::FontChange)
        applyFonts();
    QCustomPlot::changeEvent(event);
}

void PlotWidget::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    QAction *png = menu.addAction(tr("Save as PNG…"));
    QAction *pdf = menu.addAction(tr("Save as PDF…"));
    QAction *table = menu.addAction(tr("Show the numbers as a table"));
    table->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    QAction *csv = menu.addAction(tr("Save the numbers as CSV…"));
    menu.addSeparator();
    QAction *reset = menu.addAction(tr("Reset zoom"));
    QAction *chosen = menu.exec(event->globalPos());
    if (chosen == table) {
        showTable();
        return;
    }
    if (chosen == reset) {
        rescaleAxes();
        replot();
        return;
    }
    if (chosen && chosen == csv) {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save the numbers"), "view.csv", tr("CSV files (*.csv)"));
        if (path.isEmpty())
            return;
        try {
            AtomicFile file(path.toStdString());
            file.write(dataCsv());
            file.commit();
        } catch (const std::exception &e) {
            QMessageBox::warning(this, tr("Cannot save"), QString::fromUtf8(e.what()));
        }
        return;
    }
    if (chosen != png && chosen != pdf)
        return;

    QDialog dialog(this);
    dialog.setWindowTitle(chosen == pdf ? tr("Save the plot as PDF") : tr("Save the plot as PNG"));
    auto *form = new QFormLayout(&dialog);
    auto *about = new QLabel(tr("The plot is drawn again at this size, with a title that says what it shows:\n%1")
                                 .arg(m_title.isEmpty() ? tr("(no title)") : m_title),
                             &dialog);
    about->setWordWrap(true);
    form->addRow(about);
    auto *w = new QSpinBox(&dialog);
    auto *h = new QSpinBox(&dialog);
    for (QSpinBox *box : {w, h}) {
        box->setRange(100, 10000);
        box->setSuffix(tr(" px"));
    }
    w->setValue(width());
    h->setValue(height());
    form->addRow(tr("Width"), w);
    form->addRow(tr("Height"), h);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const bool isPdf = chosen == pdf;
    const QString path = QFileDialog::getSaveFileName(this, isPdf ? tr("Save as PDF") : tr("Save as PNG"), QString(),
                                                      isPdf ? tr("PDF files (*.pdf)") : tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    const QString target = path.endsWith(isPdf ? ".pdf" : ".png", Qt::CaseInsensitive) ? path : path + (isPdf ? ".pdf" : ".png");
    if (!saveTo(target, w->value(), h->value()))
        QMessageBox::warning(this, tr("Save failed"), tr("Could not write %1.").arg(target));
}

QCPColorGradient sequentialGradient()
{
    QCPColorGradient g;
    g.setColorInterpolation(QCPColorGradient::ciRGB);
    if (highContrast())
        g.setColorStops({{0.0, QColor(255, 255, 255)}, {0.2, QColor(158, 202, 225)}, {0.55, QColor(33, 113, 181)},
                         {1.0, QColor(0, 0, 0)}});
    else
        g.setColorStops({{0.0, QColor(255, 255, 255)}, {0.25, QColor(198, 219, 239)}, {0.6, QColor(66, 146, 198)},
                     {1.0, QColor(8, 48, 107)}});
    return g;
}

QCPColorGradient divergingGradient()
{
    QCPColorGradient g;
    g.setColorInterpolation(QCPColorGradient::ciRGB);
    if (highContrast())
        g.setColorStops({{0.0, QColor(5, 48, 97)}, {0.3, QColor(67, 147, 195)}, {0.5, QColor(255, 255, 255)},
                         {0.7, QColor(214, 96, 77)}, {1.0, QColor(103, 0, 31)}});
    else
        g.setColorStops({{0.0, QColor(33, 102, 172)}, {0.25, QColor(146, 197, 222)}, {0.5, QColor(247, 247, 247)},
                     {0.75, QColor(244, 165, 130)}, {1.0, QColor(178, 24, 43)}});
    return g;
}

} // namespace bertlens
