// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "widgets/ControlPanel.h"

#include "charts/Chart.h"

#include "Fit.h"
#include "ScenarioFile.h"
#include "document/Document.h"
#include "document/FitRunner.h"
#include "document/ProjectListModel.h"
#include "widgets/ColorButton.h"
#include "widgets/ObservationsEditor.h"
#include "widgets/ParameterControl.h"
#include "widgets/RangesDialog.h"

#include <QAbstractItemView>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QShortcut>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace ef {

namespace {

QToolButton *makeButton(const QString &text, const QString &tip, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setToolTip(tip);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return button;
}

/**
 * When project `index` of `scenario` is shown in a colour another project shows too, gives it the
 * first of the theme's automatic colours that no project shows (stored as its own colour).
 */
void giveDistinctColor(Scenario &scenario, std::size_t index, const Theme &theme)
{
    std::vector<QRgb> others;
    for (std::size_t i = 0; i < scenario.projects.size(); ++i)
        if (i != index)
            others.push_back(theme.projectColor(i, scenario.projects[i].color).rgb());
    const auto taken
        = [&](const QColor &color) { return std::find(others.begin(), others.end(), color.rgb()) != others.end(); };
    Project &project = scenario.projects[index];
    if (!taken(theme.projectColor(index, project.color)))
        return;
    for (std::size_t k = 0; k < Theme::kDistinctColors; ++k) {
        const QColor color = theme.automaticColor(k);
        if (!taken(color)) {
            project.color = color.name(QColor::HexRgb).toStdString();
            return;
        }
    }
}

} // namespace

ControlPanel::ControlPanel(Document *document, QWidget *parent)
    : QWidget(parent), m_document(document), m_budgetBar(new QWidget(this)),
      m_total(new ParameterControl(0, 500, 0, static_cast<double>(limits::kMaxTotalEffort), 0,
                                   ParameterControl::Scale::Linear, this)),
      m_projects(new ProjectListModel(document, this)), m_list(new QListView(this)),
      m_addButton(makeButton(tr("Add"), tr("Add a project"), this)),
      m_duplicateButton(makeButton(tr("Duplicate"), tr("Duplicate the selected project"), this)),
      m_removeButton(makeButton(tr("Remove"), tr("Remove the selected project"), this)),
      m_upButton(makeButton(QStringLiteral("▲"), tr("Move the selected project up (earlier projects win ties)"), this)),
      m_downButton(makeButton(QStringLiteral("▼"), tr("Move the selected project down"), this)),
      m_editor(new QGroupBox(tr("Selected project"), this)), m_name(new QLineEdit(m_editor)),
      m_family(new QComboBox(m_editor)), m_color(new ColorButton(m_editor)),
      m_autoColor(makeButton(tr("Theme colour"), tr("Use the theme's automatic colour for this project"), m_editor)),
      m_aLabel(new QLabel(m_editor)), m_bLabel(new QLabel(m_editor)),
      m_a(new ParameterControl(0, 0.5, 0, limits::kMaxA, 4, ParameterControl::Scale::Linear, m_editor)),
      m_b(new ParameterControl(0.01, 10000, 0.0001, limits::kMaxB, 4, ParameterControl::Scale::Logarithmic, m_editor)),
      m_weight(new ParameterControl(0, 10, 0, limits::kMaxWeight, 2, ParameterControl::Scale::Linear, m_editor)),
      m_midpoint(new ParameterControl(0, 200, 0, limits::kMaxMidpoint, 1, ParameterControl::Scale::Linear, m_editor)),
      m_midpointLabel(new QLabel(tr("&Midpoint m"), m_editor)),
      m_scale(
          new ParameterControl(0.1, 1000, 0.001, limits::kMaxScale, 3, ParameterControl::Scale::Logarithmic, m_editor)),
      m_scaleLabel(new QLabel(tr("&Scale s"), m_editor)), m_concaveNote(new QLabel(m_editor)),
      m_fitNote(new QLabel(m_editor))
{
    auto *layout = new QVBoxLayout(this);

    // The budget is the main what-if: a long slider (about one unit per pixel) for the window to place.
    auto *budgetLayout = new QHBoxLayout(m_budgetBar);
    budgetLayout->setContentsMargins(8, 4, 8, 4);
    auto *totalLabel = new QLabel(tr("&Total effort"), m_budgetBar);
    QFont bold = totalLabel->font();
    bold.setBold(true);
    totalLabel->setFont(bold);
    totalLabel->setBuddy(m_total->slider());
    budgetLayout->addWidget(totalLabel);
    budgetLayout->addWidget(m_total, 1);
    m_total->setHelp(tr("The budget T in whole units (think engineer-weeks) split across the projects.\n"
                        "The slider covers 0–500; type larger values in the box."));
    m_total->spinBox()->setSuffix(tr(" units"));
    m_total->spinBox()->setMinimumWidth(130);

    auto *projects = new QGroupBox(tr("Projects"), this);
    auto *projectsLayout = new QVBoxLayout(projects);
    m_list->setModel(m_projects);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setUniformItemSizes(true); // 500 rows lay out without measuring each
    m_list->setIconSize(QSize(14, 14));
    // Each row has its own tool tip (family, formula, parameters); this one shows between rows.
    m_list->setToolTip(tr("The projects, in tie-breaking order: select one to edit it.\n"
                          "A weight other than 1 is shown after the name (×6)."));
    m_list->setMinimumHeight(110);
    m_list->setMaximumHeight(150);
    projectsLayout->addWidget(m_list);
    auto *buttons = new QHBoxLayout;
    for (QToolButton *button : {m_addButton, m_duplicateButton, m_removeButton, m_upButton, m_downButton})
        buttons->addWidget(button);
    buttons->addStretch(1);
    projectsLayout->addLayout(buttons);
    layout->addWidget(projects);

    auto *form = new QFormLayout(m_editor);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Name"), m_name);
    m_name->setToolTip(tr("The project's name, shown in the legend and the table"));
    m_name->setMaxLength(limits::kMaxNameLength);
    for (CurveFamily family : kAllFamilies) {
        m_family->addItem(ProjectListModel::familyLabel(family), static_cast<int>(family));
        const auto fileName = familyName(family);
        m_family->setItemData(m_family->count() - 1,
                              tr("%1\nf(x) = %2\nIn scenario files: \"%3\"")
                                  .arg(ProjectListModel::familyTitle(family), ProjectListModel::familyFormula(family),
                                       QString::fromLatin1(fileName.data(), static_cast<qsizetype>(fileName.size()))),
                              Qt::ToolTipRole);
    }
    // The closed box may elide a long formula; the list that opens shows each in full.
    m_family->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_family->setMinimumContentsLength(16);
    m_family->view()->setMinimumWidth(m_family->view()->sizeHintForColumn(0) + 24);
    m_family->setToolTip(
        tr("The curve family: how effort x turns into accuracy f(x).\n"
           "Logarithmic a·ln(b·x) is the reference model; S-curves are allocated with the exact method."));
    form->addRow(tr("&Curve"), m_family);
    auto *colorRow = new QHBoxLayout;
    colorRow->addWidget(m_color);
    colorRow->addWidget(m_autoColor);
    colorRow->addStretch(1);
    form->addRow(tr("Colour"), colorRow);

    // The texts of a and b depend on the family (showFamilyTexts()).
    m_aLabel->setBuddy(m_a->slider());
    form->addRow(m_aLabel, m_a);
    m_bLabel->setBuddy(m_b->slider());
    form->addRow(m_bLabel, m_b);
    showFamilyTexts(CurveFamily::Log);
    auto *weightLabel = new QLabel(tr("&Weight"), m_editor);
    weightLabel->setBuddy(m_weight->slider());
    const QString weightHelp = tr("Weight: what a point of this project's accuracy is worth to the business.\n"
                                  "The allocator maximises Σ weight·accuracy; 0 ignores the project.\n"
                                  "The project list shows a weight other than 1 after the name (×6).");
    weightLabel->setToolTip(weightHelp);
    m_weight->setHelp(weightHelp);
    form->addRow(weightLabel, m_weight);
    m_midpointLabel->setBuddy(m_midpoint->slider());
    const QString midpointHelp = tr("Midpoint m (S-curves only): the effort at which the S-curve is steepest.\n"
                                    "Nothing pays off much before it; above 0 the curve is not concave "
                                    "and the exact allocator is used.");
    m_midpointLabel->setToolTip(midpointHelp);
    m_midpoint->setHelp(midpointHelp);
    form->addRow(m_midpointLabel, m_midpoint);
    m_scaleLabel->setBuddy(m_scale->slider());
    const QString scaleHelp = tr("Scale s (learning curves only): the effort where the power-law tail begins.\n"
                                 "Well past s the curve is a − a·s^b·x^(−b): the gap to the ceiling a shrinks "
                                 "as a power of effort.");
    m_scaleLabel->setToolTip(scaleHelp);
    m_scale->setHelp(scaleHelp);
    form->addRow(m_scaleLabel, m_scale);

    // Forcing a dot: bounds on the selected project's effort, or its effort locked at a value.
    const int maxUnits = static_cast<int>(limits::kMaxTotalEffort);
    m_minEffort = new QSpinBox(m_editor);
    m_minEffort->setRange(0, maxUnits);
    m_minEffort->setSuffix(tr(" units"));
    m_minEffort->setKeyboardTracking(false); // one edit when typing is done, not one per digit
    m_minEffort->setToolTip(tr("Minimum effort: every allocation gives this project at least this many units."));
    m_maxEffort = new QSpinBox(m_editor);
    m_maxEffort->setRange(-1, maxUnits);
    m_maxEffort->setSpecialValueText(tr("no limit"));
    m_maxEffort->setSuffix(tr(" units"));
    m_maxEffort->setKeyboardTracking(false);
    m_maxEffort->setToolTip(tr("Maximum effort: no allocation gives this project more than this many units "
                               "(step below 0 for no limit)."));
    m_lock = new QCheckBox(tr("&Lock at"), m_editor);
    m_lockValue = new QSpinBox(m_editor);
    m_lockValue->setRange(0, maxUnits);
    m_lockValue->setSuffix(tr(" units"));
    m_lockValue->setKeyboardTracking(false);
    const QString lockHelp = tr("Force this project's effort to exactly this many units (minimum = maximum); "
                                "the others share the rest optimally. The line under the table says what "
                                "the forced choice costs.");
    m_lock->setToolTip(lockHelp);
    m_lockValue->setToolTip(lockHelp);
    // One bound a row: side by side they widened the panel past the 300 px it gets at 1280x720, and the
    // parameters' spin boxes scrolled out of sight.
    auto *minLabel = new QLabel(tr("M&inimum"), m_editor);
    minLabel->setBuddy(m_minEffort);
    auto *maxLabel = new QLabel(tr("Ma&ximum"), m_editor);
    maxLabel->setBuddy(m_maxEffort);
    form->addRow(minLabel, m_minEffort);
    form->addRow(maxLabel, m_maxEffort);
    form->addRow(m_lock, m_lockValue);
    {
        // Uncertainty: ranges of a, b, weight and midpoint for the Monte Carlo, in a small dialog.
        m_rangesButton = new QPushButton(tr("Ranges…"), m_editor);
        m_rangesButton->setAutoDefault(false);
        m_rangesButton->setToolTip(tr("How unsure the project's a, b, weight (and midpoint) are: the chart then "
                                      "shows how far each effort may move (Monte Carlo)"));
        auto *row = new QHBoxLayout;
        row->addWidget(m_rangesButton);
        row->addStretch(1);
        form->addRow(tr("Uncertainty"), row);
        connect(m_rangesButton, &QPushButton::clicked, this, &ControlPanel::openRanges);
    }
    m_concaveNote->setWordWrap(true);
    m_concaveNote->setText(tr("Not concave: allocated with the exact method."));
    form->addRow(m_concaveNote);
    m_fitNote->setWordWrap(true);
    m_fitNote->setVisible(false);
    form->addRow(m_fitNote);
    {
        // Evidence: the observations table (a window of its own) and the fit, run off the UI thread.
        m_fitter = new FitRunner(m_document, this);
        m_observationsButton = new QPushButton(m_editor);
        m_observationsButton->setAutoDefault(false);
        m_observationsButton->setToolTip(tr("The project's observations (effort, accuracy): type, paste or import "
                                            "them, and fit the curve to them"));
        m_fitCancel = new QPushButton(tr("Cancel fit"), m_editor);
        m_fitCancel->setAutoDefault(false);
        m_fitCancel->setToolTip(tr("Stop the running fit; nothing changes (Esc)"));
        m_fitCancel->setVisible(false);
        auto *row = new QHBoxLayout;
        row->addWidget(m_observationsButton);
        row->addStretch(1);
        form->insertRow(form->rowCount() - 1, tr("Evidence"), row); // above the fit's note
        // Under the note, on a row of its own: beside the button it widened the panel past 300 px.
        auto *cancelRow = new QHBoxLayout;
        cancelRow->addWidget(m_fitCancel);
        cancelRow->addStretch(1);
        form->addRow(cancelRow);
        auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), this, nullptr, nullptr, Qt::WindowShortcut);
        escape->setEnabled(false);
        connect(escape, &QShortcut::activated, m_fitter, &FitRunner::cancel);
        connect(m_observationsButton, &QPushButton::clicked, this, &ControlPanel::openObservations);
        connect(m_fitCancel, &QPushButton::clicked, m_fitter, &FitRunner::cancel);
        connect(m_fitter, &FitRunner::started, this, [this, escape](const QString &text) {
            m_fitNote->setText(text + tr(" Esc stops it."));
            m_fitNote->setVisible(true);
            m_fitCancel->setVisible(true);
            escape->setEnabled(true);
        });
        connect(m_fitter, &FitRunner::finished, this, [this, escape](FitRunner::Outcome, const QString &text) {
            m_fitNote->setText(text);
            m_fitNote->setVisible(true);
            m_fitCancel->setVisible(false);
            escape->setEnabled(false);
        });
    }
    layout->addWidget(m_editor);

    auto *model = new QGroupBox(tr("The model"), this);
    auto *modelLayout = new QVBoxLayout(model);
    auto *modelText
        = new QLabel(tr("Each unit of effort goes to the project whose next unit adds the most "
                        "<i>weight × accuracy</i>. With concave curves this greedy split is optimal; "
                        "S-curves use an exact method.<br><br>"
                        "<b>Assumptions:</b> projects are independent; returns are linear in accuracy, with "
                        "weights for importance. If real returns on accuracy are concave, spreading effort "
                        "is even more right."),
                     model);
    modelText->setWordWrap(true);
    modelText->setTextFormat(Qt::RichText);
    modelLayout->addWidget(modelText);
    layout->addWidget(model);
    layout->addStretch(1);

    connectParameter(m_total, TotalField);
    connectParameter(m_a, AField);
    connectParameter(m_b, BField);
    connectParameter(m_weight, WeightField);
    connectParameter(m_midpoint, MidpointField);
    connectParameter(m_scale, ScaleField);

    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
        // Only the user's choice: not the current row set by syncFromDocument(), nor the one the
        // selection model moves to when the model removes rows.
        if (!m_syncing && !m_projects->isRefreshing() && current.isValid())
            selectProject(current.row());
    });
    connect(m_addButton, &QToolButton::clicked, this, &ControlPanel::addProject);
    connect(m_duplicateButton, &QToolButton::clicked, this, &ControlPanel::duplicateProject);
    connect(m_removeButton, &QToolButton::clicked, this, &ControlPanel::removeProject);
    connect(m_upButton, &QToolButton::clicked, this, &ControlPanel::moveProjectUp);
    connect(m_downButton, &QToolButton::clicked, this, &ControlPanel::moveProjectDown);

    connect(m_name, &QLineEdit::editingFinished, this, [this] {
        const int index = m_selected;
        const std::string name = m_name->text().trimmed().toStdString();
        if (index < 0 || name.empty())
            return syncFromDocument();
        m_document->edit(tr("Rename project"),
                         [&](Scenario &s) { s.projects.at(static_cast<std::size_t>(index)).name = name; });
    });
    connect(m_minEffort, &QSpinBox::valueChanged, this, [this](int value) {
        if (m_selected < 0)
            return;
        const Project &p = m_document->scenario().projects.at(static_cast<std::size_t>(m_selected));
        editBounds(tr("Change minimum effort of %1").arg(QString::fromStdString(p.name)), value, p.maxEffort);
    });
    connect(m_maxEffort, &QSpinBox::valueChanged, this, [this](int value) {
        if (m_selected < 0)
            return;
        const Project &p = m_document->scenario().projects.at(static_cast<std::size_t>(m_selected));
        editBounds(tr("Change maximum effort of %1").arg(QString::fromStdString(p.name)), p.minEffort,
                   value < 0 ? std::nullopt : std::optional<Effort>(value));
    });
    connect(m_lock, &QCheckBox::toggled, this, [this](bool locked) {
        if (m_selected < 0)
            return;
        const QString name
            = QString::fromStdString(m_document->scenario().projects.at(static_cast<std::size_t>(m_selected)).name);
        const auto index = static_cast<std::size_t>(m_selected);
        if (locked)
            m_document->lockEffort(index, m_lockValue->value(), tr("Lock effort of %1").arg(name));
        else
            m_document->unlockEffort(index, tr("Unlock effort of %1").arg(name));
    });
    connect(m_lockValue, &QSpinBox::valueChanged, this, [this](int value) {
        if (m_selected < 0)
            return;
        const QString name
            = QString::fromStdString(m_document->scenario().projects.at(static_cast<std::size_t>(m_selected)).name);
        m_document->lockEffort(static_cast<std::size_t>(m_selected), value, tr("Lock effort of %1").arg(name));
    });
    connect(m_family, &QComboBox::activated, this, [this](int item) {
        const int index = m_selected;
        const auto family = static_cast<CurveFamily>(m_family->itemData(item).toInt());
        if (index >= 0)
            m_document->edit(tr("Change curve family"), [&](Scenario &s) {
                // Keep the curve valid for its new family, so it saves and reloads as is.
                Curve &curve = s.projects.at(static_cast<std::size_t>(index)).curve;
                curve.family = family;
                if (family != CurveFamily::Logistic)
                    curve.midpoint = 0;
                if (family != CurveFamily::Learning)
                    curve.scale = 1;
                curve.b = std::min(curve.b, limits::maxB(family));
            });
    });
    connect(m_color, &ColorButton::colorPicked, this, [this](const QColor &color) {
        const int index = m_selected;
        if (index >= 0)
            m_document->edit(tr("Change colour"), [&](Scenario &s) {
                s.projects.at(static_cast<std::size_t>(index)).color = color.name(QColor::HexRgb).toStdString();
            });
    });
    connect(m_autoColor, &QToolButton::clicked, this, [this] {
        const int index = m_selected;
        if (index >= 0)
            m_document->edit(tr("Use theme colour"),
                             [&](Scenario &s) { s.projects.at(static_cast<std::size_t>(index)).color.clear(); });
    });

    setTabOrder(m_total->slider(), m_total->spinBox());
    setTabOrder(m_total->spinBox(), m_list);
    setTabOrder(m_list, m_addButton);
    setTabOrder(m_addButton, m_duplicateButton);
    setTabOrder(m_duplicateButton, m_removeButton);
    setTabOrder(m_removeButton, m_upButton);
    setTabOrder(m_upButton, m_downButton);
    setTabOrder(m_downButton, m_name);
    setTabOrder(m_name, m_family);
    setTabOrder(m_family, m_color);
    setTabOrder(m_color, m_autoColor);
    QWidget *previous = m_autoColor;
    for (ParameterControl *control : {m_a, m_b, m_weight, m_midpoint, m_scale}) {
        setTabOrder(previous, control->slider());
        setTabOrder(control->slider(), control->spinBox());
        previous = control->spinBox();
    }
    for (QWidget *widget : std::initializer_list<QWidget *>{m_minEffort, m_maxEffort, m_lock, m_lockValue}) {
        setTabOrder(previous, widget);
        previous = widget;
    }

    connect(m_document, &Document::changed, this, &ControlPanel::syncFromDocument);
    syncFromDocument();
}

void ControlPanel::setTheme(const Theme &theme)
{
    m_theme = theme;
    m_projects->setTheme(theme);
    m_color->setColor(m_color->color()); // the swatch's frame follows the palette
    syncFromDocument();
}

void ControlPanel::connectParameter(ParameterControl *control, Field field)
{
    connect(control, &ParameterControl::valueEdited, this,
            [this, field](double value) { editParameter(field, value); });
    connect(control, &ParameterControl::gestureStarted, m_document, &Document::beginGesture);
    connect(control, &ParameterControl::gestureFinished, m_document, &Document::endGesture);
}

void ControlPanel::editParameter(Field field, double value)
{
    if (field == TotalField) {
        const auto total = static_cast<Effort>(std::llround(value));
        m_document->edit(
            tr("Change total effort"), [total](Scenario &s) { s.totalEffort = total; }, TotalField);
        return;
    }
    const int index = m_selected;
    if (index < 0 || index >= static_cast<int>(m_document->scenario().projects.size()))
        return;
    const auto i = static_cast<std::size_t>(index);
    static const char *const names[] = {"", "", "a", "b", "weight", "midpoint", "scale"};
    //: %1 is a parameter's symbol (a, b, weight, midpoint), %2 a project's name.
    const QString text
        = tr("Change %1 of %2")
              .arg(QLatin1String(names[field]), QString::fromStdString(m_document->scenario().projects[i].name));
    m_document->edit(
        text,
        [field, i, value](Scenario &s) {
            Project &p = s.projects.at(i);
            switch (field) {
            case AField:
                p.curve.a = value;
                break;
            case BField:
                p.curve.b = std::min(value, limits::maxB(p.curve.family));
                break;
            case WeightField:
                p.weight = value;
                break;
            case MidpointField:
                p.curve.midpoint = value;
                break;
            case ScaleField:
                p.curve.scale = value;
                break;
            case TotalField:
                break;
            }
        },
        field + 8 * index);
}

void ControlPanel::selectProject(int index)
{
    const int count = static_cast<int>(m_document->scenario().projects.size());
    m_selected = count == 0 ? -1 : std::clamp(index, 0, count - 1);
    m_fitNote->setVisible(m_fitter->isRunning());
    syncFromDocument();
}

void ControlPanel::fitSelectedProject()
{
    fitSelectedProjectAs(std::nullopt);
}

void ControlPanel::fitSelectedProjectAs(std::optional<CurveFamily> family)
{
    if (m_selected >= 0)
        m_fitter->start(m_selected, family);
}

ObservationsEditor *ControlPanel::openObservations()
{
    if (!m_observations) {
        m_observations = new ObservationsEditor(m_document, m_fitter, window());
        m_observations->setProject(m_selected);
    }
    m_observations->show();
    m_observations->raise();
    m_observations->activateWindow();
    return m_observations;
}

RangesDialog *ControlPanel::openRanges()
{
    if (m_selected < 0)
        return nullptr;
    auto *dialog = new RangesDialog(m_document, m_fitter, m_selected, window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

void ControlPanel::syncFromDocument()
{
    const Scenario &scenario = m_document->scenario();
    const int count = static_cast<int>(scenario.projects.size());
    if (m_selected >= count || (m_selected < 0 && count > 0))
        m_selected = count == 0 ? -1 : std::clamp(m_selected, 0, count - 1);

    m_total->setValue(static_cast<double>(scenario.totalEffort));

    // The model follows the document itself; refreshing here too makes sure it has the new rows
    // before the current one is set, whatever the order the document's observers are called in.
    m_projects->refresh();
    {
        m_syncing = true;
        const QModelIndex current = m_projects->index(m_selected);
        if (m_list->currentIndex() != current || !m_list->selectionModel()->isSelected(current))
            m_list->selectionModel()->setCurrentIndex(current, QItemSelectionModel::ClearAndSelect);
        m_syncing = false;
    }

    m_editor->setEnabled(m_selected >= 0);
    const bool room = static_cast<std::size_t>(count) < limits::kMaxChartProjects;
    m_addButton->setEnabled(room);
    m_duplicateButton->setEnabled(m_selected >= 0 && room);
    m_removeButton->setEnabled(m_selected >= 0);
    m_upButton->setEnabled(m_selected > 0);
    m_downButton->setEnabled(m_selected >= 0 && m_selected + 1 < count);
    if (m_observations)
        m_observations->setProject(m_selected);
    if (m_selected < 0)
        return;
    const auto index = static_cast<std::size_t>(m_selected);
    const Project &p = scenario.projects[index];
    m_editor->setTitle(tr("Project %1 of %2").arg(m_selected + 1).arg(count));
    if (!m_name->hasFocus()) { // never overwrite what the user is typing
        const QSignalBlocker block(m_name);
        m_name->setText(QString::fromStdString(p.name));
    }
    {
        const QSignalBlocker block(m_family);
        m_family->setCurrentIndex(m_family->findData(static_cast<int>(p.curve.family)));
    }
    // Only on a change: a new icon re-lays out the whole panel (profiled on every slider step).
    if (const QColor color = m_theme.projectColor(index, p.color); m_color->color() != color)
        m_color->setColor(color);
    m_autoColor->setEnabled(!p.color.empty());
    m_a->setValue(p.curve.a);
    m_b->setValue(p.curve.b);
    m_weight->setValue(p.weight);
    m_midpoint->setValue(p.curve.midpoint);
    showFamilyTexts(p.curve.family);
    const bool logistic = p.curve.family == CurveFamily::Logistic;
    m_midpoint->setVisible(logistic);
    m_midpointLabel->setVisible(logistic);
    m_scale->setValue(p.curve.scale);
    const bool learning = p.curve.family == CurveFamily::Learning;
    m_scale->setVisible(learning);
    m_scaleLabel->setVisible(learning);
    m_concaveNote->setVisible(!p.curve.isConcave());
    m_observationsButton->setText(tr("Observations… (%1)").arg(p.observations.size()));
    if (const int ranges = RangesDialog::count(p.uncertainty); ranges > 0)
        m_rangesButton->setText(tr("Ranges… (%1)").arg(ranges));
    else
        m_rangesButton->setText(tr("Ranges…"));
    {
        const QSignalBlocker blockMin(m_minEffort);
        const QSignalBlocker blockMax(m_maxEffort);
        const QSignalBlocker blockLock(m_lock);
        const QSignalBlocker blockLockValue(m_lockValue);
        const auto units = [](Effort e) { return static_cast<int>(std::clamp<Effort>(e, 0, limits::kMaxTotalEffort)); };
        m_minEffort->setValue(units(p.minEffort));
        m_maxEffort->setValue(p.maxEffort ? units(*p.maxEffort) : -1);
        const bool locked = p.maxEffort && *p.maxEffort == p.minEffort;
        m_lock->setChecked(locked);
        // Unlocked, the box offers the effort the project gets now: checking the box keeps the dot where it is.
        Effort shown = p.minEffort;
        const AllocationResult &result = m_document->result();
        if (!locked && result.ok() && index < result.allocation->projects.size())
            shown = result.allocation->projects[index].effort;
        m_lockValue->setValue(units(shown));
    }
}

void ControlPanel::editBounds(const QString &text, Effort minEffort, std::optional<Effort> maxEffort)
{
    const int index = m_selected;
    if (index < 0 || index >= static_cast<int>(m_document->scenario().projects.size()))
        return;
    const auto i = static_cast<std::size_t>(index);
    const Project &p = m_document->scenario().projects[i];
    if (p.minEffort == minEffort && p.maxEffort == maxEffort)
        return; // nothing changes: no empty undo step
    m_document->edit(text, [i, minEffort, maxEffort](Scenario &s) {
        Project &project = s.projects.at(i);
        project.minEffort = minEffort;
        project.maxEffort = maxEffort;
    });
}

void ControlPanel::addProject()
{
    const auto count = m_document->scenario().projects.size();
    if (count >= limits::kMaxChartProjects)
        return;
    Project project;
    project.name = tr("Project %1").arg(count + 1).toStdString();
    project.curve = Curve{CurveFamily::Log, 0.05, 10.0, 0.0};
    m_selected = static_cast<int>(count);
    m_document->edit(tr("Add project"), [&](Scenario &s) {
        s.projects.push_back(project);
        giveDistinctColor(s, s.projects.size() - 1, m_theme);
    });
}

void ControlPanel::duplicateProject()
{
    const int index = m_selected;
    if (index < 0 || m_document->scenario().projects.size() >= limits::kMaxChartProjects)
        return;
    m_selected = index + 1;
    const std::string suffix = tr(" (copy)").toStdString();
    m_document->edit(tr("Duplicate project"), [&](Scenario &s) {
        Project copy = s.projects.at(static_cast<std::size_t>(index));
        if (copy.name.size() + suffix.size() <= static_cast<std::size_t>(limits::kMaxNameLength))
            copy.name += suffix;
        s.projects.insert(s.projects.begin() + index + 1, copy);
        giveDistinctColor(s, static_cast<std::size_t>(index) + 1, m_theme);
    });
}

void ControlPanel::removeProject()
{
    const int index = m_selected;
    if (index < 0)
        return;
    m_document->edit(tr("Remove project"), [index](Scenario &s) { s.projects.erase(s.projects.begin() + index); });
}

void ControlPanel::moveProjectUp()
{
    moveProject(-1);
}

void ControlPanel::moveProjectDown()
{
    moveProject(+1);
}

void ControlPanel::moveProject(int delta)
{
    const int from = m_selected;
    const int to = from + delta;
    if (from < 0 || to < 0 || to >= static_cast<int>(m_document->scenario().projects.size()))
        return;
    m_selected = to;
    m_document->edit(tr("Move project"), [from, to](Scenario &s) {
        std::swap(s.projects.at(static_cast<std::size_t>(from)), s.projects.at(static_cast<std::size_t>(to)));
    });
}

void ControlPanel::showFamilyTexts(CurveFamily family)
{
    if (m_textsFamily == static_cast<int>(family))
        return; // a new label text re-lays out the panel: only when the family changes
    m_textsFamily = static_cast<int>(family);
    QString aLabel;
    QString aHelp;
    QString bLabel;
    QString bHelp;
    const QString formula = tr("f(x) = %1").arg(ProjectListModel::familyFormula(family));
    switch (family) {
    case CurveFamily::Log:
        aLabel = tr("&a (scale)");
        aHelp = tr("a scales the whole curve: %1.\n"
                   "The optimal effort is proportional to weight·a: x = T·w·a / Σ w·a.")
                    .arg(formula);
        bLabel = tr("&b (shift; dot stays)");
        bHelp = tr("In a logarithmic curve b only shifts the curve up or down: a·ln(b·x) = a·ln(b) + a·ln(x).\n"
                   "The gain of the next unit, a·ln((x+1)/x), does not depend on b, so b never moves the red dot.");
        break;
    case CurveFamily::Log1p:
        aLabel = tr("&a (scale)");
        aHelp = tr("a scales the whole curve: %1, which is 0 at no effort.").arg(formula);
        bLabel = tr("&b (early payoff)");
        bHelp = tr("b sets how soon effort pays: a larger b makes the first units worth more and the curve bend "
                   "sooner (f ≈ a·b·x for small x).\nIt moves the red dot.");
        break;
    case CurveFamily::Exp:
        aLabel = tr("&a (ceiling)");
        aHelp = tr("a is the accuracy the curve approaches but never reaches: %1.").arg(formula);
        bLabel = tr("&b (speed to ceiling)");
        bHelp = tr("b is how fast the curve approaches a: after 1/b units it has reached 63% of a.\n"
                   "A larger b pays sooner and saturates sooner. It moves the red dot.");
        break;
    case CurveFamily::Power:
        aLabel = tr("&a (scale)");
        aHelp = tr("a scales the whole curve: %1.").arg(formula);
        bLabel = tr("&b (exponent)");
        bHelp = tr("b is the exponent: below 1 returns diminish (concave, the greedy split is optimal); at 1 "
                   "every unit adds the same; above 1 returns grow and the exact method is used. At most 10.");
        break;
    case CurveFamily::Logistic:
        aLabel = tr("&a (height)");
        aHelp = tr("a is the height of the S-curve's rise: %1 (0 at no effort).").arg(formula);
        bLabel = tr("&b (steepness)");
        bHelp = tr("b is how sharply the S-curve rises around the midpoint m: a larger b, a sharper step "
                   "from almost nothing to almost a.");
        break;
    case CurveFamily::Learning:
        aLabel = tr("&a (ceiling)");
        aHelp = tr("a is the accuracy the learning curve approaches: %1 (0 at no effort).").arg(formula);
        bLabel = tr("&b (exponent β)");
        bHelp = tr("b is the power-law exponent β: well past the scale s the gap to the ceiling shrinks as "
                   "x^(−β). A larger b closes the gap faster.");
        break;
    }
    m_aLabel->setText(aLabel);
    m_aLabel->setToolTip(aHelp);
    m_a->setHelp(aHelp);
    m_bLabel->setText(bLabel);
    m_bLabel->setToolTip(bHelp);
    m_b->setHelp(bHelp);
}

} // namespace ef
