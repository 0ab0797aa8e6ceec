#pragma once

#include <QWidget>

#include <vector>

namespace bertlens {

// One vector as a strip of coloured cells (blue negative, white 0, red positive, scaled to the
// largest magnitude shown), its first values printed under it; hover shows the value under the
// pointer and the whole vector.
class VectorStrip : public QWidget {
    Q_OBJECT

public:
    explicit VectorStrip(QWidget *parent = nullptr);
    // scale <= 0: the vector's own largest magnitude.
    void setValues(std::vector<float> values, double scale = 0);
    const std::vector<float> &values() const { return m_values; }
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    // The text a hover over cell `index` shows.
    QString toolTipAt(int index) const;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    QRect stripRect() const;
    QString printedValues() const;
    std::vector<float> m_values;
    double m_scale = 1;
};

// The colour of a signed value in [-scale, scale] on the strips' diverging scale.
QColor divergingColour(double value, double scale);

} // namespace bertlens
