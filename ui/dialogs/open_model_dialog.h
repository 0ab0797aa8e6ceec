#pragma once

#include <QDialog>

class QComboBox;
class QListWidget;

namespace bertlens {

// File → Open model: BertLens Mini, the models already in the Hugging Face cache (with size and
// revision), recent folders, a folder chooser, and a field for a Hub id with a short list of
// BERT-family models known to work. choice() is a folder or a Hub id, as --model takes them.
class OpenModelDialog : public QDialog {
    Q_OBJECT

public:
    explicit OpenModelDialog(const QStringList &recentFolders, QWidget *parent = nullptr);
    QString choice() const { return m_choice; }
    // The Hub ids offered in the field (English, Chinese, multilingual, sentence-transformers).
    static QStringList knownModels();

private:
    QListWidget *m_list;
    QComboBox *m_id;
    QString m_choice;
};

} // namespace bertlens
