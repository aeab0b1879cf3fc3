// SessionRecorder: turns the engine's per-frame stream into history rows: one MinuteRecord per
// monitored minute and events, written once per minute in a transaction. A failed write (disk
// full, database locked) keeps the rows and retries at the next minute (not at every frame, so a
// locked file costs one busy wait per minute), and nothing is lost once space returns. A minute
// already in the store (an earlier session in the same minute) is added to, never replaced.
// Without a store yet (the database was locked at the start) rows are kept until one is attached.
// Call it from the engine's thread, never the GUI's.
#pragma once

#include "analysis/SessionAnalyzer.h"
#include "history/HistoryStore.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace posesmart {

class SessionRecorder {
public:
    // `startUtcSec`: the wall-clock time of stream time 0. `store` may be null (see attach).
    SessionRecorder(HistoryStore* store, std::int64_t profile, double startUtcSec);

    // The store the rows go to from now on (the minutes kept so far included, at the next write).
    void attach(HistoryStore& store, std::int64_t profile);
    [[nodiscard]] bool attached() const { return m_store != nullptr; }

    void add(const FrameResult& frame, const SessionUpdate& update);
    // Writes everything, the current (partial) minute included: at the end of a run or a pause.
    void flush();
    void addEvent(HistoryEvent event);  // e.g. a pause, in UTC

    [[nodiscard]] const std::optional<std::string>& lastError() const { return m_lastError; }
    [[nodiscard]] std::size_t pendingMinutes() const { return m_pending.size(); }
    [[nodiscard]] std::int64_t minutesWritten() const { return m_minutesWritten; }  // complete ones
    // Everything not written, handed over (to the journal) and forgotten here.
    [[nodiscard]] std::pair<std::vector<MinuteRecord>, std::vector<HistoryEvent>> takeUnwritten();

private:
    MinuteRecord& minuteAt(double utcSec);
    void writePending(std::int64_t beforeMinute);
    void writePending(std::int64_t beforeMinute, std::int64_t keepFrom);  // rows from keepFrom stay pending

    HistoryStore* m_store;
    std::int64_t m_profile;
    double m_startUtcSec;
    std::map<std::int64_t, MinuteRecord> m_pending;  // by minute, complete or not
    std::vector<HistoryEvent> m_events;
    std::optional<double> m_lastUtc;
    SessionUpdate m_last;
    std::optional<std::string> m_lastError;
    std::int64_t m_minutesWritten = 0;
    std::int64_t m_nextAttemptMinute = 0;  // after a failed write, the minute to try again in
};

}  // namespace posesmart
