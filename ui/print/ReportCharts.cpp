// ReportCharts: the chart data of a day (posture timeline in 10-minute bins with breaks and guided
// routines, blink rate and alerts by hour) and of a week or month (good posture, blink rate, alerts,
// sitting and, when any were done, routines per day).
#include "ReportCharts.h"

#include "ReportText.h"

#include <QCoreApplication>
#include <QDate>
#include <QLocale>
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace posesmart::print {

namespace {

constexpr double kBinSec = 600.0;
constexpr int kBinsPerHour = 6;
constexpr double kNoValue = std::numeric_limits<double>::quiet_NaN();

constexpr std::array<std::pair<PostureState, SeriesRole>, 6> kTimelineStates = {
    std::pair{PostureState::Good, SeriesRole::Good}, {PostureState::ForwardHead, SeriesRole::ForwardHead},
    {PostureState::Slouch, SeriesRole::Slouch},      {PostureState::TooClose, SeriesRole::TooClose},
    {PostureState::Tilted, SeriesRole::Tilted},      {PostureState::Unknown, SeriesRole::Unknown}};

ReportChart makeChart(const char* id, QString title, QString unit, ChartKind kind, QStringList slotLabels) {
    ReportChart chart;
    chart.id = QString::fromLatin1(id);
    chart.title = std::move(title);
    chart.unit = std::move(unit);
    chart.kind = kind;
    chart.slotLabels = std::move(slotLabels);
    return chart;
}

QString hourMinute(double utcSec) {
    const int minute = localMinuteOfDay(utcSec);
    return QStringLiteral("%1:%2").arg(minute / 60, 2, 10, QLatin1Char('0')).arg(minute % 60, 2, 10, QLatin1Char('0'));
}

// The part of the day with anything in it, in whole hours: [first, last) as 10-minute bins
// counted from the local midnight.
std::pair<int, int> activeBins(const ReportData& data) {
    const double from = data.report.period.fromUtcSec;
    const double to = data.report.period.toUtcSec;
    double first = to;
    double last = from;
    const auto include = [&](double begin, double end) {
        first = std::min(first, std::max(begin, from));
        last = std::max(last, std::min(end, to));
    };
    for (const MinuteRecord& m : data.minutes) {
        if (m.presentSec > 0.0)
            include(static_cast<double>(m.minuteUtc) * 60.0, static_cast<double>(m.minuteUtc + 1) * 60.0);
    }
    for (const HistoryEvent& e : data.events) {
        if (e.kind == EventKind::Alert || e.kind == EventKind::Break)
            include(e.utcSec, e.utcSec + std::max(e.durationSec, 1.0));
    }
    for (const RoutineRecord& r : data.report.routines)
        include(r.startUtcSec, std::max(r.endUtcSec, r.startUtcSec + 1.0));
    const int firstBin = static_cast<int>(std::floor((first - from) / kBinSec)) / kBinsPerHour * kBinsPerHour;
    const int lastBin =
        (static_cast<int>(std::ceil((last - from) / kBinSec)) + kBinsPerHour - 1) / kBinsPerHour * kBinsPerHour;
    return {firstBin, std::max(lastBin, firstBin + kBinsPerHour)};
}

ReportChart timelineChart(const ReportData& data, int firstBin, int lastBin) {
    const double from = data.report.period.fromUtcSec;
    const auto binCount = static_cast<qsizetype>(lastBin - firstBin);
    QStringList labels;
    for (int b = firstBin; b < lastBin; ++b) labels.append(hourMinute(from + b * kBinSec));
    ReportChart chart =
        makeChart("timeline", QCoreApplication::translate("Report", "Posture through the day"),
                  QCoreApplication::translate("Report", "minutes per 10 min"), ChartKind::StackedBars, labels);
    chart.labelEvery = kBinsPerHour;
    chart.labelsAtSlotStart = true;
    chart.maximum = 10.0;
    for (const auto& [state, role] : kTimelineStates)
        chart.series.append({stateName(state), role, QList<double>(binCount, 0.0)});
    ChartSeries breaks{QCoreApplication::translate("Report", "Break"), SeriesRole::Break, QList<double>(binCount, 0.0)};
    ChartSeries routines{QCoreApplication::translate("Report", "Routine"), SeriesRole::Routine,
                         QList<double>(binCount, 0.0)};
    // Minutes of [begin, end) in each slot.
    const auto spread = [&](ChartSeries& series, double begin, double end, double sign) {
        for (qsizetype slot = 0; slot < binCount; ++slot) {
            const double binStart = from + static_cast<double>(firstBin + slot) * kBinSec;
            const double overlap = std::min(end, binStart + kBinSec) - std::max(begin, binStart);
            if (overlap > 0.0) series.values[slot] = std::max(0.0, series.values[slot] + sign * overlap / 60.0);
        }
    };
    for (const MinuteRecord& m : data.minutes) {
        const auto slot =
            static_cast<qsizetype>(std::floor((static_cast<double>(m.minuteUtc) * 60.0 - from) / kBinSec)) - firstBin;
        if (slot < 0 || slot >= binCount) continue;
        for (qsizetype s = 0; s < static_cast<qsizetype>(kTimelineStates.size()); ++s)
            chart.series[s].values[slot] +=
                m.secondsByState[static_cast<std::size_t>(kTimelineStates[static_cast<std::size_t>(s)].first)] / 60.0;
    }
    for (const HistoryEvent& e : data.events) {
        if (e.kind == EventKind::Break) spread(breaks, e.utcSec, e.utcSec + e.durationSec, 1.0);
    }
    chart.series.append(breaks);
    // A routine is also recorded as a break: its minutes show as the routine, not twice.
    for (const RoutineRecord& r : data.report.routines) {
        spread(chart.series.last(), r.startUtcSec, r.endUtcSec, -1.0);
        spread(routines, r.startUtcSec, r.endUtcSec, 1.0);
    }
    if (!data.report.routines.empty()) chart.series.append(routines);
    return chart;
}

QStringList hourLabels(int firstHour, int lastHour) {
    QStringList labels;
    for (int h = firstHour; h <= lastHour; ++h) labels.append(QStringLiteral("%1:00").arg(h, 2, 10, QLatin1Char('0')));
    return labels;
}

QList<ReportChart> dayCharts(const ReportData& data) {
    const auto [firstBin, lastBin] = activeBins(data);
    const double from = data.report.period.fromUtcSec;
    const int firstHour = localHour(from + firstBin * kBinSec);
    const int lastHour = std::max(firstHour, localHour(from + lastBin * kBinSec - 1.0));
    const auto hours = static_cast<qsizetype>(lastHour - firstHour + 1);

    ReportChart blinks = makeChart("blinksByHour", QCoreApplication::translate("Report", "Blink rate through the day"),
                                   QCoreApplication::translate("Report", "blinks per minute"), ChartKind::Line,
                                   hourLabels(firstHour, lastHour));
    blinks.healthy = kHealthyBlinksPerMin;
    ChartSeries rate{QCoreApplication::translate("Report", "Blink rate"), SeriesRole::Blinks, {}};
    for (int h = firstHour; h <= lastHour; ++h) {
        const double value = data.report.blinksPerMinByHour[static_cast<std::size_t>(h)];
        rate.values.append(value >= 0.0 ? value : kNoValue);
    }
    blinks.series.append(rate);

    ReportChart alerts =
        makeChart("alertsByHour", QCoreApplication::translate("Report", "Alerts per hour"),
                  QCoreApplication::translate("Report", "alerts"), ChartKind::Bars, hourLabels(firstHour, lastHour));
    ChartSeries perHour{QCoreApplication::translate("Report", "Alerts"), SeriesRole::Alerts, QList<double>(hours, 0.0)};
    for (const HistoryEvent& e : data.events) {
        if (e.kind != EventKind::Alert) continue;
        const auto slot = static_cast<qsizetype>(localHour(e.utcSec) - firstHour);
        if (slot >= 0 && slot < hours) perHour.values[slot] += 1.0;
    }
    alerts.series.append(perHour);
    return {timelineChart(data, firstBin, lastBin), blinks, alerts};
}

QList<ReportChart> periodCharts(const ReportData& data) {
    std::map<std::string, const DaySummary*> byDate;
    for (const DaySummary& d : data.report.days) byDate[d.date] = &d;
    const QLocale locale;
    QStringList labels;
    ChartSeries good{QCoreApplication::translate("Report", "Good posture"), SeriesRole::Good, {}};
    ChartSeries blinks{QCoreApplication::translate("Report", "Blink rate"), SeriesRole::Blinks, {}};
    ChartSeries alerts{QCoreApplication::translate("Report", "Alerts"), SeriesRole::Alerts, {}};
    ChartSeries sitting{QCoreApplication::translate("Report", "Sitting"), SeriesRole::Sitting, {}};
    ChartSeries routines{QCoreApplication::translate("Report", "Routines"), SeriesRole::Routine, {}};
    for (const LocalPeriod& day : daysOf(data.report.period)) {
        const QDate date = QDate::fromString(QString::fromStdString(day.label), Qt::ISODate);
        labels.append(data.span == ReportSpan::Week ? locale.toString(date, QStringLiteral("ddd d"))
                                                    : QString::number(date.day()));
        const auto found = byDate.find(day.label);
        const DaySummary* summary = found == byDate.end() ? nullptr : found->second;
        good.values.append(summary ? 100.0 * summary->goodShare : 0.0);
        blinks.values.append(summary && summary->blinksPerMin > 0.0 ? summary->blinksPerMin : kNoValue);
        alerts.values.append(summary ? summary->alerts : 0.0);
        sitting.values.append(summary ? summary->monitoredSec / 3600.0 : 0.0);
        routines.values.append(summary ? summary->routines : 0.0);
    }
    QList<ReportChart> charts = {
        makeChart("goodShareByDay", QCoreApplication::translate("Report", "Good posture per day"), QStringLiteral("%"),
                  ChartKind::Bars, labels),
        makeChart("blinksByDay", QCoreApplication::translate("Report", "Blink rate per day"),
                  QCoreApplication::translate("Report", "blinks per minute"), ChartKind::Line, labels),
        makeChart("alertsByDay", QCoreApplication::translate("Report", "Alerts per day"),
                  QCoreApplication::translate("Report", "alerts"), ChartKind::Bars, labels),
        makeChart("sittingByDay", QCoreApplication::translate("Report", "Sitting time per day"),
                  QCoreApplication::translate("Report", "hours"), ChartKind::Bars, labels),
    };
    charts[0].series = {good};
    charts[0].maximum = 100.0;
    charts[1].series = {blinks};
    charts[1].healthy = kHealthyBlinksPerMin;
    charts[2].series = {alerts};
    charts[3].series = {sitting};
    if (!data.report.routines.empty()) {
        charts.append(makeChart("routinesByDay", QCoreApplication::translate("Report", "Guided routines per day"),
                                QCoreApplication::translate("Report", "routines"), ChartKind::Bars, labels));
        charts.last().series = {routines};
    }
    // A month's day numbers get room to be read: every other one.
    for (ReportChart& chart : charts) chart.labelEvery = data.span == ReportSpan::Month ? 2 : 1;
    return charts;
}

}  // namespace

double valueAxisTop(const ReportChart& chart) {
    if (chart.maximum) return *chart.maximum;
    double top = chart.healthy ? chart.healthy->high : 0.0;
    bool counts = true;
    for (qsizetype slot = 0; slot < chart.slotLabels.size(); ++slot) {
        double stacked = 0.0;
        for (const ChartSeries& s : chart.series) {
            const double v = s.values.value(slot);
            if (std::isnan(v)) continue;
            counts = counts && v == std::floor(v);
            stacked = chart.kind == ChartKind::StackedBars ? stacked + v : std::max(stacked, v);
        }
        top = std::max(top, stacked);
    }
    const double wanted = std::max(top, counts ? 1.0 : 1e-6) / kValueAxisSteps;
    const double power = std::pow(10.0, std::floor(std::log10(wanted)));
    double step = 10.0 * power;
    for (const double factor : {5.0, 2.5, 2.0, 1.0}) {
        if (factor * power >= wanted - 1e-9 && (!counts || factor * power == std::floor(factor * power)))
            step = factor * power;
    }
    return step * kValueAxisSteps;
}

QList<ReportChart> reportCharts(const ReportData& data) {
    if (data.report.monitoredSec <= 0.0) return {};
    return data.span == ReportSpan::Day ? dayCharts(data) : periodCharts(data);
}

}  // namespace posesmart::print
