#include "dialogs/open_model_dialog.h"

#include "default_model.h"
#include "hub/hub_cache.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace bertlens {

namespace {

QListWidgetItem *heading(QListWidget *list, const QString &text)
{
    auto *item = new QListWidgetItem(text, list);
    QFont font = item->font();
    font.setBold(true);
    item->setFont(font);
    item->setFlags(Qt::ItemIsEnabled); // readable, not selectable
    return item;
}

void entry(QListWidget *list, const QString &text, const QString &target)
{
    auto *item = new QListWidgetItem("    " + text, list);
    item->setData(Qt::UserRole, target);
    item->setToolTip(target);
}

} // namespace

QStringList OpenModelDialog::knownModels()
{
    return {"google-bert/bert-base-uncased", "google-bert/bert-base-cased", "google-bert/bert-base-chinese",
            "google-bert/bert-base-multilingual-cased", "hfl/chinese-roberta-wwm-ext", "hfl/chinese-bert-wwm-ext",
            "sentence-transformers/all-MiniLM-L6-v2", "sentence-transformers/all-mpnet-base-v2"};
}

OpenModelDialog::OpenModelDialog(const QStringList &recentFolders, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Open model"));
    m_list = new QListWidget(this);
    if (!defaultModelDir().isEmpty()) {
        heading(m_list, tr("Built in"));
        entry(m_list, tr("BertLens Mini"), defaultModelDir());
    }
    const std::vector<CachedModel> cached = cachedModels(hubCacheDir());
    if (!cached.empty()) {
        heading(m_list, tr("In the Hugging Face cache (%1)").arg(QString::fromStdString(hubCacheDir())));
        for (const CachedModel &m : cached)
            entry(m_list, tr("%1 — revision %2, %3 MB").arg(QString::fromStdString(m.repoId), QString::fromStdString(m.commit).left(8))
                              .arg(double(m.bytes) / 1e6, 0, 'f', 0),
                  QString::fromStdString(m.snapshotDir));
    }
    if (!recentFolders.isEmpty()) {
        heading(m_list, tr("Recent"));
        for (const QString &dir : recentFolders)
            entry(m_list, dir, dir);
    }
    m_id = new QComboBox(this);
    m_id->setEditable(true);
    m_id->addItems(knownModels());
    m_id->setCurrentText(QString());
    m_id->lineEdit()->setPlaceholderText(tr("e.g. google-bert/bert-base-chinese"));
    m_id->lineEdit()->setPlaceholderText(tr("e.g. google-bert/bert-base-chinese, or /path/to/a/model/folder"));
    auto *idLabel = new QLabel(tr("Or a model of the Hugging Face Hub (downloaded once into its cache; HF_ENDPOINT "
                                  "and HF_TOKEN are used as set), or the path of a model folder:"), this);
    idLabel->setBuddy(m_id);
    auto *hint = new QLabel(this);
    hint->setWordWrap(true);
    idLabel->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this);
    QPushButton *folder = buttons->addButton(tr("Folder…"), QDialogButtonBox::ActionRole);
    QPushButton *open = buttons->button(QDialogButtonBox::Open);
    open->setEnabled(false);
    open->setDefault(true); // Return opens what is typed or chosen
    auto update = [this, open, hint] {
        QString typed = m_id->currentText().trimmed();
        if (typed.startsWith("~/"))
            typed = QDir::homePath() + typed.mid(1);
        hint->clear();
        if (typed.isEmpty())
            m_choice = m_list->currentItem() ? m_list->currentItem()->data(Qt::UserRole).toString() : QString();
        else if (QFileInfo(typed).isDir()) // a folder that exists wins, as with --model
            m_choice = QFileInfo(typed).absoluteFilePath();
        else if (isHubModelId(typed.toStdString()))
            m_choice = typed;
        else {
            m_choice.clear();
            hint->setText(QFileInfo::exists(typed) ? tr("%1 is a file: a model is a folder (with config.json and the weights).").arg(typed)
                          : typed.contains('/') && !typed.startsWith('/') && typed.count('/') == 1
                              ? tr("“%1” is not a Hub id (ORGANISATION/NAME: letters, digits, -, _ and .).").arg(typed)
                              : tr("No folder %1, and not a Hub id (ORGANISATION/NAME).").arg(typed));
        }
        open->setEnabled(!m_choice.isEmpty());
    };
    connect(m_list, &QListWidget::currentItemChanged, this, [this, update] {
        m_id->setCurrentText(QString());
        update();
    });
    connect(m_id, &QComboBox::currentTextChanged, this, update);
    connect(m_list, &QListWidget::itemDoubleClicked, this, [this, update] {
        update();
        if (!m_choice.isEmpty())
            accept();
    });
    connect(folder, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Open model folder"));
        if (!dir.isEmpty()) {
            m_choice = dir;
            accept();
        }
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addWidget(idLabel);
    layout->addWidget(m_id);
    layout->addWidget(hint);
    layout->addWidget(buttons);
    resize(640, 480);
}

} // namespace bertlens
