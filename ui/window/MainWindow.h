// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include "Scenario.h"
#include "charts/ChartExport.h"
#include "charts/Theme.h"
#include "charts/ViewExport.h"
#include "present/PresenterWindow.h"
#include "window/FileController.h"

#include <QMainWindow>
#include <QMessageBox>
#include <QPointer>

#include <functional>
#include <optional>

class QAction;
class QActionGroup;
class QLabel;
class QMenu;
class QProgressBar;
class QTimer;
class QToolButton;

namespace ef {

class Autosave;
class ChartWidget;
class ControlPanel;
class Document;
class FileController;
class MarginalView;
class FileWatcher;
class GrowthView;
class MeetingExports;
class ResultsTable;
class SnapshotBar;
class StageEditor;
class TargetsDialog;

/**
 * The live what-if window: the controls on the left, the chart and the results table on the right,
 * all around one Document. Menus for files, presets, export, undo/redo, themes and help.
 * Opens on the `startup` preset.
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

    [[nodiscard]] Document *document() const { return m_document; }
    [[nodiscard]] ChartWidget *chartWidget() const { return m_chart; }
    [[nodiscard]] ControlPanel *controlPanel() const { return m_controls; }
    [[nodiscard]] ResultsTable *resultsTable() const { return m_results; }
    /// Pin, compare with, recall and remove snapshots.
    [[nodiscard]] SnapshotBar *snapshotBar() const { return m_snapshots; }
    /// How the split grows with the budget; shown with View ▸ Growth View (growthViewAction()).
    [[nodiscard]] GrowthView *growthView() const { return m_growth; }
    [[nodiscard]] QAction *growthViewAction() const { return m_growthAction; }
    /// Why each dot stops where it does (gains per unit, the water level); View ▸ Marginal View.
    [[nodiscard]] MarginalView *marginalView() const { return m_marginal; }
    [[nodiscard]] QAction *marginalViewAction() const { return m_marginalAction; }
    /// View ▸ Weighted Value: the chart (and its exports) plot weight × accuracy.
    [[nodiscard]] QAction *weightedValueAction() const { return m_weightedAction; }
    /// Copy Table, Export Numbers… and Export Brief… (numbers out for meetings).
    [[nodiscard]] MeetingExports *meetingExports() const { return m_meeting; }
    /// Edit ▸ Targets…: the budget questions, in a dialog that stays open beside the window (created on
    /// first use).
    TargetsDialog *showTargets();
    /// Edit ▸ Stages…: the stage editor, modal to this window but not blocking (QDialog::open()),
    /// showing the scenario's stages (created on first use).
    StageEditor *editStages();

    /**
     * Reads a scenario file and shows it. On a bad file the current scenario stays untouched and
     * the message bar names the file and the problem; returns false. Does not ask about unsaved
     * changes (the menu actions do that first).
     */
    bool openFile(const QString &path);
    /// Like openFile(), but once the file has been read and checked, asks about unsaved changes
    /// first (Open, drop, recent files). A file that cannot be opened never prompts.
    bool openFileAsking(const QString &path);
    /**
     * Shows `scenario` as a fresh document (history cleared, unmodified), read from `filePath` (empty
     * for none) or the preset `presetName` (empty for none). Used by the command line.
     */
    void showScenario(Scenario scenario, const QString &filePath, const QString &presetName = {});
    /// Shows a reference scenario ("startup", "growth", "ml-first"); false with a message if unknown.
    bool openPreset(const QString &name);
    /// Writes the scenario to `path` atomically; false with a message on failure.
    bool saveFile(const QString &path);
    /**
     * Writes `view` of the document (with the baseline's ghosts) to `path` (.png, .svg, .pdf) in its
     * default, fitted view — never the window's zoom — in the theme `themeId` (empty: the window's).
     * False with `error` set, and the message bar saying why, on failure.
     */
    bool exportChart(const QString &path, const ExportOptions &options, QString *error = nullptr,
                     ChartView view = ChartView::Accuracy, const QString &themeId = {});
    /**
     * Presenter mode (View ▸ Present, F11): a full-screen window with the chart alone, stepping through
     * the working state, its snapshots and the presets. Returns it (the open one, if already presenting).
     */
    PresenterWindow *present();
    /// The presenter window while presenting, else nullptr.
    [[nodiscard]] PresenterWindow *presenter() const { return m_presenter; }

    /// Switches between the "dark" and "light" themes (remembered in the settings).
    void setTheme(const QString &id);
    [[nodiscard]] const Theme &theme() const { return m_theme; }

    /**
     * Answers the window's questions (restore a recovered session, reload a file changed on disk, a
     * failed save, unsaved changes, About): see Prompter. By default each box is shown modally.
     */
    void setPromptHandler(Prompter::Handler handler);
    /// The file policy: open, save, reload, recovery.
    [[nodiscard]] FileController *fileController() const { return m_files; }

    /// Looks for work left by a window that did not close normally and offers to restore it
    /// (FileController::offerRecovery()).
    bool offerRecovery();
    /// Keeps this window's recovery file (the working state, written shortly after each change).
    [[nodiscard]] Autosave *autosave() const;
    /// Watches the open file for changes made by other programs.
    [[nodiscard]] FileWatcher *fileWatcher() const;

    /// True while the status bar shows that long work is running (shown after a quarter second of it).
    [[nodiscard]] bool isBusyShown() const;

    /// The text of the message bar (empty when hidden): file errors and allocation problems.
    [[nodiscard]] QString messageText() const;

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createMenus();
    void updateTitle();
    void updateAllocationMessage();
    void showMessage(const QString &text);
    void setBusyShown(bool shown);
    /// Shares the width among the visible chart views (the accuracy chart keeps the larger part).
    void balanceChartViews();
    void hideMessage();
    void rebuildRecentMenu();

    void open();
    void exportInteractive();
    void copyChart();
    void about();

    Document *m_document;
    Theme m_theme = Theme::dark();
    ChartWidget *m_chart;
    ResultsTable *m_results;
    ControlPanel *m_controls;
    SnapshotBar *m_snapshots = nullptr;
    QWidget *m_messageBar;
    QLabel *m_messageLabel;
    QLabel *m_allocationLabel;
    QMenu *m_recentMenu = nullptr;
    QActionGroup *m_themeGroup = nullptr;
    QLabel *m_busyLabel = nullptr;
    QProgressBar *m_busyBar = nullptr;
    QTimer *m_busyDelay = nullptr;
    Prompter m_prompter;
    FileController *m_files = nullptr;

    QAction *m_newAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_saveAsAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_copyAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_resetViewAction = nullptr;
    GrowthView *m_growth = nullptr;
    QAction *m_growthAction = nullptr;
    QAction *m_presentAction = nullptr;
    QAction *m_accuracyNumbersAction = nullptr;
    QAction *m_weightedAction = nullptr;
    QPointer<PresenterWindow> m_presenter;
    MarginalView *m_marginal = nullptr;
    QAction *m_marginalAction = nullptr;
    MeetingExports *m_meeting = nullptr;
    TargetsDialog *m_targets = nullptr;
    StageEditor *m_stageEditor = nullptr;
};

} // namespace ef
