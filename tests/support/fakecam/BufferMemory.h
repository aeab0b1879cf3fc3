// The memory of a device's MMAP buffers, in one memfd.

// One memfd, so that every mmap() of a buffer (the program's and the fake's own writable view)
// shares the same pages, as mappings of a real driver's buffer do.
#pragma once

#include <cstddef>
#include <cstdint>
#include <sys/types.h>

namespace fakecam {

class BufferMemory {
public:
    BufferMemory() = default;
    ~BufferMemory() { release(); }
    BufferMemory(const BufferMemory&) = delete;
    BufferMemory& operator=(const BufferMemory&) = delete;

    // `count` buffers of `length` bytes each, page aligned. False (nothing allocated) on failure.
    bool allocate(uint32_t count, uint32_t length);
    // Frees the memory; mappings the program still holds stay valid until it unmaps them (vb2 orphans
    // buffers that are still mapped in the same way).
    void release();

    [[nodiscard]] uint32_t count() const { return m_count; }
    [[nodiscard]] uint32_t length() const { return m_length; }
    // The mmap offset of buffer `index`, as VIDIOC_QUERYBUF reports it.
    [[nodiscard]] uint32_t offsetOf(uint32_t index) const { return index * m_stride; }
    // The buffer an mmap offset names, or -1.
    [[nodiscard]] int indexAt(off_t offset) const;
    [[nodiscard]] size_t stride() const { return m_stride; }
    [[nodiscard]] uint8_t* data(uint32_t index) const { return m_view + size_t{index} * m_stride; }
    // Maps (part of) a buffer for the program.
    void* map(void* addr, size_t length, int prot, int flags, off_t offset) const;

private:
    int m_memFd = -1;
    uint8_t* m_view = nullptr;
    uint32_t m_count = 0;
    uint32_t m_length = 0;
    uint32_t m_stride = 0;
};

}  // namespace fakecam
