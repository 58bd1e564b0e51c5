// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include "Allocation.h"
#include "MonteCarlo.h"
#include "charts/Theme.h"
#include "present/Scenes.h"

#include <QWidget>

#include <optional>

#include <vector>

class QLabel;
class QVariantAnimation;

namespace ef {

class AllocationService;
class Chart;
class GrowthChart;
class PresenterGrowthPlot;
class PresenterPlot;

/**
 * Presenter mode: the chart alone, full screen, with text and lines scaled to the screen so the back
 * of the room can read them, and a caption under it. The room is walked through scenes (the working
 * state, its snapshots, the presets) with the keys a presentation clicker sends; the total is nudged
 * to round values; the dots travel smoothly (about 300 ms) from one state to the next. It works on its
 * own copies of the scenes: nothing it shows is an edit, so nothing asks to be saved. Esc leaves.
 *
 * | keys | what |
 * |---|---|
 * | Right, PageDown, Space, N | next scene |
 * | Left, PageUp, Backspace, P | previous scene |
 * | Home / End | first / last scene |
 * | Up or + / Down or − | total to the next round value above / below |
 * | G | the growth view beside the chart, or not |
 * | Esc, F11 | leave |
 */
class PresenterWindow : public QWidget
{
    Q_OBJECT

public:
    /// How long the dots take to travel from one state to the next.
    static constexpr int kTravelMs = 300;

    PresenterWindow(std::vector<Scene> scenes, const Theme &theme, QWidget *parent = nullptr);
    ~PresenterWindow() override;

    [[nodiscard]] std::size_t sceneCount() const { return m_scenes.size(); }
    [[nodiscard]] std::size_t sceneIndex() const { return m_index; }
    /// The state the room is being shown (the current scene with any nudged total).
    [[nodiscard]] const Scenario &target() const { return m_target; }
    /// The split of target(), once computed (an error before, or for infeasible bounds).
    [[nodiscard]] const AllocationResult &targetSplit() const { return m_targetSplit; }
    /// True while the dots travel to the target.
    [[nodiscard]] bool isTravelling() const;
    [[nodiscard]] Chart *chart() const;
    [[nodiscard]] QString captionText() const;
    /// The font and line scale used for this screen size.
    [[nodiscard]] double chartScale() const;

    /// Weighted value (the window's View ▸ Weighted Value): the chart plots weight × accuracy, in every
    /// scene and while the dots travel, until it is turned off.
    void setWeighted(bool on);
    [[nodiscard]] bool isWeighted() const;

    /**
     * The window's Monte Carlo of `state`: its p5–p95 whiskers are drawn whenever the state shown is
     * that state (same projects and total: the working scene, not nudged), and never on another, so a
     * room is never shown one state's spread on another's dots.
     */
    void setUncertainty(const Scenario &state, const MonteCarloResult &result);

    /// The growth view beside the chart (G): how the split of the current state grows with the budget.
    void setGrowthShown(bool shown);
    [[nodiscard]] bool isGrowthShown() const;
    [[nodiscard]] GrowthChart *growthChart() const;

    void showScene(std::size_t index);
    void nextScene();
    void previousScene();
    /// Moves the total to the next round value above (`up`) or below.
    void nudgeTotal(bool up);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void setTarget(Scenario scenario);
    void requestGrowth();
    void splitReady(quint64 generation, const AllocationResult &result);
    void showFrame(double t);
    void updateCaption();

    std::vector<Scene> m_scenes;
    std::size_t m_index = 0;
    Theme m_theme;
    PresenterPlot *m_plot;
    PresenterGrowthPlot *m_growth;
    QLabel *m_caption;
    QLabel *m_footer;
    AllocationService *m_service;
    QVariantAnimation *m_travel;
    quint64 m_generation = 0;
    quint64 m_growthGeneration = 0;
    Scenario m_target;
    AllocationResult m_targetSplit;
    Scenario m_shown; ///< What the chart shows now (a state between two scenes while travelling).
    AllocationResult m_shownSplit;
    Scenario m_from; ///< Where the current travel started.
    AllocationResult m_fromSplit;
    std::optional<MonteCarloResult> m_uncertainty; ///< setUncertainty()'s, for m_uncertainState only.
    Scenario m_uncertainState;
};

} // namespace ef
