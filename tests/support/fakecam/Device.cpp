// A fake camera handle: buffers, streaming, the capture thread, privileges (EBUSY), unplug (ENODEV).
#include "Device.h"

#include "EventLog.h"
#include "RealLibc.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <linux/videodev2.h>
#include <poll.h>
#include <pthread.h>
#include <sys/eventfd.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fakecam {

namespace {

using Clock = std::chrono::steady_clock;  // CLOCK_MONOTONIC, the clock uvc stamps buffers with

constexpr uint32_t kMinBuffers = 1;
constexpr uint32_t kMaxBuffers = 32;  // VB2_MAX_FRAME
constexpr uint32_t kTimestampFlags = V4L2_BUF_FLAG_TIMESTAMP_MONOTONIC | V4L2_BUF_FLAG_TSTAMP_SRC_SOE;

timeval toTimeval(Clock::time_point time) {
    const auto since = std::chrono::duration_cast<std::chrono::microseconds>(time.time_since_epoch()).count();
    return timeval{static_cast<time_t>(since / 1'000'000), static_cast<suseconds_t>(since % 1'000'000)};
}

Clock::duration toDuration(double seconds) {
    return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
}

}  // namespace

Device::Device(int fd, std::string nodePath, Config config)
    : m_fd(fd), m_nodePath(std::move(nodePath)), m_config(std::move(config)) {
    struct stat node {};
    if (real::fstat(fd, &node) == 0) {
        m_nodeDevice = node.st_dev;
        m_nodeInode = node.st_ino;
    }
    // uvc's default: the first format, its first frame size and that size's first (fastest) interval.
    const auto& format = m_config.formats.front();
    m_fourcc = format.fourcc;
    m_width = format.sizes.front().width;
    m_height = format.sizes.front().height;
    m_interval = format.sizes.front().intervals.front();
    m_eventFd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    const std::lock_guard lock(m_mutex);
    syncEventFd();
}

Device::~Device() {
    {
        Lock lock(m_mutex);
        stopCapture(lock);
    }
    if (m_eventFd >= 0) real::close(m_eventFd);
}

void Device::close() {
    Lock lock(m_mutex);
    if (m_closed) return;
    const bool wasStreaming = m_streaming;
    stopCapture(lock);
    m_streaming = false;
    resetQueues();
    m_buffers.clear();
    m_memory.release();
    m_closed = true;
    m_buffersChanged.notify_all();
    syncEventFd();
    if (wasStreaming) {
        logSlots();
        log("streamoff");
    }
    log("close");
}

void Device::log(const std::string& line) const { logEvent(m_config.logPath, line); }

void Device::logSlots() const {
    log("frames filled=" + std::to_string(m_slots.filled) + " no_buffer=" + std::to_string(m_slots.noBuffer) +
        " late=" + std::to_string(m_slots.late) + " dropped=" + std::to_string(m_slots.timingDrop));
}

bool Device::nonBlocking() const {
    const int flags = ::fcntl(m_fd, F_GETFL);
    return flags >= 0 && (flags & O_NONBLOCK) != 0;
}

// uvcvideo lets one file handle at a time change the format or stream ("privileges"); the others get
// EBUSY. A flock on the node stands for that across processes and handles; BUSY=1 fakes a holder.
bool Device::acquirePrivileges() {
    if (m_privileged) return true;
    if (m_config.busy == BusyFault::Streaming) return false;
    if (::flock(m_fd, LOCK_EX | LOCK_NB) != 0) return false;
    m_privileged = true;
    return true;
}

bool Device::checkUnplugged() {
    if (m_unplugged) return true;
    struct stat node {};
    // The kernel removes a disconnected device's node; a test unplugs by deleting the node file.
    if (real::fstat(m_fd, &node) == 0 && node.st_nlink > 0) return false;
    unplug("node removed");
    return true;
}

void Device::unplug(const std::string& reason) {
    if (m_unplugged) return;
    m_unplugged = true;
    // Delete the node only if it is still this device's: a test may already have re-plugged another.
    struct stat node {};
    if (real::stat(m_nodePath.c_str(), &node) == 0 && node.st_dev == m_nodeDevice && node.st_ino == m_nodeInode) {
        ::unlink(m_nodePath.c_str());
    }
    log("unplug " + reason);
    m_buffersChanged.notify_all();
    m_captureWake.notify_all();
    syncEventFd();
}

void Device::syncEventFd() {
    if (m_eventFd < 0) return;
    const bool ready = m_unplugged || m_closed || !m_streaming || !m_done.empty();
    if (ready == m_eventSignalled) return;
    uint64_t value = 1;
    if (ready) {
        [[maybe_unused]] const auto written = ::write(m_eventFd, &value, sizeof value);
    } else {
        [[maybe_unused]] const auto drained = real::read(m_eventFd, &value, sizeof value);
    }
    m_eventSignalled = ready;
}

void Device::resetQueues() {
    for (auto& buffer : m_buffers) buffer.state = BufferState::Dequeued;
    m_queued.clear();
    m_done.clear();
}

short Device::pollEvents() {
    const std::lock_guard lock(m_mutex);
    if (m_closed) return POLLNVAL;
    if (checkUnplugged()) return POLLERR | POLLHUP;
    if (!m_streaming) return POLLERR;
    if (!m_done.empty()) return POLLIN | POLLRDNORM;
    return 0;
}

void* Device::mmap(void* addr, size_t length, int prot, int flags, off_t offset, int& error) {
    const std::lock_guard lock(m_mutex);
    if (checkUnplugged()) {
        error = ENODEV;
        return MAP_FAILED;
    }
    const int index = m_memory.indexAt(offset);
    // vb2 insists on a shared mapping of at most the buffer's (page aligned) length.
    if ((flags & MAP_SHARED) == 0 || index < 0 || length == 0 || length > m_memory.stride()) {
        error = EINVAL;
        return MAP_FAILED;
    }
    void* address = m_memory.map(addr, length, prot, flags, offset);
    if (address == MAP_FAILED) {
        error = errno;
        return MAP_FAILED;
    }
    m_buffers[static_cast<size_t>(index)].mapped = true;
    return address;
}

int Device::requestBuffers(v4l2_requestbuffers& request) {
    if (request.type != V4L2_BUF_TYPE_VIDEO_CAPTURE) return -EINVAL;
    if (request.memory != V4L2_MEMORY_MMAP) return -EINVAL;  // USERPTR/DMABUF are not offered
    if (!acquirePrivileges()) return -EBUSY;
    if (m_streaming) return -EBUSY;
    std::memset(request.reserved, 0, sizeof request.reserved);
    request.capabilities = V4L2_BUF_CAP_SUPPORTS_MMAP;
    request.flags = 0;
    resetQueues();
    m_buffers.clear();
    m_memory.release();
    if (request.count == 0) {
        // uvc gives up the handle's privileges with its buffers, so another handle may stream.
        if (m_privileged) ::flock(m_fd, LOCK_UN);
        m_privileged = false;
        log("reqbufs 0");
        return 0;
    }
    const uint32_t count = std::clamp(request.count, kMinBuffers, kMaxBuffers);
    if (!m_memory.allocate(count, frameBytes(m_width, m_height))) return -ENOMEM;
    m_buffers.assign(count, Buffer{});
    request.count = count;
    log("reqbufs " + std::to_string(count));
    return 0;
}

void Device::fillBuffer(uint32_t index, v4l2_buffer& buffer) const {
    const Buffer& state = m_buffers[index];
    buffer.index = index;
    buffer.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    buffer.bytesused = state.bytesUsed;
    buffer.flags = kTimestampFlags;
    if (state.state == BufferState::Queued) buffer.flags |= V4L2_BUF_FLAG_QUEUED;
    if (state.state == BufferState::Done) buffer.flags |= V4L2_BUF_FLAG_DONE;
    if (state.mapped) buffer.flags |= V4L2_BUF_FLAG_MAPPED;
    buffer.field = V4L2_FIELD_NONE;
    buffer.timestamp = state.timestamp;
    buffer.timecode = v4l2_timecode{};
    buffer.sequence = state.sequence;
    buffer.memory = V4L2_MEMORY_MMAP;
    buffer.m.offset = m_memory.offsetOf(index);
    buffer.length = m_memory.length();
    buffer.reserved2 = 0;
    buffer.request_fd = 0;
}

int Device::queryBuffer(v4l2_buffer& buffer) const {
    if (buffer.type != V4L2_BUF_TYPE_VIDEO_CAPTURE) return -EINVAL;
    if (!hasPrivileges()) return -EBUSY;
    if (buffer.index >= m_buffers.size()) return -EINVAL;
    fillBuffer(buffer.index, buffer);
    return 0;
}

int Device::queueBuffer(v4l2_buffer& buffer) {
    if (buffer.type != V4L2_BUF_TYPE_VIDEO_CAPTURE || buffer.memory != V4L2_MEMORY_MMAP) return -EINVAL;
    if (!hasPrivileges()) return -EBUSY;
    if (buffer.index >= m_buffers.size()) return -EINVAL;
    Buffer& state = m_buffers[buffer.index];
    if (state.state != BufferState::Dequeued) return -EINVAL;  // vb2: "buffer already queued"
    state.state = BufferState::Queued;
    m_queued.push_back(buffer.index);
    fillBuffer(buffer.index, buffer);
    return 0;
}

int Device::dequeueBuffer(v4l2_buffer& buffer, Lock& lock) {
    if (buffer.type != V4L2_BUF_TYPE_VIDEO_CAPTURE || buffer.memory != V4L2_MEMORY_MMAP) return -EINVAL;
    if (!hasPrivileges()) return -EBUSY;
    while (m_done.empty()) {
        if (!m_streaming) return -EINVAL;  // vb2: "streaming off, will not wait for buffers"
        if (nonBlocking()) return -EAGAIN;
        m_buffersChanged.wait_for(lock, std::chrono::milliseconds(250));
        if (m_closed) return -EBADF;
        if (checkUnplugged()) return -ENODEV;
    }
    const uint32_t index = m_done.front();
    m_done.pop_front();
    m_buffers[index].state = BufferState::Dequeued;
    fillBuffer(index, buffer);
    ++m_dequeuedFrames;
    syncEventFd();
    return 0;
}

int Device::streamOn(Lock& lock) {
    if (!hasPrivileges()) return -EBUSY;
    if (m_buffers.empty()) return -EINVAL;
    if (m_streaming) return 0;
    // The capture thread opens the frames itself (so their decoder threads are named after it) and
    // reports back before STREAMON returns, as uvc starts the USB stream within STREAMON.
    m_captureStop = false;
    m_captureStarted = false;
    m_captureError.clear();
    m_capture = std::thread([this] { captureLoop(); });
    ::pthread_setname_np(m_capture.native_handle(), "fakecam-capture");
    m_streaming = true;
    m_buffersChanged.wait(lock, [this] { return m_captureStarted || !m_captureError.empty(); });
    if (!m_captureError.empty()) {
        log("error " + m_captureError);
        m_streaming = false;
        stopCapture(lock);
        return -EIO;
    }
    syncEventFd();
    log("streamon");
    return 0;
}

int Device::streamOff(Lock& lock) {
    if (!hasPrivileges()) return -EBUSY;
    const bool wasStreaming = m_streaming;
    stopCapture(lock);
    m_streaming = false;
    resetQueues();  // vb2 returns every queued and done buffer to the program
    m_buffersChanged.notify_all();
    syncEventFd();
    if (wasStreaming) {
        logSlots();
        log("streamoff");
    }
    return 0;
}

void Device::stopCapture(Lock& lock) {
    if (!m_capture.joinable()) return;
    m_captureStop = true;
    m_captureWake.notify_all();
    std::thread capture = std::move(m_capture);
    lock.unlock();
    capture.join();
    lock.lock();
}

// The camera: at each frame's due time it fills the oldest queued buffer (or loses the frame when the
// program has none queued, as a real camera does), stamping it with that due time.
void Device::captureLoop() {
    // STREAMON names this thread before it waits (releasing the mutex), so once the mutex is taken
    // here the name is set and the decoder threads started below inherit it.
    Lock lock(m_mutex);
    if (!m_frames || !m_frames->matches(m_fourcc, m_width, m_height)) {
        m_frames.reset();
        lock.unlock();
        std::string error;
        auto frames = FrameSource::open(m_config.videoPath, m_fourcc, m_width, m_height, m_config.jpegQuality, error);
        lock.lock();
        if (!frames) {
            m_captureError = error.empty() ? "no frames" : error;
            m_buffersChanged.notify_all();
            return;
        }
        m_frames = std::move(frames);
    }
    // Produce the first frame before the clock starts, so that a slow first decode (a key frame, the
    // decoder's threads starting) does not make the stream begin with a lost frame.
    const double nominal = seconds(m_interval);
    lock.unlock();
    const unsigned char* warmData = nullptr;
    size_t warmSize = 0;
    m_frames->frameAt(m_config.timing.empty() || m_config.timing.front().milliseconds <= 0
                          ? nominal
                          : m_config.timing.front().milliseconds / 1000.0,
                      warmData, warmSize);
    lock.lock();
    const auto start = Clock::now();
    m_streamStart = start;
    m_captureStarted = true;
    m_slots = SlotCounts{};
    m_buffersChanged.notify_all();

    const auto& timing = m_config.timing;
    size_t step = 0;
    uint32_t sequence = 0;
    bool reportedFailure = false;
    auto due = start;
    while (!m_captureStop) {
        TimingStep slot;
        if (!timing.empty()) slot = timing[step++ % timing.size()];
        const double interval = slot.milliseconds > 0 ? slot.milliseconds / 1000.0 : nominal;
        due += toDuration(interval);
        bool lost = slot.drop;
        if (slot.drop) ++m_slots.timingDrop;
        // A slot already more than an interval past is lost rather than delivered late, so an
        // overloaded machine shows dropped frames (sequence gaps), never a growing delay.
        if (!lost && Clock::now() > due + toDuration(std::max(interval, nominal))) {
            lost = true;
            ++m_slots.late;
        }

        const unsigned char* data = nullptr;
        size_t size = 0;
        if (!lost) {
            lock.unlock();
            const bool produced = m_frames->frameAt(std::chrono::duration<double>(due - start).count(), data, size);
            lock.lock();
            if (!produced) {
                lost = true;
                ++m_slots.late;
                if (!reportedFailure) log("error cannot produce frame");
                reportedFailure = true;
            }
        }
        m_captureWake.wait_until(lock, due, [this] { return m_captureStop; });
        if (m_captureStop) break;
        if (checkUnplugged()) break;
        if (m_config.unplugAfter > 0 && m_dequeuedFrames >= m_config.unplugAfter) {
            unplug("after " + std::to_string(m_config.unplugAfter) + " frames");
            break;
        }
        if (!lost && m_queued.empty()) ++m_slots.noBuffer;
        if (!lost && !m_queued.empty()) {
            ++m_slots.filled;
            const uint32_t index = m_queued.front();
            m_queued.pop_front();
            Buffer& buffer = m_buffers[index];
            const size_t used = std::min(size, size_t{m_memory.length()});
            std::memcpy(m_memory.data(index), data, used);
            buffer.bytesUsed = static_cast<uint32_t>(used);
            buffer.sequence = sequence;
            buffer.timestamp = toTimeval(due);
            buffer.state = BufferState::Done;
            m_done.push_back(index);
            syncEventFd();
            m_buffersChanged.notify_all();
        }
        ++sequence;
    }
}

}  // namespace fakecam
