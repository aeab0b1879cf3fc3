// memfd-backed buffer memory for VIDIOC_REQBUFS/QUERYBUF and mmap().
#include "BufferMemory.h"

#include "RealLibc.h"

#include <sys/mman.h>
#include <unistd.h>

namespace fakecam {

bool BufferMemory::allocate(uint32_t count, uint32_t length) {
    release();
    const auto page = static_cast<uint32_t>(::sysconf(_SC_PAGESIZE));
    const uint32_t stride = (length + page - 1) / page * page;
    const size_t total = size_t{count} * stride;
    const int memFd = ::memfd_create("posesmart-fakecam-buffers", MFD_CLOEXEC);
    if (memFd < 0) return false;
    if (::ftruncate(memFd, static_cast<off_t>(total)) != 0) {
        real::close(memFd);
        return false;
    }
    void* view = real::mmap(nullptr, total, PROT_READ | PROT_WRITE, MAP_SHARED, memFd, 0);
    if (view == MAP_FAILED) {
        real::close(memFd);
        return false;
    }
    m_memFd = memFd;
    m_view = static_cast<uint8_t*>(view);
    m_count = count;
    m_length = length;
    m_stride = stride;
    return true;
}

void BufferMemory::release() {
    if (m_view) ::munmap(m_view, size_t{m_count} * m_stride);
    if (m_memFd >= 0) real::close(m_memFd);
    m_memFd = -1;
    m_view = nullptr;
    m_count = m_length = m_stride = 0;
}

int BufferMemory::indexAt(off_t offset) const {
    if (m_stride == 0 || offset < 0 || offset % m_stride != 0) return -1;
    const auto index = offset / m_stride;
    return index < m_count ? static_cast<int>(index) : -1;
}

void* BufferMemory::map(void* addr, size_t length, int prot, int flags, off_t offset) const {
    return real::mmap(addr, length, prot, flags, m_memFd, offset);
}

}  // namespace fakecam
