// Recognising a just-opened descriptor as a fake camera node and turning it into a camera.
#pragma once

#include <string>

namespace fakecam {

// N if `path` (any path to an existing file) resolves to POSESMART_FAKECAM_DIR/videoN, else -1.
int fakeNodeIndex(const std::string& path);

// Called with the result of a real open(): returns `fd` unchanged for anything that is not a fake
// camera node (errno preserved), the same fd registered as a fake camera, or -1 with errno set when a
// fault makes the open fail (the descriptor is then closed).
int adoptIfFakeNode(int fd);

}  // namespace fakecam
