// Which descriptors of this process are fake cameras, and the device behind each.

// A lock-free bit test answers for the common case of a real descriptor; a mutex guards the map.
#pragma once

#include <memory>

namespace fakecam {

class Device;

namespace fakeFds {

// False for every real descriptor, without taking a lock: the hot path of every interposed call.
bool isFake(int fd) noexcept;
// Whether any descriptor is fake at the moment (lets poll and select skip their scan).
bool anyFake() noexcept;
std::shared_ptr<Device> find(int fd);
// False when the descriptor is beyond the range that is tracked (then it cannot be a fake camera).
bool insert(int fd, std::shared_ptr<Device> device);
// Forgets the descriptor and returns its device (nullptr if it was not fake).
std::shared_ptr<Device> remove(int fd);

}  // namespace fakeFds

}  // namespace fakecam
