// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "WindowApplication.h"

#include "CommandLine.h"

#include <QApplication>
#include <QMutex>
#include <QMutexLocker>
#include <QStringList>

#include <cstdio>
#include <cstdlib>
#include <utility>
#include <vector>

namespace ef {

namespace {

/// One message Qt reported while its platform started.
struct HeldMessage {
    QtMsgType type;
    QByteArray category;
    QByteArray file;
    QByteArray function;
    int line;
    QString text;
};

/// What the message handler needs while QApplication is being constructed (a handler is a plain function).
struct StartUp {
    QMutex mutex; // Qt may report from another thread
    QtMessageHandler previous = nullptr;
    const char *program = "";
    std::vector<HeldMessage> held;
};

StartUp &startUp()
{
    static StartUp state;
    return state;
}

/// The text with anything that could break the line (C0/C1 controls, line and paragraph separators, bidi
/// controls) replaced, so Qt's reason (which may quote DISPLAY) stays one line and prints as it reads.
QString oneLine(QString text)
{
    for (QChar &c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 || (u >= 0x7f && u < 0xa0) || u == 0x2028 || u == 0x2029 || (u >= 0x202a && u <= 0x202e)
            || (u >= 0x2066 && u <= 0x2069))
            c = QChar(0xfffd);
    }
    return text.simplified();
}

/// Qt's own reason from the platform messages, e.g. "could not connect to display :99". The plugin loader's
/// summary ("Could not load the Qt platform plugin ... even though it was found") and the fatal message's
/// advice to reinstall add nothing, so they are left out when there is something more specific.
QString platformReason(const std::vector<HeldMessage> &held, const QString &fatalText)
{
    QStringList reasons;
    for (const HeldMessage &m : held) {
        if (!m.category.startsWith("qt.qpa") || m.text.contains(QLatin1String("even though it was found")))
            continue;
        const QString reason = oneLine(m.text);
        if (!reason.isEmpty() && !reasons.contains(reason))
            reasons << reason;
    }
    if (reasons.isEmpty()) {
        // No specific message: the first sentence of Qt's fatal message.
        const QString text = oneLine(fatalText);
        const qsizetype end = text.indexOf(QLatin1Char('.'));
        reasons << (end > 0 ? text.left(end) : text);
    }
    return reasons.join(QStringLiteral("; "));
}

void holdMessage(QtMsgType type, const QMessageLogContext &context, const QString &text)
{
    StartUp &state = startUp();
    QMutexLocker lock(&state.mutex);
    if (type != QtFatalMsg) {
        state.held.push_back({type, QByteArray(context.category), QByteArray(context.file),
                              QByteArray(context.function), context.line, text});
        return;
    }
    // Qt aborts when a fatal handler returns, so the one line is written and the process ends here. Nothing
    // has been written to stdout; no destructor has anything to save yet.
    const QString line = QStringLiteral("%1: no display to open the window on (Qt: %2); use --export OUT.png or "
                                        "--allocate for output without a display, or run under xvfb-run\n")
                             .arg(QLatin1String(state.program), platformReason(state.held, text));
    const QByteArray bytes = line.toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stderr);
    std::fflush(stderr);
    std::_Exit(kExitBadInput);
}

} // namespace

std::unique_ptr<QApplication> createWindowApplication(int &argc, char **argv, const char *program)
{
    StartUp &state = startUp();
    {
        QMutexLocker lock(&state.mutex);
        state.program = program;
        state.held.clear();
    }
    std::unique_ptr<QApplication> app;
    {
        // Restores the previous handler however construction ends (a failed platform never returns here).
        struct Holding {
            Holding() { startUp().previous = qInstallMessageHandler(holdMessage); }
            ~Holding() { qInstallMessageHandler(startUp().previous); }
            Holding(const Holding &) = delete;
            Holding &operator=(const Holding &) = delete;
        } holding;
        app = std::make_unique<QApplication>(argc, argv);
    }

    // Started: pass on what Qt said meanwhile, as it would have been printed.
    std::vector<HeldMessage> held;
    {
        QMutexLocker lock(&state.mutex);
        held = std::exchange(state.held, {});
    }
    for (const HeldMessage &m : held) {
        const QMessageLogContext context(m.file.isEmpty() ? nullptr : m.file.constData(), m.line,
                                         m.function.isEmpty() ? nullptr : m.function.constData(),
                                         m.category.isEmpty() ? nullptr : m.category.constData());
        qt_message_output(m.type, context, m.text);
    }
    return app;
}

} // namespace ef
