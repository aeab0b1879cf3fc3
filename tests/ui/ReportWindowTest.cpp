// The report viewer on a known history: the values in every chart's series equal the store's
// aggregates (buildReport, minutes, events) for a day, an ISO week and a month; empty and partial
// days show a message; guided routines are marked and counted; a newer request supersedes an older
// one; the charts follow a dark palette.
#include "CatchQt.h"
#include "ReportPalette.h"
#include "ReportTestData.h"
#include "ReportText.h"
#include "ReportWindow.h"
#include "TestData.h"
#include "history/HistoryReport.h"

#include <QCategoryAxis>
#include <QLabel>
#include <QSignalSpy>
#include <QtCharts/QAbstractBarSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QChartView>
#include <QtCharts/QLineSeries>
#include <catch2/catch.hpp>
#include <cmath>
#include <ctime>

using namespace posesmart;
using namespace posesmart::ui;
using namespace Qt::StringLiterals;

namespace {

struct Fixture {
    std::filesystem::path db = test::scratchDir("report-window") / "history.db";
    std::int64_t profile = test::writeReportHistory(db);
    ReportWindow window{QString::fromStdString(db.string())};

    Fixture() {
        window.show();
        waitShown();  // today, requested by the constructor
    }

    void waitShown() {
        QSignalSpy shown(&window, &ReportWindow::reportShown);
        REQUIRE(shown.wait(10000));
    }

    void show(ReportSpan span, const QDate& date) {
        QSignalSpy shown(&window, &ReportWindow::reportShown);
        window.showPeriod(span, date);
        REQUIRE(shown.wait(10000));
        REQUIRE(window.shownData().has_value());
    }

    PeriodReport storeReport(const LocalPeriod& period) const {
        HistoryStore store(db);
        return buildReport(store, profile, period);
    }

    QChart* chart(const char* id) const {
        auto* view = window.findChild<QChartView*>(QString::fromLatin1(id));
        REQUIRE(view != nullptr);
        return view->chart();
    }

    QString card(const char* key) const {
        auto* label = window.findChild<QLabel*>(u"cardValue_"_s + QString::fromLatin1(key));
        REQUIRE(label != nullptr);
        return label->text();
    }
};

QList<QBarSet*> barSets(QChart* chart) {
    for (QAbstractSeries* series : chart->series()) {
        if (auto* bars = qobject_cast<QAbstractBarSeries*>(series)) return bars->barSets();
    }
    FAIL("no bar series");
    return {};
}

// The line of values (not the healthy band's edges, which belong to an area series).
QList<QPointF> linePoints(QChart* chart) {
    for (QAbstractSeries* series : chart->series()) {
        if (series->type() == QAbstractSeries::SeriesTypeLine) return static_cast<QLineSeries*>(series)->points();
    }
    FAIL("no line series");
    return {};
}

double sum(const QBarSet* set) {
    double total = 0.0;
    for (int i = 0; i < set->count(); ++i) total += set->at(i);
    return total;
}

int firstHourLabel(QChart* chart) {
    auto* axis = qobject_cast<QCategoryAxis*>(chart->axes(Qt::Horizontal).value(0));
    REQUIRE(axis != nullptr);
    return axis->categoriesLabels().value(0).section(u':', 0, 0).toInt();
}

}  // namespace

TEST_CASE("a day's charts hold the store's numbers for that day") {
    Fixture f;
    f.show(ReportSpan::Day, QDate(2025, 6, 12));
    const LocalPeriod day = *localDay("2025-06-12");
    const PeriodReport expected = f.storeReport(day);
    REQUIRE(expected.monitoredSec > 7 * 3600.0);  // the fixture's day is a full one

    // Timeline: one stacked set per shown state plus breaks, in minutes per 10-minute bin.
    const QList<QBarSet*> timeline = barSets(f.chart("timeline"));
    REQUIRE(timeline.size() == 7);
    const std::array<PostureState, 6> states = {PostureState::Good,   PostureState::ForwardHead,
                                                PostureState::Slouch, PostureState::TooClose,
                                                PostureState::Tilted, PostureState::Unknown};
    for (std::size_t s = 0; s < states.size(); ++s) {
        INFO(toString(states[s]));
        CHECK(timeline[static_cast<qsizetype>(s)]->label() == print::stateName(states[s]));
        CHECK(sum(timeline[static_cast<qsizetype>(s)]) * 60.0 ==
              Approx(expected.secondsByState[static_cast<std::size_t>(states[s])]).epsilon(1e-9));
    }
    CHECK(sum(timeline[6]) == Approx(65.0));  // the lunch hour and a 5-minute break
    // Bin by bin: the first bin starts at 09:00 and holds the store's first ten minutes.
    const int firstHour = firstHourLabel(f.chart("timeline"));
    CHECK(firstHour == 9);
    HistoryStore store(f.db);
    const auto minutes = store.minutes(f.profile, static_cast<std::int64_t>(day.fromUtcSec / 60.0),
                                       static_cast<std::int64_t>(day.toUtcSec / 60.0));
    const double nineUtc = *parseLocalDateTime("2025-06-12T09:00");
    std::vector<double> goodByBin(timeline[0]->count(), 0.0);
    for (const MinuteRecord& m : minutes) {
        const auto bin = static_cast<std::size_t>((static_cast<double>(m.minuteUtc) * 60.0 - nineUtc) / 600.0);
        goodByBin.at(bin) += m.secondsByState[0] / 60.0;
    }
    for (int bin = 0; bin < timeline[0]->count(); ++bin) {
        INFO("bin " << bin);
        CHECK(timeline[0]->at(bin) == Approx(goodByBin[static_cast<std::size_t>(bin)]).margin(1e-9));
    }
    CHECK(timeline[6]->at(18) == Approx(10.0));  // 12:00-12:10, inside the lunch break

    // Blink rate by hour: one point per hour with data, the store's per-hour rate.
    QChart* blinks = f.chart("blinksByHour");
    const QList<QPointF> points = linePoints(blinks);
    const int blinkFirstHour = firstHourLabel(blinks);
    int hoursWithData = 0;
    for (const double rate : expected.blinksPerMinByHour) hoursWithData += rate >= 0.0 ? 1 : 0;
    REQUIRE(points.size() == hoursWithData);
    for (const QPointF& p : points) {
        const auto hour = static_cast<std::size_t>(blinkFirstHour + std::lround(p.x()));
        INFO("hour " << hour);
        CHECK(p.y() == Approx(expected.blinksPerMinByHour[hour]).epsilon(1e-12));
    }

    // Alerts per hour: 10:15 and 10:40 (an even day) and 16:05 (a multiple of 3).
    QChart* alerts = f.chart("alertsByHour");
    const QList<QBarSet*> alertSets = barSets(alerts);
    REQUIRE(alertSets.size() == 1);
    CHECK(sum(alertSets[0]) == expected.alerts);
    CHECK(expected.alerts == 3);
    CHECK(alertSets[0]->at(10 - firstHourLabel(alerts)) == 2.0);
    CHECK(alertSets[0]->at(16 - firstHourLabel(alerts)) == 1.0);

    // Summary cards.
    CHECK(f.card("monitored") == print::reportDuration(expected.monitoredSec));
    CHECK(f.card("alerts") == QString::number(expected.alerts));
    CHECK(f.card("breaks") == QString::number(expected.breaks));
    CHECK(f.card("good_share") == QStringLiteral("%1%").arg(std::round(100.0 * expected.goodShare), 0, 'f', 0));
    CHECK(f.card("longest_sitting") == print::reportDuration(3 * 3600.0));  // 09:00-12:00
    CHECK(f.window.findChild<QLabel*>(u"reportNotice"_s)->isHidden());
}

TEST_CASE("guided routines: marked on the day's timeline, counted in the cards and per day of a week or month") {
    Fixture f;
    {
        HistoryStore store(f.db);
        // One done inside the 15:00 break (the session records a routine as a break too), one cut short.
        store.addRoutine(f.profile, {*parseLocalDateTime("2025-06-12T15:00"),
                                     *parseLocalDateTime("2025-06-12T15:01:10"), "neck-1min", 6, 6, true});
        store.addRoutine(f.profile, {*parseLocalDateTime("2025-06-12T13:30"),
                                     *parseLocalDateTime("2025-06-12T13:30:40"), "eyes-20-20-20", 4, 2, false});
    }
    f.show(ReportSpan::Day, QDate(2025, 6, 12));
    const QList<QBarSet*> timeline = barSets(f.chart("timeline"));
    REQUIRE(timeline.size() == 8);
    CHECK(timeline[7]->label() == u"Routine"_s);
    CHECK(sum(timeline[7]) == Approx((70.0 + 40.0) / 60.0));
    CHECK(sum(timeline[6]) == Approx(65.0 - 70.0 / 60.0));  // the routine's minutes of the break show once
    const int firstHour = firstHourLabel(f.chart("timeline"));
    CHECK(timeline[7]->at((15 - firstHour) * 6) == Approx(70.0 / 60.0));      // 15:00-15:10
    CHECK(timeline[7]->at((13 - firstHour) * 6 + 3) == Approx(40.0 / 60.0));  // 13:30-13:40
    CHECK(f.card("routines") == u"2 (1 finished)"_s);

    f.show(ReportSpan::Week, QDate(2025, 6, 12));
    const QList<QBarSet*> week = barSets(f.chart("routinesByDay"));
    REQUIRE(week.size() == 1);
    REQUIRE(week[0]->count() == 7);
    CHECK(week[0]->at(3) == 2.0);  // Thursday
    CHECK(sum(week[0]) == 2.0);
    CHECK(f.card("routines") == u"2 (1 finished)"_s);

    f.show(ReportSpan::Month, QDate(2025, 6, 1));
    CHECK(sum(barSets(f.chart("routinesByDay"))[0]) == 2.0);

    // A period without any: no routine chart, and the card says 0.
    f.show(ReportSpan::Week, QDate(2025, 5, 14));
    CHECK(f.window.findChild<QChartView*>(u"routinesByDay"_s) == nullptr);
    CHECK(f.card("routines") == u"0"_s);
}

TEST_CASE("week and month charts hold the store's numbers for each day") {
    Fixture f;
    const auto checkPeriod = [&](ReportSpan span, const QDate& date, const LocalPeriod& period,
                                 const LocalPeriod& previous, std::size_t dayCount) {
        f.show(span, date);
        const PeriodReport expected = f.storeReport(period);
        REQUIRE(f.window.shownData()->report.period.label == period.label);
        std::map<std::string, DaySummary> byDate;
        for (const DaySummary& d : expected.days) byDate[d.date] = d;

        const QList<QBarSet*> good = barSets(f.chart("goodShareByDay"));
        const QList<QBarSet*> alerts = barSets(f.chart("alertsByDay"));
        const QList<QBarSet*> sitting = barSets(f.chart("sittingByDay"));
        const QList<QPointF> blinks = linePoints(f.chart("blinksByDay"));
        REQUIRE(good[0]->count() == static_cast<int>(dayCount));
        REQUIRE(blinks.size() == static_cast<qsizetype>(expected.days.size()));
        int slot = 0;
        int alertTotal = 0;
        std::size_t point = 0;
        for (const LocalPeriod& d : daysOf(period)) {
            INFO(d.label);
            const auto found = byDate.find(d.label);
            const bool recorded = found != byDate.end();
            CHECK(good[0]->at(slot) == Approx(recorded ? 100.0 * found->second.goodShare : 0.0).margin(1e-9));
            CHECK(alerts[0]->at(slot) == (recorded ? found->second.alerts : 0));
            CHECK(sitting[0]->at(slot) == Approx(recorded ? found->second.monitoredSec / 3600.0 : 0.0).margin(1e-9));
            if (recorded) {
                CHECK(blinks[static_cast<qsizetype>(point)].x() == slot);
                CHECK(blinks[static_cast<qsizetype>(point)].y() == Approx(found->second.blinksPerMin).epsilon(1e-12));
                ++point;
            }
            alertTotal += recorded ? found->second.alerts : 0;
            ++slot;
        }
        CHECK(alertTotal == expected.alerts);

        // The trend against the period before, in words, from the store's good-posture shares.
        const PeriodReport before = f.storeReport(previous);
        const double change = std::round(100.0 * (expected.goodShare / before.goodShare - 1.0));
        CHECK(change <= -1.0);  // the fixture's posture worsens from day to day
        const QString trend = f.window.findChild<QLabel*>(u"reportTrend"_s)->text();
        INFO(trend.toStdString());
        CHECK(trend.startsWith(QStringLiteral("%1% %2 upright than last ")
                                   .arg(std::abs(change), 0, 'f', 0)
                                   .arg(change > 0 ? u"more"_s : u"less"_s)));
        CHECK(f.card("alerts") == QString::number(expected.alerts));
    };
    SECTION("ISO week 24 of 2025 against week 23") {
        checkPeriod(ReportSpan::Week, QDate(2025, 6, 11), *localWeek("2025-W24"), *localWeek("2025-W23"), 7);
    }
    SECTION("June 2025 against May") {
        checkPeriod(ReportSpan::Month, QDate(2025, 6, 11), *localMonth("2025-06"), *localMonth("2025-05"), 30);
        CHECK(f.window.findChild<QLabel*>(u"reportNotice"_s)->text() == u"Recorded on 25 of 30 days."_s);
    }
}

TEST_CASE("empty and partial days say so instead of showing empty axes") {
    Fixture f;
    f.show(ReportSpan::Day, QDate(2025, 6, 15));  // a Sunday: nothing recorded
    CHECK(f.window.findChildren<QChartView*>().isEmpty());
    CHECK(f.window.findChild<QLabel*>(u"noChartsMessage"_s) != nullptr);
    CHECK(f.window.findChild<QLabel*>(u"reportNotice"_s)->text() == u"Nothing was recorded on this day."_s);

    f.show(ReportSpan::Day, QDate(2025, 6, 14));  // 10:00 to 10:25
    const double monitored = f.storeReport(*localDay("2025-06-14")).monitoredSec;
    CHECK(monitored == Approx(25 * 60 - 2 * 20));
    CHECK(f.window.findChild<QLabel*>(u"reportNotice"_s)->text() ==
          u"Only 24 min recorded on this day: read the numbers with care."_s);
    QChart* timeline = f.chart("timeline");
    CHECK(barSets(timeline)[0]->count() == 6);  // the one hour with data, not the whole day

    {
        HistoryStore store(f.db);  // one minute recorded today, as by the running app
        MinuteRecord now;
        now.minuteUtc = static_cast<std::int64_t>(std::time(nullptr) / 60);
        now.presentSec = 60.0;
        now.secondsByState[0] = 60.0;
        store.write(f.profile, {now}, {});
    }
    f.show(ReportSpan::Day, QDate::currentDate());
    CHECK(f.window.findChild<QLabel*>(u"reportNotice"_s)->text() == u"Today so far: the day is still running."_s);
    CHECK(f.card("monitored") == u"1 min"_s);

    f.show(ReportSpan::Month, QDate(2031, 1, 1));  // still to come
    CHECK(f.window.findChild<QLabel*>(u"reportNotice"_s)->text() == u"This month is still to come."_s);
    CHECK(f.window.findChildren<QChartView*>().isEmpty());
}

TEST_CASE("a newer request supersedes an older one") {
    Fixture f;
    QSignalSpy shown(&f.window, &ReportWindow::reportShown);
    f.window.showPeriod(ReportSpan::Month, QDate(2025, 5, 2));
    f.window.showDay(QDate(2025, 6, 11));
    REQUIRE(shown.wait(10000));
    CHECK(f.window.shownData()->report.period.label == "2025-06-11");
    CHECK(f.window.span() == ReportSpan::Day);
    CHECK_FALSE(shown.wait(500));  // the month never arrives
    CHECK(shown.size() == 1);
}

TEST_CASE("the charts follow a dark palette") {
    Fixture f;
    f.show(ReportSpan::Day, QDate(2025, 6, 11));
    CHECK(f.chart("timeline")->backgroundBrush().color().lightness() > 128);
    QPalette dark = f.window.palette();
    dark.setColor(QPalette::Window, QColor(0x30, 0x30, 0x30));
    dark.setColor(QPalette::Base, QColor(0x20, 0x20, 0x20));
    dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    f.window.setPalette(dark);
    QChart* chart = f.chart("timeline");
    CHECK(chart->backgroundBrush().color() == QColor(0x20, 0x20, 0x20));
    CHECK(chart->titleBrush().color() == QColor(0xee, 0xee, 0xee));
    CHECK(barSets(chart)[0]->color() == print::seriesColor(print::SeriesRole::Good, true));
}

TEST_CASE("the calendar's date picks its ISO week and month") {
    CHECK(periodContaining(ReportSpan::Week, 2027, 1, 1)->label == "2026-W53");  // a Friday
    CHECK(periodContaining(ReportSpan::Week, 2024, 12, 30)->label == "2025-W01");
    CHECK(periodContaining(ReportSpan::Week, 2025, 6, 15)->fromUtcSec == localDay("2025-06-09")->fromUtcSec);
    CHECK(periodContaining(ReportSpan::Month, 2025, 2, 28)->toUtcSec == localDay("2025-03-01")->fromUtcSec);
    CHECK(daysOf(*localMonth("2024-02")).size() == 29);
    CHECK_FALSE(periodContaining(ReportSpan::Day, 2025, 2, 29).has_value());
}
