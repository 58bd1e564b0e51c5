// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include "charts/ChartExport.h"
#include "charts/ViewExport.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QSpinBox;

namespace ef {

/// Everything the Export dialog asks for.
struct ExportRequest {
    ExportOptions options;
    ChartView view = ChartView::Accuracy;
    QString themeId = QStringLiteral("dark");
};

/**
 * Asks what to export and how big: the view (the accuracy chart or the growth view), the theme, a size
 * — 16:9 slide presets first, or any custom size — and, for PNG, the scale 1×–4×. It says what the
 * result will be: pixel size, and that the export shows the default, fitted view, not a zoom.
 */
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    ExportDialog(const QString &path, const ExportRequest &initial, QWidget *parent = nullptr);

    [[nodiscard]] ExportRequest request() const;
    [[nodiscard]] ExportOptions options() const { return request().options; }

    [[nodiscard]] QComboBox *sizePresets() const { return m_presets; }
    [[nodiscard]] QComboBox *viewBox() const { return m_view; }
    [[nodiscard]] QComboBox *themeBox() const { return m_theme; }
    [[nodiscard]] QString summary() const;

private:
    void updateSummary();
    void applyPreset(int index);

    ExportFormat m_format;
    QComboBox *m_view;
    QComboBox *m_theme;
    QComboBox *m_presets;
    QSpinBox *m_width;
    QSpinBox *m_height;
    QComboBox *m_scale;
    QLabel *m_summary;
};

} // namespace ef
