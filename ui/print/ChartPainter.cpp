// ChartPainter: a small bar and line chart painter for the one-page PDF.
#include "ChartPainter.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

namespace posesmart::print {

namespace {

void paintLegend(QPainter& painter, const QRectF& area, const ReportChart& chart, const ChartColors& colors) {
    const QFontMetricsF metrics(painter.font());
    double x = area.left();
    const double box = metrics.height() * 0.7;
    const auto entry = [&](const QString& name, const QColor& colour) {
        painter.fillRect(QRectF(x, area.top() + (metrics.height() - box) / 2, box, box), colour);
        x += box + 4;
        painter.setPen(colors.text);
        painter.drawText(QPointF(x, area.top() + metrics.ascent()), name);
        x += metrics.horizontalAdvance(name) + 12;
    };
    for (const ChartSeries& s : chart.series) entry(s.name, seriesColor(s.role, false));
    if (chart.healthy) entry(QCoreApplication::translate("Report", "Healthy range"), colors.healthyBand);
}

}  // namespace

void paintChart(QPainter& painter, const QRectF& area, const ReportChart& chart, const ChartColors& colors) {
    painter.save();
    const QFont base = painter.font();
    QFont titleFont = base;
    titleFont.setBold(true);
    const QFontMetricsF metrics(base);
    const double line = metrics.height();

    painter.setFont(titleFont);
    painter.setPen(colors.text);
    painter.drawText(QPointF(area.left(), area.top() + QFontMetricsF(titleFont).ascent()), chart.title);
    painter.setFont(base);
    const bool legend = chart.series.size() > 1 || chart.healthy;
    if (legend) paintLegend(painter, QRectF(area.left(), area.top() + line * 1.3, area.width(), line), chart, colors);

    const double top = valueAxisTop(chart);
    const double axisWidth = metrics.horizontalAdvance(QStringLiteral("0000"));
    const QRectF plot(area.left() + axisWidth + 4, area.top() + line * (legend ? 3.0 : 2.0),
                      area.width() - axisWidth - 4, area.height() - line * (legend ? 4.4 : 3.4));
    const auto yOf = [&](double v) { return plot.bottom() - plot.height() * std::clamp(v / top, 0.0, 1.0); };

    if (chart.healthy) {
        painter.fillRect(
            QRectF(QPointF(plot.left(), yOf(chart.healthy->high)), QPointF(plot.right(), yOf(chart.healthy->low))),
            colors.healthyBand);
    }
    for (int t = 0; t <= kValueAxisSteps; ++t) {
        const double value = top * t / kValueAxisSteps;
        const double y = yOf(value);
        painter.setPen(QPen(colors.grid, 0.5));
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        painter.setPen(colors.text);
        painter.drawText(QRectF(area.left(), y - line / 2, axisWidth, line), Qt::AlignRight | Qt::AlignVCenter,
                         QString::number(value, 'g', 3));
    }

    const auto slotCount = chart.slotLabels.size();
    const double slotWidth = plot.width() / static_cast<double>(std::max<qsizetype>(slotCount, 1));
    const double barWidth = slotWidth * (chart.kind == ChartKind::StackedBars ? 0.9 : 0.7);
    if (chart.kind == ChartKind::Line) {
        for (const ChartSeries& s : chart.series) {
            const QColor colour = seriesColor(s.role, false);
            QPainterPath path;
            bool started = false;
            for (qsizetype slot = 0; slot < slotCount; ++slot) {
                const double v = s.values.value(slot);
                if (std::isnan(v)) continue;
                const QPointF point(plot.left() + (static_cast<double>(slot) + 0.5) * slotWidth, yOf(v));
                started ? path.lineTo(point) : path.moveTo(point);
                started = true;
                painter.setPen(Qt::NoPen);
                painter.setBrush(colour);
                painter.drawEllipse(point, 2.0, 2.0);
            }
            painter.setBrush(Qt::NoBrush);
            painter.setPen(QPen(colour, 1.5));
            painter.drawPath(path);
        }
    } else {
        for (qsizetype slot = 0; slot < slotCount; ++slot) {
            const double x = plot.left() + static_cast<double>(slot) * slotWidth + (slotWidth - barWidth) / 2;
            double stackBase = 0.0;
            for (qsizetype i = 0; i < chart.series.size(); ++i) {
                const double v = chart.series[i].values.value(slot);
                if (std::isnan(v) || v <= 0.0) continue;
                const double bottom = chart.kind == ChartKind::StackedBars ? stackBase : 0.0;
                const double barX =
                    chart.kind == ChartKind::StackedBars
                        ? x
                        : x + barWidth * static_cast<double>(i) / static_cast<double>(chart.series.size());
                const double width = chart.kind == ChartKind::StackedBars
                                         ? barWidth
                                         : barWidth / static_cast<double>(chart.series.size());
                painter.fillRect(QRectF(QPointF(barX, yOf(bottom + v)), QPointF(barX + width, yOf(bottom))),
                                 seriesColor(chart.series[i].role, false));
                stackBase += v;
            }
        }
    }
    painter.setPen(colors.text);
    painter.drawLine(plot.bottomLeft(), plot.bottomRight());
    const double labelWidth = slotWidth * chart.labelEvery;
    const double labelOffset = chart.labelsAtSlotStart ? 0.0 : 0.5;
    for (qsizetype slot = 0; slot < slotCount; slot += chart.labelEvery) {
        const double anchor = plot.left() + (static_cast<double>(slot) + labelOffset) * slotWidth;
        painter.drawText(QRectF(anchor - labelWidth / 2, plot.bottom() + 2, labelWidth, line),
                         Qt::AlignCenter | Qt::TextDontClip, chart.slotLabels[slot]);
    }
    painter.drawText(QRectF(plot.left(), plot.bottom() + line + 2, plot.width(), line), Qt::AlignRight, chart.unit);
    painter.restore();
}

}  // namespace posesmart::print
