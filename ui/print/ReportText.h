// ReportText: the words of a report, shared by the viewer and the PDF: the period's title, the
// summary cards, the trend against the period before, and the note for empty, partial and
// still-running periods. Translatable (context "Report").
#pragma once

#include "ReportData.h"

#include <QList>
#include <QString>

namespace posesmart::print {

struct SummaryCard {
    QString key;  // stable: "monitored", "good_share", "alerts", "breaks", "blink_rate", "distance", "longest_sitting",
                  // "routines"
    QString title;
    QString value;
};

QString reportDuration(double seconds);  // "7 h 05 min", "12 min", "0 min"
QString stateName(PostureState state);
QString periodTitle(const ReportData& data);  // "Friday, 20 November 2026", "Week 47, 2026", "November 2026"
QList<SummaryCard> summaryCards(const ReportData& data);
// "12% more upright than last week. Blinking 5% less often." Empty for a day or an empty period.
QString trendText(const ReportData& data);
// Nothing recorded, only a little, a period still running, days without data. Empty when none applies.
QString noticeText(const ReportData& data);

}  // namespace posesmart::print
