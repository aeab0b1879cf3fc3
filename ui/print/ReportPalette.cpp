// ReportPalette: chart colours (Okabe-Ito based) for light and dark backgrounds.
#include "ReportPalette.h"

namespace posesmart::print {

QColor seriesColor(SeriesRole role, bool dark) {
    switch (role) {
        case SeriesRole::Good:
            return dark ? QColor(0x3d, 0xc4, 0x8c) : QColor(0x00, 0x9e, 0x73);
        case SeriesRole::ForwardHead:
            return dark ? QColor(0xf0, 0xa5, 0x30) : QColor(0xe6, 0x9f, 0x00);
        case SeriesRole::Slouch:
            return dark ? QColor(0xe8, 0x7a, 0x3a) : QColor(0xd5, 0x5e, 0x00);
        case SeriesRole::TooClose:
            return dark ? QColor(0xe0, 0x9a, 0xc4) : QColor(0xcc, 0x79, 0xa7);
        case SeriesRole::Tilted:
            return dark ? QColor(0xf5, 0xe6, 0x6a) : QColor(0xc9, 0xb8, 0x1e);
        case SeriesRole::Unknown:
            return dark ? QColor(0x7a, 0x7a, 0x7a) : QColor(0xb0, 0xb0, 0xb0);
        case SeriesRole::Break:
            return dark ? QColor(0x7c, 0xc4, 0xf0) : QColor(0x56, 0xb4, 0xe9);
        case SeriesRole::Blinks:
            return dark ? QColor(0x5a, 0x9c, 0xe0) : QColor(0x00, 0x72, 0xb2);
        case SeriesRole::Alerts:
            return dark ? QColor(0xe8, 0x7a, 0x3a) : QColor(0xd5, 0x5e, 0x00);
        case SeriesRole::Sitting:
            return dark ? QColor(0x9f, 0x8f, 0xe0) : QColor(0x6a, 0x51, 0xa3);
        case SeriesRole::Routine:  // a deep teal, apart from the break's sky blue and the good green
            return dark ? QColor(0x4f, 0xd1, 0xc5) : QColor(0x00, 0x6d, 0x77);
    }
    return {};
}

ChartColors chartColors(bool dark) {
    if (dark)
        return {QColor(0x2a, 0x2a, 0x2e), QColor(0xe8, 0xe8, 0xe8), QColor(0x4a, 0x4a, 0x50),
                QColor(0x3d, 0xc4, 0x8c, 50)};
    return {QColor(Qt::white), QColor(0x20, 0x20, 0x20), QColor(0xdd, 0xdd, 0xdd), QColor(0x00, 0x9e, 0x73, 40)};
}

}  // namespace posesmart::print
