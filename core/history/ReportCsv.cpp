// ReportCsv: the history as CSV rows, per minute or per day.
#include "history/ReportCsv.h"

#include "common/Error.h"
#include "common/PrivateFile.h"

#include <ctime>
#include <fstream>
#include <iomanip>

namespace posesmart {

namespace {

std::string localMinuteText(std::int64_t minuteUtc) {
    const auto t = static_cast<std::time_t>(minuteUtc * 60);
    std::tm tm{};
    localtime_r(&t, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M", &tm);
    return text;
}

}  // namespace

void writeMinuteCsv(std::ostream& out, const std::vector<MinuteRecord>& minutes) {
    out << "local_time,present_s";
    for (int s = 0; s < kPostureStateCount; ++s) out << ',' << toString(static_cast<PostureState>(s)) << "_s";
    out << ",blinks,incomplete_blinks,closures,eyes_s,mean_distance_cm,alerts\r\n";
    out << std::fixed;
    for (const MinuteRecord& m : minutes) {
        out << localMinuteText(m.minuteUtc) << ',' << std::setprecision(1) << m.presentSec;
        for (const double seconds : m.secondsByState) out << ',' << seconds;
        out << ',' << m.blinks << ',' << m.incompleteBlinks << ',' << m.closures << ',' << m.eyesSec << ','
            << m.meanDistanceCm() << ',' << m.alerts << "\r\n";
    }
}

void writeDayCsv(std::ostream& out, const PeriodReport& report) {
    out << "date,monitored_s,good_share,alerts,blinks_per_min,routines,routines_finished,routine_steps_done\r\n";
    out << std::fixed;
    for (const DaySummary& d : report.days) {
        out << d.date << ',' << std::setprecision(1) << d.monitoredSec << ',' << std::setprecision(4) << d.goodShare
            << ',' << d.alerts << ',' << std::setprecision(2) << d.blinksPerMin << ',' << d.routines << ','
            << d.routinesFinished << ',' << d.routineStepsDone << "\r\n";
    }
}

void saveReportCsv(const std::filesystem::path& file, CsvRows rows, const PeriodReport& report,
                   const std::vector<MinuteRecord>& minutes) {
    createPrivateFile(file);  // a person's days: readable by them only, whatever the umask
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    if (!out) throw Error(ErrorKind::Io, "cannot write the CSV file '" + file.string() + "'");
    if (rows == CsvRows::PerMinute) {
        writeMinuteCsv(out, minutes);
    } else {
        writeDayCsv(out, report);
    }
    out.close();
    if (!out) throw Error(ErrorKind::Io, "cannot finish the CSV file '" + file.string() + "' (disk full?)");
}

}  // namespace posesmart
