// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "window/FileController.h"

#include "Presets.h"
#include "ScenarioFile.h"
#include "charts/Chart.h"
#include "document/Document.h"
#include "persistence/AtomicFile.h"
#include "persistence/Autosave.h"
#include "persistence/FileWatcher.h"
#include "persistence/RecoveryStore.h"
#include "persistence/Settings.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QPushButton>

namespace ef {

QMessageBox::StandardButton Prompter::ask(QMessageBox &box) const
{
    if (m_handler)
        return m_handler(box);
    box.exec();
    return box.standardButton(box.clickedButton());
}

FileController::FileController(Document *document, const Prompter *prompter, QWidget *dialogParent, QObject *parent)
    : QObject(parent), m_document(document), m_prompter(prompter), m_dialogParent(dialogParent),
      m_autosave(new Autosave(
          document, [this] { return m_presetName; }, this)),
      m_watcher(new FileWatcher(this))
{
    m_chooseSavePath = [this](const QString &suggestion) {
        return QFileDialog::getSaveFileName(m_dialogParent, tr("Save Scenario As"), suggestion,
                                            tr("Effort Frontier scenarios (*.json);;All files (*)"));
    };
    connect(m_autosave, &Autosave::failed, this, [this](const QString &reason) {
        emit messageRaised(tr("Automatic backup failed — %1. Your edits are not protected against a crash until you "
                              "save.")
                               .arg(reason));
    });
    // A backup remembers which version on disk its edits were based on (the one this window knows).
    m_autosave->setBaseHash([this] { return m_watcher->knownHash(); });
    connect(m_watcher, &FileWatcher::changedOnDisk, this, &FileController::fileChangedOnDisk);
    connect(m_watcher, &FileWatcher::removedOnDisk, this, &FileController::fileRemovedOnDisk);
    connect(m_document, &Document::fileStateChanged, this, &FileController::titleChanged);
}

QString FileController::displayName() const
{
    if (!m_document->filePath().isEmpty())
        return QFileInfo(m_document->filePath()).fileName();
    if (!m_presetName.isEmpty())
        return tr("preset %1").arg(m_presetName);
    return tr("Untitled");
}

QString FileController::suggestedBaseName(const QString &fallback) const
{
    if (!m_document->filePath().isEmpty())
        return QFileInfo(m_document->filePath()).completeBaseName();
    return m_presetName.isEmpty() ? fallback : m_presetName;
}

bool FileController::switchToPreset(const QString &name)
{
    return maybeSave() && openPreset(name);
}

void FileController::discardRecovery()
{
    m_autosave->discard();
}

std::optional<Scenario> FileController::readForOpening(const QString &path)
{
    LoadResult loaded = loadScenarioFile(path);
    if (!loaded.ok()) {
        emit messageRaised(tr("Could not open the scenario — %1").arg(loaded.error.message()));
        settings::removeRecentFile(QFileInfo(path).absoluteFilePath());
        return std::nullopt;
    }
    if (const QString problem = Chart::sizeProblem(*loaded.scenario); !problem.isEmpty()) {
        emit messageRaised(tr("Could not open the scenario — %1: %2").arg(QDir::toNativeSeparators(path), problem));
        return std::nullopt;
    }
    return std::move(*loaded.scenario);
}

bool FileController::openFileAsking(const QString &path)
{
    // The file is read and checked first: a file that cannot be opened never costs a save prompt.
    std::optional<Scenario> scenario = readForOpening(path);
    if (!scenario || !maybeSave())
        return false;
    showOpened(std::move(*scenario), path);
    return true;
}

bool FileController::openFile(const QString &path)
{
    std::optional<Scenario> scenario = readForOpening(path);
    if (!scenario)
        return false;
    showOpened(std::move(*scenario), path);
    return true;
}

void FileController::showOpened(Scenario scenario, const QString &path)
{
    showScenario(std::move(scenario), QFileInfo(path).absoluteFilePath());
    settings::addRecentFile(path);
    emit statusMessage(tr("Opened %1").arg(QDir::toNativeSeparators(path)), 5000);
}

bool FileController::openPreset(const QString &name)
{
    LoadResult loaded = loadPreset(name);
    if (!loaded.ok()) {
        emit messageRaised(loaded.error.message());
        return false;
    }
    showScenario(std::move(*loaded.scenario), QString(), name);
    return true;
}

void FileController::showScenario(Scenario scenario, const QString &filePath, const QString &presetName)
{
    m_presetName = filePath.isEmpty() ? presetName : QString();
    m_document->replace(std::move(scenario), filePath);
    watchDocumentFile();
    emit scenarioShown();
    emit messageCleared();
    emit titleChanged();
}

bool FileController::saveFile(const QString &path)
{
    if (const auto problem = validateScenario(m_document->scenario(), QFileInfo(path).fileName())) {
        emit messageRaised(tr("Not saved — %1").arg(problem->message()));
        return false;
    }
    const std::string text = serializeScenario(m_document->scenario());
    const QByteArray bytes(text.data(), static_cast<qsizetype>(text.size()));
    QString error;
    // All or nothing (QSaveFile): on failure the file on disk is exactly what it was before.
    if (!writeFileAtomically(path, bytes, &error)) {
        const QString native = QDir::toNativeSeparators(path);
        emit messageRaised(tr("Not saved — %1: %2").arg(native, error));
        QMessageBox box(QMessageBox::Critical, tr("Not saved"),
                        tr("The scenario could not be saved to %1.").arg(native), QMessageBox::Ok, m_dialogParent);
        box.setInformativeText(tr("Reason: %1\n\nThe file on disk is unchanged, and your edits are still "
                                  "here (unsaved). Free some space or choose another place with "
                                  "Save As.")
                                   .arg(error));
        ask(box);
        return false;
    }
    m_presetName.clear();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (m_watcher->path() == absolute)
        m_watcher->setKnownContent(bytes); // our own save is not a change by someone else
    else
        m_watcher->watch(absolute, bytes);
    m_document->markSaved(absolute);
    settings::addRecentFile(path);
    emit messageCleared();
    emit titleChanged();
    emit statusMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

void FileController::watchDocumentFile()
{
    const QString path = m_document->filePath();
    QByteArray content;
    if (!path.isEmpty()) {
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            content = file.readAll();
    }
    m_watcher->watch(path, content);
}

void FileController::fileChangedOnDisk(const QString &path)
{
    if (path != m_document->filePath() || m_fileQuestionOpen)
        return;
    const QString name = QFileInfo(path).fileName();
    LoadResult loaded = loadScenarioFile(path);
    if (!loaded.ok()) {
        // Another program may be part way through writing it; a later change is checked again.
        emit messageRaised(tr("“%1” was changed on disk by another program, but the new version cannot be read "
                              "(%2). The version shown here is kept; saving would overwrite the file.")
                               .arg(name, loaded.error.message()));
        return;
    }
    if (*loaded.scenario == m_document->scenario())
        return; // reformatted, or the same edit made elsewhere: nothing to choose between
    if (const QString problem = Chart::sizeProblem(*loaded.scenario); !problem.isEmpty()) {
        emit messageRaised(tr("“%1” was changed on disk by another program, but the new version cannot be shown "
                              "(%2). The version shown here is kept.")
                               .arg(name, problem));
        return;
    }
    if (m_document->isModified()) {
        QMessageBox box(QMessageBox::Warning, tr("File changed on disk"),
                        tr("“%1” was changed on disk by another program, and you have unsaved changes "
                           "to it here.")
                            .arg(name),
                        QMessageBox::Yes | QMessageBox::No, m_dialogParent);
        box.button(QMessageBox::Yes)->setText(tr("&Reload"));
        box.button(QMessageBox::No)->setText(tr("&Keep Mine"));
        box.setDefaultButton(QMessageBox::No);
        box.setEscapeButton(QMessageBox::No);
        box.setInformativeText(tr("Reload: show the version on disk; your unsaved changes here are "
                                  "lost.\nKeep Mine: keep working on your version; saving will "
                                  "overwrite the version on disk."));
        box.setDetailedText(QDir::toNativeSeparators(path));
        m_fileQuestionOpen = true;
        const QMessageBox::StandardButton answer = ask(box);
        m_fileQuestionOpen = false;
        if (answer != QMessageBox::Yes) {
            emit messageRaised(tr("Kept your version. “%1” on disk is different: saving will overwrite it, "
                                  "Save As keeps both.")
                                   .arg(name));
            return;
        }
        loaded = loadScenarioFile(path); // it may have changed again while the question was open
        if (!loaded.ok()) {
            emit messageRaised(tr("Could not reload “%1” — %2").arg(name, loaded.error.message()));
            return;
        }
    }
    showScenario(std::move(*loaded.scenario), path);
    emit messageRaised(tr("“%1” was changed on disk by another program and has been reloaded.").arg(name));
}

void FileController::fileRemovedOnDisk(const QString &path)
{
    if (path != m_document->filePath())
        return;
    emit messageRaised(tr("“%1” was deleted or moved by another program. The scenario is still here; Save "
                          "writes it to %2 again.")
                           .arg(QFileInfo(path).fileName(), QDir::toNativeSeparators(path)));
}

bool FileController::offerRecovery()
{
    std::vector<RecoveryCandidate> candidates = RecoveryStore::orphans();
    QStringList problems;
    for (RecoveryCandidate &candidate : candidates) {
        if (!candidate.state) {
            // Set aside (not deleted: someone may want to look at it) so it is not offered again.
            const QString aside = candidate.path + QStringLiteral(".corrupt");
            QFile::remove(aside);
            if (!QFile::rename(candidate.path, aside))
                QFile::remove(candidate.path);
            problems << QStringLiteral("%1 (%2)").arg(QDir::toNativeSeparators(aside), candidate.error);
            continue;
        }
        const RecoveryState &state = *candidate.state;
        const QString what = !state.filePath.isEmpty() ? tr("“%1”").arg(QFileInfo(state.filePath).fileName())
            : !state.presetName.isEmpty()              ? tr("the preset %1").arg(state.presetName)
                                                       : tr("an untitled scenario");
        // Was the file changed on disk after these edits were backed up (a colleague saved it)? Then
        // restoring is the file watcher's choice: keep mine or reload theirs, never a silent overwrite.
        bool changedOnDisk = false;
        if (!state.filePath.isEmpty() && !state.baseHash.isEmpty()) {
            QFile disk(state.filePath);
            if (disk.open(QIODevice::ReadOnly))
                changedOnDisk = FileWatcher::contentHash(disk.read(limits::kMaxFileBytes + 1)) != state.baseHash;
        }
        const QString backedUp = QLocale().toString(state.savedAt.toLocalTime(), QLocale::ShortFormat);
        QMessageBox box(m_dialogParent);
        box.setWindowTitle(tr("Recover unsaved work"));
        if (changedOnDisk) {
            box.setIcon(QMessageBox::Warning);
            box.setText(tr("Effort Frontier did not close normally last time. Your unsaved changes to %1 were kept "
                           "(backed up %2), but %1 has been changed on disk since then by another program.")
                            .arg(what, backedUp));
            box.setStandardButtons(QMessageBox::Yes | QMessageBox::No | QMessageBox::Cancel);
            box.button(QMessageBox::Yes)->setText(tr("Keep &Mine"));
            box.button(QMessageBox::No)->setText(tr("&Reload"));
            box.button(QMessageBox::Cancel)->setText(tr("&Later"));
            box.setDefaultButton(QMessageBox::Cancel);
            box.setEscapeButton(QMessageBox::Cancel);
            box.setInformativeText(
                tr("Keep Mine: continue with your recovered changes; saving will overwrite the version on disk "
                   "(Save As keeps both).\nReload: open the version on disk; your recovered changes are deleted.\n"
                   "Later: decide at the next start."));
            box.setDetailedText(QDir::toNativeSeparators(state.filePath));
        } else {
            box.setIcon(QMessageBox::Question);
            box.setText(tr("Effort Frontier did not close normally last time. Your unsaved changes to %1 were kept "
                           "(backed up %2).")
                            .arg(what, backedUp));
            box.setStandardButtons(QMessageBox::Yes | QMessageBox::Discard);
            box.button(QMessageBox::Yes)->setText(tr("&Restore"));
            box.setDefaultButton(QMessageBox::Yes);
            box.setInformativeText(
                tr("Restore: continue with the recovered scenario “%1”. It stays unsaved until you save it%2.\n"
                   "Discard: delete the recovered changes for good.")
                    .arg(QString::fromStdString(state.scenario.name),
                         state.filePath.isEmpty()
                             ? QString()
                             : tr(" (Save writes %1)").arg(QDir::toNativeSeparators(state.filePath))));
        }
        const QMessageBox::StandardButton answer = ask(box);
        if (answer == QMessageBox::Yes) {
            m_presetName = state.filePath.isEmpty() ? state.presetName : QString();
            m_document->restore(state.scenario, state.filePath, state.modified);
            watchDocumentFile(); // the version on disk now is the one this window knows
            emit scenarioShown();
            emit messageCleared();
            emit titleChanged();
            m_autosave->flush(); // our own recovery file holds it before the old one goes
            QFile::remove(candidate.path);
            if (changedOnDisk)
                emit messageRaised(
                    tr("Restored your unsaved changes. “%1” on disk is different: saving will overwrite it, "
                       "Save As keeps both.")
                        .arg(QFileInfo(state.filePath).fileName()));
            emit statusMessage(tr("Restored the unsaved changes from the last session"), 8000);
            return true;
        }
        if (changedOnDisk && answer == QMessageBox::No) {
            LoadResult loaded = loadScenarioFile(state.filePath);
            if (loaded.ok() && Chart::sizeProblem(*loaded.scenario).isEmpty()) {
                showScenario(std::move(*loaded.scenario), QFileInfo(state.filePath).absoluteFilePath());
                QFile::remove(candidate.path);
                emit messageRaised(tr("Opened the version of “%1” on disk; the recovered changes were deleted.")
                                       .arg(QFileInfo(state.filePath).fileName()));
            } else {
                emit messageRaised(
                    tr("Could not open “%1” (%2); the recovered changes are kept and offered again at the "
                       "next start.")
                        .arg(QFileInfo(state.filePath).fileName(),
                             loaded.ok() ? Chart::sizeProblem(*loaded.scenario) : loaded.error.message()));
            }
            break;
        }
        if (answer == QMessageBox::Discard)
            QFile::remove(candidate.path);
        break; // one question per start; any other left-over file is offered next time
    }
    if (!problems.isEmpty())
        emit messageRaised(tr("A backup of unsaved work from an earlier session could not be read and was set "
                              "aside: %1")
                               .arg(problems.join(QStringLiteral("; "))));
    return false;
}

bool FileController::maybeSave()
{
    if (!m_document->isModified())
        return true;
    // Through ask(), like every other question of the window: tests and tools answer it without a
    // modal loop.
    QMessageBox box(QMessageBox::Warning, tr("Unsaved changes"),
                    tr("The scenario has unsaved changes. Save them first?"),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, m_dialogParent);
    box.setDefaultButton(QMessageBox::Save);
    const QMessageBox::StandardButton answer = ask(box);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

bool FileController::newScenario()
{
    if (!maybeSave())
        return false;
    Scenario scenario;
    scenario.name = tr("Untitled").toStdString();
    scenario.totalEffort = 100;
    Project first;
    first.name = tr("Project A").toStdString();
    first.curve = Curve{CurveFamily::Log, 0.1, 2.0, 0.0};
    Project second;
    second.name = tr("Project B").toStdString();
    second.curve = Curve{CurveFamily::Log, 0.05, 10.0, 0.0};
    scenario.projects = {first, second};
    showScenario(std::move(scenario), QString());
    return true;
}

bool FileController::save()
{
    if (m_document->filePath().isEmpty())
        return saveAs();
    return saveFile(m_document->filePath());
}

bool FileController::saveAs()
{
    QString suggestion = m_document->filePath();
    if (suggestion.isEmpty())
        suggestion = suggestedBaseName(QStringLiteral("scenario")) + QStringLiteral(".json");
    QString path = m_chooseSavePath ? m_chooseSavePath(suggestion) : QString();
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".json");
    return saveFile(path);
}

} // namespace ef
