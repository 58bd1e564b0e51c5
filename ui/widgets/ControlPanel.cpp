// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "widgets/ControlPanel.h"

#include "charts/Chart.h"

#include "ScenarioFile.h"
#include "document/Document.h"
#include "widgets/ColorButton.h"
#include "widgets/ParameterControl.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPixmap>
#include <QSignalBlocker>
#include <QSlider>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace ef {

namespace {

QIcon swatch(const QColor &color)
{
    QPixmap pixmap(14, 14);
    pixmap.fill(color);
    return QIcon(pixmap);
}

QToolButton *makeButton(const QString &text, const QString &tip, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setToolTip(tip);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return button;
}

} // namespace

ControlPanel::ControlPanel(Document *document, QWidget *parent)
    : QWidget(parent), m_document(document), m_budgetBar(new QWidget(this)),
      m_total(new ParameterControl(0, 500, 0, static_cast<double>(limits::kMaxTotalEffort), 0,
                                   ParameterControl::Scale::Linear, this)),
      m_list(new QListWidget(this)),
      m_addButton(makeButton(QStringLiteral("Add"), QStringLiteral("Add a project"), this)),
      m_duplicateButton(
          makeButton(QStringLiteral("Duplicate"), QStringLiteral("Duplicate the selected project"), this)),
      m_removeButton(makeButton(QStringLiteral("Remove"), QStringLiteral("Remove the selected project"), this)),
      m_upButton(makeButton(QStringLiteral("▲"),
                            QStringLiteral("Move the selected project up (earlier projects win ties)"), this)),
      m_downButton(makeButton(QStringLiteral("▼"), QStringLiteral("Move the selected project down"), this)),
      m_editor(new QGroupBox(QStringLiteral("Selected project"), this)), m_name(new QLineEdit(m_editor)),
      m_family(new QComboBox(m_editor)), m_color(new ColorButton(m_editor)),
      m_autoColor(makeButton(QStringLiteral("Theme colour"),
                             QStringLiteral("Use the theme's colour cycle for this project"), m_editor)),
      m_a(new ParameterControl(0, 0.5, 0, limits::kMaxA, 4, ParameterControl::Scale::Linear, m_editor)),
      m_b(new ParameterControl(0.01, 10000, 0.0001, limits::kMaxB, 4, ParameterControl::Scale::Logarithmic, m_editor)),
      m_weight(new ParameterControl(0, 10, 0, limits::kMaxWeight, 2, ParameterControl::Scale::Linear, m_editor)),
      m_midpoint(new ParameterControl(0, 200, 0, limits::kMaxMidpoint, 1, ParameterControl::Scale::Linear, m_editor)),
      m_midpointLabel(new QLabel(QStringLiteral("&Midpoint"), m_editor)), m_concaveNote(new QLabel(m_editor))
{
    auto *layout = new QVBoxLayout(this);

    // The budget is the main what-if: a long slider (about one unit per pixel) for the window to place.
    auto *budgetLayout = new QHBoxLayout(m_budgetBar);
    budgetLayout->setContentsMargins(8, 4, 8, 4);
    auto *totalLabel = new QLabel(QStringLiteral("&Total effort"), m_budgetBar);
    QFont bold = totalLabel->font();
    bold.setBold(true);
    totalLabel->setFont(bold);
    totalLabel->setBuddy(m_total->slider());
    budgetLayout->addWidget(totalLabel);
    budgetLayout->addWidget(m_total, 1);
    m_total->setHelp(QStringLiteral("The budget T in whole units (think engineer-weeks) split across the projects.\n"
                                    "The slider covers 0–500; type larger values in the box."));
    m_total->spinBox()->setSuffix(QStringLiteral(" units"));
    m_total->spinBox()->setMinimumWidth(130);

    auto *projects = new QGroupBox(QStringLiteral("Projects"), this);
    auto *projectsLayout = new QVBoxLayout(projects);
    m_list->setToolTip(QStringLiteral("The projects, in tie-breaking order: select one to edit it"));
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
    form->addRow(QStringLiteral("&Name"), m_name);
    m_name->setToolTip(QStringLiteral("The project's name, shown in the legend and the table"));
    m_name->setMaxLength(limits::kMaxNameLength);
    for (CurveFamily family : kAllFamilies)
        m_family->addItem(
            QString::fromLatin1(familyName(family).data(), static_cast<qsizetype>(familyName(family).size())),
            static_cast<int>(family));
    m_family->setToolTip(
        QStringLiteral("The curve family f(x):\n"
                       "log: a·ln(b·x) (the reference model)\nlog1p: a·ln(1 + b·x)\nexp: a·(1 − e^(−b·x))\n"
                       "power: a·x^b (concave for b ≤ 1)\nlogistic: an S-curve around the midpoint"));
    form->addRow(QStringLiteral("&Curve"), m_family);
    auto *colorRow = new QHBoxLayout;
    colorRow->addWidget(m_color);
    colorRow->addWidget(m_autoColor);
    colorRow->addStretch(1);
    form->addRow(QStringLiteral("Colour"), colorRow);

    auto addParameter = [&](const QString &label, ParameterControl *control, const QString &help) {
        auto *text = new QLabel(label, m_editor);
        text->setBuddy(control->slider());
        text->setToolTip(help);
        control->setHelp(help);
        form->addRow(text, control);
    };
    addParameter(QStringLiteral("&a (scale)"), m_a,
                 QStringLiteral("a: how much accuracy the project can buy — the height of its curve.\n"
                                "For log curves the optimal effort is proportional to weight·a."));
    addParameter(QStringLiteral("&b (rate)"), m_b,
                 QStringLiteral("b: how fast effort turns into accuracy.\n"
                                "For log curves b shifts the curve up or down but never moves the optimal "
                                "effort (the marginal gain a·ln((x+1)/x) does not depend on b)."));
    addParameter(QStringLiteral("&Weight"), m_weight,
                 QStringLiteral("Weight: what a point of this project's accuracy is worth to the business.\n"
                                "The allocator maximises Σ weight·accuracy; 0 ignores the project."));
    m_midpointLabel->setBuddy(m_midpoint->slider());
    m_midpoint->setHelp(QStringLiteral("Midpoint (logistic only): the effort at which the S-curve is steepest.\n"
                                       "Nothing pays off much before it; above 0 the curve is not concave "
                                       "and the exact allocator is used."));
    form->addRow(m_midpointLabel, m_midpoint);
    m_concaveNote->setWordWrap(true);
    m_concaveNote->setText(QStringLiteral("Not concave: allocated with the exact method."));
    form->addRow(m_concaveNote);
    layout->addWidget(m_editor);

    auto *model = new QGroupBox(QStringLiteral("The model"), this);
    auto *modelLayout = new QVBoxLayout(model);
    auto *modelText = new QLabel(
        QStringLiteral("Each unit of effort goes to the project whose next unit adds the most "
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

    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            selectProject(row);
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
        m_document->edit(QStringLiteral("Rename project"),
                         [&](Scenario &s) { s.projects.at(static_cast<std::size_t>(index)).name = name; });
    });
    connect(m_family, &QComboBox::activated, this, [this](int item) {
        const int index = m_selected;
        const auto family = static_cast<CurveFamily>(m_family->itemData(item).toInt());
        if (index >= 0)
            m_document->edit(QStringLiteral("Change curve family"), [&](Scenario &s) {
                // Keep the curve valid for its new family, so it saves and reloads as is.
                Curve &curve = s.projects.at(static_cast<std::size_t>(index)).curve;
                curve.family = family;
                if (family != CurveFamily::Logistic)
                    curve.midpoint = 0;
                curve.b = std::min(curve.b, limits::maxB(family));
            });
    });
    connect(m_color, &ColorButton::colorPicked, this, [this](const QColor &color) {
        const int index = m_selected;
        if (index >= 0)
            m_document->edit(QStringLiteral("Change colour"), [&](Scenario &s) {
                s.projects.at(static_cast<std::size_t>(index)).color = color.name(QColor::HexRgb).toStdString();
            });
    });
    connect(m_autoColor, &QToolButton::clicked, this, [this] {
        const int index = m_selected;
        if (index >= 0)
            m_document->edit(QStringLiteral("Use theme colour"),
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
    for (ParameterControl *control : {m_a, m_b, m_weight, m_midpoint}) {
        setTabOrder(previous, control->slider());
        setTabOrder(control->slider(), control->spinBox());
        previous = control->spinBox();
    }

    connect(m_document, &Document::changed, this, &ControlPanel::syncFromDocument);
    syncFromDocument();
}

void ControlPanel::setTheme(const Theme &theme)
{
    m_theme = theme;
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
            QStringLiteral("Change total effort"), [total](Scenario &s) { s.totalEffort = total; }, TotalField);
        return;
    }
    const int index = m_selected;
    if (index < 0 || index >= static_cast<int>(m_document->scenario().projects.size()))
        return;
    const auto i = static_cast<std::size_t>(index);
    static const char *const names[] = {"", "", "a", "b", "weight", "midpoint"};
    const QString text
        = QStringLiteral("Change %1 of %2")
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
    syncFromDocument();
}

void ControlPanel::syncFromDocument()
{
    const Scenario &scenario = m_document->scenario();
    const int count = static_cast<int>(scenario.projects.size());
    if (m_selected >= count || (m_selected < 0 && count > 0))
        m_selected = count == 0 ? -1 : std::clamp(m_selected, 0, count - 1);

    m_total->setValue(static_cast<double>(scenario.totalEffort));

    {
        const QSignalBlocker block(m_list);
        while (m_list->count() > count)
            delete m_list->takeItem(m_list->count() - 1);
        while (m_list->count() < count)
            m_list->addItem(QString());
        for (int i = 0; i < count; ++i) {
            const Project &p = scenario.projects[static_cast<std::size_t>(i)];
            QListWidgetItem *item = m_list->item(i);
            const QString name = QString::fromStdString(p.name);
            if (item->text() != name)
                item->setText(name);
            // A new icon only when the colour changed: every setIcon re-lays out the list (profiled).
            const QColor color = m_theme.projectColor(static_cast<std::size_t>(i), p.color);
            if (item->data(Qt::UserRole).value<QColor>() != color || item->icon().isNull()) {
                item->setIcon(swatch(color));
                item->setData(Qt::UserRole, color);
            }
        }
        m_list->setCurrentRow(m_selected);
    }

    m_editor->setEnabled(m_selected >= 0);
    const bool room = static_cast<std::size_t>(count) < limits::kMaxChartProjects;
    m_addButton->setEnabled(room);
    m_duplicateButton->setEnabled(m_selected >= 0 && room);
    m_removeButton->setEnabled(m_selected >= 0);
    m_upButton->setEnabled(m_selected > 0);
    m_downButton->setEnabled(m_selected >= 0 && m_selected + 1 < count);
    if (m_selected < 0)
        return;
    const auto index = static_cast<std::size_t>(m_selected);
    const Project &p = scenario.projects[index];
    m_editor->setTitle(QStringLiteral("Project %1 of %2").arg(m_selected + 1).arg(count));
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
    const bool logistic = p.curve.family == CurveFamily::Logistic;
    m_midpoint->setVisible(logistic);
    m_midpointLabel->setVisible(logistic);
    m_concaveNote->setVisible(!p.curve.isConcave());
}

void ControlPanel::addProject()
{
    const auto count = m_document->scenario().projects.size();
    if (count >= limits::kMaxChartProjects)
        return;
    Project project;
    project.name = QStringLiteral("Project %1").arg(count + 1).toStdString();
    project.curve = Curve{CurveFamily::Log, 0.05, 10.0, 0.0};
    m_selected = static_cast<int>(count);
    m_document->edit(QStringLiteral("Add project"), [&](Scenario &s) { s.projects.push_back(project); });
}

void ControlPanel::duplicateProject()
{
    const int index = m_selected;
    if (index < 0 || m_document->scenario().projects.size() >= limits::kMaxChartProjects)
        return;
    m_selected = index + 1;
    m_document->edit(QStringLiteral("Duplicate project"), [index](Scenario &s) {
        Project copy = s.projects.at(static_cast<std::size_t>(index));
        const std::string suffix = " (copy)";
        if (copy.name.size() + suffix.size() <= static_cast<std::size_t>(limits::kMaxNameLength))
            copy.name += suffix;
        s.projects.insert(s.projects.begin() + index + 1, copy);
    });
}

void ControlPanel::removeProject()
{
    const int index = m_selected;
    if (index < 0)
        return;
    m_document->edit(QStringLiteral("Remove project"),
                     [index](Scenario &s) { s.projects.erase(s.projects.begin() + index); });
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
    m_document->edit(QStringLiteral("Move project"), [from, to](Scenario &s) {
        std::swap(s.projects.at(static_cast<std::size_t>(from)), s.projects.at(static_cast<std::size_t>(to)));
    });
}

} // namespace ef
