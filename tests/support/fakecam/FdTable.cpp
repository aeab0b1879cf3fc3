// The registry of fake camera descriptors; constant-initialised so it works before any constructor.
#include "FdTable.h"

#include "Device.h"

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <pthread.h>

namespace fakecam::fakeFds {

namespace {

constexpr int kTrackedFds = 65536;
constinit std::array<std::atomic<uint64_t>, kTrackedFds / 64> g_bits{};
constinit std::atomic<int> g_count{0};
constinit std::mutex g_mutex;

// Leaked on purpose: a thread still closing a camera while the process exits must not find it destroyed.
std::map<int, std::shared_ptr<Device>>& devices() {
    static auto* map = new std::map<int, std::shared_ptr<Device>>();
    return *map;
}

uint64_t bitOf(int fd) { return uint64_t{1} << (static_cast<unsigned>(fd) % 64); }

// A forked child has the descriptors but not the capture threads: it forgets every fake camera
// (leaking the devices, whose threads it must not join), so there they are plain files. The table's
// mutex is held across fork() so that the child never inherits it locked.
void lockForFork() { g_mutex.lock(); }
void unlockAfterFork() { g_mutex.unlock(); }
void forgetAllInChild() {
    new std::map<int, std::shared_ptr<Device>>(std::move(devices()));  // leaked with the devices
    devices().clear();
    for (auto& bits : g_bits) bits.store(0, std::memory_order_relaxed);
    g_count.store(0, std::memory_order_release);
    g_mutex.unlock();
}

__attribute__((constructor)) void registerForkHandlers() {
    ::pthread_atfork(lockForFork, unlockAfterFork, forgetAllInChild);
}

}  // namespace

bool isFake(int fd) noexcept {
    if (fd < 0 || fd >= kTrackedFds) return false;
    return (g_bits[static_cast<size_t>(fd) / 64].load(std::memory_order_acquire) & bitOf(fd)) != 0;
}

bool anyFake() noexcept { return g_count.load(std::memory_order_acquire) > 0; }

std::shared_ptr<Device> find(int fd) {
    if (!isFake(fd)) return nullptr;
    const std::lock_guard lock(g_mutex);
    const auto it = devices().find(fd);
    return it == devices().end() ? nullptr : it->second;
}

bool insert(int fd, std::shared_ptr<Device> device) {
    if (fd < 0 || fd >= kTrackedFds) return false;
    const std::lock_guard lock(g_mutex);
    auto& slot = devices()[fd];
    if (!slot) g_count.fetch_add(1, std::memory_order_acq_rel);
    slot = std::move(device);
    g_bits[static_cast<size_t>(fd) / 64].fetch_or(bitOf(fd), std::memory_order_acq_rel);
    return true;
}

std::shared_ptr<Device> remove(int fd) {
    if (!isFake(fd)) return nullptr;
    const std::lock_guard lock(g_mutex);
    const auto it = devices().find(fd);
    if (it == devices().end()) return nullptr;
    auto device = std::move(it->second);
    devices().erase(it);
    g_bits[static_cast<size_t>(fd) / 64].fetch_and(~bitOf(fd), std::memory_order_acq_rel);
    g_count.fetch_sub(1, std::memory_order_acq_rel);
    return device;
}

}  // namespace fakecam::fakeFds
