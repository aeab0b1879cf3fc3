#include "history/SessionRecorder.h"

#include "common/Error.h"

#include <cmath>
#include <utility>

namespace posesmart {

namespace {
// A longer gap between frames (a stall, a pause) is not counted as time at the screen.
constexpr double kMaxFrameSec = 2.0;

std::int64_t minuteOf(double utcSec) {
    return static_cast<std::int64_t>(std::floor(utcSec / 60.0));
}
}  // namespace

SessionRecorder::SessionRecorder(HistoryStore* store, std::int64_t profile, double startUtcSec)
    : m_store(store), m_profile(profile), m_startUtcSec(startUtcSec) {}

void SessionRecorder::attach(HistoryStore& store, std::int64_t profile) {
    m_store = &store;
    m_profile = profile;
    m_nextAttemptMinute = 0;
}

std::pair<std::vector<MinuteRecord>, std::vector<HistoryEvent>> SessionRecorder::takeUnwritten() {
    std::vector<MinuteRecord> minutes;
    for (const auto& [minute, row] : m_pending) minutes.push_back(row);
    m_pending.clear();
    return {std::move(minutes), std::exchange(m_events, {})};
}

MinuteRecord& SessionRecorder::minuteAt(double utcSec) {
    const std::int64_t minute = minuteOf(utcSec);
    auto [it, inserted] = m_pending.try_emplace(minute);
    if (inserted) {
        it->second.minuteUtc = minute;
        // Seconds an earlier session already stored for this minute are kept and added to.
        try {
            const std::vector<MinuteRecord> stored =
                m_store ? m_store->minutes(m_profile, minute, minute + 1) : std::vector<MinuteRecord>{};
            if (!stored.empty()) it->second = stored.front();
        } catch (const Error& e) {
            m_lastError = e.what();
        }
    }
    return it->second;
}

void SessionRecorder::addEvent(HistoryEvent event) {
    m_events.push_back(std::move(event));
}

void SessionRecorder::add(const FrameResult& frame, const SessionUpdate& update) {
    const double utc = m_startUtcSec + frame.timestampSec;
    // The time since the previous frame belongs to the previous frame's state and minute.
    if (m_lastUtc && utc > *m_lastUtc && utc - *m_lastUtc <= kMaxFrameSec) {
        const double step = utc - *m_lastUtc;
        MinuteRecord& minute = minuteAt(*m_lastUtc);
        if (m_last.present) minute.presentSec += step;
        minute.secondsByState[static_cast<std::size_t>(m_last.posture)] += step;
        if (m_last.eyesUsable) minute.eyesSec += step;
    }
    MinuteRecord& minute = minuteAt(utc);
    if (frame.measurements) {
        minute.distanceSumCm += update.reading.distanceCm;
        ++minute.distanceFrames;
    }
    if (update.blink) {
        ++minute.blinks;
        if (!update.blink->complete) ++minute.incompleteBlinks;
    }
    if (update.closure) ++minute.closures;
    if (update.alert) {
        ++minute.alerts;
        m_events.push_back(HistoryEvent::alertAt(utc, update.alert->kind));
    }
    if (update.breakTaken) {
        const double start = m_startUtcSec + update.breakTaken->startSec;
        m_events.push_back(HistoryEvent::breakAt(start, update.breakTaken->endSec - update.breakTaken->startSec));
    }
    if (update.calibration) {
        m_events.push_back(
            HistoryEvent::calibrationAt(utc, update.calibration->baseline.has_value(), update.calibration->reason));
    }
    m_lastUtc = utc;
    m_last = update;
    // Every minute before this frame's is complete: write them (after a failure, from the next minute on).
    const std::int64_t current = minuteOf(utc);
    if (!m_pending.empty() && m_pending.begin()->first < current && current >= m_nextAttemptMinute)
        writePending(current);
}

void SessionRecorder::flush() {
    if (m_pending.empty() && m_events.empty()) return;
    // The current minute is written as it stands but kept, so that frames still to come in the
    // same minute replace it with the whole minute.
    const std::int64_t current = m_lastUtc ? minuteOf(*m_lastUtc) : 0;
    const std::int64_t end = m_pending.empty() ? 0 : m_pending.rbegin()->first + 1;
    writePending(end, current);
}

void SessionRecorder::writePending(std::int64_t beforeMinute) {
    writePending(beforeMinute, beforeMinute);
}

void SessionRecorder::writePending(std::int64_t beforeMinute, std::int64_t keepFrom) {
    std::vector<MinuteRecord> rows;
    for (auto it = m_pending.begin(); it != m_pending.end() && it->first < beforeMinute; ++it)
        rows.push_back(it->second);
    try {
        if (!m_store) throw Error(ErrorKind::Io, "the history database is not open yet");
        m_store->write(m_profile, rows, m_events);
    } catch (const Error& e) {
        m_lastError = e.what();  // kept; tried again at the next minute
        m_nextAttemptMinute = (m_lastUtc ? minuteOf(*m_lastUtc) : 0) + 1;
        return;
    }
    m_lastError.reset();
    m_events.clear();
    for (const MinuteRecord& row : rows) {
        if (row.minuteUtc < keepFrom) {
            m_pending.erase(row.minuteUtc);
            ++m_minutesWritten;
        }
    }
}

}  // namespace posesmart
