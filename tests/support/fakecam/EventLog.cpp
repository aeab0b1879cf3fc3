// Writes event lines for tests to assert what a program negotiated with the fake camera.
#include "EventLog.h"

#include "RealLibc.h"

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace fakecam {

void logEvent(const std::string& path, const std::string& line) {
    if (path.empty()) return;
    const int savedErrno = errno;  // callers report their own errno after logging
    const int fd = real::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd >= 0) {
        const std::string text = line + '\n';
        [[maybe_unused]] const auto written = ::write(fd, text.data(), text.size());
        real::close(fd);
    }
    errno = savedErrno;
}

}  // namespace fakecam
