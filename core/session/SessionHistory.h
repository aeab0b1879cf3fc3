// SessionHistory: the live session's link to the history database: the profile being measured,
// its recorder, its saved calibration and enrolled face, and today's report. Every failure is
// reported to the observer as a SessionProblem and never stops the session: without a database
// (none given, or it cannot be opened) nothing is recorded and everything else goes on.
#pragma once

#include "analysis/PostureCalibration.h"
#include "history/HistoryStore.h"
#include "history/SessionRecorder.h"
#include "identity/FaceDescriptor.h"
#include "session/SessionObserver.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace posesmart {

struct SessionHistoryOptions {
    std::filesystem::path database;  // empty: nothing is recorded
    std::string profile = "default";
    double utcAtStreamZero = 0.0;  // wall-clock time (UTC seconds) of stream time 0
    double utcNow = 0.0;           // when the session starts (retention)
    int retentionDays = 365;
    // How long a locked (or full) database is waited for at the start and at the end; what still
    // cannot be written at the end goes to the journal next to the database (HistoryJournal).
    int lockWaitMs = 10000;
};

class SessionHistory {
public:
    SessionHistory(SessionHistoryOptions options, SessionObserver& observer);

    [[nodiscard]] bool recording() const { return m_recorder != nullptr; }
    [[nodiscard]] const std::string& profile() const { return m_options.profile; }
    [[nodiscard]] std::vector<std::string> profiles() const;

    void record(const FrameResult& measured, const SessionUpdate& update);
    void addPause(double fromUtcSec, double toUtcSec);
    // A guided routine that ended (stream times), written at once; a failure is a HistoryError.
    void addRoutine(const RoutineSummary& summary);
    // Writes everything kept, the current minute included.
    void flush();
    // The end: flush, waiting up to lockWaitMs for a locked or full database, then the journal.
    void finish();

    [[nodiscard]] std::optional<PostureBaseline> baseline();  // reports BaselineUnreadable
    [[nodiscard]] std::optional<FaceDescriptor> enrolledFace();
    void saveBaseline(const PostureBaseline& baseline);
    void saveFace(const FaceDescriptor& face);
    [[nodiscard]] std::optional<PeriodReport> today(double utcSec);

    // Another person's profile from now on (created when new); the current minute goes to the old one.
    void switchProfile(const std::string& name);
    // Removes the database with its companions and starts an empty one.
    void deleteAll();

private:
    void open();
    // Opens the store with the profile; false while another program holds the lock past `waitMs`.
    bool openStore(int waitMs);
    void keepUnwritten();
    void problem(SessionProblem::Kind kind, const std::string& detail);

    SessionHistoryOptions m_options;
    SessionObserver& m_observer;
    std::unique_ptr<HistoryStore> m_store;
    std::int64_t m_profileId = 0;
    std::unique_ptr<SessionRecorder> m_recorder;
    std::optional<std::string> m_reportedWriteError;
    std::string m_busyCause;              // why openStore last failed
    std::int64_t m_nextAttachMinute = 0;  // without a store: the UTC minute to try opening it again
};

}  // namespace posesmart
