// ReportPdf: page layout of the one-page report.
#include "ReportPdf.h"

#include "ChartPainter.h"
#include "ReportCharts.h"
#include "ReportText.h"
#include "common/Error.h"
#include "common/PrivateFile.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>
#include <QPdfWriter>

namespace posesmart::print {

namespace {

constexpr int kResolutionDpi = 96;  // one layout unit is one CSS pixel; text and lines stay vector
constexpr double kGap = 12.0;
constexpr int kCardsPerRow = 4;
constexpr double kCardHeight = 52.0;

QFont sized(const QFont& base, int pixelSize, bool bold = false) {
    QFont font = base;
    font.setPixelSize(pixelSize);
    font.setBold(bold);
    return font;
}

// Draws wrapped text from `top` and returns the y below it.
double paragraph(QPainter& painter, double top, double width, const QString& text) {
    if (text.isEmpty()) return top;
    const QRectF box = painter.boundingRect(QRectF(0, top, width, 1000), Qt::TextWordWrap, text);
    painter.drawText(QRectF(0, top, width, box.height()), Qt::TextWordWrap, text);
    return top + box.height() + 4;
}

double paintCards(QPainter& painter, double top, double width, const ReportData& data, const ChartColors& colors) {
    const QList<SummaryCard> cards = summaryCards(data);
    const double cardWidth = (width - kGap * (kCardsPerRow - 1)) / kCardsPerRow;
    const QFont base = painter.font();
    for (qsizetype i = 0; i < cards.size(); ++i) {
        const QRectF card((cardWidth + kGap) * static_cast<double>(i % kCardsPerRow),
                          top + (kCardHeight + kGap / 2) * static_cast<double>(i / kCardsPerRow), cardWidth,
                          kCardHeight);
        painter.setPen(QPen(colors.grid, 1.0));
        painter.setBrush(Qt::NoBrush);
        painter.drawRoundedRect(card, 4, 4);
        painter.setPen(colors.text);
        painter.setFont(sized(base, 10));
        painter.drawText(card.adjusted(8, 6, -8, 0), Qt::AlignLeft | Qt::AlignTop, cards[i].title);
        painter.setFont(sized(base, 17, true));
        painter.drawText(card.adjusted(8, 0, -8, -6), Qt::AlignLeft | Qt::AlignBottom, cards[i].value);
    }
    painter.setFont(base);
    const auto rows = (cards.size() + kCardsPerRow - 1) / kCardsPerRow;
    return top + static_cast<double>(rows) * (kCardHeight + kGap / 2) + kGap / 2;
}

}  // namespace

void writeReportPdf(const std::filesystem::path& file, const ReportData& data) {
    createPrivateFile(file);  // a person's days: readable by them only, whatever the umask
    QPdfWriter writer(QString::fromStdString(file.string()));
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter);
    writer.setResolution(kResolutionDpi);
    writer.setCreator(QStringLiteral("PoseSmart"));
    writer.setTitle(QCoreApplication::translate("Report", "PoseSmart report: %1").arg(periodTitle(data)));
    QPainter painter;
    if (!painter.begin(&writer)) throw Error(ErrorKind::Io, "cannot write the PDF '" + file.string() + "'");
    painter.setRenderHint(QPainter::Antialiasing);
    const ChartColors colors = chartColors(false);
    const double width = writer.width();
    const double height = writer.height();
    const QFont base = sized(QFont(), 11);

    painter.setPen(colors.text);
    painter.setFont(sized(base, 11));
    double y = paragraph(painter, 0, width, QCoreApplication::translate("Report", "PoseSmart report"));
    painter.setFont(sized(base, 22, true));
    y = paragraph(painter, y, width, periodTitle(data)) + 2;
    painter.setFont(sized(base, 12));
    y = paragraph(painter, y, width, noticeText(data));
    y = paragraph(painter, y, width, trendText(data)) + kGap / 2;
    y = paintCards(painter, y, width, data, colors);

    const double footer = 18.0;
    const QList<ReportChart> charts = reportCharts(data);
    painter.setFont(sized(base, 10));
    if (charts.isEmpty()) {
        painter.drawText(QRectF(0, y, width, height - y - footer), Qt::AlignCenter | Qt::TextWordWrap,
                         QCoreApplication::translate("Report", "Nothing to chart in this period."));
    }
    const double chartHeight = charts.isEmpty() ? 0.0 : (height - y - footer) / static_cast<double>(charts.size());
    for (const ReportChart& chart : charts) {
        paintChart(painter, QRectF(0, y, width, chartHeight - kGap), chart, colors);
        y += chartHeight;
    }
    painter.setFont(sized(base, 9));
    painter.setPen(colors.grid.darker(160));
    painter.drawText(QRectF(0, height - footer, width, footer), Qt::AlignLeft | Qt::AlignBottom,
                     QCoreApplication::translate("Report", "From the history on this computer, %1")
                         .arg(QLocale().toString(QDateTime::currentDateTime(), QLocale::ShortFormat)));
    if (!painter.end()) throw Error(ErrorKind::Io, "cannot finish the PDF '" + file.string() + "'");
}

}  // namespace posesmart::print
