// ChartPainter: draws one report chart with QPainter (for the PDF): title, value axis with grid,
// the healthy range, bars (stacked or not) or a line, slot labels and a legend.
#pragma once

#include "ReportCharts.h"

class QPainter;
class QRectF;

namespace posesmart::print {

void paintChart(QPainter& painter, const QRectF& area, const ReportChart& chart, const ChartColors& colors);

}  // namespace posesmart::print
