// The frame-source module's entry point, looked up by name by FrameSourceModule (dlsym). No C++
// exception crosses it: errors come back as a code and a message.
#include "capture/FrameSourceModule.h"
#include "common/Error.h"

#include <cstring>
#include <exception>
#include <new>

namespace {

int failure(int code, const char* what, char* message, std::size_t messageSize) {
    if (message != nullptr && messageSize > 0) {
        std::strncpy(message, what, messageSize - 1);
        message[messageSize - 1] = '\0';
    }
    return code;
}

}  // namespace

extern "C" int posesmart_open_frame_source(const char* spec, posesmart::FrameSource** source, char* message,
                                           std::size_t messageSize) {
    *source = nullptr;
    try {
        *source = posesmart::openFrameSource(spec).release();
        return 0;
    } catch (const posesmart::Error& e) {
        return failure(1 + static_cast<int>(e.kind()), e.what(), message, messageSize);
    } catch (const std::bad_alloc&) {
        return failure(1 + static_cast<int>(posesmart::ErrorKind::Io), "not enough memory to open the input", message,
                       messageSize);
    } catch (const std::exception& e) {
        return failure(1 + static_cast<int>(posesmart::ErrorKind::BadInput), e.what(), message, messageSize);
    } catch (...) {
        return failure(1 + static_cast<int>(posesmart::ErrorKind::BadInput), "the input could not be opened", message,
                       messageSize);
    }
}
