// Appends the fake camera's events (open, s_fmt, streamon, unplug, ...) to POSESMART_FAKECAM_LOG.
#pragma once

#include <string>

namespace fakecam {

// Appends `line` and a newline with one write() to an O_APPEND file, so the lines of several
// processes sharing a log never interleave. Does nothing when `path` is empty.
void logEvent(const std::string& path, const std::string& line);

}  // namespace fakecam
