// ReportChartBuilder: a Qt Charts chart from a report chart's data (ReportCharts.h), in the given
// colours: bars on a value x axis (so that only every n-th slot needs a label), a line with its
// points, the healthy range as a shaded band.
#pragma once

#include "ReportCharts.h"

#include <QtCharts/QChart>

namespace posesmart::ui {

// The chart owns its series and axes; the caller owns the chart (or hands it to a QChartView).
QChart* buildReportChart(const print::ReportChart& chart, const print::ChartColors& colors, bool dark);

}  // namespace posesmart::ui
