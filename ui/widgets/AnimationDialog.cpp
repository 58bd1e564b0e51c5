// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "widgets/AnimationDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPixmap>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>

#include <limits>

namespace ef {

namespace {

constexpr int kPreviewWidth = 320;

/// The parameter box's choice: -1 for the total, else project × 3 + (0 weight, 1 a, 2 b).
constexpr int kTotal = -1;

} // namespace

AnimationDialog::AnimationDialog(const Scenario &scenario, const Theme &theme, QWidget *parent)
    : QDialog(parent), m_scenario(scenario), m_theme(theme), m_parameter(new QComboBox(this)),
      m_from(new QDoubleSpinBox(this)), m_to(new QDoubleSpinBox(this)), m_frames(new QSpinBox(this)),
      m_duration(new QDoubleSpinBox(this)), m_loop(new QSpinBox(this)), m_size(new QComboBox(this)),
      m_format(new QComboBox(this)), m_first(new QLabel(this)), m_last(new QLabel(this)), m_status(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)),
      m_previewTimer(new QTimer(this))
{
    setWindowTitle(tr("Export Animation"));
    m_parameter->addItem(tr("Total effort"), kTotal);
    for (std::size_t i = 0; i < scenario.projects.size(); ++i) {
        const QString name = QString::fromStdString(scenario.projects[i].name);
        const int base = static_cast<int>(i) * 3;
        m_parameter->addItem(tr("Weight of %1").arg(name), base);
        m_parameter->addItem(tr("a of %1").arg(name), base + 1);
        m_parameter->addItem(tr("b of %1").arg(name), base + 2);
    }
    for (QDoubleSpinBox *box : {m_from, m_to}) {
        box->setDecimals(4);
        box->setRange(0, 1e9);
    }
    m_frames->setRange(kMinAnimationFrames, kMaxAnimationFrames);
    m_frames->setValue(60);
    m_duration->setRange(0.1, 3600);
    m_duration->setDecimals(1);
    m_duration->setValue(4);
    m_duration->setSuffix(tr(" s"));
    m_loop->setRange(0, 65535);
    m_loop->setSpecialValueText(tr("forever"));
    m_loop->setSuffix(tr(" times"));
    m_size->addItem(tr("Slide, HD 16:9 (1280 × 720)"), QSize(1280, 720));
    m_size->addItem(tr("Slide, Full HD 16:9 (1920 × 1080)"), QSize(1920, 1080));
    m_size->addItem(tr("Document 3:2 (1200 × 800)"), QSize(1200, 800));
    m_format->addItem(tr("GIF (plays everywhere)"), QVariant::fromValue(AnimationFormat::Gif));
    m_format->addItem(tr("WebP (lossless, smaller)"), QVariant::fromValue(AnimationFormat::WebP));
    for (QLabel *preview : {m_first, m_last}) {
        preview->setFixedSize(kPreviewWidth, kPreviewWidth * 9 / 16);
        preview->setAlignment(Qt::AlignCenter);
        preview->setFrameShape(QFrame::StyledPanel);
    }
    m_status->setWordWrap(true);

    auto *form = new QFormLayout(this);
    form->addRow(tr("&Parameter"), m_parameter);
    auto *range = new QHBoxLayout;
    range->addWidget(m_from);
    range->addWidget(new QLabel(tr("to"), this));
    range->addWidget(m_to);
    form->addRow(tr("&From"), range);
    form->addRow(tr("F&rames"), m_frames);
    form->addRow(tr("&Duration"), m_duration);
    form->addRow(tr("&Loop"), m_loop);
    form->addRow(tr("&Size"), m_size);
    form->addRow(tr("F&ormat"), m_format);
    auto *previews = new QHBoxLayout;
    previews->addWidget(m_first);
    previews->addWidget(m_last);
    form->addRow(tr("First and last frame"), previews);
    form->addRow(m_status);
    form->addRow(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(250);
    connect(m_previewTimer, &QTimer::timeout, this, &AnimationDialog::updatePreview);
    connect(m_parameter, &QComboBox::currentIndexChanged, this, &AnimationDialog::parameterChanged);
    for (QDoubleSpinBox *box : {m_from, m_to, m_duration})
        connect(box, &QDoubleSpinBox::valueChanged, this, &AnimationDialog::validate);
    for (QSpinBox *box : {m_frames, m_loop})
        connect(box, &QSpinBox::valueChanged, this, &AnimationDialog::validate);
    connect(m_size, &QComboBox::currentIndexChanged, this, &AnimationDialog::validate);
    parameterChanged();
}

void AnimationDialog::parameterChanged()
{
    const int choice = m_parameter->currentData().toInt();
    const QSignalBlocker blockFrom(m_from);
    const QSignalBlocker blockTo(m_to);
    if (choice == kTotal) {
        for (QDoubleSpinBox *box : {m_from, m_to}) {
            box->setDecimals(0);
            box->setSingleStep(10);
        }
        m_from->setValue(0);
        m_to->setValue(static_cast<double>(std::max<Effort>(m_scenario.totalEffort, 10)));
    } else {
        const Project &project = m_scenario.projects[static_cast<std::size_t>(choice / 3)];
        const double now = choice % 3 == 0 ? project.weight : choice % 3 == 1 ? project.curve.a : project.curve.b;
        for (QDoubleSpinBox *box : {m_from, m_to}) {
            box->setDecimals(4);
            box->setSingleStep(now > 0 ? now / 10 : 0.1);
        }
        m_from->setValue(choice % 3 == 0 ? now : now / 2);
        m_to->setValue(choice % 3 == 0 ? std::max(now, 1.0) * 3 : std::max(now, 1e-4) * 2);
    }
    validate();
}

std::optional<Sweep> AnimationDialog::sweep() const
{
    const int choice = m_parameter->currentData().toInt();
    std::string text;
    if (choice == kTotal) {
        text = "total";
    } else {
        static const char *kNames[] = {"weight", "a", "b"};
        text.append(kNames[choice % 3])
            .append("[")
            .append(m_scenario.projects[static_cast<std::size_t>(choice / 3)].name)
            .append("]");
    }
    // The same checks as --animate: the text goes through the command line's parser.
    text.append("=")
        .append(QString::number(m_from->value(), 'g', 17).toStdString())
        .append(":")
        .append(QString::number(m_to->value(), 'g', 17).toStdString());
    SweepParse parsed = parseSweep(text);
    if (!parsed.sweep)
        return std::nullopt;
    Sweep sweep = *parsed.sweep;
    if (!bindSweep(sweep, m_scenario).empty())
        return std::nullopt;
    return sweep;
}

AnimationOptions AnimationDialog::options() const
{
    AnimationOptions options;
    options.size = m_size->currentData().toSize();
    options.frames = m_frames->value();
    options.seconds = m_duration->value();
    options.loop = m_loop->value();
    options.weighted = m_weighted;
    return options;
}

void AnimationDialog::setWeighted(bool on)
{
    if (on == m_weighted)
        return;
    m_weighted = on;
    validate(); // the previews again
}

AnimationFormat AnimationDialog::format() const
{
    return m_format->currentData().value<AnimationFormat>();
}

QString AnimationDialog::problem() const
{
    const int choice = m_parameter->currentData().toInt();
    if (!sweep()) {
        if (choice == kTotal)
            return tr("The total must run between whole numbers of units.");
        return choice % 3 == 2 ? tr("b must stay above 0.") : tr("The range must stay at 0 or above.");
    }
    return animationOptionsProblem(options());
}

void AnimationDialog::validate()
{
    const QString text = problem();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(text.isEmpty());
    if (text.isEmpty()) {
        const AnimationOptions o = options();
        m_status->setText(tr("%1 frames of %2 × %3, %4 ms each.")
                              .arg(o.frames)
                              .arg(o.size.width())
                              .arg(o.size.height())
                              .arg(o.seconds * 1000 / o.frames, 0, 'f', 0));
        m_previewTimer->start();
    } else {
        m_status->setText(text);
    }
}

void AnimationDialog::updatePreview()
{
    const std::optional<Sweep> chosen = sweep();
    if (!chosen || !animationOptionsProblem(options()).isEmpty())
        return;
    AnimationRenderer renderer(m_scenario, *chosen, m_theme, options());
    const int frames = options().frames;
    for (const auto &[label, frame] : {std::pair{m_first, 0}, std::pair{m_last, frames - 1}}) {
        QString error;
        const QImage image = renderer.frame(frame, &error);
        if (image.isNull()) {
            label->setPixmap({});
            label->setText(error);
            label->setWordWrap(true);
        } else {
            label->setPixmap(
                QPixmap::fromImage(image.scaled(label->size(), Qt::KeepAspectRatio, Qt::SmoothTransformation)));
        }
    }
}

} // namespace ef
