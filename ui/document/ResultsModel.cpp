// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "document/ResultsModel.h"

#include "Allocator.h"
#include "MonteCarlo.h"
#include "Plan.h"
#include "ScenarioFile.h"
#include "WaterLevel.h"
#include "document/AllocationService.h"
#include "document/Document.h"
#include "document/NumberFormat.h"

#include <QLocale>
#include <QPixmap>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <optional>
#include <unordered_map>

namespace ef {

namespace {

/// What a scenario's minEffort/maxEffort cost: the free optimum (every bound cleared) minus `constrained`.
struct ConstraintCost {
    double freeObjective = 0;
    double cost = 0;
    bool freeProven = true;
};

/// Only when the allocation carries its free optimum (compareWithFree(), run with the allocation, off
/// the UI thread when it is long): some project has a minimum above 0 or a maximum.
std::optional<ConstraintCost> constraintCost(const Allocation &constrained)
{
    if (!constrained.freeObjective)
        return std::nullopt;
    return ConstraintCost{*constrained.freeObjective, *constrained.freeObjective - constrained.objective,
                          constrained.freeProven};
}

} // namespace

ResultsModel::ResultsModel(Document *document, QObject *parent) : QAbstractTableModel(parent), m_document(document)
{
    connect(m_document, &Document::changed, this, &ResultsModel::refresh);
    refresh();
}

void ResultsModel::setTheme(const Theme &theme)
{
    m_theme = theme;
    refresh();
}

int ResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ResultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : (m_compare ? ColumnCount : kPlainColumns) + (m_top ? 2 : 0);
}

int ResultsModel::spreadColumn() const
{
    return m_top ? (m_compare ? ColumnCount : kPlainColumns) : -1;
}

int ResultsModel::topProbabilityColumn() const
{
    return m_top ? spreadColumn() + 1 : -1;
}

int ResultsModel::cellIndex(int column) const
{
    if (m_top && column == spreadColumn())
        return kSpreadCell;
    return m_top && column == topProbabilityColumn() ? kTopCell : column;
}

QString ResultsModel::text(int row, int column) const
{
    if (row < 0 || row >= rowCount() || column < 0 || column >= columnCount())
        return {};
    return m_rows[static_cast<std::size_t>(row)].cells[cellIndex(column)];
}

QVariant ResultsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const Row &row = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return row.cells[cellIndex(index.column())];
    case Qt::EditRole: {
        // As text, so the editor is a line edit where an empty value drops the plan.
        if (index.column() != PlannedColumn)
            return row.cells[cellIndex(index.column())];
        const std::optional<Effort> planned
            = m_document->scenario().projects.at(static_cast<std::size_t>(index.row())).planned;
        return planned ? QString::number(*planned) : QString();
    }
    case Qt::ToolTipRole:
        return m_top && index.column() == spreadColumn() ? QVariant(spreadToolTip(index.row())) : QVariant();
    case Qt::TextAlignmentRole: {
        const bool text
            = index.column() == ProjectColumn || index.column() == StageColumn || index.column() == BaselineStageColumn;
        return QVariant::fromValue(Qt::Alignment((text ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter));
    }
    case Qt::DecorationRole:
        if (index.column() == ProjectColumn) {
            QPixmap swatch(12, 12);
            swatch.fill(row.color);
            return swatch;
        }
        return {};
    default:
        return {};
    }
}

Qt::ItemFlags ResultsModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == PlannedColumn)
        flags |= Qt::ItemIsEditable;
    return flags;
}

bool ResultsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !index.isValid() || index.column() != PlannedColumn || index.row() >= rowCount())
        return false;
    const QString text = value.toString().trimmed().remove(QLocale().groupSeparator());
    std::optional<Effort> planned;
    if (!text.isEmpty() && text != QStringLiteral("—")) {
        bool ok = false;
        const qlonglong units = text.toLongLong(&ok);
        if (!ok || units < 0 || units > limits::kMaxTotalEffort)
            return false;
        planned = units;
    }
    const auto row = static_cast<std::size_t>(index.row());
    m_document->edit(tr("Set planned effort"), [row, planned](Scenario &scenario) {
        if (row < scenario.projects.size())
            scenario.projects[row].planned = planned;
    });
    return true;
}

QVariant ResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (section == spreadColumn()) {
        if (role == Qt::DisplayRole)
            return tr("p5–p95");
        if (role == Qt::ToolTipRole)
            return tr("The effort range of the middle 90 % of the Monte Carlo's draws (over the projects' "
                      "uncertainty ranges), in units: the 5th to the 95th percentile. Hover a cell for how often "
                      "the project reaches each stage.");
        return {};
    }
    if (section == topProbabilityColumn()) {
        if (role == Qt::DisplayRole)
            return tr("P(top)");
        if (role == Qt::ToolTipRole)
            return tr("The share of the Monte Carlo's draws (over the projects' uncertainty ranges) in which this "
                      "project gets the most effort.");
        return {};
    }
    if (role == Qt::DisplayRole) {
        switch (section) {
        case ProjectColumn:
            return tr("Project");
        case EffortColumn:
            return tr("Effort");
        case ShareColumn:
            return tr("Share");
        case AccuracyColumn:
            return tr("Accuracy");
        case LastGainColumn:
            return tr("Last gain");
        case GainColumn:
            return tr("Next gain");
        case StageColumn:
            return tr("Stage");
        case PlannedColumn:
            return tr("Planned");
        case DeltaEffortColumn:
            return tr("Δ effort");
        case DeltaValueColumn:
            return tr("Δ value");
        case BaselineStageColumn:
            return tr("Baseline stage");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case ProjectColumn:
            return tr("The project");
        case EffortColumn:
            return tr("Units of effort the allocator gives it");
        case ShareColumn:
            return tr("Its share of the total budget");
        case AccuracyColumn:
            return tr("f(effort): the accuracy its curve reaches with that effort");
        case LastGainColumn:
            return tr("weight · (f(effort) − f(effort − 1)): what its last unit added to the objective.\n"
                      "At the optimum every funded project's last gain is at least the water level.");
        case GainColumn:
            return tr("Weighted marginal gain, weight · (f(effort + 1) − f(effort)): what one more unit would add "
                      "to the objective.\nAt the optimum no project's next gain is above the water level.");
        case StageColumn:
            return tr("The lifecycle stage its effort reaches");
        case PlannedColumn:
            return tr("The team's own plan for it, in units (type to change; empty: no plan). The line under the "
                      "table says what the plan leaves on the table against the optimum.");
        case DeltaEffortColumn:
            return tr("Its effort now minus its effort in the baseline snapshot");
        case DeltaValueColumn:
            return tr("Its weighted value (weight · accuracy) now minus in the baseline snapshot");
        case BaselineStageColumn:
            return tr("The stage it had in the baseline snapshot");
        default:
            return {};
        }
    }
    return {};
}

QString ResultsModel::spreadToolTip(int row) const
{
    // Built on hover, not on every refresh: a slider tick with a Monte Carlo would format every row's.
    const Scenario &scenario = m_document->scenario();
    const MonteCarloResult *monteCarlo = m_document->monteCarlo();
    const auto i = static_cast<std::size_t>(row);
    if (!monteCarlo || !monteCarlo->ok() || i >= monteCarlo->projects.size() || i >= scenario.projects.size())
        return {};
    const MonteCarloProject &drawn = monteCarlo->projects[i];
    QStringList stages;
    for (std::size_t s = 0; s < drawn.stageProbabilities.size() && s < scenario.stages.size(); ++s)
        stages << tr("%1: %2").arg(QString::fromStdString(scenario.stages[s].name),
                                   format::percent(drawn.stageProbabilities[s]));
    return tr("%1 over %2 draws: effort %3 to %4 units, median %5.\nReaches each stage in:\n%6")
        .arg(QString::fromStdString(scenario.projects[i].name))
        .arg(monteCarlo->samples)
        .arg(format::units(drawn.p5), format::units(drawn.p95), format::units(drawn.p50),
             stages.join(QLatin1Char('\n')));
}

void ResultsModel::refresh()
{
    const Scenario &scenario = m_document->scenario();
    const AllocationResult &result = m_document->result();
    const Snapshot *baseline = m_document->baseline();
    const auto total = static_cast<double>(scenario.totalEffort);

    // The baseline's projects by name, with their effort and weighted value then.
    struct Then {
        Effort effort;
        double value;
        std::string stage;
    };
    std::unordered_map<std::string, Then> then;
    double baselineObjective = 0;
    if (baseline) {
        const Scenario old = baseline->toScenario();
        const Allocation evaluated = evaluate(old, baseline->efforts, Method::Exact);
        baselineObjective = evaluated.objective;
        for (std::size_t i = 0; i < old.projects.size(); ++i)
            then.emplace(
                old.projects[i].name,
                Then{baseline->efforts[i], evaluated.projects[i].value, old.stageNameFor(baseline->efforts[i])});
    }

    std::vector<Row> rows(scenario.projects.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const Project &project = scenario.projects[i];
        Row &row = rows[i];
        row.color = m_theme.projectColor(i, project.color);
        row.cells[ProjectColumn] = QString::fromStdString(project.name);
        if (project.weight != 1)
            row.cells[ProjectColumn] += QStringLiteral("  ×%1").arg(format::number(project.weight, 3));
        if (result.ok() && i < result.allocation->projects.size()) {
            const ProjectAllocation &pa = result.allocation->projects[i];
            row.cells[EffortColumn] = format::units(pa.effort);
            row.cells[ShareColumn] = total > 0
                ? QStringLiteral("%1 %").arg(100.0 * static_cast<double>(pa.effort) / total, 0, 'f', 1)
                : QStringLiteral("—");
            row.cells[AccuracyColumn] = format::number(pa.accuracy);
            const std::optional<double> last = lastGain(project, pa.effort);
            row.cells[LastGainColumn] = !last ? QStringLiteral("—") : format::number(*last);
            row.cells[GainColumn] = format::number(pa.marginal);
            row.cells[StageColumn] = QString::fromStdString(scenario.stageNameFor(pa.effort));
            row.cells[PlannedColumn] = project.planned ? format::units(*project.planned) : QStringLiteral("—");
            if (baseline) {
                const auto found = then.find(project.name);
                if (found == then.end()) {
                    row.cells[DeltaEffortColumn] = tr("new");
                    row.cells[DeltaValueColumn] = tr("new");
                    row.cells[BaselineStageColumn] = QStringLiteral("—");
                } else {
                    row.cells[DeltaEffortColumn] = format::signedUnits(pa.effort - found->second.effort);
                    row.cells[DeltaValueColumn] = format::signedNumber(pa.value - found->second.value);
                    row.cells[BaselineStageColumn] = QString::fromStdString(found->second.stage);
                }
            }
        } else {
            for (int c = EffortColumn; c < ColumnCount; ++c)
                row.cells[c] = QStringLiteral("—");
        }
    }

    const MonteCarloResult *monteCarlo = m_document->monteCarlo();
    const bool top = monteCarlo && monteCarlo->ok() && monteCarlo->projects.size() == rows.size();
    for (std::size_t i = 0; top && i < rows.size(); ++i) {
        const MonteCarloProject &drawn = monteCarlo->projects[i];
        rows[i].cells[kSpreadCell] = drawn.p5 == drawn.p95
            ? format::units(drawn.p5)
            : QStringLiteral("%1–%2").arg(format::units(drawn.p5), format::units(drawn.p95));
        rows[i].cells[kTopCell] = format::percent(drawn.topProbability);
    }

    const bool compare = baseline != nullptr;
    if (compare != m_compare || top != m_top || rows.size() != m_rows.size()) {
        beginResetModel();
        m_rows = std::move(rows);
        m_compare = compare;
        m_top = top;
        endResetModel();
    } else {
        // Only the cells whose text or colour changed: a view repaints just those (a slider step changes
        // a few efforts and every share, not the names, the plan or the stage of most rows). Many changed
        // cells are announced as one range, which repaints the whole table once.
        std::vector<QModelIndex> changed;
        const int columns = columnCount();
        for (std::size_t r = 0; r < rows.size(); ++r)
            for (int c = 0; c < columns; ++c) {
                const int cell = cellIndex(c);
                const bool colour = c == ProjectColumn && rows[r].color != m_rows[r].color;
                if (colour || rows[r].cells[cell] != m_rows[r].cells[cell])
                    changed.push_back(index(static_cast<int>(r), c));
            }
        m_rows = std::move(rows);
        if (changed.size() > 2 * m_rows.size() + 4)
            emit dataChanged(index(0, 0), index(rowCount() - 1, columns - 1));
        else
            for (const QModelIndex &cell : changed)
                emit dataChanged(cell, cell);
    }

    if (result.ok()) {
        const Allocation &a = *result.allocation;
        m_objective = tr("Objective Σ weight·accuracy = <b>%1</b> · %2 units · method %3")
                          .arg(format::number(a.objective, 6), format::units(a.totalEffort),
                               QString::fromLatin1(methodName(a.method).data(),
                                                   static_cast<qsizetype>(methodName(a.method).size())));
        std::vector<Effort> efforts;
        for (const ProjectAllocation &pa : a.projects)
            efforts.push_back(pa.effort);
        if (const std::optional<double> level = marginalSummary(scenario, efforts).waterLevel)
            m_objective += tr(" · water level %1").arg(format::number(*level));
        if (m_document->isUpdating())
            m_objective += tr(" · updating…");
        if (const std::optional<ConstraintCost> cost = constraintCost(a)) {
            // Forced dots (minimum, maximum, lock): what they cost against the split without them.
            m_objective += QStringLiteral("<br>")
                + tr("Constraints cost %1 (%2 %) against the free optimum %3")
                      .arg(format::number(cost->cost, 4),
                           format::number(100.0 * cost->cost / std::max(1e-300, std::abs(cost->freeObjective)), 3),
                           format::number(cost->freeObjective, 6));
            if (!cost->freeProven)
                m_objective += tr(" (the free optimum is the best found, not proven)");
        }
        if (!a.proven)
            m_objective += QStringLiteral("<br>")
                + tr("<b>Not proven optimal:</b> %1 (%2 s in the window). The split shown is the best found, at "
                     "most %3 (%4 %) below the best possible.")
                      .arg(QString::fromStdString(a.unprovenReason).toHtmlEscaped())
                      .arg(AllocationService::kInteractiveTimeLimitSeconds)
                      .arg(format::number(a.gap, 4),
                           format::number(100.0 * a.gap / std::max(1e-300, std::abs(a.objective)), 3));
        if (!scenario.allConcave()) {
            // S-curves: greedy's unit-by-unit rule can stop short of the threshold forever. Say so, and
            // what its split would lose against the exact one shown.
            m_objective += QStringLiteral("<br>")
                + tr("<b>Not every curve is concave:</b> greedy is unsafe here, so the exact method is used.");
            if (a.greedyObjective) {
                const double loss = a.objective - *a.greedyObjective;
                if (loss > 1e-12 * std::max(1.0, std::abs(a.objective)))
                    m_objective += QLatin1Char(' ')
                        + tr("Greedy's split would reach %1, losing %2 (%3 %).")
                              .arg(format::number(*a.greedyObjective, 6), format::number(loss, 4),
                                   format::number(100.0 * loss / std::max(1e-300, std::abs(a.objective)), 3));
                else
                    m_objective += QLatin1Char(' ') + tr("Here greedy's split happens to be as good.");
            }
        }
        if (hasPlan(scenario)) {
            // The team's plan: the value it leaves on the table, and the moves that reach the optimum.
            const PlanComparison plan = comparePlan(scenario, a);
            QStringList moves;
            for (const EffortMove &move : plan.moves)
                if (move.project < scenario.projects.size())
                    moves << tr("%1 %2").arg(
                        QString::fromStdString(scenario.projects[move.project].name).toHtmlEscaped(),
                        format::signedUnits(move.units));
            m_objective += QStringLiteral("<br>")
                + (plan.moves.empty() ? tr("<b>The plan is the optimum.</b>")
                                      : tr("<b>The plan leaves %1 on the table</b> (plan %2) · to the optimum: %3")
                                            .arg(format::number(plan.gap, 4), format::number(plan.objective, 6),
                                                 moves.join(QStringLiteral(", "))));
            if (plan.plannedTotal != a.totalEffort)
                m_objective += tr(" · the plan has %1 units, the budget %2")
                                   .arg(format::units(plan.plannedTotal), format::units(a.totalEffort));
        }
        if (top)
            m_objective += QStringLiteral("<br>")
                + tr("Expected regret of this split %1 (%2 draws)")
                      .arg(format::number(monteCarlo->expectedRegret, 4), format::units(monteCarlo->samples));
        if (baseline)
            m_objective += tr(" · <b>%1</b> against “%2” (%3)")
                               .arg(format::signedNumber(a.objective - baselineObjective, 6),
                                    QString::fromStdString(baseline->name).toHtmlEscaped(),
                                    format::number(baselineObjective, 6));
    } else {
        m_objective = tr("No allocation: %1").arg(QString::fromStdString(result.error).toHtmlEscaped());
    }
    emit refreshed();
}

} // namespace ef
