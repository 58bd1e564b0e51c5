// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "persistence/Autosave.h"

#include "document/Document.h"

#include <algorithm>

namespace ef {

Autosave::Autosave(Document *document, std::function<QString()> presetName, QObject *parent)
    : QObject(parent), m_document(document), m_presetName(std::move(presetName))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &Autosave::write);
    connect(m_document, &Document::changed, this, &Autosave::documentChanged);
    connect(m_document, &Document::fileStateChanged, this, &Autosave::documentChanged);
}

Autosave::~Autosave()
{
    m_timer.stop();
    m_store.remove();
}

void Autosave::setDelay(int ms)
{
    m_delayMs = ms;
}

void Autosave::documentChanged()
{
    if (!m_document->isModified()) {
        discard();
        return;
    }
    // Debounce: every change restarts the quiet period, but a burst never postpones the write
    // beyond the maximum delay.
    if (!m_timer.isActive())
        m_firstPending.start();
    if (m_firstPending.isValid() && m_firstPending.elapsed() >= m_maxDelayMs)
        return; // already overdue: let the running timer fire
    m_timer.start(static_cast<int>(std::min<qint64>(m_delayMs, m_maxDelayMs - m_firstPending.elapsed())));
}

void Autosave::flush()
{
    if (m_timer.isActive()) {
        m_timer.stop();
        write();
    }
}

void Autosave::discard()
{
    m_timer.stop();
    m_store.remove();
}

void Autosave::write()
{
    m_timer.stop();
    if (!m_document->isModified()) {
        m_store.remove();
        return;
    }
    RecoveryState state;
    state.scenario = m_document->scenario();
    state.filePath = m_document->filePath();
    state.presetName = m_presetName ? m_presetName() : QString();
    state.modified = true;
    state.savedAt = QDateTime::currentDateTimeUtc();
    if (!state.filePath.isEmpty() && m_baseHash)
        state.baseHash = m_baseHash();
    QString error;
    if (!m_store.write(state, &error)) {
        if (!m_failedReported)
            emit failed(error);
        m_failedReported = true;
        return;
    }
    m_failedReported = false;
    ++m_writes;
    emit written(m_store.path());
}

} // namespace ef
