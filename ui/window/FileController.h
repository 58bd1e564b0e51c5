// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include "Scenario.h"

#include <QMessageBox>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

class QWidget;

namespace ef {

class Autosave;
class Document;
class FileWatcher;

/**
 * Asks the user a question. Every question of the window goes through one Prompter: by default the
 * box is shown modally; tests and tools install a handler that reads the box (its text, informative
 * text and button labels) and answers, so no test ever drives a modal loop.
 */
class Prompter
{
public:
    /// Given the fully set-up box, returns the button chosen.
    using Handler = std::function<QMessageBox::StandardButton(QMessageBox &box)>;

    void setHandler(Handler handler) { m_handler = std::move(handler); }
    QMessageBox::StandardButton ask(QMessageBox &box) const;

private:
    Handler m_handler;
};

/**
 * The file policy of one window, apart from its widgets: what a document was opened from (a file, a
 * preset or nothing), opening (checked before anything is asked), saving (atomic, checked), the
 * unsaved-changes question, reloading a file changed on disk, and restoring the work of a session
 * that did not close normally. Every question goes through the Prompter; what the window should show
 * comes back as signals.
 */
class FileController : public QObject
{
    Q_OBJECT

public:
    /// Chooses a file name to save to, given a suggestion; empty when the user cancels.
    using PathChooser = std::function<QString(const QString &suggestion)>;

    FileController(Document *document, const Prompter *prompter, QWidget *dialogParent, QObject *parent = nullptr);

    /// Where Save As asks for a file name (by default a file dialog; tests answer it).
    void setSavePathChooser(PathChooser chooser) { m_chooseSavePath = std::move(chooser); }

    /// The preset the document came from (empty when it came from a file or was created new).
    [[nodiscard]] const QString &presetName() const { return m_presetName; }
    /// "name.json", "preset startup" or "Untitled": what the title bar shows.
    [[nodiscard]] QString displayName() const;
    /// A file name to suggest for Save As or an export, without a suffix.
    [[nodiscard]] QString suggestedBaseName(const QString &fallback) const;

    [[nodiscard]] Autosave *autosave() const { return m_autosave; }
    [[nodiscard]] FileWatcher *fileWatcher() const { return m_watcher; }

    /**
     * Reads a scenario file and shows it. On a bad file the current scenario stays untouched and
     * messageRaised() names the file and the problem; returns false. Does not ask about unsaved changes.
     */
    bool openFile(const QString &path);
    /// Like openFile(), but once the file has been read and checked, asks about unsaved changes first
    /// (Open, drop, recent files). A file that cannot be opened never prompts.
    bool openFileAsking(const QString &path);
    /// Shows a reference scenario; false with a message if unknown. Does not ask.
    bool openPreset(const QString &name);
    /// Asks about unsaved edits (only when there are any), then shows the preset.
    bool switchToPreset(const QString &name);
    /// Asks about unsaved edits, then starts a new two-project scenario.
    bool newScenario();
    /// Shows `scenario` as a fresh document (history cleared, unmodified).
    void showScenario(Scenario scenario, const QString &filePath, const QString &presetName = {});

    /// Writes the scenario to `path` atomically; false with a message (and a question box) on failure.
    bool saveFile(const QString &path);
    /// Saves to the document's file, or asks for one (Save As) when it has none.
    bool save();
    /// Asks for a file name and saves there; false when cancelled or failed.
    bool saveAs();
    /// Asks whether to save unsaved edits; false when the user cancels. True at once when unmodified.
    bool maybeSave();

    /**
     * Looks for a recovery file left by a window that did not close normally (a crash, a kill) and
     * offers to restore it. Restored work keeps its file path and is marked modified. A corrupt
     * recovery file is reported and set aside. Returns true when restored.
     */
    bool offerRecovery();
    /// A clean exit: the recovery file goes.
    void discardRecovery();

signals:
    /// A file problem or a notice the user should read (the window's message bar).
    void messageRaised(const QString &text);
    /// The last message no longer applies.
    void messageCleared();
    /// A passing confirmation ("Saved …") for the status bar.
    void statusMessage(const QString &text, int timeoutMs);
    /// A different scenario is shown (opened, reloaded, restored, new): views reset their zoom and selection.
    void scenarioShown();
    /// The title's source changed (file, preset, modified state).
    void titleChanged();

private:
    std::optional<Scenario> readForOpening(const QString &path);
    void showOpened(Scenario scenario, const QString &path);
    void watchDocumentFile();
    void fileChangedOnDisk(const QString &path);
    void fileRemovedOnDisk(const QString &path);
    QMessageBox::StandardButton ask(QMessageBox &box) const { return m_prompter->ask(box); }

    Document *m_document;
    const Prompter *m_prompter;
    QWidget *m_dialogParent;
    PathChooser m_chooseSavePath;
    QString m_presetName;
    Autosave *m_autosave;
    FileWatcher *m_watcher;
    bool m_fileQuestionOpen = false;
};

} // namespace ef
