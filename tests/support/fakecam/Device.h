// One open fake camera: negotiated format, MMAP buffers and queues, capture thread, faults.

// One per open() of a node, as each open of /dev/videoN is a V4L2 file handle of its own.
#pragma once

#include "BufferMemory.h"
#include "Config.h"
#include "FrameSource.h"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <sys/time.h>
#include <sys/types.h>
#include <thread>
#include <vector>

struct v4l2_buffer;
struct v4l2_capability;
struct v4l2_fmtdesc;
struct v4l2_format;
struct v4l2_frmivalenum;
struct v4l2_frmsizeenum;
struct v4l2_input;
struct v4l2_requestbuffers;
struct v4l2_streamparm;

namespace fakecam {

class Device {
public:
    // `fd` is the real descriptor of the node file `nodePath`; it stays owned by the caller.
    Device(int fd, std::string nodePath, Config config);
    ~Device();
    Device(const Device&) = delete;
    Device& operator=(const Device&) = delete;

    [[nodiscard]] bool valid() const { return m_eventFd >= 0; }
    // Answers a V4L2 ioctl as uvcvideo does: 0, or a negative errno.
    int ioctl(unsigned long request, void* arg);
    // mmap() of a buffer at the offset VIDIOC_QUERYBUF gave: the address, or MAP_FAILED with `error`.
    void* mmap(void* addr, size_t length, int prot, int flags, off_t offset, int& error);
    // poll() readiness now, before masking with the requested events: POLLIN|POLLRDNORM when a
    // buffer can be dequeued, POLLERR when not streaming, POLLERR|POLLHUP once unplugged.
    short pollEvents();
    // Readable exactly when pollEvents() reports something, so poll/select/epoll can wait on it.
    [[nodiscard]] int eventFd() const { return m_eventFd; }
    // close(): stops streaming and frees the buffers (uvc releases the handle the same way).
    void close();
    [[nodiscard]] const std::string& logPath() const { return m_config.logPath; }

private:
    enum class BufferState { Dequeued, Queued, Done };
    struct Buffer {
        BufferState state = BufferState::Dequeued;
        bool mapped = false;
        uint32_t bytesUsed = 0;
        uint32_t sequence = 0;
        timeval timestamp{};
    };
    using Lock = std::unique_lock<std::mutex>;

    // DeviceIoctl.cpp: the ioctl switch and the ioctls that only read or negotiate formats.
    int dispatch(unsigned long request, void* arg, Lock& lock);
    int queryCapability(v4l2_capability& cap) const;
    int enumFormat(v4l2_fmtdesc& desc) const;
    int enumFrameSizes(v4l2_frmsizeenum& size) const;
    int enumFrameIntervals(v4l2_frmivalenum& interval) const;
    int getFormat(v4l2_format& format) const;
    int tryFormat(v4l2_format& format) const;
    int setFormat(v4l2_format& format);
    int getParm(v4l2_streamparm& parm) const;
    int setParm(v4l2_streamparm& parm);
    int enumInput(v4l2_input& input) const;

    // Device.cpp: buffers and streaming.
    int requestBuffers(v4l2_requestbuffers& request);
    int queryBuffer(v4l2_buffer& buffer) const;
    int queueBuffer(v4l2_buffer& buffer);
    int dequeueBuffer(v4l2_buffer& buffer, Lock& lock);
    int streamOn(Lock& lock);
    int streamOff(Lock& lock);
    void fillBuffer(uint32_t index, v4l2_buffer& buffer) const;

    bool acquirePrivileges();
    [[nodiscard]] bool hasPrivileges() const { return m_privileged; }
    [[nodiscard]] bool nonBlocking() const;
    // True once unplugged: by the UNPLUG_AFTER fault, or because the node file was deleted.
    bool checkUnplugged();
    void unplug(const std::string& reason);
    void stopCapture(Lock& lock);
    void resetQueues();
    void syncEventFd();
    void captureLoop();
    void log(const std::string& line) const;
    void logSlots() const;

    const int m_fd;
    const std::string m_nodePath;
    const Config m_config;
    dev_t m_nodeDevice = 0;
    ino_t m_nodeInode = 0;

    std::mutex m_mutex;
    std::condition_variable m_buffersChanged;  // DQBUF waiters: a buffer is done, or the stream ended
    std::condition_variable m_captureWake;     // the capture thread: stop, or the stream may start

    uint32_t m_fourcc = 0;
    uint32_t m_width = 0;
    uint32_t m_height = 0;
    Fraction m_interval;
    bool m_privileged = false;

    BufferMemory m_memory;
    std::vector<Buffer> m_buffers;
    std::deque<uint32_t> m_queued;
    std::deque<uint32_t> m_done;
    long m_dequeuedFrames = 0;
    // Per stream, logged at STREAMOFF: why frame slots went without a filled buffer.
    struct SlotCounts {
        long filled = 0;
        long noBuffer = 0;   // the program had no buffer queued (it is behind)
        long late = 0;       // the fake could not produce the frame in time (machine overloaded)
        long timingDrop = 0; // `drop` lines of the timing file
    } m_slots;

    bool m_streaming = false;
    bool m_captureStop = false;
    bool m_captureStarted = false;
    std::string m_captureError;
    std::thread m_capture;
    std::chrono::steady_clock::time_point m_streamStart;
    std::unique_ptr<FrameSource> m_frames;  // used by the capture thread only, kept between streams

    bool m_unplugged = false;
    bool m_closed = false;
    int m_eventFd = -1;
    bool m_eventSignalled = false;
};

}  // namespace fakecam
