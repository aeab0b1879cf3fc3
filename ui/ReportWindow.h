// ReportWindow: the report viewer: a calendar to pick any day, a day / week / month switch, the
// period's summary cards, trend and notes, and its charts (Qt Charts) in the palette's light or
// dark colours; export of the shown period as CSV or a one-page PDF. Reads and exports run on
// ReportWorker's thread: switching periods never blocks the window.
#pragma once

#include "ReportData.h"
#include "ReportWorker.h"

#include <QDate>
#include <QElapsedTimer>
#include <QMainWindow>
#include <optional>

class QAction;
class QButtonGroup;
class QCalendarWidget;
class QGridLayout;
class QLabel;
class QVBoxLayout;

namespace posesmart::ui {

class ReportWindow : public QMainWindow {
    Q_OBJECT
public:
    // `profileName`: the history profile to show ("default" in the app). Shows today until told otherwise.
    explicit ReportWindow(QString databasePath, QString profileName = QStringLiteral("default"),
                          QWidget* parent = nullptr);
    ~ReportWindow() override;

    [[nodiscard]] ReportSpan span() const { return m_span; }
    // The period on screen; nullopt until the first one has loaded.
    [[nodiscard]] const std::optional<ReportData>& shownData() const { return m_data; }

public slots:
    void showDay(const QDate& date);
    void showPeriod(posesmart::ReportSpan span, const QDate& date);
    // Write the shown period in the background; `exportFinished` follows. Nothing happens before
    // the first period has loaded (the menu's export actions are disabled until then).
    void exportCsv(const QString& file, bool perMinute);
    void exportPdf(const QString& file);

signals:
    // The requested period is on screen, its charts painted.
    void reportShown();
    void exportFinished(const QString& file, const QString& error);  // error: empty on success

protected:
    void changeEvent(QEvent* event) override;

private:
    QWidget* buildSidebar();
    QWidget* buildReportArea();
    void buildMenus();
    void onLoaded(const ReportData& loaded);
    void onExported(const QString& file, const QString& error);
    void showData();
    void showCharts();
    void chooseExport(ExportFormat format);

    ReportWorker m_worker;
    ReportSpan m_span = ReportSpan::Day;
    QDate m_date;
    std::optional<ReportData> m_data;
    QElapsedTimer m_sinceRequest;
    QCalendarWidget* m_calendar = nullptr;
    QButtonGroup* m_spans = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_notice = nullptr;
    QLabel* m_trend = nullptr;
    QGridLayout* m_cards = nullptr;
    QWidget* m_chartArea = nullptr;
    QVBoxLayout* m_charts = nullptr;
    QList<QAction*> m_exportActions;
};

}  // namespace posesmart::ui
