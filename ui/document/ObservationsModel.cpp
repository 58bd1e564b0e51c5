// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "document/ObservationsModel.h"

#include "ObservationCsv.h"
#include "ScenarioFile.h"
#include "document/Document.h"

#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <set>

namespace ef {

namespace {

QString shown(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

/// A typed text, shortened and quoted for a message.
QString quoted(const QString &text)
{
    const QString t = text.trimmed();
    return QStringLiteral("“%1”").arg(t.size() > 24 ? t.left(24) + QStringLiteral("…") : t);
}

} // namespace

ObservationsModel::ObservationsModel(Document *document, QObject *parent)
    : QAbstractTableModel(parent), m_document(document)
{
    connect(m_document, &Document::changed, this, &ObservationsModel::documentChanged);
}

const std::vector<Observation> *ObservationsModel::observations() const
{
    const Scenario &s = m_document->scenario();
    if (m_project < 0 || m_project >= static_cast<int>(s.projects.size()))
        return nullptr;
    return &s.projects[static_cast<std::size_t>(m_project)].observations;
}

QString ObservationsModel::projectName() const
{
    const Scenario &s = m_document->scenario();
    if (m_project < 0 || m_project >= static_cast<int>(s.projects.size()))
        return {};
    return QString::fromStdString(s.projects[static_cast<std::size_t>(m_project)].name);
}

void ObservationsModel::setProject(int index)
{
    beginResetModel();
    m_project = index;
    const std::vector<Observation> *rows = observations();
    m_rows = rows ? static_cast<int>(rows->size()) : 0;
    endResetModel();
}

void ObservationsModel::documentChanged()
{
    const std::vector<Observation> *rows = observations();
    const int count = rows ? static_cast<int>(rows->size()) : 0;
    if (count != m_rows) {
        beginResetModel();
        m_rows = count;
        endResetModel();
    } else if (count > 0) {
        emit dataChanged(index(0, 0), index(count - 1, ColumnCount - 1));
    }
}

int ObservationsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int ObservationsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ObservationsModel::data(const QModelIndex &index, int role) const
{
    const std::vector<Observation> *rows = observations();
    if (!rows || !index.isValid() || index.row() >= static_cast<int>(rows->size()))
        return {};
    const Observation &o = (*rows)[static_cast<std::size_t>(index.row())];
    const double value = index.column() == EffortColumn ? o.effort : o.accuracy;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole: // text, so the editor is a line edit that takes any number, not a 2-decimal spin box
        return shown(value);
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant ObservationsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role == Qt::DisplayRole) {
        if (orientation == Qt::Vertical)
            return section + 1;
        return section == EffortColumn ? tr("Effort (units)") : tr("Accuracy");
    }
    if (role == Qt::ToolTipRole && orientation == Qt::Horizontal)
        return section == EffortColumn ? tr("Effort spent when the accuracy was measured (≥ 0; fractions allowed)")
                                       : tr("The accuracy measured at that effort, in the curve's units");
    return {};
}

Qt::ItemFlags ObservationsModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable;
}

bool ObservationsModel::parseNumber(const QString &text, double &value)
{
    const QString t = text.trimmed();
    bool ok = false;
    value = QLocale::c().toDouble(t, &ok);
    if (!ok)
        value = QLocale().toDouble(t, &ok);
    return ok;
}

bool ObservationsModel::refuse(const QString &message)
{
    m_lastError = message;
    emit refused(message);
    return false;
}

bool ObservationsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    const std::vector<Observation> *rows = observations();
    if (role != Qt::EditRole || !rows || !index.isValid() || index.row() >= static_cast<int>(rows->size()))
        return false;
    const bool effort = index.column() == EffortColumn;
    const QString what = effort ? tr("effort") : tr("accuracy");
    double number = 0;
    if (value.typeId() == QMetaType::Double || value.typeId() == QMetaType::Int)
        number = value.toDouble();
    else if (!parseNumber(value.toString(), number))
        return refuse(
            tr("Row %1: the %2 %3 is not a number.").arg(index.row() + 1).arg(what, quoted(value.toString())));
    if (!std::isfinite(number))
        return refuse(tr("Row %1: the %2 must be a finite number, not %3.")
                          .arg(index.row() + 1)
                          .arg(what, quoted(value.toString())));
    if (effort && number < 0)
        return refuse(tr("Row %1: an effort cannot be negative (%2).").arg(index.row() + 1).arg(shown(number)));
    m_lastError.clear();
    const auto row = static_cast<std::size_t>(index.row());
    const auto p = static_cast<std::size_t>(m_project);
    m_document->edit(tr("Edit observation %1 of %2").arg(index.row() + 1).arg(projectName()), [=](Scenario &s) {
        Observation &o = s.projects.at(p).observations.at(row);
        (effort ? o.effort : o.accuracy) = number;
    });
    return true;
}

bool ObservationsModel::append(const std::vector<Observation> &rows, const QString &undoText, const QString &note,
                               Placement placement)
{
    const std::vector<Observation> *current = observations();
    if (!current)
        return refuse(tr("No project is selected."));
    const std::size_t total = (placement == Placement::Replace ? 0 : current->size()) + rows.size();
    if (total > static_cast<std::size_t>(limits::kMaxObservations)) {
        const QLocale locale;
        return refuse(tr("%1 has %2 observations; %3 more would make %4, over the limit of %5 per project.")
                          .arg(projectName(), locale.toString(static_cast<qlonglong>(current->size())),
                               locale.toString(static_cast<qlonglong>(rows.size())),
                               locale.toString(static_cast<qlonglong>(total)),
                               locale.toString(limits::kMaxObservations)));
    }
    m_lastError.clear();
    m_lastNote = note;
    const auto p = static_cast<std::size_t>(m_project);
    m_document->edit(undoText, [&](Scenario &s) {
        auto &o = s.projects.at(p).observations;
        if (placement == Placement::Replace)
            o.clear();
        o.insert(o.end(), rows.begin(), rows.end());
    });
    return true;
}

bool ObservationsModel::appendRow()
{
    const std::vector<Observation> *rows = observations();
    if (!rows)
        return refuse(tr("No project is selected."));
    const Project &project = m_document->scenario().projects[static_cast<std::size_t>(m_project)];
    const double effort = rows->empty() ? 0.0 : std::min(rows->back().effort + 1, 1e15);
    double accuracy = project.curve.value(effort);
    if (!std::isfinite(accuracy))
        accuracy = 0;
    return append({Observation{effort, accuracy}}, tr("Add observation to %1").arg(projectName()), QString());
}

bool ObservationsModel::removeRowsAt(const std::vector<int> &rows)
{
    const std::vector<Observation> *current = observations();
    if (!current)
        return false;
    std::set<int> unique;
    for (int r : rows)
        if (r >= 0 && r < static_cast<int>(current->size()))
            unique.insert(r);
    if (unique.empty())
        return refuse(tr("Select the rows to remove first."));
    m_lastError.clear();
    const auto p = static_cast<std::size_t>(m_project);
    const QString text = unique.size() == 1
        ? tr("Remove observation %1 of %2").arg(*unique.begin() + 1).arg(projectName())
        : tr("Remove %1 observations of %2").arg(unique.size()).arg(projectName());
    m_document->edit(text, [&](Scenario &s) {
        auto &o = s.projects.at(p).observations;
        for (auto it = unique.rbegin(); it != unique.rend(); ++it)
            o.erase(o.begin() + *it);
    });
    return true;
}

bool ObservationsModel::paste(const QString &text, const QModelIndex &target)
{
    if (!observations())
        return refuse(tr("No project is selected."));
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return refuse(tr("Nothing to paste: the clipboard holds no text."));
    // One cell copied: it replaces the current cell.
    static const QRegularExpression separators(QStringLiteral("[\\t;\\n]"));
    double single = 0;
    if (target.isValid() && !trimmed.contains(separators) && parseNumber(trimmed, single))
        return setData(target, trimmed);
    const ObservationCsvResult parsed = parseObservationCsv(text.toUtf8());
    if (!parsed.ok())
        return refuse(
            tr("Paste refused, nothing changed: %1. Paste two columns, effort and accuracy.").arg(parsed.error));
    const QLocale locale;
    const QString note
        = tr("Pasted %1 observations.").arg(locale.toString(static_cast<qlonglong>(parsed.observations.size())));
    return append(parsed.observations, tr("Paste observations into %1").arg(projectName()), note);
}

bool ObservationsModel::importCsv(const QString &path, Placement placement)
{
    if (!observations())
        return refuse(tr("No project is selected."));
    const ObservationCsvResult loaded = loadObservationCsv(QFile::encodeName(path));
    const QString file = QFileInfo(path).fileName();
    if (!loaded.ok())
        return refuse(tr("Import refused, nothing changed: %1").arg(loaded.error));
    const QLocale locale;
    const QString count = locale.toString(static_cast<qlonglong>(loaded.observations.size()));
    if (placement == Placement::Replace) {
        const QString before = locale.toString(static_cast<qlonglong>(observations()->size()));
        return append(loaded.observations, tr("Replace the observations of %1 with %2").arg(projectName(), file),
                      tr("Replaced %1 observations with the %2 of %3.").arg(before, count, file), placement);
    }
    return append(loaded.observations, tr("Import observations from %1 into %2").arg(file, projectName()),
                  tr("Imported %1 observations from %2.").arg(count, file));
}

} // namespace ef
