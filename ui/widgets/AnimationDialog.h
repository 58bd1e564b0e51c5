// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include "Scenario.h"
#include "Sweep.h"
#include "charts/AnimatedExport.h"
#include "charts/Theme.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;
class QTimer;

namespace ef {

/**
 * Asks what to animate and how: the parameter (the total effort, or a project's weight, a or b), its
 * range, the frame count, the duration, the loop count, the size and the format (GIF or WebP), with a
 * preview of the first and the last frame drawn by the export's own code. OK is enabled only when the
 * settings make an animation; the line under the form says why not otherwise.
 */
class AnimationDialog : public QDialog
{
    Q_OBJECT

public:
    AnimationDialog(const Scenario &scenario, const Theme &theme, QWidget *parent = nullptr);

    /// The sweep as chosen (bound to the scenario), or std::nullopt when the range is out of its domain.
    [[nodiscard]] std::optional<Sweep> sweep() const;
    [[nodiscard]] AnimationOptions options() const;
    [[nodiscard]] AnimationFormat format() const;
    /// Why the settings cannot make an animation, or empty.
    [[nodiscard]] QString problem() const;

    [[nodiscard]] QComboBox *parameterBox() const { return m_parameter; }
    [[nodiscard]] QDoubleSpinBox *fromBox() const { return m_from; }
    [[nodiscard]] QDoubleSpinBox *toBox() const { return m_to; }
    [[nodiscard]] QSpinBox *framesBox() const { return m_frames; }
    [[nodiscard]] QDoubleSpinBox *durationBox() const { return m_duration; }
    [[nodiscard]] QSpinBox *loopBox() const { return m_loop; }
    [[nodiscard]] QComboBox *formatBox() const { return m_format; }
    [[nodiscard]] QLabel *firstPreview() const { return m_first; }
    [[nodiscard]] QLabel *lastPreview() const { return m_last; }
    [[nodiscard]] QDialogButtonBox *buttons() const { return m_buttons; }
    /// Draws the previews now (they otherwise follow the settings after a short pause).
    void updatePreview();
    /// Weighted value (the window's View ▸ Weighted Value): the previews and options() plot weight × accuracy.
    void setWeighted(bool on);

private:
    void parameterChanged();
    void validate();

    Scenario m_scenario;
    Theme m_theme;
    QComboBox *m_parameter;
    QDoubleSpinBox *m_from;
    QDoubleSpinBox *m_to;
    QSpinBox *m_frames;
    QDoubleSpinBox *m_duration;
    QSpinBox *m_loop;
    QComboBox *m_size;
    QComboBox *m_format;
    QLabel *m_first;
    QLabel *m_last;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
    QTimer *m_previewTimer;
    bool m_weighted = false;
};

} // namespace ef
