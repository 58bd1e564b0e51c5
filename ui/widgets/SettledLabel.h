// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include <QWidget>

class QLabel;

namespace ef {

/**
 * A word-wrapped QLabel whose text may change on every frame (a figure that follows a slider) without
 * making the whole window lay itself out again each time.
 *
 * A QLabel asks its parent's layout for a new layout on every setText(). For a wrapped rich-text label
 * that means the window's layouts ask it (and every other widget) for its height at several widths, each
 * a full text layout: profiled, that was a quarter of a slider step. Here the label sits in a widget
 * without a layout; this widget tells its own layout about a change only when the label's height at the
 * current width really changes (a line more or less), which is rare while a slider moves.
 */
class SettledLabel : public QWidget
{
    Q_OBJECT

public:
    explicit SettledLabel(QWidget *parent = nullptr);

    [[nodiscard]] QLabel *label() const { return m_label; }
    [[nodiscard]] QString text() const;
    void setText(const QString &text);

    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;
    [[nodiscard]] bool hasHeightForWidth() const override { return true; }
    [[nodiscard]] int heightForWidth(int width) const override;

    /// How many times this widget asked its layout for a new layout (for tests).
    [[nodiscard]] int geometryUpdates() const { return m_geometryUpdates; }

protected:
    bool event(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void settle();

    QLabel *m_label;
    int m_shownHeight = -1; ///< The label's height for the current width, as last given to the layout.
    int m_geometryUpdates = 0;
};

} // namespace ef
