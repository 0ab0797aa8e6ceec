#pragma once

#include "analysis/pooling_mode.h"
#include "model/knockout.h"

#include <qcustomplot.h>

#include <QColor>
#include <QString>

class QAbstractSpinBox;
class QComboBox;
class QWidget;

namespace bertlens {

// Looks and labels shared by several views and dialogs, in one place.

// A categorical colour per sentence (or corpus label): Okabe & Ito's palette, made to stay apart
// for colour-blind eyes; with sentenceShape, a marker shape each as well, so that the categories
// are told apart without hue at all.
QColor sentenceColour(int sentence);
QCPScatterStyle::ScatterShape sentenceShape(int sentence);
// "[CLS] vector", "Mean of tokens"…, in the current language.
QString poolingLabel(Pooling pooling);
// (Re)fills a combo box with the poolings (CLS, mean, max; with `none` first when asked) in the
// current language, keeping its choice; the item data is the Pooling as int.
void fillPoolingCombo(QComboBox *combo, bool withNone = false);
// A spin box's accessible name, on its text field too (screen readers reach the field itself).
void setSpinBoxName(QAbstractSpinBox *box, const QString &name);

// "heads 2:1, 3:4; FFN 5" in the current language (heads from 1, as the window counts them).
QString knockoutLabel(const Knockout &knockout);

// Presenter mode's look: darker ends on every colour scale, so that a washed-out projector
// still shows them.
bool highContrast();
void setHighContrast(bool on);

// Keeps a widget's font at `factor` times the application font, also after the application font
// changes (presenter mode's zoom), once rescaleFonts() is called.
void keepFontScaled(QWidget *widget, double factor);
void rescaleFonts();

} // namespace bertlens
