// ReportText: the report's words, built from the store's numbers.
#include "ReportText.h"

#include <QCoreApplication>
#include <QDate>
#include <QLocale>
#include <cmath>

namespace posesmart::print {

namespace {

// Less than this on a finished day and the numbers say little.
constexpr double kPartialDaySec = 60.0 * 60.0;

QDate dateOf(const std::string& label) {
    return QDate::fromString(QString::fromStdString(label), Qt::ISODate);
}

QDate firstDate(const ReportData& data) {
    return dateOf(localDayOf(data.report.period.fromUtcSec).label);
}

// "12% more upright", "5% less often": the relative change of a positive quantity.
QString change(double current, double previous, const QString& more, const QString& less, const QString& same) {
    const double percent = std::round(100.0 * (current / previous - 1.0));
    if (std::abs(percent) < 1.0) return same;
    return (percent > 0 ? more : less).arg(std::abs(percent), 0, 'f', 0);
}

}  // namespace

QString reportDuration(double seconds) {
    const auto minutes = static_cast<long long>(std::llround(seconds / 60.0));
    if (minutes < 60) return QCoreApplication::translate("Report", "%1 min").arg(minutes);
    return QCoreApplication::translate("Report", "%1 h %2 min")
        .arg(minutes / 60)
        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

QString stateName(PostureState state) {
    switch (state) {
        case PostureState::Good:
            return QCoreApplication::translate("Report", "Good");
        case PostureState::ForwardHead:
            return QCoreApplication::translate("Report", "Forward head");
        case PostureState::Slouch:
            return QCoreApplication::translate("Report", "Slouching");
        case PostureState::TooClose:
            return QCoreApplication::translate("Report", "Too close");
        case PostureState::Tilted:
            return QCoreApplication::translate("Report", "Head tilted");
        case PostureState::Away:
            return QCoreApplication::translate("Report", "Away");
        case PostureState::Unknown:
            return QCoreApplication::translate("Report", "Not judged");
    }
    return {};
}

QString periodTitle(const ReportData& data) {
    const QDate first = firstDate(data);
    const QLocale locale;
    switch (data.span) {
        case ReportSpan::Day:
            return locale.toString(first, QLocale::LongFormat);
        case ReportSpan::Week: {
            int year = 0;
            const int week = first.weekNumber(&year);
            return QCoreApplication::translate("Report", "Week %1 of %2 (%3 to %4)")
                .arg(week)
                .arg(year)
                .arg(locale.toString(first, QLocale::ShortFormat),
                     locale.toString(first.addDays(6), QLocale::ShortFormat));
        }
        case ReportSpan::Month:
            return locale.toString(first, QStringLiteral("MMMM yyyy"));
    }
    return {};
}

QList<SummaryCard> summaryCards(const ReportData& data) {
    const PeriodReport& r = data.report;
    const bool any = r.monitoredSec > 0.0;
    const QString none = QCoreApplication::translate("Report", "no data");
    const QLocale locale;
    return {
        {QStringLiteral("monitored"), QCoreApplication::translate("Report", "Monitored"),
         reportDuration(r.monitoredSec)},
        {QStringLiteral("good_share"), QCoreApplication::translate("Report", "Good posture"),
         any ? QCoreApplication::translate("Report", "%1%").arg(std::round(100.0 * r.goodShare), 0, 'f', 0) : none},
        {QStringLiteral("alerts"), QCoreApplication::translate("Report", "Alerts"), locale.toString(r.alerts)},
        {QStringLiteral("breaks"), QCoreApplication::translate("Report", "Breaks"), locale.toString(r.breaks)},
        {QStringLiteral("blink_rate"), QCoreApplication::translate("Report", "Blink rate"),
         r.blinksPerMin > 0.0
             ? QCoreApplication::translate("Report", "%1 per min").arg(locale.toString(r.blinksPerMin, 'f', 1))
             : none},
        {QStringLiteral("distance"), QCoreApplication::translate("Report", "Screen distance"),
         r.meanDistanceCm > 0.0
             ? QCoreApplication::translate("Report", "%1 cm").arg(std::round(r.meanDistanceCm), 0, 'f', 0)
             : none},
        {QStringLiteral("longest_sitting"), QCoreApplication::translate("Report", "Longest sitting"),
         reportDuration(data.longestSittingSec)},
        {QStringLiteral("routines"), QCoreApplication::translate("Report", "Guided routines"),
         r.routines.empty() ? locale.toString(0)
                            : QCoreApplication::translate("Report", "%1 (%2 finished)")
                                  .arg(locale.toString(static_cast<qlonglong>(r.routines.size())),
                                       locale.toString(r.routinesFinished))},
    };
}

QString trendText(const ReportData& data) {
    if (!data.previous || data.report.monitoredSec <= 0.0) return {};
    const PeriodReport& now = data.report;
    const PeriodReport& before = *data.previous;
    const bool week = data.span == ReportSpan::Week;
    if (before.monitoredSec <= 0.0 || before.goodShare <= 0.0) {
        return week ? QCoreApplication::translate("Report", "Nothing was recorded the week before to compare with.")
                    : QCoreApplication::translate("Report", "Nothing was recorded the month before to compare with.");
    }
    QString text = week ? change(now.goodShare, before.goodShare,
                                 QCoreApplication::translate("Report", "%1% more upright than last week."),
                                 QCoreApplication::translate("Report", "%1% less upright than last week."),
                                 QCoreApplication::translate("Report", "As upright as last week."))
                        : change(now.goodShare, before.goodShare,
                                 QCoreApplication::translate("Report", "%1% more upright than last month."),
                                 QCoreApplication::translate("Report", "%1% less upright than last month."),
                                 QCoreApplication::translate("Report", "As upright as last month."));
    if (now.blinksPerMin > 0.0 && before.blinksPerMin > 0.0) {
        text += QLatin1Char(' ') + change(now.blinksPerMin, before.blinksPerMin,
                                          QCoreApplication::translate("Report", "Blinking %1% more often."),
                                          QCoreApplication::translate("Report", "Blinking %1% less often."),
                                          QCoreApplication::translate("Report", "Blinking as often."));
    }
    return text;
}

QString noticeText(const ReportData& data) {
    const PeriodReport& r = data.report;
    const bool running = periodRunning(data);
    const bool future = data.loadedAtUtcSec < r.period.fromUtcSec;
    switch (data.span) {
        case ReportSpan::Day:
            if (future) return QCoreApplication::translate("Report", "This day is still to come.");
            if (r.monitoredSec <= 0.0)
                return running ? QCoreApplication::translate("Report", "Nothing recorded yet today.")
                               : QCoreApplication::translate("Report", "Nothing was recorded on this day.");
            if (running) return QCoreApplication::translate("Report", "Today so far: the day is still running.");
            if (r.monitoredSec < kPartialDaySec)
                return QCoreApplication::translate("Report",
                                                   "Only %1 recorded on this day: read the numbers with care.")
                    .arg(reportDuration(r.monitoredSec));
            return {};
        case ReportSpan::Week:
        case ReportSpan::Month: {
            if (future)
                return data.span == ReportSpan::Week
                           ? QCoreApplication::translate("Report", "This week is still to come.")
                           : QCoreApplication::translate("Report", "This month is still to come.");
            if (r.monitoredSec <= 0.0)
                return data.span == ReportSpan::Week
                           ? QCoreApplication::translate("Report", "Nothing was recorded in this week.")
                           : QCoreApplication::translate("Report", "Nothing was recorded in this month.");
            const QString recorded = QCoreApplication::translate("Report", "Recorded on %1 of %2 days.")
                                         .arg(r.days.size())
                                         .arg(daysOf(r.period).size());
            if (!running) return recorded;
            return (data.span == ReportSpan::Week ? QCoreApplication::translate("Report", "This week so far.")
                                                  : QCoreApplication::translate("Report", "This month so far.")) +
                   QLatin1Char(' ') + recorded;
        }
    }
    return {};
}

}  // namespace posesmart::print
