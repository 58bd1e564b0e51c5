// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include "Scenario.h"
#include "charts/ChartExport.h"
#include "charts/Theme.h"
#include "charts/ViewExport.h"

#include <QMainWindow>
#include <QMessageBox>

#include <functional>
#include <optional>

class QAction;
class QActionGroup;
class QLabel;
class QMenu;
class QToolButton;

namespace ef {

class Autosave;
class ChartWidget;
class ControlPanel;
class Document;
class FileWatcher;
class GrowthView;
class MeetingExports;
class ResultsTable;
class SnapshotBar;

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
    /// Copy Table, Export Numbers… and Export Brief… (numbers out for meetings).
    [[nodiscard]] MeetingExports *meetingExports() const { return m_meeting; }

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
    /// Switches between the "dark" and "light" themes (remembered in the settings).
    void setTheme(const QString &id);
    [[nodiscard]] const Theme &theme() const { return m_theme; }

    /**
     * Answers the window's questions (restore a recovered session, reload a file changed on disk,
     * a failed save): given the fully set-up message box, returns the button chosen. By default the
     * box is shown modally; tests install a handler that reads the box and answers.
     */
    using PromptHandler = std::function<QMessageBox::StandardButton(QMessageBox &box)>;
    void setPromptHandler(PromptHandler handler) { m_promptHandler = std::move(handler); }

    /**
     * Looks for a recovery file left by a window that did not close normally (a crash, a kill) and
     * offers to restore it. Restored work keeps its file path and is marked modified. A corrupt
     * recovery file is reported in the message bar and set aside. Returns true when restored.
     */
    bool offerRecovery();
    /// Keeps this window's recovery file (the working state, written shortly after each change).
    [[nodiscard]] Autosave *autosave() const { return m_autosave; }
    /// Watches the open file for changes made by other programs.
    [[nodiscard]] FileWatcher *fileWatcher() const { return m_watcher; }

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
    void hideMessage();
    void rebuildRecentMenu();

    QMessageBox::StandardButton ask(QMessageBox &box);
    /// Starts watching the document's file (or stops, when it has none).
    void watchDocumentFile();
    /// The open file was changed by another program: reload it, or ask first when there are edits.
    void fileChangedOnDisk(const QString &path);
    void fileRemovedOnDisk(const QString &path);

    /// Reads and checks a file for opening; the message bar says why when it cannot be opened.
    std::optional<Scenario> readForOpening(const QString &path);
    /// Shows a scenario read from `path` and records it among the recent files.
    void showOpened(Scenario scenario, const QString &path);
    /// Asks whether to save unsaved edits; false when the user cancels.
    bool maybeSave();
    void newScenario();
    void open();
    bool save();
    bool saveAs();
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
    QString m_presetName;
    Autosave *m_autosave = nullptr;
    FileWatcher *m_watcher = nullptr;
    PromptHandler m_promptHandler;
    bool m_fileQuestionOpen = false;

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
    MeetingExports *m_meeting = nullptr;
};

} // namespace ef
