// ReportChartBuilder: report chart data to QChart.
#include "ReportChartBuilder.h"

#include <QCoreApplication>
#include <QtCharts/QAreaSeries>
#include <QtCharts/QBarSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QCategoryAxis>
#include <QtCharts/QLineSeries>
#include <QtCharts/QStackedBarSeries>
#include <QtCharts/QValueAxis>
#include <algorithm>
#include <cmath>

namespace posesmart::ui {

namespace {

QCategoryAxis* slotAxis(const print::ReportChart& chart, const print::ChartColors& colors) {
    auto* axis = new QCategoryAxis;
    const auto slotCount = static_cast<double>(chart.slotLabels.size());
    axis->setRange(-0.5, slotCount - 0.5);
    axis->setStartValue(-0.5);
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    const double offset = chart.labelsAtSlotStart ? -0.5 : 0.0;
    for (qsizetype slot = 0; slot < chart.slotLabels.size(); slot += chart.labelEvery)
        axis->append(chart.slotLabels[slot], static_cast<double>(slot) + offset);
    axis->setGridLineVisible(false);
    axis->setLabelsColor(colors.text);
    return axis;
}

QValueAxis* valueAxis(const print::ReportChart& chart, const print::ChartColors& colors) {
    auto* axis = new QValueAxis;
    axis->setRange(0.0, print::valueAxisTop(chart));
    axis->setTickCount(print::kValueAxisSteps + 1);
    axis->setLabelFormat(QStringLiteral("%g"));
    axis->setTitleText(chart.unit);
    axis->setLabelsColor(colors.text);
    axis->setTitleBrush(colors.text);
    axis->setGridLineColor(colors.grid);
    return axis;
}

void addBars(QChart* qchart, const print::ReportChart& chart, bool dark, QAbstractAxis* x, QAbstractAxis* y) {
    QAbstractBarSeries* bars = chart.kind == print::ChartKind::StackedBars
                                   ? static_cast<QAbstractBarSeries*>(new QStackedBarSeries)
                                   : static_cast<QAbstractBarSeries*>(new QBarSeries);
    bars->setBarWidth(chart.kind == print::ChartKind::StackedBars ? 0.9 : 0.7);
    for (const print::ChartSeries& s : chart.series) {
        auto* set = new QBarSet(s.name);
        for (const double v : s.values) set->append(std::isnan(v) ? 0.0 : v);
        set->setColor(print::seriesColor(s.role, dark));
        set->setBorderColor(print::seriesColor(s.role, dark));
        bars->append(set);
    }
    qchart->addSeries(bars);
    bars->attachAxis(x);
    bars->attachAxis(y);
}

void addHealthyBand(QChart* qchart, const print::ReportChart& chart, const print::ChartColors& colors, QAbstractAxis* x,
                    QAbstractAxis* y) {
    const double right = static_cast<double>(chart.slotLabels.size()) - 0.5;
    auto* upper = new QLineSeries(qchart);
    auto* lower = new QLineSeries(qchart);
    upper->append({QPointF(-0.5, chart.healthy->high), QPointF(right, chart.healthy->high)});
    lower->append({QPointF(-0.5, chart.healthy->low), QPointF(right, chart.healthy->low)});
    auto* band = new QAreaSeries(upper, lower);
    band->setName(QCoreApplication::translate("Report", "Healthy range"));
    band->setColor(colors.healthyBand);
    band->setBorderColor(Qt::transparent);
    qchart->addSeries(band);
    band->attachAxis(x);
    band->attachAxis(y);
}

void addLines(QChart* qchart, const print::ReportChart& chart, bool dark, QAbstractAxis* x, QAbstractAxis* y) {
    for (const print::ChartSeries& s : chart.series) {
        auto* line = new QLineSeries;
        line->setName(s.name);
        for (qsizetype slot = 0; slot < s.values.size(); ++slot) {
            if (!std::isnan(s.values[slot])) line->append(static_cast<double>(slot), s.values[slot]);
        }
        line->setPen(QPen(print::seriesColor(s.role, dark), 2.0));
        line->setPointsVisible(true);
        qchart->addSeries(line);
        line->attachAxis(x);
        line->attachAxis(y);
    }
}

}  // namespace

QChart* buildReportChart(const print::ReportChart& chart, const print::ChartColors& colors, bool dark) {
    auto* qchart = new QChart;
    qchart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    qchart->setAnimationOptions(QChart::NoAnimation);
    qchart->setBackgroundBrush(colors.background);
    qchart->setBackgroundRoundness(0);
    qchart->setMargins(QMargins(4, 4, 4, 4));
    qchart->setTitle(chart.title);
    qchart->setTitleBrush(colors.text);
    qchart->legend()->setLabelColor(colors.text);
    qchart->legend()->setVisible(chart.series.size() > 1 || chart.healthy.has_value());
    qchart->legend()->setAlignment(Qt::AlignBottom);
    QCategoryAxis* x = slotAxis(chart, colors);
    QValueAxis* y = valueAxis(chart, colors);
    qchart->addAxis(x, Qt::AlignBottom);
    qchart->addAxis(y, Qt::AlignLeft);
    if (chart.healthy) addHealthyBand(qchart, chart, colors, x, y);
    if (chart.kind == print::ChartKind::Line) {
        addLines(qchart, chart, dark, x, y);
    } else {
        addBars(qchart, chart, dark, x, y);
    }
    return qchart;
}

}  // namespace posesmart::ui
