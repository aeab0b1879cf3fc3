// ReportWindow: the report viewer's layout, period switching and exports.
#include "ReportWindow.h"

#include "ReportChartBuilder.h"
#include "ReportCharts.h"
#include "ReportText.h"

#include <QButtonGroup>
#include <QCalendarWidget>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QStandardPaths>
#include <QStatusBar>
#include <QtCharts/QChartView>

namespace posesmart::ui {

namespace {

constexpr int kCardsPerRow = 4;
constexpr int kChartHeight = 280;

bool isDark(const QPalette& palette) {
    return palette.color(QPalette::Window).lightness() < 128;
}

print::ChartColors colorsFor(const QPalette& palette) {
    print::ChartColors colors = print::chartColors(isDark(palette));
    colors.background = palette.color(QPalette::Base);
    colors.text = palette.color(QPalette::Text);
    return colors;
}

void clearLayout(QLayout* layout) {
    while (QLayoutItem* item = layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
}

}  // namespace

ReportWindow::ReportWindow(QString databasePath, QString profileName, QWidget* parent)
    : QMainWindow(parent), m_worker(std::move(databasePath), std::move(profileName)) {
    setObjectName(QStringLiteral("reportWindow"));
    setWindowTitle(tr("PoseSmart report"));
    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    layout->addWidget(buildSidebar());
    layout->addWidget(buildReportArea(), 1);
    setCentralWidget(central);
    buildMenus();
    resize(1100, 820);
    connect(&m_worker, &ReportWorker::loaded, this, &ReportWindow::onLoaded);
    connect(&m_worker, &ReportWorker::failed, this, [this](const QString& message) {
        statusBar()->showMessage(tr("Could not read the history: %1").arg(message));
    });
    connect(&m_worker, &ReportWorker::exported, this, &ReportWindow::onExported);
    showPeriod(ReportSpan::Day, QDate::currentDate());
}

ReportWindow::~ReportWindow() = default;

QWidget* ReportWindow::buildSidebar() {
    auto* sidebar = new QWidget(this);
    auto* layout = new QVBoxLayout(sidebar);
    layout->setContentsMargins(0, 0, 0, 0);
    m_calendar = new QCalendarWidget(sidebar);
    m_calendar->setObjectName(QStringLiteral("reportCalendar"));
    m_calendar->setGridVisible(false);
    m_calendar->setVerticalHeaderFormat(QCalendarWidget::ISOWeekNumbers);
    connect(m_calendar, &QCalendarWidget::selectionChanged, this,
            [this] { showPeriod(m_span, m_calendar->selectedDate()); });
    layout->addWidget(m_calendar);
    auto* switchRow = new QHBoxLayout;
    m_spans = new QButtonGroup(sidebar);
    const std::array<std::tuple<ReportSpan, QString, QString>, 3> spans = {
        std::tuple{ReportSpan::Day, tr("Day"), QStringLiteral("spanDay")},
        {ReportSpan::Week, tr("Week"), QStringLiteral("spanWeek")},
        {ReportSpan::Month, tr("Month"), QStringLiteral("spanMonth")}};
    for (const auto& [span, text, name] : spans) {
        auto* button = new QPushButton(text, sidebar);
        button->setCheckable(true);
        button->setObjectName(name);
        m_spans->addButton(button, static_cast<int>(span));
        switchRow->addWidget(button);
    }
    m_spans->button(static_cast<int>(ReportSpan::Day))->setChecked(true);
    connect(m_spans, &QButtonGroup::idClicked, this,
            [this](int id) { showPeriod(static_cast<ReportSpan>(id), m_date); });
    layout->addLayout(switchRow);
    layout->addStretch();
    return sidebar;
}

QWidget* ReportWindow::buildReportArea() {
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* content = new QWidget(scroll);
    auto* layout = new QVBoxLayout(content);
    m_title = new QLabel(content);
    m_title->setObjectName(QStringLiteral("reportTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_notice = new QLabel(content);
    m_notice->setObjectName(QStringLiteral("reportNotice"));
    m_notice->setWordWrap(true);
    m_trend = new QLabel(content);
    m_trend->setObjectName(QStringLiteral("reportTrend"));
    m_trend->setWordWrap(true);
    m_cards = new QGridLayout;
    m_chartArea = new QWidget(content);
    m_charts = new QVBoxLayout(m_chartArea);
    m_charts->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_notice);
    layout->addWidget(m_trend);
    layout->addLayout(m_cards);
    layout->addWidget(m_chartArea, 1);
    scroll->setWidget(content);
    return scroll;
}

void ReportWindow::buildMenus() {
    QMenu* menu = menuBar()->addMenu(tr("&Report"));
    m_exportActions = {
        menu->addAction(tr("Export as CSV, one row per &minute…"), this,
                        [this] { chooseExport(ExportFormat::CsvPerMinute); }),
        menu->addAction(tr("Export as CSV, one row per &day…"), this,
                        [this] { chooseExport(ExportFormat::CsvPerDay); }),
        menu->addAction(tr("Export as &PDF…"), this, [this] { chooseExport(ExportFormat::Pdf); }),
    };
    for (QAction* action : m_exportActions) action->setEnabled(false);
    menu->addSeparator();
    menu->addAction(tr("&Close"), QKeySequence::Close, this, &QWidget::close);
}

void ReportWindow::showDay(const QDate& date) {
    showPeriod(ReportSpan::Day, date);
}

void ReportWindow::showPeriod(ReportSpan span, const QDate& date) {
    const auto period = periodContaining(span, date.year(), date.month(), date.day());
    if (!period) return;
    m_span = span;
    m_date = date;
    {
        const QSignalBlocker blocker(m_calendar);
        m_calendar->setSelectedDate(date);
    }
    m_spans->button(static_cast<int>(span))->setChecked(true);
    m_sinceRequest.start();
    statusBar()->showMessage(tr("Loading…"));
    m_worker.request(span, *period);
}

void ReportWindow::onLoaded(const ReportData& loaded) {
    m_data = loaded;
    showData();
    statusBar()->clearMessage();
    if (isVisible()) m_chartArea->repaint();
    qCInfo(lcReport).noquote() << "report" << QString::fromStdString(loaded.report.period.label) << "painted"
                               << m_sinceRequest.elapsed() << "ms after the request";
    emit reportShown();
}

void ReportWindow::showData() {
    const ReportData& shown = *m_data;
    m_title->setText(print::periodTitle(shown));
    const QString notice = print::noticeText(shown);
    m_notice->setText(notice);
    m_notice->setVisible(!notice.isEmpty());
    const QString trend = print::trendText(shown);
    m_trend->setText(trend);
    m_trend->setVisible(!trend.isEmpty());
    clearLayout(m_cards);
    const QList<print::SummaryCard> cards = print::summaryCards(shown);
    for (qsizetype i = 0; i < cards.size(); ++i) {
        auto* card = new QFrame(this);
        card->setObjectName(QStringLiteral("card_") + cards[i].key);
        card->setFrameShape(QFrame::StyledPanel);
        auto* cardLayout = new QVBoxLayout(card);
        auto* title = new QLabel(cards[i].title, card);
        auto* value = new QLabel(cards[i].value, card);
        value->setObjectName(QStringLiteral("cardValue_") + cards[i].key);
        QFont valueFont = value->font();
        valueFont.setPointSizeF(valueFont.pointSizeF() * 1.4);
        valueFont.setBold(true);
        value->setFont(valueFont);
        cardLayout->addWidget(title);
        cardLayout->addWidget(value);
        m_cards->addWidget(card, static_cast<int>(i / kCardsPerRow), static_cast<int>(i % kCardsPerRow));
    }
    for (QAction* action : m_exportActions) action->setEnabled(true);
    showCharts();
}

void ReportWindow::showCharts() {
    clearLayout(m_charts);
    const QList<print::ReportChart> charts = print::reportCharts(*m_data);
    if (charts.isEmpty()) {
        auto* message = new QLabel(tr("Nothing to chart in this period."), m_chartArea);
        message->setObjectName(QStringLiteral("noChartsMessage"));
        message->setAlignment(Qt::AlignCenter);
        message->setMinimumHeight(kChartHeight);
        m_charts->addWidget(message);
        return;
    }
    const print::ChartColors colors = colorsFor(palette());
    for (const print::ReportChart& chart : charts) {
        auto* view = new QChartView(buildReportChart(chart, colors, isDark(palette())), m_chartArea);
        view->setObjectName(chart.id);
        view->setRenderHint(QPainter::Antialiasing);
        view->setFixedHeight(kChartHeight);
        m_charts->addWidget(view);
    }
    m_charts->addStretch();
}

void ReportWindow::changeEvent(QEvent* event) {
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_data) showCharts();
}

void ReportWindow::exportCsv(const QString& file, bool perMinute) {
    if (m_data) m_worker.exportReport(perMinute ? ExportFormat::CsvPerMinute : ExportFormat::CsvPerDay, file, *m_data);
}

void ReportWindow::exportPdf(const QString& file) {
    if (m_data) m_worker.exportReport(ExportFormat::Pdf, file, *m_data);
}

void ReportWindow::chooseExport(ExportFormat format) {
    const QString label = QString::fromStdString(m_data->report.period.label);
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString file;
    if (format == ExportFormat::Pdf) {
        file = QFileDialog::getSaveFileName(this, tr("Export the report as PDF"),
                                            QDir(folder).filePath(QStringLiteral("posesmart-%1.pdf").arg(label)),
                                            tr("PDF files (*.pdf)"));
    } else {
        const QString rows = format == ExportFormat::CsvPerMinute ? QStringLiteral("minutes") : QStringLiteral("days");
        file = QFileDialog::getSaveFileName(
            this, tr("Export the report as CSV"),
            QDir(folder).filePath(QStringLiteral("posesmart-%1-%2.csv").arg(label, rows)), tr("CSV files (*.csv)"));
    }
    if (file.isEmpty()) return;
    m_worker.exportReport(format, file, *m_data);
    statusBar()->showMessage(tr("Saving %1…").arg(QDir::toNativeSeparators(file)));
}

void ReportWindow::onExported(const QString& file, const QString& error) {
    if (error.isEmpty()) {
        statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(file)), 5000);
    } else if (isVisible()) {
        statusBar()->clearMessage();
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Export failed"), error, QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    emit exportFinished(file, error);
}

}  // namespace posesmart::ui
