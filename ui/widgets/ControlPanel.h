// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include "Curve.h"
#include "charts/Theme.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QListView;
class QSpinBox;
class QToolButton;

namespace ef {

class ColorButton;
class Document;
class FitRunner;
class ObservationsEditor;
class ParameterControl;
class RangesDialog;
class ProjectListModel;

/**
 * The controls: the total effort (in budgetBar()); the list of projects (a view of ProjectListModel)
 * with add, duplicate, remove and reorder; and, for the selected project, its name, curve family (in
 * words, with its formula), colour, `a`, `b`, weight and (S-curves) midpoint. The labels of `a` and
 * `b` say what they do in the selected project's family.
 * Every change goes to the Document as an undoable edit; a slider drag is one gesture (one undo
 * step). The panel shows the document again whenever it changes (edits, undo, redo, files).
 */
class ControlPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ControlPanel(Document *document, QWidget *parent = nullptr);

    /// The colours shown for projects without their own colour.
    void setTheme(const Theme &theme);

    /// The project whose parameters are shown (-1 when there are no projects).
    [[nodiscard]] int selectedProject() const { return m_selected; }
    void selectProject(int index);

    [[nodiscard]] ParameterControl *totalControl() const { return m_total; }
    /// The total-effort slider and spin box in a bar of their own, for the window to place (it is
    /// not part of this panel's layout).
    [[nodiscard]] QWidget *budgetBar() const { return m_budgetBar; }
    [[nodiscard]] ParameterControl *aControl() const { return m_a; }
    [[nodiscard]] ParameterControl *bControl() const { return m_b; }
    [[nodiscard]] ParameterControl *weightControl() const { return m_weight; }
    [[nodiscard]] ParameterControl *midpointControl() const { return m_midpoint; }
    /// The effort scale s of a learning curve (shown for that family only).
    [[nodiscard]] ParameterControl *scaleControl() const { return m_scale; }
    /// What the last fitSelectedProject() did (hidden until one runs, and when another project is selected).
    [[nodiscard]] QLabel *fitNote() const { return m_fitNote; }
    /// The list of projects (its model is projectModel()).
    [[nodiscard]] QListView *projectList() const { return m_list; }
    [[nodiscard]] ProjectListModel *projectModel() const { return m_projects; }
    /// The selected project's minEffort, in units (every allocator gives it at least this).
    [[nodiscard]] QSpinBox *minEffortBox() const { return m_minEffort; }
    /// Its maxEffort; the minimum value, −1, reads "no limit" (no maxEffort).
    [[nodiscard]] QSpinBox *maxEffortBox() const { return m_maxEffort; }
    /// "Lock at": checked when minEffort = maxEffort; checking it, or typing in lockBox(), forces the
    /// project's effort to lockBox()'s value (minEffort = maxEffort = value); unchecking restores the
    /// bounds it had before (Document::unlockEffort).
    [[nodiscard]] QCheckBox *lockCheck() const { return m_lock; }
    [[nodiscard]] QSpinBox *lockBox() const { return m_lockValue; }
    /// The curve family of the selected project (item data: the CurveFamily as an int).
    [[nodiscard]] QComboBox *familyBox() const { return m_family; }
    /// The labels of `a` and `b`, which follow the selected project's family.
    [[nodiscard]] QLabel *aLabel() const { return m_aLabel; }
    [[nodiscard]] QLabel *bLabel() const { return m_bLabel; }

    /// Adds a project at the end, in a colour no other project shows.
    void addProject();
    /**
     * Starts fitting the selected project's curve to its observations (the family with the lowest AICc)
     * on a worker thread (fitter()); the result is applied as one undo step, and fitNote() says what
     * runs, then what was fitted or why nothing was. Esc or fitCancelButton() stops it.
     */
    void fitSelectedProject();
    /// Like fitSelectedProject(), fitting `family` (nullopt: the lowest AICc).
    void fitSelectedProjectAs(std::optional<CurveFamily> family);
    /// Runs the fits of this panel and of the observations window.
    [[nodiscard]] FitRunner *fitter() const { return m_fitter; }
    /// "Observations… (N)": opens the observations window of the selected project.
    [[nodiscard]] QPushButton *observationsButton() const { return m_observationsButton; }
    /// Shown while a fit runs.
    [[nodiscard]] QPushButton *fitCancelButton() const { return m_fitCancel; }
    /// "Ranges…" (with the count of ranges set): opens the selected project's RangesDialog.
    [[nodiscard]] QPushButton *rangesButton() const { return m_rangesButton; }
    /// Opens (window-modal, deleted on close) the selected project's ranges; nullptr when none is selected.
    RangesDialog *openRanges();
    /// Shows (creating it the first time) the observations window; it follows the selected project.
    ObservationsEditor *openObservations();
    /// The observations window, or nullptr before it was first opened.
    [[nodiscard]] ObservationsEditor *observationsEditor() const { return m_observations; }
    /// Inserts a copy of the selected project after it, in a colour no other project shows.
    void duplicateProject();
    void removeProject();
    void moveProjectUp();
    void moveProjectDown();

private:
    enum Field {
        TotalField = 1,
        AField,
        BField,
        WeightField,
        MidpointField,
        ScaleField
    };

    void syncFromDocument();
    void connectParameter(ParameterControl *control, Field field);
    void editParameter(Field field, double value);
    void moveProject(int delta);
    void showFamilyTexts(CurveFamily family);
    /// Sets the selected project's minEffort and maxEffort as one undo step.
    void editBounds(const QString &text, Effort minEffort, std::optional<Effort> maxEffort);

    Document *m_document;
    Theme m_theme = Theme::dark();
    int m_selected = -1;
    bool m_syncing = false; ///< Selection changes made by syncFromDocument() are not the user's.
    int m_textsFamily = -1; ///< The family whose parameter texts are shown (-1: none yet).

    QWidget *m_budgetBar;
    ParameterControl *m_total;
    ProjectListModel *m_projects;
    QListView *m_list;
    QToolButton *m_addButton;
    QToolButton *m_duplicateButton;
    QToolButton *m_removeButton;
    QToolButton *m_upButton;
    QToolButton *m_downButton;
    QGroupBox *m_editor;
    QLineEdit *m_name;
    QComboBox *m_family;
    ColorButton *m_color;
    QToolButton *m_autoColor;
    QLabel *m_aLabel;
    QLabel *m_bLabel;
    ParameterControl *m_a;
    ParameterControl *m_b;
    ParameterControl *m_weight;
    ParameterControl *m_midpoint;
    QLabel *m_midpointLabel;
    ParameterControl *m_scale;
    QLabel *m_scaleLabel;
    QLabel *m_concaveNote;
    QLabel *m_fitNote; ///< The outcome of the last "fit to observations" on the selected project.
    FitRunner *m_fitter = nullptr;
    QPushButton *m_observationsButton = nullptr;
    QPushButton *m_rangesButton = nullptr;
    QPushButton *m_fitCancel = nullptr;
    ObservationsEditor *m_observations = nullptr;
    QSpinBox *m_minEffort = nullptr;
    QSpinBox *m_maxEffort = nullptr;
    QCheckBox *m_lock = nullptr;
    QSpinBox *m_lockValue = nullptr;
};

} // namespace ef
