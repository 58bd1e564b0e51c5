// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// ui-monkey: the real window under random input for a given time, reproducible from a seed.
//
//   ui-monkey [--seconds N] [--seed S]
//
// Random key clicks, mouse clicks, drags and wheel turns on the visible widgets, menu actions (not
// the ones that open file dialogs or quit), extreme values typed into spin boxes and line edits,
// random (valid, often extreme) document edits, the growth view, themes, snapshots, undo/redo and
// window sizes. After every action the invariants below are checked; on a violation the seed, the
// step and the last actions are printed and the exit code is 1. Meant to run under the asan preset
// for minutes (`--seconds 660`); ctest runs it for a few seconds so it cannot rot.
//
// Invariants: no NaN in the results table; when the document is not updating and has a split, the
// efforts sum to the total, each within its project's bounds, and the chart's dots sit at them; the
// chart axes (and the growth view's, when shown) are finite with upper > lower.

#include "ExtremeScenario.h"
#include "IsolatedSettings.h"
#include "RandomScenario.h"
#include "ScenarioFile.h"
#include "charts/Chart.h"
#include "charts/ChartWidget.h"
#include "charts/GrowthChart.h"
#include "charts/GrowthView.h"
#include "document/Document.h"
#include "widgets/ResultsTable.h"
#include "widgets/SnapshotBar.h"
#include "window/MainWindow.h"

#include <qcustomplot.h>

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>
#include <QWheelEvent>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <limits>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <vector>

using namespace ef;

namespace {

enum class Kind {
    Key,
    Click,
    Drag,
    Wheel,
    MenuAction,
    TypeValue,
    DocumentEdit,
    GrowthToggle,
    Theme,
    Pin,
    UndoRedo,
    Resize,
    WaitIdle,
    Count
};

const char *kindName(Kind kind)
{
    static const char *const names[] = {"key",    "click", "drag", "wheel", "menu",   "type",     "edit",
                                        "growth", "theme", "pin",  "undo",  "resize", "wait-idle"};
    return names[static_cast<int>(kind)];
}

class Monkey
{
public:
    Monkey(MainWindow &window, std::uint64_t seed) : m_window(window), m_seed(seed), m_rng(seed) { }

    std::mt19937_64 &rng() { return m_rng; }

    int uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(m_rng); }
    double unit() { return std::uniform_real_distribution<double>(0.0, 1.0)(m_rng); }
    bool chance(double p) { return unit() < p; }
    template<typename T> const T &pick(const std::vector<T> &items)
    {
        return items[static_cast<std::size_t>(uniform(0, static_cast<int>(items.size()) - 1))];
    }

    void log(const QString &text)
    {
        m_log.push_back(QStringLiteral("#%1 %2").arg(m_step).arg(text));
        if (m_log.size() > 40)
            m_log.pop_front();
    }

    /// Closes whatever modal box or popup a random action opened (a file dialog behind a shortcut,
    /// a colour dialog, "unsaved changes"): message boxes get a random button, other dialogs Cancel.
    void closeModals()
    {
        if (QWidget *popup = QApplication::activePopupWidget()) {
            popup->close();
            ++m_popupsClosed;
        }
        QWidget *modal = QApplication::activeModalWidget();
        if (!modal || modal == &m_window)
            return;
        ++m_modalsClosed;
        ++m_modalKinds[QString::fromLatin1(modal->metaObject()->className()) + QStringLiteral(" \"")
                       + modal->windowTitle() + QLatin1Char('"')];
        if (auto *box = qobject_cast<QMessageBox *>(modal)) {
            const QList<QAbstractButton *> buttons = box->buttons();
            log(QStringLiteral("modal message box \"%1\" answered").arg(box->text().left(60)));
            if (!buttons.isEmpty()) {
                buttons[uniform(0, static_cast<int>(buttons.size()) - 1)]->click();
                return;
            }
            box->reject();
        } else if (auto *dialog = qobject_cast<QDialog *>(modal)) {
            log(QStringLiteral("modal dialog %1 \"%2\" cancelled")
                    .arg(QString::fromLatin1(modal->metaObject()->className()), modal->windowTitle()));
            dialog->reject();
        } else {
            modal->close();
        }
    }

    QMessageBox::StandardButton answer(QMessageBox &box)
    {
        std::vector<QMessageBox::StandardButton> choices;
        for (unsigned bit = QMessageBox::FirstButton; bit <= QMessageBox::LastButton; bit <<= 1)
            if (box.standardButtons() & bit)
                choices.push_back(static_cast<QMessageBox::StandardButton>(bit));
        ++m_prompts;
        log(QStringLiteral("prompt \"%1\"").arg(box.text().left(60)));
        return choices.empty() ? QMessageBox::NoButton : pick(choices);
    }

    void collectActions()
    {
        // Everything in the menus except what opens a native file dialog, a modal "about" box or quits.
        const QStringList excluded = {QStringLiteral("Open"), QStringLiteral("Save"), QStringLiteral("Export"),
                                      QStringLiteral("Quit"), QStringLiteral("About")};
        std::function<void(QMenu *)> walk = [&](QMenu *menu) {
            for (QAction *action : menu->actions()) {
                if (action->menu()) {
                    walk(action->menu());
                    continue;
                }
                if (action->isSeparator())
                    continue;
                const QString text = action->text().remove(QLatin1Char('&'));
                bool skip = false;
                for (const QString &prefix : excluded)
                    skip = skip || text.startsWith(prefix);
                if (skip)
                    m_skippedActions << text;
                else
                    m_actions.push_back(action);
            }
        };
        for (QAction *top : m_window.menuBar()->actions())
            if (top->menu())
                walk(top->menu());
    }

    [[nodiscard]] const QStringList &skippedActions() const { return m_skippedActions; }
    [[nodiscard]] std::size_t actionCount() const { return m_actions.size(); }

    std::vector<QWidget *> visibleWidgets(bool editableOnly)
    {
        std::vector<QWidget *> result;
        for (QWidget *w : m_window.findChildren<QWidget *>()) {
            if (!w->isVisible() || w->width() <= 0 || w->height() <= 0 || !w->window()->isVisible()
                || w->window() != &m_window)
                continue;
            if (qobject_cast<QMenuBar *>(w) || qobject_cast<QMenu *>(w))
                continue;
            if (editableOnly && !(qobject_cast<QAbstractSpinBox *>(w) || qobject_cast<QLineEdit *>(w)))
                continue;
            result.push_back(w);
        }
        return result;
    }

    std::vector<QWidget *> interestingWidgets()
    {
        std::vector<QWidget *> result;
        for (QWidget *w : visibleWidgets(false)) {
            if (qobject_cast<QAbstractSlider *>(w) || qobject_cast<QAbstractSpinBox *>(w)
                || qobject_cast<QLineEdit *>(w) || qobject_cast<QAbstractButton *>(w) || qobject_cast<QComboBox *>(w)
                || qobject_cast<QCustomPlot *>(w)
                || (w->parentWidget() && qobject_cast<QAbstractScrollArea *>(w->parentWidget())))
                result.push_back(w);
        }
        return result;
    }

    QWidget *randomTarget()
    {
        std::vector<QWidget *> widgets = chance(0.8) ? interestingWidgets() : visibleWidgets(false);
        if (widgets.empty())
            return nullptr;
        return pick(widgets);
    }

    QPoint randomPoint(QWidget *w)
    {
        return {uniform(0, std::max(0, w->width() - 1)), uniform(0, std::max(0, w->height() - 1))};
    }

    static QString describe(QWidget *w)
    {
        QString name = QString::fromLatin1(w->metaObject()->className());
        if (!w->objectName().isEmpty())
            name += QLatin1Char('#') + w->objectName();
        return name;
    }

    Qt::MouseButton randomButton()
    {
        return chance(0.85) ? Qt::LeftButton : (chance(0.5) ? Qt::RightButton : Qt::MiddleButton);
    }

    Qt::KeyboardModifiers randomModifiers()
    {
        Qt::KeyboardModifiers m;
        if (chance(0.15))
            m |= Qt::ControlModifier;
        if (chance(0.15))
            m |= Qt::ShiftModifier;
        if (chance(0.05))
            m |= Qt::AltModifier;
        return m;
    }

    void key()
    {
        QWidget *target = chance(0.5) && QApplication::focusWidget() ? QApplication::focusWidget() : randomTarget();
        if (!target)
            return;
        static const std::vector<Qt::Key> keys
            = {Qt::Key_0,        Qt::Key_1,      Qt::Key_5,     Qt::Key_9,      Qt::Key_Minus,   Qt::Key_Plus,
               Qt::Key_Period,   Qt::Key_Comma,  Qt::Key_E,     Qt::Key_N,      Qt::Key_A,       Qt::Key_Z,
               Qt::Key_Y,        Qt::Key_Up,     Qt::Key_Down,  Qt::Key_Left,   Qt::Key_Right,   Qt::Key_PageUp,
               Qt::Key_PageDown, Qt::Key_Home,   Qt::Key_End,   Qt::Key_Tab,    Qt::Key_Backtab, Qt::Key_Backspace,
               Qt::Key_Delete,   Qt::Key_Return, Qt::Key_Enter, Qt::Key_Escape, Qt::Key_Space,   Qt::Key_F2,
               Qt::Key_Insert,   Qt::Key_C,      Qt::Key_V,     Qt::Key_X,      Qt::Key_D,       Qt::Key_P};
        const Qt::Key k = pick(keys);
        Qt::KeyboardModifiers mods = randomModifiers();
        if ((mods & Qt::ControlModifier) && k == Qt::Key_Q)
            mods &= ~Qt::ControlModifier;
        log(QStringLiteral("key %1 mods %2 on %3").arg(k, 0, 16).arg(mods.toInt(), 0, 16).arg(describe(target)));
        QTest::keyClick(target, k, mods);
    }

    void click()
    {
        QWidget *target = randomTarget();
        if (!target)
            return;
        const QPoint at = randomPoint(target);
        const Qt::MouseButton button = randomButton();
        const bool dbl = chance(0.1);
        log(QStringLiteral("%1 %2 at %3,%4 on %5")
                .arg(dbl ? QStringLiteral("double-click") : QStringLiteral("click"))
                .arg(button)
                .arg(at.x())
                .arg(at.y())
                .arg(describe(target)));
        if (dbl)
            QTest::mouseDClick(target, button, randomModifiers(), at);
        else
            QTest::mouseClick(target, button, randomModifiers(), at);
    }

    void drag()
    {
        QWidget *target = randomTarget();
        if (!target)
            return;
        const QPoint from = randomPoint(target);
        const Qt::MouseButton button = chance(0.9) ? Qt::LeftButton : Qt::RightButton;
        const int moves = uniform(1, 12);
        log(QStringLiteral("drag %1 moves from %2,%3 on %4")
                .arg(moves)
                .arg(from.x())
                .arg(from.y())
                .arg(describe(target)));
        QTest::mousePress(target, button, {}, from);
        QPointer<QWidget> guard(target);
        for (int i = 0; i < moves && guard && guard->isVisible(); ++i) {
            // Sometimes beyond the widget's edges.
            const QPoint to(uniform(-40, target->width() + 40), uniform(-40, target->height() + 40));
            QTest::mouseMove(target, to);
            if (chance(0.3))
                QCoreApplication::processEvents();
        }
        if (guard)
            QTest::mouseRelease(target, button, {}, randomPoint(target));
    }

    void wheel()
    {
        QWidget *target = randomTarget();
        if (!target)
            return;
        const QPoint at = randomPoint(target);
        const int steps = uniform(-6, 6);
        const Qt::KeyboardModifiers mods = randomModifiers();
        log(QStringLiteral("wheel %1 at %2,%3 on %4").arg(steps).arg(at.x()).arg(at.y()).arg(describe(target)));
        QWheelEvent event(QPointF(at), QPointF(target->mapToGlobal(at)), QPoint(), QPoint(0, steps * 120), Qt::NoButton,
                          mods, Qt::NoScrollPhase, false);
        QApplication::sendEvent(target, &event);
    }

    void menuAction()
    {
        if (m_actions.empty())
            return;
        QAction *action = pick(m_actions);
        log(QStringLiteral("menu \"%1\"%2")
                .arg(action->text(), action->isEnabled() ? QString() : QStringLiteral(" (disabled)")));
        if (action->isEnabled())
            action->trigger();
    }

    QString randomValueText()
    {
        static const std::vector<QString> texts = {QStringLiteral("0"),
                                                   QStringLiteral("-1"),
                                                   QStringLiteral("1"),
                                                   QStringLiteral("1e9"),
                                                   QStringLiteral("1e308"),
                                                   QStringLiteral("-1e308"),
                                                   QStringLiteral("nan"),
                                                   QStringLiteral("NaN"),
                                                   QStringLiteral("inf"),
                                                   QStringLiteral("-inf"),
                                                   QStringLiteral("99999999999999999999999"),
                                                   QStringLiteral("0.000001"),
                                                   QStringLiteral("1,5"),
                                                   QStringLiteral("1.5.5"),
                                                   QStringLiteral(""),
                                                   QStringLiteral("abc"),
                                                   QStringLiteral("\u202Eevil"),
                                                   QStringLiteral("\u2028x"),
                                                   QStringLiteral("1000000000"),
                                                   QStringLiteral("1000000001"),
                                                   QStringLiteral("4.9e-324"),
                                                   QStringLiteral("   7  "),
                                                   QStringLiteral("--5"),
                                                   QStringLiteral("0x10"),
                                                   QStringLiteral("\u00e9\u00e9\u00e9")};
        if (chance(0.4)) {
            const double v = chance(0.5) ? unit() * 1000 : test::logUniform(m_rng, 1e-9, 1e12);
            return QString::number(chance(0.2) ? -v : v, 'g', uniform(1, 17));
        }
        if (chance(0.1))
            return QString(uniform(0, 300), QChar(u'x'));
        return pick(texts);
    }

    /// QTest::keyClicks() for any text: QTest maps only ASCII to keys, the rest goes as text.
    static void typeText(QWidget *target, const QString &text)
    {
        for (const QChar ch : text) {
            if (ch.unicode() >= 0x20 && ch.unicode() < 0x7f)
                QTest::keyClick(target, static_cast<char>(ch.unicode()));
            else
                QTest::sendKeyEvent(QTest::Click, target, Qt::Key_unknown, QString(ch), Qt::NoModifier);
        }
    }

    void typeValue()
    {
        std::vector<QWidget *> editable = visibleWidgets(true);
        if (editable.empty())
            return;
        QWidget *target = pick(editable);
        const QString text = randomValueText();
        const bool commit = chance(0.8);
        log(QStringLiteral("type \"%1\"%2 into %3")
                .arg(text.left(40), commit ? QStringLiteral(" + Enter") : QString(), describe(target)));
        target->setFocus();
        QTest::keyClick(target, Qt::Key_A, Qt::ControlModifier);
        typeText(target, text);
        if (commit)
            QTest::keyClick(target, chance(0.7) ? Qt::Key_Return : Qt::Key_Tab);
    }

    void documentEdit()
    {
        const Scenario before = m_window.document()->scenario();
        Scenario s = before;
        const int what = uniform(0, 9);
        QString text;
        const auto projectIndex
            = [&] { return static_cast<std::size_t>(uniform(0, static_cast<int>(s.projects.size()) - 1)); };
        switch (what) {
        case 0: { // a whole extreme scenario (keeping the snapshots)
            test::ExtremeScenarioOptions o;
            o.maxProjects = chance(0.2) ? 60 : 12;
            o.maxTotal = chance(0.2) ? limits::kMaxTotalEffort : 1'000'000;
            Scenario e = test::extremeScenario(m_rng, o);
            e.snapshots = s.snapshots;
            s = e;
            text = QStringLiteral("extreme scenario, %1 projects, total %2").arg(s.projects.size()).arg(s.totalEffort);
            break;
        }
        case 1: { // an ordinary random scenario, sometimes of S-curves
            test::RandomScenarioOptions o;
            o.concaveOnly = chance(0.5);
            o.bounds = chance(0.5);
            o.zeroWeights = chance(0.3);
            o.ties = chance(0.3);
            const Effort total = chance(0.5) ? uniform(0, 500) : static_cast<Effort>(test::logUniform(m_rng, 1, 1e7));
            Scenario r = test::randomScenario(m_rng, total, o);
            r.snapshots = s.snapshots;
            s = r;
            text = QStringLiteral("random scenario, %1 projects, total %2").arg(s.projects.size()).arg(s.totalEffort);
            break;
        }
        case 2: { // the total
            static const std::vector<Effort> edges = {0, 1, 2, 100, 10'000, 1'000'000, limits::kMaxTotalEffort};
            s.totalEffort = chance(0.5) ? pick(edges) : static_cast<Effort>(test::logUniform(m_rng, 1, 1e9));
            text = QStringLiteral("total %1").arg(s.totalEffort);
            break;
        }
        case 3: { // an S-curve project
            Project p;
            p.name = "S" + std::to_string(m_step);
            p.curve.family = CurveFamily::Logistic;
            p.curve.a = test::logUniform(m_rng, 1e-6, 1e6);
            p.curve.b = chance(0.2) ? 1e6 : test::logUniform(m_rng, 1e-9, 10);
            p.curve.midpoint = chance(0.3) ? static_cast<double>(s.totalEffort)
                                           : unit() * static_cast<double>(std::max<Effort>(1, s.totalEffort)) * 2;
            if (chance(0.3))
                p.maxEffort = chance(0.5) ? 0 : uniform(0, 1000);
            s.projects.push_back(p);
            text = QStringLiteral("add logistic project a=%1 b=%2 m=%3")
                       .arg(p.curve.a)
                       .arg(p.curve.b)
                       .arg(p.curve.midpoint);
            break;
        }
        case 4: { // a project's curve parameter to an edge
            if (s.projects.empty())
                return;
            Project &p = s.projects[projectIndex()];
            static const std::vector<double> as = {0.0, 1e-12, 1.0, limits::kMaxA};
            static const std::vector<double> bs
                = {std::numeric_limits<double>::denorm_min(), 1e-12, 1.0, 10.0, limits::kMaxB};
            static const std::vector<double> ms = {0.0, 1.0, 1e6, limits::kMaxMidpoint};
            switch (uniform(0, 3)) {
            case 0:
                p.curve.a = pick(as);
                break;
            case 1:
                p.curve.b = std::min(pick(bs), limits::maxB(p.curve.family));
                break;
            case 2:
                p.curve.midpoint = pick(ms);
                break;
            default:
                p.curve.family = kAllFamilies[uniform(0, static_cast<int>(std::size(kAllFamilies)) - 1)];
                p.curve.b = std::min(p.curve.b, limits::maxB(p.curve.family));
            }
            text = QStringLiteral("project %1 curve %2 a=%3 b=%4 m=%5")
                       .arg(QString::fromStdString(p.name))
                       .arg(static_cast<int>(p.curve.family))
                       .arg(p.curve.a)
                       .arg(p.curve.b)
                       .arg(p.curve.midpoint);
            break;
        }
        case 5: { // weight
            if (s.projects.empty())
                return;
            Project &p = s.projects[projectIndex()];
            p.weight = chance(0.5) ? 0.0 : (chance(0.5) ? limits::kMaxWeight : test::logUniform(m_rng, 1e-12, 1e6));
            text = QStringLiteral("project %1 weight %2").arg(QString::fromStdString(p.name)).arg(p.weight);
            break;
        }
        case 6: { // bounds, sometimes infeasible
            if (s.projects.empty())
                return;
            Project &p = s.projects[projectIndex()];
            p.minEffort = chance(0.5) ? 0 : static_cast<Effort>(unit() * static_cast<double>(s.totalEffort) * 1.2);
            if (chance(0.5))
                p.maxEffort = p.minEffort + static_cast<Effort>(unit() * static_cast<double>(s.totalEffort));
            else
                p.maxEffort.reset();
            text = QStringLiteral("project %1 bounds %2..%3")
                       .arg(QString::fromStdString(p.name))
                       .arg(p.minEffort)
                       .arg(p.maxEffort ? QString::number(*p.maxEffort) : QStringLiteral("-"));
            break;
        }
        case 7: { // remove a project (keep one)
            if (s.projects.size() <= 1)
                return;
            const std::size_t i = projectIndex();
            text = QStringLiteral("remove project %1").arg(i);
            s.projects.erase(s.projects.begin() + static_cast<std::ptrdiff_t>(i));
            break;
        }
        case 8: { // a name with odd characters
            if (s.projects.empty())
                return;
            static const std::vector<std::string> names = {
                "", "x", "\u202Eevil", "a\u2028b", "\u00e9t\u00e9", "NaN", std::string(200, 'w'), "\xF0\x9F\x99\x82"};
            s.projects[projectIndex()].name = pick(names);
            text = QStringLiteral("rename a project");
            break;
        }
        default: { // a stage boundary
            if (s.stages.size() < 2)
                return;
            const std::size_t i = static_cast<std::size_t>(uniform(1, static_cast<int>(s.stages.size()) - 1));
            s.stages[i].from
                = static_cast<Effort>(unit() * 2 * static_cast<double>(std::max<Effort>(1, s.totalEffort)));
            text = QStringLiteral("stage %1 from %2").arg(i).arg(s.stages[i].from);
            break;
        }
        }
        if (const auto problem = validateScenario(s, QStringLiteral("monkey"))) {
            ++m_rejectedEdits;
            log(QStringLiteral("edit rejected (%1): %2").arg(text, problem->reason.left(80)));
            return;
        }
        log(QStringLiteral("edit: ") + text);
        m_lastEdit = text;
        m_window.document()->edit(QStringLiteral("Monkey edit"), [&s](Scenario &target) { target = s; });
    }

    void act(Kind kind)
    {
        switch (kind) {
        case Kind::Key:
            key();
            break;
        case Kind::Click:
            click();
            break;
        case Kind::Drag:
            drag();
            break;
        case Kind::Wheel:
            wheel();
            break;
        case Kind::MenuAction:
            menuAction();
            break;
        case Kind::TypeValue:
            typeValue();
            break;
        case Kind::DocumentEdit:
            documentEdit();
            break;
        case Kind::GrowthToggle:
            log(QStringLiteral("growth view toggled"));
            m_window.growthViewAction()->toggle();
            break;
        case Kind::Theme: {
            const QString id = chance(0.5) ? QStringLiteral("dark") : QStringLiteral("light");
            log(QStringLiteral("theme ") + id);
            m_window.setTheme(id);
            break;
        }
        case Kind::Pin:
            log(QStringLiteral("pin snapshot"));
            m_window.snapshotBar()->pin();
            break;
        case Kind::UndoRedo: {
            QUndoStack *stack = m_window.document()->undoStack();
            const int n = uniform(1, 5);
            const bool undo = chance(0.6);
            log(QStringLiteral("%1 x%2").arg(undo ? QStringLiteral("undo") : QStringLiteral("redo")).arg(n));
            for (int i = 0; i < n; ++i)
                undo ? stack->undo() : stack->redo();
            break;
        }
        case Kind::Resize: {
            const QSize size(uniform(400, 1920), uniform(300, 1080));
            log(QStringLiteral("resize %1x%2").arg(size.width()).arg(size.height()));
            m_window.resize(size);
            break;
        }
        case Kind::WaitIdle:
            log(QStringLiteral("wait for idle"));
            if (!m_window.document()->service()->waitForIdle(2000))
                idleTimeout();
            break;
        case Kind::Count:
            break;
        }
    }

    void idleTimeout()
    {
        ++m_idleTimeouts;
        const Scenario &s = m_window.document()->scenario();
        m_slowEdits << QStringLiteral("step %1: %2 projects, total %3 (last edit: %4)")
                           .arg(m_step)
                           .arg(s.projects.size())
                           .arg(s.totalEffort)
                           .arg(m_lastEdit);
    }

    Kind randomKind()
    {
        // Weights: mostly widget input, some edits and menu actions, a little of the rest.
        static const int weights[] = {14, 16, 8, 6, 10, 10, 10, 2, 2, 3, 5, 2, 2};
        static_assert(std::size(weights) == static_cast<std::size_t>(Kind::Count));
        std::discrete_distribution<int> d(std::begin(weights), std::end(weights));
        return static_cast<Kind>(d(m_rng));
    }

    /// The first broken invariant, or nothing.
    std::optional<QString> check()
    {
        const ResultsModel *model = m_window.resultsTable()->model();
        for (int r = 0; r < model->rowCount(); ++r)
            for (int c = 1; c < model->columnCount(); ++c) {
                const QString cell = model->text(r, c);
                if (cell.contains(QLatin1String("nan"), Qt::CaseInsensitive))
                    return QStringLiteral("results table cell (%1, %2) reads \"%3\"").arg(r).arg(c).arg(cell);
            }
        // Names (the baseline's, in quotes) are the user's text and may well read "NaN".
        static const QRegularExpression quoted(QStringLiteral("\u201c[^\u201d]*\u201d"));
        if (QString(model->objectiveText()).remove(quoted).contains(QLatin1String("nan"), Qt::CaseInsensitive))
            return QStringLiteral("objective line reads \"%1\"").arg(model->objectiveText());

        Document *doc = m_window.document();
        const Scenario &s = doc->scenario();
        const AllocationResult &result = doc->result();
        if (!doc->isUpdating() && result.ok()) {
            const Allocation &a = *result.allocation;
            if (a.projects.size() != s.projects.size())
                return QStringLiteral("split has %1 projects, scenario %2")
                    .arg(a.projects.size())
                    .arg(s.projects.size());
            if (a.totalEffort != s.totalEffort)
                return QStringLiteral("split total %1, scenario total %2").arg(a.totalEffort).arg(s.totalEffort);
            Effort sum = 0;
            for (std::size_t i = 0; i < a.projects.size(); ++i) {
                const Effort e = a.projects[i].effort;
                const Project &p = s.projects[i];
                sum += e;
                if (e < p.minEffort || (p.maxEffort && e > *p.maxEffort))
                    return QStringLiteral("project %1 gets %2, bounds %3..%4")
                        .arg(i)
                        .arg(e)
                        .arg(p.minEffort)
                        .arg(p.maxEffort ? QString::number(*p.maxEffort) : QStringLiteral("-"));
            }
            if (sum != s.totalEffort)
                return QStringLiteral("efforts sum to %1, total is %2").arg(sum).arg(s.totalEffort);
            QCPCurve *dots = m_window.chartWidget()->chart()->dots();
            for (auto it = dots->data()->constBegin(); it != dots->data()->constEnd(); ++it) {
                const auto index = static_cast<std::size_t>(it->t);
                if (index >= a.projects.size())
                    return QStringLiteral("a dot for project %1 of %2").arg(index).arg(a.projects.size());
                if (it->key != static_cast<double>(a.projects[index].effort))
                    return QStringLiteral("dot %1 at %2, split says %3")
                        .arg(index)
                        .arg(it->key)
                        .arg(a.projects[index].effort);
            }
        }
        const auto axesOk = [](QCustomPlot *plot, const char *which) -> std::optional<QString> {
            for (QCPAxis *axis : {plot->xAxis, plot->yAxis}) {
                const QCPRange r = axis->range();
                if (!std::isfinite(r.lower) || !std::isfinite(r.upper) || !(r.upper > r.lower))
                    return QStringLiteral("%1 %2 axis range %3..%4")
                        .arg(QLatin1String(which), axis == plot->xAxis ? QStringLiteral("x") : QStringLiteral("y"))
                        .arg(r.lower)
                        .arg(r.upper);
            }
            return std::nullopt;
        };
        if (auto bad = axesOk(m_window.chartWidget(), "chart"))
            return bad;
        if (m_window.growthView()->isVisible())
            if (auto bad = axesOk(m_window.growthView()->chart()->plot(), "growth view"))
                return bad;
        return std::nullopt;
    }

    int run(double seconds)
    {
        using Clock = std::chrono::steady_clock;
        const auto start = Clock::now();
        const auto deadline = start + std::chrono::duration<double>(seconds);
        while (Clock::now() < deadline) {
            ++m_step;
            if (!m_window.isVisible()) { // closed through a shortcut: open it again
                log(QStringLiteral("window shown again"));
                ++m_reshown;
                m_window.show();
            }
            const Kind kind = randomKind();
            ++m_counts[kind];
            act(kind);
            QCoreApplication::processEvents();
            closeModals();
            if (m_step % 50 == 0 && !m_window.document()->service()->waitForIdle(2000))
                idleTimeout();
            QCoreApplication::processEvents();
            if (const auto problem = check()) {
                std::fprintf(stderr, "ui-monkey: invariant broken at step %lld (seed %llu): %s\nlast actions:\n",
                             static_cast<long long>(m_step), static_cast<unsigned long long>(m_seed),
                             qPrintable(*problem));
                for (const QString &line : m_log)
                    std::fprintf(stderr, "  %s\n", qPrintable(line));
                return 1;
            }
        }
        const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
        QString kinds;
        for (int k = 0; k < static_cast<int>(Kind::Count); ++k)
            kinds += QStringLiteral(" %1=%2")
                         .arg(QLatin1String(kindName(static_cast<Kind>(k))))
                         .arg(m_counts[static_cast<Kind>(k)]);
        std::printf("ui-monkey: seed %llu, %lld steps in %.1f s;%s; prompts=%d modals-closed=%d popups-closed=%d "
                    "edits-rejected=%d idle-timeouts=%d reshown=%d\n",
                    static_cast<unsigned long long>(m_seed), static_cast<long long>(m_step), elapsed, qPrintable(kinds),
                    m_prompts, m_modalsClosed, m_popupsClosed, m_rejectedEdits, m_idleTimeouts, m_reshown);
        for (const auto &[what, count] : m_modalKinds)
            std::printf("  modal closed: %s x%d\n", qPrintable(what), count);
        for (const QString &slow : m_slowEdits)
            std::printf("  still allocating after 2 s at %s\n", qPrintable(slow));
        return 0;
    }

private:
    MainWindow &m_window;
    std::uint64_t m_seed;
    std::mt19937_64 m_rng;
    long long m_step = 0;
    std::deque<QString> m_log;
    std::vector<QAction *> m_actions;
    QStringList m_skippedActions;
    std::map<Kind, int> m_counts;
    int m_prompts = 0;
    int m_modalsClosed = 0;
    int m_popupsClosed = 0;
    int m_rejectedEdits = 0;
    int m_idleTimeouts = 0;
    int m_reshown = 0;
    std::map<QString, int> m_modalKinds;
    QString m_lastEdit;
    QStringList m_slowEdits; ///< The last document edit before each idle timeout.
};

int usage(const char *problem)
{
    std::fprintf(stderr, "ui-monkey: %s (usage: ui-monkey [--seconds N] [--seed S])\n", problem);
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    double seconds = 10;
    std::uint64_t seed = 1;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (i + 1 >= argc)
            return usage("missing value or unknown argument");
        char *end = nullptr;
        if (arg == "--seconds") {
            seconds = std::strtod(argv[++i], &end);
            if (*end != '\0' || !(seconds >= 0) || seconds > 1e6)
                return usage("--seconds takes a number of seconds");
        } else if (arg == "--seed") {
            seed = std::strtoull(argv[++i], &end, 10);
            if (*end != '\0')
                return usage("--seed takes a whole number");
        } else {
            return usage("unknown argument");
        }
    }

    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Thousands of random inputs make Qt chatty (offscreen notices, refused values): keep warnings only once each.
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &text) {
        static QSet<QString> seen;
        if (type == QtDebugMsg || text.startsWith(QLatin1String("QStandardPaths:"))
            || text.contains(QLatin1String("propagateSizeHints")) || seen.contains(text))
            return;
        seen.insert(text);
        std::fprintf(stderr, "qt: %s\n", qPrintable(text));
    });

    QTemporaryDir recovery;
    QTemporaryDir settings;
    if (!recovery.isValid() || !settings.isValid()) {
        std::fprintf(stderr, "ui-monkey: cannot create a temporary folder\n");
        return 1;
    }
    qputenv("EF_RECOVERY_DIR", recovery.path().toLocal8Bit());
    QApplication app(argc, argv);
    test::isolateSettings(QStringLiteral("effort-frontier-monkey"), settings.path());

    int code = 0;
    {
        MainWindow window;
        Monkey monkey(window, seed);
        window.setPromptHandler([&monkey](QMessageBox &box) { return monkey.answer(box); });
        monkey.collectActions();
        std::printf("ui-monkey: seed %llu, %.0f s, %zu menu actions (skipped: %s)\n",
                    static_cast<unsigned long long>(seed), seconds, monkey.actionCount(),
                    qPrintable(monkey.skippedActions().join(QStringLiteral(", "))));
        std::fflush(stdout);
        // Closes boxes opened inside a nested event loop too (a shortcut's file dialog, "unsaved changes").
        QTimer modalCloser;
        QObject::connect(&modalCloser, &QTimer::timeout, [&monkey] { monkey.closeModals(); });
        modalCloser.start(20);
        window.resize(1200, 800);
        window.show();
        QCoreApplication::processEvents();
        code = monkey.run(seconds);
        modalCloser.stop();
        window.document()->service()->waitForIdle(10000);
        window.document()->undoStack()->setClean(); // no "unsaved changes" on the way out
        window.close();
    }
    return code;
}
