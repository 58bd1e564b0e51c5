// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include "Sweep.h"
#include "charts/AnimatedExport.h"
#include "charts/Theme.h"

#include <QObject>
#include <QString>

#include <functional>

class QAction;
class QWidget;

namespace ef {

class Document;
class ResultsTable;

/**
 * The window's ways to get numbers out for a meeting: Edit ▸ Copy Table (tab-separated text and HTML),
 * File ▸ Export Numbers… (CSV: the allocation table or the curves) and File ▸ Export Brief… (a
 * one-page PDF). Failures go to `report` (the window's message bar) naming the file and the reason.
 */
class MeetingExports : public QObject
{
    Q_OBJECT

public:
    /// What File ▸ Export Numbers… writes.
    enum class Numbers {
        Allocation, ///< One row per project (NumbersCsv allocationTable).
        Curves,     ///< Accuracy at every unit of effort, one column per project.
    };

    MeetingExports(QWidget *window, Document *document, ResultsTable *results, std::function<Theme()> theme,
                   std::function<void(const QString &)> report);
    /// Where the window's View ▸ Weighted Value is read: the brief's chart and the animations follow it
    /// (neither does without this).
    void setWeightedSource(std::function<bool()> weighted) { m_weighted = std::move(weighted); }

    [[nodiscard]] QAction *copyTableAction() const { return m_copyTable; }
    [[nodiscard]] QAction *exportNumbersAction() const { return m_exportNumbers; }
    [[nodiscard]] QAction *exportBriefAction() const { return m_exportBrief; }
    [[nodiscard]] QAction *exportAnimationAction() const { return m_exportAnimation; }

    /// Writes the numbers to `path` atomically; false with `error` set (and reported) on failure.
    bool writeNumbers(const QString &path, Numbers numbers, QString *error = nullptr);
    /// Writes the one-page brief (light theme; its chart weighted as the window's) to `path` atomically;
    /// false with `error` set (and reported).
    bool writeBrief(const QString &path, QString *error = nullptr);
    /**
     * Writes an animation of `sweep` to `path` (.gif, .webp) in the window's theme and weighted as the
     * window's chart (options.weighted is replaced by the window's View ▸ Weighted Value), with a progress
     * dialog that can cancel it: frames are drawn on this thread between events (QCustomPlot is a
     * widget), encoded on a worker. False with `error` set (and reported, unless cancelled) on failure.
     */
    bool writeAnimation(const QString &path, const Sweep &sweep, const AnimationOptions &options,
                        QString *error = nullptr);

signals:
    /// A file was written (for the status bar).
    void written(const QString &path);

private:
    void exportNumbersInteractive();
    void exportBriefInteractive();
    void exportAnimationInteractive();
    [[nodiscard]] QString suggestedName(const QString &suffix) const;
    [[nodiscard]] bool weighted() const { return m_weighted && m_weighted(); }

    QWidget *m_window;
    Document *m_document;
    ResultsTable *m_results;
    std::function<Theme()> m_theme;
    std::function<void(const QString &)> m_report;
    std::function<bool()> m_weighted;
    QAction *m_copyTable;
    QAction *m_exportNumbers;
    QAction *m_exportBrief;
    QAction *m_exportAnimation;
};

} // namespace ef
