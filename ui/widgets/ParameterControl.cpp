// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "widgets/ParameterControl.h"

#include <QDoubleSpinBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QKeySequence>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QSlider>

#include <algorithm>
#include <cmath>

namespace ef {

namespace {
constexpr int kSteps = 1000;
}

ParameterControl::ParameterControl(double sliderMin, double sliderMax, double spinMin, double spinMax, int decimals,
                                   Scale scale, QWidget *parent)
    : QWidget(parent), m_slider(new QSlider(Qt::Horizontal, this)), m_spin(new QDoubleSpinBox(this)), m_min(sliderMin),
      m_max(sliderMax), m_scale(scale),
      m_direct(decimals == 0 && scale == Scale::Linear && sliderMax - sliderMin <= 100000)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_slider, 1);
    layout->addWidget(m_spin);

    m_slider->setTracking(true); // re-allocate while dragging, not on release
    if (m_direct) {
        m_slider->setRange(static_cast<int>(sliderMin), static_cast<int>(sliderMax));
        m_slider->setPageStep(10);
    } else {
        m_slider->setRange(0, kSteps);
        m_slider->setPageStep(kSteps / 20);
    }
    m_spin->setDecimals(decimals);
    m_spin->setRange(spinMin, spinMax);
    m_spin->setKeyboardTracking(false); // typing "300" is one edit, not three
    m_spin->setAccelerated(true);
    m_spin->setMinimumWidth(96);
    m_spin->setAlignment(Qt::AlignRight);
    if (decimals > 0)
        m_spin->setSingleStep(std::pow(10.0, -std::min(decimals, 2)));

    connect(m_slider, &QSlider::valueChanged, this, &ParameterControl::onSliderMoved);
    connect(m_spin, &QDoubleSpinBox::valueChanged, this, &ParameterControl::onSpinChanged);
    connect(m_slider, &QSlider::sliderPressed, this, &ParameterControl::gestureStarted);
    connect(m_slider, &QSlider::sliderReleased, this, &ParameterControl::gestureFinished);
    setFocusProxy(m_slider);

    // The line edit inside the spin box claims Ctrl+Z for its own text (ShortcutOverride), so the
    // window's Undo would never fire while the spin box has focus.
    m_spin->installEventFilter(this);
    if (auto *edit = m_spin->findChild<QLineEdit *>())
        edit->installEventFilter(this);
}

bool ParameterControl::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride && watched != m_slider) {
        const auto *key = static_cast<QKeyEvent *>(event);
        // Text typed but not committed yet (no Enter) is the line edit's to undo; anything else is a
        // document edit, undone by the window.
        const bool typing = m_spin->cleanText() != m_spin->textFromValue(m_spin->value());
        if (!typing && (key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo))) {
            event->ignore(); // not wanted here: the shortcut (the window's Undo or Redo) takes the key
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

double ParameterControl::value() const
{
    return m_spin->value();
}

void ParameterControl::setValue(double value)
{
    const QSignalBlocker blockSpin(m_spin);
    m_spin->setValue(value);
    if (!m_slider->isSliderDown()) {
        const QSignalBlocker blockSlider(m_slider);
        m_slider->setValue(positionOf(value));
    }
}

void ParameterControl::setHelp(const QString &text)
{
    m_slider->setToolTip(text);
    m_spin->setToolTip(text);
    setToolTip(text);
}

double ParameterControl::valueAt(int position) const
{
    if (m_direct)
        return position;
    const double t = static_cast<double>(position) / kSteps;
    const double raw = m_scale == Scale::Logarithmic ? m_min * std::pow(m_max / m_min, t) : m_min + t * (m_max - m_min);
    // Round to what the spin box shows, so slider and spin box agree on the value.
    const double unit = std::pow(10.0, m_spin->decimals());
    if (m_scale == Scale::Logarithmic) {
        // Three significant digits read better than a fixed number of decimals on a log scale.
        const double magnitude = std::pow(10.0, std::floor(std::log10(raw)) - 2);
        return std::max(std::round(raw / magnitude) * magnitude, 1 / unit);
    }
    return std::round(raw * unit) / unit;
}

int ParameterControl::positionOf(double value) const
{
    if (m_direct)
        return static_cast<int>(std::clamp(std::llround(value), static_cast<long long>(m_slider->minimum()),
                                           static_cast<long long>(m_slider->maximum())));
    double t = 0;
    if (m_scale == Scale::Logarithmic)
        t = value <= 0 ? 0 : std::log(value / m_min) / std::log(m_max / m_min);
    else
        t = (value - m_min) / (m_max - m_min);
    return static_cast<int>(std::lround(std::clamp(t, 0.0, 1.0) * kSteps));
}

void ParameterControl::onSliderMoved(int position)
{
    const double value = valueAt(position);
    {
        const QSignalBlocker block(m_spin);
        m_spin->setValue(value);
    }
    emit valueEdited(m_spin->value());
}

void ParameterControl::onSpinChanged(double value)
{
    {
        const QSignalBlocker block(m_slider);
        m_slider->setValue(positionOf(value));
    }
    emit valueEdited(value);
}

} // namespace ef
