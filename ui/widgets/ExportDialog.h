// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include "charts/ChartExport.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QSpinBox;

namespace ef {

/// Asks for the export size and (for PNG) the scale 1×–4×, showing the resulting pixel size.
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    ExportDialog(const QString &path, const ExportOptions &initial, QWidget *parent = nullptr);

    [[nodiscard]] ExportOptions options() const;

private:
    void updateSummary();

    ExportFormat m_format;
    QSpinBox *m_width;
    QSpinBox *m_height;
    QComboBox *m_scale;
    QLabel *m_summary;
};

} // namespace ef
