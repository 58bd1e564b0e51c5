// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "window/MeetingExports.h"

#include "NumbersCsv.h"
#include "charts/Brief.h"
#include "charts/Theme.h"
#include "document/Document.h"
#include "persistence/AtomicFile.h"
#include "widgets/AnimationDialog.h"
#include "widgets/ResultsTable.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QKeySequence>
#include <QProgressDialog>
#include <QWidget>

namespace ef {

MeetingExports::MeetingExports(QWidget *window, Document *document, ResultsTable *results, std::function<Theme()> theme,
                               std::function<void(const QString &)> report)
    : QObject(window), m_window(window), m_document(document), m_results(results), m_theme(std::move(theme)),
      m_report(std::move(report)), m_copyTable(new QAction(tr("Copy &Table"), this)),
      m_exportNumbers(new QAction(tr("Export &Numbers…"), this)),
      m_exportBrief(new QAction(tr("Export &Brief…"), this)),
      m_exportAnimation(new QAction(tr("Export &Animation…"), this))
{
    m_copyTable->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_copyTable->setStatusTip(tr("Copy the results table as text and HTML, for a spreadsheet or a slide"));
    connect(m_copyTable, &QAction::triggered, this, [this] { m_results->copyToClipboard(true); });
    m_exportNumbers->setStatusTip(tr("Save the split (one row per project) or the curves as CSV"));
    connect(m_exportNumbers, &QAction::triggered, this, &MeetingExports::exportNumbersInteractive);
    m_exportBrief->setStatusTip(tr("Save a one-page PDF handout: chart, table, assumptions, parameters"));
    connect(m_exportBrief, &QAction::triggered, this, &MeetingExports::exportBriefInteractive);
    m_exportAnimation->setStatusTip(tr("Save a GIF or WebP of the chart as one parameter sweeps a range"));
    connect(m_exportAnimation, &QAction::triggered, this, &MeetingExports::exportAnimationInteractive);
}

bool MeetingExports::writeNumbers(const QString &path, Numbers numbers, QString *error)
{
    const Scenario &scenario = m_document->scenario();
    const AllocationResult &result = m_document->result();
    QString problem;
    bool ok = false;
    if (numbers == Numbers::Allocation && !result.ok()) {
        problem = tr("%1: no allocation to export (%2)").arg(path, QString::fromStdString(result.error));
    } else {
        const std::string text
            = numbers == Numbers::Curves ? csv::curves(scenario) : csv::allocationTable(scenario, *result.allocation);
        QString reason;
        ok = writeFileAtomically(path, QByteArray::fromStdString(text), &reason);
        if (!ok)
            problem = tr("%1: not written (%2); any previous file there is unchanged").arg(path, reason);
    }
    if (!ok)
        m_report(tr("Export failed — %1").arg(problem));
    else
        emit written(path);
    if (error)
        *error = problem;
    return ok;
}

bool MeetingExports::writeBrief(const QString &path, QString *error)
{
    QString problem;
    BriefOptions options;
    options.weighted = weighted(); // View ▸ Weighted Value
    const bool ok = exportBrief(m_document->scenario(), m_document->result(), Theme::light(), path, options, &problem);
    if (!ok)
        m_report(tr("Export failed — %1").arg(problem));
    else
        emit written(path);
    if (error)
        *error = problem;
    return ok;
}

bool MeetingExports::writeAnimation(const QString &path, const Sweep &sweep, const AnimationOptions &options,
                                    QString *error)
{
    QProgressDialog progress(tr("Drawing the frames…"), tr("Cancel"), 0, options.frames, m_window);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    QString problem;
    AnimationOptions drawn = options;
    drawn.weighted = weighted(); // View ▸ Weighted Value
    const bool ok
        = exportAnimation(m_document->scenario(), sweep, m_theme(), path, drawn, &problem, [&](int done, int) {
              progress.setValue(done);
              QApplication::processEvents();
              return !progress.wasCanceled();
          });
    progress.reset();
    if (!ok && problem != QLatin1String("cancelled"))
        m_report(tr("Export failed — %1").arg(problem));
    else if (ok)
        emit written(path);
    if (error)
        *error = problem;
    return ok;
}

void MeetingExports::exportAnimationInteractive()
{
    AnimationDialog dialog(m_document->scenario(), m_theme(), m_window);
    dialog.setWeighted(weighted());
    if (dialog.exec() != QDialog::Accepted)
        return;
    const std::optional<Sweep> sweep = dialog.sweep();
    if (!sweep)
        return;
    const bool gif = dialog.format() == AnimationFormat::Gif;
    QString path = QFileDialog::getSaveFileName(m_window, tr("Export Animation"),
                                                suggestedName(gif ? QStringLiteral(".gif") : QStringLiteral(".webp")),
                                                gif ? tr("GIF animation (*.gif)") : tr("WebP animation (*.webp)"));
    if (path.isEmpty())
        return;
    if (!animationFormatFor(path))
        path += gif ? QStringLiteral(".gif") : QStringLiteral(".webp");
    writeAnimation(path, *sweep, dialog.options());
}

QString MeetingExports::suggestedName(const QString &suffix) const
{
    const QString base = m_document->filePath().isEmpty() ? QString::fromStdString(m_document->scenario().name)
                                                          : QFileInfo(m_document->filePath()).completeBaseName();
    QString safe = base.isEmpty() ? tr("scenario") : base;
    safe.replace(QLatin1Char('/'), QLatin1Char('-'));
    return safe + suffix;
}

void MeetingExports::exportNumbersInteractive()
{
    const QString tableFilter = tr("Split, one row per project (*.csv)");
    const QString curvesFilter = tr("Curves, accuracy at every unit (*.csv)");
    QString selected = tableFilter;
    QString path = QFileDialog::getSaveFileName(m_window, tr("Export Numbers"), suggestedName(QStringLiteral(".csv")),
                                                tableFilter + QStringLiteral(";;") + curvesFilter, &selected);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".csv");
    writeNumbers(path, selected == curvesFilter ? Numbers::Curves : Numbers::Allocation);
}

void MeetingExports::exportBriefInteractive()
{
    QString path = QFileDialog::getSaveFileName(m_window, tr("Export Brief"),
                                                suggestedName(QStringLiteral("-brief.pdf")), tr("PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".pdf");
    writeBrief(path);
}

} // namespace ef
