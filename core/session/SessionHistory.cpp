#include "session/SessionHistory.h"

#include "analysis/BaselineJson.h"
#include "common/Error.h"
#include "history/HistoryJournal.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <nlohmann/json.hpp>
#include <thread>

namespace posesmart {

namespace {
// How long the engine's thread waits for the lock when it tries a store again during a session.
constexpr int kAttachWaitMs = 200;
}  // namespace

SessionHistory::SessionHistory(SessionHistoryOptions options, SessionObserver& observer)
    : m_options(std::move(options)), m_observer(observer) {
    if (!m_options.database.empty()) open();
}

void SessionHistory::problem(SessionProblem::Kind kind, const std::string& detail) {
    m_observer.onProblem({kind, detail});
}

void SessionHistory::open() {
    m_recorder.reset();
    m_store.reset();
    try {
        if (!openStore(HistoryStore::kBusyTimeoutMs)) {
            problem(SessionProblem::Kind::HistoryWaiting, m_busyCause);
            // Still locked: the session goes on, its minutes kept until the end (then the journal).
            if (!openStore(m_options.lockWaitMs)) {
                problem(SessionProblem::Kind::HistoryNotSaved, m_busyCause);
                m_reportedWriteError = m_busyCause;
            }
        }
        m_recorder = std::make_unique<SessionRecorder>(m_store.get(), m_profileId, m_options.utcAtStreamZero);
    } catch (const Error& e) {
        m_recorder.reset();
        m_store.reset();
        problem(SessionProblem::Kind::HistoryUnavailable, e.what());
    }
}

bool SessionHistory::openStore(int waitMs) {
    try {
        auto store = std::make_unique<HistoryStore>(m_options.database, waitMs);
        const StoreOpenReport& report = store->openReport();
        if (report.recreated) problem(SessionProblem::Kind::HistoryRecreated, report.message);
        if (report.replayedMinutes > 0)
            problem(SessionProblem::Kind::HistoryRecovered, std::to_string(report.replayedMinutes));
        if (!report.journalProblem.empty()) problem(SessionProblem::Kind::HistoryError, report.journalProblem);
        try {
            store->applyRetention(m_options.utcNow, m_options.retentionDays);
        } catch (const StoreBusy&) {
            // Applied at the next start; nothing is lost by waiting.
        }
        m_profileId = store->profileId(m_options.profile);
        store->setBusyTimeout(HistoryStore::kBusyTimeoutMs);
        m_store = std::move(store);
        return true;
    } catch (const StoreBusy& e) {
        m_busyCause = e.what();
        return false;
    }
}

std::vector<std::string> SessionHistory::profiles() const {
    if (!m_store) return {};
    try {
        return m_store->profileNames();
    } catch (const Error&) {
        return {m_options.profile};
    }
}

void SessionHistory::record(const FrameResult& measured, const SessionUpdate& update) {
    if (!m_recorder) return;
    m_recorder->add(measured, update);
    if (!m_recorder->attached()) {
        // Locked at the start (said then): tried again once a minute, everything kept written at once.
        const auto minute =
            static_cast<std::int64_t>(std::floor((m_options.utcAtStreamZero + measured.timestampSec) / 60.0));
        if (minute < m_nextAttachMinute) return;
        m_nextAttachMinute = minute + 1;
        if (!openStore(kAttachWaitMs)) return;
        m_recorder->attach(*m_store, m_profileId);
        m_recorder->flush();
    }
    const std::optional<std::string>& error = m_recorder->lastError();
    if (error != m_reportedWriteError) {
        if (error) {
            problem(SessionProblem::Kind::HistoryNotSaved, *error);
        } else {
            problem(SessionProblem::Kind::HistorySaved, {});
        }
        m_reportedWriteError = error;
    }
}

void SessionHistory::addPause(double fromUtcSec, double toUtcSec) {
    if (m_recorder) m_recorder->addEvent(HistoryEvent::pauseAt(fromUtcSec, toUtcSec - fromUtcSec));
}

void SessionHistory::addRoutine(const RoutineSummary& summary) {
    if (!m_store) return;
    try {
        m_store->addRoutine(m_profileId,
                            {m_options.utcAtStreamZero + summary.startSec, m_options.utcAtStreamZero + summary.endSec,
                             summary.routineId, summary.steps, summary.stepsDone, summary.completed});
    } catch (const Error& e) {
        problem(SessionProblem::Kind::HistoryError, e.what());
    }
}

void SessionHistory::flush() {
    if (!m_recorder || !m_recorder->attached()) return;
    m_recorder->flush();
    if (m_recorder->lastError() && m_recorder->lastError() != m_reportedWriteError) {
        problem(SessionProblem::Kind::HistoryNotSaved, *m_recorder->lastError());
        m_reportedWriteError = m_recorder->lastError();
    }
}

void SessionHistory::finish() {
    if (!m_recorder) return;
    if (m_recorder->attached()) m_recorder->flush();
    if (m_recorder->attached() && !m_recorder->lastError()) return;
    const std::string cause = m_recorder->attached() ? *m_recorder->lastError() : m_busyCause;
    problem(SessionProblem::Kind::HistoryWaiting, cause);
    // Bounded: one attempt a second (a lock is waited on within it; a full disk fails at once).
    using Clock = std::chrono::steady_clock;
    const auto deadline = Clock::now() + std::chrono::milliseconds(m_options.lockWaitMs);
    while (true) {
        const auto attemptStart = Clock::now();
        const auto leftMs = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - attemptStart).count();
        const int waitMs = static_cast<int>(std::clamp<long long>(leftMs, 1, 1000));
        if (!m_recorder->attached() && openStore(waitMs)) m_recorder->attach(*m_store, m_profileId);
        if (m_recorder->attached()) {
            m_store->setBusyTimeout(waitMs);
            m_recorder->flush();
            m_store->setBusyTimeout(HistoryStore::kBusyTimeoutMs);
            if (!m_recorder->lastError()) {
                problem(SessionProblem::Kind::HistorySaved, {});
                m_reportedWriteError.reset();
                return;
            }
        }
        if (Clock::now() >= deadline) break;
        std::this_thread::sleep_until(std::min(deadline, attemptStart + std::chrono::seconds(1)));
    }
    keepUnwritten();
}

void SessionHistory::keepUnwritten() {
    const std::string cause =
        m_recorder->attached() && m_recorder->lastError() ? *m_recorder->lastError() : m_busyCause;
    auto [minutes, events] = m_recorder->takeUnwritten();
    if (minutes.empty() && events.empty()) return;
    try {
        appendToJournal(m_options.database, {m_options.profile, std::move(minutes), std::move(events)});
        problem(SessionProblem::Kind::HistoryKept, journalPath(m_options.database).string() + " (" + cause + ")");
    } catch (const Error& e) {
        problem(SessionProblem::Kind::HistoryLost, cause + "; " + e.what());
    }
}

std::optional<PostureBaseline> SessionHistory::baseline() {
    if (!m_store) return std::nullopt;
    try {
        const auto text = m_store->baseline(m_profileId);
        if (!text) return std::nullopt;
        return baselineFromJson(nlohmann::json::parse(*text));
    } catch (const std::exception& e) {
        problem(SessionProblem::Kind::BaselineUnreadable, e.what());
        return std::nullopt;
    }
}

std::optional<FaceDescriptor> SessionHistory::enrolledFace() {
    if (!m_store) return std::nullopt;
    try {
        const auto stored = m_store->faceDescriptor(m_profileId);
        if (!stored || stored->size() != FaceDescriptor{}.size()) return std::nullopt;
        FaceDescriptor face{};
        std::copy(stored->begin(), stored->end(), face.begin());
        return face;
    } catch (const Error& e) {
        problem(SessionProblem::Kind::HistoryError, e.what());
        return std::nullopt;
    }
}

void SessionHistory::saveBaseline(const PostureBaseline& baseline) {
    if (!m_store) return;
    try {
        m_store->saveBaseline(m_profileId, toJson(baseline).dump());
    } catch (const Error& e) {
        problem(SessionProblem::Kind::HistoryError, e.what());
    }
}

void SessionHistory::saveFace(const FaceDescriptor& face) {
    if (!m_store) return;
    try {
        m_store->saveFaceDescriptor(m_profileId, std::vector<float>(face.begin(), face.end()));
    } catch (const Error& e) {
        problem(SessionProblem::Kind::HistoryError, e.what());
    }
}

std::optional<PeriodReport> SessionHistory::today(double utcSec) {
    if (!m_store) return std::nullopt;
    try {
        return buildReport(*m_store, m_profileId, localDayOf(utcSec));
    } catch (const Error& e) {
        problem(SessionProblem::Kind::HistoryError, e.what());
        return std::nullopt;
    }
}

void SessionHistory::switchProfile(const std::string& name) {
    flush();
    if (m_recorder && (!m_recorder->attached() || m_recorder->lastError())) keepUnwritten();
    m_options.profile = name;
    if (!m_options.database.empty()) open();
}

void SessionHistory::deleteAll() {
    m_recorder.reset();
    m_store.reset();
    m_reportedWriteError.reset();
    if (m_options.database.empty()) return;
    try {
        HistoryStore::deleteAll(m_options.database);
    } catch (const Error& e) {
        problem(SessionProblem::Kind::HistoryError, e.what());
    }
    open();
}

}  // namespace posesmart
