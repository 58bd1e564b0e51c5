// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "window/MainWindow.h"

#include "Presets.h"
#include "ScenarioFile.h"
#include "charts/Chart.h"
#include "charts/ChartWidget.h"
#include "charts/GrowthView.h"
#include "document/Document.h"
#include "persistence/AtomicFile.h"
#include "persistence/Autosave.h"
#include "persistence/FileWatcher.h"
#include "persistence/RecoveryStore.h"
#include "persistence/Settings.h"
#include "widgets/ControlPanel.h"
#include "widgets/ExportDialog.h"
#include "widgets/ResultsTable.h"
#include "widgets/SnapshotBar.h"
#include "window/AboutText.h"
#include "window/MeetingExports.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSaveFile>
#include <QScreen>
#include <QScrollArea>
#include <QSplitter>
#include <QStatusBar>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

namespace ef {

namespace {

const QString kScenarioFilter = QStringLiteral("Effort Frontier scenarios (*.json);;All files (*)");

/// The first local file among dropped URLs, if any.
QString droppedFile(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls())
        return {};
    for (const QUrl &url : mime->urls())
        if (url.isLocalFile())
            return url.toLocalFile();
    return {};
}

QLabel *makeBanner(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_document(new Document(this)), m_chart(new ChartWidget(m_document)),
      m_results(new ResultsTable(m_document)), m_controls(new ControlPanel(m_document)), m_messageBar(new QWidget),
      m_messageLabel(makeBanner(m_messageBar)), m_allocationLabel(makeBanner(nullptr))
{
    setAcceptDrops(true);

    // Message bar: file problems, dismissable.
    m_messageBar->setObjectName(QStringLiteral("messageBar"));
    m_messageBar->setStyleSheet(QStringLiteral("#messageBar { background: #fff3cd; border: 1px solid #d6a400; }"
                                               "#messageBar QLabel { color: #3d2e00; }"));
    auto *barLayout = new QHBoxLayout(m_messageBar);
    barLayout->setContentsMargins(8, 4, 4, 4);
    barLayout->addWidget(m_messageLabel, 1);
    auto *dismiss = new QToolButton(m_messageBar);
    dismiss->setText(QStringLiteral("✕"));
    dismiss->setToolTip(QStringLiteral("Dismiss"));
    dismiss->setAutoRaise(true);
    barLayout->addWidget(dismiss);
    connect(dismiss, &QToolButton::clicked, this, &MainWindow::hideMessage);
    m_messageBar->hide();
    // Allocation problems (e.g. minimum efforts above the budget): shown while they last.
    m_allocationLabel->setObjectName(QStringLiteral("allocationBar"));
    m_allocationLabel->setStyleSheet(QStringLiteral(
        "#allocationBar { background: #f8d7da; color: #58151c; border: 1px solid #c0392b; padding: 4px 8px; }"));
    m_allocationLabel->hide();

    auto *right = new QSplitter(Qt::Vertical);
    auto *chartArea = new QWidget;
    auto *chartLayout = new QVBoxLayout(chartArea);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    chartLayout->addWidget(m_controls->budgetBar());
    m_snapshots = new SnapshotBar(m_document);
    chartLayout->addWidget(m_snapshots);
    chartLayout->addWidget(m_messageBar);
    chartLayout->addWidget(m_allocationLabel);
    // The growth view sits beside the chart (View ▸ Growth View shows it).
    m_growth = new GrowthView(m_document);
    auto *charts = new QSplitter(Qt::Horizontal);
    charts->addWidget(m_chart);
    charts->addWidget(m_growth);
    m_growth->setHidden(!settings::growthViewShown());
    charts->setChildrenCollapsible(false);
    charts->setStretchFactor(0, 3);
    charts->setStretchFactor(1, 2);
    chartLayout->addWidget(charts, 1);
    right->addWidget(chartArea);
    right->addWidget(m_results);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 1);
    right->setChildrenCollapsible(false);

    auto *scroll = new QScrollArea;
    scroll->setWidget(m_controls);
    scroll->setWidgetResizable(true);
    scroll->setMinimumWidth(240);

    auto *main = new QSplitter(Qt::Horizontal);
    main->addWidget(scroll);
    main->addWidget(right);
    main->setStretchFactor(0, 0);
    main->setStretchFactor(1, 1);
    main->setChildrenCollapsible(false);
    setCentralWidget(main);

    createActions();
    createMenus();
    statusBar()->showMessage(QStringLiteral("Drag a slider: the allocation follows live. Hover a dot or curve for its "
                                            "numbers; wheel zooms, dragging pans, R resets the view."));

    connect(m_document, &Document::fileStateChanged, this, &MainWindow::updateTitle);

    // Nothing lost: the working state goes to a recovery file shortly after each change, and the
    // open file is watched for changes made by others.
    m_autosave = new Autosave(
        m_document, [this] { return m_presetName; }, this);
    connect(m_autosave, &Autosave::failed, this, [this](const QString &reason) {
        showMessage(QStringLiteral("Automatic backup failed — %1. Your edits are not protected against a crash "
                                   "until you save.")
                        .arg(reason));
    });
    m_watcher = new FileWatcher(this);
    // A backup remembers which version on disk its edits were based on (the one this window knows).
    m_autosave->setBaseHash([this] { return m_watcher->knownHash(); });
    connect(m_watcher, &FileWatcher::changedOnDisk, this, &MainWindow::fileChangedOnDisk);
    connect(m_watcher, &FileWatcher::removedOnDisk, this, &MainWindow::fileRemovedOnDisk);
    connect(m_document, &Document::changed, this, &MainWindow::updateAllocationMessage);

    setTheme(settings::themeId());
    openPreset(QStringLiteral("startup"));

    // A first-run size that suits a laptop or a projector; afterwards the remembered geometry.
    const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1440, 900);
    resize(std::min(1440, available.width() * 9 / 10), std::min(900, available.height() * 9 / 10));
    const int panel = std::clamp(width() * 27 / 100, 300, 390);
    main->setSizes({panel, width() - panel});
    restoreGeometry(settings::windowGeometry());
}

void MainWindow::createActions()
{
    m_newAction = new QAction(QStringLiteral("&New"), this);
    m_newAction->setShortcut(QKeySequence::New);
    m_newAction->setStatusTip(QStringLiteral("Start a new scenario"));
    connect(m_newAction, &QAction::triggered, this, &MainWindow::newScenario);

    m_openAction = new QAction(QStringLiteral("&Open…"), this);
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setStatusTip(QStringLiteral("Open a scenario file"));
    connect(m_openAction, &QAction::triggered, this, &MainWindow::open);

    m_saveAction = new QAction(QStringLiteral("&Save"), this);
    m_saveAction->setShortcut(QKeySequence::Save);
    connect(m_saveAction, &QAction::triggered, this, &MainWindow::save);

    m_saveAsAction = new QAction(QStringLiteral("Save &As…"), this);
    // Ctrl+Shift+S everywhere: QKeySequence::SaveAs has no binding on some desktops (plain X11).
    QList<QKeySequence> saveAsKeys = QKeySequence::keyBindings(QKeySequence::SaveAs);
    if (!saveAsKeys.contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)))
        saveAsKeys.prepend(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_saveAsAction->setShortcuts(saveAsKeys);
    connect(m_saveAsAction, &QAction::triggered, this, &MainWindow::saveAs);

    m_exportAction = new QAction(QStringLiteral("&Export Chart…"), this);
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportAction->setStatusTip(QStringLiteral("Save the chart as PNG (1×–4×), SVG or PDF"));
    connect(m_exportAction, &QAction::triggered, this, &MainWindow::exportInteractive);

    m_copyAction = new QAction(QStringLiteral("&Copy Chart"), this);
    m_copyAction->setShortcut(QKeySequence::Copy);
    m_copyAction->setStatusTip(QStringLiteral("Copy the chart to the clipboard as an image"));
    connect(m_copyAction, &QAction::triggered, this, &MainWindow::copyChart);

    m_quitAction = new QAction(QStringLiteral("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_undoAction = m_document->undoStack()->createUndoAction(this, QStringLiteral("&Undo"));
    m_undoAction->setShortcuts(QKeySequence::Undo);
    m_redoAction = m_document->undoStack()->createRedoAction(this, QStringLiteral("&Redo"));
    // Every binding of the platform, and Ctrl+Shift+Z everywhere (the README's key; some desktops bind
    // only Ctrl+Y).
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    if (!redoKeys.contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)))
        redoKeys.append(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
    m_redoAction->setShortcuts(redoKeys);

    m_resetViewAction = new QAction(QStringLiteral("&Reset View"), this);
    m_resetViewAction->setShortcuts({QKeySequence(Qt::Key_R), QKeySequence(Qt::CTRL | Qt::Key_0)});
    m_resetViewAction->setStatusTip(QStringLiteral("Fit the chart to the scenario again after zooming or panning"));
    connect(m_resetViewAction, &QAction::triggered, m_chart, &ChartWidget::resetView);

    m_growthAction = new QAction(QStringLiteral("&Growth View"), this);
    m_growthAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    m_growthAction->setStatusTip(
        QStringLiteral("Show how the optimal split grows as the budget goes from 0 to the total"));
    m_growthAction->setCheckable(true);
    m_growthAction->setChecked(settings::growthViewShown());
    connect(m_growthAction, &QAction::toggled, this, [this](bool on) {
        m_growth->setVisible(on);
        if (auto *charts = qobject_cast<QSplitter *>(m_growth->parentWidget()); on && charts)
            charts->setSizes({charts->width() * 3 / 5, charts->width() * 2 / 5});
        settings::setGrowthViewShown(on);
    });
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(QStringLiteral("&File"));
    file->addAction(m_newAction);
    file->addAction(m_openAction);
    m_recentMenu = file->addMenu(QStringLiteral("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::rebuildRecentMenu);
    rebuildRecentMenu();
    file->addAction(m_saveAction);
    file->addAction(m_saveAsAction);
    file->addSeparator();
    file->addAction(m_exportAction);
    file->addAction(m_copyAction);
    // Numbers out for meetings: the table to the clipboard, CSV, the one-page brief.
    m_meeting = new MeetingExports(
        this, m_document, m_results, [this] { return m_theme; }, [this](const QString &text) { showMessage(text); });
    connect(m_meeting, &MeetingExports::written, this, [this](const QString &path) {
        statusBar()->showMessage(tr("Exported %1").arg(QDir::toNativeSeparators(path)), 5000);
    });
    file->addAction(m_meeting->exportNumbersAction());
    file->addAction(m_meeting->exportBriefAction());
    file->addAction(m_meeting->exportAnimationAction());
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(QStringLiteral("&Edit"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    edit->addSeparator();
    edit->addAction(m_meeting->copyTableAction());
    edit->addSeparator();
    QAction *add = edit->addAction(QStringLiteral("&Add Project"), m_controls, &ControlPanel::addProject);
    add->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    QAction *duplicate
        = edit->addAction(QStringLiteral("&Duplicate Project"), m_controls, &ControlPanel::duplicateProject);
    duplicate->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    QAction *remove = edit->addAction(QStringLiteral("&Remove Project"), m_controls, &ControlPanel::removeProject);
    remove->setShortcut(QKeySequence::Delete); // text fields keep Delete for themselves
    QAction *up = edit->addAction(QStringLiteral("Move Project &Up"), m_controls, &ControlPanel::moveProjectUp);
    up->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Up));
    QAction *down = edit->addAction(QStringLiteral("Move Project Do&wn"), m_controls, &ControlPanel::moveProjectDown);
    down->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Down));

    QMenu *view = menuBar()->addMenu(QStringLiteral("&View"));
    view->addAction(m_resetViewAction);
    view->addAction(m_growthAction);
    view->addSeparator();
    m_themeGroup = new QActionGroup(this);
    for (const QString &id : Theme::ids()) {
        QAction *action = view->addAction(Theme::byId(id)->displayName);
        action->setCheckable(true);
        action->setData(id);
        m_themeGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, id] { setTheme(id); });
    }

    QMenu *compare = menuBar()->addMenu(tr("&Compare"));
    QAction *pin = compare->addAction(tr("&Pin Snapshot"), m_snapshots, &SnapshotBar::pin);
    pin->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    pin->setStatusTip(tr("Pin the current state and its split, and compare with it"));
    QAction *noBaseline = compare->addAction(tr("&Stop Comparing"), this, [this] { m_document->setBaseline({}); });
    noBaseline->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));

    QMenu *presets = menuBar()->addMenu(QStringLiteral("&Presets"));
    const QStringList descriptions
        = {tr("budget 100, equal weights"), tr("budget 300, equal weights"), tr("budget 100, pricing weighted 6×"),
           tr("an S-curve: a deep-learning bet that pays off only past a threshold")};
    const QStringList names = presetNames();
    for (qsizetype i = 0; i < names.size(); ++i) {
        const QString name = names[i];
        const QString label = i < descriptions.size() ? QStringLiteral("%1 — %2").arg(name, descriptions[i]) : name;
        QAction *action = presets->addAction(label);
        action->setShortcut(QKeySequence(Qt::ALT | static_cast<Qt::Key>(Qt::Key_1 + i)));
        connect(action, &QAction::triggered, this, [this, name] {
            if (maybeSave())
                openPreset(name);
        });
    }

    QMenu *help = menuBar()->addMenu(QStringLiteral("&Help"));
    QAction *aboutAction = help->addAction(QStringLiteral("&About Effort Frontier"), this, &MainWindow::about);
    aboutAction->setMenuRole(QAction::AboutRole);
    help->addAction(QStringLiteral("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::setTheme(const QString &id)
{
    const std::optional<Theme> theme = Theme::byId(id);
    if (!theme)
        return;
    m_theme = *theme;
    QApplication::setPalette(m_theme.windowPalette());
    m_chart->setTheme(m_theme);
    m_growth->setTheme(m_theme);
    m_results->setTheme(m_theme);
    m_controls->setTheme(m_theme);
    if (m_themeGroup)
        for (QAction *action : m_themeGroup->actions())
            action->setChecked(action->data().toString() == id);
    settings::setThemeId(id);
}

QString MainWindow::messageText() const
{
    QStringList parts;
    if (!m_messageBar->isHidden())
        parts << m_messageLabel->text();
    if (!m_allocationLabel->isHidden())
        parts << m_allocationLabel->text();
    return parts.join(QLatin1Char('\n'));
}

void MainWindow::showMessage(const QString &text)
{
    m_messageLabel->setText(text);
    m_messageBar->show();
}

void MainWindow::hideMessage()
{
    m_messageBar->hide();
}

void MainWindow::updateAllocationMessage()
{
    const AllocationResult &result = m_document->result();
    if (result.ok()) {
        m_allocationLabel->hide();
    } else {
        m_allocationLabel->setText(QStringLiteral("No allocation: %1").arg(QString::fromStdString(result.error)));
        m_allocationLabel->show();
    }
}

void MainWindow::updateTitle()
{
    QString shown;
    if (!m_document->filePath().isEmpty())
        shown = QFileInfo(m_document->filePath()).fileName();
    else if (!m_presetName.isEmpty())
        shown = QStringLiteral("preset %1").arg(m_presetName);
    else
        shown = QStringLiteral("Untitled");
    setWindowTitle(QStringLiteral("%1[*] — Effort Frontier").arg(shown));
    setWindowModified(m_document->isModified());
}

std::optional<Scenario> MainWindow::readForOpening(const QString &path)
{
    LoadResult loaded = loadScenarioFile(path);
    if (!loaded.ok()) {
        showMessage(tr("Could not open the scenario — %1").arg(loaded.error.message()));
        settings::removeRecentFile(QFileInfo(path).absoluteFilePath());
        return std::nullopt;
    }
    if (const QString problem = Chart::sizeProblem(*loaded.scenario); !problem.isEmpty()) {
        showMessage(tr("Could not open the scenario — %1: %2").arg(QDir::toNativeSeparators(path), problem));
        return std::nullopt;
    }
    return std::move(*loaded.scenario);
}

bool MainWindow::openFileAsking(const QString &path)
{
    // The file is read and checked first: a file that cannot be opened never costs a save prompt.
    std::optional<Scenario> scenario = readForOpening(path);
    if (!scenario || !maybeSave())
        return false;
    showOpened(std::move(*scenario), path);
    return true;
}

bool MainWindow::openFile(const QString &path)
{
    std::optional<Scenario> scenario = readForOpening(path);
    if (!scenario)
        return false;
    showOpened(std::move(*scenario), path);
    return true;
}

void MainWindow::showOpened(Scenario scenario, const QString &path)
{
    showScenario(std::move(scenario), QFileInfo(path).absoluteFilePath());
    settings::addRecentFile(path);
    statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(path)), 5000);
}

bool MainWindow::openPreset(const QString &name)
{
    LoadResult loaded = loadPreset(name);
    if (!loaded.ok()) {
        showMessage(loaded.error.message());
        return false;
    }
    showScenario(std::move(*loaded.scenario), QString(), name);
    return true;
}

void MainWindow::showScenario(Scenario scenario, const QString &filePath, const QString &presetName)
{
    m_presetName = filePath.isEmpty() ? presetName : QString();
    m_document->replace(std::move(scenario), filePath);
    watchDocumentFile();
    m_controls->selectProject(0);
    m_chart->resetView();
    hideMessage();
    updateTitle();
}

bool MainWindow::saveFile(const QString &path)
{
    if (const auto problem = validateScenario(m_document->scenario(), QFileInfo(path).fileName())) {
        showMessage(QStringLiteral("Not saved — %1").arg(problem->message()));
        return false;
    }
    const std::string text = serializeScenario(m_document->scenario());
    const QByteArray bytes(text.data(), static_cast<qsizetype>(text.size()));
    QString error;
    // All or nothing (QSaveFile): on failure the file on disk is exactly what it was before.
    if (!writeFileAtomically(path, bytes, &error)) {
        const QString native = QDir::toNativeSeparators(path);
        showMessage(QStringLiteral("Not saved — %1: %2").arg(native, error));
        QMessageBox box(QMessageBox::Critical, QStringLiteral("Not saved"),
                        QStringLiteral("The scenario could not be saved to %1.").arg(native), QMessageBox::Ok, this);
        box.setInformativeText(QStringLiteral("Reason: %1\n\nThe file on disk is unchanged, and your edits are still "
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
    hideMessage();
    updateTitle();
    statusBar()->showMessage(QStringLiteral("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

bool MainWindow::exportChart(const QString &path, const ExportOptions &options, QString *error, ChartView view,
                             const QString &themeId)
{
    QString problem;
    ViewExportOptions viewOptions;
    viewOptions.view = view;
    viewOptions.baseline = m_document->baselineName();
    const Theme theme = themeId.isEmpty() ? m_theme : Theme::byId(themeId).value_or(m_theme);
    const bool ok
        = exportView(m_document->scenario(), m_document->result(), theme, path, options, viewOptions, &problem);
    if (!ok)
        showMessage(QStringLiteral("Export failed — %1").arg(problem));
    if (error)
        *error = problem;
    return ok;
}

QMessageBox::StandardButton MainWindow::ask(QMessageBox &box)
{
    if (m_promptHandler)
        return m_promptHandler(box);
    box.exec();
    return box.standardButton(box.clickedButton());
}

void MainWindow::watchDocumentFile()
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

void MainWindow::fileChangedOnDisk(const QString &path)
{
    if (path != m_document->filePath() || m_fileQuestionOpen)
        return;
    const QString name = QFileInfo(path).fileName();
    LoadResult loaded = loadScenarioFile(path);
    if (!loaded.ok()) {
        // Another program may be part way through writing it; a later change is checked again.
        showMessage(QStringLiteral("“%1” was changed on disk by another program, but the new version cannot be read "
                                   "(%2). The version shown here is kept; saving would overwrite the file.")
                        .arg(name, loaded.error.message()));
        return;
    }
    if (*loaded.scenario == m_document->scenario())
        return; // reformatted, or the same edit made elsewhere: nothing to choose between
    if (const QString problem = Chart::sizeProblem(*loaded.scenario); !problem.isEmpty()) {
        showMessage(QStringLiteral("“%1” was changed on disk by another program, but the new version cannot be shown "
                                   "(%2). The version shown here is kept.")
                        .arg(name, problem));
        return;
    }
    if (m_document->isModified()) {
        QMessageBox box(QMessageBox::Warning, QStringLiteral("File changed on disk"),
                        QStringLiteral("“%1” was changed on disk by another program, and you have unsaved changes "
                                       "to it here.")
                            .arg(name),
                        QMessageBox::Yes | QMessageBox::No, this);
        box.button(QMessageBox::Yes)->setText(QStringLiteral("&Reload"));
        box.button(QMessageBox::No)->setText(QStringLiteral("&Keep Mine"));
        box.setDefaultButton(QMessageBox::No);
        box.setEscapeButton(QMessageBox::No);
        box.setInformativeText(QStringLiteral("Reload: show the version on disk; your unsaved changes here are "
                                              "lost.\nKeep Mine: keep working on your version; saving will "
                                              "overwrite the version on disk."));
        box.setDetailedText(QDir::toNativeSeparators(path));
        m_fileQuestionOpen = true;
        const QMessageBox::StandardButton answer = ask(box);
        m_fileQuestionOpen = false;
        if (answer != QMessageBox::Yes) {
            showMessage(QStringLiteral("Kept your version. “%1” on disk is different: saving will overwrite it, "
                                       "Save As keeps both.")
                            .arg(name));
            return;
        }
        loaded = loadScenarioFile(path); // it may have changed again while the question was open
        if (!loaded.ok()) {
            showMessage(QStringLiteral("Could not reload “%1” — %2").arg(name, loaded.error.message()));
            return;
        }
    }
    showScenario(std::move(*loaded.scenario), path);
    showMessage(QStringLiteral("“%1” was changed on disk by another program and has been reloaded.").arg(name));
}

void MainWindow::fileRemovedOnDisk(const QString &path)
{
    if (path != m_document->filePath())
        return;
    showMessage(QStringLiteral("“%1” was deleted or moved by another program. The scenario is still here; Save "
                               "writes it to %2 again.")
                    .arg(QFileInfo(path).fileName(), QDir::toNativeSeparators(path)));
}

bool MainWindow::offerRecovery()
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
        const QString what = !state.filePath.isEmpty()
            ? QStringLiteral("“%1”").arg(QFileInfo(state.filePath).fileName())
            : !state.presetName.isEmpty() ? QStringLiteral("the preset %1").arg(state.presetName)
                                          : QStringLiteral("an untitled scenario");
        // Was the file changed on disk after these edits were backed up (a colleague saved it)? Then
        // restoring is the file watcher's choice: keep mine or reload theirs, never a silent overwrite.
        bool changedOnDisk = false;
        if (!state.filePath.isEmpty() && !state.baseHash.isEmpty()) {
            QFile disk(state.filePath);
            if (disk.open(QIODevice::ReadOnly))
                changedOnDisk = FileWatcher::contentHash(disk.read(limits::kMaxFileBytes + 1)) != state.baseHash;
        }
        const QString backedUp = QLocale().toString(state.savedAt.toLocalTime(), QLocale::ShortFormat);
        QMessageBox box(this);
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
            m_controls->selectProject(0);
            m_chart->resetView();
            hideMessage();
            updateTitle();
            m_autosave->flush(); // our own recovery file holds it before the old one goes
            QFile::remove(candidate.path);
            if (changedOnDisk)
                showMessage(tr("Restored your unsaved changes. “%1” on disk is different: saving will overwrite it, "
                               "Save As keeps both.")
                                .arg(QFileInfo(state.filePath).fileName()));
            statusBar()->showMessage(tr("Restored the unsaved changes from the last session"), 8000);
            return true;
        }
        if (changedOnDisk && answer == QMessageBox::No) {
            LoadResult loaded = loadScenarioFile(state.filePath);
            if (loaded.ok() && Chart::sizeProblem(*loaded.scenario).isEmpty()) {
                showScenario(std::move(*loaded.scenario), QFileInfo(state.filePath).absoluteFilePath());
                QFile::remove(candidate.path);
                showMessage(tr("Opened the version of “%1” on disk; the recovered changes were deleted.")
                                .arg(QFileInfo(state.filePath).fileName()));
            } else {
                showMessage(tr("Could not open “%1” (%2); the recovered changes are kept and offered again at the "
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
        showMessage(QStringLiteral("A backup of unsaved work from an earlier session could not be read and was set "
                                   "aside: %1")
                        .arg(problems.join(QStringLiteral("; "))));
    return false;
}

bool MainWindow::maybeSave()
{
    if (!m_document->isModified())
        return true;
    // Through ask(), like every other question of the window: tests and tools answer it without a
    // modal loop.
    QMessageBox box(QMessageBox::Warning, tr("Unsaved changes"),
                    tr("The scenario has unsaved changes. Save them first?"),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setDefaultButton(QMessageBox::Save);
    const QMessageBox::StandardButton answer = ask(box);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::newScenario()
{
    if (!maybeSave())
        return;
    Scenario scenario;
    scenario.name = "Untitled";
    scenario.totalEffort = 100;
    Project first;
    first.name = "Project A";
    first.curve = Curve{CurveFamily::Log, 0.1, 2.0, 0.0};
    Project second;
    second.name = "Project B";
    second.curve = Curve{CurveFamily::Log, 0.05, 10.0, 0.0};
    scenario.projects = {first, second};
    showScenario(std::move(scenario), QString());
}

void MainWindow::open()
{
    const QStringList recent = settings::recentFiles();
    const QString dir = recent.isEmpty() ? QString() : QFileInfo(recent.front()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Scenario"), dir, kScenarioFilter);
    if (!path.isEmpty())
        openFileAsking(path);
}

bool MainWindow::save()
{
    if (m_document->filePath().isEmpty())
        return saveAs();
    return saveFile(m_document->filePath());
}

bool MainWindow::saveAs()
{
    QString suggestion = m_document->filePath();
    if (suggestion.isEmpty())
        suggestion = (m_presetName.isEmpty() ? QStringLiteral("scenario") : m_presetName) + QStringLiteral(".json");
    QString path = QFileDialog::getSaveFileName(this, QStringLiteral("Save Scenario As"), suggestion, kScenarioFilter);
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".json");
    return saveFile(path);
}

void MainWindow::exportInteractive()
{
    const QString base = m_document->filePath().isEmpty()
        ? (m_presetName.isEmpty() ? QStringLiteral("chart") : m_presetName)
        : QFileInfo(m_document->filePath()).completeBaseName();
    QString selected;
    QString path = QFileDialog::getSaveFileName(
        this, QStringLiteral("Export Chart"), base + QStringLiteral(".png"),
        QStringLiteral("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"), &selected);
    if (path.isEmpty())
        return;
    if (!exportFormatFor(path)) {
        const QString ext = selected.contains(QLatin1String("svg")) ? QStringLiteral(".svg")
            : selected.contains(QLatin1String("pdf"))               ? QStringLiteral(".pdf")
                                                                    : QStringLiteral(".png");
        path += ext;
    }
    ExportRequest initial;
    initial.options.size = settings::exportSize();
    initial.options.scale = settings::exportScale();
    initial.view = m_growth->isVisible() ? ChartView::Growth : ChartView::Accuracy;
    initial.themeId = m_theme.id;
    ExportDialog dialog(path, initial, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const ExportRequest request = dialog.request();
    const ExportOptions options = request.options;
    settings::setExportSize(options.size);
    if (exportFormatFor(path) == ExportFormat::Png)
        settings::setExportScale(static_cast<int>(options.scale));
    if (exportChart(path, options, nullptr, request.view, request.themeId))
        statusBar()->showMessage(QStringLiteral("Exported %1").arg(QDir::toNativeSeparators(path)), 5000);
}

void MainWindow::copyChart()
{
    ExportOptions options;
    options.size = m_chart->size();
    options.scale = 1;
    QApplication::clipboard()->setImage(renderPlot(m_chart, options));
    statusBar()->showMessage(QStringLiteral("Chart copied to the clipboard"), 3000);
}

void MainWindow::about()
{
    QMessageBox::about(this, tr("About Effort Frontier"), ef::about::aboutHtml());
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = settings::recentFiles();
    for (qsizetype i = 0; i < files.size(); ++i) {
        const QString path = files[i];
        QAction *action = m_recentMenu->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()));
        action->setToolTip(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path] { openFileAsking(path); });
    }
    if (files.isEmpty()) {
        m_recentMenu->addAction(QStringLiteral("(none)"))->setEnabled(false);
    } else {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(QStringLiteral("&Clear List"), this, [] {
            for (const QString &path : settings::recentFiles())
                settings::removeRecentFile(path);
        });
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    settings::setWindowGeometry(saveGeometry());
    m_autosave->discard(); // a clean exit: nothing to recover
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!droppedFile(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString path = droppedFile(event->mimeData());
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    openFileAsking(path);
}

} // namespace ef
