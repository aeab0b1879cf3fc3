// ReportPalette: the colours of the report's charts, for a light or a dark background: one per
// posture state and one per measure, chosen to stay apart for the common colour-vision deficiencies.
#pragma once

#include <QColor>

namespace posesmart::print {

enum class SeriesRole { Good, ForwardHead, Slouch, TooClose, Tilted, Unknown, Break, Blinks, Alerts, Sitting, Routine };

struct ChartColors {
    QColor background;
    QColor text;
    QColor grid;
    QColor healthyBand;
};

QColor seriesColor(SeriesRole role, bool dark);
ChartColors chartColors(bool dark);

}  // namespace posesmart::print
