// The report's exports from the viewer and from posesmart-cli: the one-page PDF rendered to PNG
// with pdftoppm (an A4 page, not blank, with the charts' colours and the period's words), and the
// CSV files (a row per minute or per day, equal to the store's). Exits with 77 (skipped) when
// poppler-utils is missing.
#include "CliRun.h"
#include "ReportPalette.h"
#include "ReportTestData.h"
#include "ReportWindow.h"
#include "TestData.h"
#include "history/HistoryReport.h"
#include "history/ReportCsv.h"

#include <QImage>
#include <QSignalSpy>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <sstream>

using namespace posesmart;
using namespace posesmart::ui;

namespace {

std::string readFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void requirePoppler() {
    if (test::runCommand("command -v pdftoppm && command -v pdftotext && command -v pdfinfo").exitCode != 0) {
        WARN("poppler-utils (pdftoppm) is not installed: skipped");
        std::exit(77);
    }
}

bool near(QColor a, QColor b) {
    return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) + std::abs(a.blue() - b.blue()) < 40;
}

// Renders the PDF at 50 dpi and checks the page: one A4 page, ink on it, the charts' colours, the words.
void checkPdf(const std::filesystem::path& pdf, const std::string& title, const std::string& chartTitle) {
    REQUIRE(std::filesystem::exists(pdf));
    CHECK(readFile(pdf).rfind("%PDF-", 0) == 0);
    const auto info = test::runCommand("pdfinfo " + test::quoted(pdf));
    REQUIRE(info.exitCode == 0);
    const auto pages = info.output.find("Pages:");
    REQUIRE(pages != std::string::npos);
    CHECK(std::stoi(info.output.substr(pages + 6)) == 1);
    const auto png = pdf.parent_path() / (pdf.stem().string() + "-page");
    REQUIRE(
        test::runCommand("pdftoppm -r 50 -png -singlefile " + test::quoted(pdf) + " " + test::quoted(png)).exitCode ==
        0);
    const QImage page(QString::fromStdString(png.string() + ".png"));
    REQUIRE_FALSE(page.isNull());
    CHECK(std::abs(page.width() - 413) <= 1);   // 210 mm at 50 dpi
    CHECK(std::abs(page.height() - 585) <= 1);  // 297 mm
    int ink = 0;
    int good = 0;
    int alerts = 0;
    for (int y = 0; y < page.height(); ++y) {
        for (int x = 0; x < page.width(); ++x) {
            const QColor c = page.pixelColor(x, y);
            ink += c.lightness() < 200 ? 1 : 0;
            good += near(c, print::seriesColor(print::SeriesRole::Good, false)) ? 1 : 0;
            alerts += near(c, print::seriesColor(print::SeriesRole::Alerts, false)) ? 1 : 0;
        }
    }
    const int pixels = page.width() * page.height();
    INFO("ink " << ink << " good " << good << " alerts " << alerts << " of " << pixels);
    CHECK(ink > pixels / 50);
    CHECK(good > 500);
    CHECK(alerts > 100);
    const auto text = test::runCommand("pdftotext " + test::quoted(pdf) + " -");
    CHECK(text.output.find(title) != std::string::npos);
    CHECK(text.output.find(chartTitle) != std::string::npos);
}

struct Exported {
    std::filesystem::path dir = test::scratchDir("report-export");
    std::filesystem::path db = dir / "history.db";
    std::int64_t profile = test::writeReportHistory(db);
    ReportWindow window{QString::fromStdString(db.string())};

    void show(ReportSpan span, const QDate& date) {
        QSignalSpy shown(&window, &ReportWindow::reportShown);
        window.showPeriod(span, date);
        REQUIRE(shown.wait(10000));
    }
    void waitExport(const std::function<void()>& start) {
        QSignalSpy finished(&window, &ReportWindow::exportFinished);
        start();
        REQUIRE(finished.wait(10000));
        CHECK(finished.at(0).at(1).toString().isEmpty());
    }
};

}  // namespace

TEST_CASE("the viewer's PDF of a month and of a day is one full A4 page") {
    requirePoppler();
    Exported e;
    e.show(ReportSpan::Month, QDate(2025, 6, 3));
    const auto month = e.dir / "month.pdf";
    e.waitExport([&] { e.window.exportPdf(QString::fromStdString(month.string())); });
    checkPdf(month, "June 2025", "Good posture per day");

    e.show(ReportSpan::Day, QDate(2025, 6, 11));
    const auto day = e.dir / "day.pdf";
    e.waitExport([&] { e.window.exportPdf(QString::fromStdString(day.string())); });
    checkPdf(day, "2025", "Posture through the day");
}

TEST_CASE("a month's PDF counts the guided routines") {
    requirePoppler();
    Exported e;
    {
        HistoryStore store(e.db);
        store.addRoutine(e.profile, {*parseLocalDateTime("2025-06-12T15:00"),
                                     *parseLocalDateTime("2025-06-12T15:01:10"), "neck-1min", 6, 6, true});
    }
    e.show(ReportSpan::Month, QDate(2025, 6, 3));
    const auto month = e.dir / "month-routines.pdf";
    e.waitExport([&] { e.window.exportPdf(QString::fromStdString(month.string())); });
    checkPdf(month, "June 2025", "Guided routines per day");
    const auto text = test::runCommand("pdftotext " + test::quoted(month) + " -");
    INFO(text.output);
    CHECK(text.output.find("Guided routines") != std::string::npos);
    CHECK(text.output.find("1 (1 ") != std::string::npos);  // "finished" may come out with an "fi" ligature
}

TEST_CASE("posesmart-cli report --pdf writes the same page") {
    requirePoppler();
    const auto dir = test::scratchDir("report-cli-pdf");
    const auto db = dir / "history.db";
    test::writeReportHistory(db);
    const auto pdf = dir / "week.pdf";
    const auto run = test::runCli("report --db " + test::quoted(db) + " --week 2025-W24 --pdf " + test::quoted(pdf));
    INFO(run.output);
    REQUIRE(run.exitCode == 0);
    checkPdf(pdf, "Week 24 of 2025", "Alerts per day");
}

TEST_CASE("the viewer's CSV holds the store's minutes or days") {
    Exported e;
    e.show(ReportSpan::Day, QDate(2025, 6, 11));
    const auto minutes = e.dir / "minutes.csv";
    e.waitExport([&] { e.window.exportCsv(QString::fromStdString(minutes.string()), true); });
    const LocalPeriod day = *localDay("2025-06-11");
    HistoryStore store(e.db);
    std::ostringstream expectedMinutes;
    writeMinuteCsv(expectedMinutes, store.minutes(e.profile, static_cast<std::int64_t>(day.fromUtcSec / 60.0),
                                                  static_cast<std::int64_t>(day.toUtcSec / 60.0)));
    const std::string minuteCsv = readFile(minutes);
    CHECK(minuteCsv == expectedMinutes.str());
    CHECK(std::count(minuteCsv.begin(), minuteCsv.end(), '\n') == 1 + 3 * 60 + 2 * 60 + 145);
    CHECK(minuteCsv.find("\r\n2025-06-11 09:00,40.0,") != std::string::npos);

    e.show(ReportSpan::Month, QDate(2025, 6, 11));
    const auto days = e.dir / "days.csv";
    e.waitExport([&] { e.window.exportCsv(QString::fromStdString(days.string()), false); });
    std::ostringstream expectedDays;
    writeDayCsv(expectedDays, buildReport(store, e.profile, *localMonth("2025-06")));
    const std::string dayCsv = readFile(days);
    CHECK(dayCsv == expectedDays.str());
    CHECK(std::count(dayCsv.begin(), dayCsv.end(), '\n') == 1 + 25);
}

TEST_CASE("an export to a folder that does not exist reports the error") {
    Exported e;
    e.show(ReportSpan::Day, QDate(2025, 6, 11));
    QSignalSpy finished(&e.window, &ReportWindow::exportFinished);
    e.window.exportCsv(QString::fromStdString((e.dir / "missing" / "x.csv").string()), true);
    REQUIRE(finished.wait(10000));
    CHECK(finished.at(0).at(1).toString().contains(QStringLiteral("cannot write")));
}
