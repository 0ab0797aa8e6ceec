#include "views/view_style.h"

#include <QAbstractSpinBox>
#include <QLineEdit>

#include <QCoreApplication>

#include <QApplication>
#include <QComboBox>
#include <QWidget>

#include <algorithm>
#include <vector>

namespace bertlens {

namespace {

bool g_highContrast = false;

// Qt sends a font change to a widget whose font was set explicitly only if it asks: the
// scalers are listed, and rescaleFonts() re-applies them after the application font changed.
class FontScaler : public QObject {
public:
    FontScaler(QWidget *widget, double factor) : QObject(widget), m_widget(widget), m_factor(factor)
    {
        scalers().push_back(this);
        apply();
    }
    ~FontScaler() override { scalers().erase(std::find(scalers().begin(), scalers().end(), this)); }
    void apply() const
    {
        QFont f = QApplication::font();
        f.setPointSizeF(f.pointSizeF() * m_factor);
        m_widget->setFont(f);
    }
    static std::vector<FontScaler *> &scalers()
    {
        static std::vector<FontScaler *> all;
        return all;
    }

private:
    QWidget *m_widget;
    double m_factor;
};

} // namespace

bool highContrast() { return g_highContrast; }
void setHighContrast(bool on) { g_highContrast = on; }

void keepFontScaled(QWidget *widget, double factor) { new FontScaler(widget, factor); }

void rescaleFonts()
{
    for (const FontScaler *scaler : FontScaler::scalers())
        scaler->apply();
}

QColor sentenceColour(int sentence)
{
    // Okabe & Ito (2008), "Color Universal Design"; their black last, as it reads as "no category".
    static const QColor palette[] = {{0, 114, 178},  {230, 159, 0},   {0, 158, 115}, {204, 121, 167},
                                     {86, 180, 233}, {213, 94, 0},    {240, 228, 66}, {0, 0, 0}};
    return palette[sentence % 8];
}

QCPScatterStyle::ScatterShape sentenceShape(int sentence)
{
    // Shapes that stay apart when filled (a filled "square with a cross" is a square).
    static const QCPScatterStyle::ScatterShape shapes[] = {QCPScatterStyle::ssDisc,     QCPScatterStyle::ssSquare,
                                                           QCPScatterStyle::ssTriangle, QCPScatterStyle::ssDiamond,
                                                           QCPScatterStyle::ssTriangleInverted, QCPScatterStyle::ssCross,
                                                           QCPScatterStyle::ssPlus, QCPScatterStyle::ssStar};
    return shapes[(sentence + sentence / 8) % 8]; // past eight, colour and shape pair up anew
}

QString poolingLabel(Pooling pooling)
{
    switch (pooling) {
    case Pooling::None: return QCoreApplication::translate("bertlens::ViewStyle", "None: one row per token");
    case Pooling::Cls: return QCoreApplication::translate("bertlens::ViewStyle", "[CLS] vector");
    case Pooling::Mean: return QCoreApplication::translate("bertlens::ViewStyle", "Mean of tokens");
    case Pooling::Max: return QCoreApplication::translate("bertlens::ViewStyle", "Max of tokens");
    }
    return {};
}

void fillPoolingCombo(QComboBox *combo, bool withNone)
{
    const int current = combo->currentIndex();
    combo->clear();
    if (withNone)
        combo->addItem(poolingLabel(Pooling::None), int(Pooling::None));
    for (Pooling p : {Pooling::Cls, Pooling::Mean, Pooling::Max})
        combo->addItem(poolingLabel(p), int(p));
    // Mean pooling unless the user chose otherwise (or "none" where it is offered).
    combo->setCurrentIndex(current >= 0 ? current : withNone ? 0 : 1);
}

QString knockoutLabel(const Knockout &knockout)
{
    QStringList heads, ffn;
    for (const auto &[layer, head] : knockout.heads)
        heads << QString("%1:%2").arg(layer).arg(head + 1);
    for (int layer : knockout.ffn)
        ffn << QString::number(layer);
    QStringList parts;
    if (!heads.isEmpty())
        parts << QCoreApplication::translate("bertlens::ViewStyle", "heads %1").arg(heads.join(", "));
    if (!ffn.isEmpty())
        parts << QCoreApplication::translate("bertlens::ViewStyle", "FFN %1").arg(ffn.join(", "));
    return parts.join(QCoreApplication::translate("bertlens::ViewStyle", "; "));
}

} // namespace bertlens

namespace bertlens {

void setSpinBoxName(QAbstractSpinBox *box, const QString &name)
{
    box->setAccessibleName(name);
    if (auto *field = box->findChild<QLineEdit *>())
        field->setAccessibleName(name);
}

} // namespace bertlens
