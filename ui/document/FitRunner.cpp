// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "document/FitRunner.h"

#include "document/Document.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace ef {

struct FitRunner::Job {
    int index = -1;
    std::size_t projects = 0;
    QString name;
    std::optional<CurveFamily> family;
    std::vector<Observation> observations;
    Curve curve;
    std::atomic<bool> cancel{false};
    FitResult result; ///< Written by the worker before it posts deliver().
};

namespace {

QString familyText(CurveFamily family)
{
    const std::string_view name = familyName(family);
    return QString::fromLatin1(name.data(), static_cast<qsizetype>(name.size()));
}

QString number(double value)
{
    return QString::number(value, 'g', 3);
}

} // namespace

FitRunner::FitRunner(Document *document, QObject *parent) : QObject(parent), m_document(document)
{
    m_pool.setMaxThreadCount(2); // a cancelled fit may still be winding down while the next starts
    connect(m_document, &Document::changed, this, &FitRunner::documentChanged);
}

FitRunner::~FitRunner()
{
    if (m_job)
        m_job->cancel = true;
    m_pool.waitForDone();
}

int FitRunner::project() const
{
    return m_job ? m_job->index : -1;
}

bool FitRunner::start(int index, std::optional<CurveFamily> family)
{
    cancel();
    const Scenario &scenario = m_document->scenario();
    if (index < 0 || index >= static_cast<int>(scenario.projects.size()))
        return false;
    const Project &project = scenario.projects[static_cast<std::size_t>(index)];
    const QString name = QString::fromStdString(project.name);
    if (project.observations.empty()) {
        emit finished(Outcome::Failed, tr("%1 has no observations to fit a curve to.").arg(name));
        return false;
    }
    auto job = std::make_shared<Job>();
    job->index = index;
    job->projects = scenario.projects.size();
    job->name = name;
    job->family = family;
    job->observations = project.observations;
    job->curve = project.curve;
    m_job = job;
    m_pool.start([this, job] {
        job->result = job->family ? fitCurve(job->observations, *job->family, &job->cancel)
                                  : fitBestCurve(job->observations, &job->cancel);
        // Posted to the UI thread; the destructor waits for this thread, and a deleted receiver's
        // posted events are discarded.
        QMetaObject::invokeMethod(
            this, [this, job] { deliver(job); }, Qt::QueuedConnection);
    });
    const QLocale locale;
    emit started(
        family ? tr("Fitting a %1 curve to %2 observations of %3…")
                     .arg(familyText(*family), locale.toString(static_cast<qlonglong>(job->observations.size())), name)
               : tr("Fitting every family to %1 observations of %2…")
                     .arg(locale.toString(static_cast<qlonglong>(job->observations.size())), name));
    return true;
}

void FitRunner::cancel()
{
    if (!m_job)
        return;
    const QString name = m_job->name;
    end(Outcome::Cancelled, tr("Fit of %1 cancelled: nothing changed.").arg(name));
}

bool FitRunner::stale(const Job &job) const
{
    const Scenario &scenario = m_document->scenario();
    if (scenario.projects.size() != job.projects || job.index >= static_cast<int>(scenario.projects.size()))
        return true;
    const Project &project = scenario.projects[static_cast<std::size_t>(job.index)];
    return project.observations != job.observations || project.curve != job.curve;
}

void FitRunner::documentChanged()
{
    if (m_job && stale(*m_job)) {
        const QString name = m_job->name;
        end(Outcome::Superseded,
            tr("Fit of %1 dropped: the project changed while it ran. Fit again to use the new data.").arg(name));
    }
}

void FitRunner::end(Outcome outcome, const QString &text)
{
    if (m_job) {
        m_job->cancel = true;
        m_job.reset();
    }
    emit finished(outcome, text);
}

void FitRunner::deliver(const std::shared_ptr<Job> &job)
{
    if (job != m_job)
        return; // cancelled or superseded: already reported
    if (stale(*job))
        return documentChanged();
    const FitResult &fit = job->result;
    if (!fit.ok())
        return end(Outcome::Failed,
                   tr("No curve fitted to %1: %2. Nothing changed.").arg(job->name, QString::fromStdString(fit.error)));
    const auto i = static_cast<std::size_t>(job->index);
    const Curve curve = fit.curve;
    const QString text = describe(fit, !job->family);
    m_job.reset(); // the edit below is this fit's own: not a change that supersedes it
    m_lastFit = LastFit{job->index, curve, fit.standardErrors};
    m_document->edit(tr("Fit curve of %1 to observations").arg(job->name),
                     [i, curve](Scenario &s) { s.projects.at(i).curve = curve; });
    emit finished(Outcome::Applied, text);
}

std::optional<FitStandardErrors> FitRunner::lastFitErrors(int index) const
{
    const auto &projects = m_document->scenario().projects;
    if (!m_lastFit || m_lastFit->index != index || index < 0 || static_cast<std::size_t>(index) >= projects.size()
        || projects[static_cast<std::size_t>(index)].curve != m_lastFit->curve)
        return std::nullopt;
    return m_lastFit->errors;
}

QString FitRunner::describe(const FitResult &fit, bool chosenByAicc)
{
    double sum = 0;
    double largest = 0;
    for (double r : fit.residuals) {
        sum += r * r;
        largest = std::max(largest, std::abs(r));
    }
    const double rms = fit.residuals.empty() ? 0 : std::sqrt(sum / static_cast<double>(fit.residuals.size()));
    const QString r2 = std::isnan(fit.r2) ? tr("n/a") : QString::number(fit.r2, 'f', 4);
    QString text = tr("Fitted a %1 curve: R² = %2 over %3 observations")
                       .arg(familyText(fit.curve.family), r2, QLocale().toString(static_cast<qulonglong>(fit.points)));
    if (chosenByAicc)
        text += tr(" (the family with the lowest AICc, %1).").arg(fit.aicc, 0, 'f', 1);
    else
        text += std::isnan(fit.aicc) ? tr(" (the family you chose).")
                                     : tr(" (the family you chose; AICc %1).").arg(fit.aicc, 0, 'f', 1);
    text += tr(" Residuals: RMS %1, largest %2.").arg(number(rms), number(largest));
    const auto se = [](double v) { return std::isnan(v) ? QStringLiteral("?") : number(v); };
    QString errors = tr("a ± %1, b ± %2").arg(se(fit.standardErrors.a), se(fit.standardErrors.b));
    if (fit.curve.family == CurveFamily::Logistic)
        errors += tr(", m ± %1").arg(se(fit.standardErrors.midpoint));
    if (fit.curve.family == CurveFamily::Learning)
        errors += tr(", s ± %1").arg(se(fit.standardErrors.scale));
    text += tr(" Standard errors: %1.").arg(errors);
    return text;
}

} // namespace ef
