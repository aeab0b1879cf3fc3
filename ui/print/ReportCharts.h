// ReportCharts: what each chart of a report shows, independent of how it is drawn: the slots of
// its x axis (10-minute bins, hours or days), its series of values and the healthy range. The viewer
// turns these into Qt Charts, the PDF paints them; both show the same numbers.
#pragma once

#include "ReportData.h"
#include "ReportPalette.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace posesmart::print {

enum class ChartKind { StackedBars, Bars, Line };

struct ChartSeries {
    QString name;
    SeriesRole role = SeriesRole::Good;
    QList<double> values;  // one per slot; NaN where a line has no point
};

struct ValueRange {
    double low = 0.0;
    double high = 0.0;
};

struct ReportChart {
    // Day: "timeline" (with a "Routine" series when routines were done), "blinksByHour",
    // "alertsByHour"; week and month: "goodShareByDay", "blinksByDay", "alertsByDay", "sittingByDay",
    // and "routinesByDay" when routines were done.
    QString id;
    QString title;
    QString unit;  // of the value axis
    ChartKind kind = ChartKind::Bars;
    QStringList slotLabels;          // one per slot
    int labelEvery = 1;              // only every n-th slot is labelled...
    bool labelsAtSlotStart = false;  // ...under its start (the hours of 10-minute bins), or its middle
    QList<ChartSeries> series;
    std::optional<ValueRange> healthy;  // shaded: the healthy range
    std::optional<double> maximum;      // fixed top of the value axis (shares); otherwise from the data
};

// A relaxed adult blinks about 12 to 20 times a minute; screen work often halves that.
inline constexpr ValueRange kHealthyBlinksPerMin{12.0, 20.0};

// The value axis has this many steps between grid lines.
inline constexpr int kValueAxisSteps = 4;
// The top of a chart's value axis: its fixed maximum, or the smallest value above the data (and the
// healthy range) whose steps are round numbers (1, 2, 2.5 or 5 times a power of ten; whole numbers
// for counts).
double valueAxisTop(const ReportChart& chart);

// No charts when nothing was recorded: the viewer and the PDF show a message instead.
QList<ReportChart> reportCharts(const ReportData& data);

}  // namespace posesmart::print
