// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "widgets/RangesDialog.h"

#include "ScenarioFile.h"
#include "document/Document.h"
#include "document/FitRunner.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace ef {

namespace {

/// About five significant digits for a value of this size.
int decimalsFor(double value)
{
    if (!(std::abs(value) > 0))
        return 3;
    return std::clamp(4 - static_cast<int>(std::floor(std::log10(std::abs(value)))), 1, 9);
}

const char *const kKeys[] = {"a", "b", "midpoint", "weight"};

} // namespace

RangesDialog::RangesDialog(Document *document, const FitRunner *fitter, int project, QWidget *parent)
    : QDialog(parent), m_document(document), m_project(project)
{
    const Project &p = document->scenario().projects.at(static_cast<std::size_t>(project));
    setWindowTitle(tr("Ranges of %1").arg(QString::fromStdString(p.name)));
    const bool logistic = p.curve.family == CurveFamily::Logistic;
    const QString names[] = {tr("a"), tr("b"), tr("Midpoint"), tr("Weight")};
    const double points[] = {p.curve.a, p.curve.b, p.curve.midpoint, p.weight};
    const double ceilings[] = {limits::kMaxA, limits::maxB(p.curve.family), limits::kMaxMidpoint, limits::kMaxWeight};
    const std::optional<ParameterRange> *current[]
        = {&p.uncertainty.a, &p.uncertainty.b, &p.uncertainty.midpoint, &p.uncertainty.weight};

    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("The Monte Carlo draws each ticked parameter within its range; the chart then "
                                "shows how far each project's effort may move."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *grid = new QGridLayout;
    grid->addWidget(new QLabel(tr("Value"), this), 0, 1, Qt::AlignRight);
    grid->addWidget(new QLabel(tr("Low"), this), 0, 2);
    grid->addWidget(new QLabel(tr("High"), this), 0, 3);
    grid->addWidget(new QLabel(tr("± %"), this), 0, 4);
    for (int i = 0; i < ParameterCount; ++i) {
        Row &row = m_rows[static_cast<std::size_t>(i)];
        const int decimals = decimalsFor(points[i]);
        row.point = points[i];
        row.ceiling = ceilings[i];
        row.floor = i == B ? std::pow(10.0, -decimals) : 0.0;
        row.check = new QCheckBox(names[i], this);
        row.value = new QLabel(QString::number(points[i], 'g', 6), this);
        row.value->setToolTip(tr("The project's value now"));
        row.low = new QDoubleSpinBox(this);
        row.high = new QDoubleSpinBox(this);
        for (QDoubleSpinBox *box : {row.low, row.high}) {
            // Wider than the domain, so that a value outside it is refused with a message, not clamped away.
            box->setDecimals(decimals);
            box->setRange(-row.ceiling, 10 * row.ceiling);
            box->setMinimumWidth(110);
            box->setMaximumWidth(140);
            box->setEnabled(false);
        }
        row.plusMinus = new QDoubleSpinBox(this);
        row.plusMinus->setRange(-1, 1000); // -1: low and high are not symmetric around the value
        row.plusMinus->setSpecialValueText(tr("asym."));
        row.plusMinus->setDecimals(1);
        row.plusMinus->setSuffix(tr(" %"));
        row.plusMinus->setKeyboardTracking(false);
        row.plusMinus->setMinimumWidth(90);
        row.plusMinus->setMaximumWidth(110);
        row.plusMinus->setEnabled(false);
        row.plusMinus->setToolTip(points[i] != 0 ? tr("Low and high as the value ± this percentage of it")
                                                 : tr("The value is 0: give low and high instead"));
        row.low->setToolTip(tr("The least plausible value of %1").arg(names[i]));
        row.high->setToolTip(tr("The largest plausible value of %1").arg(names[i]));
        const int r = i + 1;
        grid->addWidget(row.check, r, 0);
        grid->addWidget(row.value, r, 1, Qt::AlignRight);
        grid->addWidget(row.low, r, 2);
        grid->addWidget(row.high, r, 3);
        grid->addWidget(row.plusMinus, r, 4);
        if (i == Midpoint && !logistic)
            for (QWidget *w :
                 {static_cast<QWidget *>(row.check), static_cast<QWidget *>(row.value), static_cast<QWidget *>(row.low),
                  static_cast<QWidget *>(row.high), static_cast<QWidget *>(row.plusMinus)})
                w->setVisible(false);
        // Unticked, the boxes show (greyed) the first guess that ticking gives: the value ± 20 %.
        setRange(static_cast<Parameter>(i), 0.8 * row.point, 1.2 * row.point);
        if (const auto &range = *current[i]; range && (i != Midpoint || logistic)) {
            row.check->setChecked(true);
            row.low->setValue(range->low);
            row.high->setValue(range->high);
            row.low->setEnabled(true);
            row.high->setEnabled(true);
            row.plusMinus->setEnabled(row.point != 0);
        }
        const auto parameter = static_cast<Parameter>(i);
        showPlusMinus(parameter);
        connect(row.check, &QCheckBox::toggled, this, [this, parameter](bool on) {
            Row &rw = m_rows[parameter];
            rw.low->setEnabled(on);
            rw.high->setEnabled(on);
            rw.plusMinus->setEnabled(on && rw.point != 0);
            if (on) // a first guess: the value ± 20 %
                setRange(parameter, 0.8 * rw.point, 1.2 * rw.point);
        });
        for (QDoubleSpinBox *box : {row.low, row.high})
            connect(box, &QDoubleSpinBox::valueChanged, this, [this, parameter] { showPlusMinus(parameter); });
        connect(row.plusMinus, &QDoubleSpinBox::valueChanged, this, [this, parameter](double percent) {
            Row &rw = m_rows[parameter];
            if (percent < 0 || rw.point == 0)
                return; // "asym.": low and high stay as typed
            const double half = std::abs(rw.point) * percent / 100.0;
            setRange(parameter, rw.point - half, rw.point + half);
        });
    }
    grid->setColumnStretch(0, 1);
    layout->addLayout(grid);

    m_errors = fitter ? fitter->lastFitErrors(project) : std::nullopt;
    m_fromFit = new QPushButton(tr("From last fit (±2 SE)"), this);
    m_fromFit->setAutoDefault(false);
    m_fromFit->setEnabled(m_errors.has_value());
    m_fromFit->setToolTip(m_errors ? tr("Set a and b%1 to the value ± 2 standard errors of the fit that gave "
                                        "this curve")
                                         .arg(logistic ? tr(" and the midpoint") : QString())
                                   : tr("Fit the curve to observations first: this curve is not a fit's result"));
    connect(m_fromFit, &QPushButton::clicked, this, &RangesDialog::fillFromFit);
    auto *fitRow = new QHBoxLayout;
    fitRow->addWidget(m_fromFit);
    fitRow->addStretch(1);
    layout->addLayout(fitRow);

    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #e5534b; font-weight: bold;"));
    m_problem->setVisible(false);
    layout->addWidget(m_problem);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &RangesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &RangesDialog::reject);
    layout->addWidget(buttons);
}

void RangesDialog::setRange(Parameter p, double low, double high)
{
    Row &row = m_rows[p];
    row.low->setValue(std::max(low, row.floor));
    row.high->setValue(std::min(high, row.ceiling));
}

void RangesDialog::showPlusMinus(Parameter p)
{
    Row &row = m_rows[p];
    if (!row.plusMinus || row.point == 0)
        return;
    // Symmetric to the boxes' precision: the half-width as a percentage; otherwise "asym.".
    const double below = row.point - row.low->value();
    const double above = row.high->value() - row.point;
    const double step = std::pow(10.0, -row.low->decimals());
    const bool symmetric = below >= 0 && above >= 0 && std::abs(above - below) <= 1.01 * step;
    const QSignalBlocker block(row.plusMinus);
    row.plusMinus->setValue(symmetric ? 100.0 * std::max(above, below) / std::abs(row.point) : -1.0);
}

void RangesDialog::fillFromFit()
{
    if (!m_errors)
        return;
    const double errors[] = {m_errors->a, m_errors->b, m_errors->midpoint};
    for (int i = A; i <= Midpoint; ++i) {
        Row &row = m_rows[static_cast<std::size_t>(i)];
        if (!row.check->isVisibleTo(this) || !std::isfinite(errors[i]))
            continue;
        const QSignalBlocker block(row.check);
        row.check->setChecked(true);
        row.low->setEnabled(true);
        row.high->setEnabled(true);
        row.plusMinus->setEnabled(row.point != 0);
        setRange(static_cast<Parameter>(i), row.point - 2 * errors[i], row.point + 2 * errors[i]);
    }
}

Uncertainty RangesDialog::ranges() const
{
    Uncertainty u;
    std::optional<ParameterRange> *targets[] = {&u.a, &u.b, &u.midpoint, &u.weight};
    for (int i = 0; i < ParameterCount; ++i) {
        const Row &row = m_rows[static_cast<std::size_t>(i)];
        if (!row.check->isChecked() || !row.check->isVisibleTo(this))
            continue;
        // The boxes show a few digits: a bound that rounds to the value means the value itself.
        const double half = 0.5 * std::pow(10.0, -row.low->decimals());
        double low = row.low->value(), high = row.high->value();
        if (low > row.point && low - row.point <= half)
            low = row.point;
        if (high < row.point && row.point - high <= half)
            high = row.point;
        *targets[i] = ParameterRange{low, high};
    }
    return u;
}

int RangesDialog::count(const Uncertainty &u)
{
    return int(u.a.has_value()) + int(u.b.has_value()) + int(u.midpoint.has_value()) + int(u.weight.has_value());
}

void RangesDialog::accept()
{
    const auto &projects = m_document->scenario().projects;
    if (m_project < 0 || static_cast<std::size_t>(m_project) >= projects.size())
        return QDialog::reject();
    const auto index = static_cast<std::size_t>(m_project);
    const Uncertainty u = ranges();
    Scenario trial = m_document->scenario();
    trial.projects[index].uncertainty = u;
    if (const auto error = validateScenario(trial, QString())) {
        // Name the parameter ("projects[2].uncertainty.b" → "b"), with the core's reason.
        QString name = tr("The ranges");
        const QString names[] = {tr("a"), tr("b"), tr("Midpoint"), tr("Weight")};
        for (int i = 0; i < ParameterCount; ++i)
            if (error->location.endsWith(QStringLiteral(".uncertainty.") + QLatin1String(kKeys[i])))
                name = names[i];
        m_problem->setText(tr("%1: %2. Nothing changed.").arg(name, error->reason));
        m_problem->setVisible(true);
        adjustSize(); // room for the message without squeezing the rows
        return;
    }
    if (u != projects[index].uncertainty)
        m_document->edit(tr("Set ranges of %1").arg(QString::fromStdString(projects[index].name)),
                         [index, u](Scenario &s) { s.projects.at(index).uncertainty = u; });
    QDialog::accept();
}

} // namespace ef
