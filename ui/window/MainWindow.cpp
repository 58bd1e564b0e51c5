// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "window/MainWindow.h"

#include "Presets.h"
#include "ScenarioFile.h"
#include "charts/Chart.h"
#include "charts/ChartWidget.h"
#include "charts/DotDrag.h"
#include "charts/GrowthView.h"
#include "charts/MarginalView.h"
#include "document/AllocationService.h"
#include "document/Document.h"
#include "persistence/AtomicFile.h"
#include "persistence/Autosave.h"
#include "persistence/FileWatcher.h"
#include "persistence/RecoveryStore.h"
#include "persistence/Settings.h"
#include "present/PresenterWindow.h"
#include "widgets/ControlPanel.h"
#include "widgets/ExportDialog.h"
#include "widgets/ResultsTable.h"
#include "widgets/SnapshotBar.h"
#include "widgets/StageEditor.h"
#include "widgets/TargetsDialog.h"
#include "window/AboutText.h"
#include "window/FileController.h"
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
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

namespace ef {

namespace {

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
    dismiss->setText(tr("✕"));
    dismiss->setToolTip(tr("Dismiss"));
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
    // The marginal view beside them (View ▸ Marginal View), hidden until asked for.
    m_marginal = new MarginalView(m_document);
    charts->addWidget(m_marginal);
    m_marginal->hide();
    m_marginalAction = new QAction(tr("&Marginal View"), this);
    m_marginalAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    m_marginalAction->setStatusTip(tr("Show why each dot stops where it does: the gain of every unit and the water "
                                      "level at which the optimal split equalises them"));
    m_marginalAction->setCheckable(true);
    connect(m_marginalAction, &QAction::toggled, this, [this](bool on) {
        m_marginal->setVisible(on);
        balanceChartViews();
    });
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
    // A red dot picked up on the chart: the editor shows its project, with "Lock at" (typed efforts) in view.
    connect(m_chart->dotDrag(), &DotDrag::projectPicked, this, [this, scroll](int index) {
        m_controls->selectProject(index);
        scroll->ensureWidgetVisible(m_controls->lockBox());
    });
    statusBar()->showMessage(tr("Drag a slider or a red dot: the allocation follows live. Hover a dot or curve for its "
                                "numbers; wheel zooms, dragging pans, R resets the view."));

    // The file policy (open, save, reload, recovery) lives in the controller; the window shows what it says.
    m_files = new FileController(m_document, &m_prompter, this, this);
    connect(m_files, &FileController::messageRaised, this, &MainWindow::showMessage);
    connect(m_files, &FileController::messageCleared, this, &MainWindow::hideMessage);
    connect(m_files, &FileController::statusMessage, this,
            [this](const QString &text, int timeoutMs) { statusBar()->showMessage(text, timeoutMs); });
    connect(m_files, &FileController::titleChanged, this, &MainWindow::updateTitle);
    connect(m_files, &FileController::scenarioShown, this, [this] {
        m_controls->selectProject(0);
        m_chart->resetView();
    });
    connect(m_document, &Document::changed, this, &MainWindow::updateAllocationMessage);

    // Long work (an exact split of many S-curves, a growth path over a huge budget) runs off the UI
    // thread while the last good result stays on screen; past a quarter second the status bar says so.
    m_busyLabel = new QLabel(tr("Computing the split…"));
    m_busyBar = new QProgressBar;
    m_busyBar->setRange(0, 0); // no fraction is known: an activity indicator
    m_busyBar->setMaximumWidth(120);
    m_busyBar->setTextVisible(false);
    statusBar()->addPermanentWidget(m_busyLabel);
    statusBar()->addPermanentWidget(m_busyBar);
    m_busyLabel->hide();
    m_busyBar->hide();
    m_busyDelay = new QTimer(this);
    m_busyDelay->setSingleShot(true);
    m_busyDelay->setInterval(250);
    connect(m_busyDelay, &QTimer::timeout, this, [this] { setBusyShown(true); });
    connect(m_document->service(), &AllocationService::busyChanged, this, [this](bool busy) {
        if (busy) {
            m_busyDelay->start();
        } else {
            m_busyDelay->stop();
            setBusyShown(false);
        }
    });

    setTheme(settings::themeId());
    openPreset(QStringLiteral("startup"));

    // A first-run size that suits a laptop or a projector; afterwards the remembered geometry.
    const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1440, 900);
    resize(std::min(1440, available.width() * 9 / 10), std::min(900, available.height() * 9 / 10));
    // Wide enough that the editor needs no sideways scrolling (its rows of spin boxes and buttons), which
    // at 1280×720 is a little more than a fixed share of the width gave.
    const int needed = m_controls->minimumSizeHint().width() + scroll->verticalScrollBar()->sizeHint().width()
        + 2 * scroll->frameWidth();
    const int panel = std::clamp(std::max(width() * 27 / 100, needed), 300, 420);
    main->setSizes({panel, width() - panel});
    restoreGeometry(settings::windowGeometry());
}

void MainWindow::createActions()
{
    m_newAction = new QAction(tr("&New"), this);
    m_newAction->setShortcut(QKeySequence::New);
    m_newAction->setStatusTip(tr("Start a new scenario"));
    connect(m_newAction, &QAction::triggered, this, [this] { m_files->newScenario(); });

    m_openAction = new QAction(tr("&Open…"), this);
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setStatusTip(tr("Open a scenario file"));
    connect(m_openAction, &QAction::triggered, this, &MainWindow::open);

    m_saveAction = new QAction(tr("&Save"), this);
    m_saveAction->setShortcut(QKeySequence::Save);
    connect(m_saveAction, &QAction::triggered, this, [this] { m_files->save(); });

    m_saveAsAction = new QAction(tr("Save &As…"), this);
    // Ctrl+Shift+S everywhere: QKeySequence::SaveAs has no binding on some desktops (plain X11).
    QList<QKeySequence> saveAsKeys = QKeySequence::keyBindings(QKeySequence::SaveAs);
    if (!saveAsKeys.contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)))
        saveAsKeys.prepend(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_saveAsAction->setShortcuts(saveAsKeys);
    connect(m_saveAsAction, &QAction::triggered, this, [this] { m_files->saveAs(); });

    m_exportAction = new QAction(tr("&Export Chart…"), this);
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportAction->setStatusTip(tr("Save the chart as PNG (1×–4×), SVG or PDF"));
    connect(m_exportAction, &QAction::triggered, this, &MainWindow::exportInteractive);

    m_copyAction = new QAction(tr("&Copy Chart"), this);
    m_copyAction->setShortcut(QKeySequence::Copy);
    m_copyAction->setStatusTip(tr("Copy the chart to the clipboard as an image"));
    connect(m_copyAction, &QAction::triggered, this, &MainWindow::copyChart);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_undoAction = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    m_undoAction->setShortcuts(QKeySequence::Undo);
    m_redoAction = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    // Every binding of the platform, and Ctrl+Shift+Z everywhere (the README's key; some desktops bind
    // only Ctrl+Y).
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    if (!redoKeys.contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)))
        redoKeys.append(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
    m_redoAction->setShortcuts(redoKeys);

    m_resetViewAction = new QAction(tr("&Reset View"), this);
    m_resetViewAction->setShortcuts({QKeySequence(Qt::Key_R), QKeySequence(Qt::CTRL | Qt::Key_0)});
    m_resetViewAction->setStatusTip(tr("Fit the chart to the scenario again after zooming or panning"));
    connect(m_resetViewAction, &QAction::triggered, m_chart, &ChartWidget::resetView);

    m_accuracyNumbersAction = new QAction(tr("&Accuracy Numbers"), this);
    m_accuracyNumbersAction->setStatusTip(tr("Show numbers on the accuracy axis (the reference look has none)"));
    m_accuracyNumbersAction->setCheckable(true);
    m_accuracyNumbersAction->setChecked(settings::accuracyNumbersShown());
    m_chart->chart()->setAccuracyNumbers(settings::accuracyNumbersShown());
    connect(m_accuracyNumbersAction, &QAction::toggled, this, [this](bool on) {
        m_chart->chart()->setAccuracyNumbers(on);
        m_chart->replot(QCustomPlot::rpQueuedReplot);
        settings::setAccuracyNumbersShown(on);
    });

    m_weightedAction = new QAction(tr("&Weighted Value"), this);
    m_weightedAction->setStatusTip(
        tr("Plot weight × accuracy, the value each project adds to the objective, instead of accuracy"));
    m_weightedAction->setCheckable(true);
    m_weightedAction->setChecked(settings::weightedValueShown());
    m_chart->chart()->setWeighted(settings::weightedValueShown());
    connect(m_weightedAction, &QAction::toggled, this, [this](bool on) {
        m_chart->chart()->setWeighted(on);
        m_chart->replot(QCustomPlot::rpQueuedReplot);
        settings::setWeightedValueShown(on);
        if (m_presenter) // presenter mode follows the window's toggle
            m_presenter->setWeighted(on);
    });

    m_presentAction = new QAction(tr("&Present"), this);
    m_presentAction->setShortcut(QKeySequence(Qt::Key_F11));
    m_presentAction->setStatusTip(
        tr("Full screen for a room: the chart alone, large, stepping through the snapshots and presets"));
    connect(m_presentAction, &QAction::triggered, this, &MainWindow::present);

    m_growthAction = new QAction(tr("&Growth View"), this);
    m_growthAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    m_growthAction->setStatusTip(tr("Show how the optimal split grows as the budget goes from 0 to the total"));
    m_growthAction->setCheckable(true);
    m_growthAction->setChecked(settings::growthViewShown());
    connect(m_growthAction, &QAction::toggled, this, [this](bool on) {
        m_growth->setVisible(on);
        balanceChartViews();
        settings::setGrowthViewShown(on);
    });
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newAction);
    file->addAction(m_openAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
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
    m_meeting->setWeightedSource([this] { return m_weightedAction->isChecked(); }); // brief, animations
    connect(m_meeting, &MeetingExports::written, this, [this](const QString &path) {
        statusBar()->showMessage(tr("Exported %1").arg(QDir::toNativeSeparators(path)), 5000);
    });
    file->addAction(m_meeting->exportNumbersAction());
    file->addAction(m_meeting->exportBriefAction());
    file->addAction(m_meeting->exportAnimationAction());
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    edit->addSeparator();
    edit->addAction(m_meeting->copyTableAction());
    edit->addSeparator();
    QAction *add = edit->addAction(tr("&Add Project"), m_controls, &ControlPanel::addProject);
    add->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    QAction *duplicate = edit->addAction(tr("&Duplicate Project"), m_controls, &ControlPanel::duplicateProject);
    duplicate->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    QAction *remove = edit->addAction(tr("&Remove Project"), m_controls, &ControlPanel::removeProject);
    remove->setShortcut(QKeySequence::Delete); // text fields keep Delete for themselves
    QAction *up = edit->addAction(tr("Move Project &Up"), m_controls, &ControlPanel::moveProjectUp);
    up->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Up));
    QAction *down = edit->addAction(tr("Move Project Do&wn"), m_controls, &ControlPanel::moveProjectDown);
    down->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Down));
    edit->addAction(tr("&Fit Curve to Observations"), m_controls, &ControlPanel::fitSelectedProject);
    edit->addAction(tr("&Observations…"), m_controls, &ControlPanel::openObservations);
    // Targets and stages: budget questions, and the lifecycle stages themselves.
    edit->addSeparator();
    QAction *targets = edit->addAction(tr("&Targets…"), this, &MainWindow::showTargets);
    targets->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    targets->setStatusTip(tr("Find the budget at which a project reaches a stage, or that reaches an objective"));
    edit->addAction(tr("&Stages…"), this, &MainWindow::editStages)
        ->setStatusTip(tr("Rename, add or remove lifecycle stages and change where they start"));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_resetViewAction);
    view->addAction(m_growthAction);
    view->addAction(m_marginalAction);
    view->addAction(m_accuracyNumbersAction);
    view->addAction(m_weightedAction);
    view->addAction(m_presentAction);
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

    QMenu *presets = menuBar()->addMenu(tr("&Presets"));
    const QStringList descriptions
        = {tr("budget 100, equal weights"), tr("budget 300, equal weights"), tr("budget 100, pricing weighted 6×"),
           tr("an S-curve: a deep-learning bet that pays off only past a threshold")};
    const QStringList names = presetNames();
    for (qsizetype i = 0; i < names.size(); ++i) {
        const QString name = names[i];
        const QString label = i < descriptions.size() ? QStringLiteral("%1 — %2").arg(name, descriptions[i]) : name;
        QAction *action = presets->addAction(label);
        action->setShortcut(QKeySequence(Qt::ALT | static_cast<Qt::Key>(Qt::Key_1 + i)));
        connect(action, &QAction::triggered, this, [this, name] { m_files->switchToPreset(name); });
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *aboutAction = help->addAction(tr("&About Effort Frontier"), this, &MainWindow::about);
    aboutAction->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
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
    m_marginal->setTheme(m_theme);
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

void MainWindow::balanceChartViews()
{
    // The accuracy chart keeps the larger share: 3 : 2 beside one view, 2 : 1 : 1 beside two.
    auto *charts = qobject_cast<QSplitter *>(m_growth->parentWidget());
    if (!charts)
        return;
    const bool growth = !m_growth->isHidden();
    const bool marginal = !m_marginal->isHidden();
    const int w = charts->width();
    if (growth && marginal)
        charts->setSizes({w / 2, w / 4, w / 4});
    else
        charts->setSizes({w * 3 / 5, growth ? w * 2 / 5 : 0, marginal ? w * 2 / 5 : 0});
}

bool MainWindow::isBusyShown() const
{
    return !m_busyBar->isHidden();
}

void MainWindow::setBusyShown(bool shown)
{
    m_busyLabel->setVisible(shown);
    m_busyBar->setVisible(shown);
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
        m_allocationLabel->setText(tr("No allocation: %1").arg(QString::fromStdString(result.error)));
        m_allocationLabel->show();
    }
}

void MainWindow::updateTitle()
{
    setWindowTitle(tr("%1[*] — Effort Frontier").arg(m_files->displayName()));
    setWindowModified(m_document->isModified());
}

bool MainWindow::openFile(const QString &path)
{
    return m_files->openFile(path);
}

bool MainWindow::openFileAsking(const QString &path)
{
    return m_files->openFileAsking(path);
}

bool MainWindow::openPreset(const QString &name)
{
    return m_files->openPreset(name);
}

void MainWindow::showScenario(Scenario scenario, const QString &filePath, const QString &presetName)
{
    m_files->showScenario(std::move(scenario), filePath, presetName);
}

bool MainWindow::saveFile(const QString &path)
{
    return m_files->saveFile(path);
}

bool MainWindow::offerRecovery()
{
    return m_files->offerRecovery();
}

Autosave *MainWindow::autosave() const
{
    return m_files->autosave();
}

FileWatcher *MainWindow::fileWatcher() const
{
    return m_files->fileWatcher();
}

void MainWindow::setPromptHandler(Prompter::Handler handler)
{
    m_prompter.setHandler(std::move(handler));
}

void MainWindow::open()
{
    const QStringList recent = settings::recentFiles();
    const QString dir = recent.isEmpty() ? QString() : QFileInfo(recent.front()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Scenario"), dir,
                                                      tr("Effort Frontier scenarios (*.json);;All files (*)"));
    if (!path.isEmpty())
        m_files->openFileAsking(path);
}

bool MainWindow::exportChart(const QString &path, const ExportOptions &options, QString *error, ChartView view,
                             const QString &themeId)
{
    QString problem;
    ViewExportOptions viewOptions;
    viewOptions.view = view;
    viewOptions.baseline = m_document->baselineName();
    viewOptions.uncertainty = m_document->monteCarlo();   // the whiskers the window shows
    viewOptions.weighted = m_weightedAction->isChecked(); // View ▸ Weighted Value
    const Theme theme = themeId.isEmpty() ? m_theme : Theme::byId(themeId).value_or(m_theme);
    const bool ok
        = exportView(m_document->scenario(), m_document->result(), theme, path, options, viewOptions, &problem);
    if (!ok)
        showMessage(tr("Export failed — %1").arg(problem));
    if (error)
        *error = problem;
    return ok;
}

void MainWindow::exportInteractive()
{
    const QString base = m_files->suggestedBaseName(QStringLiteral("chart"));
    QString selected;
    QString path
        = QFileDialog::getSaveFileName(this, tr("Export Chart"), base + QStringLiteral(".png"),
                                       tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"), &selected);
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
        statusBar()->showMessage(tr("Exported %1").arg(QDir::toNativeSeparators(path)), 5000);
}

PresenterWindow *MainWindow::present()
{
    if (m_presenter) {
        m_presenter->activateWindow();
        return m_presenter;
    }
    m_presenter = new PresenterWindow(presenterScenes(m_document->scenario(), m_files->displayName()), m_theme);
    m_presenter->setWeighted(m_weightedAction->isChecked()); // View ▸ Weighted Value
    // The window's Monte Carlo: whiskers on the working scene, also when the run lands after opening.
    auto shareSpread = [this] {
        if (const MonteCarloResult *spread = m_document->monteCarlo(); spread && m_presenter)
            m_presenter->setUncertainty(m_document->scenario(), *spread);
    };
    shareSpread();
    connect(m_document, &Document::changed, m_presenter, shareSpread);
    // On the screen this window is on (a projector is usually a second screen the window was moved to).
    if (QScreen *here = screen())
        m_presenter->setGeometry(here->geometry());
    m_presenter->showFullScreen();
    m_presenter->activateWindow();
    m_presenter->setFocus();
    return m_presenter;
}

void MainWindow::copyChart()
{
    ExportOptions options;
    options.size = m_chart->size();
    options.scale = 1;
    QApplication::clipboard()->setImage(renderPlot(m_chart, options));
    statusBar()->showMessage(tr("Chart copied to the clipboard"), 3000);
}

TargetsDialog *MainWindow::showTargets()
{
    if (!m_targets)
        m_targets = new TargetsDialog(m_document, this);
    m_targets->show();
    m_targets->raise();
    m_targets->activateWindow();
    return m_targets;
}

StageEditor *MainWindow::editStages()
{
    if (!m_stageEditor)
        m_stageEditor = new StageEditor(m_document, this);
    if (!m_stageEditor->isVisible()) {
        m_stageEditor->reload();
        m_stageEditor->open();
    }
    m_stageEditor->raise();
    return m_stageEditor;
}

void MainWindow::about()
{
    // Through the prompter like every other box, so it is read (and closed) without a modal loop in tests.
    QMessageBox box(QMessageBox::NoIcon, tr("About Effort Frontier"), ef::about::aboutHtml(), QMessageBox::Ok, this);
    box.setTextFormat(Qt::RichText);
    if (const QIcon icon = windowIcon(); !icon.isNull())
        box.setIconPixmap(icon.pixmap(64, 64));
    m_prompter.ask(box);
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
        m_recentMenu->addAction(tr("(none)"))->setEnabled(false);
    } else {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("&Clear List"), this, [] {
            for (const QString &path : settings::recentFiles())
                settings::removeRecentFile(path);
        });
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_files->maybeSave()) {
        event->ignore();
        return;
    }
    settings::setWindowGeometry(saveGeometry());
    m_files->discardRecovery(); // a clean exit: nothing to recover
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
