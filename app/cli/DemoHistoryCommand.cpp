#include "DemoHistoryCommand.h"

#include "analysis/AlertPolicy.h"
#include "history/HistoryStore.h"
#include "history/LocalTime.h"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <iostream>
#include <random>

namespace posesmart::cli {

namespace {

constexpr const char* kProfileName = "Demo (generated)";
constexpr double kAlertCooldownSec = 600.0;

struct Session {
    double fromHour;
    double toHour;
};

// One generated day: about 8 hours at the desk with a lunch break; posture and blinking get worse
// as the day goes on; weekends are short or empty unless every day is a working day.
void generateDay(HistoryStore& store, std::int64_t profile, const LocalPeriod& day, double nowUtc, bool everyDay,
                 std::mt19937& rng) {
    std::tm tm{};
    const auto midnight = static_cast<std::time_t>(day.fromUtcSec);
    localtime_r(&midnight, &tm);
    const bool weekend = !everyDay && (tm.tm_wday == 0 || tm.tm_wday == 6);
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    std::normal_distribution<double> jitter(0.0, 0.25);
    std::vector<Session> sessions;
    if (weekend) {
        if (uniform(rng) < 0.3) sessions.push_back({10.5 + jitter(rng), 11.5 + jitter(rng)});
    } else {
        sessions = {{9.0 + jitter(rng), 12.5 + jitter(rng)}, {13.5 + jitter(rng), 18.0 + jitter(rng)}};
    }
    std::vector<MinuteRecord> minutes;
    std::vector<HistoryEvent> events;
    std::array<double, kAlertKindCount> lastAlert{};
    lastAlert.fill(-1e18);
    const double badness = 0.1 + 0.15 * uniform(rng);  // this day's share of poor posture in the morning
    for (std::size_t s = 0; s < sessions.size(); ++s) {
        // Hours are counted from the local midnight; across a DST change that is off by an hour,
        // which does not matter for made-up data.
        const double from = day.fromUtcSec + sessions[s].fromHour * 3600.0;
        const double to = std::min(nowUtc, day.fromUtcSec + sessions[s].toHour * 3600.0);
        if (s > 0 && from < nowUtc)
            events.push_back(HistoryEvent::breakAt(day.fromUtcSec + sessions[s - 1].toHour * 3600.0,
                                                   (sessions[s].fromHour - sessions[s - 1].toHour) * 3600.0));
        for (double t = std::floor(from / 60.0) * 60.0; t + 60.0 <= to; t += 60.0) {
            const double hour = (t - day.fromUtcSec) / 3600.0;
            const double fatigue = std::clamp((hour - 9.0) / 9.0, 0.0, 1.0);
            MinuteRecord m;
            m.minuteUtc = static_cast<std::int64_t>(t / 60.0);
            m.presentSec = uniform(rng) < 0.05 ? 30.0 + 30.0 * uniform(rng) : 60.0;
            const double bad = std::clamp(badness + 0.35 * fatigue + 0.1 * jitter(rng), 0.0, 0.9);
            std::array<double, kPostureStateCount> share{};
            share[static_cast<std::size_t>(PostureState::ForwardHead)] = bad * 0.45;
            share[static_cast<std::size_t>(PostureState::Slouch)] = bad * 0.3;
            share[static_cast<std::size_t>(PostureState::TooClose)] = bad * 0.15;
            share[static_cast<std::size_t>(PostureState::Tilted)] = bad * 0.1;
            share[static_cast<std::size_t>(PostureState::Good)] = 1.0 - bad - 0.03;
            share[static_cast<std::size_t>(PostureState::Unknown)] = 0.03;
            for (std::size_t k = 0; k < kPostureStateCount; ++k) m.secondsByState[k] = share[k] * m.presentSec;
            m.secondsByState[static_cast<std::size_t>(PostureState::Away)] = 60.0 - m.presentSec;
            m.eyesSec = m.presentSec * 0.92;
            std::poisson_distribution<int> blinks(std::max(2.0, (16.0 - 7.0 * fatigue) * m.eyesSec / 60.0));
            m.blinks = blinks(rng);
            m.incompleteBlinks = static_cast<int>(std::lround(m.blinks * (0.15 + 0.15 * fatigue)));
            m.closures = uniform(rng) < 0.01 ? 1 : 0;
            m.distanceFrames = static_cast<int>(m.presentSec * 15.0);
            m.distanceSumCm = m.distanceFrames * (58.0 - 6.0 * fatigue + 2.0 * jitter(rng));
            // A poor minute may raise an alert, one per kind per cooldown.
            const std::array<std::pair<PostureState, AlertKind>, 4> kinds = {
                std::pair{PostureState::ForwardHead, AlertKind::ForwardHead},
                {PostureState::Slouch, AlertKind::Slouch},
                {PostureState::TooClose, AlertKind::TooClose},
                {PostureState::Tilted, AlertKind::Tilted}};
            for (const auto& [state, kind] : kinds) {
                auto& last = lastAlert[static_cast<std::size_t>(kind)];
                if (share[static_cast<std::size_t>(state)] > 0.08 && uniform(rng) < 0.012 &&
                    t - last >= kAlertCooldownSec) {
                    last = t;
                    ++m.alerts;
                    events.push_back(HistoryEvent::alertAt(t + 30.0, kind));
                }
            }
            minutes.push_back(m);
        }
    }
    store.write(profile, minutes, events);
}

}  // namespace

DemoHistoryCommand::DemoHistoryCommand(CLI::App& parent)
    : m_command(parent.add_subcommand("demo-history",
                                      "Fill a history database with generated days (profile \"Demo (generated)\")")) {
    m_command->add_option("--db", m_dbPath, "history database to fill (created when absent)")->required();
    m_command->add_option("--days", m_days, "days up to today (default 30)")->check(CLI::Range(1, 3650));
    m_command->add_option("--seed", m_seed, "random seed, for repeatable data (default 1)");
    m_command->add_flag("--every-day", m_everyDay, "weekends are working days too (for load tests)");
}

int DemoHistoryCommand::run() const {
    HistoryStore store(m_dbPath);
    if (store.openReport().recreated) std::cerr << "posesmart-cli: " << store.openReport().message << "\n";
    const std::int64_t profile = store.profileId(kProfileName, true);
    store.clearHistory(profile);  // a second run replaces the generated days instead of mixing with them
    std::mt19937 rng(m_seed);
    const double now = static_cast<double>(std::time(nullptr));
    LocalPeriod day = localDayOf(now);
    std::vector<LocalPeriod> days;
    for (int i = 0; i < m_days; ++i) {
        days.push_back(day);
        day = localDayOf(day.fromUtcSec - 3600.0);
    }
    std::reverse(days.begin(), days.end());
    for (const LocalPeriod& d : days) generateDay(store, profile, d, now, m_everyDay, rng);
    std::cout << "generated " << m_days << " days of history for \"" << kProfileName << "\" in " << m_dbPath << "\n";
    return 0;
}

}  // namespace posesmart::cli
