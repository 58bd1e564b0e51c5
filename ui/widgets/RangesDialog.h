// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include "Fit.h"
#include "Uncertainty.h"

#include <QDialog>

#include <array>
#include <optional>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;

namespace ef {

class Document;
class FitRunner;

/**
 * The uncertainty ranges of one project: for its a, b, weight and (logistic only) midpoint, a checkbox,
 * low/high boxes and a "± %" box (ticking one fills the value ± 20 %; typing a percentage sets low and
 * high around the value; low and high typed apart show "asym." there). "From last fit (±2 SE)" fills a and b (and
 * the midpoint) with the value ± 2 standard errors of the fit that gave the current curve, clipped to
 * the domain. OK applies every range as one undo step, or refuses, with a message naming the parameter
 * and changing nothing, when a range is not valid for a scenario file (validateScenario).
 */
class RangesDialog : public QDialog
{
    Q_OBJECT

public:
    enum Parameter {
        A,
        B,
        Midpoint,
        Weight,
        ParameterCount
    };

    RangesDialog(Document *document, const FitRunner *fitter, int project, QWidget *parent = nullptr);

    [[nodiscard]] QCheckBox *check(Parameter p) const { return m_rows[p].check; }
    [[nodiscard]] QDoubleSpinBox *lowBox(Parameter p) const { return m_rows[p].low; }
    [[nodiscard]] QDoubleSpinBox *highBox(Parameter p) const { return m_rows[p].high; }
    /// The half-width as a percentage of the value; its minimum (-1, shown "asym.") while low and high
    /// are not symmetric around the value. Disabled for a value of 0.
    [[nodiscard]] QDoubleSpinBox *plusMinusBox(Parameter p) const { return m_rows[p].plusMinus; }
    [[nodiscard]] QPushButton *fromFitButton() const { return m_fromFit; }
    /// Why OK was refused (hidden when it was not).
    [[nodiscard]] QLabel *problemLabel() const { return m_problem; }
    /// The ranges the boxes hold now (unticked: none).
    [[nodiscard]] Uncertainty ranges() const;

    /// The number of ranges `u` sets, for the "Ranges… (n)" button.
    static int count(const Uncertainty &u);

public slots:
    void accept() override;
    /// Fills a, b and the midpoint from the last fit's standard errors (value ± 2 SE, clipped).
    void fillFromFit();

private:
    struct Row {
        QCheckBox *check = nullptr;
        QLabel *value = nullptr;
        QDoubleSpinBox *low = nullptr;
        QDoubleSpinBox *high = nullptr;
        QDoubleSpinBox *plusMinus = nullptr;
        double point = 0;   ///< The parameter's value.
        double floor = 0;   ///< The domain's least low (b: the smallest step above 0).
        double ceiling = 0; ///< The domain's largest high.
    };
    void setRange(Parameter p, double low, double high);
    /// Shows in the ± box the half-width of low…high in % of the value, or "asym.".
    void showPlusMinus(Parameter p);

    Document *m_document;
    int m_project;
    std::array<Row, ParameterCount> m_rows{};
    QPushButton *m_fromFit = nullptr;
    QLabel *m_problem = nullptr;
    std::optional<FitStandardErrors> m_errors;
};

} // namespace ef
