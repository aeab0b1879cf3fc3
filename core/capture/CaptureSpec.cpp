#include "capture/CaptureSpec.h"

#include "common/Error.h"

#include <charconv>

namespace posesmart {

CaptureSpec parseCaptureSpec(const std::string& spec) {
    CaptureSpec out;
    const std::string_view prefix = kCameraPrefix;
    if (!spec.starts_with(prefix)) {
        out.path = spec;
        return out;
    }
    out.camera = true;
    const std::string rest = spec.substr(prefix.size());
    if (rest.empty())
        throw Error(ErrorKind::BadArgument, "'" + spec + "' names no camera (camera:0, camera:/dev/video0)");
    if (rest.find_first_not_of("0123456789") == std::string::npos) {
        int index = 0;
        const auto [end, error] = std::from_chars(rest.data(), rest.data() + rest.size(), index);
        if (error != std::errc() || end != rest.data() + rest.size() || index > 255) {
            throw Error(ErrorKind::BadArgument, "'" + spec + "': no such camera number");
        }
        out.index = index;
        out.path = "/dev/video" + rest;
        return out;
    }
    out.path = rest;
    return out;
}

}  // namespace posesmart
