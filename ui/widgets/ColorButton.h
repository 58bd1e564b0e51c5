// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include <QColor>
#include <QToolButton>

namespace ef {

/// A button showing a colour swatch; clicking it opens a colour dialog and emits colorPicked().
class ColorButton : public QToolButton
{
    Q_OBJECT

public:
    explicit ColorButton(QWidget *parent = nullptr);

    /// Shows `color` without emitting colorPicked().
    void setColor(const QColor &color);
    [[nodiscard]] QColor color() const { return m_color; }

signals:
    void colorPicked(const QColor &color);

private:
    void pick();

    QColor m_color;
};

} // namespace ef
