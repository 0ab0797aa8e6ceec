#pragma once

#include "analysis/pooling_mode.h"

#include <QDialog>

class QComboBox;
class QLineEdit;

namespace bertlens {

// Asks which layers and which pooling to export (the options of `bertlens-cli embed`).
class ExportVectorsDialog : public QDialog {
    Q_OBJECT

public:
    explicit ExportVectorsDialog(QWidget *parent = nullptr);
    QString layers() const;  // as typed: "all", "-1", "0,4,12"
    Pooling pooling() const;

private:
    QLineEdit *m_layers;
    QComboBox *m_pooling;
};

} // namespace bertlens
