// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include <QWidget>

class QDoubleSpinBox;
class QSlider;

namespace ef {

/**
 * A real-valued parameter as a slider plus a spin box kept in step. The slider covers a sensible
 * range (linearly or logarithmically); the spin box can go beyond it, in which case the slider rests
 * at its end. valueEdited() reports user changes only: on every slider move while dragging, and on
 * each committed spin box value (Enter, arrows, focus out).
 *
 * Undo and Redo (Ctrl+Z, Ctrl+Shift+Z) pressed in the spin box go to the window's Edit menu, not to
 * the spin box's own line edit: every value committed here is a document edit, undone there. Only
 * text typed and not yet committed (no Enter yet) is undone by the line edit itself.
 */
class ParameterControl : public QWidget
{
    Q_OBJECT

public:
    enum class Scale {
        Linear,      ///< Equal slider steps are equal value steps.
        Logarithmic, ///< Equal slider steps multiply the value (for rates such as b: 0.01 … 1000).
    };

    /**
     * @param sliderMin, sliderMax  the slider's range (> 0 for Logarithmic)
     * @param spinMin, spinMax      the spin box's wider range
     * @param decimals              digits after the point in the spin box (0: whole numbers)
     */
    ParameterControl(double sliderMin, double sliderMax, double spinMin, double spinMax, int decimals, Scale scale,
                     QWidget *parent = nullptr);

    [[nodiscard]] double value() const;
    /// Shows `value` without emitting valueEdited (leaves the slider alone while it is being dragged).
    void setValue(double value);

    [[nodiscard]] QSlider *slider() const { return m_slider; }
    [[nodiscard]] QDoubleSpinBox *spinBox() const { return m_spin; }
    /// Sets the same tool tip on the slider and the spin box.
    void setHelp(const QString &text);

signals:
    /// The user changed the value (slider or spin box).
    void valueEdited(double value);
    /// The slider was pressed: the following edits form one gesture (one undo step).
    void gestureStarted();
    /// The slider was released.
    void gestureFinished();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    [[nodiscard]] double valueAt(int position) const;
    [[nodiscard]] int positionOf(double value) const;
    void onSliderMoved(int position);
    void onSpinChanged(double value);

    QSlider *m_slider;
    QDoubleSpinBox *m_spin;
    double m_min;
    double m_max;
    Scale m_scale;
    bool m_direct; ///< Whole numbers over a short range: one slider step per unit.
};

} // namespace ef
