// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include "Curve.h"
#include "Fit.h"
#include "Observation.h"

#include <QObject>
#include <QString>
#include <QThreadPool>

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

namespace ef {

class Document;

/**
 * Fits a project's curve to its observations off the UI thread (a fit of 10,000 points takes about a
 * second) and applies the result to the Document as one undo step.
 *
 * One fit at a time: start() cancels the one running. A fit whose project changed while it ran (its
 * observations or its curve edited, projects added or removed, the scenario replaced) is dropped at
 * once (cancelled) and never applied; cancel() stops it and leaves the scenario untouched. Each fit
 * ends with exactly one finished() signal, whose text says what happened.
 */
class FitRunner : public QObject
{
    Q_OBJECT

public:
    /// How a fit ended.
    enum class Outcome {
        Applied,    ///< The fitted curve replaced the project's curve (one undo step).
        Failed,     ///< The fit found no curve (too few points, no convergence, ...): nothing changed.
        Cancelled,  ///< cancel() stopped it: nothing changed.
        Superseded, ///< The project changed while it ran: the result was dropped.
    };
    Q_ENUM(Outcome)

    explicit FitRunner(Document *document, QObject *parent = nullptr);
    /// Cancels a running fit and waits for its thread to stop (polled often: milliseconds).
    ~FitRunner() override;

    /**
     * Fits project `index` — the family with the lowest AICc, or `family` — on a worker thread. Does
     * nothing but report (finished(Failed, ...)) when the project has no observations. Returns false
     * when no fit was started.
     */
    bool start(int index, std::optional<CurveFamily> family = std::nullopt);
    /// Stops the running fit (finished(Cancelled, ...)); nothing when none runs.
    void cancel();
    [[nodiscard]] bool isRunning() const { return m_job != nullptr; }
    /// The project being fitted (-1 when none).
    [[nodiscard]] int project() const;

    /// The standard errors of the last fit applied to project `index`, while that project's curve is
    /// still the fit's result (an edit of the curve, an undo or another project at `index`: none).
    [[nodiscard]] std::optional<FitStandardErrors> lastFitErrors(int index) const;

    /// The text for a successful fit (family, R², AICc, residuals' RMS and largest, standard errors).
    static QString describe(const FitResult &fit, bool chosenByAicc);

signals:
    /// A fit started: `text` says what runs (for a busy note).
    void started(const QString &text);
    /// A fit ended; `text` is one or two sentences for the user.
    void finished(ef::FitRunner::Outcome outcome, const QString &text);

private:
    struct Job;
    void documentChanged();
    void deliver(const std::shared_ptr<Job> &job);
    [[nodiscard]] bool stale(const Job &job) const;
    void end(Outcome outcome, const QString &text);

    Document *m_document;
    QThreadPool m_pool;
    std::shared_ptr<Job> m_job;
    /// The last applied fit: its project, the curve it gave and that curve's standard errors.
    struct LastFit {
        int index = -1;
        Curve curve;
        FitStandardErrors errors;
    };
    std::optional<LastFit> m_lastFit;
};

} // namespace ef
