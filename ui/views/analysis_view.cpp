#include "views/analysis_view.h"

#include <QEvent>

namespace bertlens {

void AnalysisView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace bertlens
