// Waits on fake cameras through their eventfds together with real descriptors.
#include "PollBridge.h"

#include "Device.h"
#include "FdTable.h"
#include "RealLibc.h"

#include <cerrno>
#include <chrono>
#include <memory>
#include <vector>

namespace fakecam {

namespace {

using Clock = std::chrono::steady_clock;

timespec toTimespec(Clock::duration duration) {
    if (duration < Clock::duration::zero()) duration = Clock::duration::zero();
    const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(duration).count();
    return timespec{static_cast<time_t>(ns / 1'000'000'000), static_cast<long>(ns % 1'000'000'000)};
}

Clock::duration toDuration(const timespec& time) {
    return std::chrono::duration_cast<Clock::duration>(std::chrono::seconds(time.tv_sec) +
                                                       std::chrono::nanoseconds(time.tv_nsec));
}

bool isSet(int fd, const fd_set* set) { return set && FD_ISSET(fd, set); }

// poll() always reports errors, hang-ups and invalid descriptors, whatever was asked for.
short masked(short state, short requested) {
    return static_cast<short>(state & (requested | POLLERR | POLLHUP | POLLNVAL));
}

}  // namespace

int pollWithFakes(pollfd* fds, nfds_t count, const timespec* timeout, const sigset_t* mask) {
    // An event loop polls all the time while a camera is open elsewhere in the process: sets without
    // a camera go straight through, without allocating.
    bool anyFake = false;
    for (nfds_t i = 0; i < count && !anyFake; ++i) anyFake = fakeFds::isFake(fds[i].fd);
    if (!anyFake) return real::ppoll(fds, count, timeout, mask);
    std::vector<std::shared_ptr<Device>> devices(count);
    for (nfds_t i = 0; i < count; ++i) devices[i] = fakeFds::find(fds[i].fd);

    const bool forever = timeout == nullptr;
    const auto deadline = forever ? Clock::time_point::max() : Clock::now() + toDuration(*timeout);
    std::vector<pollfd> work(fds, fds + count);
    while (true) {
        bool fakeReady = false;
        for (nfds_t i = 0; i < count; ++i) {
            work[i].revents = 0;
            if (!devices[i]) continue;
            const short state = devices[i]->pollEvents();
            fds[i].revents = masked(state, fds[i].events);
            fakeReady = fakeReady || fds[i].revents != 0;
            // Only a camera with nothing to report is waited on (its eventfd is readable otherwise).
            work[i].fd = state != 0 ? -1 : devices[i]->eventFd();
            work[i].events = POLLIN;
        }
        timespec wait = toTimespec(fakeReady || forever ? Clock::duration::zero() : deadline - Clock::now());
        const int result = real::ppoll(work.data(), count, fakeReady || !forever ? &wait : nullptr, mask);
        if (result < 0) return result;

        int ready = 0;
        for (nfds_t i = 0; i < count; ++i) {
            if (devices[i]) {
                fds[i].revents = masked(devices[i]->pollEvents(), fds[i].events);
            } else {
                fds[i].revents = work[i].revents;
            }
            if (fds[i].revents != 0) ++ready;
        }
        // Nothing ready although ppoll woke: another thread took the frame first; wait again.
        if (ready > 0 || (!forever && Clock::now() >= deadline)) return ready;
    }
}

bool selectHasFakes(int nfds, const fd_set* readFds, const fd_set* writeFds, const fd_set* exceptFds) {
    if (!fakeFds::anyFake()) return false;
    for (int fd = 0; fd < nfds && fd < FD_SETSIZE; ++fd) {
        if ((isSet(fd, readFds) || isSet(fd, writeFds) || isSet(fd, exceptFds)) && fakeFds::isFake(fd)) return true;
    }
    return false;
}

int selectWithFakes(int nfds, fd_set* readFds, fd_set* writeFds, fd_set* exceptFds, const timespec* timeout,
                    const sigset_t* mask, timespec* remaining) {
    std::vector<pollfd> polled;
    for (int fd = 0; fd < nfds && fd < FD_SETSIZE; ++fd) {
        short events = 0;
        if (isSet(fd, readFds)) events |= POLLIN;
        if (isSet(fd, writeFds)) events |= POLLOUT;
        if (isSet(fd, exceptFds)) events |= POLLPRI;
        if (events != 0) polled.push_back(pollfd{fd, events, 0});
    }
    const auto start = Clock::now();
    const int result = pollWithFakes(polled.data(), polled.size(), timeout, mask);
    if (remaining && timeout) *remaining = toTimespec(toDuration(*timeout) - (Clock::now() - start));
    if (result < 0) return result;
    for (const auto& entry : polled) {
        if (entry.revents & POLLNVAL) {
            errno = EBADF;
            return -1;
        }
    }
    if (readFds) FD_ZERO(readFds);
    if (writeFds) FD_ZERO(writeFds);
    if (exceptFds) FD_ZERO(exceptFds);
    int bits = 0;
    // The kernel's select maps poll results so: errors and hang-ups make a descriptor readable (and
    // writable); only POLLPRI is "exceptional".
    for (const auto& entry : polled) {
        if ((entry.events & POLLIN) && (entry.revents & (POLLIN | POLLRDNORM | POLLHUP | POLLERR))) {
            FD_SET(entry.fd, readFds);
            ++bits;
        }
        if ((entry.events & POLLOUT) && (entry.revents & (POLLOUT | POLLWRNORM | POLLERR))) {
            FD_SET(entry.fd, writeFds);
            ++bits;
        }
        if ((entry.events & POLLPRI) && (entry.revents & POLLPRI)) {
            FD_SET(entry.fd, exceptFds);
            ++bits;
        }
    }
    return bits;
}

int epollCtlWithFakes(int epollFd, int op, int fd, epoll_event* event) {
    const auto device = fakeFds::find(fd);
    if (!device) return real::epollCtl(epollFd, op, fd, event);
    if (!event) return real::epollCtl(epollFd, op, device->eventFd(), nullptr);
    epoll_event watched = *event;
    watched.events |= EPOLLIN;  // the eventfd signals every kind of readiness as readable
    return real::epollCtl(epollFd, op, device->eventFd(), &watched);
}

}  // namespace fakecam
