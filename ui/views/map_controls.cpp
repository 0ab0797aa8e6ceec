#include "views/map_controls.h"

#include "views/map_text.h"
#include "views/view_style.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace bertlens {

MapControls::MapControls(int colours, int clusters, int maxClusters, QWidget *parent) : QWidget(parent)
{
    m_method = new QComboBox(this);
    for (const MapMethodName &name : mapMethodNames())
        m_method->addItem(QString::fromUtf8(name.label), int(name.method));
    m_seed = new QSpinBox(this);
    m_seed->setRange(0, 99999);
    m_seed->setValue(42);
    m_seed->setVisible(false);
    m_colour = new QComboBox(this);
    for (int i = 0; i < colours; ++i)
        m_colour->addItem(QString());
    m_clusters = new QSpinBox(this);
    m_clusters->setRange(2, maxClusters);
    m_clusters->setValue(clusters);
    m_clusters->setVisible(false);
    m_stop = new QToolButton(this);
    m_stop->setVisible(false);
    m_description = new QLabel(this);
    m_description->setWordWrap(true);
    m_description->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_row = new QHBoxLayout;
    for (QWidget *w : std::initializer_list<QWidget *>{m_method, m_seed, m_colour, m_clusters, m_stop})
        m_row->addWidget(w);
    m_row->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_row);
    layout->addWidget(m_description);
}

MapMethod MapControls::method() const { return MapMethod(m_method->currentData().toInt()); }

void MapControls::addTrailing(QWidget *widget) { m_row->addWidget(widget); }

void MapControls::retranslate(const QString &methodName, const QString &seedName, const QString &colourName, const QString &clustersName,
                              const QStringList &colourChoices)
{
    m_method->setAccessibleName(methodName);
    m_method->setToolTip(MapText::methodToolTip());
    setSpinBoxName(m_seed, seedName);
    m_seed->setPrefix(MapText::seedPrefix());
    m_seed->setToolTip(MapText::seedToolTip());
    m_colour->setAccessibleName(colourName);
    for (int i = 0; i < colourChoices.size() && i < m_colour->count(); ++i)
        m_colour->setItemText(i, colourChoices[i]);
    setSpinBoxName(m_clusters, clustersName);
    m_clusters->setPrefix(MapText::clustersPrefix());
    m_stop->setText(MapText::stop());
    m_stop->setToolTip(MapText::stopToolTip());
}

void MapControls::setDescription(const QStringList &parts)
{
    m_description->setText(parts.join(QStringLiteral(" · ")));
    m_description->setVisible(!parts.isEmpty());
}

QString MapControls::description() const { return m_description->text(); }

} // namespace bertlens
