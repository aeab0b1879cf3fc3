// ReportCommand: a period of the history as text or JSON, and as CSV or a one-page PDF with charts.
#include "ReportCommand.h"

#include "OffscreenGui.h"
#include "ReportData.h"
#include "ReportPdf.h"
#include "common/Error.h"
#include "history/HistoryReport.h"
#include "history/ProfileChoice.h"
#include "history/ReportCsv.h"

#include <chrono>
#include <cmath>
#include <cstdint>
#include <ctime>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>

namespace posesmart::cli {

namespace {

double rounded(double value, double step) {
    return std::round(value / step) * step;
}

nlohmann::json toJson(const PeriodReport& r) {
    nlohmann::json byState = nlohmann::json::object();
    nlohmann::json shares = nlohmann::json::object();
    for (int s = 0; s < kPostureStateCount; ++s) {
        const std::string name(toString(static_cast<PostureState>(s)));
        const double seconds = r.secondsByState[static_cast<std::size_t>(s)];
        byState[name] = rounded(seconds, 0.1);
        double total = 0.0;
        for (const double x : r.secondsByState) total += x;
        shares[name] = total > 0.0 ? rounded(seconds / total, 1e-4) : 0.0;
    }
    nlohmann::json hours = nlohmann::json::object();
    for (std::size_t h = 0; h < 24; ++h) {
        if (r.blinksPerMinByHour[h] >= 0.0) hours[std::to_string(h)] = rounded(r.blinksPerMinByHour[h], 0.01);
    }
    // Only the kinds that were raised, as the report used to list them.
    nlohmann::json alertsByKind = nlohmann::json::object();
    for (int k = 0; k < kAlertKindCount; ++k) {
        const int count = r.alertsByKind[static_cast<std::size_t>(k)];
        if (count > 0) alertsByKind[std::string(toString(static_cast<AlertKind>(k)))] = count;
    }
    nlohmann::json days = nlohmann::json::array();
    for (const DaySummary& d : r.days) {
        days.push_back({{"date", d.date},
                        {"monitored_s", rounded(d.monitoredSec, 0.1)},
                        {"good_share", rounded(d.goodShare, 1e-4)},
                        {"alerts", d.alerts},
                        {"blinks_per_min", rounded(d.blinksPerMin, 0.01)},
                        {"routines", d.routines},
                        {"routines_finished", d.routinesFinished}});
    }
    nlohmann::json routines = nlohmann::json::array();
    for (const RoutineRecord& g : r.routines) {
        routines.push_back({{"routine", g.routineId},
                            {"day", localDayOf(g.startUtcSec).label},
                            {"start_minute", localMinuteOfDay(g.startUtcSec)},
                            {"duration_s", rounded(g.endUtcSec - g.startUtcSec, 0.1)},
                            {"steps", g.steps},
                            {"steps_done", g.stepsDone},
                            {"completed", g.completed}});
    }
    return {{"period", r.period.label},
            {"monitored_s", rounded(r.monitoredSec, 0.1)},
            {"seconds_by_state", byState},
            {"share_by_state", shares},
            {"good_share", rounded(r.goodShare, 1e-4)},
            {"longest_good_s", rounded(r.longestGoodSec, 0.1)},
            {"alerts", r.alerts},
            {"alerts_by_kind", alertsByKind},
            {"breaks", r.breaks},
            {"blinks", r.blinks},
            {"incomplete_blinks", r.incompleteBlinks},
            {"blinks_per_min", rounded(r.blinksPerMin, 0.01)},
            {"blinks_per_min_by_hour", hours},
            {"mean_distance_cm", rounded(r.meanDistanceCm, 0.1)},
            {"routines", routines},
            {"routines_finished", r.routinesFinished},
            {"routine_steps_done", r.routineStepsDone},
            {"days", days}};
}

std::string hoursAndMinutes(double seconds) {
    const auto minutes = static_cast<long>(std::lround(seconds / 60.0));
    std::ostringstream out;
    out << minutes / 60 << " h " << std::setw(2) << std::setfill('0') << minutes % 60 << " min";
    return out.str();
}

void printText(const PeriodReport& r) {
    std::cout << "PoseSmart report for " << r.period.label << "\n";
    if (r.monitoredSec <= 0.0) {
        std::cout << "  No monitored time in this period.\n";
        return;
    }
    std::cout << "  monitored          " << hoursAndMinutes(r.monitoredSec) << "\n";
    double total = 0.0;
    for (const double x : r.secondsByState) total += x;
    for (int s = 0; s < kPostureStateCount; ++s) {
        const double seconds = r.secondsByState[static_cast<std::size_t>(s)];
        if (seconds <= 0.0) continue;
        std::cout << "  " << std::left << std::setw(19) << toString(static_cast<PostureState>(s)) << std::right
                  << hoursAndMinutes(seconds) << "  (" << std::fixed << std::setprecision(0) << 100.0 * seconds / total
                  << "%)\n";
    }
    std::cout << "  good posture share " << std::fixed << std::setprecision(0) << 100.0 * r.goodShare << "%\n";
    std::cout << "  longest good       " << hoursAndMinutes(r.longestGoodSec) << "\n";
    std::cout << "  alerts             " << r.alerts;
    for (int k = 0; k < kAlertKindCount; ++k) {
        const int count = r.alertsByKind[static_cast<std::size_t>(k)];
        if (count > 0) std::cout << "  " << toString(static_cast<AlertKind>(k)) << " " << count;
    }
    std::cout << "\n  breaks             " << r.breaks << "\n";
    std::cout << "  blinks per minute  " << std::setprecision(1) << r.blinksPerMin << "  (" << r.blinks << " blinks, "
              << r.incompleteBlinks << " incomplete)\n";
    std::cout << "  by hour           ";
    for (std::size_t h = 0; h < 24; ++h) {
        if (r.blinksPerMinByHour[h] >= 0.0) std::cout << " " << h << "h " << r.blinksPerMinByHour[h];
    }
    std::cout << "\n  mean distance      " << std::setprecision(0) << r.meanDistanceCm << " cm\n";
    std::cout << "  guided routines    " << r.routines.size() << "  (" << r.routinesFinished << " finished, "
              << r.routineStepsDone << " steps done)\n";
    for (const RoutineRecord& g : r.routines) {
        const int minute = localMinuteOfDay(g.startUtcSec);
        std::cout << "    " << localDayOf(g.startUtcSec).label << " " << std::setw(2) << std::setfill('0')
                  << minute / 60 << ':' << std::setw(2) << minute % 60 << std::setfill(' ') << "  " << g.routineId
                  << "  " << g.stepsDone << " of " << g.steps << " steps" << (g.completed ? ", finished" : "") << "\n";
    }
    if (r.days.size() > 1) {
        std::cout << "  day         monitored     good  alerts  blinks/min\n";
        for (const DaySummary& d : r.days) {
            std::cout << "  " << d.date << "  " << hoursAndMinutes(d.monitoredSec) << "  " << std::setw(5)
                      << std::setprecision(0) << 100.0 * d.goodShare << "%  " << std::setw(6) << d.alerts << "  "
                      << std::setw(10) << std::setprecision(1) << d.blinksPerMin << "\n";
        }
    }
}

}  // namespace

ReportCommand::ReportCommand(CLI::App& parent)
    : m_command(parent.add_subcommand("report", "Summarise a day, an ISO week or a month from the history database")) {
    m_command->add_option("--db", m_dbPath, "history database (written by analyze --db or the app)")->required();
    auto* day = m_command->add_option("--day", m_day, "local day YYYY-MM-DD (default: today)");
    auto* week = m_command->add_option("--week", m_week, "ISO week YYYY-Www")->excludes(day);
    m_command->add_option("--month", m_month, "month YYYY-MM")->excludes(day)->excludes(week);
    m_command->add_option("--user", m_user, "profile (default: the only one in the database)");
    m_command->add_flag("--json", m_json, "print JSON instead of text");
    m_command->add_flag("--time", m_time, "also print how long opening the database and building the report took");
    m_command->add_option("--csv", m_csvPath, "also write the period as CSV to this file");
    m_command->add_option("--csv-rows", m_csvRows, "CSV rows: one per minute (default) or one per day")
        ->check(CLI::IsMember({"minute", "day"}));
    m_command->add_option("--pdf", m_pdfPath, "also write the one-page PDF report (with charts) to this file");
}

int ReportCommand::run() const {
    if (!std::filesystem::exists(m_dbPath))
        throw Error(ErrorKind::BadInput, "no history database at '" + m_dbPath + "'");
    std::optional<LocalPeriod> period;
    if (!m_week.empty()) {
        period = localWeek(m_week);
    } else if (!m_month.empty()) {
        period = localMonth(m_month);
    } else if (!m_day.empty()) {
        period = localDay(m_day);
    } else {
        period = localDayOf(static_cast<double>(std::time(nullptr)));
    }
    if (!period) throw Error(ErrorKind::BadArgument, "the period is not a valid YYYY-MM-DD, YYYY-Www or YYYY-MM");
    const auto openStart = std::chrono::steady_clock::now();
    // A report only reads: no scan of every page (the app, which records, checks and moves a damaged file aside).
    HistoryStore store(m_dbPath, HistoryStore::kBusyTimeoutMs, HistoryStore::OpenCheck::Trust);
    const auto openEnd = std::chrono::steady_clock::now();
    if (store.openReport().recreated) std::cerr << "posesmart-cli: " << store.openReport().message << "\n";
    const std::int64_t profile = store.profileId(
        chooseProfile(store.profileNames(), m_user.empty() ? std::nullopt : std::optional(m_user), m_dbPath));
    const PeriodReport report = buildReport(store, profile, *period);
    if (m_time) {
        const auto ms = [](auto from, auto to) { return std::chrono::duration<double, std::milli>(to - from).count(); };
        std::cerr << "open " << ms(openStart, openEnd) << " ms, report "
                  << ms(openEnd, std::chrono::steady_clock::now()) << " ms\n";
    }
    if (m_json) {
        std::cout << toJson(report).dump(2) << "\n";
    } else {
        printText(report);
    }
    if (!m_csvPath.empty() || !m_pdfPath.empty()) {
        const ReportSpan span = !m_week.empty()    ? ReportSpan::Week
                                : !m_month.empty() ? ReportSpan::Month
                                                   : ReportSpan::Day;
        const ReportData data = loadReportData(store, profile, span, *period, static_cast<double>(std::time(nullptr)));
        if (!m_csvPath.empty()) {
            saveReportCsv(m_csvPath, m_csvRows == "day" ? CsvRows::PerDay : CsvRows::PerMinute, data.report,
                          data.minutes);
            std::cerr << "wrote " << m_csvPath << "\n";
        }
        if (!m_pdfPath.empty()) {
            const print::OffscreenGui gui;
            print::writeReportPdf(m_pdfPath, data);
            std::cerr << "wrote " << m_pdfPath << "\n";
        }
    }
    return 0;
}

}  // namespace posesmart::cli
