// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "charts/Theme.h"

#include <QApplication>
#include <QStyle>

namespace ef {

Theme Theme::dark()
{
    Theme t;
    t.id = QStringLiteral("dark");
    t.displayName = QStringLiteral("Dark (reference look)");
    t.background = QColor(0x1e, 0x1e, 0x1e);
    t.plotBackground = QColor(0x12, 0x12, 0x12);
    t.foreground = QColor(0xe8, 0xe8, 0xe8);
    t.grid = QColor(0x4a, 0x4a, 0x4a);
    t.stageBand = QColor(0x1f, 0x1f, 0x1f); // opaque: every SVG viewer shows it alike
    t.stageLine = QColor(0x9a, 0x9a, 0x9a);
    t.labelBackground = QColor(0x12, 0x12, 0x12);
    t.dot = QColor(0xff, 0x00, 0x00);
    t.cycle = {QColor(0x8d, 0xd3, 0xc7), QColor(0xfe, 0xff, 0xb3), QColor(0xbf, 0xbb, 0xd9), QColor(0xfa, 0x81, 0x74),
               QColor(0x81, 0xb1, 0xd2)};
    return t;
}

Theme Theme::light()
{
    Theme t;
    t.id = QStringLiteral("light");
    t.displayName = QStringLiteral("Light (print)");
    t.background = QColor(Qt::white);
    t.plotBackground = QColor(Qt::white);
    t.foreground = QColor(0x20, 0x20, 0x20);
    t.grid = QColor(0xd0, 0xd0, 0xd0);
    t.stageBand = QColor(0xf2, 0xf2, 0xf2);
    t.stageLine = QColor(0x70, 0x70, 0x70);
    t.labelBackground = QColor(Qt::white);
    t.dot = QColor(0xff, 0x00, 0x00);
    // Darker relatives of the reference cycle, readable on white paper.
    t.cycle = {QColor(0x1b, 0x9e, 0x77), QColor(0xb8, 0x86, 0x0b), QColor(0x75, 0x70, 0xb3), QColor(0xd9, 0x5f, 0x02),
               QColor(0x1f, 0x78, 0xb4)};
    return t;
}

std::optional<Theme> Theme::byId(const QString &id)
{
    if (id == QLatin1String("dark"))
        return dark();
    if (id == QLatin1String("light"))
        return light();
    return std::nullopt;
}

QStringList Theme::ids()
{
    return {QStringLiteral("dark"), QStringLiteral("light")};
}

QPalette Theme::windowPalette() const
{
    if (id != QLatin1String("dark"))
        return QApplication::style()->standardPalette();
    QPalette p;
    const QColor window(0x2b, 0x2b, 0x2b);
    const QColor base(0x1e, 0x1e, 0x1e);
    const QColor text(0xe8, 0xe8, 0xe8);
    const QColor disabled(0x80, 0x80, 0x80);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x3a, 0x3a, 0x3a));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x55, 0x55));
    p.setColor(QPalette::Light, QColor(0x4a, 0x4a, 0x4a));
    p.setColor(QPalette::Midlight, QColor(0x40, 0x40, 0x40));
    p.setColor(QPalette::Mid, QColor(0x30, 0x30, 0x30));
    p.setColor(QPalette::Dark, QColor(0x18, 0x18, 0x18));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xb0));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x81, 0xb1, 0xd2));
    for (const QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

QColor Theme::projectColor(std::size_t index, const std::string &ownColor) const
{
    if (!ownColor.empty()) {
        const QColor own(QString::fromStdString(ownColor));
        if (own.isValid())
            return own;
    }
    return cycle.empty() ? foreground : cycle[index % cycle.size()];
}

} // namespace ef
