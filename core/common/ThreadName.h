// nameThisThread: gives the calling thread a name that top, perf and /proc show (Linux; up to 15
// characters), so that the app's CPU use can be told apart by thread. Elsewhere it does nothing.
#pragma once

#if defined(__linux__)
#include <pthread.h>
#endif

namespace posesmart {

inline void nameThisThread(const char* name) {
#if defined(__linux__)
    pthread_setname_np(pthread_self(), name);
#else
    (void)name;
#endif
}

}  // namespace posesmart
