// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "document/ProjectListModel.h"

#include "document/Document.h"
#include "document/NumberFormat.h"

#include <QScopedValueRollback>

#include <algorithm>
#include <cmath>

namespace ef {

ProjectListModel::ProjectListModel(Document *document, QObject *parent)
    : QAbstractListModel(parent), m_document(document)
{
    connect(m_document, &Document::changed, this, &ProjectListModel::refresh);
    refresh();
}

void ProjectListModel::setTheme(const Theme &theme)
{
    m_theme = theme;
    refresh();
}

int ProjectListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

Qt::ItemFlags ProjectListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QVariant ProjectListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole: {
        const QString name = QString::fromStdString(row.project.name);
        const QString weight = weightText(row.project.weight);
        return weight.isEmpty() ? name : name + QStringLiteral("  ") + weight;
    }
    case Qt::DecorationRole:
    case ColorRole:
        return row.color;
    case Qt::ToolTipRole:
        return toolTip(row);
    case WeightRole:
        return row.project.weight;
    case NameRole:
        return QString::fromStdString(row.project.name);
    default:
        return {};
    }
}

void ProjectListModel::refresh()
{
    if (m_refreshing)
        return; // called again by an observer of the rows' signals: this pass brings every row in step
    const QScopedValueRollback refreshing(m_refreshing, true);
    const std::vector<Project> &projects = m_document->scenario().projects;
    const std::size_t count = projects.size();
    const std::size_t shown = m_rows.size();
    if (count < shown) {
        beginRemoveRows({}, static_cast<int>(count), static_cast<int>(shown) - 1);
        m_rows.resize(count);
        endRemoveRows();
    }
    int first = -1;
    int last = -1;
    for (std::size_t i = 0; i < std::min(count, shown); ++i) {
        Row &row = m_rows[i];
        const QColor color = m_theme.projectColor(i, projects[i].color);
        if (row.project == projects[i] && row.color == color)
            continue;
        row.project = projects[i];
        row.color = color;
        first = first < 0 ? static_cast<int>(i) : first;
        last = static_cast<int>(i);
    }
    if (first >= 0)
        emit dataChanged(index(first), index(last));
    if (count > shown) {
        beginInsertRows({}, static_cast<int>(shown), static_cast<int>(count) - 1);
        for (std::size_t i = shown; i < count; ++i)
            m_rows.push_back(Row{projects[i], m_theme.projectColor(i, projects[i].color)});
        endInsertRows();
    }
}

QString ProjectListModel::weightText(double weight)
{
    if (weight == 1.0)
        return {};
    QString number;
    if (weight == std::round(weight) && std::abs(weight) < 1e15)
        number = format::units(static_cast<Effort>(weight));
    else
        number = QString::number(weight, 'g', 4);
    return QStringLiteral("×") + number;
}

QString ProjectListModel::familyTitle(CurveFamily family)
{
    switch (family) {
    case CurveFamily::Log:
        return tr("Logarithmic");
    case CurveFamily::Log1p:
        return tr("Logarithmic from zero");
    case CurveFamily::Exp:
        return tr("Saturating exponential");
    case CurveFamily::Power:
        return tr("Power law");
    case CurveFamily::Logistic:
        return tr("S-curve (logistic)");
    case CurveFamily::Learning:
        return tr("Learning curve (power law)");
    }
    return {};
}

QString ProjectListModel::familyFormula(CurveFamily family)
{
    switch (family) {
    case CurveFamily::Log:
        return QStringLiteral("a·ln(b·x)");
    case CurveFamily::Log1p:
        return QStringLiteral("a·ln(1 + b·x)");
    case CurveFamily::Exp:
        return QStringLiteral("a·(1 − e^(−b·x))");
    case CurveFamily::Power:
        return QStringLiteral("a·x^b");
    case CurveFamily::Logistic:
        return QStringLiteral("a/(1 + e^(−b(x − m))) − a/(1 + e^(b·m))");
    case CurveFamily::Learning:
        return QStringLiteral("a·(1 − (1 + x/s)^(−b))");
    }
    return {};
}

QString ProjectListModel::familyLabel(CurveFamily family)
{
    return tr("%1: %2").arg(familyTitle(family), familyFormula(family));
}

QString ProjectListModel::toolTip(const Row &row) const
{
    const Project &p = row.project;
    QStringList lines;
    lines << QStringLiteral("<b>%1</b>").arg(QString::fromStdString(p.name).toHtmlEscaped());
    lines << familyLabel(p.curve.family).toHtmlEscaped();
    QString parameters = tr("a = %1, b = %2").arg(format::number(p.curve.a), format::number(p.curve.b));
    if (p.curve.family == CurveFamily::Logistic)
        parameters += tr(", midpoint m = %1").arg(format::number(p.curve.midpoint));
    if (p.curve.family == CurveFamily::Learning)
        parameters += tr(", scale s = %1").arg(format::number(p.curve.scale));
    lines << parameters;
    lines << (p.weight == 1.0 ? tr("weight 1") : tr("weight %1").arg(weightText(p.weight)));
    if (p.minEffort > 0 || p.maxEffort)
        lines << tr("effort between %1 and %2")
                     .arg(format::units(p.minEffort), p.maxEffort ? format::units(*p.maxEffort) : tr("the total"));
    if (!p.curve.isConcave())
        lines << tr("not concave: allocated with the exact method");
    return lines.join(QStringLiteral("<br>"));
}

} // namespace ef
