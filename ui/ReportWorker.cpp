// ReportWorker: the report window's background thread for history reads and exports.
#include "ReportWorker.h"

#include "ReportPdf.h"
#include "common/Clock.h"

#include <QElapsedTimer>
#include <QFile>
#include <algorithm>
#include <chrono>
#include <sys/stat.h>

namespace posesmart::ui {

Q_LOGGING_CATEGORY(lcReport, "posesmart.report")

ReportWorker::ReportWorker(QString databasePath, QString profileName, QObject* parent)
    : QObject(parent), m_databasePath(std::move(databasePath)), m_profileName(profileName.toStdString()) {
    m_thread.setObjectName(QStringLiteral("report-worker"));
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start();
}

ReportWorker::~ReportWorker() {
    m_thread.quit();
    m_thread.wait();
}

void ReportWorker::request(ReportSpan span, const LocalPeriod& period) {
    const int generation = ++m_generation;
    QMetaObject::invokeMethod(
        m_context,
        [this, generation, span, period] {
            if (generation != m_generation.load()) return;  // superseded before it started
            try {
                QElapsedTimer timer;
                timer.start();
                ReportData data = read(span, period);
                qCInfo(lcReport).noquote()
                    << "read" << QString::fromStdString(period.label) << "in" << timer.elapsed() << "ms";
                QMetaObject::invokeMethod(
                    this,
                    [this, generation, data = std::move(data)] {
                        if (generation == m_generation.load()) emit loaded(data);
                    },
                    Qt::QueuedConnection);
            } catch (const std::exception& e) {
                fail(generation, QString::fromStdString(e.what()));
            } catch (...) {
                fail(generation, tr("an unknown error"));
            }
        },
        Qt::QueuedConnection);
}

void ReportWorker::exportReport(ExportFormat format, const QString& file, const ReportData& data) {
    QMetaObject::invokeMethod(
        m_context,
        [this, format, file, data] {
            QString error;
            try {
                const std::filesystem::path path(QFile::encodeName(file).toStdString());
                if (format == ExportFormat::Pdf) {
                    print::writeReportPdf(path, data);
                } else {
                    saveReportCsv(path, format == ExportFormat::CsvPerMinute ? CsvRows::PerMinute : CsvRows::PerDay,
                                  data.report, data.minutes);
                }
            } catch (const std::exception& e) {
                error = QString::fromStdString(e.what());
            } catch (...) {
                error = tr("an unknown error");
            }
            QMetaObject::invokeMethod(
                this, [this, file, error] { emit exported(file, error); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void ReportWorker::fail(int generation, const QString& message) {
    qCWarning(lcReport).noquote() << "reading the report failed:" << message;
    QMetaObject::invokeMethod(
        this,
        [this, generation, message] {
            if (generation == m_generation.load()) emit failed(message);
        },
        Qt::QueuedConnection);
}

ReportData ReportWorker::read(ReportSpan span, const LocalPeriod& period) {
    const double now = wallSec();
    if (openStore()) {
        const auto names = m_store->profileNames();
        if (std::find(names.begin(), names.end(), m_profileName) != names.end())
            return loadReportData(*m_store, m_store->profileId(m_profileName), span, period, now);
    }
    // No history yet, or none for this profile: an empty period.
    ReportData empty;
    empty.span = span;
    empty.report.period = period;
    empty.report.blinksPerMinByHour.fill(-1.0);
    empty.loadedAtUtcSec = now;
    return empty;
}

bool ReportWorker::openStore() {
    struct stat info {};
    if (::stat(QFile::encodeName(m_databasePath).constData(), &info) != 0) {
        m_store.reset();
        return false;
    }
    if (!m_store || info.st_dev != m_device || info.st_ino != m_inode) {
        m_store = std::make_unique<HistoryStore>(QFile::encodeName(m_databasePath).toStdString());
        m_device = info.st_dev;
        m_inode = info.st_ino;
    }
    return true;
}

}  // namespace posesmart::ui
