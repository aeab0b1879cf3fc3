// ReportWorker: reads reports from the history and writes exports on a thread of its own
// ("report-worker"), so the report window never waits for SQLite or a file. A newer request
// supersedes older ones that have not started. The thread keeps one connection to the database,
// opened on first use (SQLite's quick_check makes opening the slow part) and again when the file
// has been replaced, e.g. after "delete all data"; it never creates the file or a profile.
#pragma once

#include "ReportData.h"
#include "history/ReportCsv.h"

#include <QLoggingCategory>
#include <QObject>
#include <QString>
#include <QThread>
#include <atomic>
#include <memory>
#include <sys/types.h>

namespace posesmart::ui {

// "posesmart.report": how long reads take and when a period is painted.
Q_DECLARE_LOGGING_CATEGORY(lcReport)

enum class ExportFormat { CsvPerMinute, CsvPerDay, Pdf };

class ReportWorker : public QObject {
    Q_OBJECT
public:
    ReportWorker(QString databasePath, QString profileName, QObject* parent = nullptr);
    ~ReportWorker() override;

    // `loaded` or `failed` follows on this object's thread, unless a newer request came first.
    void request(ReportSpan span, const LocalPeriod& period);
    // Writes `data` to `file`; `exported` follows.
    void exportReport(ExportFormat format, const QString& file, const ReportData& data);

signals:
    void loaded(const posesmart::ReportData& data);
    void failed(const QString& message);
    void exported(const QString& file, const QString& error);  // error: empty on success

private:
    // On the worker thread.
    ReportData read(ReportSpan span, const LocalPeriod& period);
    void fail(int generation, const QString& message);  // a read failed: say so on this object's thread
    bool openStore();

    QString m_databasePath;
    std::string m_profileName;
    QThread m_thread;
    QObject* m_context = nullptr;  // lives on m_thread: queued jobs run there
    std::atomic<int> m_generation{0};
    std::unique_ptr<HistoryStore> m_store;  // used on m_thread only
    dev_t m_device = 0;
    ino_t m_inode = 0;
};

}  // namespace posesmart::ui
