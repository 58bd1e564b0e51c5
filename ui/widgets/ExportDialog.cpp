// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "widgets/ExportDialog.h"

#include "charts/Theme.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>

#include <cmath>

namespace ef {

namespace {

struct SizePreset {
    const char *label;
    QSize size;
};

/// Slides first: most projectors and slide decks are 16:9.
const SizePreset kPresets[] = {
    {QT_TRANSLATE_NOOP("ef::ExportDialog", "Slide, Full HD 16:9 (1920 × 1080)"), {1920, 1080}},
    {QT_TRANSLATE_NOOP("ef::ExportDialog", "Slide, HD 16:9 (1280 × 720)"), {1280, 720}},
    {QT_TRANSLATE_NOOP("ef::ExportDialog", "Document 3:2 (1200 × 800)"), {1200, 800}},
    {QT_TRANSLATE_NOOP("ef::ExportDialog", "Square (1080 × 1080)"), {1080, 1080}},
};

} // namespace

ExportDialog::ExportDialog(const QString &path, const ExportRequest &initial, QWidget *parent)
    : QDialog(parent), m_format(exportFormatFor(path).value_or(ExportFormat::Png)), m_view(new QComboBox(this)),
      m_theme(new QComboBox(this)), m_presets(new QComboBox(this)), m_width(new QSpinBox(this)),
      m_height(new QSpinBox(this)), m_scale(new QComboBox(this)), m_summary(new QLabel(this))
{
    setWindowTitle(tr("Export %1").arg(QFileInfo(path).fileName()));
    auto *form = new QFormLayout(this);
    m_view->addItem(tr("Accuracy chart (curves and optimal points)"), QVariant::fromValue(ChartView::Accuracy));
    m_view->addItem(tr("Growth view (the split as the budget grows)"), QVariant::fromValue(ChartView::Growth));
    m_view->addItem(tr("Marginal view (each unit's gain and the water level)"),
                    QVariant::fromValue(ChartView::Marginal));
    m_view->setCurrentIndex(std::max(0, m_view->findData(QVariant::fromValue(initial.view))));
    for (const QString &id : Theme::ids())
        m_theme->addItem(Theme::byId(id)->displayName, id);
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(initial.themeId)));
    for (const SizePreset &preset : kPresets)
        m_presets->addItem(tr(preset.label), preset.size);
    m_presets->addItem(tr("Custom size"));
    for (QSpinBox *box : {m_width, m_height}) {
        box->setRange(16, 20000);
        box->setSuffix(tr(" px"));
        box->setSingleStep(100);
    }
    m_width->setValue(initial.options.size.width());
    m_height->setValue(initial.options.size.height());
    for (int s = 1; s <= 4; ++s)
        m_scale->addItem(QStringLiteral("%1×").arg(s), s);
    m_scale->setCurrentIndex(std::clamp(static_cast<int>(std::lround(initial.options.scale)), 1, 4) - 1);
    m_scale->setEnabled(m_format == ExportFormat::Png);
    m_scale->setToolTip(tr("PNG only: draw at this multiple of the size for sharp slides "
                           "(fonts and lines scale too)"));
    m_summary->setWordWrap(true);
    form->addRow(tr("&View"), m_view);
    form->addRow(tr("&Theme"), m_theme);
    form->addRow(tr("Si&ze"), m_presets);
    form->addRow(tr("&Width"), m_width);
    form->addRow(tr("&Height"), m_height);
    form->addRow(tr("&Scale"), m_scale);
    form->addRow(m_summary);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_presets, &QComboBox::activated, this, &ExportDialog::applyPreset);
    for (QSpinBox *box : {m_width, m_height})
        connect(box, &QSpinBox::valueChanged, this, &ExportDialog::updateSummary);
    connect(m_scale, &QComboBox::currentIndexChanged, this, &ExportDialog::updateSummary);
    connect(m_view, &QComboBox::currentIndexChanged, this, &ExportDialog::updateSummary);
    updateSummary();
}

void ExportDialog::applyPreset(int index)
{
    const QVariant size = m_presets->itemData(index);
    if (!size.isValid())
        return; // "Custom size": the spin boxes as they are
    const QSignalBlocker blockWidth(m_width);
    const QSignalBlocker blockHeight(m_height);
    m_width->setValue(size.toSize().width());
    m_height->setValue(size.toSize().height());
    updateSummary();
}

ExportRequest ExportDialog::request() const
{
    ExportRequest request;
    request.options.size = QSize(m_width->value(), m_height->value());
    request.options.scale = m_format == ExportFormat::Png ? m_scale->currentData().toInt() : 1;
    request.view = m_view->currentData().value<ChartView>();
    request.themeId = m_theme->currentData().toString();
    return request;
}

QString ExportDialog::summary() const
{
    return m_summary->text();
}

void ExportDialog::updateSummary()
{
    // The preset list follows the spin boxes: a size that matches a preset selects it.
    const QSize size(m_width->value(), m_height->value());
    const int preset = m_presets->findData(size);
    {
        const QSignalBlocker block(m_presets);
        m_presets->setCurrentIndex(preset >= 0 ? preset : m_presets->count() - 1);
    }
    const ExportOptions o = request().options;
    QString text = m_format == ExportFormat::Png ? tr("The image will be %1 × %2 pixels.")
                                                       .arg(static_cast<int>(o.size.width() * o.scale))
                                                       .arg(static_cast<int>(o.size.height() * o.scale))
                                                 : tr("Vector output: the size sets the layout and the page.");
    text += QLatin1Char(' ')
        + tr("Text is sized for the export (×%1). It shows the default, fitted view of the chart, not the "
             "window's zoom.")
              .arg(exportScale(o.size), 0, 'f', 2);
    m_summary->setText(text);
}

} // namespace ef
