#pragma once

#include "analysis/sentence_analysis.h"
#include "analysis/view_data.h"

#include <QWidget>

namespace bertlens {

// What every view is fed: the analysis and the numbers computed for the current selection.
struct ViewInput {
    const AnalysisResult &result;
    const ViewData &view;
};

// The base of the window's views (one view per tab): one input type, and retranslation when
// the language changes at runtime.
class AnalysisView : public QWidget {
    Q_OBJECT

public:
    using QWidget::QWidget;
    virtual void showData(const ViewInput &input) = 0;

protected:
    void changeEvent(QEvent *event) override;
    virtual void retranslateUi() = 0;
    // ", by word" or ", by WordPiece": what a view's rows are, for titles.
    static QString unitsPhrase(bool words);
};

} // namespace bertlens
