// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "widgets/ColorButton.h"

#include <QColorDialog>
#include <QPainter>
#include <QPixmap>

namespace ef {

ColorButton::ColorButton(QWidget *parent) : QToolButton(parent)
{
    setToolTip(tr("The curve's colour (click to choose)"));
    setIconSize(QSize(36, 16));
    connect(this, &QToolButton::clicked, this, &ColorButton::pick);
}

void ColorButton::setColor(const QColor &color)
{
    m_color = color;
    QPixmap swatch(iconSize());
    swatch.fill(color);
    QPainter painter(&swatch);
    painter.setPen(palette().color(QPalette::WindowText));
    painter.drawRect(swatch.rect().adjusted(0, 0, -1, -1));
    setIcon(QIcon(swatch));
}

void ColorButton::pick()
{
    const QColor chosen = QColorDialog::getColor(m_color, this, tr("Curve colour"));
    if (chosen.isValid() && chosen != m_color) {
        setColor(chosen);
        emit colorPicked(chosen);
    }
}

} // namespace ef
