// IdentityCheck: whether the face in view is the enrolled person, decided every few seconds from a
// face descriptor computed off the per-frame path (the caller runs FaceDescriptorModel where it
// does not hold up frames and reports the result here). Driven by stream time only.
//
// Nobody enrolled: everything works as for a single user. Enrolled: a face that comes into view
// is checked at once and is not measured until the first verdict; after that a verdict changes
// only when two checks in a row agree on it, so one odd picture (a hand, motion blur) does not
// pause the recording. The enrolled descriptor follows slow changes (beard, glasses, light) as the
// 2022 version did: a running mean over confident matches only.
#pragma once

#include "identity/FaceDescriptor.h"

#include <optional>
#include <string_view>

namespace posesmart {

enum class IdentityState {
    NobodyEnrolled,  // no descriptor stored: everyone is measured
    Checking,        // enrolled; the face in view has no verdict yet
    You,             // the enrolled person
    AnotherPerson,   // someone else: recording and alerts pause
};

// "nobody_enrolled", "checking", "you", "another_person".
std::string_view toString(IdentityState state);

struct IdentitySettings {
    double checkEverySec = 5.0;    // between checks while a face stays in view
    double recheckAfterSec = 1.0;  // sooner while a verdict is not settled
    double faceGoneSec = 2.0;      // no face this long: whoever comes back is checked afresh
    double sameDistance = FaceDescriptorModel::kSamePersonDistance;
    double updateDistance = 0.45;  // closer than this: confident, the enrolled mean learns
    double learnShare = 0.05;      // the running mean's weight of a confident new descriptor
};

class IdentityCheck {
public:
    explicit IdentityCheck(std::optional<FaceDescriptor> enrolled, IdentitySettings settings = {});

    // Call on every frame with whether a face is in view.
    void observe(double streamSec, bool faceInView);
    // Whether a descriptor of the face in view is wanted now.
    [[nodiscard]] bool due(double streamSec) const;
    // The descriptor of the face seen at `streamSec`; returns the state after it.
    IdentityState report(double streamSec, const FaceDescriptor& seen);

    [[nodiscard]] IdentityState state() const { return m_state; }
    // Whether this frame's measurements belong to the user (to record and alert on).
    [[nodiscard]] bool measures() const {
        return m_state == IdentityState::NobodyEnrolled || m_state == IdentityState::You;
    }
    [[nodiscard]] const std::optional<FaceDescriptor>& enrolled() const { return m_enrolled; }
    [[nodiscard]] std::optional<double> lastDistance() const { return m_lastDistance; }
    [[nodiscard]] int enrolledUpdates() const { return m_updates; }

private:
    IdentitySettings m_settings;
    std::optional<FaceDescriptor> m_enrolled;
    IdentityState m_state;
    std::optional<double> m_nextCheckSec;  // none: check as soon as a face is in view
    std::optional<double> m_lastFaceSec;
    bool m_faceInView = false;
    std::optional<bool> m_pendingSame;  // a verdict seen once, waiting for a second
    std::optional<double> m_lastDistance;
    int m_updates = 0;
};

}  // namespace posesmart
