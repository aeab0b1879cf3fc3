// report_snapshot: opens the report viewer on a history database the way the app does, for
// screenshots and timing (not a test). Under Xvfb: `xvfb-run -a report_snapshot --db FILE
// [--profile NAME] [--span day|week|month] [--date YYYY-MM-DD] [--height PX] [--png FILE] [--months N]`.
// --png saves the window once the period is painted; --months N then steps back N months one after
// the other and prints each month's time from request to painted charts.
#include "ReportWindow.h"
#include "Resources.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <cstdio>

using namespace posesmart;
using namespace posesmart::ui;

namespace {

// Request to painted (ReportWindow repaints the charts before it says so), in milliseconds.
qint64 timeShow(ReportWindow& window, ReportSpan span, const QDate& date) {
    QSignalSpy shown(&window, &ReportWindow::reportShown);
    QElapsedTimer timer;
    timer.start();
    window.showPeriod(span, date);
    if (!shown.wait(30000)) return -1;
    return timer.elapsed();
}

}  // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    posesmart::initResources();
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption db(QStringLiteral("db"), QStringLiteral("history database"), QStringLiteral("file"));
    const QCommandLineOption profile(QStringLiteral("profile"), QStringLiteral("profile name"), QStringLiteral("name"),
                                     QStringLiteral("Demo (generated)"));
    const QCommandLineOption span(QStringLiteral("span"), QStringLiteral("day, week or month"), QStringLiteral("span"),
                                  QStringLiteral("day"));
    const QCommandLineOption date(QStringLiteral("date"), QStringLiteral("a day in the period"),
                                  QStringLiteral("YYYY-MM-DD"), QDate::currentDate().toString(Qt::ISODate));
    const QCommandLineOption png(QStringLiteral("png"), QStringLiteral("save a screenshot"), QStringLiteral("file"));
    const QCommandLineOption months(QStringLiteral("months"), QStringLiteral("time N month views"), QStringLiteral("n"),
                                    QStringLiteral("0"));
    const QCommandLineOption height(QStringLiteral("height"), QStringLiteral("window height"), QStringLiteral("px"),
                                    QStringLiteral("820"));
    parser.addOptions({db, profile, span, date, height, png, months});
    parser.process(app);
    if (!parser.isSet(db)) parser.showHelp(2);

    ReportWindow window(parser.value(db), parser.value(profile));
    window.resize(1100, parser.value(height).toInt());
    window.show();
    QSignalSpy first(&window, &ReportWindow::reportShown);
    if (!first.wait(30000)) return 1;  // today, requested by the constructor (opens the database)
    const QString spanName = parser.value(span);
    const ReportSpan shownSpan = spanName == QLatin1String("month")  ? ReportSpan::Month
                                 : spanName == QLatin1String("week") ? ReportSpan::Week
                                                                     : ReportSpan::Day;
    const QDate shownDate = QDate::fromString(parser.value(date), Qt::ISODate);
    std::printf("%s %s: %lld ms\n", qPrintable(spanName), qPrintable(shownDate.toString(Qt::ISODate)),
                static_cast<long long>(timeShow(window, shownSpan, shownDate)));
    if (parser.isSet(png)) {
        QTest::qWait(300);  // let the window manager and the last paint settle
        if (!window.grab().save(parser.value(png))) return 1;
    }
    for (int m = 1; m <= parser.value(months).toInt(); ++m) {
        const QDate month = shownDate.addMonths(-m);
        std::printf("month %s: %lld ms\n", qPrintable(month.toString(QStringLiteral("yyyy-MM"))),
                    static_cast<long long>(timeShow(window, ReportSpan::Month, month)));
    }
    return 0;
}
