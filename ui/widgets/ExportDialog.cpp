// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "widgets/ExportDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>

#include <cmath>

namespace ef {

ExportDialog::ExportDialog(const QString &path, const ExportOptions &initial, QWidget *parent)
    : QDialog(parent), m_format(exportFormatFor(path).value_or(ExportFormat::Png)), m_width(new QSpinBox(this)),
      m_height(new QSpinBox(this)), m_scale(new QComboBox(this)), m_summary(new QLabel(this))
{
    setWindowTitle(QStringLiteral("Export %1").arg(QFileInfo(path).fileName()));
    auto *form = new QFormLayout(this);
    for (QSpinBox *box : {m_width, m_height}) {
        box->setRange(16, 20000);
        box->setSuffix(QStringLiteral(" px"));
        box->setSingleStep(100);
    }
    m_width->setValue(initial.size.width());
    m_height->setValue(initial.size.height());
    for (int s = 1; s <= 4; ++s)
        m_scale->addItem(QStringLiteral("%1×").arg(s), s);
    m_scale->setCurrentIndex(std::clamp(static_cast<int>(std::lround(initial.scale)), 1, 4) - 1);
    m_scale->setEnabled(m_format == ExportFormat::Png);
    m_scale->setToolTip(QStringLiteral("PNG only: draw at this multiple of the size for sharp slides "
                                       "(fonts and lines scale too)"));
    form->addRow(QStringLiteral("&Width"), m_width);
    form->addRow(QStringLiteral("&Height"), m_height);
    form->addRow(QStringLiteral("&Scale"), m_scale);
    form->addRow(m_summary);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_width, &QSpinBox::valueChanged, this, &ExportDialog::updateSummary);
    connect(m_height, &QSpinBox::valueChanged, this, &ExportDialog::updateSummary);
    connect(m_scale, &QComboBox::currentIndexChanged, this, &ExportDialog::updateSummary);
    updateSummary();
}

ExportOptions ExportDialog::options() const
{
    ExportOptions options;
    options.size = QSize(m_width->value(), m_height->value());
    options.scale = m_format == ExportFormat::Png ? m_scale->currentData().toInt() : 1;
    return options;
}

void ExportDialog::updateSummary()
{
    const ExportOptions o = options();
    if (m_format == ExportFormat::Png)
        m_summary->setText(QStringLiteral("The image will be %1 × %2 pixels.")
                               .arg(static_cast<int>(o.size.width() * o.scale))
                               .arg(static_cast<int>(o.size.height() * o.scale)));
    else
        m_summary->setText(QStringLiteral("Vector output: the size sets the layout and the page."));
}

} // namespace ef
