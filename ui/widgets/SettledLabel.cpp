// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "widgets/SettledLabel.h"

#include <QEvent>
#include <QLabel>
#include <QResizeEvent>

namespace ef {

SettledLabel::SettledLabel(QWidget *parent) : QWidget(parent), m_label(new QLabel(this))
{
    m_label->setWordWrap(true);
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

QString SettledLabel::text() const
{
    return m_label->text();
}

void SettledLabel::setText(const QString &text)
{
    if (m_label->text() == text)
        return;
    m_label->setText(text);
    // The label now posts a layout request to this widget (it has no layout), handled in event().
}

QSize SettledLabel::sizeHint() const
{
    return m_label->sizeHint();
}

QSize SettledLabel::minimumSizeHint() const
{
    // As narrow as a wrapped label may be, as tall as the text needs at the current width.
    QSize size = m_label->minimumSizeHint();
    if (width() > 0)
        size.setHeight(heightForWidth(width()));
    return size;
}

int SettledLabel::heightForWidth(int width) const
{
    return m_label->heightForWidth(width);
}

bool SettledLabel::event(QEvent *event)
{
    if (event->type() == QEvent::LayoutRequest) {
        settle();
        return true;
    }
    return QWidget::event(event);
}

void SettledLabel::resizeEvent(QResizeEvent *event)
{
    m_label->setGeometry(rect());
    m_shownHeight = event->size().width() > 0 ? heightForWidth(event->size().width()) : -1;
    QWidget::resizeEvent(event);
}

void SettledLabel::settle()
{
    const int needed = width() > 0 ? heightForWidth(width()) : -1;
    if (needed != m_shownHeight) {
        m_shownHeight = needed;
        ++m_geometryUpdates;
        updateGeometry();
    }
}

} // namespace ef
