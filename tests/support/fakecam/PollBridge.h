// poll/select/epoll on sets that contain fake cameras, through each camera's eventfd.

// Mixed sets with real descriptors then wait in one real ppoll() without spinning.
#pragma once

#include <poll.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <time.h>

namespace fakecam {

// ppoll() semantics (timeout nullptr: forever), for sets with or without fake descriptors.
int pollWithFakes(pollfd* fds, nfds_t count, const timespec* timeout, const sigset_t* mask);
// select()/pselect() semantics; `remaining` (may be nullptr) receives the time left, as Linux select does.
int selectWithFakes(int nfds, fd_set* readFds, fd_set* writeFds, fd_set* exceptFds, const timespec* timeout,
                    const sigset_t* mask, timespec* remaining);
// Whether any of the first `nfds` descriptors in the sets is a fake camera.
bool selectHasFakes(int nfds, const fd_set* readFds, const fd_set* writeFds, const fd_set* exceptFds);
// epoll_ctl() with a fake descriptor replaced by its eventfd (the event's user data is kept).
int epollCtlWithFakes(int epollFd, int op, int fd, epoll_event* event);

}  // namespace fakecam
