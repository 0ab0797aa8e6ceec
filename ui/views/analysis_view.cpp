#include "views/analysis_view.h"

#include <QEvent>

namespace bertlens {

void AnalysisView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

QString AnalysisView::unitsPhrase(bool words) { return words ? tr(", by word") : tr(", by WordPiece"); }

} // namespace bertlens
