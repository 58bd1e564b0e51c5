// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include "Allocation.h"
#include "Scenario.h"
#include "document/AllocationService.h"

#include <QObject>
#include <QString>
#include <QUndoStack>

#include <functional>
#include <map>
#include <optional>
#include <string>

namespace ef {

/**
 * The one scenario being edited, its allocation, its file and its undo history.
 *
 * Widgets change it only through edit() (an undoable command) or replace() (New/Open/preset, which
 * resets the history); the chart and the results table observe changed(). Every change asks the
 * AllocationService for the new allocation: cheap ones arrive before changed() is emitted; long ones
 * (S-curves at large totals) arrive later, and until then result() keeps the last good split,
 * evaluated on the current curves, with isUpdating() true. A superseded answer is never shown.
 */
class Document : public QObject
{
    Q_OBJECT

public:
    explicit Document(QObject *parent = nullptr);
    ~Document() override;

    [[nodiscard]] const Scenario &scenario() const { return m_scenario; }
    /**
     * The allocation shown for the current scenario (an error when its bounds are infeasible). While
     * isUpdating(), the last good split evaluated on the current curves (or no split when the project
     * list changed since).
     */
    [[nodiscard]] const AllocationResult &result() const { return m_result; }
    /**
     * The latest Monte Carlo over the scenario's uncertainty ranges (AllocationService::requestMonteCarlo,
     * asked for after every allocation), or nullptr when no project has a range or the project list
     * changed since the last result. While a newer run is computing, the previous result (same
     * projects) stays; changed() is emitted when the new one arrives. May hold an error (ok() false).
     */
    [[nodiscard]] const MonteCarloResult *monteCarlo() const { return m_monteCarlo ? &*m_monteCarlo : nullptr; }
    /// True while the allocation of the current scenario is being computed off the UI thread.
    [[nodiscard]] bool isUpdating() const { return m_updating; }
    /// Runs this document's allocations and growth paths (also for the growth view).
    [[nodiscard]] AllocationService *service() { return &m_service; }
    [[nodiscard]] QUndoStack *undoStack() { return &m_undo; }

    /// The file the scenario was read from or last saved to; empty for presets and new scenarios.
    [[nodiscard]] const QString &filePath() const { return m_filePath; }
    /// True when there are edits since the last load or save.
    [[nodiscard]] bool isModified() const { return !m_undo.isClean(); }

    /**
     * Applies `change` to a copy of the scenario and pushes it as one undoable step named `text`.
     * Edits with the same non-negative `mergeKey` made during one gesture (beginGesture() …
     * endGesture(), e.g. one slider drag) merge into a single step. An edit that changes nothing is
     * dropped.
     */
    void edit(const QString &text, const std::function<void(Scenario &)> &change, int mergeKey = -1);

    /// Starts a continuous gesture (a slider press): its edits merge into one undo step.
    void beginGesture();
    /// Ends the current gesture (the slider release).
    void endGesture();

    /// Replaces the whole scenario (New, Open, a preset), clears the history and marks it clean.
    void replace(Scenario scenario, const QString &filePath);
    /**
     * Shows a recovered working state (after a crash): like replace(), but when `modified` the
     * document stays marked modified (it differs from what is saved at `filePath`).
     */
    void restore(Scenario scenario, const QString &filePath, bool modified);
    /// Records that the scenario is now saved at `filePath`.
    void markSaved(const QString &filePath);

    /**
     * Pins the current state and its split as a snapshot named `name` (one undoable step). Fails,
     * with `error` set, when there is no split to pin, or the name is empty or taken.
     */
    bool pinSnapshot(const QString &name, QString *error = nullptr);
    /// Removes the snapshot `name` (one undoable step); false when there is none.
    bool removeSnapshot(const QString &name);
    /// Makes the snapshot `name` the working state again — total, projects, stages — keeping every
    /// snapshot (one undoable step); false when there is none.
    bool recallSnapshot(const QString &name);
    /// A name for the next snapshot that no snapshot has yet ("Budget 100", "Budget 100 (2)", ...).
    [[nodiscard]] QString suggestedSnapshotName() const;

    /**
     * The snapshot the views compare the working state with (drawn as ghosts, differences in the
     * table), or nullptr. A view setting, not part of the scenario: it survives edits while the
     * snapshot exists and is cleared when it goes.
     */
    [[nodiscard]] const Snapshot *baseline() const;
    [[nodiscard]] const QString &baselineName() const { return m_baseline; }
    /// Compares with the snapshot `name` (empty: with nothing).
    void setBaseline(const QString &name);

    /**
     * Locks project `index` at `effort` (its minimum and maximum both `effort`) as one undoable edit
     * named `text`. The bounds it had are remembered for unlockEffort() unless it was locked already.
     */
    void lockEffort(std::size_t index, Effort effort, const QString &text);
    /**
     * Releases the lock of project `index` as one undoable edit named `text`: the minimum and maximum
     * it had before this session locked it come back (a commitment of "at least 10 units" survives a
     * drag of its dot); without that memory, or when the project was renamed since, no bounds.
     * False, changing nothing, when the project is not locked.
     */
    bool unlockEffort(std::size_t index, const QString &text);
    /// Whether project `index`'s minimum equals its maximum.
    [[nodiscard]] bool isLocked(std::size_t index) const;

    /// Sets the scenario without touching the history; used by the undo commands only.
    void applyScenario(const Scenario &scenario);
    /// The id of the gesture in progress, 0 when none.
    [[nodiscard]] quint64 currentGesture() const { return m_gestureOpen ? m_gesture : 0; }

signals:
    /// The scenario or its allocation changed (every edit, undo, redo, replace).
    void changed();
    /// The file path or the modified state changed (title bar).
    void fileStateChanged();
    /// The whole scenario was replaced (New, Open, a preset, a restore): views fit themselves again.
    void replaced();
    /// The baseline changed (chosen, cleared, or its snapshot removed).
    void baselineChanged();
    /// isUpdating() changed.
    void updatingChanged(bool updating);

private:
    void reallocate();
    void allocationReady(const AllocationResult &result);
    void requestMonteCarlo();

    AllocationService m_service;
    Scenario m_scenario;
    AllocationResult m_result;
    std::optional<MonteCarloResult> m_monteCarlo;
    bool m_updating = false;
    bool m_inReallocate = false;
    QString m_baseline;
    QUndoStack m_undo;
    QString m_filePath;
    quint64 m_gesture = 0;
    bool m_gestureOpen = false;
    /// lockEffort()'s memory: a project's bounds before its lock, by index, with its name then.
    struct BoundsBeforeLock {
        std::string name;
        Effort minEffort = 0;
        std::optional<Effort> maxEffort;
    };
    std::map<std::size_t, BoundsBeforeLock> m_boundsBeforeLock;
};

} // namespace ef
