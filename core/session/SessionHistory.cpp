#include "session/SessionHistory.h"

#include "analysis/BaselineJson.h"
#include "common/Error.h"

#include <nlohmann/json.hpp>

namespace posesmart {

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
        m_store = std::make_unique<HistoryStore>(m_options.database);
        if (m_store->openReport().recreated)
            problem(SessionProblem::Kind::HistoryRecreated, m_store->openReport().message);
        m_store->applyRetention(m_options.utcNow, m_options.retentionDays);
        m_profileId = m_store->profileId(m_options.profile);
        m_recorder = std::make_unique<SessionRecorder>(*m_store, m_profileId, m_options.utcAtStreamZero);
    } catch (const Error& e) {
        m_recorder.reset();
        m_store.reset();
        problem(SessionProblem::Kind::HistoryUnavailable, e.what());
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
        m_store->addRoutine(m_profileId, {m_options.utcAtStreamZero + summary.startSec,
                                          m_options.utcAtStreamZero + summary.endSec, summary.routineId, summary.steps,
                                          summary.stepsDone, summary.completed});
    } catch (const Error& e) {
        problem(SessionProblem::Kind::HistoryError, e.what());
    }
}

void SessionHistory::flush() {
    if (!m_recorder) return;
    m_recorder->flush();
    if (m_recorder->lastError() && m_recorder->lastError() != m_reportedWriteError) {
        problem(SessionProblem::Kind::HistoryNotSaved, *m_recorder->lastError());
        m_reportedWriteError = m_recorder->lastError();
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
