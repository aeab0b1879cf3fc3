// FontCoverage: which characters of a text no font on this system can draw (they would show as
// empty boxes), with Qt's font fallback taken into account.
#pragma once

#include <QFont>
#include <QString>

namespace posesmart::ui {

// The distinct characters of `text` (spaces and control characters aside) that `font`, with the
// fallback fonts Qt picks for it, has no glyph for; empty when the whole text can be drawn.
[[nodiscard]] QString missingCharacters(const QString& text, const QFont& font);

}  // namespace posesmart::ui
